// The number lexer: one pass over the bytes, ASCII handled by table, other code points decoded
// and classified with the text pipeline's character classes.
#include "compare/numbers_lexer.h"

#include <array>

#include "text/char_class.h"
#include "text/utf8.h"

namespace witness::figures::internal {
namespace {

using text::internal::Cls;

enum AsciiKind : uint8_t { kA_Sym = 0, kA_Space, kA_Line, kA_Letter, kA_Digit };

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kA_Sym;
  t[' '] = t['\t'] = kA_Space;
  t['\n'] = t['\r'] = t['\v'] = t['\f'] = kA_Line;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kA_Letter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kA_Letter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kA_Digit;
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = MakeAsciiTable();

// Classification of a non-ASCII code point for the lexer.
enum class UKind { kSpace, kLine, kLetter, kSym };

UKind ClassifyNonAscii(const Cls* bmp, char32_t cp) {
  if (cp == text::internal::kInvalidCodePoint) return UKind::kSym;
  const Cls c = text::internal::ClassOf(bmp, cp);
  switch (c) {
    case Cls::kSpace:
      return UKind::kSpace;
    case Cls::kLineBreak:
    case Cls::kParaBreak:
      return UKind::kLine;
    case Cls::kUpper:
    case Cls::kLower:
    case Cls::kLetter:
    case Cls::kIdeo:
    case Cls::kMark:
    case Cls::kFormat:
      return UKind::kLetter;
    default:
      return UKind::kSym;
  }
}

bool IsUrlTrailingPunct(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '\'' || c == '"';
}

// End of the whitespace-delimited chunk starting at `from`.
size_t ChunkEnd(std::string_view text, size_t from) {
  size_t i = from;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 128 &&
        (kAscii[c] == kA_Space || kAscii[c] == kA_Line || c == '<' || c == '>' || c == '"')) {
      break;
    }
    if (c >= 0x80) {
      // Stop at non-ASCII spaces and at curly quotes (E2 80 9C/9D/98/99) and NBSP (C2 A0).
      if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        break;
      }
      if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
        const unsigned char c2 = static_cast<unsigned char>(text[i + 2]);
        if (c2 == 0x9C || c2 == 0x9D || c2 == 0x98 || c2 == 0x99 || c2 <= 0x8B || c2 == 0xAF) {
          break;
        }
      }
    }
    ++i;
  }
  while (i > from && IsUrlTrailingPunct(text[i - 1])) --i;
  return i;
}

}  // namespace

