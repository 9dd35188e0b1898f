#include "clean/html_content.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "clean/html_signals.h"
#include "clean/html_text.h"

namespace witness::clean {

namespace {

// ---- Text measures ----

struct TextMeasure {
  uint32_t chars = 0;  // visible characters (CJK counted double: one is a word)
  uint32_t commas = 0;
  uint32_t stops = 0;  // sentence ends
};

void Measure(std::string_view s, TextMeasure* m) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (b <= ' ') continue;
      ++m->chars;
      if (b == ',')
        ++m->commas;
      else if (b == '.' || b == '!' || b == '?')
        ++m->stops;
      continue;
    }
    const uint32_t cp = NextCodePoint(s, &i);
    if (IsSpaceCodePoint(cp) || IsInvisibleCodePoint(cp)) continue;
    m->chars += cp >= 0x2E80 ? 2 : 1;
    if (cp == 0xFF0C || cp == 0x3001 || cp == 0x060C)
      ++m->commas;
    else if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F)
      ++m->stops;
  }
}

// ---- The page model ----

enum Flag : uint8_t {
  kSkip = 1,         // never content (with its subtree)
  kFurniture = 2,    // page furniture by tag/role/class (this element)
  kInFurniture = 4,  // this element or an ancestor is furniture
  kBlock = 8,
  kInLink = 16,
  kPositive = 32,     // class/id name article text
  kArticleBody = 64,  // itemprop=articleBody
};

struct Page {
  const Dom& dom;
  std::vector<uint8_t> flags;
  std::vector<int8_t> weight;      // class weight sign: -1, 0, +1
  std::vector<uint8_t> furniture;  // furniture mark by tag/role/class: 0, 1 weak, 2 strong
  std::vector<uint32_t> owner;     // text nodes: the block that owns them
  std::vector<TextMeasure> own;    // blocks: their inline text
  std::vector<uint32_t> own_link;  // blocks: inline text inside links
  std::vector<uint32_t> chars;     // subtree visible chars
  std::vector<uint32_t> link_chars;
  std::vector<float> score;        // accumulated paragraph scores
  std::vector<float> good;         // subtree chars in article-like paragraphs
  std::vector<uint8_t> has_block;  // a block element below this one
  uint32_t first_h1 = kNoNode;     // the first <h1> with text: the headline

  explicit Page(const Dom& d) : dom(d) {}

  double LinkDensity(uint32_t i) const {
    return chars[i] == 0 ? 0.0 : static_cast<double>(link_chars[i]) / chars[i];
  }
  double OwnLinkDensity(uint32_t i) const {
    return own[i].chars == 0 ? 0.0 : static_cast<double>(own_link[i]) / own[i].chars;
  }
};

