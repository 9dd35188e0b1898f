// FiguresForFile and FiguresToJson: byte offsets into the file as given, whatever
// normalisation changed, and the documented JSON shape.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "compare/figure_map.h"
#include "witness/figures.h"
#include "witness/text.h"

namespace witness::figures {
namespace {

using ::testing::SizeIs;

std::string At(std::string_view bytes, text::Span s) { return std::string(s.in(bytes)); }

TEST(FigureFile, PlainTextKeepsOffsets) {
  const std::string bytes = "Officials said about 8,000 people were detained.";
  const FileFigures ff = FiguresForFile(bytes);
  ASSERT_THAT(ff.figures, SizeIs(1));
  EXPECT_EQ(At(bytes, ff.figures[0].number.span), "about 8,000");
  EXPECT_EQ(ff.text, bytes);
  EXPECT_EQ(ff.repaired_sequences, 0u);
}

TEST(FigureFile, OffsetsMapBackThroughCrLfNulAndRepairs) {
  // CR LF -> LF, a NUL dropped, invalid bytes repaired (each -> 3-byte U+FFFD).
  const std::string bytes = std::string("Title\r\n\r\n\xFF\xFE bad\0 bytes. ", 24) +
                            "More than two dozen people were killed, police said.\r\n";
  const FileFigures ff = FiguresForFile(bytes);
  EXPECT_EQ(ff.removed_nuls, 1u);
  EXPECT_EQ(ff.repaired_sequences, 2u);
  EXPECT_EQ(ff.text, text::Normalize(bytes).text);
  ASSERT_THAT(ff.figures, SizeIs(1));
  const Figure& f = ff.figures[0];
  EXPECT_EQ(At(bytes, f.number.span), "More than two dozen");
  EXPECT_EQ(At(bytes, f.counted_span), "people");
  EXPECT_EQ(At(bytes, f.event_span), "killed");
  EXPECT_EQ(At(bytes, f.attribution.source_span), "police");
  EXPECT_EQ(At(bytes, f.sentence), "More than two dozen people were killed, police said.");
}

TEST(FigureFile, OffsetsMapBackThroughNfc) {
  // "Cafe\u0301" (NFD) composes to "Café" (NFC): 1 byte shorter before the number.
  const std::string bytes = "Cafe\xCC\x81 owners: 300 people were evacuated.";
  const FileFigures ff = FiguresForFile(bytes);
  EXPECT_TRUE(ff.nfc_changed);
  EXPECT_EQ(ff.text, text::Normalize(bytes).text);
  ASSERT_THAT(ff.figures, SizeIs(1));
  EXPECT_EQ(At(bytes, ff.figures[0].number.span), "300");
  EXPECT_EQ(At(bytes, ff.figures[0].event_span), "evacuated");
  // A span that ends inside a changed stretch widens to the whole stretch.
  EXPECT_EQ(At(bytes, ff.figures[0].sentence).substr(0, 6), "Cafe\xCC\x81");
}

TEST(FigureFile, PiecewiseNormalizationEqualsNormalize) {
  // Random byte soup (with the troublemakers over-represented): the piecewise
  // normalisation must produce exactly text::Normalize's output, and every mapped offset
  // must be monotone and inside the input.
  std::mt19937 rng(1234);
  const std::string parts[] = {"a",
                               "e",
                               " ",
                               "\r",
                               "\n",
                               "\r\n",
                               std::string(1, '\0'),
                               "5",
                               "\xCC\x81",
                               "\xCC\xA3",
                               "\xC3\xA9",
                               "\xFF",
                               "\xE2\x80",
                               "\xE2\x80\x99",
                               "\xF0\x9F\x98",
                               "\xED\xA0\x80",
                               "\xE1\x84\x80",
                               "\xE1\x85\xA1",
                               "\xEA\xB0\x80",
                               ",",
                               "."};
  std::uniform_int_distribution<size_t> pick(0, std::size(parts) - 1);
  std::uniform_int_distribution<int> len(0, 60);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes;
    const int n = len(rng);
    for (int i = 0; i < n; ++i) bytes += parts[pick(rng)];
    text::Normalized norm;
    const internal::OffsetMap map = internal::NormalizeWithMap(bytes, &norm);
    const text::Normalized ref = text::Normalize(bytes);
    ASSERT_EQ(norm.text, ref.text)
        << "round " << round << " input " << ::testing::PrintToString(bytes);
    EXPECT_EQ(norm.repaired_sequences, ref.repaired_sequences);
    EXPECT_EQ(norm.removed_nuls, ref.removed_nuls);
    uint32_t prev_b = 0, prev_e = 0;
    for (uint32_t p = 0; p <= norm.text.size(); ++p) {
      const uint32_t b = map.Begin(p), e = map.End(p);
      ASSERT_LE(b, bytes.size());
      ASSERT_LE(e, bytes.size());
      ASSERT_GE(b, prev_b);
      ASSERT_GE(e, prev_e);
      ASSERT_LE(b, std::max(e, b));
      prev_b = b;
      prev_e = e;
    }
    // The first normalised byte comes from at or after the first input byte; a span that
    // ends the text ends the input (removed trailing bytes included).
    if (!norm.text.empty()) {
      EXPECT_EQ(map.End(static_cast<uint32_t>(norm.text.size())), bytes.size());
    }
    EXPECT_LE(map.Begin(0), bytes.size());
  }
}

TEST(FigureFile, JsonShape) {
  const std::string bytes =
      "On Sunday, the information ministry retracted a statement that said more than 164 "
      "people had died.";
  const auto j = nlohmann::json::parse(FiguresToJson(FiguresForFile(bytes)));
  ASSERT_EQ(j["figures"].size(), 1u);
  const auto& f = j["figures"][0];
  EXPECT_EQ(f["text"], "more than 164");
  EXPECT_EQ(
      bytes.substr(f["begin"].get<size_t>(), f["end"].get<size_t>() - f["begin"].get<size_t>()),
      "more than 164");
  EXPECT_EQ(f["kind"], "cardinal");
  EXPECT_EQ(f["qualifier"], "more_than");
  EXPECT_EQ(f["value"], 164);
  EXPECT_TRUE(f["value2"].is_null());
  EXPECT_TRUE(f["unit"].is_null());
  EXPECT_EQ(f["interval"]["lo"], 164);
  EXPECT_TRUE(f["interval"]["hi"].is_null());
  EXPECT_EQ(f["interval"]["lo_closed"], false);
  EXPECT_EQ(f["counted"]["text"], "people");
  EXPECT_EQ(f["counted"]["key"], "people");
  EXPECT_EQ(f["event"]["key"], "die");
  EXPECT_EQ(f["topic"], "death");
  EXPECT_EQ(f["attribution"]["source"], "the information ministry");
  EXPECT_EQ(f["times"][0]["type"], "weekday");
  EXPECT_EQ(f["status"], "retracted");
  EXPECT_EQ(f["status_cue"]["text"], "retracted");
  EXPECT_EQ(f["sentence"]["begin"], 0);
  EXPECT_EQ(j["repaired_sequences"], 0);
  EXPECT_EQ(j["nfc_changed"], false);
}

TEST(FigureFile, JsonOfBadBytesIsValidUtf8) {
  const std::string bytes = "\xFF\xFE 12 people died \xC0";
  const std::string json = FiguresToJson(FiguresForFile(bytes));
  EXPECT_TRUE(text::IsValidUtf8(json));
  const auto j = nlohmann::json::parse(json);
  EXPECT_EQ(j["figures"].size(), 1u);
  EXPECT_EQ(j["repaired_sequences"], 3);
}

TEST(FigureFile, EmptyFile) {
  const auto j = nlohmann::json::parse(FiguresToJson(FiguresForFile("")));
  EXPECT_TRUE(j["figures"].empty());
}

}  // namespace
}  // namespace witness::figures
