// Clusterer reads: stories, members, labels, ids, memory.
#include <algorithm>
#include <string>

#include "stories/state.h"

namespace witness::stories {

using internal::ArticleRec;
using internal::kNone;
using internal::kNoTime;
using internal::StoryRec;
using internal::TermWeight;

namespace {
// Members scored for the label: the first ones to join (a story's centre forms early and a
// huge story's label need not cost more than this).
constexpr size_t kMaxLabelMembers = 2000;
}  // namespace

uint32_t Clusterer::Impl::LabelMember(uint32_t story) const {
  const StoryRec& s = stories[story];
  uint32_t best = kNone;
  double best_sim = -1;
  std::vector<internal::QTerm> w;
  const double sn = ExactNorm(s);
  size_t seen = 0;
  for (uint32_t m : s.members) {
    const ArticleRec& r = articles[m];
    if (r.flags & internal::kRemoved) continue;
    if (++seen > kMaxLabelMembers) break;
    double sim = 0;
    if (r.vec_len && sn > 0) {
      double n = Weighted(VecOf(m), r.vec_len, &w);
      double dot = 0;
      size_t i = 0, j = 0;
      while (i < s.centroid.size() && j < w.size()) {
        if (s.centroid[i].term < w[j].term)
          ++i;
        else if (w[j].term < s.centroid[i].term)
          ++j;
        else
          dot += static_cast<double>(w[j].w) * s.centroid[i].w * w[j].idf, ++i, ++j;
      }
      sim = n > 0 ? dot / (n * sn) : 0;
    }
    // A member with a headline beats one without; then the more central; then the earlier.
    bool has = r.headline_len > 0;
    bool best_has = best != kNone && articles[best].headline_len > 0;
    if (best == kNone || (has && !best_has) || (has == best_has && sim > best_sim) ||
        (has == best_has && sim == best_sim && m < best)) {
      best = m;
      best_sim = sim;
    }
  }
  return best;
}

Story Clusterer::Impl::MakeStory(uint32_t story) const {
  const StoryRec& s = stories[story];
  Story out;
  out.id = StoryId(story);
  uint32_t label = LabelMember(story);
  if (label != kNone) {
    out.label.assign(HeadlineOf(label));
    out.label_article.assign(IdOf(label));
  }
  if (s.first != kNoTime) {
    out.first = FormatTime(s.first);
    out.last = FormatTime(s.last);
  }
  out.articles = s.count;
  for (const internal::SourceTally& t : s.sources)
    out.sources.push_back({source_names[t.source], t.count});
  std::sort(out.sources.begin(), out.sources.end(), [](const SourceCount& a, const SourceCount& b) {
    return a.articles != b.articles ? a.articles > b.articles : a.source < b.source;
  });
  for (uint32_t al : s.aliases) out.aliases.push_back(StoryId(al));
  return out;
}

std::vector<std::pair<std::string, size_t>> Clusterer::Impl::MemoryParts() const {
  std::vector<std::pair<std::string, size_t>> parts;
  parts.push_back({"vocabulary (feature ids, df)",
                   term_ids.MemoryBytes() + term_hash.capacity() * sizeof(uint64_t) +
                       df.capacity() * sizeof(uint32_t) + log_df.capacity() * sizeof(float)});
  size_t post = postings.capacity() * sizeof(postings[0]);
  for (const auto& p : postings) post += p.capacity() * sizeof(internal::Posting);
  parts.push_back({"postings", post});
  parts.push_back({"article vectors", vec_pool.MemoryBytes()});
  parts.push_back({"article records", articles.MemoryBytes()});
  parts.push_back({"article ids and headlines", text_arena.MemoryBytes()});
  parts.push_back({"article id index", article_ids.MemoryBytes()});
  size_t st = stories.capacity() * sizeof(StoryRec) + parent.capacity() * sizeof(uint32_t);
  for (const StoryRec& s : stories) {
    st += s.centroid.capacity() * sizeof(TermWeight) + s.members.capacity() * sizeof(uint32_t) +
          s.sources.capacity() * sizeof(internal::SourceTally) +
          s.aliases.capacity() * sizeof(uint32_t);
  }
  parts.push_back({"stories", st});
  size_t other = sizeof(Impl) + acc.capacity() * sizeof(AccSlot) + extractor.MemoryBytes() +
                 source_ids.size() * 64;
  for (const auto& n : source_names) other += sizeof(n) + n.capacity();
  parts.push_back({"sources, caches, scratch", other});
  return parts;
}

size_t Clusterer::Impl::MemoryBytes() const {
  size_t b = 0;
  for (const auto& [name, bytes] : MemoryParts()) b += bytes;
  return b;
}

std::vector<std::pair<std::string, size_t>> Clusterer::MemoryBreakdown() const {
  return impl_->MemoryParts();
}

std::optional<std::string> Clusterer::StoryOf(std::string_view article_id) const {
  const Impl& m = *impl_;
  uint32_t a = m.FindArticle(article_id);
  if (a == kNone) return std::nullopt;
  return Impl::StoryId(m.Resolve(m.articles[a].story));
}

std::optional<std::string> Clusterer::Resolve(std::string_view story_id) const {
  const Impl& m = *impl_;
  uint32_t s = m.ParseStoryId(story_id);
  if (s == kNone) return std::nullopt;
  return Impl::StoryId(m.Resolve(s));
}

StatusOr<Story> Clusterer::GetStory(std::string_view story_id) const {
  const Impl& m = *impl_;
  uint32_t s = m.ParseStoryId(story_id);
  if (s == kNone) return Status::NotFound("no story '" + std::string(story_id) + "'");
  s = m.Resolve(s);
  if (m.stories[s].count == 0)
    return Status::NotFound("story '" + std::string(story_id) + "' has no articles left");
  return m.MakeStory(s);
}

StatusOr<std::vector<StoryMember>> Clusterer::Members(std::string_view story_id) const {
  const Impl& m = *impl_;
  uint32_t s = m.ParseStoryId(story_id);
  if (s == kNone) return Status::NotFound("no story '" + std::string(story_id) + "'");
  s = m.Resolve(s);
  const StoryRec& rec = m.stories[s];
  if (rec.count == 0)
    return Status::NotFound("story '" + std::string(story_id) + "' has no articles left");
  std::vector<uint32_t> ids;
  for (uint32_t a : rec.members)
    if (!(m.articles[a].flags & internal::kRemoved)) ids.push_back(a);
  std::sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) {
    int64_t tx = m.articles[x].time, ty = m.articles[y].time;
    bool dx = tx != kNoTime, dy = ty != kNoTime;
    if (dx != dy) return dx;
    if (dx && tx != ty) return tx < ty;
    return x < y;
  });
  std::vector<StoryMember> out;
  out.reserve(ids.size());
  for (uint32_t a : ids) {
    const ArticleRec& r = m.articles[a];
    StoryMember mem;
    mem.article.assign(m.IdOf(a));
    mem.source = m.source_names[r.source];
    if (r.time != kNoTime) mem.published = FormatTime(r.time);
    mem.headline.assign(m.HeadlineOf(a));
    mem.score = r.score;
    mem.via_copy = r.flags & internal::kViaCopy;
    out.push_back(std::move(mem));
  }
  return out;
}

std::vector<Story> Clusterer::Stories(const StoryFilter& filter) const {
  const Impl& m = *impl_;
  std::vector<uint32_t> ids;
  for (uint32_t s = 0; s < m.stories.size(); ++s) {
    if (m.parent[s] != s) continue;
    const StoryRec& r = m.stories[s];
    if (r.count == 0 || r.count < filter.min_articles) continue;
    if (filter.since != 0 && (r.last == kNoTime || r.last < filter.since)) continue;
    ids.push_back(s);
  }
  std::sort(ids.begin(), ids.end(), [&](uint32_t x, uint32_t y) {
    int64_t tx = m.stories[x].last, ty = m.stories[y].last;
    bool dx = tx != kNoTime, dy = ty != kNoTime;
    if (dx != dy) return dx;
    if (dx && tx != ty) return tx > ty;
    return x < y;
  });
  if (filter.limit && ids.size() > filter.limit) ids.resize(filter.limit);
  std::vector<Story> out;
  out.reserve(ids.size());
  for (uint32_t s : ids) out.push_back(m.MakeStory(s));
  return out;
}

}  // namespace witness::stories
