// Figures of the sample story (shared/data/seeds, five reports of one event), checked by hand
// against the files: the death tolls diverge and one report says the 164 figure was
// retracted; detentions agree at about 8,000; troop numbers agree.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "witness/figures.h"
#include "witness/text.h"

namespace witness::figures {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

const fs::path kSeeds = fs::path(WITNESS_SHARED_DATA) / "seeds";

class SeedFigures : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kSeeds)) GTEST_SKIP() << "seed data not found at " << kSeeds.string();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kSeeds)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      const std::string id = p.filename().string().substr(0, 3);  // "000".."004"
      texts_[id] = text::Normalize(ss.str()).text;
      for (Figure& f : ExtractFigures(texts_[id])) claims_.push_back({id, std::move(f)});
    }
    groups_ = CompareFigures(claims_);
  }

  const FigureGroup& Group(std::string_view key) const {
    for (const auto& g : groups_) {
      if (g.key == key) return g;
    }
    static const FigureGroup kNone;
    ADD_FAILURE() << "no group " << key;
    return kNone;
  }

  // "source:text" of each claim of a group, retracted ones marked.
  std::vector<std::string> Claims(const FigureGroup& g) const {
    std::vector<std::string> v;
    for (uint32_t c : g.claims) {
      v.push_back(claims_[c].source + ":" + claims_[c].figure.text +
                  (claims_[c].figure.status == Status::kRetracted ? " (retracted)" : ""));
    }
    return v;
  }

  std::map<std::string, std::string> texts_;
  std::vector<SourcedFigure> claims_;
  std::vector<FigureGroup> groups_;
};

TEST_F(SeedFigures, DeathTollsDivergeAndTheRetractionIsNoted) {
  const FigureGroup& g = Group("death|people");
  EXPECT_THAT(Claims(g), ElementsAre("000:More than two dozen", "001:At least two dozen",
                                     "001:more than 164 (retracted)", "002:At least 164", "004:164",
                                     "004:More than two dozen"));
  EXPECT_EQ(g.verdict, Verdict::kDiverge);
  EXPECT_EQ(g.source_count, 4u);
  ASSERT_EQ(g.retracted.size(), 1u);
  const Figure& r = claims_[g.retracted[0]].figure;
  EXPECT_EQ(r.status_cue_text, "retracted");
  EXPECT_EQ(r.attribution.source, "the information ministry");
  // "At least 164" (002) and the "164 killed" headline (004) repeat the retracted value.
  std::vector<std::string> echoes;
  for (uint32_t c : g.echoes_retracted) echoes.push_back(claims_[c].source);
  EXPECT_THAT(echoes, ElementsAre("002", "004"));
  EXPECT_EQ(g.label, "people killed");
}

TEST_F(SeedFigures, DetentionsAgreeAtAbout8000) {
  const FigureGroup& g = Group("detention|people");
  EXPECT_THAT(Claims(g), ElementsAre("000:about 8,000", "001:about 8,000", "001:nearly 8,000",
                                     "002:almost 8,000", "003:Thousands", "004:more than 5,000",
                                     "004:about 8,000"));
  EXPECT_EQ(g.verdict, Verdict::kAgree);
  EXPECT_EQ(g.source_count, 5u);
  for (const FigurePair& p : g.pairs) EXPECT_EQ(p.verdict, Verdict::kAgree);
}

TEST_F(SeedFigures, TroopsAndEquipmentAgree) {
  const FigureGroup& t = Group("forces|troop");
  EXPECT_THAT(Claims(t), ElementsAre("001:just over 2,000", "002:2,030"));
  EXPECT_EQ(t.verdict, Verdict::kAgree);
  const FigureGroup& e = Group("other|militari equip");
  EXPECT_THAT(Claims(e), ElementsAre("001:250", "002:250"));
  EXPECT_EQ(e.verdict, Verdict::kAgree);
}

TEST_F(SeedFigures, AttributionsAndTimes) {
  for (const auto& c : claims_) {
    if (c.source == "001" && c.figure.text == "nearly 8,000") {
      EXPECT_EQ(c.figure.attribution.source, "the interior ministry");
      ASSERT_EQ(c.figure.times.size(), 1u);
      EXPECT_EQ(c.figure.times[0].text, "Monday");
    }
    if (c.source == "002" && c.figure.text == "At least 164") {
      EXPECT_EQ(c.figure.attribution.source, "the country\xE2\x80\x99s authorities");
      EXPECT_EQ(c.figure.attribution.cue, "according to");
    }
    // No year, date or label of the seeds is a figure.
    EXPECT_NE(c.figure.text, "2022");
    EXPECT_NE(c.figure.text, "2014");
    EXPECT_NE(c.figure.text, "19");  // Covid-19
    EXPECT_NE(c.figure.text, "10");  // Jan 10
  }
}

TEST_F(SeedFigures, ClaimsJsonOffsetsPointIntoTheFiles) {
  for (const auto& e : fs::directory_iterator(kSeeds)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    const FileFigures ff = FiguresForFile(bytes);
    for (const Figure& f : ff.figures) {
      EXPECT_EQ(f.number.span.in(bytes), f.text) << e.path();
    }
  }
}

}  // namespace
}  // namespace witness::figures
