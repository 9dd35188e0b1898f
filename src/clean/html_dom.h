// A parsed page as a flat array of nodes in document order (pre-order), so that every later
// pass is a loop, never a recursion, whatever the nesting.
//
//   clean::Dom dom(prescanned.html);          // gumbo, HTML5 tree building
//   for (uint32_t i = 0; i < dom.size(); ++i) {
//     const clean::Node& n = dom[i];          // n.parent, n.end: the subtree is [i, n.end)
//     if (n.is_text()) use(dom.Text(i));
//     else if (n.tag == GUMBO_TAG_META) use(dom.Attr(i, "content"));
//   }
//
// The tree's memory comes from an arena kept per thread and reused by the next Dom, which
// saves gumbo's many small allocations and, since gumbo's own tree destructor recurses, lets
// the tree be dropped without walking it. Text views stay valid while the Dom lives.
#ifndef WITNESS_CLEAN_HTML_DOM_H_
#define WITNESS_CLEAN_HTML_DOM_H_

#include <gumbo.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace witness::clean {

inline constexpr uint32_t kNoNode = 0xFFFFFFFFu;

struct Node {
  const GumboNode* g = nullptr;
  uint32_t parent = kNoNode;
  uint32_t end = 0;                  // one past the last node of this subtree
  uint32_t len = 0;                  // text nodes: bytes of text
  uint16_t depth = 0;                // capped at 65535
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text nodes and custom elements
  bool text = false;                 // a text, whitespace or CDATA node
  bool foreign = false;              // SVG or MathML element
  bool is_text() const { return text; }
};

class ParseArena;

class Dom {
 public:
  // Parses UTF-8 HTML. `html` must outlive the Dom (gumbo points into it).
  explicit Dom(std::string_view html);
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  uint32_t size() const { return static_cast<uint32_t>(nodes_.size()); }
  const Node& operator[](uint32_t i) const { return nodes_[i]; }
  const std::vector<Node>& nodes() const { return nodes_; }

  // The decoded text of a text node ("" for elements).
  std::string_view Text(uint32_t i) const;
  // An attribute's value (names are lower case in gumbo), or "" when absent.
  std::string_view Attr(uint32_t i, const char* name) const;
  bool HasAttr(uint32_t i, const char* name) const;
  // The tag name as written for custom elements ("amp-img"), gumbo's name otherwise.
  std::string_view TagName(uint32_t i) const;

  // The index of the <html>, <head> and <body> elements, or kNoNode.
  uint32_t html() const { return html_; }
  uint32_t head() const { return head_; }
  uint32_t body() const { return body_; }

 private:
  std::unique_ptr<ParseArena> arena_;
  GumboOutput* output_ = nullptr;
  std::vector<Node> nodes_;
  uint32_t html_ = kNoNode, head_ = kNoNode, body_ = kNoNode;
};

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_HTML_DOM_H_
