// Normalize(): repair (utf8.cc), then NFC through ICU's UTF-8 Normalizer2 API.
//
// Fast paths, in order:
//   1. Input that is already clean (valid UTF-8, no NUL, no CR) is copied with one memcpy.
//   2. The NFC check skips ASCII eight bytes at a time and looks up each other code point in a
//      bitmap of NFC-inert code points (curly quotes, dashes, NBSP... are inert), so typical
//      news text never reaches ICU. Only the few pieces around non-inert code points ("e" +
//      U+0301, "é") go to Normalizer2::isNormalizedUTF8, which works on UTF-8 directly.
//   3. Only a text that is not NFC is rewritten, from the first piece that is not, with
//      normalizeUTF8 into a new string (UTF-8 to UTF-8, never through UTF-16); ICU copies the
//      unchanged spans.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <bit>
#include <cstdint>
#include <cstring>

#include "text/utf8.h"
#include "witness/text.h"

namespace witness::text {
namespace {

// NFC-inert code points (Normalizer2::isInert: no decomposition, no composition with anything
// before or after) of the BMP, one bit each, built once. Text can be cut around them.
struct InertTable {
  const icu::Normalizer2* nfc = nullptr;
  uint64_t bits[0x10000 / 64] = {};

  InertTable() {
    UErrorCode status = U_ZERO_ERROR;
    nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
      nfc = nullptr;
      return;
    }
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (nfc->isInert(c)) bits[c >> 6] |= uint64_t{1} << (c & 63);
    }
  }
  bool IsInert(char32_t c) const {
    if (c < 0x10000) return (bits[c >> 6] >> (c & 63)) & 1;
    return nfc->isInert(static_cast<UChar32>(c));
  }
};

const InertTable& Inert() {
  static const InertTable table;
  return table;
}

inline internal::Decoded DecodeAt(std::string_view text, size_t i) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  return internal::DecodeUtf8(s + i, s + text.size());
}

// Start of the code point that ends at `pos` (pos > 0, text valid UTF-8).
size_t PreviousCodePointStart(std::string_view text, size_t pos) {
  do {
    --pos;
  } while (pos > 0 && (static_cast<uint8_t>(text[pos]) & 0xC0) == 0x80);
  return pos;
}

// Offset of the first byte at or after p that is not ASCII, or text.size().
size_t NextNonAscii(std::string_view text, size_t p) {
  const auto* const s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  while (p + 8 <= n) {
    uint64_t v;
    std::memcpy(&v, s + p, 8);
    const uint64_t high = v & kHighBits;
    if (high != 0) return p + (std::countr_zero(high) >> 3);
    p += 8;
  }
  while (p < n && s[p] < 0x80) ++p;
  return p;
}

// Offset where the text (valid UTF-8) stops being NFC, or text.size() when it is NFC. Inert
// code points (all of ASCII punctuation and space, curly quotes, dashes, most of Latin-1...)
// need no check. Around each other non-ASCII code point, the piece between the nearest inert
// code points is checked by ICU (on UTF-8, no conversion). The offset returned is the start of
// the first piece that is not NFC, a normalization boundary.
size_t NfcPrefixLength(std::string_view text, const InertTable& inert) {
  size_t p = 0;
  const size_t n = text.size();
  while (true) {
    const size_t q = NextNonAscii(text, p);
    if (q >= n) return n;
    const internal::Decoded d = DecodeAt(text, q);
    if (inert.IsInert(d.cp)) {
      p = q + d.len;
      continue;
    }
    size_t start = q;
    while (start > 0) {
      const size_t prev = PreviousCodePointStart(text, start);
      if (inert.IsInert(DecodeAt(text, prev).cp)) break;
      start = prev;
    }
    size_t end = q + d.len;
    while (end < n) {
      const internal::Decoded e = DecodeAt(text, end);
      if (inert.IsInert(e.cp)) break;
      end += e.len;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::StringPiece piece(text.data() + start, static_cast<int32_t>(end - start));
    if (end - start > static_cast<size_t>(INT32_MAX)) return n;  // beyond ICU's reach
    if (!inert.nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return start;
    p = end;
  }
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

  const InertTable& inert = Inert();
  if (inert.nfc == nullptr) return result;  // ICU data missing: leave the text as it is
  const std::string& text = result.text;
  const size_t start = NfcPrefixLength(text, inert);
  if (start >= text.size() || text.size() - start > static_cast<size_t>(INT32_MAX)) return result;

  std::string out;
  out.reserve(text.size() + text.size() / 16 + 16);
  out.append(text.data(), start);
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  inert.nfc->normalizeUTF8(
      0, icu::StringPiece(text.data() + start, static_cast<int32_t>(text.size() - start)), sink,
      nullptr, status);
  if (U_FAILURE(status)) return result;
  result.text.swap(out);
  result.nfc_changed = true;
  return result;
}

}  // namespace witness::text
