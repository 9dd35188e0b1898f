// Segment(): hand-checked paragraphs, sentences and tokens, and the span invariants on random
// Unicode text.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "text/utf8.h"
#include "witness/text.h"

namespace witness::text {
namespace {

using Strings = std::vector<std::string>;

Strings Tokens(const std::string& text) {
  const Segmentation seg = Segment(text);
  Strings out;
  for (const Token& t : seg.tokens) out.emplace_back(t.span.in(text));
  return out;
}

Strings Sentences(const std::string& text) {
  const Segmentation seg = Segment(text);
  Strings out;
  for (const Sentence& s : seg.sentences) out.emplace_back(s.span.in(text));
  return out;
}

Strings Paragraphs(const std::string& text) {
  const Segmentation seg = Segment(text);
  Strings out;
  for (const Paragraph& p : seg.paragraphs) out.emplace_back(p.span.in(text));
  return out;
}

std::vector<TokenKind> Kinds(const std::string& text) {
  std::vector<TokenKind> out;
  for (const Token& t : Segment(text).tokens) out.push_back(t.kind);
  return out;
}

// ---- Tokens ---------------------------------------------------------------------------------

TEST(SegmentTokensTest, WordsKeepInternalApostrophesAndHyphens) {
  EXPECT_EQ(Tokens("Kassym-Jomart Tokayev, ex-Soviet fuel-price don't d'\xC3\xA9tat"),
            (Strings{"Kassym-Jomart", "Tokayev", ",", "ex-Soviet", "fuel-price", "don't",
                     "d'\xC3\xA9tat"}));
  EXPECT_EQ(Tokens("Russia\xE2\x80\x99s O'Brien's rock'n'roll"),
            (Strings{"Russia\xE2\x80\x99s", "O'Brien's", "rock'n'roll"}));
  // A trailing or leading apostrophe is punctuation.
  EXPECT_EQ(Tokens("students' union 'tis"), (Strings{"students", "'", "union", "'", "tis"}));
  // Hyphens join only before a letter or digit, and not between two numbers.
  EXPECT_EQ(Tokens("10-year-old COVID-19 1990-1995 pro- and -ism a--b"),
            (Strings{"10-year-old", "COVID-19", "1990", "-", "1995", "pro", "-", "and", "-", "ism",
                     "a", "-", "-", "b"}));
  // U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN join like '-'; dashes do not.
  EXPECT_EQ(Tokens("Kassym\xE2\x80\x91Jomart pro\xE2\x80\x90Russian 2021\xE2\x80\x93"
                   "22 a\xE2\x80\x94"
                   "b"),
            (Strings{"Kassym\xE2\x80\x91Jomart", "pro\xE2\x80\x90Russian", "2021", "\xE2\x80\x93",
                     "22", "a", "\xE2\x80\x94", "b"}));
}

TEST(SegmentTokensTest, Numbers) {
  EXPECT_EQ(Tokens("about 8,000 have been detained; 2,030 and 1,000,000 and 19.5 and 1997."),
            (Strings{"about", "8,000", "have", "been", "detained", ";", "2,030", "and", "1,000,000",
                     "and", "19.5", "and", "1997", "."}));
  EXPECT_EQ(Tokens("3.5% $8,000 \xE2\x82\xAC"
                   "19 million"),
            (Strings{"3.5", "%", "$", "8,000", "\xE2\x82\xAC", "19", "million"}));
  // Commas group exactly three digits; anything else is punctuation.
  EXPECT_EQ(Tokens("1,2 and 12,3456 and 5,000,"),
            (Strings{"1", ",", "2", "and", "12", ",", "3456", "and", "5,000", ","}));
  // A leading period is not part of the number; a trailing one never is.
  EXPECT_EQ(Tokens(".5 to 8."), (Strings{".", "5", "to", "8", "."}));
  EXPECT_EQ(Kinds("8,000 19.5 1997 19th 1990s G7 COVID-19 1990's"),
            (std::vector<TokenKind>{TokenKind::kNumber, TokenKind::kNumber, TokenKind::kNumber,
                                    TokenKind::kWord, TokenKind::kWord, TokenKind::kWord,
                                    TokenKind::kWord, TokenKind::kWord}));
  EXPECT_EQ(Tokens("v1.2 192.168.0.1"), (Strings{"v1.2", "192.168.0.1"}));
}

TEST(SegmentTokensTest, Abbreviations) {
  EXPECT_EQ(Tokens("U.S. e.g. i.e. a.m. Ph.D. U.S.A. D.C., U.K.'s"),
            (Strings{"U.S.", "e.g.", "i.e.", "a.m.", "Ph.D.", "U.S.A.", "D.C.", ",", "U.K.'s"}));
  EXPECT_EQ(Tokens("Mr. Dr. Gen. Jan. Inc. etc. vs. St."),
            (Strings{"Mr.", "Dr.", "Gen.", "Jan.", "Inc.", "etc.", "vs.", "St."}));
  // Case matters: "mr." and "May." are not in the table; all-capital forms of entries are.
  EXPECT_EQ(Tokens("mr. May. ST. LOUIS MR. X MAY."),
            (Strings{"mr", ".", "May", ".", "ST.", "LOUIS", "MR.", "X", "MAY", "."}));
  // "No." only before a number.
  EXPECT_EQ(Tokens("No. 10 No. Nos. 3"), (Strings{"No.", "10", "No", ".", "Nos.", "3"}));
  // Single capital initials keep their period.
  EXPECT_EQ(Tokens("J. Smith and George W. Bush"),
            (Strings{"J.", "Smith", "and", "George", "W.", "Bush"}));
  // "U.S" without its final period is one word; "U.S.-led" joins on.
  EXPECT_EQ(Tokens("U.S-led U.S.-led U.S"), (Strings{"U.S-led", "U.S.-led", "U.S"}));
  // Not abbreviations: long groups, typos without a space.
  EXPECT_EQ(Tokens("end.The example.com"), (Strings{"end", ".", "The", "example", ".", "com"}));
}

TEST(SegmentTokensTest, PunctuationAndSymbols) {
  EXPECT_EQ(Tokens("(CSTO), \"coup\"... \xC2\xA9 AP/Reuters"),
            (Strings{"(", "CSTO", ")", ",", "\"", "coup", "\"", ".", ".", ".", "\xC2\xA9", "AP",
                     "/", "Reuters"}));
  EXPECT_EQ(Kinds("( % \xE2\x80\x94 \xC2\xA9 \xE2\x80\x9C"),
            (std::vector<TokenKind>{TokenKind::kPunct, TokenKind::kSymbol, TokenKind::kPunct,
                                    TokenKind::kSymbol, TokenKind::kPunct}));
  // An emoji ZWJ sequence with its variation selectors is one token; two flags are two.
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  EXPECT_EQ(Tokens(family + "!"), (Strings{family, "!"}));
  EXPECT_EQ(Tokens("\xE2\x9D\xA4\xEF\xB8\x8F ok"), (Strings{"\xE2\x9D\xA4\xEF\xB8\x8F", "ok"}));
}

TEST(SegmentTokensTest, OtherScripts) {
  // Combining marks stay with their base; Han and Hiragana are one token per character.
  EXPECT_EQ(Tokens("cafe\xCC\x81 noir"), (Strings{"cafe\xCC\x81", "noir"}));
  EXPECT_EQ(Tokens("\xE6\x88\x91\xE7\x88\xB1\xE3\x81\xAE"),
            (Strings{"\xE6\x88\x91", "\xE7\x88\xB1", "\xE3\x81\xAE"}));
  EXPECT_EQ(
      Tokens("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"),
      (Strings{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", ",",
               "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"}));
  // NO-BREAK SPACE, ZERO WIDTH SPACE and BOM separate tokens and belong to none.
  EXPECT_EQ(Tokens("\xEF\xBB\xBFJan\xC2\xA0"
                   "10\xE2\x80\x8Bok"),
            (Strings{"Jan", "10", "ok"}));
  // A soft hyphen inside a word stays in it.
  EXPECT_EQ(Tokens("co\xC2\xAD"
                   "operate"),
            (Strings{"co\xC2\xAD"
                     "operate"}));
}

TEST(SegmentTokensTest, AsciiFastPathsAgreeWithTheGeneralPath) {
  // A combining mark after a character sends it down the general path; the kind must not change.
  for (int c = 0x21; c < 0x7F; ++c) {
    if (std::isalnum(c)) continue;
    const std::string alone(1, static_cast<char>(c));
    const std::vector<TokenKind> fast = Kinds(alone + " x");
    const std::vector<TokenKind> slow = Kinds(alone + "\xCC\x81 x");
    ASSERT_EQ(fast.size(), 2u) << alone;
    EXPECT_EQ(fast, slow) << alone;
    EXPECT_EQ(fast[0], c == '$' || c == '%' || c == '+' || c == '<' || c == '=' || c == '>' ||
                               c == '^' || c == '`' || c == '|' || c == '~'
                           ? TokenKind::kSymbol
                           : TokenKind::kPunct)
        << alone;
  }
  // Word boundaries at every offset of the eight-byte scan.
  for (size_t len = 1; len <= 20; ++len) {
    const std::string word(len, 'k');
    const std::string digits(len, '7');
    EXPECT_EQ(Tokens(word + " " + word), (Strings{word, word})) << len;
    EXPECT_EQ(Tokens(word + "!x"), (Strings{word, "!", "x"})) << len;
    EXPECT_EQ(Tokens(word + ".x"), (Strings{word, ".", "x"})) << len;
    EXPECT_EQ(Tokens(word + "-x"), (Strings{word + "-x"})) << len;
    EXPECT_EQ(Tokens(word + "\xC3\xA9 x"), (Strings{word + "\xC3\xA9", "x"})) << len;
    EXPECT_EQ(Tokens(digits + ".5"), (Strings{digits + ".5"})) << len;
    EXPECT_EQ(Tokens(digits + ",000 x"), (Strings{digits + ",000", "x"})) << len;
    EXPECT_EQ(Tokens(digits + ", x"), (Strings{digits, ",", "x"})) << len;
    EXPECT_EQ(Kinds(digits + "a"), (std::vector<TokenKind>{TokenKind::kWord})) << len;
    EXPECT_EQ(Kinds(word + digits), (std::vector<TokenKind>{TokenKind::kWord})) << len;
    EXPECT_EQ(Kinds(digits), (std::vector<TokenKind>{TokenKind::kNumber})) << len;
  }
  // Words of six letters or fewer before a period may be abbreviations; longer ones are not.
  EXPECT_EQ(Tokens("Messrs. Smith approx. 5 Messrsx. Y"),
            (Strings{"Messrs.", "Smith", "approx.", "5", "Messrsx", ".", "Y"}));
}

// ---- Sentences ------------------------------------------------------------------------------

TEST(SegmentSentencesTest, TerminatorsAndStarts) {
  EXPECT_EQ(Sentences("Mr Putin said it. He left. the end"),
            (Strings{"Mr Putin said it.", "He left. the end"}));
  EXPECT_EQ(
      Sentences("It was 2019. 2020 was worse! Really? \"Yes.\" (Reuters) Done\xE2\x80\xA6 Ok"),
      (Strings{"It was 2019.", "2020 was worse!", "Really?", "\"Yes.\"",
               "(Reuters) Done\xE2\x80\xA6", "Ok"}));
  // Terminator runs and ellipses: "..." before a lower-case word does not end a sentence.
  EXPECT_EQ(Sentences("Wait... we go. Why?! Because."),
            (Strings{"Wait... we go.", "Why?!", "Because."}));
  // A terminator with no space after it does not end a sentence.
  EXPECT_EQ(Sentences("See example.com. Then stop."), (Strings{"See example.com.", "Then stop."}));
}

TEST(SegmentSentencesTest, Abbreviations) {
  EXPECT_EQ(Sentences("Mr. Putin met Dr. Smith and Gen. Ivanov on Jan. 10 in St. Petersburg."),
            (Strings{"Mr. Putin met Dr. Smith and Gen. Ivanov on Jan. 10 in St. Petersburg."}));
  // Military and police ranks before a name.
  EXPECT_EQ(Sentences("Spc. Ana Ruiz and Brig. Gen. Tom Lee met Det. Insp. Kay. They left."),
            (Strings{"Spc. Ana Ruiz and Brig. Gen. Tom Lee met Det. Insp. Kay.", "They left."}));
  EXPECT_EQ(Sentences("Sen. Dianne Feinstein (D-Calif.) said no. Rep. Smith agreed."),
            (Strings{"Sen. Dianne Feinstein (D-Calif.) said no.", "Rep. Smith agreed."}));
  EXPECT_EQ(Sentences("J. Smith met George W. Bush. They talked."),
            (Strings{"J. Smith met George W. Bush.", "They talked."}));
  EXPECT_EQ(
      Sentences("U.S. President Biden spoke. He said U.S. citizens e.g. Americans agree."),
      (Strings{"U.S. President Biden spoke.", "He said U.S. citizens e.g. Americans agree."}));
  // Ambiguous abbreviations end a sentence before a capitalised function word.
  EXPECT_EQ(Sentences("He lives in the U.S. The president disagrees."),
            (Strings{"He lives in the U.S.", "The president disagrees."}));
  EXPECT_EQ(Sentences("Apples, pears, etc. But not plums. Apple Inc. Chief Executive Tim Cook "
                      "spoke. Apple Inc. It said so. Main St. Its shops."),
            (Strings{"Apples, pears, etc.", "But not plums.",
                     "Apple Inc. Chief Executive Tim Cook spoke.", "Apple Inc.", "It said so.",
                     "Main St.", "Its shops."}));
  EXPECT_EQ(Sentences("It ends at 3 p.m. The meeting starts at 4 p.m. Friday."),
            (Strings{"It ends at 3 p.m.", "The meeting starts at 4 p.m. Friday."}));
  // "No." is an abbreviation only before a number.
  EXPECT_EQ(Sentences("He lives at No. 10 Downing Street. No. It is not."),
            (Strings{"He lives at No. 10 Downing Street.", "No.", "It is not."}));
  // Titles never end a sentence.
  EXPECT_EQ(Sentences("Ask Mr. The Dude."), (Strings{"Ask Mr. The Dude."}));
}

TEST(SegmentSentencesTest, Quotes) {
  // Closing quotes after the terminator stay in the sentence.
  EXPECT_EQ(
      Sentences("Mr Tokayev called the events \"an attempted coup.\" He fired officials."),
      (Strings{"Mr Tokayev called the events \"an attempted coup.\"", "He fired officials."}));
  EXPECT_EQ(Sentences("He said: \xE2\x80\x9CStop.\xE2\x80\x9D Then he left.)"),
            (Strings{"He said: \xE2\x80\x9CStop.\xE2\x80\x9D", "Then he left.)"}));
  EXPECT_EQ(Sentences("They want \xE2\x80\x98order.\xE2\x80\x99 Putin said (on Monday.) It works."),
            (Strings{"They want \xE2\x80\x98order.\xE2\x80\x99", "Putin said (on Monday.)",
                     "It works."}));
  // A quotation ending in a comma, or a question before "he asked", is one sentence.
  EXPECT_EQ(Sentences("\"We won't let anyone disturb the situation in our homes,\" Mr Putin said. "
                      "\"Is it over?\" he asked."),
            (Strings{"\"We won't let anyone disturb the situation in our homes,\" Mr Putin said.",
                     "\"Is it over?\" he asked."}));
  // A quotation of several sentences is split at its inner sentence ends.
  EXPECT_EQ(Sentences("\xE2\x80\x9CWe will act. We will not wait,\xE2\x80\x9D he said."),
            (Strings{"\xE2\x80\x9CWe will act.", "We will not wait,\xE2\x80\x9D he said."}));
  // An opening quote starts a sentence.
  EXPECT_EQ(Sentences("It ended. \"Next,\" he said."),
            (Strings{"It ended.", "\"Next,\" he said."}));
}

TEST(SegmentSentencesTest, TokensOfSentences) {
  const std::string text = "Mr. Putin spoke. \"We won.\" Done";
  const Segmentation seg = Segment(text);
  ASSERT_EQ(seg.sentences.size(), 3u);
  EXPECT_EQ(seg.sentences[0].first_token, 0u);
  EXPECT_EQ(seg.sentences[0].token_count, 4u);  // Mr. Putin spoke .
  EXPECT_EQ(seg.sentences[1].first_token, 4u);
  EXPECT_EQ(seg.sentences[1].token_count, 5u);  // " We won . "
  EXPECT_EQ(seg.sentences[2].first_token, 9u);
  EXPECT_EQ(seg.sentences[2].token_count, 1u);
  EXPECT_EQ(seg.WordCount(), 6u);
}

// ---- Paragraphs -----------------------------------------------------------------------------

TEST(SegmentParagraphsTest, BlankLines) {
  const std::string text =
      "Title line\n\nFirst body line. It goes\non here.\nAnd on.\n \t\nLast.\n";
  EXPECT_EQ(Paragraphs(text),
            (Strings{"Title line", "First body line. It goes\non here.\nAnd on.", "Last."}));
  EXPECT_EQ(Sentences(text),
            (Strings{"Title line", "First body line.", "It goes\non here.", "And on.", "Last."}));
  const Segmentation seg = Segment(text);
  ASSERT_EQ(seg.paragraphs.size(), 3u);
  EXPECT_EQ(seg.paragraphs[1].first_sentence, 1u);
  EXPECT_EQ(seg.paragraphs[1].sentence_count, 3u);
  EXPECT_EQ(seg.paragraphs[2].first_sentence, 4u);
}

TEST(SegmentParagraphsTest, SingleNewlines) {
  // No blank line anywhere: every line is a paragraph (and so ends a sentence).
  EXPECT_EQ(Paragraphs("One line\nanother line\n\n"),
            (Strings{"One line", "another line"}));  // the trailing blank line ends the text
  EXPECT_EQ(Paragraphs("One line\nanother line\nthird"),
            (Strings{"One line", "another line", "third"}));
  EXPECT_EQ(Paragraphs("a\r\nb\r\nc"), (Strings{"a", "b", "c"}));
  EXPECT_EQ(Paragraphs("a\r\n\r\nb\r\nc"), (Strings{"a", "b\r\nc"}));
  // PARAGRAPH SEPARATOR always ends a paragraph; LINE SEPARATOR is a line break.
  EXPECT_EQ(Paragraphs("a\xE2\x80\xA9"
                       "b\n\nc\xE2\x80\xA8"
                       "d"),
            (Strings{"a", "b",
                     "c\xE2\x80\xA8"
                     "d"}));
}

TEST(SegmentParagraphsTest, EmptyAndWhitespace) {
  EXPECT_TRUE(Segment("").paragraphs.empty());
  const Segmentation seg = Segment("  \n\n \t \xC2\xA0\n");
  EXPECT_TRUE(seg.paragraphs.empty());
  EXPECT_TRUE(seg.sentences.empty());
  EXPECT_TRUE(seg.tokens.empty());
  EXPECT_EQ(Paragraphs("\n\n  x  \n\n"), (Strings{"x"}));
}

// ---- Invariants on random Unicode -----------------------------------------------------------

bool RefIsSpace(char32_t c) { return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF; }

void CheckInvariants(const std::string& text, const Segmentation& seg) {
  // Code point starts, and which bytes are whitespace.
  std::vector<bool> starts(text.size() + 1, false), space(text.size(), false);
  starts[text.size()] = true;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t i = 0; i < text.size();) {
    const internal::Decoded d = internal::DecodeUtf8(s + i, s + text.size());
    starts[i] = true;
    for (size_t k = 0; k < d.len; ++k) space[i + k] = RefIsSpace(d.cp);
    i += d.len;
  }
  // Tokens: ordered, non-empty, on code point starts; cover every non-space byte exactly once.
  std::vector<int> cover(text.size(), 0);
  uint32_t prev_end = 0;
  for (const Token& t : seg.tokens) {
    ASSERT_LT(t.span.begin, t.span.end);
    ASSERT_LE(t.span.end, text.size());
    ASSERT_GE(t.span.begin, prev_end);
    ASSERT_TRUE(starts[t.span.begin] && starts[t.span.end]);
    for (uint32_t i = t.span.begin; i < t.span.end; ++i) {
      ASSERT_FALSE(space[i]) << "whitespace inside token at " << i;
      ++cover[i];
    }
    prev_end = t.span.end;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    ASSERT_EQ(cover[i], space[i] ? 0 : 1) << "byte " << i;
  }
  // Sentences partition the tokens; paragraphs partition the sentences.
  uint32_t next_token = 0;
  for (const Sentence& st : seg.sentences) {
    ASSERT_EQ(st.first_token, next_token);
    ASSERT_GT(st.token_count, 0u);
    next_token += st.token_count;
    ASSERT_LE(next_token, seg.tokens.size());
    ASSERT_EQ(st.span.begin, seg.tokens[st.first_token].span.begin);
    ASSERT_EQ(st.span.end, seg.tokens[next_token - 1].span.end);
  }
  ASSERT_EQ(next_token, seg.tokens.size());
  uint32_t next_sentence = 0;
  for (const Paragraph& p : seg.paragraphs) {
    ASSERT_EQ(p.first_sentence, next_sentence);
    ASSERT_GT(p.sentence_count, 0u);
    next_sentence += p.sentence_count;
    ASSERT_LE(next_sentence, seg.sentences.size());
    ASSERT_EQ(p.span.begin, seg.sentences[p.first_sentence].span.begin);
    ASSERT_EQ(p.span.end, seg.sentences[next_sentence - 1].span.end);
    // No paragraph contains a PARAGRAPH SEPARATOR.
    ASSERT_EQ(p.span.in(text).find("\xE2\x80\xA9"), std::string_view::npos);
  }
  ASSERT_EQ(next_sentence, seg.sentences.size());
}

TEST(SegmentInvariantsTest, RandomUnicode) {
  const std::vector<std::string> pieces = {"a",
                                           "b",
                                           "Z",
                                           "Mr",
                                           "U",
                                           "S",
                                           "No",
                                           "etc",
                                           "The",
                                           "e",
                                           "g",
                                           "1",
                                           "9",
                                           "0",
                                           " ",
                                           " ",
                                           " ",
                                           "\n",
                                           "\n",
                                           "\r",
                                           "\t",
                                           ".",
                                           ".",
                                           ",",
                                           "!",
                                           "?",
                                           "'",
                                           "\"",
                                           "-",
                                           "(",
                                           ")",
                                           "%",
                                           "$",
                                           "\xE2\x80\x99",
                                           "\xE2\x80\x9C",
                                           "\xE2\x80\x9D",
                                           "\xE2\x80\x94",
                                           "\xE2\x80\x90",
                                           "\xE2\x80\xA6",
                                           "\xC2\xA0",
                                           "\xE2\x80\xA8",
                                           "\xE2\x80\xA9",
                                           "\xE2\x80\x8B",
                                           "\xEF\xBB\xBF",
                                           "\xC2\xAD",
                                           "\xE2\x80\x8D",
                                           "\xCC\x81",
                                           "\xC3\xA9",
                                           "\xC3\x89",
                                           "\xE6\x88\x91",
                                           "\xE3\x81\xAE",
                                           "\xD7\xA9",
                                           "\xD9\xA3",
                                           "\xF0\x9F\x98\x80",
                                           "\xF0\x9F\x91\xA8",
                                           "\xEF\xB8\x8F",
                                           "\xC2\x85",
                                           "\x0B",
                                           "\x0C",
                                           "\x01",
                                           "\xEF\xBF\xBD",
                                           "\xF0\x9D\x90\x80"};
  for (uint32_t seed = 1; seed <= 100; ++seed) {
    std::mt19937 rng(seed);
    for (int i = 0; i < 300; ++i) {
      std::string text;
      const int n = static_cast<int>(rng() % 60);
      for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
      const Segmentation seg = Segment(text);
      ASSERT_NO_FATAL_FAILURE(CheckInvariants(text, seg)) << "seed " << seed << ": " << text;
    }
  }
}

TEST(SegmentInvariantsTest, InvalidUtf8DoesNotBreakIt) {
  // Segment() expects Normalize's output, but must not misbehave on anything else.
  std::mt19937 rng(3);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) text.push_back(static_cast<char>(rng() % 4 == 0 ? ' ' : rng()));
    const Segmentation seg = Segment(text);
    ASSERT_NO_FATAL_FAILURE(CheckInvariants(text, seg)) << i;
  }
}

}  // namespace
}  // namespace witness::text
