// CompareStory (rules in witness/compare.h): runs the extractors over each article, unifies
// the entities, collates the quotes, compares the figures, and computes coverage.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "compare/story_internal.h"
#include "witness/compare.h"

namespace witness::compare {

std::string_view CarryKindName(CarryKind kind) {
  switch (kind) {
    case CarryKind::kParaphrase:
      return "paraphrase";
    case CarryKind::kQuote:
      return "quote";
    case CarryKind::kCopy:
      return "copy";
  }
  return "paraphrase";
}

std::string_view StoryComparison::Text(const TextRef& ref) const {
  if (ref.article >= articles.size()) return {};
  const std::string& t = articles[ref.article].text;
  if (ref.span.begin > ref.span.end || ref.span.end > t.size()) return {};
  return std::string_view(t).substr(ref.span.begin, ref.span.size());
}

namespace {

// Spans are 32-bit: a text of 4 GiB or more is cut at the last UTF-8 boundary before that.
void CapText(std::string* text) {
  constexpr size_t kMax = 0xFFFFFFFFu;
  if (text->size() < kMax) return;
  size_t cut = kMax - 1;
  while (cut > 0 && (static_cast<unsigned char>((*text)[cut]) & 0xC0) == 0x80) --cut;
  text->resize(cut);
}

// The quoted words of a quote as one string: its parts joined (the content when none).
std::string Wording(const StoryComparison& c, const StoryQuote& q) {
  std::string out;
  std::vector<Span> pieces = q.quote.parts;
  if (pieces.empty() || q.quote.kind == quotes::QuoteKind::kIndirect) pieces = {q.quote.content};
  for (Span p : pieces) {
    if (!out.empty()) out += " ... ";
    out.append(c.Text({q.article, p}));
  }
  return out;
}

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char ch : s) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// quotes::CollateQuotes over the story's quotes. Copies of a wire story repeat its quotes word
// for word, and collation is quadratic: only the first of identical quotes (same speaker,
// kind and matching form of the quoted words) is collated, and the others join its variant
// afterwards; then the reference (the most common full wording) is chosen again with the
// repeats counted, and the diffs follow it; the other variants follow, full wordings before
// fragments (under half the longest wording's words), each by member count.
std::vector<quotes::QuoteGroup> CollateStoryQuotes(const StoryComparison& c,
                                                   const quotes::CollateOptions& options) {
  std::vector<quotes::QuoteInput> inputs;
  std::vector<std::vector<size_t>> repeats;  // per input: the quotes it stands for
  std::unordered_map<std::string, size_t> input_of;
  for (size_t i = 0; i < c.quotes.size(); ++i) {
    const StoryQuote& q = c.quotes[i];
    std::string key = q.quote.speaker_name;
    key += '\x1f';
    key += static_cast<char>('0' + static_cast<int>(q.quote.kind));
    key += text::MatchingForm(Wording(c, q));
    auto [it, inserted] = input_of.emplace(std::move(key), inputs.size());
    if (inserted) {
      const ArticleInfo& a = c.articles[q.article];
      inputs.push_back({a.id, a.source, a.text, q.quote});
      repeats.emplace_back();
    }
    repeats[it->second].push_back(i);
  }
  std::vector<quotes::QuoteGroup> groups = quotes::CollateQuotes(inputs, options);
  for (quotes::QuoteGroup& g : groups) {
    for (quotes::QuoteVariant& v : g.variants) {
      std::vector<size_t> members;
      for (size_t m : v.members) {
        if (m < repeats.size()) members.insert(members.end(), repeats[m].begin(), repeats[m].end());
      }
      std::sort(members.begin(), members.end());
      v.members = std::move(members);
      v.article_ids.clear();
      v.sources.clear();
      for (size_t m : v.members) {
        const ArticleInfo& a = c.articles[c.quotes[m].article];
        if (std::find(v.article_ids.begin(), v.article_ids.end(), a.id) == v.article_ids.end()) {
          v.article_ids.push_back(a.id);
        }
        if (std::find(v.sources.begin(), v.sources.end(), a.source) == v.sources.end()) {
          v.sources.push_back(a.source);
        }
      }
    }
    if (g.variants.size() < 2) continue;
    // The reference again: the most common wording that is no fragment.
    size_t longest = 0;
    for (const quotes::QuoteVariant& v : g.variants) longest = std::max(longest, WordCount(v.text));
    size_t ref = 0;
    for (size_t k = 0; k < g.variants.size(); ++k) {
      if (WordCount(g.variants[k].text) * 2 < longest) continue;
      if (WordCount(g.variants[ref].text) * 2 < longest ||
          g.variants[k].members.size() > g.variants[ref].members.size()) {
        ref = k;
      }
    }
    if (ref != 0) {
      std::rotate(g.variants.begin(), g.variants.begin() + static_cast<long>(ref),
                  g.variants.begin() + static_cast<long>(ref) + 1);
      for (quotes::QuoteVariant& v : g.variants)
        v.diff = quotes::DiffWords(g.variants[0].text, v.text);
    }
    // Then the other full wordings, then fragments; each by how many quotes have them.
    std::stable_sort(g.variants.begin() + 1, g.variants.end(),
                     [&](const quotes::QuoteVariant& x, const quotes::QuoteVariant& y) {
                       const bool fx = WordCount(x.text) * 2 < longest;
                       const bool fy = WordCount(y.text) * 2 < longest;
                       if (fx != fy) return fy;
                       return x.members.size() > y.members.size();
                     });
    g.reference = 0;
  }
  return groups;
}

// Metadata as valid UTF-8 (repaired when it is not).
std::string Valid(const std::string& s) {
  return text::IsValidUtf8(s) ? s : text::Normalize(s).text;
}

}  // namespace

