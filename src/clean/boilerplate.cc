// CleanText: splits a text into blocks, runs the single-block rules (boilerplate_rules.cc),
// then the rules that need the whole text: repeated title and duplicates, related-link lists,
// appeal blocks, source templates; and assembles the kept text.
#include <algorithm>
#include <deque>
#include <unordered_map>

#include "clean/boilerplate_features.h"
#include "clean/boilerplate_rules.h"
#include "witness/clean.h"

namespace witness::clean {
namespace {

struct RuleInfo {
  BoilerplateRule rule;
  const char* name;
  const char* description;
};

constexpr RuleInfo kRules[kBoilerplateRuleCount] = {
    {BoilerplateRule::kNone, "none", "kept: body text"},
    {BoilerplateRule::kCaption, "caption", "a photo description that ends in a credit"},
    {BoilerplateRule::kCredit, "credit", "a photo or agency credit on its own"},
    {BoilerplateRule::kCallToAction, "call_to_action",
     "asks the reader to subscribe, sign up, join, follow, download, read more or click"},
    {BoilerplateRule::kRelatedLink, "related_link",
     "a link to another article (ALSO READ, Related, READ MORE, a trailing read more)"},
    {BoilerplateRule::kCopyright, "copyright",
     "copyright, all-rights-reserved, standards or licensing line"},
    {BoilerplateRule::kByline, "byline", "the author line (kept as the byline)"},
    {BoilerplateRule::kStaffCredit, "staff_credit",
     "reporting/writing/editing credits (kept as credits)"},
    {BoilerplateRule::kTimestamp, "timestamp", "a date, time, reading time or counter alone"},
    {BoilerplateRule::kRepeatedTitle, "repeated_title",
     "the title again, or the same short line twice"},
    {BoilerplateRule::kDuplicate, "duplicate", "a paragraph repeated earlier in the text"},
    {BoilerplateRule::kMediaPlaceholder, "media_placeholder",
     "a video/image/advertisement placeholder or interface label"},
    {BoilerplateRule::kBreadcrumb, "breadcrumb", "a section trail or tag list"},
    {BoilerplateRule::kAppeal, "appeal", "a donation or subscription appeal"},
    {BoilerplateRule::kShareWidget, "share_widget", "share buttons"},
    {BoilerplateRule::kSeparator, "separator", "decoration without words"},
    {BoilerplateRule::kSourceTemplate, "source_template",
     "a paragraph this outlet repeats across its articles"},
};

bool IsBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

bool EndsTerminal(std::string_view line) {
  if (line.empty()) return false;
  unsigned char c = static_cast<unsigned char>(line.back());
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')' ||
         c == 0x9D /* ” */ || c == 0x99 /* ’ */;
}

// The comparison key of a line: its words, lower case, joined by single spaces.
std::string KeyOf(const BlockFeatures& f, size_t skip_front = 0, size_t skip_back = 0) {
  std::string key;
  for (size_t i = skip_front; i + skip_back < f.words.size(); ++i) {
    if (!key.empty()) key.push_back(' ');
    key.append(f.words[i].text);
  }
  return key;
}

struct Work {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t paragraph = 0;
  size_t feature = 0;  // index into the features deque
  Verdict verdict;
};

// Is `f` the title, maybe with a date before or after it ("2005/01/08 Tsunami aid ...")?
bool MatchesTitle(const BlockFeatures& f, const BlockFeatures& title) {
  size_t tn = title.words.size();
  if (tn < 2 || f.words.size() < tn) return false;
  for (size_t front = 0; front + tn <= f.words.size(); ++front) {
    bool same = true;
    for (size_t i = 0; i < tn && same; ++i) same = f.words[front + i].text == title.words[i].text;
    if (!same) continue;
    bool rest_is_time = true;
    for (size_t i = 0; i < f.words.size() && rest_is_time; ++i) {
      if (i >= front && i < front + tn) continue;
      rest_is_time = IsTimeWord(f.words[i].text);
    }
    if (rest_is_time) return true;
  }
  return false;
}

}  // namespace

const char* RuleName(BoilerplateRule rule) {
  size_t i = static_cast<size_t>(rule);
  return i < std::size(kRules) ? kRules[i].name : "unknown";
}

const char* RuleDescription(BoilerplateRule rule) {
  size_t i = static_cast<size_t>(rule);
  return i < std::size(kRules) ? kRules[i].description : "unknown rule";
}

std::optional<BoilerplateRule> RuleFromName(std::string_view name) {
  for (const RuleInfo& r : kRules) {
    if (name == r.name) return r.rule;
  }
  return std::nullopt;
}

uint32_t CleanResult::removed_blocks() const {
  uint32_t n = 0;
  for (const Block& b : blocks) n += b.keep ? 0 : 1;
  return n;
}

std::vector<BlockSpan> SplitBlocks(std::string_view text) {
  std::vector<BlockSpan> out;
  if (text.size() >= UINT32_MAX) text = text.substr(0, UINT32_MAX - 1);  // spans are 32-bit
  struct Line {
    uint32_t begin, end;
  };
  std::vector<Line> para;
  uint32_t paragraph = 0;
  auto flush = [&]() {
    if (para.empty()) return;
    bool wrapped = false;
    if (para.size() >= 2) {
      // A hard-wrapped run of prose: every line but the last is long, of similar length, and
      // most of them stop mid-sentence.
      size_t lo = SIZE_MAX, hi = 0, open = 0;
      for (size_t i = 0; i + 1 < para.size(); ++i) {
        size_t len = para[i].end - para[i].begin;
        lo = std::min(lo, len);
        hi = std::max(hi, len);
        if (!EndsTerminal(text.substr(para[i].begin, len))) ++open;
      }
      wrapped = lo >= 30 && hi <= lo * 8 / 5 + 8 && open * 2 >= para.size() - 1;
    }
    if (wrapped) {
      out.push_back({para.front().begin, para.back().end, paragraph});
    } else {
      for (const Line& l : para) out.push_back({l.begin, l.end, paragraph});
    }
    para.clear();
    ++paragraph;
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    size_t b = pos, e = line_end;
    while (b < e && IsBlankByte(text[b])) ++b;
    while (e > b && IsBlankByte(text[e - 1])) --e;
    if (b == e) {
      flush();
    } else {
      para.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  flush();
  return out;
}

CleanResult CleanText(std::string_view text, const CleanOptions& options,
                      const SourceTemplate* tmpl, std::string_view title) {
  using R = BoilerplateRule;
  CleanResult result;
  std::vector<BlockSpan> spans = SplitBlocks(text);
  std::deque<BlockFeatures> features;
  std::vector<Work> work;
  work.reserve(spans.size() + 4);

  // 1. Single-block rules, and trailing link suffixes split off kept blocks.
  for (size_t i = 0; i < spans.size(); ++i) {
    const BlockSpan& s = spans[i];
    std::string_view original = text.substr(s.begin, s.end - s.begin);
    // A trailing link ("... was ongoing. read more") is cut off first, so the body before it
    // is judged alone.
    size_t suffix =
        options.Enabled(R::kRelatedLink) ? LinkSuffixStart(original) : std::string_view::npos;
    uint32_t body_end = s.end;
    if (suffix != std::string_view::npos) {
      body_end = s.begin + static_cast<uint32_t>(suffix);
      while (body_end > s.begin && IsBlankByte(text[body_end - 1])) --body_end;
    }
    BlockFeatures& f = features.emplace_back();
    Analyze(text.substr(s.begin, body_end - s.begin), &f);
    Verdict v = JudgeBlock(f, Position{i, spans.size()}, options);
    if (suffix == std::string_view::npos || v.matched()) {
      if (suffix != std::string_view::npos) {  // judged as a whole: see the whole line
        features.pop_back();
        Analyze(original, &features.emplace_back());
      }
      work.push_back({s.begin, s.end, s.paragraph, features.size() - 1, std::move(v)});
      continue;
    }
    work.push_back({s.begin, body_end, s.paragraph, features.size() - 1, {}});
    uint32_t cut = s.begin + static_cast<uint32_t>(suffix);
    Analyze(text.substr(cut, s.end - cut), &features.emplace_back());
    work.push_back(
        {cut, s.end, s.paragraph, features.size() - 1,
         Verdict{R::kRelatedLink, "a trailing link '" + std::string(text.substr(cut, s.end - cut)) +
                                      "' after the body"}});
  }
  const size_t n = work.size();

  // 2. The title again, and repeated lines.
  BlockFeatures title_f;
  Analyze(title, &title_f);
  std::unordered_map<std::string, size_t> seen;
  for (size_t i = 0; i < n; ++i) {
    Work& w = work[i];
    const BlockFeatures& f = features[w.feature];
    if (w.verdict.matched()) continue;
    if (options.Enabled(R::kRepeatedTitle) && MatchesTitle(f, title_f)) {
      w.verdict = {R::kRepeatedTitle, "repeats the title"};
      continue;
    }
    std::string key = KeyOf(f);
    if (f.word_count() < 3 || key.size() < 12) continue;
    auto [it, inserted] = seen.emplace(std::move(key), i);
    if (inserted) continue;
    bool short_line = f.word_count() <= 25;
    R rule = short_line ? R::kRepeatedTitle : R::kDuplicate;
    if (!options.Enabled(rule)) continue;
    w.verdict = {rule, (short_line ? "the same short line as block " : "repeats block ") +
                           std::to_string(it->second + 1)};
  }

  // 3. Related-link lists: headline-like lines under a label standing alone.
  if (options.Enabled(R::kRelatedLink)) {
    for (size_t i = 0; i < n; ++i) {
      if (work[i].verdict.rule != R::kRelatedLink ||
          !IsRelatedLabelOnly(features[work[i].feature])) {
        continue;
      }
      std::string label(text.substr(work[i].begin, work[i].end - work[i].begin));
      for (size_t j = i + 1; j < n && j <= i + 8; ++j) {
        Work& w = work[j];
        if (w.verdict.matched() && w.verdict.rule != R::kRelatedLink) break;
        if (!w.verdict.matched() && !IsHeadlineLike(features[w.feature])) break;
        if (!w.verdict.matched()) {
          w.verdict = {R::kRelatedLink,
                       "a headline in the related-links list under '" + label + "'"};
        }
      }
    }
  }

  // 4. Appeal blocks: an opener in the last part of the text takes the paragraphs after it
  // that keep talking about support, subscriptions and journalism, and the sign-off.
  if (options.Enabled(R::kAppeal) && n > 0) {
    size_t first = static_cast<size_t>(options.appeal_start_fraction * double(n - 1));
    for (size_t i = std::min(first, n - 1); i < n; ++i) {
      const BlockFeatures& f = features[work[i].feature];
      if (work[i].verdict.matched() && work[i].verdict.rule != R::kCallToAction) continue;
      if (!IsAppealOpener(f)) continue;
      std::string opener(
          text.substr(work[i].begin, std::min<size_t>(work[i].end - work[i].begin, 40)));
      size_t j = i;
      for (; j < n; ++j) {
        const BlockFeatures& g = features[work[j].feature];
        bool member = j == i || IsAppealContinuation(g) ||
                      (work[j].verdict.matched() && work[j].verdict.rule != R::kNone);
        if (!member) break;
        if (!work[j].verdict.matched() || work[j].verdict.rule == R::kCallToAction) {
          work[j].verdict = {R::kAppeal, j == i ? "opens an appeal to the reader"
                                                : "part of the appeal opening '" + opener + "'"};
        }
      }
      i = j;
    }
  }

  // 5. This outlet's template paragraphs.
  if (tmpl != nullptr && options.Enabled(R::kSourceTemplate)) {
    for (Work& w : work) {
      if (w.verdict.matched()) continue;
      std::string_view original = text.substr(w.begin, w.end - w.begin);
      if (tmpl->IsTemplate(original)) {
        w.verdict = {R::kSourceTemplate, tmpl->Explain(original)};
      }
    }
  }

  // 6. Assemble.
  result.blocks.reserve(n);
  uint32_t last_paragraph = UINT32_MAX;
  for (Work& w : work) {
    Block b;
    b.begin = w.begin;
    b.end = w.end;
    b.keep = !w.verdict.matched();
    b.rule = w.verdict.rule;
    b.reason = std::move(w.verdict.reason);
    std::string_view original = text.substr(w.begin, w.end - w.begin);
    if (b.keep) {
      if (!result.text.empty()) result.text += (w.paragraph == last_paragraph) ? "\n" : "\n\n";
      b.out_begin = static_cast<uint32_t>(result.text.size());
      result.text.append(original);
      last_paragraph = w.paragraph;
    } else if (b.rule == R::kByline && result.byline.empty()) {
      result.byline = BylineName(original);
    } else if (b.rule == R::kStaffCredit) {
      result.credits.emplace_back(original);
    }
    result.blocks.push_back(std::move(b));
  }
  return result;
}

}  // namespace witness::clean
