// The matching form: NFKC_Casefold, with curly quotes, apostrophes, primes and guillemets
// unified to ' and ", and all dashes to '-'.
//
// Order matters: the quote and dash mapping runs before NFKC_Casefold (which would turn U+00B4
// ACUTE ACCENT into a space and a combining accent, and U+2033 DOUBLE PRIME into two primes) and
// again after it (NFKC turns some compatibility characters, such as U+FE31, into dashes).
//
// ASCII runs are folded with a table. Each run holding non-ASCII characters is mapped, and sent
// to ICU only if something non-ASCII remains after the mapping ("Russia’s" never reaches ICU).
// A run starts one character early when that character is ASCII, because an ASCII letter can
// compose with a combining mark that follows it; every ASCII character that follows a run is a
// normalization boundary, so runs can be normalized independently.
#include "text/matching.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include "text/utf8.h"
#include "witness/text.h"

namespace witness::text {
namespace internal {

const char kAsciiMatchingFold[128] = {
    0,   1,    2,   3,   4,   5,   6,   7,   8,   9,   10,  11,  12,  13,  14,  15,  16,   17,  18,
    19,  20,   21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,  ' ', '!', '"', '#',  '$', '%',
    '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', '0', '1', '2', '3', '4', '5', '6',  '7', '8',
    '9', ':',  ';', '<', '=', '>', '?', '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i',  'j', 'k',
    'l', 'm',  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^',
    '_', '\'', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',  'p', 'q',
    'r', 's',  't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 127,
};

namespace {

// The ASCII replacement of a quote, prime or dash, or 0.
char MapPunctuation(char32_t c) {
  switch (c) {
    case 0x00B4:  // ACUTE ACCENT (used as an apostrophe)
    case 0x02BC:  // MODIFIER LETTER APOSTROPHE
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:  // single quotes
    case 0x2032:  // PRIME
    case 0x2039:
    case 0x203A:  // single guillemets
      return '\'';
    case 0x00AB:
    case 0x00BB:  // guillemets
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:  // double quotes
    case 0x2033:  // DOUBLE PRIME
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:  // MINUS SIGN
    case 0xFE58:  // SMALL EM DASH
    case 0xFE63:  // SMALL HYPHEN-MINUS
    case 0xFF0D:  // FULLWIDTH HYPHEN-MINUS
      return '-';
    default:
      return 0;
  }
}

// Appends `text` to *out with MapPunctuation applied and ASCII folded when `fold_ascii`.
// Returns true when something non-ASCII remains.
bool AppendMapped(std::string_view text, std::string* out, bool fold_ascii) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const uint8_t* const end = p + text.size();
  bool non_ascii = false;
  while (p < end) {
    if (*p < 0x80) {
      out->push_back(fold_ascii ? kAsciiMatchingFold[*p] : static_cast<char>(*p));
      ++p;
      continue;
    }
    const Decoded d = DecodeUtf8(p, end);
    const char mapped = d.cp == kInvalidCodePoint ? 0 : MapPunctuation(d.cp);
    if (mapped != 0) {
      out->push_back(mapped);
    } else {
      out->append(reinterpret_cast<const char*>(p), d.len);
      non_ascii = true;
    }
    p += d.len;
  }
  return non_ascii;
}

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Maps one run that holds non-ASCII characters.
void AppendRun(std::string_view run, std::string* out, MatchingScratch* scratch) {
  scratch->premapped.clear();
  if (!AppendMapped(run, &scratch->premapped, /*fold_ascii=*/false)) {
    for (char c : scratch->premapped) out->push_back(kAsciiMatchingFold[static_cast<uint8_t>(c)]);
    return;
  }
  const icu::Normalizer2* nfkc_cf = NfkcCasefold();
  if (nfkc_cf != nullptr && scratch->premapped.size() <= static_cast<size_t>(INT32_MAX)) {
    scratch->folded.clear();
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&scratch->folded);
    nfkc_cf->normalizeUTF8(0, scratch->premapped, sink, nullptr, status);
    if (U_SUCCESS(status)) {
      AppendMapped(scratch->folded, out, /*fold_ascii=*/true);  // maps a "`" NFKC made
      return;
    }
  }
  AppendMapped(scratch->premapped, out, /*fold_ascii=*/true);  // ICU unavailable: fold ASCII
}

}  // namespace

void AppendMatchingForm(std::string_view text, std::string* out, MatchingScratch* scratch) {
  const auto* const s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      out->push_back(kAsciiMatchingFold[s[i]]);
      ++i;
      continue;
    }
    size_t run_start = i;
    if (i > 0) {  // the ASCII character before may compose with a mark in the run
      out->pop_back();
      run_start = i - 1;
    }
    while (i < n && s[i] >= 0x80) ++i;
    AppendRun(text.substr(run_start, i - run_start), out, scratch);
  }
}

}  // namespace internal

std::string MatchingForm(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  internal::MatchingScratch scratch;
  internal::AppendMatchingForm(text, &out, &scratch);
  return out;
}

}  // namespace witness::text
