// Normalize(): repair (utf8.cc), then NFC through ICU's UTF-8 Normalizer2 API.
//
// Fast paths, in order:
//   1. Input that is already clean (valid UTF-8, no NUL, no CR) is copied with one memcpy.
//   2. Every code point below U+0300 is NFC-inert with respect to what precedes it (ICU's
//      minCompNoMaybeCP for NFC is U+0300), so the prefix before the first byte >= 0xCC (the
//      first possible lead byte of a code point >= U+0300) is NFC and ICU never sees it.
//      ASCII and Latin-1 text therefore never reach ICU.
//   3. The rest is checked with Normalizer2::isNormalizedUTF8, which works on UTF-8 directly
//      (no UTF-16 conversion). Only a text that is not NFC is rewritten, with normalizeUTF8
//      into a new string (also UTF-8 to UTF-8); its unchanged spans are copied, not re-encoded.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <bit>
#include <cstring>

#include "text/utf8.h"
#include "witness/text.h"

namespace witness::text {
namespace {

// Offset of the first byte >= 0xCC in text, or text.size().
size_t FirstPossiblyNonInert(std::string_view text) {
  const auto* const begin = reinterpret_cast<const uint8_t*>(text.data());
  const uint8_t* const end = begin + text.size();
  const uint8_t* p = begin;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (end - p >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    if ((v & kHighBits) == 0) {
      p += 8;
      continue;
    }
    for (int i = 0; i < 8; ++i) {
      if (p[i] >= 0xCC) return static_cast<size_t>(p + i - begin);
    }
    p += 8;
  }
  for (; p < end; ++p) {
    if (*p >= 0xCC) break;
  }
  return static_cast<size_t>(p - begin);
}

// Start of the code point that ends at `pos` (pos > 0, text valid UTF-8).
size_t PreviousCodePointStart(std::string_view text, size_t pos) {
  do {
    --pos;
  } while (pos > 0 && (static_cast<uint8_t>(text[pos]) & 0xC0) == 0x80);
  return pos;
}

}  // namespace

Normalized Normalize(std::string_view bytes) {
  Normalized result;
  const size_t clean = internal::CleanPrefixLength(bytes);
  if (clean == bytes.size()) {
    result.text.assign(bytes);
  } else {
    result.text.reserve(bytes.size() + bytes.size() / 8 + 16);
    result.text.append(bytes.data(), clean);
    internal::RepairStats stats;
    internal::RepairUtf8(bytes.substr(clean), &result.text, &stats);
    result.repaired_sequences = stats.repaired_sequences;
    result.removed_nuls = stats.removed_nuls;
  }

  const std::string& text = result.text;
  size_t start = FirstPossiblyNonInert(text);
  if (start == text.size()) return result;
  // The code point before may be a starter that composes with what follows ("e" + U+0301).
  if (start > 0) start = PreviousCodePointStart(text, start);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) return result;  // ICU data missing: leave as is
  const icu::StringPiece rest(text.data() + start, static_cast<int32_t>(text.size() - start));
  if (text.size() - start > static_cast<size_t>(INT32_MAX)) return result;  // beyond ICU's reach
  if (nfc->isNormalizedUTF8(rest, status) || U_FAILURE(status)) return result;

  std::string out;
  out.reserve(text.size() + text.size() / 16 + 16);
  out.append(text.data(), start);
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, rest, sink, nullptr, status);
  if (U_FAILURE(status)) return result;
  result.text.swap(out);
  result.nfc_changed = true;
  return result;
}

}  // namespace witness::text