void Classify(Page* page, const ContentOptions& options) {
  const Dom& dom = page->dom;
  const uint32_t n = dom.size();
  page->flags.assign(n, 0);
  page->weight.assign(n, 0);
  page->furniture.assign(n, 0);
  page->owner.assign(n, kNoNode);
  struct NameVerdict {
    int8_t weight = 0;
    bool caption = false;
  };
  std::unordered_map<std::string, NameVerdict> names;
  std::string key;
  for (uint32_t i = 0; i < n; ++i) {
    const Node& node = dom[i];
    const uint32_t parent = node.parent;
    uint8_t f = parent == kNoNode ? 0 : page->flags[parent] & (kSkip | kInLink);
    if (!node.is_text() && !(f & kSkip)) {
      const GumboTag t = node.tag;
      bool skip = node.foreign || IsNeverContentTag(t);
      if (!options.include_captions && (t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_FIGCAPTION)) {
        skip = true;
      }
      if (!skip && (dom.HasAttr(i, "hidden") || HiddenByStyle(dom.Attr(i, "style")))) skip = true;
      if (skip) {
        f |= kSkip;
      } else {
        std::string_view cls = dom.Attr(i, "class"), id = dom.Attr(i, "id");
        int w = 0;
        if (!cls.empty() || !id.empty()) {
          // Pages repeat their class names: judge each distinct one once.
          key.assign(cls);
          key += ' ';
          key += id;
          auto [it, fresh] = names.try_emplace(key, NameVerdict{});
          if (fresh) {
            it->second.weight = static_cast<int8_t>(ClassWeight(key));
            it->second.caption = IsCaptionClass(key);
          }
          w = it->second.weight;
          if (!options.include_captions && t != GUMBO_TAG_BODY && t != GUMBO_TAG_ARTICLE &&
              t != GUMBO_TAG_MAIN && it->second.caption) {
            f |= kSkip;
          }
        }
        std::string_view itemprop = dom.Attr(i, "itemprop");
        if (itemprop == "articleBody" || itemprop == "articlebody") {
          f |= kArticleBody;
          w = 25;
        }
        std::string_view role = dom.Attr(i, "role");
        uint8_t furniture = w <= -50 ? 2 : w < 0 ? 1 : 0;
        if (IsFurnitureTag(t) || (!role.empty() && IsFurnitureRole(role))) {
          furniture = std::max<uint8_t>(furniture, 1);
        }
        if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY) furniture = 0;
        page->furniture[i] = furniture;
        if (w > 0) f |= kPositive;
        page->weight[i] = static_cast<int8_t>(w > 0 ? 1 : w < 0 ? -1 : 0);
        if (IsBlockTag(t)) f |= kBlock;
        if (t == GUMBO_TAG_A) f |= kInLink;
      }
    }
    page->flags[i] = f;
    page->owner[i] = parent == kNoNode                ? kNoNode
                     : (page->flags[parent] & kBlock) ? parent
                                                      : page->owner[parent];
  }
}

// A section that opens with a furniture heading ("<div><h3>Related posts</h3>...") is
// furniture, whatever its class. The heading must be among its first two children.
void MarkTitledSections(Page* page) {
  const Dom& dom = page->dom;
  for (uint32_t h = 0; h < dom.size(); ++h) {
    const Node& node = dom[h];
    if (node.is_text() || (page->flags[h] & kSkip)) continue;
    const GumboTag t = node.tag;
    if (t != GUMBO_TAG_H2 && t != GUMBO_TAG_H3 && t != GUMBO_TAG_H4 && t != GUMBO_TAG_H5 &&
        t != GUMBO_TAG_H6) {
      continue;
    }
    const uint32_t parent = node.parent;
    if (parent == kNoNode || page->chars[h] == 0 || page->chars[h] > 60) continue;
    // Its place among the parent's element children.
    int before = 0;
    for (uint32_t c = parent + 1; c < h && before < 2; c = dom[c].end) {
      if (!dom[c].is_text() && page->chars[c] > 0) ++before;
    }
    if (before >= 2) continue;
    const bool strong_class = page->furniture[h] == 2;
    std::string text;
    if (!strong_class) {
      bool space = false;
      for (uint32_t k = h; k < node.end; ++k) {
        if (dom[k].is_text()) AppendCollapsed(dom.Text(k), &text, &space);
      }
    }
    if (strong_class || IsFurnitureHeading(text)) {
      if (dom[parent].tag != GUMBO_TAG_BODY && dom[parent].tag != GUMBO_TAG_HTML) {
        page->furniture[parent] = 2;
      }
    }
  }
}

// Furniture marks, now that sizes are known: a mark on an element that holds most of the
// page's text names a wrapper ("page has-sidebar", "ad-pusher", "modal-enabled"), not
// furniture. Strong marks (comments, related links) are believed up to 70% of the text.
void ResolveFurniture(Page* page) {
  const Dom& dom = page->dom;
  const uint32_t n = dom.size();
  const uint32_t root_chars = page->chars[0];
  MarkTitledSections(page);
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t parent = dom[i].parent;
    uint8_t f = page->flags[i] & ~(kFurniture | kInFurniture);
    if (parent != kNoNode && (page->flags[parent] & kInFurniture)) f |= kInFurniture;
    const uint8_t mark = page->furniture[i];
    const uint64_t chars = page->chars[i];
    if ((mark == 2 && chars * 10 <= uint64_t{root_chars} * 7) ||
        (mark == 1 && chars * 2 <= root_chars)) {
      f |= kFurniture | kInFurniture;
    }
    page->flags[i] = f;
  }
}

