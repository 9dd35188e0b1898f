// witness/text.h: the text pipeline every stage stands on.
//
// Usage:
//   witness::text::Normalized n = witness::text::Normalize(bytes);   // repair + NFC
//   if (n.repaired_sequences) warn(...);
//   witness::text::Segmentation seg = witness::text::Segment(n.text); // paragraphs, sentences, tokens
//   witness::text::Analyzer analyzer;                                 // one per thread
//   for (const auto& tok : seg.tokens) {
//     std::string_view key  = analyzer.Key(n.text, tok);   // matching form: "colour", "putin", "8,000"
//     std::string_view stem = analyzer.Stem(key);           // Snowball English: "revolut"
//     bool stop = analyzer.IsStopword(key);
//   }
//
// Rules:
//   - Normalize() accepts any bytes and returns valid UTF-8 in NFC. Each maximal invalid
//     subsequence becomes U+FFFD (the Unicode "substitution of maximal subparts" practice).
//     NUL bytes are removed. CRLF and lone CR become LF. Nothing else changes.
//   - Segment() takes valid UTF-8 (Normalize's output) and never fails. Spans are byte ranges
//     [begin, end) into that text. Paragraphs are separated by blank lines (a line of only
//     whitespace counts as blank) and, for single-newline texts, by each newline; sentences
//     never cross paragraphs; tokens never cross sentences. Whitespace belongs to no token.
//   - Tokens: words (letters/marks/digits, with internal apostrophes "don't", hyphens
//     "Kassym-Jomart", "ex-Soviet", and periods of abbreviations "U.S."), numbers ("8,000",
//     "2,030", "19.5", "1997", "3.5%" is number "3.5" + symbol "%"), and single punctuation or
//     symbol characters. Every non-space character is in exactly one token.
//   - Sentences end at . ! ? (and … ) followed by space and an upper-case letter, digit, quote
//     or opening bracket, or at paragraph end; closing quotes and brackets after the terminator
//     stay in the sentence. A period after a known abbreviation ("Mr.", "Dr.", "Jan.", "U.S.",
//     "Inc.", "e.g.") or a single capital initial ("J. Smith") does not end a sentence.
//   - Key(): the matching form of one token: NFKC-casefolded, curly quotes and apostrophes
//     become ' and ", all dashes (U+2010..U+2015, U+2212) become '-'. The original is untouched.
//   - MatchingForm(): the same mapping over a whole text (for display and hashing).
//
// Details of the rules above (src/text/*.cc hold the tables):
//   - Whitespace is Unicode White_Space plus U+200B ZERO WIDTH SPACE and U+FEFF (BOM). Line
//     breaks are LF, CR (CRLF counts once), VT, FF, U+0085 and U+2028; U+2029 PARAGRAPH
//     SEPARATOR always ends a paragraph. Blank lines before the first or after the last text do
//     not count: such a text still has one paragraph per line.
//   - A hyphen (- U+2010 U+2011) joins when a letter is on at least one side ("COVID-19",
//     "10-year-old"), not between two numbers ("1990" "-" "1995"). A comma joins digits only
//     before exactly three digits ("8,000"; "1,2" is three tokens). Marks and format characters
//     (soft hyphen, ZWJ) extend the token before them; an emoji ZWJ sequence is one token.
//     Han ideographs and Hiragana are one word token per character. Percent and per-mille signs
//     are symbols, as the kSymbol comment says, though Unicode files them as punctuation.
//   - Abbreviations (abbreviations.cc): titles ("Mr.", "Gen.", "Sen.", "e.g.") never end a
//     sentence. The others ("Inc.", "Jr.", "etc.", "Jan.", "St.", "U.S.", other dotted
//     initialisms, single initials) end one only when the next word is a capitalised function
//     word: "in the U.S. The president" is two sentences, "U.S. President Biden" is not. "No."
//     is an abbreviation only before a number. All-capital forms ("ST. LOUIS") count too.
//   - "Upper-case letter" includes letters of caseless scripts (Hebrew, Arabic, CJK). A
//     terminator needs whitespace after it, so unspaced CJK text is one sentence per line.
//   - A text longer than 4 GiB - 1 bytes is segmented up to that length (spans are 32-bit).
//   - Key() is empty for a token made only of default-ignorable characters (a lone U+00AD).
#ifndef WITNESS_TEXT_H_
#define WITNESS_TEXT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace witness::text {

// Bytes in, valid NFC UTF-8 out.
struct Normalized {
  std::string text;
  uint32_t repaired_sequences = 0;  // invalid UTF-8 subsequences replaced by U+FFFD
  uint32_t removed_nuls = 0;        // NUL bytes dropped
  bool nfc_changed = false;         // NFC changed something other than the repairs
};
Normalized Normalize(std::string_view bytes);

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// The matching form of a whole text: casefolded, quotes and dashes unified.
std::string MatchingForm(std::string_view text);

struct Span {
  uint32_t begin = 0;  // byte offset, inclusive
  uint32_t end = 0;    // byte offset, exclusive
  uint32_t size() const { return end - begin; }
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class TokenKind : uint8_t {
  kWord = 0,    // letters (and digits mixed with letters: "COVID-19", "G7")
  kNumber = 1,  // digits with optional , . separators: "8,000", "19.5"
  kPunct = 2,   // one punctuation character: . , " ' ( ) - ...
  kSymbol = 3,  // one symbol character: % $ € © ...
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into Segmentation::tokens
  uint32_t token_count = 0;
};

struct Paragraph {
  Span span;
  uint32_t first_sentence = 0;  // index into Segmentation::sentences
  uint32_t sentence_count = 0;
};

struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  uint32_t WordCount() const;  // tokens of kind kWord or kNumber
};

Segmentation Segment(std::string_view text);

// Per-token matching keys, Snowball stems and stopwords. Caches stems, so keep one per
// thread and reuse it; returned views stay valid until the next call on the same Analyzer.
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::string_view Key(std::string_view text, const Token& token);
  std::string_view Key(std::string_view token_text);
  std::string_view Stem(std::string_view key);  // English Snowball stem of a key
  bool IsStopword(std::string_view key) const;   // English stopword list

  // How many key -> stem pairs the stem cache holds now (it is bounded; see analyzer.cc).
  size_t CachedStems() const;
  static size_t MaxCachedStems();  // the bound: the cache empties itself when it is reached

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace witness::text

#endif  // WITNESS_TEXT_H_
