// Character sets of web pages: find what a page's bytes are, and turn them into UTF-8.
//
//   clean::CharsetOptions o;  o.http_charset = "iso-8859-1";
//   clean::Decoded d = clean::DecodeHtml(bytes, o);
//   d.utf8       // valid UTF-8, byte-order mark removed
//   d.charset    // "UTF-8", "windows-1252", "Shift_JIS", ...
//
// Order of evidence: byte-order mark, then the HTTP charset, then the page's declaration
// (<meta charset>, <meta http-equiv=Content-Type content="...; charset=...">, <?xml encoding?>);
// every declaration is checked against the bytes (see DecodeHtml), and with none the set is
// detected. The result is always valid UTF-8, whatever the input.
#ifndef WITNESS_CLEAN_CHARSET_H_
#define WITNESS_CLEAN_CHARSET_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace witness::clean {

struct CharsetOptions {
  std::string_view http_charset;               // label from a Content-Type header, or ""
  size_t scan_bytes = 16u << 10;               // how far to look for a <meta> declaration
  std::string_view fallback = "windows-1252";  // when nothing else decides
};

enum class CharsetSource : uint8_t {
  kBom,       // a byte-order mark
  kHttp,      // CharsetOptions::http_charset, confirmed by the bytes
  kMeta,      // the page's declaration, confirmed by the bytes
  kUtf8,      // undeclared (or declared wrongly) but the bytes are UTF-8
  kDetected,  // ICU's detector
  kFallback,  // CharsetOptions::fallback
};

struct Decoded {
  std::string utf8;      // the text, valid UTF-8, without byte-order mark
  std::string charset;   // the set used, in its usual spelling ("UTF-8", "windows-1252")
  std::string declared;  // the label the HTTP header or page declared ("" when none)
  CharsetSource source = CharsetSource::kFallback;
  uint32_t repaired = 0;  // bytes or sequences that did not decode (replaced or reinterpreted)
};

Decoded DecodeHtml(std::string_view bytes, const CharsetOptions& options = {});

// The label declared in the first `limit` bytes by <meta charset=...>,
// <meta http-equiv="content-type" content="...charset=...">, or <?xml ... encoding="..."?>;
// "" when none. Follows the spirit of the HTML standard's prescan (comments skipped, attribute
// values quoted or not, case-insensitive).
std::string FindDeclaredCharset(std::string_view bytes, size_t limit);

// The usual name of the set a label means, following the WHATWG Encoding Standard where it
// differs from ICU: "latin1", "iso-8859-1", "ascii" -> "windows-1252"; "gb2312", "gbk" ->
// "GB18030"; "shift_jis" -> "Shift_JIS"; "" when the label is unknown (to WHATWG and ICU).
std::string CanonicalCharset(std::string_view label);

// Statistics of a byte string read as UTF-8.
struct Utf8Stats {
  size_t multibyte = 0;  // well-formed sequences of 2-4 bytes
  size_t invalid = 0;    // maximal ill-formed subsequences
};
Utf8Stats ScanUtf8(std::string_view bytes);

// Appends `bytes` as UTF-8, reading each byte of an ill-formed sequence as a windows-1252
// character (the usual cause of bad bytes in a UTF-8 page). Returns the number of bytes
// reinterpreted.
size_t AppendUtf8Repaired(std::string_view bytes, std::string* out);

// Makes `s` valid UTF-8 in place, each maximal ill-formed subsequence becoming U+FFFD.
// Returns the number replaced (0, and no copy, when `s` is already valid).
size_t ReplaceInvalidUtf8(std::string* s);

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_CHARSET_H_