void MeasureText(Page* page) {
  const Dom& dom = page->dom;
  const uint32_t n = dom.size();
  page->own.assign(n, {});
  page->own_link.assign(n, 0);
  page->chars.assign(n, 0);
  page->link_chars.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    if (!dom[i].is_text() || (page->flags[i] & kSkip)) continue;
    TextMeasure m;
    Measure(dom.Text(i), &m);
    if (m.chars == 0) continue;
    page->chars[i] = m.chars;
    const bool link = page->flags[i] & kInLink;
    if (link) page->link_chars[i] = m.chars;
    const uint32_t b = page->owner[i];
    if (b != kNoNode) {
      TextMeasure& o = page->own[b];
      o.chars += m.chars;
      o.commas += m.commas;
      o.stops += m.stops;
      if (link) page->own_link[b] += m.chars;
    }
  }
  page->has_block.assign(n, 0);
  for (uint32_t i = n; i-- > 1;) {
    const uint32_t p = dom[i].parent;
    if (p == kNoNode) continue;
    page->chars[p] += page->chars[i];
    page->link_chars[p] += page->link_chars[i];
    if (page->has_block[i] || (page->flags[i] & kBlock)) page->has_block[p] = 1;
  }
  for (uint32_t i = 0; i < n && page->first_h1 == kNoNode; ++i) {
    if (dom[i].tag == GUMBO_TAG_H1 && !dom[i].is_text() && !(page->flags[i] & kSkip) &&
        page->chars[i] > 0) {
      page->first_h1 = i;
    }
  }
}

constexpr uint32_t kMinParagraphChars = 25;
constexpr double kClimbJunkRatio = 8.0;
constexpr uint32_t kMaxLinkShare10 = 7;
constexpr uint32_t kMinUnlinkedChars = 40;  // ...unless this much of it is not linked

double ParagraphScore(const Page& page, uint32_t b) {
  const TextMeasure& m = page.own[b];
  if (m.chars < kMinParagraphChars) return 0;
  const double ld = page.OwnLinkDensity(b);
  double s = 1.0 + std::min<double>(m.commas, 10) + std::min(m.chars / 100.0, 3.0);
  s *= (1.0 - ld) * (1.0 - ld);
  if (page.flags[b] & kInFurniture) s *= 0.3;
  return s;
}

void ScoreContainers(Page* page) {
  const Dom& dom = page->dom;
  const uint32_t n = dom.size();
  page->score.assign(n, 0.f);
  // The nearest ancestor that is a block or a container: inline wrappers (<b>, <font>, <a>)
  // between paragraphs and their containers do not count as levels.
  std::vector<uint32_t> up(n, kNoNode);
  for (uint32_t i = 1; i < n; ++i) {
    const uint32_t p = dom[i].parent;
    if (p == kNoNode) continue;
    up[i] = ((page->flags[p] & kBlock) || IsContainerTag(dom[p].tag)) ? p : up[p];
  }
  for (uint32_t b = 0; b < n; ++b) {
    if (dom[b].is_text() || !(page->flags[b] & kBlock) || (page->flags[b] & kSkip)) continue;
    const double ps = ParagraphScore(*page, b);
    if (ps <= 0) continue;
    if (IsContainerTag(dom[b].tag)) page->score[b] += static_cast<float>(ps);
    // Up to six levels of ancestors, decaying.
    uint32_t a = up[b];
    for (int level = 1; a != kNoNode && level <= 6; ++level, a = up[a]) {
      page->score[a] += static_cast<float>(ps / (level == 1   ? 1.0
                                                 : level == 2 ? 2.0
                                                              : level * 1.5));
    }
  }
}

// Characters in article-like paragraphs, per subtree.
void MeasureGoodText(Page* page) {
  const Dom& dom = page->dom;
  const uint32_t n = dom.size();
  page->good.assign(n, 0.f);
  for (uint32_t b = 0; b < n; ++b) {
    if (dom[b].is_text() || (page->flags[b] & (kSkip | kInFurniture))) continue;
    const TextMeasure& m = page->own[b];
    if (m.chars < kMinParagraphChars) continue;
    const double ld = page->OwnLinkDensity(b);
    if (ld >= 0.5) continue;
    page->good[b] = static_cast<float>(m.chars * (1.0 - ld));
  }
  for (uint32_t i = n; i-- > 1;) {
    const uint32_t p = dom[i].parent;
    if (p != kNoNode) page->good[p] += page->good[i];
  }
}

