// A model of the HTML parser's stack of open elements, fed with tags one by one, so the
// pre-pass can tell how deep the parser's tree will grow without building it.
//
//   StackModel model(options);
//   if (!model.Start(id, self_closing)) drop the start tag (too deep, too many open <b>s);
//   model.End(id);
//
// It follows the parts of the HTML standard's tree builder that change the depth: implied
// end tags (p, li, dd/dt, table cells, headings, options), scope boundaries, "any other end
// tag" stopping at special elements, the adoption agency for formatting elements (and their
// markers), ignored nested forms, and foreign (SVG/MathML) content with its integration
// points and breakout tags. Where it cannot be exact it over-estimates the depth, so that the
// cap it enforces is never looser than the parser's real stack.
#ifndef WITNESS_CLEAN_HTML_STACK_MODEL_H_
#define WITNESS_CLEAN_HTML_STACK_MODEL_H_

#include <cstddef>
#include <vector>

#include "clean/html_prescan.h"
#include "clean/html_tags.h"

namespace witness::clean {

class StackModel {
 public:
  explicit StackModel(const PrescanOptions& options) : options_(options) {}

  // True inside SVG or MathML, except directly in an integration point (foreignObject, ...).
  bool InForeign() const {
    return !stack_.empty() && stack_.back().foreign && !stack_.back().integration;
  }

  // Decides a start tag: returns false when it must be dropped; otherwise updates the model.
  bool Start(tags::TagId t, bool self_closing) {
    if (InForeign() && tags::BreaksForeign(t)) {
      size_t k = stack_.size();
      while (k > 0 && stack_[k - 1].foreign) --k;
      PopTo(k);
    }
    const bool foreign = t == tags::Id("svg") || t == tags::Id("math") || InForeign();
    if (foreign && self_closing) return true;
    if (!foreign && tags::IsVoid(t)) return true;
    if (!foreign) {
      if (t == tags::Id("html") || t == tags::Id("body") || t == tags::Id("head") ||
          t == tags::Id("frameset")) {
        return true;
      }
      if (t == tags::Id("form") && open_forms_ > 0) return true;  // nested forms are ignored
    }
    size_t keep = foreign ? stack_.size() : ImpliedCloses(t);
    if (keep + 1 > options_.max_depth) return false;
    const bool formatting = !foreign && tags::IsFormatting(t);
    if (formatting && SegmentSize() >= options_.max_open_formatting) return false;
    if (formatting && (t == tags::Id("a") || t == tags::Id("nobr"))) {
      // A second <a> closes the first (adoption agency).
      if (HasFormattingEntry(t)) {
        End(t);
        keep = std::min(keep, stack_.size());
      }
    }
    PopTo(keep);
    Entry e;
    e.id = t;
    e.foreign = foreign;
    e.integration = foreign && tags::IsIntegrationPoint(t);
    stack_.push_back(e);
    if (t == tags::Id("form") && !foreign) ++open_forms_;
    if (!foreign && tags::IsMarker(t)) formatting_.push_back(0);
    if (formatting) formatting_.push_back(t);
    if (t == tags::Id("p") && !foreign) ++open_p_;
    max_depth_ = std::max(max_depth_, stack_.size());
    return true;
  }

  void End(tags::TagId t) {
    if (stack_.empty()) return;
    if (InForeign()) {
      // Pops to the matching foreign element, if any before the HTML part of the stack.
      for (size_t k = stack_.size(); k > 0 && stack_[k - 1].foreign; --k) {
        if (stack_[k - 1].id == t) {
          PopTo(k - 1);
          return;
        }
      }
    }
    if (t == tags::Id("body") || t == tags::Id("html") || t == tags::Id("br")) return;
    if (tags::IsFormatting(t) && HasFormattingEntry(t)) {
      RemoveFormattingEntry(t);
      // The adoption agency: with only phrasing elements above it, the element is popped
      // with them; with a block above it (a "furthest block") the depth stays as it is.
      for (size_t k = stack_.size(); k > 0; --k) {
        const Entry& e = stack_[k - 1];
        if (e.id == t && !e.foreign) {
          PopTo(k - 1);
          return;
        }
        if (tags::IsSpecial(e.id) || tags::IsScopeBoundary(e.id)) return;
      }
      return;
    }
    if (t == tags::Id("p")) {
      size_t k = FindInScope(tags::Id("p"), /*button_scope=*/true);
      if (k != kNone) PopTo(k);
      return;
    }
    if (tags::IsHeading(t)) {
      for (size_t k = stack_.size(); k > 0; --k) {
        if (tags::IsHeading(stack_[k - 1].id)) {
          PopTo(k - 1);
          return;
        }
        if (tags::IsScopeBoundary(stack_[k - 1].id)) return;
      }
      return;
    }
    if (tags::EndPopsInScope(t)) {
      size_t k = FindInScope(t, false);
      if (k != kNone) PopTo(k);
      return;
    }
    // Any other end tag: pops to the element unless a special element comes first.
    for (size_t k = stack_.size(); k > 0; --k) {
      const Entry& e = stack_[k - 1];
      if (e.id == t) {
        PopTo(k - 1);
        return;
      }
      if (!e.foreign && tags::IsSpecial(e.id)) return;
    }
  }

  size_t max_depth() const { return max_depth_; }

