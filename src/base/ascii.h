// base/ascii.h: byte-level helpers for the ASCII parts of formats (WARC and HTTP headers,
// dates, plain-text framing). Bytes of 0x80 and above are never letters or spaces here.
#ifndef WITNESS_BASE_ASCII_H_
#define WITNESS_BASE_ASCII_H_

#include <string_view>

namespace witness::ascii {

// Space, tab, newline, carriage return, form feed, vertical tab.
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Equal when A-Z and a-z are taken as the same.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// `s` without IsSpace bytes at either end.
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace witness::ascii

#endif  // WITNESS_BASE_ASCII_H_