// From the best container, climbs to ancestors while that adds more article-like text than
// other text (articles whose every paragraph sits in its own wrapper of wrappers).
uint32_t Climb(const Page& page, uint32_t best) {
  const Dom& dom = page.dom;
  uint32_t c = best;
  for (int steps = 0; steps < 8; ++steps) {
    const uint32_t p = dom[c].parent;
    if (p == kNoNode || (page.flags[p] & kInFurniture) || dom[p].tag == GUMBO_TAG_HTML) break;
    const double gain = page.good[p] - page.good[c];
    const double junk = (page.chars[p] - page.good[p]) - (page.chars[c] - page.good[c]);
    if (gain <= 0 && junk > 0) break;
    if (gain < junk * kClimbJunkRatio) break;
    c = p;
  }
  return c;
}

double CandidateScore(const Page& page, uint32_t i) {
  const Node& node = page.dom[i];
  if (node.is_text() || (page.flags[i] & kSkip) || !IsContainerTag(node.tag)) return 0;
  double s = page.score[i];
  if (s <= 0) return 0;
  s *= 1.0 - page.LinkDensity(i);
  if (page.flags[i] & kArticleBody)
    s *= 1.6;
  else if (page.weight[i] > 0)
    s *= 1.25;
  if (page.flags[i] & kInFurniture) s *= 0.5;
  if (node.tag == GUMBO_TAG_ARTICLE) s *= 1.15;
  return s;
}

// ---- Writing the text ----

std::string ElementText(const Page& page, uint32_t i) {
  std::string text;
  bool space = false;
  const Dom& dom = page.dom;
  for (uint32_t k = i; k < dom[i].end; ++k) {
    if (dom[k].is_text() && !(page.flags[k] & kSkip))
      AppendCollapsed(dom.Text(k), &text, &space);
    else if (!dom[k].is_text() && (page.flags[k] & kBlock))
      space = true;
  }
  return text;
}

struct Block {
  std::string text;
  uint32_t element = kNoNode;
};

class Writer {
 public:
  Writer(const Page& page, const ContentOptions& options, ContentResult* result)
      : page_(page), options_(options), result_(result) {}

  // Writes the text of the subtree at `root`, leaving out what does not belong.
  void Write(uint32_t root) {
    const Dom& dom = page_.dom;
    const uint32_t container_chars = std::max<uint32_t>(page_.chars[root], 1);
    std::vector<uint32_t> open;  // block elements entered, innermost last
    uint32_t pre_end = 0;        // inside <pre> until this node: line breaks are kept
    uint32_t i = root;
    const uint32_t end = dom[root].end;
    while (i < end) {
      while (!open.empty() && i >= dom[open.back()].end) {
        Flush(open.back());
        open.pop_back();
      }
      const Node& node = dom[i];
      if (node.is_text()) {
        if (!(page_.flags[i] & kSkip)) {
          if (i < pre_end) {
            AppendPreformatted(dom.Text(i));
          } else {
            AppendCollapsed(dom.Text(i), &cur_, &space_);
          }
          cur_chars_ += page_.chars[i];
          cur_link_chars_ += page_.link_chars[i];
        }
        ++i;
        continue;
      }
      const char* why = i == root ? nullptr : Exclude(i, container_chars);
      if (why != nullptr) {
        Removed(why, i);
        i = node.end;
        continue;
      }
      if ((node.tag == GUMBO_TAG_PRE || node.tag == GUMBO_TAG_LISTING ||
           node.tag == GUMBO_TAG_XMP) &&
          pre_end <= i) {
        pre_end = node.end;
      }
      if (node.tag == GUMBO_TAG_BR) {
        // One <br> breaks the line, two or more the paragraph.
        const size_t len = cur_.size();
        if (len > 0 && !(len >= 2 && cur_[len - 1] == '\n' && cur_[len - 2] == '\n')) {
          cur_.push_back('\n');
        }
        space_ = false;
      }
      if ((node.tag == GUMBO_TAG_TD || node.tag == GUMBO_TAG_TH) && !page_.has_block[i]) {
        // A simple table cell: the cells of a row make one line.
        space_ = true;
      } else if (page_.flags[i] & kBlock) {
        Flush(i);
        open.push_back(i);
      }
      ++i;
    }
    while (!open.empty()) {
      Flush(open.back());
      open.pop_back();
    }
    Flush(root);
  }

