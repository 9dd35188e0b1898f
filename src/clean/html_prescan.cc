#include "clean/html_prescan.h"

#include <algorithm>
#include <utility>

#include "clean/html_stack_model.h"
#include "clean/html_tags.h"

namespace witness::clean {

namespace {

using tags::BreaksForeign;
using tags::Id;
using tags::LowerAscii;
using tags::RawKind;
using tags::RawKindOf;
using tags::TagId;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWithCi(std::string_view s, size_t pos, std::string_view lower) {
  if (pos + lower.size() > s.size()) return false;
  for (size_t k = 0; k < lower.size(); ++k) {
    if (LowerAscii(s[pos + k]) != lower[k]) return false;
  }
  return true;
}

// ---- The tokenizer's view of one tag. ----

struct AttrSpan {
  uint32_t begin = 0, end = 0;  // the attribute as written: name="value"
  bool keep = true;
};

struct Tag {
  static constexpr size_t kMaxAttrs = 32;
  TagId id = 0;
  std::string_view name;
  size_t end = 0;       // one past '>' (or the input's end)
  bool closed = false;  // ended by '>' (not by the end of input)
  bool self_closing = false;
  std::string_view type;  // the type attribute (scripts only)
  AttrSpan attrs[kMaxAttrs];
  size_t attr_count = 0;
  bool dropped_attrs = false;  // some attribute is not needed downstream
  bool hidden_style = false;   // style="display:none" (kept as a `hidden` attribute)
};

// Elements whose attributes are all kept (metadata lives there).
bool KeepsAllAttributes(TagId t) {
  switch (t) {
    case Id("meta"):
    case Id("link"):
    case Id("base"):
    case Id("html"):
    case Id("time"):
    case Id("script"):
    case Id("body"):
    case Id("head"):
    case Id("title"):
      return true;
    default:
      return false;
  }
}

// Attributes that text extraction and metadata read; the rest (href, src, srcset, data-*,
// on*, ...) are cut from ordinary elements before parsing, which the parser then need not
// decode and store.
bool IsUsefulAttribute(std::string_view name) {
  switch (Id(name)) {
    case Id("class"):
    case Id("id"):
    case Id("role"):
    case Id("itemprop"):
    case Id("hidden"):
    case Id("lang"):
    case Id("datetime"):
    case Id("pubdate"):
    case Id("property"):
    case Id("content"):
    case Id("name"):
    case Id("rel"):
    case Id("type"):
    case Id("itemtype"):
    case Id("itemscope"):
    case Id("aria-hidden"):
    case Id("xml:lang"):
    case Id("value"):
      return true;
    default:
      return false;
  }
}

bool StyleHides(std::string_view v) {
  std::string compact;
  for (char c : v) {
    if (!IsSpace(c)) compact.push_back(LowerAscii(c));
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// Parses a tag whose name starts at `i` (after '<' or '</'); attribute values may hold '>'.
// With `start`, notes the attributes and which of them are worth keeping.
Tag ParseTag(std::string_view s, size_t i, bool start) {
  Tag tag;
  const size_t n = s.size();
  size_t name_start = i;
  while (i < n && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  tag.name = s.substr(name_start, i - name_start);
  tag.id = Id(tag.name);
  const bool keep_all = !start || KeepsAllAttributes(tag.id);
  while (i < n) {
    char c = s[i];
    if (c == '>') {
      tag.end = i + 1;
      tag.closed = true;
      return tag;
    }
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '/') {
      ++i;
      if (i < n && s[i] == '>') {
        tag.self_closing = true;
        tag.closed = true;
        tag.end = i + 1;
        return tag;
      }
      continue;
    }
    // Attribute name (a leading '=' belongs to the name).
    size_t an = i++;
    while (i < n && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
    std::string_view attr = s.substr(an, i - an);
    size_t vs = i, ve = i;
    size_t after_name = i;
    while (i < n && IsSpace(s[i])) ++i;
    if (i < n && s[i] == '=') {
      ++i;
      while (i < n && IsSpace(s[i])) ++i;
      if (i < n && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        vs = i;
        size_t close = s.find(q, i);
        ve = close == std::string_view::npos ? n : close;
        i = close == std::string_view::npos ? n : close + 1;
      } else {
        vs = i;
        while (i < n && !IsSpace(s[i]) && s[i] != '>') ++i;
        ve = i;
      }
    } else {
      i = after_name;
    }
    if (!start) continue;
    if (attr.size() == 4 && StartsWithCi(attr, 0, "type")) tag.type = s.substr(vs, ve - vs);
    if (tag.attr_count == Tag::kMaxAttrs) {
      // More are cut: the parser compares each new attribute with all earlier ones.
      tag.dropped_attrs = true;
      continue;
    }
    AttrSpan& a = tag.attrs[tag.attr_count++];
    a.begin = static_cast<uint32_t>(an);
    a.end = static_cast<uint32_t>(i);
    a.keep = keep_all || IsUsefulAttribute(attr);
    if (!a.keep) {
      tag.dropped_attrs = true;
      if (attr.size() == 5 && StartsWithCi(attr, 0, "style") && StyleHides(s.substr(vs, ve - vs))) {
        tag.hidden_style = true;
      }
    }
  }
  tag.end = n;
  return tag;
}

// The tag written again with only the attributes worth keeping.
void AppendSlimTag(std::string_view s, const Tag& tag, std::string* out) {
  out->push_back('<');
  out->append(tag.name);
  for (size_t k = 0; k < tag.attr_count; ++k) {
    const AttrSpan& a = tag.attrs[k];
    if (!a.keep) continue;
    out->push_back(' ');
    out->append(s.data() + a.begin, a.end - a.begin);
  }
  if (tag.hidden_style) out->append(" hidden");
  out->append(tag.self_closing ? "/>" : ">");
}

// Where an element that nests in itself (<svg>, <math>) ends: one past the '>' of its
// matching end tag. npos when it does not end, or when an HTML tag inside it would end it
// first in a browser (the "breakout" tags: <p>, <div>, ...), or when `*budget` (bytes all
// such searches may still read, shared over the page) runs out: the element is then left
// to the parser, and the total work stays linear in the page.
size_t FindElementEnd(std::string_view s, size_t from, std::string_view lower_name,
                      size_t* budget) {
  size_t depth = 1;
  size_t i = from;
  const size_t n = s.size();
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) lt = n;
    const size_t read = lt - i + 1;
    if (read > *budget) {
      *budget = 0;
      return std::string_view::npos;
    }
    *budget -= read;
    if (lt >= n) return std::string_view::npos;
    const bool close = lt + 1 < n && s[lt + 1] == '/';
    const size_t at = lt + (close ? 2 : 1);
    size_t name_end = at;
    while (name_end < n && name_end - at < 16 && IsAlpha(s[name_end])) ++name_end;
    const std::string_view name = s.substr(at, name_end - at);
    const bool delimited =
        name_end >= n || IsSpace(s[name_end]) || s[name_end] == '/' || s[name_end] == '>';
    if (delimited && !name.empty()) {
      const TagId id = Id(name);
      if (id == Id(lower_name)) {
        if (!close) {
          ++depth;
        } else if (--depth == 0) {
          size_t gt = s.find('>', name_end);
          return gt == std::string_view::npos ? n : gt + 1;
        }
      } else if (!close && BreaksForeign(id)) {
        return std::string_view::npos;
      }
    }
    i = lt + 1;
  }
  return std::string_view::npos;
}

// Where the raw text of element `name` that starts at `from` ends: the position of its end tag
// "</name" followed by a delimiter, or npos.
size_t FindRawEnd(std::string_view s, size_t from, std::string_view lower_name) {
  const size_t n = s.size();
  size_t i = from;
  while ((i = s.find("</", i)) != std::string_view::npos) {
    size_t after = i + 2 + lower_name.size();
    if (StartsWithCi(s, i + 2, lower_name) &&
        (after >= n || IsSpace(s[after]) || s[after] == '/' || s[after] == '>')) {
      return i;
    }
    i += 2;
  }
  return std::string_view::npos;
}

// The same for <script>, honouring the "escaped" states: inside "<!--", a "<script" opens a
// nested section whose "</script>" does not end the element.
size_t FindScriptEnd(std::string_view s, size_t from) {
  const size_t n = s.size();
  enum { kData, kEscaped, kDouble } state = kData;
  size_t i = from;
  while (i < n) {
    size_t lt = s.find_first_of(state == kData ? "<" : "<-", i);
    if (lt == std::string_view::npos) return std::string_view::npos;
    if (s[lt] == '-') {
      if (s.compare(lt, 3, "-->") == 0) {
        state = kData;
        i = lt + 3;
      } else {
        i = lt + 1;
      }
      continue;
    }
    if (state == kData && s.compare(lt, 4, "<!--") == 0) {
      state = kEscaped;
      i = lt + 4;
      continue;
    }
    const bool close = lt + 1 < n && s[lt + 1] == '/';
    const size_t name_at = lt + (close ? 2 : 1);
    const size_t after = name_at + 6;
    if (StartsWithCi(s, name_at, "script") &&
        (after >= n || IsSpace(s[after]) || s[after] == '/' || s[after] == '>')) {
      if (close && state != kDouble) return lt;
      if (close && state == kDouble) state = kEscaped;
      if (!close && state == kEscaped) state = kDouble;
    }
    i = lt + 1;
  }
  return std::string_view::npos;
}

bool IsJsonLdType(std::string_view type) {
  while (!type.empty() && IsSpace(type.front())) type.remove_prefix(1);
  return StartsWithCi(type, 0, "application/ld+json");
}

// Counts of start tags dropped by the limits, so that their end tags go too.
class DroppedTags {
 public:
  void Add(TagId t) {
    for (auto& [id, count] : counts_) {
      if (id == t) {
        ++count;
        return;
      }
    }
    counts_.emplace_back(t, 1);
  }
  bool Take(TagId t) {
    for (auto& [id, count] : counts_) {
      if (id == t && count > 0) {
        --count;
        return true;
      }
    }
    return false;
  }

 private:
  std::vector<std::pair<TagId, size_t>> counts_;
};

}  // namespace

Prescanned Prescan(std::string_view s, const PrescanOptions& options) {
  Prescanned result;
  std::string& out = result.html;
  out.reserve(s.size() / 2 + 64);
  const size_t n = s.size();
  size_t copied = 0;  // s[0, copied) has been dealt with
  auto drop = [&](size_t begin, size_t end) {
    if (begin > copied) out.append(s.data() + copied, begin - copied);
    copied = std::max(copied, end);
  };
  StackModel model(options);
  DroppedTags dropped;
  size_t foreign_budget = n;  // bytes the searches for </svg> and </math> may read in all
  // Elements the parser will create, as far as the model can tell: one per start tag passed
  // on, plus, for every tag, the open formatting elements it may re-create.
  size_t elements = 0;

  size_t i = 0;
  while (i < n) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    const char c = s[i];
    if (c == '!') {
      if (s.compare(i, 3, "!--") == 0) {
        size_t body = i + 3;
        size_t end;
        if (body < n && s[body] == '>') {
          end = body + 1;
        } else if (s.compare(body, 2, "->") == 0) {
          end = body + 2;
        } else {
          size_t close = s.find("-->", body);
          end = close == std::string_view::npos ? n : close + 3;
        }
        drop(lt, end);
        i = end;
        continue;
      }
      size_t gt = s.find('>', i);
      size_t end = gt == std::string_view::npos ? n : gt + 1;
      if (StartsWithCi(s, i, "!doctype")) {
        i = end;  // kept
        continue;
      }
      if (model.InForeign() && s.compare(i, 8, "![CDATA[") == 0) {
        size_t close = s.find("]]>", i);
        i = close == std::string_view::npos ? n : close + 3;  // kept
        continue;
      }
      drop(lt, end);  // a bogus comment
      i = end;
      continue;
    }
    if (c == '?') {
      size_t gt = s.find('>', i);
      size_t end = gt == std::string_view::npos ? n : gt + 1;
      drop(lt, end);
      i = end;
      continue;
    }
    if (c == '/') {
      if (i + 1 < n && IsAlpha(s[i + 1])) {
        Tag tag = ParseTag(s, i + 1, /*start=*/false);
        if (dropped.Take(tag.id)) {
          drop(lt, tag.end);
          ++result.dropped_tags;
        } else {
          elements += model.OpenFormatting();
          model.End(tag.id);
        }
        i = tag.end;
        continue;
      }
      size_t gt = s.find('>', i);
      size_t end = gt == std::string_view::npos ? n : gt + 1;
      drop(lt, end);  // "</>" or a bogus comment
      i = end;
      continue;
    }
    if (!IsAlpha(c)) continue;  // a literal '<'

    Tag tag = ParseTag(s, i, /*start=*/true);
    i = tag.end;
    if (!model.InForeign() && (tag.id == Id("svg") || tag.id == Id("math")) && !tag.self_closing) {
      // Drawings and formulas: never text, often large.
      size_t end =
          FindElementEnd(s, tag.end, tag.id == Id("svg") ? "svg" : "math", &foreign_budget);
      if (end != std::string_view::npos) {
        drop(lt, end);
        i = end;
        continue;
      }
    }
    const RawKind raw = model.InForeign() ? RawKind::kNone : RawKindOf(tag.id);
    if (raw == RawKind::kScript || raw == RawKind::kDrop) {
      std::string lower(tag.name);
      for (char& ch : lower) ch = LowerAscii(ch);
      size_t close =
          raw == RawKind::kScript ? FindScriptEnd(s, tag.end) : FindRawEnd(s, tag.end, lower);
      size_t content_end = close == std::string_view::npos ? n : close;
      if (raw == RawKind::kScript && IsJsonLdType(tag.type)) {
        result.json_ld.emplace_back(s.substr(tag.end, content_end - tag.end));
      }
      size_t end = n;
      if (close != std::string_view::npos) {
        size_t gt = s.find('>', close);
        end = gt == std::string_view::npos ? n : gt + 1;
      }
      drop(lt, end);
      i = end;
      continue;
    }
    if (elements >= options.max_elements || !model.Start(tag.id, tag.self_closing)) {
      dropped.Add(tag.id);
      drop(lt, tag.end);
      ++result.dropped_tags;
      continue;
    }
    elements += 1 + model.OpenFormatting();
    if (tag.closed && tag.dropped_attrs && !model.InForeign()) {
      drop(lt, tag.end);
      AppendSlimTag(s, tag, &out);
    }
    if (raw == RawKind::kKeep) {
      std::string lower(tag.name);
      for (char& ch : lower) ch = LowerAscii(ch);
      size_t close = FindRawEnd(s, tag.end, lower);
      i = close == std::string_view::npos ? n : close;  // the end tag is handled next round
      continue;
    }
    if (raw == RawKind::kPlaintext) break;  // the rest is text
  }
  if (copied < n) out.append(s.data() + copied, n - copied);
  result.max_depth = model.max_depth();
  return result;
}

}  // namespace witness::clean
