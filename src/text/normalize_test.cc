// Normalize(): repair with exact expected outputs, NUL and CR handling, NFC.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <vector>

#include "text/utf8.h"
#include "witness/text.h"

namespace witness::text {
namespace {

const std::string kFFFD = "\xEF\xBF\xBD";

std::string Rep(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += kFFFD;
  return s;
}

struct RepairCase {
  const char* name;
  std::string in;
  std::string out;
  uint32_t repaired;
};

TEST(NormalizeTest, RepairCases) {
  const RepairCase cases[] = {
      // Unicode's own example (chapter 3, "U+FFFD Substitution of Maximal Subparts").
      {"unicode-example", "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
       "a" + Rep(3) + "b" + Rep(1) + "c" + Rep(2) + "d", 6},
      {"truncated-2-at-end", "ab\xC3", "ab" + Rep(1), 1},
      {"truncated-3-at-end", "x\xE2\x82", "x" + Rep(1), 1},
      {"truncated-4-at-end", "x\xF0\x9F\x98", "x" + Rep(1), 1},
      {"truncated-3-mid", "\xE2\x82 ok", Rep(1) + " ok", 1},
      {"truncated-then-valid", "\xF0\x9F\xC3\xA9", Rep(1) + "\xC3\xA9", 1},
      {"overlong-2", "\xC0\xAF", Rep(2), 2},
      {"overlong-C1", "\xC1\xBF", Rep(2), 2},
      {"overlong-3", "\xE0\x80\xAF", Rep(3), 3},
      {"overlong-4", "\xF0\x80\x80\xAF", Rep(4), 4},
      {"surrogate-high", "\xED\xA0\x80", Rep(3), 3},
      {"surrogate-low", "\xED\xBF\xBF", Rep(3), 3},
      {"above-10FFFF", "\xF4\x90\x80\x80", Rep(4), 4},
      {"F5-lead", "\xF5\x80\x80\x80", Rep(4), 4},
      {"FE-FF", "\xFE\xFF", Rep(2), 2},
      {"lone-continuation", "a\x80z", "a" + Rep(1) + "z", 1},
      {"continuations", "\x80\xBF\x80", Rep(3), 3},
      {"five-byte-form", "\xF8\x88\x80\x80\x80", Rep(5), 5},
      {"latin1-word", "caf\xE9 au lait", "caf" + Rep(1) + " au lait", 1},
      {"valid-untouched", "\xE2\x80\x9COK\xE2\x80\x9D", "\xE2\x80\x9COK\xE2\x80\x9D", 0},
  };
  for (const RepairCase& c : cases) {
    const Normalized n = Normalize(c.in);
    EXPECT_EQ(n.text, c.out) << c.name;
    EXPECT_EQ(n.repaired_sequences, c.repaired) << c.name;
    EXPECT_EQ(n.removed_nuls, 0u) << c.name;
    EXPECT_FALSE(n.nfc_changed) << c.name;
    EXPECT_TRUE(IsValidUtf8(n.text)) << c.name;
  }
}

TEST(NormalizeTest, NulsAndLineEnds) {
  Normalized n = Normalize(std::string("a\0b\0\0c", 6));
  EXPECT_EQ(n.text, "abc");
  EXPECT_EQ(n.removed_nuls, 3u);
  EXPECT_EQ(n.repaired_sequences, 0u);

  n = Normalize("one\r\ntwo\rthree\n\r\nfour\r");
  EXPECT_EQ(n.text, "one\ntwo\nthree\n\nfour\n");
  EXPECT_FALSE(n.nfc_changed);

  n = Normalize("\r\r\n");
  EXPECT_EQ(n.text, "\n\n");

  // A NUL between CR and LF: the NUL goes, and CR and LF stay two line ends.
  n = Normalize(std::string("a\r\0\nb", 5));
  EXPECT_EQ(n.text, "a\n\nb");
  EXPECT_EQ(n.removed_nuls, 1u);

  // Everything at once.
  n = Normalize(std::string("x\r\n\0\xC3(", 6));
  EXPECT_EQ(n.text, "x\n" + kFFFD + "(");
  EXPECT_EQ(n.removed_nuls, 1u);
  EXPECT_EQ(n.repaired_sequences, 1u);
}

TEST(NormalizeTest, Nfc) {
  // e + COMBINING ACUTE ACCENT -> U+00E9.
  Normalized n = Normalize("cafe\xCC\x81");
  EXPECT_EQ(n.text, "caf\xC3\xA9");
  EXPECT_TRUE(n.nfc_changed);
  EXPECT_EQ(n.repaired_sequences, 0u);

  // Upper-case A + COMBINING RING ABOVE at the very start -> U+00C5.
  n = Normalize("A\xCC\x8A");
  EXPECT_EQ(n.text, "\xC3\x85");

  // Marks in non-canonical order: a + dot below + circumflex and a + circumflex + dot below
  // both become U+1EAD.
  EXPECT_EQ(Normalize("a\xCC\xA3\xCC\x82").text, "\xE1\xBA\xAD");
  EXPECT_EQ(Normalize("a\xCC\x82\xCC\xA3").text, "\xE1\xBA\xAD");

  // Singleton: OHM SIGN -> GREEK CAPITAL LETTER OMEGA.
  EXPECT_EQ(Normalize("\xE2\x84\xA6").text, "\xCE\xA9");

  // Hangul jamo L + V -> syllable GA (U+AC00).
  EXPECT_EQ(Normalize("\xE1\x84\x80\xE1\x85\xA1").text, "\xEA\xB0\x80");

  // Compatibility characters are NFC already: the fi ligature stays.
  n = Normalize("\xEF\xAC\x81nance");
  EXPECT_EQ(n.text, "\xEF\xAC\x81nance");
  EXPECT_FALSE(n.nfc_changed);

  // Already NFC, with curly quotes: unchanged, not flagged.
  n = Normalize(
      "\xE2\x80\x9C"
      "caf\xC3\xA9\xE2\x80\x9D, Kassym\xE2\x80\x91Jomart");
  EXPECT_EQ(n.text,
            "\xE2\x80\x9C"
            "caf\xC3\xA9\xE2\x80\x9D, Kassym\xE2\x80\x91Jomart");
  EXPECT_FALSE(n.nfc_changed);

  // A repaired sequence does not compose with a following mark: U+FFFD is a starter.
  n = Normalize("e\xFF\xCC\x81");
  EXPECT_EQ(n.text, "e" + kFFFD + "\xCC\x81");
  EXPECT_EQ(n.repaired_sequences, 1u);
  EXPECT_FALSE(n.nfc_changed);

  // CR removal brings nothing together: "e\r" + mark stays apart (LF is a starter).
  EXPECT_EQ(Normalize("e\r\xCC\x81").text, "e\n\xCC\x81");
}

TEST(NormalizeTest, OutputIsNfcAndValidOnRandomInput) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  // Pieces that exercise composition: bases, combining marks in both orders, Hangul jamo,
  // singletons, and invalid bytes.
  const std::vector<std::string> pieces = {"a",
                                           "e",
                                           "A",
                                           "o",
                                           " ",
                                           "\xCC\x81",
                                           "\xCC\x82",
                                           "\xCC\xA3",
                                           "\xCC\x88",
                                           "\xCD\x85",
                                           "\xE1\x84\x80",
                                           "\xE1\x85\xA1",
                                           "\xE1\x86\xA8",
                                           "\xE2\x84\xA6",
                                           "\xC3\xA9",
                                           "\xE2\x80\x99",
                                           "\xFF",
                                           "\xC3",
                                           "\r",
                                           std::string(1, '\0'),
                                           "\xF0\x9F\x98\x80",
                                           "\xE0\xA4\x95",
                                           "\xE0\xA4\xBC"};
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    const Normalized out = Normalize(s);
    ASSERT_TRUE(IsValidUtf8(out.text)) << i;
    ASSERT_EQ(out.text.find('\r'), std::string::npos);
    ASSERT_EQ(out.text.find('\0'), std::string::npos);
    status = U_ZERO_ERROR;
    ASSERT_TRUE(nfc->isNormalizedUTF8(out.text, status)) << i;
    // Normalize is idempotent.
    const Normalized again = Normalize(out.text);
    ASSERT_EQ(again.text, out.text);
    ASSERT_FALSE(again.nfc_changed);
    ASSERT_EQ(again.repaired_sequences, 0u);
  }
}