  std::vector<Block>& blocks() { return blocks_; }

 private:
  // Why the element at i is left out, or nullptr.
  const char* Exclude(uint32_t i, uint32_t container_chars) const {
    const uint8_t f = page_.flags[i];
    if (f & kSkip) return "hidden";
    const Node& node = page_.dom[i];
    if (node.tag == GUMBO_TAG_H1 &&
        (i == page_.first_h1 || IsHeadline(ElementText(page_, i), options_.title))) {
      return "headline";
    }
    std::string_view itemprop = page_.dom.Attr(i, "itemprop");
    if (!itemprop.empty() && IsMetadataItemprop(itemprop)) return "metadata";
    const uint32_t chars = page_.chars[i];
    if (chars == 0) return nullptr;
    const bool small = chars * 2 < container_chars;
    if ((f & kFurniture) && small) return page_.weight[i] < 0 ? "class" : "furniture";
    if ((f & kBlock) || node.tag == GUMBO_TAG_UNKNOWN) {
      const double ld = page_.LinkDensity(i);
      const uint32_t unlinked = chars - page_.link_chars[i];
      if (ld > 0.5 && small && !(f & kPositive) && unlinked < kMinUnlinkedChars) return "links";
    }
    return nullptr;
  }

  void Removed(const char* why, uint32_t i) {
    if (!options_.collect_removed || page_.chars[i] == 0) return;
    std::string text;
    bool space = false;
    const Dom& dom = page_.dom;
    for (uint32_t k = i; k < dom[i].end && text.size() < 300; ++k) {
      if (dom[k].is_text() && !(page_.flags[k] & kSkip))
        AppendCollapsed(dom.Text(k), &text, &space);
      else if (!dom[k].is_text() && (page_.flags[k] & kBlock))
        space = true;
    }
    if (text.empty()) return;
    if (text.size() > 300) {
      size_t cut = 300;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text.resize(cut);
      text += "...";
    }
    result_->removed.push_back(std::string(why) + ": " + text);
  }

  // Text inside <pre>: kept as written (indentation too), except that trailing spaces go,
  // invisible characters go, and there is at most one blank line in a row (the blank-line
  // paragraph rule must still hold).
  void AppendPreformatted(std::string_view text) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t nl = text.find('\n', start);
      std::string_view line =
          text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      if (space_ && !cur_.empty() && cur_.back() != '\n') cur_.push_back(' ');
      space_ = false;
      for (size_t k = 0; k < line.size();) {
        const size_t from = k;
        const uint32_t cp = NextCodePoint(line, &k);
        if (cp == '\t' || cp == ' ' || !(IsInvisibleCodePoint(cp) || cp == '\r')) {
          cur_.append(line.data() + from, k - from);
        }
      }
      if (nl == std::string_view::npos) break;
      while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
      const size_t len = cur_.size();
      if (len > 0 && !(len >= 2 && cur_[len - 1] == '\n' && cur_[len - 2] == '\n')) {
        cur_.push_back('\n');
      }
      space_ = false;
      start = nl + 1;
    }
  }

  void Flush(uint32_t element) {
    space_ = false;
    while (!cur_.empty() && (cur_.back() == '\n' || cur_.back() == ' ')) cur_.pop_back();
    const uint32_t chars = cur_chars_, link_chars = cur_link_chars_;
    cur_chars_ = cur_link_chars_ = 0;
    if (cur_.empty()) return;
    if (link_chars * 10 > chars * kMaxLinkShare10 && chars - link_chars < kMinUnlinkedChars) {
      // A line of links inside the article: "Tags: a, b, c", "SEE ALSO: ...".
      if (options_.collect_removed) result_->removed.push_back("links: " + cur_);
      cur_.clear();
      return;
    }
    blocks_.push_back({std::move(cur_), element});
    cur_.clear();
  }

  const Page& page_;
  const ContentOptions& options_;
  ContentResult* result_;
  std::string cur_;
  uint32_t cur_chars_ = 0, cur_link_chars_ = 0;
  bool space_ = false;
  std::vector<Block> blocks_;
};

}  // namespace