StoryComparison CompareStory(std::span<const Article> articles, const CompareOptions& options) {
  StoryComparison out;
  const size_t n = articles.size();
  out.articles.resize(n);
  std::set<std::string> seen_ids;
  for (size_t i = 0; i < n; ++i) {
    const Article& a = articles[i];
    ArticleInfo& info = out.articles[i];
    info.id = Valid(a.id);
    if (info.id.empty()) {
      info.id = "#" + std::to_string(i);
    } else if (seen_ids.count(info.id)) {
      info.id += "#" + std::to_string(i);
    }
    seen_ids.insert(info.id);
    info.source = Valid(a.source);
    info.title = Valid(a.title);
    info.published = Valid(a.published);
    if (text::IsValidUtf8(a.text)) {
      info.text = a.text;
    } else {
      info.text = text::Normalize(a.text).text;
      info.repaired = true;
    }
    CapText(&info.text);
  }

  // Per article: segmentation, quotes and entities, figures.
  std::vector<text::Segmentation> segs(n);
  std::vector<quotes::Extraction> extractions(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string& t = out.articles[i].text;
    segs[i] = text::Segment(t);
    out.articles[i].words = segs[i].WordCount();
    extractions[i] = quotes::Extract(t, segs[i]);
  }
  std::vector<quotes::Extraction*> docs;
  for (quotes::Extraction& e : extractions) docs.push_back(&e);
  quotes::UnifyEntityNames(docs);

  std::vector<const text::Segmentation*> seg_ptrs;
  for (const text::Segmentation& s : segs) seg_ptrs.push_back(&s);
  std::vector<std::vector<int32_t>> doc_to_story;
  out.entities = internal::BuildStoryEntities(out, extractions, seg_ptrs, &doc_to_story);

  // Quotes, with the story's name for each speaker, collated.
  for (uint32_t i = 0; i < n; ++i) {
    for (quotes::Quote& q : extractions[i].quotes) {
      if (q.speaker_entity >= 0 && static_cast<size_t>(q.speaker_entity) < doc_to_story[i].size()) {
        const int32_t e = doc_to_story[i][q.speaker_entity];
        if (e >= 0) q.speaker_name = out.entities[e].name;
      }
      out.quotes.push_back({i, std::move(q)});
    }
  }
  out.quote_groups = CollateStoryQuotes(out, options.collate);

  // Figures, compared.
  for (uint32_t i = 0; i < n; ++i) {
    for (figures::Figure& f : figures::ExtractFigures(out.articles[i].text, segs[i])) {
      out.figures.push_back({out.articles[i].id, std::move(f)});
      out.figure_article.push_back(i);
    }
  }
  out.figure_groups = figures::CompareFigures(out.figures);

  // Coverage.
  text::Analyzer analyzer;
  internal::TermTable terms;
  std::vector<internal::ArticleTerms> article_terms(n);
  for (size_t i = 0; i < n; ++i) {
    internal::BuildArticleTerms(out.articles[i].text, segs[i], &analyzer, &terms,
                                &article_terms[i]);
  }
  internal::CoverageInput in;
  in.articles = articles;
  in.terms = &article_terms;
  in.term_table = &terms;
  in.quotes = &out.quotes;
  in.quote_groups = &out.quote_groups;
  internal::ComputeCoverage(in, options, &out);
  return out;
}

}  // namespace witness::compare
