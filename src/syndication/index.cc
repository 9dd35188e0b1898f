// SyndicationIndex: MinHash + LSH candidates, verified by passages (with a lookup) or by
// estimates, kept as an edge list; copy groups are connected components, found on demand so
// that removal needs no undo.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "syndication/relate_internal.h"
#include "witness/syndication.h"

namespace witness::syndication {
namespace {

bool IsCopy(Relation r) {
  return r == Relation::kNearCopy || r == Relation::kContains || r == Relation::kContainedIn;
}

Origin::Who Flip(Origin::Who w) {
  if (w == Origin::Who::kA) return Origin::Who::kB;
  if (w == Origin::Who::kB) return Origin::Who::kA;
  return w;
}

double Strength(const RelatedPair& p) { return std::max(p.shared_a, p.shared_b); }

}  // namespace

RelatedPair Reversed(const RelatedPair& p) {
  RelatedPair f = p;
  std::swap(f.a, f.b);
  std::swap(f.shared_a, f.shared_b);
  f.relation = Reverse(p.relation);
  f.origin.who = Flip(p.origin.who);
  for (std::string& r : f.origin.reasons) {  // "A ..." <-> "B ..." in the reasons
    for (size_t i = 0; i < r.size(); ++i) {
      if (r[i] != 'A' && r[i] != 'B') continue;
      const bool starts = i == 0 || r[i - 1] == ' ' || r[i - 1] == '(';
      const bool ends = i + 1 == r.size() || r[i + 1] == ' ' || r[i + 1] == '\'' || r[i + 1] == ')';
      if (starts && ends) r[i] = r[i] == 'A' ? 'B' : 'A';
    }
  }
  return f;
}

void SortStrongestFirst(std::vector<RelatedPair>* pairs) {
  std::sort(pairs->begin(), pairs->end(), [](const RelatedPair& x, const RelatedPair& y) {
    return Strength(x) != Strength(y) ? Strength(x) > Strength(y) : x.b < y.b;
  });
}

struct SyndicationIndex::Impl {
  struct Doc {
    uint64_t key = 0;
    internal::OriginFacts facts;
  };

  explicit Impl(const SyndicationOptions& o)
      : options(o), hasher(o.minhash), lsh(o.lsh, o.minhash) {}

  // Relation from MinHash estimates alone (no texts at hand).
  RelatedPair FromEstimate(const std::string& a, const std::string& b, const sketch::Overlap& ov,
                           const internal::OriginFacts& fa, const internal::OriginFacts& fb) const {
    RelatedPair p;
    p.a = a;
    p.b = b;
    p.jaccard = ov.jaccard;
    p.shared_a = ov.containment_a;
    p.shared_b = ov.containment_b;
    const double t = options.relate.estimated_copy;
    if (p.shared_a >= t && p.shared_b >= t) p.relation = Relation::kNearCopy;
    else if (p.shared_b >= t) p.relation = Relation::kContains;
    else if (p.shared_a >= t) p.relation = Relation::kContainedIn;
    else p.relation = Relation::kSharesPassages;
    p.origin = internal::JudgeOrigin(fa, fb, p.relation);
    return p;
  }