  // Formatting elements the parser may re-create at the next tag or text (those open since
  // the last marker).
  size_t OpenFormatting() const { return formatting_.empty() ? 0 : SegmentSize(); }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  struct Entry {
    tags::TagId id = 0;
    bool foreign = false;
    bool integration = false;
  };

  // Index of the topmost `t` in scope, or kNone.
  size_t FindInScope(tags::TagId t, bool button_scope) const {
    for (size_t k = stack_.size(); k > 0; --k) {
      const Entry& e = stack_[k - 1];
      if (e.id == t && !e.foreign) return k - 1;
      if (tags::IsScopeBoundary(e.id) || (button_scope && e.id == tags::Id("button")) ||
          e.foreign) {
        return kNone;
      }
    }
    return kNone;
  }

  // The stack size after the end tags a start tag implies (not yet applied).
  size_t ImpliedCloses(tags::TagId t) const {
    size_t keep = stack_.size();
    if (tags::ClosesP(t) && open_p_ > 0) {
      size_t k = FindInScope(tags::Id("p"), true);
      if (k != kNone) keep = k;
    }
    if (tags::IsHeading(t) && keep > 0 && tags::IsHeading(stack_[keep - 1].id)) --keep;
    if (t == tags::Id("li") || t == tags::Id("dd") || t == tags::Id("dt")) {
      for (size_t k = keep; k > 0; --k) {
        tags::TagId id = stack_[k - 1].id;
        const bool match = t == tags::Id("li") ? id == tags::Id("li")
                                               : (id == tags::Id("dd") || id == tags::Id("dt"));
        if (match) {
          keep = k - 1;
          break;
        }
        if (tags::IsSpecial(id) && id != tags::Id("address") && id != tags::Id("div") &&
            id != tags::Id("p"))
          break;
      }
    }
    if (t == tags::Id("option") || t == tags::Id("optgroup")) {
      if (keep > 0 && stack_[keep - 1].id == tags::Id("option")) --keep;
      if (t == tags::Id("optgroup") && keep > 0 && stack_[keep - 1].id == tags::Id("optgroup"))
        --keep;
    }
    if (t == tags::Id("td") || t == tags::Id("th") || t == tags::Id("tr") ||
        t == tags::Id("tbody") || t == tags::Id("thead") || t == tags::Id("tfoot") ||
        t == tags::Id("caption") || t == tags::Id("colgroup")) {
      // Back to the table context: close the open cell / row / section inside the nearest table.
      for (size_t k = keep; k > 0; --k) {
        tags::TagId id = stack_[k - 1].id;
        if (id == tags::Id("table")) {
          // For a section or caption, close everything inside the table; for a row, keep
          // the section; for a cell, keep the row.
          size_t target = k;
          if (t == tags::Id("tr") || t == tags::Id("td") || t == tags::Id("th")) {
            if (target < keep &&
                (stack_[target].id == tags::Id("tbody") || stack_[target].id == tags::Id("thead") ||
                 stack_[target].id == tags::Id("tfoot"))) {
              ++target;
            }
            if ((t == tags::Id("td") || t == tags::Id("th")) && target < keep &&
                stack_[target].id == tags::Id("tr")) {
              ++target;
            }
          }
          keep = std::min(keep, target);
          break;
        }
        if (stack_[k - 1].foreign) break;
      }
    }
    if (t == tags::Id("table") && keep > 0 && stack_[keep - 1].id == tags::Id("table")) --keep;
    if ((t == tags::Id("button") || t == tags::Id("select"))) {
      size_t k = FindInScope(t, false);
      if (k != kNone) keep = std::min(keep, k);
    }
    return keep;
  }

  void PopTo(size_t size) {
    while (stack_.size() > size) {
      const Entry& e = stack_.back();
      if (!e.foreign) {
        if (e.id == tags::Id("p")) --open_p_;
        if (e.id == tags::Id("form")) --open_forms_;
        if (tags::IsMarker(e.id)) {
          // Leaving a cell, caption or object clears the formatting list up to its marker.
          while (!formatting_.empty() && formatting_.back() != 0) formatting_.pop_back();
          if (!formatting_.empty()) formatting_.pop_back();
        }
      }
      stack_.pop_back();
    }
    if (stack_.empty()) open_p_ = 0, open_forms_ = 0;
  }

  size_t SegmentSize() const {
    size_t n = 0;
    for (size_t k = formatting_.size(); k > 0 && formatting_[k - 1] != 0; --k) ++n;
    return n;
  }

  bool HasFormattingEntry(tags::TagId t) const {
    for (size_t k = formatting_.size(); k > 0 && formatting_[k - 1] != 0; --k) {
      if (formatting_[k - 1] == t) return true;
    }
    return false;
  }

  void RemoveFormattingEntry(tags::TagId t) {
    for (size_t k = formatting_.size(); k > 0 && formatting_[k - 1] != 0; --k) {
      if (formatting_[k - 1] == t) {
        formatting_.erase(formatting_.begin() + static_cast<ptrdiff_t>(k - 1));
        return;
      }
    }
  }

  const PrescanOptions& options_;
  std::vector<Entry> stack_;
  std::vector<tags::TagId> formatting_;  // the active formatting elements; 0 = marker
  size_t open_p_ = 0;
  size_t open_forms_ = 0;
  size_t max_depth_ = 0;
};

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_HTML_STACK_MODEL_H_
