// Small UTF-8 text helpers shared by the HTML extractor and its metadata reader.
#ifndef WITNESS_CLEAN_HTML_TEXT_H_
#define WITNESS_CLEAN_HTML_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace witness::clean {

// Decodes one code point at s[*i] (valid UTF-8 assumed; a bad byte gives U+FFFD) and advances.
uint32_t NextCodePoint(std::string_view s, size_t* i);

void AppendUtf8(uint32_t cp, std::string* out);

// Horizontal or vertical white space: ASCII, NBSP and the Unicode space separators.
bool IsSpaceCodePoint(uint32_t cp);

// Characters dropped from text: soft hyphen, zero-width space, BOM, C0/C1 controls other
// than tab and line feed.
bool IsInvisibleCodePoint(uint32_t cp);

// Appends `in` to `out` with runs of white space collapsed to one ' ' and invisible characters
// dropped. `*space` carries whether a space is pending across calls: it is written before the
// next visible character, and never at the start of `out` or after a '\n'.
void AppendCollapsed(std::string_view in, std::string* out, bool* space);

// One-shot: collapsed and trimmed.
std::string CollapseWhitespace(std::string_view in);

// Code points in valid UTF-8.
size_t CountCodePoints(std::string_view s);

// Removes HTML tags (<...>) from text that may contain them; the text between is kept.
std::string StripTags(std::string_view s);

// ASCII lower case.
std::string AsciiLower(std::string_view s);

// Trims ASCII white space.
std::string_view TrimAscii(std::string_view s);

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_HTML_TEXT_H_
