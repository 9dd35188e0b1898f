// CompareStory (rules in witness/compare.h): runs the extractors over each article, unifies
// the entities, collates the quotes, compares the figures, and computes coverage.
#include <algorithm>
#include <set>

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

}  // namespace

StoryComparison CompareStory(std::span<const Article> articles, const CompareOptions& options) {
  StoryComparison out;
  const size_t n = articles.size();
  out.articles.resize(n);
  std::set<std::string> seen_ids;
  for (size_t i = 0; i < n; ++i) {
    const Article& a = articles[i];
    ArticleInfo& info = out.articles[i];
    info.id = a.id;
    if (info.id.empty()) {
      info.id = "#" + std::to_string(i);
    } else if (seen_ids.count(info.id)) {
      info.id += "#" + std::to_string(i);
    }
    seen_ids.insert(info.id);
    info.source = a.source;
    info.title = a.title;
    info.published = a.published;
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
  out.entities = internal::BuildStoryEntities(out, extractions, seg_ptrs);

  // Quotes, collated.
  std::vector<quotes::QuoteInput> quote_inputs;
  for (uint32_t i = 0; i < n; ++i) {
    for (quotes::Quote& q : extractions[i].quotes) {
      quote_inputs.push_back({out.articles[i].id, out.articles[i].source, out.articles[i].text, q});
      out.quotes.push_back({i, std::move(q)});
    }
  }
  out.quote_groups = quotes::CollateQuotes(quote_inputs, options.collate);

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
