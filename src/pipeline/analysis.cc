#include "pipeline/analysis.h"

#include <algorithm>
#include <set>
#include <utility>

namespace witness::pipeline {
namespace {

bool IsCopy(syndication::Relation r) {
  return r == syndication::Relation::kNearCopy || r == syndication::Relation::kContains ||
         r == syndication::Relation::kContainedIn;
}

// Catch-up writes its rows in transactions of this many articles.
constexpr size_t kCatchUpBatch = 256;

}  // namespace

Analyzer::Analyzer(Store* store, const syndication::SyndicationOptions& syndication,
                   const stories::StoryOptions& stories)
    : store_(store),
      syndication_options_(syndication),
      hasher_(syndication.minhash),
      index_(syndication),
      clusterer_(stories) {
  index_.SetLookup([this](std::string_view id) -> StatusOr<Article> {
    if (auto it = pending_.find(std::string(id)); it != pending_.end()) return *it->second;
    return store_->Get(id);
  });
}

Status Analyzer::Open() {
  if (opened_) return Status::OK();
  StatusOr<StoriesCheckpoint> checkpoint = store_->LoadStoriesCheckpoint();
  if (!checkpoint.ok()) return checkpoint.status();
  if (!checkpoint->blob.empty()) {
    StatusOr<stories::Clusterer> restored = stories::Clusterer::Deserialize(checkpoint->blob);
    if (!restored.ok()) {
      return restored.status().Annotate(store_->path() + ": the stories checkpoint");
    }
    clusterer_ = std::move(*restored);
  }
  StatusOr<uint64_t> count = store_->CountArticles();
  if (!count.ok()) return count.status();
  index_.Reserve(*count);
  WITNESS_RETURN_IF_ERROR(store_->ScanSignatures([&](Article&& meta, std::string_view blob) {
    StatusOr<sketch::Signature> sig = sketch::DeserializeSignature(blob);
    if (!sig.ok()) return sig.status().Annotate(store_->path() + ": signature of " + meta.id);
    return index_.Restore(meta, *sig);
  }));
  WITNESS_RETURN_IF_ERROR(store_->ScanRelations([&](syndication::RelatedPair&& p) {
    return index_.RestorePair(p);
  }));
  // Replay what the checkpoint does not cover. Scan holds a read cursor, so rows are written
  // after it, a chunk at a time.
  std::vector<Article> chunk;
  auto flush = [&]() -> Status {
    AnalysisUpdate update;
    WITNESS_RETURN_IF_ERROR(Analyze(chunk, &update));
    chunk.clear();
    StatusOr<PutResult> r = store_->Put({}, {}, &update);
    return r.ok() ? Status::OK() : r.status();
  };
  int64_t after = checkpoint->watermark;
  while (true) {
    WITNESS_RETURN_IF_ERROR(store_->ScanAdded(after, kCatchUpBatch, [&](int64_t rowid, Article&& a) {
      after = rowid;
      chunk.push_back(std::move(a));
      return Status::OK();
    }));
    if (chunk.empty()) break;
    WITNESS_RETURN_IF_ERROR(flush());
  }
  opened_ = true;
  return Status::OK();
}

Status Analyzer::Analyze(const std::vector<Article>& batch, AnalysisUpdate* update) {
  pending_.clear();
  touched_.clear();
  for (const Article& a : batch) pending_.emplace(a.id, &a);
  for (const Article& a : batch) WITNESS_RETURN_IF_ERROR(AnalyzeOne(a, update));
  FinishBatch(update);
  pending_.clear();
  return Status::OK();
}

Status Analyzer::AnalyzeOne(const Article& article, AnalysisUpdate* update) {
  if (!index_.Contains(article.id)) {
    const sketch::Signature sig = hasher_.Compute(article.text);
    std::vector<syndication::RelatedPair> pairs;
    WITNESS_RETURN_IF_ERROR(index_.AddWithSignature(article, sig, &pairs));
    update->signatures.push_back({article.id, sketch::SerializeSignature(sig)});
    update->relations.insert(update->relations.end(), pairs.begin(), pairs.end());
  }
  if (clusterer_.StoryOf(article.id)) return Status::OK();  // covered by the checkpoint
  // The strongest copy relation with an article clustered before this one.
  stories::ArticleInput in{article.id, article.source, article.title, article.text,
                           article.published, ""};
  for (const syndication::RelatedPair& p : index_.PairsOf(article.id)) {
    if (IsCopy(p.relation) && clusterer_.StoryOf(p.b)) {
      in.copy_of = p.b;
      break;
    }
  }
  StatusOr<stories::StoryAssignment> r = clusterer_.Add(in);
  if (!r.ok()) return r.status().Annotate("stories: article " + article.id);
  if (r->kind != stories::AssignmentKind::kDuplicate) {
    touched_[article.id] = {r->kind == stories::AssignmentKind::kNew ? 1.0 : r->score,
                            r->via_copy};
  }
  return Status::OK();
}

void Analyzer::FinishBatch(AnalysisUpdate* update) {
  std::vector<std::string> articles;  // in first-touched order
  std::set<std::string> seen_articles, stories;
  auto touch_article = [&](const std::string& id) {
    if (seen_articles.insert(id).second) articles.push_back(id);
  };
  std::set<std::string> merged_from;
  for (const stories::StoryEvent& e : clusterer_.TakeEvents()) {
    switch (e.kind) {
      case stories::EventKind::kCreated:
      case stories::EventKind::kJoined:
        touch_article(e.article);
        break;
      case stories::EventKind::kMoved:
        touch_article(e.article);
        touched_[e.article] = {e.score, false};
        merged_from.insert(e.from);
        break;
      case stories::EventKind::kMerged:
        merged_from.insert(e.from);
        break;
      case stories::EventKind::kRemoved:
        break;
    }
    stories.insert(e.story);
  }
  for (const std::string& id : articles) {
    std::optional<std::string> story = clusterer_.StoryOf(id);
    if (!story) continue;
    auto t = touched_.find(id);
    update->members.push_back({id, *story, t == touched_.end() ? 0.0 : t->second.first,
                               t != touched_.end() && t->second.second});
  }
  // A story emptied by moves or merged away is an alias now: its members and aliases follow.
  for (const std::string& from : merged_from) {
    std::optional<std::string> into = clusterer_.Resolve(from);
    if (into && *into != from) update->merges.emplace_back(from, *into);
  }
  std::set<std::string> live;
  for (const std::string& s : stories) {
    if (std::optional<std::string> id = clusterer_.Resolve(s)) live.insert(*id);
  }
  for (const std::string& s : live) {
    StatusOr<stories::Story> story = clusterer_.GetStory(s);
    if (story.ok()) update->stories.push_back(std::move(*story));
  }
}

}  // namespace witness::pipeline
