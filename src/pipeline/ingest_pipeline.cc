#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>
#include <string_view>
#include <utility>

#include "pipeline/analysis.h"
#include "witness/ingest.h"
#include "witness/pipeline.h"
#include "witness/text.h"

namespace witness {

namespace {

// Fills what the article does not say from what the page says.
void TakePageMetadata(const Extracted& page, Article* a) {
  auto fill = [](std::string* field, const std::string& value) {
    if (field->empty()) *field = value;
  };
  fill(&a->title, page.title);
  fill(&a->published, page.published);
  fill(&a->author, page.author);
  fill(&a->url, page.url);
  fill(&a->language, page.language);
}

// HTML -> text (and metadata the article lacks). A no-op for text articles.
Status ExtractPage(Article* a, const PipelineOptions& options) {
  if (a->content_type != ContentType::kHtml || !a->text.empty()) return Status::OK();
  ExtractOptions extract = options.extract_options;
  if (extract.url.empty()) extract.url = a->url;
  if (extract.http_charset.empty() && a->extra_json.find("http_charset") != std::string::npos) {
    nlohmann::json extra = nlohmann::json::parse(a->extra_json, nullptr, false);
    if (extra.is_object() && extra.contains("http_charset") && extra["http_charset"].is_string()) {
      extract.http_charset = extra["http_charset"].get<std::string>();
    }
  }
  extract.collect_removed = true;
  StatusOr<Extracted> page = ExtractHtml(a->html, extract, a->origin);
  if (!page.ok()) return page.status();
  TakePageMetadata(*page, a);
  a->text = text::Normalize(page->text).text;
  for (const std::string& removed : page->removed) {
    // Extracted::removed holds "why: text".
    size_t colon = removed.find(": ");
    std::string why = colon == std::string::npos ? "page furniture" : removed.substr(0, colon);
    std::string body = colon == std::string::npos ? removed : removed.substr(colon + 2);
    a->boilerplate.push_back({"html", std::move(why), std::move(body)});
  }
  return Status::OK();
}

// When nothing named a title and the first body block left after cleaning reads as a headline
// (a short line without closing punctuation, with more text after it), it becomes the title.
// Ingest's own title rule stops at a leading paywall line; cleaning has removed that by now.
void TakeLeadingHeadline(const std::vector<clean::Block>& blocks, Article* a) {
  auto first = std::find_if(blocks.begin(), blocks.end(), [](const clean::Block& b) { return b.keep; });
  if (first == blocks.end() || first->out_begin != 0) return;
  size_t end = first->end - first->begin;
  if (end >= a->text.size()) return;  // the only block: no body after it
  std::string_view line = std::string_view(a->text).substr(0, end);
  if (line.find('\n') != std::string_view::npos || line.empty()) return;
  char last = line.back();
  if (last == '.' || last == ':' || last == ';' || last == ',' || last == '"') return;
  size_t words = text::Segment(line).WordCount();
  if (words < 3 || words > 25) return;
  a->title = std::string(line);
  size_t body = a->text.find_first_not_of("\n ", end);
  a->text.erase(0, body == std::string::npos ? a->text.size() : body);
}

// Removes boilerplate (keeping each removed block) and recounts words.
void CleanArticle(Article* a, const clean::SourceTemplate* tmpl, const PipelineOptions& options) {
  if (options.clean && !a->text.empty()) {
    clean::CleanResult r = clean::CleanText(a->text, options.clean_options, tmpl, a->title);
    for (const clean::Block& b : r.blocks) {
      if (b.keep) continue;
      a->boilerplate.push_back({clean::RuleName(b.rule), b.reason, std::string(b.in(a->text))});
    }
    if (a->author.empty()) a->author = r.byline;
    a->text = std::move(r.text);
    if (a->title.empty()) TakeLeadingHeadline(r.blocks, a);
  }
  a->word_count = text::Segment(a->text).WordCount();
}

}  // namespace

Status PrepareArticle(Article* a, const clean::SourceTemplate* tmpl, const PipelineOptions& options) {
  a->boilerplate.clear();
  WITNESS_RETURN_IF_ERROR(ExtractPage(a, options));
  CleanArticle(a, tmpl, options);
  return Status::OK();
}

IngestPipeline::IngestPipeline(Store* store, const PipelineOptions& options)
    : store_(store), options_(options) {
  if (options_.batch_size == 0) options_.batch_size = 1;
  if (options_.analyze) {
    analyzer_ = std::make_unique<pipeline::Analyzer>(store_, options_.syndication,
                                                     options_.stories);
  }
}

IngestPipeline::~IngestPipeline() = default;

StatusOr<clean::SourceTemplate*> IngestPipeline::TemplateFor(const std::string& source) {
  auto it = templates_.find(source);
  if (it != templates_.end()) return it->second.get();
  auto tmpl = std::make_unique<clean::SourceTemplate>(options_.template_options);
  StatusOr<std::optional<std::string>> blob = store_->LoadTemplate(source);
  if (!blob.ok()) return blob.status();
  if (blob->has_value()) {
    StatusOr<clean::SourceTemplate> restored = clean::SourceTemplate::Deserialize(**blob);
    // A damaged template is relearned from scratch rather than stopping the ingest.
    if (restored.ok()) *tmpl = std::move(*restored);
  }
  clean::SourceTemplate* raw = tmpl.get();
  templates_.emplace(source, std::move(tmpl));
  return raw;
}

Status IngestPipeline::Add(Article article, Status* rejected) {
  if (batch_ids_.count(article.id) > 0) {
    ++unchanged_;
    return Status::OK();
  }
  StatusOr<bool> stored = store_->Contains(article.id);
  if (!stored.ok()) return stored.status();
  if (*stored) {
    ++unchanged_;
    return Status::OK();
  }
  article.boilerplate.clear();
  Status extracted = ExtractPage(&article, options_);
  if (!extracted.ok()) {
    if (rejected != nullptr) *rejected = extracted;
    return Status::OK();
  }
  clean::SourceTemplate* tmpl = nullptr;
  if (options_.clean && options_.templates && !article.text.empty()) {
    StatusOr<clean::SourceTemplate*> t = TemplateFor(article.source);
    if (!t.ok()) return t.status();
    tmpl = *t;
    tmpl->AddArticle(article.text);
    dirty_templates_.insert(article.source);
  }
  CleanArticle(&article, tmpl, options_);
  batch_ids_.insert(article.id);
  batch_.push_back(std::move(article));
  if (batch_.size() >= options_.batch_size) return WriteBatch(false);
  return Status::OK();
}

Status IngestPipeline::Flush() { return WriteBatch(true); }

Status IngestPipeline::WriteBatch(bool checkpoint) {
  std::vector<TemplateBlob> blobs;
  for (const std::string& source : dirty_templates_) {
    blobs.push_back({source, templates_.at(source)->Serialize()});
  }
  AnalysisUpdate analysis;
  if (analyzer_ != nullptr && batch_.size() > 1) {
    // Stories are clustered in publication order within a batch (undated articles after the
    // dated, in arrival order), and stored in that order, so that replaying the store's
    // insertion order after a crash gives the same stories.
    std::vector<std::pair<int64_t, size_t>> order;
    for (size_t i = 0; i < batch_.size(); ++i) {
      std::optional<int64_t> t = stories::ParsePublished(batch_[i].published);
      order.emplace_back(t.value_or(std::numeric_limits<int64_t>::max()), i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<Article> sorted;
    sorted.reserve(batch_.size());
    for (const auto& [t, i] : order) sorted.push_back(std::move(batch_[i]));
    batch_ = std::move(sorted);
  }
  if (analyzer_ != nullptr && (!batch_.empty() || (checkpoint && analyzer_->opened()))) {
    WITNESS_RETURN_IF_ERROR(analyzer_->Open());
    WITNESS_RETURN_IF_ERROR(analyzer_->Analyze(batch_, &analysis));
    if (checkpoint) analysis.stories_state = analyzer_->Checkpoint();
  }
  if (batch_.empty() && blobs.empty() && analysis.empty()) return Status::OK();
  StatusOr<PutResult> r = store_->Put(batch_, blobs, &analysis);
  batch_.clear();
  batch_ids_.clear();
  dirty_templates_.clear();
  if (!r.ok()) return r.status();
  added_ += r->added;
  unchanged_ += r->unchanged;
  return Status::OK();
}

}  // namespace witness
