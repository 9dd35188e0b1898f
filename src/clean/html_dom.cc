#include "clean/html_dom.h"

#include <cstdlib>
#include <cstring>

namespace witness::clean {

// Bump allocation for gumbo: small frees are no-ops, everything goes at once in Reset().
// Blocks are kept between parses on the same thread (first-touch page faults cost more than
// parsing).
class ParseArena {
 public:
  ~ParseArena() {
    Reset();
    for (char* b : blocks_) std::free(b);
  }

  void* Alloc(size_t n) {
    n = (n + 15) & ~size_t{15};
    if (n > kLarge) {
      void* p = std::malloc(n);
      if (p == nullptr) std::abort();  // out of memory: nothing sensible to do inside gumbo
      large_.push_back(p);
      return p;
    }
    if (n > left_) {
      if (next_block_ == blocks_.size()) {
        char* b = static_cast<char*>(std::malloc(kBlock));
        if (b == nullptr) std::abort();
        blocks_.push_back(b);
      }
      cur_ = blocks_[next_block_++];
      left_ = kBlock;
    }
    void* p = cur_;
    cur_ += n;
    left_ -= n;
    return p;
  }

  // Frees a large block when it is one of the last few handed out: gumbo's growing text
  // buffers free their previous copy right after allocating the next, and a 32 MB text
  // would otherwise leave its whole doubling chain behind. Small blocks stay until Reset().
  void Free(void* p) {
    if (p == nullptr || large_.empty()) return;
    const size_t first = large_.size() > 8 ? large_.size() - 8 : 0;
    for (size_t k = large_.size(); k-- > first;) {
      if (large_[k] == p) {
        std::free(p);
        large_.erase(large_.begin() + static_cast<ptrdiff_t>(k));
        return;
      }
    }
  }

  void Reset() {
    for (void* p : large_) std::free(p);
    large_.clear();
    // Keep a bounded amount for the next page.
    while (blocks_.size() > kKeepBlocks) {
      std::free(blocks_.back());
      blocks_.pop_back();
    }
    next_block_ = 0;
    cur_ = nullptr;
    left_ = 0;
  }

 private:
  static constexpr size_t kBlock = 256 * 1024;
  static constexpr size_t kLarge = 64 * 1024;
  static constexpr size_t kKeepBlocks = 64;  // 16 MiB
  std::vector<char*> blocks_;
  size_t next_block_ = 0;
  char* cur_ = nullptr;
  size_t left_ = 0;
  std::vector<void*> large_;
};

namespace {

thread_local std::unique_ptr<ParseArena> tls_arena;

void* ArenaAlloc(void* userdata, size_t size) {
  return static_cast<ParseArena*>(userdata)->Alloc(size);
}
void ArenaFree(void* userdata, void* p) { static_cast<ParseArena*>(userdata)->Free(p); }

}  // namespace

Dom::Dom(std::string_view html) {
  arena_ = std::move(tls_arena);
  if (!arena_) arena_ = std::make_unique<ParseArena>();
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAlloc;
  options.deallocator = ArenaFree;
  options.userdata = arena_.get();
  options.max_errors = 0;  // errors are not used; recording them costs memory
  output_ = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output_ == nullptr || output_->root == nullptr) return;

  nodes_.reserve(html.size() / 40 + 16);
  auto add = [this](const GumboNode* g, uint32_t parent, uint32_t depth) {
    Node n;
    n.g = g;
    n.parent = parent;
    n.depth = static_cast<uint16_t>(depth > 0xFFFF ? 0xFFFF : depth);
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE) {
      n.tag = g->v.element.tag;
      n.foreign = g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML;
    } else {
      n.text = true;
      n.len = static_cast<uint32_t>(std::strlen(g->v.text.text));
    }
    nodes_.push_back(n);
    return static_cast<uint32_t>(nodes_.size() - 1);
  };
  struct Frame {
    uint32_t index;
    uint32_t next_child;
  };
  std::vector<Frame> stack;
  add(output_->root, kNoNode, 0);
  stack.push_back({0, 0});
  while (!stack.empty()) {
    const uint32_t index = stack.back().index;
    const GumboNode* g = nodes_[index].g;
    // Template contents are inert: not part of the page.
    const bool has_children = g->type == GUMBO_NODE_ELEMENT;
    if (has_children && stack.back().next_child < g->v.element.children.length) {
      const auto* child =
          static_cast<const GumboNode*>(g->v.element.children.data[stack.back().next_child++]);
      if (child->type == GUMBO_NODE_COMMENT || child->type == GUMBO_NODE_DOCUMENT) continue;
      const uint32_t ci = add(child, index, stack.size());
      if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) {
        stack.push_back({ci, 0});
      } else {
        nodes_[ci].end = ci + 1;
      }
    } else {
      nodes_[index].end = static_cast<uint32_t>(nodes_.size());
      stack.pop_back();
    }
  }
  for (uint32_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.text || n.foreign) continue;
    if (n.tag == GUMBO_TAG_HTML && html_ == kNoNode) html_ = i;
    if (n.tag == GUMBO_TAG_HEAD && head_ == kNoNode) head_ = i;
    if (n.tag == GUMBO_TAG_BODY && body_ == kNoNode) body_ = i;
  }
}

Dom::~Dom() {
  // No gumbo_destroy_output: its recursion is what the arena avoids; the arena frees all.
  nodes_.clear();
  output_ = nullptr;
  arena_->Reset();
  if (!tls_arena) tls_arena = std::move(arena_);
}

std::string_view Dom::Text(uint32_t i) const {
  const Node& n = nodes_[i];
  if (!n.text) return {};
  return std::string_view(n.g->v.text.text, n.len);
}

std::string_view Dom::Attr(uint32_t i, const char* name) const {
  const Node& n = nodes_[i];
  if (n.text) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n.g->v.element.attributes, name);
  if (a == nullptr || a->value == nullptr) return {};
  return a->value;
}

bool Dom::HasAttr(uint32_t i, const char* name) const {
  const Node& n = nodes_[i];
  return !n.text && gumbo_get_attribute(&n.g->v.element.attributes, name) != nullptr;
}

std::string_view Dom::TagName(uint32_t i) const {
  const Node& n = nodes_[i];
  if (n.text) return {};
  if (n.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n.tag);
  GumboStringPiece piece = n.g->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

}  // namespace witness::clean
