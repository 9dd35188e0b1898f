// Fuzz target for the text pipeline: any bytes -> Normalize -> Segment -> Key/Stem.
//
// Checks: Normalize's output is valid UTF-8, NFC, free of NUL and CR, and a fixed point;
// Segment's spans are ordered, in bounds and on code point boundaries, tokens cover every
// non-space character exactly once and no space, sentences partition the tokens and lie inside
// their paragraphs; Key, Stem, IsStopword and MatchingForm return valid UTF-8 and do not crash.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"
#include "witness/text.h"

namespace {

using namespace witness::text;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "text_fuzz: %s\n", what);
  std::abort();
}

void Check(bool ok, const char* what) {
  if (!ok) Fail(what);
}

bool IsSpace(char32_t c) {
  return c != internal::kInvalidCodePoint &&
         (u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF);
}

void CheckSegmentation(std::string_view text, const Segmentation& seg) {
  // Code point starts and spaces, by the reference decoder.
  std::vector<uint8_t> start(text.size() + 1, 0), space(text.size(), 0), cover(text.size(), 0);
  start[text.size()] = 1;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = 0; i < text.size();) {
    const internal::Decoded d = internal::DecodeUtf8(s + i, s + text.size());
    start[i] = 1;
    for (size_t k = 0; k < d.len; ++k) space[i + k] = IsSpace(d.cp);
    i += d.len;
  }
  uint32_t prev_end = 0;
  for (const Token& t : seg.tokens) {
    Check(t.span.begin < t.span.end, "empty token");
    Check(t.span.end <= text.size(), "token out of bounds");
    Check(t.span.begin >= prev_end, "tokens out of order or overlapping");
    Check(start[t.span.begin] && start[t.span.end], "token not on code point boundaries");
    for (uint32_t i = t.span.begin; i < t.span.end; ++i) {
      Check(!space[i], "whitespace inside a token");
      cover[i] = 1;
    }
    prev_end = t.span.end;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    Check(cover[i] == !space[i], "non-space character outside every token");
  }
  uint32_t next_token = 0;
  for (const Sentence& st : seg.sentences) {
    Check(st.first_token == next_token && st.token_count > 0, "sentences do not partition tokens");
    next_token += st.token_count;
    Check(next_token <= seg.tokens.size(), "sentence past the last token");
    Check(st.span.begin == seg.tokens[st.first_token].span.begin &&
              st.span.end == seg.tokens[next_token - 1].span.end,
          "sentence span does not match its tokens");
  }
  Check(next_token == seg.tokens.size(), "tokens outside every sentence");
  uint32_t next_sentence = 0;
  for (const Paragraph& p : seg.paragraphs) {
    Check(p.first_sentence == next_sentence && p.sentence_count > 0,
          "paragraphs do not partition sentences");
    next_sentence += p.sentence_count;
    Check(next_sentence <= seg.sentences.size(), "paragraph past the last sentence");
    for (uint32_t i = p.first_sentence; i < next_sentence; ++i) {
      Check(seg.sentences[i].span.begin >= p.span.begin && seg.sentences[i].span.end <= p.span.end,
            "sentence outside its paragraph");
    }
  }
  Check(next_sentence == seg.sentences.size(), "sentences outside every paragraph");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Analyzer* analyzer = new Analyzer();  // reused, so its stem cache is exercised too
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const Normalized n = Normalize(bytes);
  Check(IsValidUtf8(n.text), "Normalize output is not valid UTF-8");
  Check(n.text.find('\0') == std::string::npos, "Normalize output holds a NUL");
  Check(n.text.find('\r') == std::string::npos, "Normalize output holds a CR");
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  Check(U_SUCCESS(status) && nfc->isNormalizedUTF8(n.text, status), "Normalize output is not NFC");
  const Normalized again = Normalize(n.text);
  Check(again.text == n.text && !again.nfc_changed && again.repaired_sequences == 0,
        "Normalize is not idempotent");
  Check(IsValidUtf8(bytes) == (n.repaired_sequences == 0), "repair count disagrees with validity");

  const Segmentation seg = Segment(n.text);
  CheckSegmentation(n.text, seg);
  for (const Token& t : seg.tokens) {
    const std::string key(analyzer->Key(n.text, t));
    Check(IsValidUtf8(key), "Key is not valid UTF-8");
    Check(key == MatchingForm(t.span.in(n.text)), "Key differs from MatchingForm of the token");
    const std::string_view stem = analyzer->Stem(key);
    Check(IsValidUtf8(stem), "Stem is not valid UTF-8");
    (void)analyzer->IsStopword(key);
  }
  Check(IsValidUtf8(MatchingForm(n.text)), "MatchingForm is not valid UTF-8");

  // Segment must also cope with text that did not go through Normalize (CR, NUL, anything).
  CheckSegmentation(bytes, Segment(bytes));
  return 0;
}