ContentResult ExtractContent(const Dom& dom, const ContentOptions& options) {
  ContentResult result;
  if (dom.size() == 0) return result;
  Page page(dom);
  Classify(&page, options);
  MeasureText(&page);
  ResolveFurniture(&page);
  ScoreContainers(&page);

  uint32_t best = kNoNode;
  double best_score = 0;
  for (uint32_t i = 0; i < dom.size(); ++i) {
    const double s = CandidateScore(page, i);
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  if (best == kNoNode) {
    // No container scored (text only in odd places: table captions, definition lists):
    // the body, when it has any paragraph at all.
    bool any = false;
    for (uint32_t b = 0; b < dom.size() && !any; ++b) {
      any = !dom[b].is_text() && (page.flags[b] & kBlock) && ParagraphScore(page, b) > 0;
    }
    if (!any || dom.body() == kNoNode) return result;
    best = dom.body();
  }
  MeasureGoodText(&page);
  best = Climb(page, best);
  best_score = std::max(best_score, CandidateScore(page, best));
  result.container = best;
  result.score = best_score;

  // The winner and its qualifying siblings, in document order.
  std::vector<uint32_t> roots;
  const uint32_t parent = dom[best].parent;
  if (parent == kNoNode) {
    roots.push_back(best);
  } else {
    const double threshold = std::max(10.0, best_score * 0.2);
    for (uint32_t c = parent + 1; c < dom[parent].end; c = dom[c].end) {
      if (c == best) {
        roots.push_back(c);
        continue;
      }
      if (dom[c].is_text() || (page.flags[c] & (kSkip | kFurniture))) continue;
      bool take = CandidateScore(page, c) >= threshold;
      if (!take && (page.flags[c] & kBlock) && page.own[c].chars > 0) {
        const double ld = page.OwnLinkDensity(c);
        const uint32_t chars = page.own[c].chars;
        take = (chars > 80 && ld < 0.25) ||
               (chars >= kMinParagraphChars && ld == 0 && page.own[c].stops > 0);
      }
      if (take) roots.push_back(c);
    }
  }

  Writer writer(page, options, &result);
  for (uint32_t r : roots) writer.Write(r);

  // Paragraphs: blocks, split where <br><br> broke them.
  std::vector<Block> blocks;
  for (Block& b : writer.blocks()) {
    size_t start = 0;
    for (;;) {
      size_t brk = b.text.find("\n\n", start);
      std::string part =
          b.text.substr(start, brk == std::string::npos ? std::string::npos : brk - start);
      while (!part.empty() && (part.back() == '\n' || part.back() == ' ')) part.pop_back();
      size_t lead = 0;
      while (lead < part.size() && (part[lead] == '\n' || part[lead] == ' ')) ++lead;
      if (lead < part.size()) blocks.push_back({part.substr(lead), b.element});
      if (brk == std::string::npos) break;
      start = brk + 2;
    }
  }
  for (size_t k = 0; k < blocks.size(); ++k) {
    const Block& b = blocks[k];
    const bool edge = k < 3 || k + 3 >= blocks.size();
    if (edge && IsBylineLine(b.text)) {
      if (options.collect_removed) result.removed.push_back("byline: " + b.text);
      continue;
    }
    if (IsBoilerplateLine(b.text)) {
      if (options.collect_removed) result.removed.push_back("boilerplate: " + b.text);
      continue;
    }
    if (!options.title.empty() && b.text.size() < options.title.size() * 2 &&
        IsHeadline(b.text, options.title)) {
      if (options.collect_removed) result.removed.push_back("headline: " + b.text);
      continue;
    }
    if (!result.text.empty()) result.text += "\n\n";
    result.text += b.text;
    ++result.paragraphs;
  }
  return result;
}

}  // namespace witness::clean