TEST(NormalizeTest, PiecesBetweenInertCharacters) {
  // Curly quotes, dashes and NO-BREAK SPACE are NFC-inert; words with accents are checked as
  // pieces between them.
  std::string s;
  for (int i = 0; i < 200; ++i) {
    s += "\xE2\x80\x9C"
         "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x94 na\xC3\xAFve\xC2\xA0";
  }
  Normalized n = Normalize(s);
  EXPECT_EQ(n.text, s);
  EXPECT_FALSE(n.nfc_changed);
  // One decomposed letter deep inside: only it changes.
  n = Normalize(s + "cafe\xCC\x81" + s);
  EXPECT_EQ(n.text, s + "caf\xC3\xA9" + s);
  EXPECT_TRUE(n.nfc_changed);
  // Marks after an inert quote are put in canonical order (dot below, ccc 220, before acute,
  // ccc 230) without composing with the quote.
  EXPECT_EQ(Normalize("\xE2\x80\x9C\xCC\x81\xCC\xA3").text, "\xE2\x80\x9C\xCC\xA3\xCC\x81");
  // Several pieces, the second one not NFC.
  EXPECT_EQ(Normalize("\xC3\xA9t\xC3\xA9 \xE2\x80\x94 A\xCC\x8A"
                      "b \xC3\xA9")
                .text,
            "\xC3\xA9t\xC3\xA9 \xE2\x80\x94 \xC3\x85"
            "b \xC3\xA9");
}

TEST(NormalizeTest, LongAsciiIsCopiedUnchanged) {
  std::string s;
  for (int i = 0; i < 1000; ++i) s += "The quick brown fox jumps over the lazy dog. ";
  const Normalized n = Normalize(s);
  EXPECT_EQ(n.text, s);
  EXPECT_FALSE(n.nfc_changed);
  // A decomposed letter at the very end still composes.
  const Normalized m = Normalize(s + "e\xCC\x81");
  EXPECT_EQ(m.text, s + "\xC3\xA9");
  EXPECT_TRUE(m.nfc_changed);
}

}  // namespace
}  // namespace witness::text
