// Segment(): one pass over the text that cuts paragraphs, sentences and tokens together.
//
// The scanner alternates between a run of whitespace and a "chunk" (a maximal run of
// non-space characters, read as one or more tokens). At each run of whitespace it decides,
// from the line breaks inside it, whether a paragraph ends there, and otherwise, from the end of
// the chunk before and the character after, whether a sentence ends there. So a sentence or
// paragraph boundary always falls between tokens, and tokens never cross either.
//
// Characters are classified by char_class.h (one table lookup for ASCII and the BMP).
// Abbreviations come from abbreviations.cc; function words after ambiguous abbreviations from
// stopwords.cc.
#include <cstring>

#include "text/scanner.h"
#include "text/stopwords.h"
#include "witness/text.h"

namespace witness::text {
namespace internal {

// True when some line between two non-space characters holds only whitespace. Such a text
// separates paragraphs by blank lines; any other text has one paragraph per line.
bool Scanner::HasBlankLine() const {
  uint32_t p = 0;
  while (p < n_ && IsSpaceAt(p)) p += At(p).len;  // blank lines before the text do not count
  while (p < n_) {
    const void* nl = std::memchr(s_ + p, '\n', n_ - p);
    // Other line breaks are rare; look for them only up to the next LF.
    const uint32_t stop = nl ? static_cast<uint32_t>(static_cast<const uint8_t*>(nl) - s_) : n_;
    uint32_t q = p;
    while (q < stop) {
      const uint8_t b = s_[q];
      if (b == '\r' || b == '\v' || b == '\f' || b == 0xC2 || b == 0xE2) {
        const CharInfo c = At(q);
        if (c.cls == Cls::kLineBreak) break;
        q += c.len;
      } else {
        ++q;
      }
    }
    if (q >= n_) return false;
    // A line break at q: is the next line blank?
    uint32_t r = q + At(q).len;
    if (s_[q] == '\r' && r < n_ && s_[r] == '\n') ++r;
    bool blank = false;
    while (r < n_) {
      const CharInfo c = At(r);
      if (c.cls == Cls::kLineBreak || c.cls == Cls::kParaBreak) {
        blank = true;
      } else if (c.cls != Cls::kSpace) {
        if (blank) return true;  // text follows the blank line
        break;
      }
      r += c.len;
    }
    p = r;
  }
  return false;
}

// After a terminator: does the text at p (after whitespace) start a new sentence?
bool Scanner::StartsSentence(uint32_t p) const {
  switch (At(p).cls) {
    case Cls::kUpper:
    case Cls::kLetter:  // caseless scripts
    case Cls::kIdeo:
    case Cls::kDigit:
    case Cls::kOpen:
    case Cls::kApos:
    case Cls::kDquote:
      return true;
    default:
      return false;
  }
}

// After an ambiguous abbreviation ("Inc.", "U.S.", "etc."): does a capitalised function word
// ("The", "He", "But", "It's") follow, possibly after opening quotes or brackets?
bool Scanner::StartsWithFunctionWord(uint32_t p) const {
  while (p < n_ && IsOpener(At(p).cls)) p += At(p).len;
  if (p >= n_ || s_[p] < 'A' || s_[p] > 'Z') return false;
  char word[12];
  size_t len = 0;
  while (p < n_ && len < sizeof word) {
    const uint8_t b = s_[p];
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
      word[len++] = static_cast<char>(b | 0x20);
      ++p;
    } else if (b == '\'' || (b == 0xE2 && p + 2 < n_ && s_[p + 1] == 0x80 && s_[p + 2] == 0x99)) {
      word[len++] = '\'';
      p += b == '\'' ? 1 : 3;
    } else {
      break;
    }
  }
  if (len == sizeof word || (p < n_ && IsWordContinue(At(p).cls))) return false;
  return IsEnglishStopword(std::string_view(word, len));
}

// Does the chunk whose tokens start at chunk_first end a sentence, given that the next chunk
// starts at `next` after whitespace within the paragraph?
bool Scanner::ChunkEndsSentence(uint32_t chunk_first, uint32_t next) const {
  const std::vector<Token>& tokens = out_->tokens;
  uint32_t t = static_cast<uint32_t>(tokens.size());
  // Closing quotes and brackets after the terminator stay in the sentence.
  while (t > chunk_first && tokens[t - 1].kind == TokenKind::kPunct &&
         IsCloser(At(tokens[t - 1].span.begin).cls)) {
    --t;
  }
  if (t == chunk_first) return false;
  const uint32_t last = t - 1;
  if (last == last_abbrev_token_) {
    if (last_abbrev_ != AbbrevKind::kSuffix) return false;  // "Mr.", "e.g.", "No. 10"
    return StartsWithFunctionWord(next);
  }
  if (tokens[last].kind != TokenKind::kPunct) return false;
  const Cls c = At(tokens[last].span.begin).cls;
  if (c != Cls::kPeriod && c != Cls::kTerm) return false;
  return StartsSentence(next);
}

void Scanner::CloseSentence() {
  std::vector<Token>& tokens = out_->tokens;
  const uint32_t count = static_cast<uint32_t>(tokens.size()) - sentence_first_token_;
  if (count == 0) return;
  out_->sentences.push_back({{tokens[sentence_first_token_].span.begin, tokens.back().span.end},
                             sentence_first_token_,
                             count});
  sentence_first_token_ = static_cast<uint32_t>(tokens.size());
}

void Scanner::CloseParagraph() {
  std::vector<Sentence>& sentences = out_->sentences;
  const uint32_t count = static_cast<uint32_t>(sentences.size()) - paragraph_first_sentence_;
  if (count == 0) return;
  out_->paragraphs.push_back(
      {{sentences[paragraph_first_sentence_].span.begin, sentences.back().span.end},
       paragraph_first_sentence_,
       count});
  paragraph_first_sentence_ = static_cast<uint32_t>(sentences.size());
}

void Scanner::Run() {
  const uint32_t breaks_for_paragraph = HasBlankLine() ? 2 : 1;
  std::vector<Token>& tokens = out_->tokens;
  uint32_t p = 0;
  uint32_t chunk_first = 0;
  bool chunk_ends_in_word = false;  // a plain word, which never ends a sentence
  while (true) {
    // Whitespace: count line breaks (CRLF is one).
    const uint32_t ws_begin = p;
    uint32_t breaks = 0;
    bool paragraph_separator = false;
    while (p < n_) {
      const uint8_t b = s_[p];
      if (b == ' ') {
        ++p;
        continue;
      }
      if (b == '\n') {
        if (p == 0 || s_[p - 1] != '\r') ++breaks;
        ++p;
        continue;
      }
      if (b < 0x80 && b > ' ') break;
      const CharInfo c = At(p);
      if (c.cls == Cls::kLineBreak) {
        ++breaks;
      } else if (c.cls == Cls::kParaBreak) {
        paragraph_separator = true;
      } else if (c.cls != Cls::kSpace) {
        break;
      }
      p += c.len;
    }
    if (tokens.size() > sentence_first_token_) {
      if (p >= n_ || paragraph_separator || breaks >= breaks_for_paragraph) {
        CloseSentence();
        CloseParagraph();
      } else if (!chunk_ends_in_word && p > ws_begin && ChunkEndsSentence(chunk_first, p)) {
        CloseSentence();
      }
    }
    if (p >= n_) break;
    // A chunk: tokens up to the next whitespace.
    chunk_first = static_cast<uint32_t>(tokens.size());
    while (true) {
      const uint8_t b = s_[p];
      chunk_ends_in_word = false;
      if (kAsciiAlnum[b] != 0) {
        // The common case: ASCII letters and digits up to a byte that cannot continue them.
        uint8_t seen = 0;
        const uint32_t end = ScanAsciiAlnum(p, &seen);
        bool done = end >= n_ || kAsciiWordEnd[s_[end]];
        if (!done && (s_[end] == ',' || s_[end] == '.')) {
          // A comma or period ends the word unless a digit follows ("8,000", "19.5"), or, for
          // a period, the word could be an abbreviation (letters only, at most six of them).
          const bool digit_follows = end + 1 < n_ && kAsciiAlnum[s_[end + 1]] == kDigitBit;
          done = !digit_follows &&
                 (s_[end] == ',' || (seen & kDigitBit) != 0 || end - p > kMaxAbbreviation);
        }
        if (done) {
          tokens.push_back({{p, end}, seen & kLowerBit ? TokenKind::kWord : TokenKind::kNumber});
          p = end;
          chunk_ends_in_word = true;
          if (p >= n_ || s_[p] == ' ' || IsSpaceAt(p)) break;
          continue;
        }
      } else if (kAsciiPunctKind[b] != 0 && (p + 1 >= n_ || s_[p + 1] < 0x80)) {
        // ASCII punctuation or symbol not followed by a combining mark: one byte.
        tokens.push_back({{p, p + 1}, static_cast<TokenKind>(kAsciiPunctKind[b] - 1)});
        ++p;
        if (p >= n_ || s_[p] == ' ' || IsSpaceAt(p)) break;
        continue;
      }
      const TokenRead t = kAsciiAlnum[b] != 0 ? ReadWord(p) : ReadToken(p);
      if (t.abbrev != AbbrevKind::kNone) {
        last_abbrev_token_ = static_cast<uint32_t>(tokens.size());
        last_abbrev_ = t.abbrev;
      }
      tokens.push_back({{p, t.end}, t.kind});
      p = t.end;
      if (p >= n_ || IsSpaceAt(p)) break;
    }
  }
  CloseSentence();
  CloseParagraph();
}

}  // namespace internal

uint32_t Segmentation::WordCount() const {
  uint32_t count = 0;
  for (const Token& t : tokens) {
    count += t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber;
  }
  return count;
}

Segmentation Segment(std::string_view text) {
  Segmentation seg;
  size_t n = text.size();
  if (n > UINT32_MAX) {  // spans are 32-bit: segment the first 4 GiB, cut at a character start
    n = UINT32_MAX;
    while (n > 0 && (static_cast<uint8_t>(text[n]) & 0xC0) == 0x80) --n;
  }
  seg.tokens.reserve(n / 3 + 16);  // news averages one token per 5.4 bytes
  seg.sentences.reserve(n / 100 + 2);
  seg.paragraphs.reserve(n / 400 + 2);
  internal::Scanner(text, static_cast<uint32_t>(n), &seg).Run();
  return seg;
}

}  // namespace witness::text
