// HTML tag names as 64-bit ids, and the categories of the HTML standard's tree builder that
// the pre-pass needs to follow the parser's stack of open elements.
//
//   tags::TagId id = tags::Id("div");          // constexpr: usable as a case label
//   if (tags::ClosesP(id)) ...
#ifndef WITNESS_CLEAN_HTML_TAGS_H_
#define WITNESS_CLEAN_HTML_TAGS_H_

#include <cstdint>
#include <string_view>

namespace witness::clean::tags {

// Tag names as ids: up to 8 ASCII characters packed (lower-cased), longer names hashed
// (FNV-1a, top bit set, so the two never collide).
using TagId = uint64_t;

constexpr char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

constexpr TagId Id(std::string_view name) {
  bool ascii = true;
  for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (name.size() <= 8 && ascii) {
    TagId v = 0;
    for (char c : name) v = (v << 8) | static_cast<unsigned char>(LowerAscii(c));
    return v;
  }
  TagId h = 1469598103934665603ull;
  for (char c : name) h = (h ^ static_cast<unsigned char>(LowerAscii(c))) * 1099511628211ull;
  return h | (1ull << 63);
}

// Void elements: never have content or an end tag (br, img, meta, ...).
bool IsVoid(TagId t);
bool IsHeading(TagId t);
// Start tags that close an open <p>.
bool ClosesP(TagId t);
// Elements that end the search of "has an element in scope".
bool IsScopeBoundary(TagId t);
// Markers in the list of active formatting elements (td, th, caption, object, ...).
bool IsMarker(TagId t);
// Formatting elements (a, b, i, font, ...): re-opened by the parser when left open.
bool IsFormatting(TagId t);
// The standard's "special" elements (those that stop "any other end tag").
bool IsSpecial(TagId t);
// End tags that pop to their element when it is in scope.
bool EndPopsInScope(TagId t);
// Start tags that end SVG/MathML content.
bool BreaksForeign(TagId t);
// SVG/MathML elements whose content is HTML again (foreignObject, desc, title, mi, ...).
bool IsIntegrationPoint(TagId t);

// How the tokenizer reads an element's content.
enum class RawKind {
  kNone,       // markup
  kDrop,       // raw text the pre-pass removes: style, noscript, iframe, noembed, noframes
  kKeep,       // raw text kept: title, textarea, xmp
  kScript,     // script data (with the escape states)
  kPlaintext,  // everything to the end
};
RawKind RawKindOf(TagId t);

}  // namespace witness::clean::tags

#endif  // WITNESS_CLEAN_HTML_TAGS_H_