  SyndicationOptions options;
  Lookup lookup;
  sketch::MinHasher hasher;
  sketch::LshIndex lsh;
  std::unordered_map<std::string, Doc> docs;
  std::unordered_map<uint64_t, std::string> ids;
  // Edges keyed (later key, earlier key); adjacency by key.
  std::map<std::pair<uint64_t, uint64_t>, RelatedPair> edges;
  std::unordered_map<uint64_t, std::unordered_set<uint64_t>> adjacent;
  uint64_t next_key = 0;
};

SyndicationIndex::SyndicationIndex(const SyndicationOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}
SyndicationIndex::~SyndicationIndex() = default;
SyndicationIndex::SyndicationIndex(SyndicationIndex&&) noexcept = default;
SyndicationIndex& SyndicationIndex::operator=(SyndicationIndex&&) noexcept = default;

void SyndicationIndex::SetLookup(Lookup lookup) { impl_->lookup = std::move(lookup); }
bool SyndicationIndex::Contains(std::string_view id) const {
  return impl_->docs.count(std::string(id)) > 0;
}
size_t SyndicationIndex::size() const { return impl_->docs.size(); }
const sketch::LshIndex& SyndicationIndex::lsh() const { return impl_->lsh; }

Status SyndicationIndex::Add(const Article& article, std::vector<RelatedPair>* new_pairs) {
  if (impl_->docs.count(article.id)) {
    return Status::InvalidArgument("syndication index: article " + article.id +
                                   " is already indexed");
  }
  return AddWithSignature(article, impl_->hasher.Compute(article.text), new_pairs);
}

Status SyndicationIndex::AddWithSignature(const Article& article,
                                          const sketch::Signature& signature,
                                          std::vector<RelatedPair>* new_pairs) {
  Impl& m = *impl_;
  if (article.id.empty()) return Status::InvalidArgument("syndication index: article without id");
  if (m.docs.count(article.id)) {
    return Status::InvalidArgument("syndication index: article " + article.id +
                                   " is already indexed");
  }
  const sketch::MinHashOptions& mo = m.hasher.options();
  if (signature.values.size() != mo.num_perm || signature.shingle_words != mo.shingle_words ||
      signature.seed != mo.seed) {
    return Status::InvalidArgument("syndication index: " + article.id +
                                   ": signature made with other MinHash options");
  }
  Impl::Doc doc;
  doc.key = m.next_key++;
  doc.facts = internal::FactsOf(article);
  std::vector<sketch::Match> matches;
  m.lsh.Query(signature, &matches);
  std::vector<RelatedPair> found;
  for (const sketch::Match& match : matches) {
    const std::string& other_id = m.ids[match.doc];
    const Impl::Doc& other = m.docs[other_id];
    RelatedPair pair;
    bool have = false;
    if (m.lookup && !article.text.empty()) {
      StatusOr<Article> earlier = m.lookup(other_id);
      if (earlier.ok()) {
        const std::vector<Passage> ps = Align(article.text, earlier->text, m.options.align);
        const PairReport r = Relate(article, *earlier, ps, m.options.relate);
        if (r.relation == Relation::kNone) continue;  // verified: not a copy
        pair.a = article.id;
        pair.b = other_id;
        pair.relation = r.relation;
        pair.shared_a = r.shared_a;
        pair.shared_b = r.shared_b;
        pair.jaccard = match.overlap.jaccard;
        pair.verified = true;
        pair.origin = r.origin;
        have = true;
      }
    }
    if (!have) pair = m.FromEstimate(article.id, other_id, match.overlap, doc.facts, other.facts);
    found.push_back(pair);
  }
  WITNESS_RETURN_IF_ERROR(m.lsh.Add(doc.key, signature));  // (queried above, before adding)
  for (const RelatedPair& p : found) {
    const uint64_t other = m.docs[p.b].key;
    m.edges[{doc.key, other}] = p;
    m.adjacent[doc.key].insert(other);
    m.adjacent[other].insert(doc.key);
  }
  m.ids[doc.key] = article.id;
  m.docs.emplace(article.id, std::move(doc));
  if (new_pairs != nullptr) new_pairs->insert(new_pairs->end(), found.begin(), found.end());
  return Status::OK();
}

Status SyndicationIndex::Restore(const Article& article, const sketch::Signature& signature) {
  Impl& m = *impl_;
  if (article.id.empty() || m.docs.count(article.id)) {
    return Status::InvalidArgument("syndication index: article id '" + article.id +
                                   "' is empty or already indexed");
  }
  Impl::Doc doc;
  doc.key = m.next_key++;
  doc.facts = internal::FactsOf(article);
  WITNESS_RETURN_IF_ERROR(m.lsh.Add(doc.key, signature));
  m.ids[doc.key] = article.id;
  m.docs.emplace(article.id, std::move(doc));
  return Status::OK();
}

Status SyndicationIndex::RestorePair(const RelatedPair& pair) {
  Impl& m = *impl_;
  auto a = m.docs.find(pair.a), b = m.docs.find(pair.b);
  if (a == m.docs.end() || b == m.docs.end() || pair.a == pair.b) {
    return Status::NotFound("syndication index: pair " + pair.a + " / " + pair.b +
                            ": both articles must be indexed (and differ)");
  }
  const uint64_t ka = a->second.key, kb = b->second.key;
  m.edges.erase({kb, ka});
  m.edges[{ka, kb}] = pair;
  m.adjacent[ka].insert(kb);
  m.adjacent[kb].insert(ka);
  return Status::OK();
}

void SyndicationIndex::Reserve(size_t articles) {
  impl_->lsh.Reserve(articles);
  impl_->docs.reserve(articles);
  impl_->ids.reserve(articles);
}

bool SyndicationIndex::Remove(std::string_view id) {
  Impl& m = *impl_;
  auto it = m.docs.find(std::string(id));
  if (it == m.docs.end()) return false;
  const uint64_t key = it->second.key;
  m.lsh.Remove(key);
  for (uint64_t other : m.adjacent[key]) {
    m.edges.erase({key, other});
    m.edges.erase({other, key});
    m.adjacent[other].erase(key);
  }
  m.adjacent.erase(key);
  m.ids.erase(key);
  m.docs.erase(it);
  return true;
}

std::vector<RelatedPair> SyndicationIndex::PairsOf(std::string_view id) const {
  const Impl& m = *impl_;
  std::vector<RelatedPair> out;
  auto it = m.docs.find(std::string(id));
  if (it == m.docs.end()) return out;
  const uint64_t key = it->second.key;
  auto adj = m.adjacent.find(key);
  if (adj == m.adjacent.end()) return out;
  for (uint64_t other : adj->second) {
    if (auto e = m.edges.find({key, other}); e != m.edges.end()) {
      out.push_back(e->second);
    } else if (auto f = m.edges.find({other, key}); f != m.edges.end()) {
      out.push_back(Reversed(f->second));
    }
  }
  SortStrongestFirst(&out);
  return out;
}

std::vector<RelatedPair> SyndicationIndex::Pairs() const {
  std::vector<RelatedPair> out;
  for (const auto& [k, p] : impl_->edges) out.push_back(p);
  return out;
}

std::vector<std::vector<std::string>> CopyGroups(const std::vector<RelatedPair>& pairs) {
  std::unordered_map<std::string, std::vector<const std::string*>> copy_adj;
  for (const RelatedPair& p : pairs) {
    if (!IsCopy(p.relation) || p.a == p.b) continue;
    copy_adj[p.a].push_back(&p.b);
    copy_adj[p.b].push_back(&p.a);
  }
  std::unordered_set<std::string> seen;
  std::vector<std::vector<std::string>> groups;
  for (const auto& [start, unused] : copy_adj) {
    if (seen.count(start)) continue;
    std::vector<const std::string*> stack{&start};
    seen.insert(start);
    std::vector<std::string> group;
    while (!stack.empty()) {
      const std::string* id = stack.back();
      stack.pop_back();
      group.push_back(*id);
      for (const std::string* n : copy_adj[*id]) {
        if (seen.insert(*n).second) stack.push_back(n);
      }
    }
    std::sort(group.begin(), group.end());
    groups.push_back(std::move(group));
  }
  std::sort(groups.begin(), groups.end(), [](const auto& x, const auto& y) {
    return x.size() != y.size() ? x.size() > y.size() : x < y;
  });
  return groups;
}

std::optional<std::string> LikelySource(std::string_view id,
                                        const std::vector<RelatedPair>& pairs) {
  std::vector<std::string> group;
  for (auto& g : CopyGroups(pairs)) {
    if (std::binary_search(g.begin(), g.end(), std::string(id))) group = std::move(g);
  }
  if (group.empty()) return std::nullopt;
  std::map<std::string, int> votes;
  for (const RelatedPair& p : pairs) {
    if (!IsCopy(p.relation) || !std::binary_search(group.begin(), group.end(), p.a)) continue;
    if (p.origin.who == Origin::Who::kA) ++votes[p.a];
    if (p.origin.who == Origin::Who::kB) ++votes[p.b];
  }
  std::string best;
  int top = 0, second = 0;
  for (const auto& [doc, v] : votes) {
    if (v > top) {
      second = top;
      top = v;
      best = doc;
    } else if (v > second) {
      second = v;
    }
  }
  if (top == 0 || top == second) return std::nullopt;
  return best;
}

std::vector<std::vector<std::string>> SyndicationIndex::Groups() const {
  return CopyGroups(Pairs());
}

std::optional<std::string> SyndicationIndex::LikelySource(std::string_view id) const {
  if (!Contains(id)) return std::nullopt;
  return syndication::LikelySource(id, Pairs());
}

}  // namespace witness::syndication
