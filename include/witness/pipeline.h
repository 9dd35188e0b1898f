// witness/pipeline.h: from articles as read to articles as stored.
//
// ReadInputs (ingest.h) produces finished articles; an IngestPipeline prepares each one (HTML
// extraction, boilerplate cleaning with its outlet's learned template) and writes them to the
// store in batches. `witness ingest` and the server's ingest endpoint both use it.
//
// Usage:
//   witness::IngestPipeline pipeline(store.get(), {});
//   for (witness::Article& a : articles) {
//     witness::Status s = pipeline.Add(std::move(a));   // may write a batch
//     if (!s.ok()) ...;                                 // the store failed: stop
//   }
//   witness::Status s = pipeline.Flush();               // the last batch, and the templates
//
// Rules:
//   - An article whose id is already stored is counted as unchanged and not prepared again:
//     re-ingesting changes nothing, not even what the templates have learned.
//   - The article's id is fixed before preparation (ingest.h ContentId hashes the text as
//     read), so cleaning rules or templates that change later never change an id.
//   - `text` is stored cleaned; `raw` keeps the input; every removed block is kept in
//     Article::boilerplate with its rule and reason (`witness show --why`).
//   - A source's template learns from each new article before that article is cleaned, and is
//     saved in the same transaction as the batch that taught it.
#ifndef WITNESS_PIPELINE_H_
#define WITNESS_PIPELINE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "witness/article.h"
#include "witness/clean.h"
#include "witness/extract.h"
#include "witness/status.h"
#include "witness/stories.h"
#include "witness/store.h"
#include "witness/syndication.h"

namespace witness {
namespace pipeline {
class Analyzer;
}  // namespace pipeline

struct PipelineOptions {
  // Articles per transaction. Default 256: large enough that SQLite's per-commit cost is
  // amortised (see doc/performance.md), small enough that a killed ingest loses little work.
  uint32_t batch_size = 256;
  // Remove boilerplate (clean.h). Default true; false stores the text as read.
  bool clean = true;
  // Learn and apply per-source templates. Default true. Off, only the generic rules apply.
  bool templates = true;
  // How templates learn. Default: clean.h's defaults, except that a paragraph must recur in at
  // least 6 of an outlet's articles (not 3) before it counts as that outlet's furniture: an
  // outlet that runs several updates of one wire story repeats real body paragraphs 3 or 4
  // times, and losing a body sentence is worse than keeping a footer a little longer (the
  // generic rules catch most footers from the first article).
  clean::SourceTemplate::Options template_options = DefaultTemplateOptions();
  clean::CleanOptions clean_options;
  ExtractOptions extract_options;
  // Find copies (syndication.h) and cluster stories (stories.h) as articles are stored, in the
  // same transaction. Default true. The first batch of an ingest loads the store's index and
  // story state (about a second per 100,000 stored articles) and replays articles a killed
  // ingest stored after the last checkpoint; Flush() saves a new checkpoint.
  bool analyze = true;
  syndication::SyndicationOptions syndication;
  stories::StoryOptions stories;

  static clean::SourceTemplate::Options DefaultTemplateOptions() {
    clean::SourceTemplate::Options o;
    o.min_articles = 6;
    return o;
  }
};

// Prepares one article without a store: extracts HTML (filling empty metadata from the page),
// cleans the text with `tmpl` (may be null), and recounts words. The id is left as it is.
// Returns a non-ok Status only when an HTML page cannot be read at all (the article should
// then be rejected).
Status PrepareArticle(Article* article, const clean::SourceTemplate* tmpl,
                      const PipelineOptions& options);

class IngestPipeline {
 public:
  IngestPipeline(Store* store, const PipelineOptions& options);
  ~IngestPipeline();
  IngestPipeline(const IngestPipeline&) = delete;
  IngestPipeline& operator=(const IngestPipeline&) = delete;

  // Queues one finished article; writes a batch when `batch_size` are queued. An article that
  // cannot be prepared is not queued: its Status is returned in `rejected` (when not null) and
  // Add still returns OK. A non-ok return means the store failed; stop adding.
  Status Add(Article article, Status* rejected = nullptr);
  // Writes what is queued and the templates it changed, and (with `analyze`) checkpoints the
  // story clusterer. Call it when the input ends.
  Status Flush();

  uint64_t added() const { return added_; }
  uint64_t unchanged() const { return unchanged_; }

 private:
  StatusOr<clean::SourceTemplate*> TemplateFor(const std::string& source);
  Status WriteBatch(bool checkpoint);

  Store* store_;
  PipelineOptions options_;
  std::vector<Article> batch_;
  std::unordered_set<std::string> batch_ids_;
  std::map<std::string, std::unique_ptr<clean::SourceTemplate>> templates_;
  std::unordered_set<std::string> dirty_templates_;
  std::unique_ptr<pipeline::Analyzer> analyzer_;  // null when !options.analyze
  uint64_t added_ = 0;
  uint64_t unchanged_ = 0;
};

}  // namespace witness

#endif  // WITNESS_PIPELINE_H_