void Lex(std::string_view text, std::vector<Tok>* out) {
  out->clear();
  out->reserve(text.size() / 5 + 16);
  const Cls* bmp = text::internal::BmpClassTable();
  const auto* const base = reinterpret_cast<const uint8_t*>(text.data());
  const uint8_t* const end = base + text.size();
  uint8_t gap = kBlank;
  int line_breaks = 2;
  size_t chunk_first = 0;  // index of the first token after the last whitespace
  size_t i = 0;
  const size_t n = text.size();
  auto note_space = [&](bool line) {
    if (line) {
      ++line_breaks;
      gap = line_breaks >= 2 ? kBlank : kLine;
    } else if (gap == kGlued) {
      gap = kSpace;
    }
  };
  while (i < n) {
    const uint8_t c = base[i];
    if (c < 128) {
      const uint8_t k = kAscii[c];
      if (k == kA_Space) {
        note_space(false);
        ++i;
        continue;
      }
      if (k == kA_Line) {
        // CR LF counts as one line break.
        if (!(c == '\n' && i > 0 && base[i - 1] == '\r')) note_space(true);
        ++i;
        continue;
      }
      if (gap != kGlued) chunk_first = out->size();
      Tok t;
      t.begin = static_cast<uint32_t>(i);
      t.gap = gap;
      gap = kGlued;
      line_breaks = 0;
      if (k == kA_Digit) {
        size_t j = i + 1;
        while (j < n && base[j] >= '0' && base[j] <= '9') ++j;
        t.type = TokType::kDigits;
        t.end = static_cast<uint32_t>(j);
        out->push_back(t);
        i = j;
        continue;
      }
      if (k == kA_Letter) {
        size_t j = i + 1;
        bool all_upper = c >= 'A' && c <= 'Z';
        bool ascii = true;
        while (j < n) {
          const uint8_t d = base[j];
          if (d < 128) {
            if (kAscii[d] != kA_Letter) break;
            all_upper = all_upper && d >= 'A' && d <= 'Z';
            ++j;
          } else {
            const auto dec = text::internal::DecodeUtf8(base + j, end);
            if (ClassifyNonAscii(bmp, dec.cp) != UKind::kLetter) break;
            ascii = false;
            j += dec.len;
          }
        }
        t.type = TokType::kWord;
        t.end = static_cast<uint32_t>(j);
        t.upper = c >= 'A' && c <= 'Z';
        t.all_upper = all_upper && j - i >= 2;
        static const WordInfo kNone{};
        t.info = ascii ? &LookupWord(text.substr(i, j - i)) : &kNone;
        // "www." starts a URL.
        if (ascii && j - i == 3 && (c == 'w' || c == 'W') && j < n && base[j] == '.' &&
            (base[i + 1] | 0x20) == 'w' && (base[i + 2] | 0x20) == 'w') {
          const size_t e = ChunkEnd(text, i);
          Tok u;
          u.begin = chunk_first < out->size() ? (*out)[chunk_first].begin : t.begin;
          u.gap = chunk_first < out->size() ? (*out)[chunk_first].gap : t.gap;
          out->resize(chunk_first);
          u.end = static_cast<uint32_t>(e > j ? e : j);
          u.type = TokType::kOpaque;
          out->push_back(u);
          i = e;
          continue;
        }
        out->push_back(t);
        i = j;
        continue;
      }
      // ASCII symbol. "://" and "@" followed by a letter or digit make the chunk opaque.
      const bool url = c == ':' && i + 2 < n && base[i + 1] == '/' && base[i + 2] == '/' &&
                       out->size() > chunk_first;
      const bool mail = c == '@' && out->size() > chunk_first && i + 1 < n && base[i + 1] < 128 &&
                        (kAscii[base[i + 1]] == kA_Letter || kAscii[base[i + 1]] == kA_Digit);
      if (url || mail) {
        const uint32_t begin = (*out)[chunk_first].begin;
        const uint8_t first_gap = (*out)[chunk_first].gap;
        const size_t e = ChunkEnd(text, i);
        out->resize(chunk_first);
        Tok u;
        u.begin = begin;
        u.end = static_cast<uint32_t>(e > i ? e : i + 1);
        u.gap = first_gap;
        u.type = TokType::kOpaque;
        out->push_back(u);
        i = u.end;
        continue;
      }
      t.type = TokType::kSym;
      t.cp = c;
      t.end = static_cast<uint32_t>(i + 1);
      out->push_back(t);
      ++i;
      continue;
    }
    const auto dec = text::internal::DecodeUtf8(base + i, end);
    const UKind uk = ClassifyNonAscii(bmp, dec.cp);
    if (uk == UKind::kSpace) {
      note_space(false);
      i += dec.len;
      continue;
    }
    if (uk == UKind::kLine) {
      note_space(true);
      i += dec.len;
      continue;
    }
    if (gap != kGlued) chunk_first = out->size();
    Tok t;
    t.begin = static_cast<uint32_t>(i);
    t.gap = gap;
    gap = kGlued;
    line_breaks = 0;
    if (uk == UKind::kLetter) {
      size_t j = i + dec.len;
      while (j < n) {
        const uint8_t d = base[j];
        if (d < 128) {
          if (kAscii[d] != kA_Letter) break;
          ++j;
        } else {
          const auto d2 = text::internal::DecodeUtf8(base + j, end);
          if (ClassifyNonAscii(bmp, d2.cp) != UKind::kLetter) break;
          j += d2.len;
        }
      }
      static const WordInfo kNone{};
      t.type = TokType::kWord;
      t.end = static_cast<uint32_t>(j);
      t.info = &kNone;
      out->push_back(t);
      i = j;
      continue;
    }
    t.type = TokType::kSym;
    t.cp = dec.cp == text::internal::kInvalidCodePoint ? 0xFFFD : dec.cp;
    t.end = static_cast<uint32_t>(i + dec.len);
    out->push_back(t);
    i += dec.len;
  }
}

}  // namespace witness::figures::internal
