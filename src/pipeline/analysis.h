// pipeline/analysis.h: syndication and stories for the articles an ingest stores.
//
// An Analyzer holds the syndication index (syndication.h) and the story clusterer
// (stories.h) of one store in memory. Open() rebuilds them: the index from the stored
// signatures and relations, the clusterer from its last checkpoint, then every article stored
// after that checkpoint (an ingest that was killed, or a database from before analysis) is
// replayed in insertion order, which gives exactly the assignments an uninterrupted run gives.
// Analyze() takes a batch about to be stored and returns the rows that Store::Put writes in
// the same transaction.
//
// Rules:
//   - Articles are analysed in the order they are stored; each is fingerprinted, related to
//     the earlier ones (candidates verified passage by passage), and clustered; a copy of an
//     earlier article joins that article's story.
//   - One ingest writes a store at a time (the ingest journal); a second writer's articles are
//     picked up by the next Open().
#ifndef WITNESS_PIPELINE_ANALYSIS_H_
#define WITNESS_PIPELINE_ANALYSIS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "witness/article.h"
#include "witness/status.h"
#include "witness/stories.h"
#include "witness/store.h"
#include "witness/syndication.h"

namespace witness::pipeline {

class Analyzer {
 public:
  Analyzer(Store* store, const syndication::SyndicationOptions& syndication,
           const stories::StoryOptions& stories);

  // Loads the index and the clusterer and catches up (see above). Idempotent.
  Status Open();
  bool opened() const { return opened_; }

  // The analysis of `batch` (new articles, in the order they will be stored).
  Status Analyze(const std::vector<Article>& batch, AnalysisUpdate* update);
  // The clusterer's state, for AnalysisUpdate::stories_state.
  std::string Checkpoint() const { return clusterer_.Serialize(); }

  size_t articles() const { return clusterer_.article_count(); }

 private:
  Status AnalyzeOne(const Article& article, AnalysisUpdate* update);
  void FinishBatch(AnalysisUpdate* update);

  Store* store_;
  syndication::SyndicationOptions syndication_options_;
  sketch::MinHasher hasher_;
  syndication::SyndicationIndex index_;
  stories::Clusterer clusterer_;
  bool opened_ = false;
  // The batch being analysed, for verifying candidates that are not stored yet.
  std::unordered_map<std::string, const Article*> pending_;
  // Per touched article in this batch: (score, via_copy) of its latest assignment.
  std::unordered_map<std::string, std::pair<double, bool>> touched_;
};

}  // namespace witness::pipeline

#endif  // WITNESS_PIPELINE_ANALYSIS_H_
