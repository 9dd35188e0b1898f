// What each article carries of the others: sentence matching, copy groups, facts, agreement,
// unique statements and omissions (rules in witness/compare.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "base/union_find.h"
#include "compare/story_internal.h"
#include "witness/figures.h"
#include "witness/syndication.h"

namespace witness::compare::internal {
namespace {

constexpr double kIdentical = 0.9;     // both-way score of a near-identical sentence pair
constexpr double kCopyInside = 0.8;    // share of a statement's bytes inside a copied passage
constexpr double kQuoteShare = 0.5;    // share of a sentence's bytes a quotation must cover
constexpr uint32_t kQuoteTerms = 3;    // content terms a collated quotation needs to carry
constexpr double kQuoteOverlap = 0.4;  // share of the shorter quote's terms the two must share
constexpr double kWindowShare = 0.2;   // what each sentence of a two-sentence carrier must add

bool Carries(const Carrier& c, const CompareOptions& o) {
  if (c.figures_differ) return false;
  return c.kind != CarryKind::kParaphrase || c.score >= o.carry_threshold;
}

uint32_t Overlap(Span a, Span b) {
  const uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}


class Coverage {
 public:
  Coverage(const CoverageInput& in, const CompareOptions& o, StoryComparison* out)
      : in_(in), o_(o), out_(out), arts_(*in.terms), n_(arts_.size()) {}

  void Run() {
    Weigh();
    Match();
    Copies();
    QuoteCarries();
    FigureDisagreements();
    Facts();
    PerArticle();
  }

 private:
  struct Global {
    uint32_t article;
    uint32_t sentence;
  };

  const SentenceTerms& Sent(uint32_t g) const {
    return arts_[global_[g].article].sentences[global_[g].sentence];
  }

  // idf per term, sentence weights, statements, postings.
  void Weigh() {
    const size_t term_count = in_.term_table == nullptr ? 0 : in_.term_table->size();
    std::vector<uint32_t> df(term_count, 0);
    for (uint32_t a = 0; a < n_; ++a) {
      for (uint32_t s = 0; s < arts_[a].sentences.size(); ++s) {
        global_.push_back({a, s});
        for (uint32_t t : arts_[a].sentences[s].terms) ++df[t];
      }
    }
    const double total = static_cast<double>(global_.size());
    idf_.resize(term_count);
    for (size_t t = 0; t < df.size(); ++t) {
      idf_[t] = std::max(0.1, std::log((total + 1) / (df[t] + 0.5))) *
                in_.term_table->weight(static_cast<uint32_t>(t));
    }
    postings_.resize(term_count);
    for (uint32_t g = 0; g < global_.size(); ++g) {
      SentenceTerms& st = arts_[global_[g].article].sentences[global_[g].sentence];
      st.weight = 0;
      for (uint32_t t : st.terms) {
        st.weight += idf_[t];
        postings_[t].push_back(g);
      }
      if (st.terms.size() >= o_.min_statement_terms) {
        st.statement = static_cast<int32_t>(out_->statements.size());
        out_->statements.push_back(
            {{global_[g].article, st.span}, static_cast<uint32_t>(st.terms.size())});
        statement_global_.push_back(g);
        ++out_->articles[global_[g].article].statements;
      }
    }
    carried_by_.resize(out_->statements.size());
  }

  // Weight and count of the terms two sorted lists share.
  std::pair<double, uint32_t> Common(const std::vector<uint32_t>& a,
                                     const std::vector<uint32_t>& b) const {
    double w = 0;
    uint32_t n = 0;
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      if (a[i] < b[j]) {
        ++i;
      } else if (b[j] < a[i]) {
        ++j;
      } else {
        w += idf_[a[i]];
        ++n;
        ++i;
        ++j;
      }
    }
    return {w, n};
  }

  // Per statement and other article: the best sentence and the best two adjacent ones.
  struct Best {
    bool seen = false, found = false, window_found = false;
    double score = 0, window_score = 0;
    uint32_t p = 0, window_p = 0;
    Span span;
    bool single_carries(const CompareOptions& o) const {
      return found && score >= o.carry_threshold;
    }
  };

  // Each statement against the sentences of the other articles: the best carrier per article
  // (one sentence or two adjacent ones), and near-identical pairs for copy detection.
  void Match() {
    const size_t total = global_.size();
    std::vector<double> acc(total, 0);
    std::vector<uint32_t> count(total, 0);
    std::vector<uint32_t> touched, arts_touched, done_list;
    std::vector<uint8_t> done(total, 0);
    std::vector<Best> best_of(n_);
    std::vector<std::pair<double, uint32_t>> by_weight;
    // The lowest score a candidate needs: a reported one (Floor), or one half of a
    // two-sentence carrier (each half brings kWindowShare at least).
    const double floor = std::min(Floor(), kWindowShare);
    // The current statement's terms (their idf; 0 for the others), and a scratch set.
    std::vector<double> in_s(idf_.size(), 0);
    std::vector<uint8_t> in_q(idf_.size(), 0);
    for (uint32_t si = 0; si < statement_global_.size(); ++si) {
      const uint32_t g = statement_global_[si];
      const uint32_t a = global_[g].article;
      const SentenceTerms& s = Sent(g);
      if (s.weight <= 0) continue;
      for (uint32_t t : s.terms) in_s[t] = idf_[t];
      // Prefix filter: the lightest terms whose weights sum to less than `floor` of the
      // statement cannot make a score of `floor` alone, so a sentence scoring that much
      // shares one of the other terms. Only those seed candidates; scores are exact, and
      // candidates that cannot reach `floor` are dropped before they are scored in full.
      by_weight.clear();
      for (uint32_t t : s.terms) by_weight.push_back({idf_[t], t});
      std::sort(by_weight.begin(), by_weight.end());
      double light = 0;
      size_t first_seed = 0;
      while (first_seed < by_weight.size() &&
             light + by_weight[first_seed].first < floor * s.weight * (1 - 1e-9)) {
        light += by_weight[first_seed].first;
        ++first_seed;
      }
      touched.clear();
      done_list.clear();
      // acc/count hold the seeding terms' share until exact() scores a sentence in full.
      auto exact = [&](uint32_t p) {
        if (done[p] == 2) return;
        if (done[p] == 0) done_list.push_back(p);
        done[p] = 2;
        double w = 0;
        uint32_t n = 0;
        for (uint32_t x : Sent(p).terms) {
          const double v = in_s[x];
          if (v > 0) {
            w += v;
            ++n;
          }
        }
        acc[p] = w;
        count[p] = n;
      };
      for (size_t k = first_seed; k < by_weight.size(); ++k) {
        const std::vector<uint32_t>& post = postings_[by_weight[k].second];
        if (post.size() > o_.max_postings) continue;
        for (uint32_t p : post) {
          if (global_[p].article == a) continue;
          if (done[p] == 0) {
            done[p] = 1;
            done_list.push_back(p);
            touched.push_back(p);
          }
          acc[p] += by_weight[k].first;
          ++count[p];
        }
      }
      // Score in full only the sentences that can still reach the floor.
      {
        size_t kept = 0;
        for (uint32_t p : touched) {
          if (acc[p] + light < floor * s.weight * (1 - 1e-9)) continue;
          exact(p);
          touched[kept++] = p;
        }
        touched.resize(kept);
      }
      // Best per article: one sentence; two adjacent ones only when no sentence alone
      // carries the statement and each of the two brings a real share of it. Ties go to the
      // earlier sentence.
      arts_touched.clear();
      for (uint32_t p : touched) {
        const uint32_t b = global_[p].article;
        Best& best = best_of[b];
        if (!best.seen) {
          best = Best();
          best.seen = true;
          arts_touched.push_back(b);
        }
        if (count[p] < o_.min_shared_terms) continue;
        const SentenceTerms& t = Sent(p);
        const double score = acc[p] / s.weight;
        if (score > best.score || (score == best.score && best.found && p < best.p)) {
          best.score = score;
          best.p = p;
          best.span = t.span;
          best.found = true;
        }
        if (score >= kIdentical && t.weight > 0 && acc[p] / t.weight >= kIdentical && a < b) {
          ++identical_[{a, b}];
        }
      }
      // Windows: each touched sentence with the one before and the one after it.
      const size_t seeds = touched.size();
      for (size_t k = 0; k < seeds; ++k) {
        const uint32_t t = touched[k];
        const uint32_t b = global_[t].article;
        Best& best = best_of[b];
        if (best.single_carries(o_)) continue;
        for (uint32_t p = t == 0 ? t : t - 1; p <= t; ++p) {
          const uint32_t q = p + 1;
          if (q >= total || global_[p].article != b || global_[q].article != b) continue;
          exact(p);
          exact(q);
          if (count[p] == 0 || count[q] == 0) continue;
          // Terms of s in both sentences.
          double w3 = 0;
          uint32_t n3 = 0;
          for (uint32_t x : Sent(q).terms) in_q[x] = 1;
          for (uint32_t x : Sent(p).terms) {
            if (in_s[x] > 0 && in_q[x]) {
              w3 += in_s[x];
              ++n3;
            }
          }
          for (uint32_t x : Sent(q).terms) in_q[x] = 0;
          const double w = acc[p] + acc[q] - w3;
          const uint32_t n = count[p] + count[q] - n3;
          const double score = w / s.weight;
          if (n < o_.min_shared_terms) continue;
          if (w - acc[p] < kWindowShare * s.weight || w - acc[q] < kWindowShare * s.weight) {
            continue;
          }
          if (score > best.window_score + 1e-9 || (std::abs(score - best.window_score) <= 1e-9 &&
                                                   best.window_found && p < best.window_p)) {
            best.window_score = score;
            best.window_p = p;
            best.window_found = true;
          }
        }
      }
      std::sort(arts_touched.begin(), arts_touched.end());
      for (uint32_t b : arts_touched) {
        Best& best = best_of[b];
        best.seen = false;
        Carrier c;
        c.article = b;
        if (best.window_found && best.window_score > best.score + 1e-9) {
          c.score = static_cast<float>(best.window_score);
          c.span = {Sent(best.window_p).span.begin, Sent(best.window_p + 1).span.end};
        } else if (best.found) {
          c.score = static_cast<float>(best.score);
          c.span = best.span;
        } else {
          continue;
        }
        if (c.score < Floor()) continue;
        c.score = std::min(c.score, 1.0f);
        carried_by_[si].push_back(c);
      }
      for (uint32_t p : done_list) {
        acc[p] = 0;
        count[p] = 0;
        done[p] = 0;
      }
      for (uint32_t t : s.terms) in_s[t] = 0;
    }
  }

  Carrier* FindCarrier(uint32_t si, uint32_t b) {
    for (Carrier& c : carried_by_[si]) {
      if (c.article == b) return &c;
    }
    return nullptr;
  }
  const Carrier* FindCarrier(uint32_t si, uint32_t b) const {
    for (const Carrier& c : carried_by_[si]) {
      if (c.article == b) return &c;
    }
    return nullptr;
  }

  // The carrier entry of statement `si` for article b (created when absent).
  Carrier* CarrierFor(uint32_t si, uint32_t b) {
    for (Carrier& c : carried_by_[si]) {
      if (c.article == b) return &c;
    }
    Carrier c;
    c.article = b;
    carried_by_[si].push_back(c);
    return &carried_by_[si].back();
  }

  // The sentences of article `a` that overlap `span`, as one span.
  Span SentencesOver(uint32_t a, Span span) const {
    const ArticleTerms& at = arts_[a];
    int32_t first = at.SentenceAt(span.begin);
    int32_t last = at.SentenceAt(span.end > span.begin ? span.end - 1 : span.begin);
    if (first < 0) first = 0;
    if (last < first || at.sentences.empty()) return span;
    return {at.sentences[first].span.begin, at.sentences[last].span.end};
  }

  // Statements of `a` inside a passage shared with `b` are carried by b.
  void CarryPassage(uint32_t a, uint32_t b, Span in_a, Span in_b, bool quoted) {
    for (const SentenceTerms& st : arts_[a].sentences) {
      if (st.statement < 0 || st.span.size() == 0) continue;
      if (Overlap(st.span, in_a) < kCopyInside * st.span.size()) continue;
      // Passages chain across a few sentences, so a sentence one side dropped can lie inside
      // one: b must hold something like the statement.
      Carrier* c = FindCarrier(static_cast<uint32_t>(st.statement), b);
      if (c == nullptr || c->score < o_.partial_threshold) continue;
      const bool inside = c->span.size() > 0 && Overlap(c->span, in_b) > 0;
      if (!inside) {
        // Map the statement's position proportionally into the passage's side in b.
        const double rel =
            in_a.size() == 0 ? 0.0 : static_cast<double>(st.span.begin - in_a.begin) / in_a.size();
        const uint32_t at = in_b.begin + static_cast<uint32_t>(rel * in_b.size());
        c->span = SentencesOver(b, {at, at + 1});
      }
      c->kind = quoted ? CarryKind::kQuote : CarryKind::kCopy;
    }
  }

  Article Light(uint32_t a) const {
    Article x;
    const ArticleInfo& info = out_->articles[a];
    x.id = info.id;
    x.source = info.source;
    x.published = info.published;
    x.title = info.title;
    x.text = info.text;
    if (a < in_.articles.size()) x.agencies = in_.articles[a].agencies;
    return x;
  }

  void Copies() {
    UnionFind uf(n_);
    if (o_.align_copies) {
      std::vector<std::pair<uint32_t, std::pair<uint32_t, uint32_t>>> cands;
      for (const auto& [pair, count] : identical_) {
        const uint32_t smaller =
            std::min(out_->articles[pair.first].statements, out_->articles[pair.second].statements);
        if (count >= 2 && count * 10 >= smaller) cands.push_back({count, pair});
      }
      std::sort(cands.begin(), cands.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      });
      for (const auto& [count, pair] : cands) {
        const auto [a, b] = pair;
        if (uf.Find(a) == uf.Find(b)) continue;
        const std::string_view ta = out_->articles[a].text, tb = out_->articles[b].text;
        const std::vector<syndication::Passage> ps = syndication::Align(ta, tb);
        for (const syndication::Passage& p : ps) {
          CarryPassage(a, b, p.a, p.b, p.quoted);
          CarryPassage(b, a, p.b, p.a, p.quoted);
        }
        syndication::PairReport report = syndication::Relate(Light(a), Light(b), ps);
        if (report.relation == syndication::Relation::kNearCopy ||
            report.relation == syndication::Relation::kContains ||
            report.relation == syndication::Relation::kContainedIn) {
          uf.Join(a, b);
          out_->copies.push_back({a, b, std::move(report)});
        }
      }
    }
    std::map<uint32_t, uint32_t> group_of_root;
    for (uint32_t a = 0; a < n_; ++a) {
      const uint32_t r = uf.Find(a);
      auto it = group_of_root.find(r);
      if (it == group_of_root.end()) {
        it = group_of_root.emplace(r, static_cast<uint32_t>(out_->copy_groups.size())).first;
        out_->copy_groups.emplace_back();
      }
      out_->copy_groups[it->second].push_back(a);
      out_->articles[a].copy_group = it->second;
    }
    // Verbatim sentences between members of one copy group are copies, aligned or not.
    for (uint32_t si = 0; si < carried_by_.size(); ++si) {
      const uint32_t a = out_->statements[si].where.article;
      for (Carrier& c : carried_by_[si]) {
        if (c.kind == CarryKind::kParaphrase && c.score >= kIdentical &&
            out_->articles[a].copy_group == out_->articles[c.article].copy_group) {
          c.kind = CarryKind::kCopy;
        }
      }
    }
  }

  // The distinct terms of a quote's quoted words (parts; the content when it has none).
  std::vector<uint32_t> QuoteTerms(const StoryQuote& q) const {
    std::vector<uint32_t> out;
    const ArticleTerms& at = arts_[q.article];
    std::vector<Span> pieces = q.quote.parts;
    if (pieces.empty()) pieces.push_back(q.quote.content);
    for (Span piece : pieces) TermsIn(at, piece, &out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  // Bytes of `span` inside the quote's quoted words.
  static uint32_t QuotedBytes(const StoryQuote& q, Span span) {
    uint32_t n = 0;
    for (Span piece : q.quote.parts) n += Overlap(piece, span);
    return n;
  }

  // Sentences that are mostly a quotation carried, in another wording, by another article:
  // the two quotes are in one collated group and share enough of their words.
  void QuoteCarries() {
    if (in_.quotes == nullptr || in_.quote_groups == nullptr) return;
    const std::vector<StoryQuote>& qs = *in_.quotes;
    for (const quotes::QuoteGroup& g : *in_.quote_groups) {
      std::vector<size_t> members;
      std::vector<std::vector<uint32_t>> terms;
      for (const quotes::QuoteVariant& v : g.variants) {
        for (size_t m : v.members) {
          if (m >= qs.size()) continue;
          const StoryQuote& q = qs[m];
          if (q.quote.kind == quotes::QuoteKind::kIndirect || q.quote.parts.empty()) continue;
          std::vector<uint32_t> t = QuoteTerms(q);
          if (t.size() < kQuoteTerms) continue;
          members.push_back(m);
          terms.push_back(std::move(t));
        }
      }
      std::vector<uint32_t> here;
      for (size_t i = 0; i < members.size(); ++i) {
        const StoryQuote& qa = qs[members[i]];
        // Each sentence of the quote on its own: its quoted words against the other quote.
        for (const SentenceTerms& st : arts_[qa.article].sentences) {
          if (st.statement < 0 || st.span.size() == 0) continue;
          if (QuotedBytes(qa, st.span) < kQuoteShare * st.span.size()) continue;
          here.clear();
          for (Span piece : qa.quote.parts) {
            const Span in{std::max(piece.begin, st.span.begin), std::min(piece.end, st.span.end)};
            if (in.end > in.begin) TermsIn(arts_[qa.article], in, &here);
          }
          std::sort(here.begin(), here.end());
          here.erase(std::unique(here.begin(), here.end()), here.end());
          for (size_t j = 0; j < members.size(); ++j) {
            const StoryQuote& qb = qs[members[j]];
            if (qa.article == qb.article) continue;
            const uint32_t shared = Common(here, terms[j]).second;
            if (shared < kQuoteTerms ||
                shared < kQuoteOverlap * std::min(here.size(), terms[j].size())) {
              continue;
            }
            Carrier* c = CarrierFor(static_cast<uint32_t>(st.statement), qb.article);
            if (Carries(*c, o_)) continue;
            c->kind = CarryKind::kQuote;
            c->span = SentencesOver(qb.article, qb.quote.content);
          }
        }
      }
    }
  }

  // Sentences whose figures disagree with the carrier's do not carry each other.
  void FigureDisagreements() {
    const std::vector<figures::SourcedFigure>& fs = out_->figures;
    const std::vector<uint32_t>& fa = out_->figure_article;
    std::vector<uint32_t> inside;
    auto mark = [&](uint32_t a, Span sa, uint32_t b, Span sb) {
      inside.clear();
      StatementsIn(a, sa, &inside);
      for (uint32_t si : inside) {
        Carrier* c = FindCarrier(si, b);
        if (c != nullptr && Overlap(c->span, sb) > 0) c->figures_differ = true;
      }
    };
    for (const figures::FigureGroup& g : out_->figure_groups) {
      for (const figures::FigurePair& p : g.pairs) {
        if (p.verdict == figures::Verdict::kAgree || p.verdict == figures::Verdict::kSingle)
          continue;
        if (p.a >= fs.size() || p.b >= fs.size() || p.a >= fa.size() || p.b >= fa.size()) continue;
        const uint32_t a = fa[p.a], b = fa[p.b];
        if (a == b || a >= n_ || b >= n_) continue;
        const Span sa = fs[p.a].figure.sentence, sb = fs[p.b].figure.sentence;
        mark(a, sa, b, sb);
        mark(b, sb, a, sa);
      }
    }
  }

  // The statements whose sentences lie inside `span` of article `a`.
  void StatementsIn(uint32_t a, Span span, std::vector<uint32_t>* out) const {
    const ArticleTerms& at = arts_[a];
    int32_t s = at.SentenceAt(span.begin);
    if (s < 0) s = 0;
    for (size_t i = static_cast<size_t>(s); i < at.sentences.size(); ++i) {
      const SentenceTerms& st = at.sentences[i];
      if (st.span.begin >= span.end) break;
      if (st.statement >= 0 && Overlap(st.span, span) * 2 >= st.span.size()) {
        out->push_back(static_cast<uint32_t>(st.statement));
      }
    }
  }

  void Facts() {
    const size_t ns = out_->statements.size();
    std::vector<uint32_t> independent(ns), articles(ns);
    for (uint32_t si = 0; si < ns; ++si) {
      const uint32_t a = out_->statements[si].where.article;
      std::vector<uint32_t> groups{out_->articles[a].copy_group};
      uint32_t arts = 1;
      for (const Carrier& c : carried_by_[si]) {
        if (!Carries(c, o_)) continue;
        ++arts;
        groups.push_back(out_->articles[c.article].copy_group);
      }
      std::sort(groups.begin(), groups.end());
      independent[si] =
          static_cast<uint32_t>(std::unique(groups.begin(), groups.end()) - groups.begin());
      articles[si] = arts;
    }
    std::vector<uint32_t> order(ns);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      if (independent[x] != independent[y]) return independent[x] > independent[y];
      return articles[x] > articles[y];
    });
    std::vector<uint8_t> covered(ns, 0);
    std::vector<int32_t> rep_fact(ns, -1);  // the fact a statement represents
    std::vector<uint32_t> inside;
    auto has_carrier = [](const Fact& f, uint32_t article) {
      for (const Carrier& c : f.carriers) {
        if (c.article == article) return true;
      }
      return false;
    };
    for (uint32_t si : order) {
      if (covered[si]) continue;
      covered[si] = 1;
      const Statement& st = out_->statements[si];
      // A repeat: the sentence it is carried by represents a fact that its own article
      // carries elsewhere already (a standfirst repeating the lede).
      bool repeat = false;
      for (const Carrier& c : carried_by_[si]) {
        if (!Carries(c, o_) || repeat) continue;
        inside.clear();
        StatementsIn(c.article, c.span, &inside);
        if (inside.size() != 1) continue;
        const int32_t f = rep_fact[inside[0]];
        if (f >= 0 && has_carrier(out_->facts[f], st.where.article)) repeat = true;
      }
      if (repeat) continue;
      rep_fact[si] = static_cast<int32_t>(out_->facts.size());
      Fact f;
      f.statement = si;
      f.where = st.where;
      f.carriers.push_back({st.where.article, st.where.span, 1.0f, CarryKind::kParaphrase, false});
      for (const Carrier& c : carried_by_[si]) {
        if (!Carries(c, o_)) continue;
        f.carriers.push_back(c);
        // A carrying statement is part of this fact when it is carried back by the
        // representative: by it alone when the carrier is two sentences (each may hold a
        // fact of its own).
        inside.clear();
        StatementsIn(c.article, c.span, &inside);
        for (uint32_t x : inside) {
          const Carrier* back = FindCarrier(x, st.where.article);
          if (back == nullptr || !Carries(*back, o_)) continue;
          if (inside.size() == 1 ? Overlap(back->span, st.where.span) > 0
                                 : back->span == st.where.span) {
            covered[x] = 1;
          }
        }
      }
      out_->facts.push_back(std::move(f));
    }
    MergeFacts();
    const double groups = static_cast<double>(out_->copy_groups.size());
    for (uint32_t fi = 0; fi < out_->facts.size(); ++fi) {
      const Fact& f = out_->facts[fi];
      if (f.independent >= 2 && f.independent > o_.agreed_share * groups)
        out_->agreed.push_back(fi);
    }
  }

  // The lowest score kept: closest wordings and the omission test read them.
  double Floor() const { return std::min(o_.partial_threshold, o_.omission_floor); }

  // The sentence index of a carrier that is exactly one sentence, -1 for two.
  int32_t SingleSentence(const Carrier& c) const {
    const int32_t s = arts_[c.article].SentenceAt(c.span.begin);
    if (s < 0 || arts_[c.article].sentences[s].span != c.span) return -1;
    return s;
  }

  // Facts that share a carrying sentence (one sentence carrying both representatives, or one
  // representative carrying the other) are one fact, under the better supported
  // representative; one carrier per article, the better fact's first. Then counts and order.
  void MergeFacts() {
    std::vector<Fact>& facts = out_->facts;
    UnionFind uf(facts.size());
    std::map<std::pair<uint32_t, int32_t>, uint32_t> first_at;  // (article, sentence) -> fact
    for (uint32_t fi = 0; fi < facts.size(); ++fi) {
      for (const Carrier& c : facts[fi].carriers) {
        const int32_t sentence = SingleSentence(c);
        if (sentence < 0) continue;
        auto [it, inserted] = first_at.emplace(std::make_pair(c.article, sentence), fi);
        if (!inserted) uf.Join(it->second, fi);
      }
    }
    std::vector<Fact> merged;
    std::map<uint32_t, size_t> index_of_root;
    for (uint32_t fi = 0; fi < facts.size(); ++fi) {
      const uint32_t root = uf.Find(fi);
      auto it = index_of_root.find(root);
      if (it == index_of_root.end()) {
        index_of_root.emplace(root, merged.size());
        merged.push_back(std::move(facts[fi]));
        continue;
      }
      Fact& into = merged[it->second];
      for (Carrier& c : facts[fi].carriers) {
        bool have = false;
        for (const Carrier& d : into.carriers) have = have || d.article == c.article;
        if (!have) into.carriers.push_back(std::move(c));
      }
    }
    for (Fact& f : merged) {
      std::sort(f.carriers.begin() + 1, f.carriers.end(),
                [](const Carrier& x, const Carrier& y) { return x.article < y.article; });
      std::vector<uint32_t> groups;
      std::vector<std::string_view> outlets;
      for (const Carrier& c : f.carriers) {
        groups.push_back(out_->articles[c.article].copy_group);
        outlets.push_back(out_->articles[c.article].source);
      }
      std::sort(groups.begin(), groups.end());
      std::sort(outlets.begin(), outlets.end());
      f.independent =
          static_cast<uint32_t>(std::unique(groups.begin(), groups.end()) - groups.begin());
      f.sources =
          static_cast<uint32_t>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
    }
    std::stable_sort(merged.begin(), merged.end(), [](const Fact& x, const Fact& y) {
      if (x.independent != y.independent) return x.independent > y.independent;
      return x.carriers.size() > y.carriers.size();
    });
    facts = std::move(merged);
  }

  // Whether article x has anything of fact f: it is a carrier, or it holds at least a
  // partial wording (or a disagreeing one) of one of the carriers' statements.
  bool TouchesFact(uint32_t x, const Fact& f, std::vector<uint32_t>* scratch) const {
    for (const Carrier& c : f.carriers) {
      if (c.article == x) return true;
    }
    for (const Carrier& c : f.carriers) {
      scratch->clear();
      StatementsIn(c.article, c.span, scratch);
      for (uint32_t si : *scratch) {
        for (const Carrier& d : carried_by_[si]) {
          if (d.article == x && (Carries(d, o_) || d.score >= o_.omission_floor)) return true;
        }
      }
    }
    return false;
  }

  void PerArticle() {
    out_->coverage.resize(n_);
    for (uint32_t a = 0; a < n_; ++a) out_->coverage[a].article = a;
    // Statements that carry another article's statement (alone or with the next sentence)
    // share it, even when they say more than it.
    std::vector<uint8_t> carrier_of_other(out_->statements.size(), 0);
    std::vector<uint32_t> inside;
    for (uint32_t si = 0; si < out_->statements.size(); ++si) {
      for (const Carrier& c : carried_by_[si]) {
        if (!Carries(c, o_)) continue;
        inside.clear();
        StatementsIn(c.article, c.span, &inside);
        for (uint32_t x : inside) carrier_of_other[x] = 1;
      }
    }
    for (uint32_t si = 0; si < out_->statements.size(); ++si) {
      const uint32_t a = out_->statements[si].where.article;
      SourceCoverage& cov = out_->coverage[a];
      ++cov.statements;
      bool carried = carrier_of_other[si] != 0;
      // The closest wording: one whose figures disagree first (the reader needs to see
      // it), else the most similar.
      const Carrier* closest = nullptr;
      for (const Carrier& c : carried_by_[si]) {
        if (Carries(c, o_)) carried = true;
        if (closest == nullptr || c.figures_differ > closest->figures_differ ||
            (c.figures_differ == closest->figures_differ && c.score > closest->score)) {
          closest = &c;
        }
      }
      if (carried) {
        ++cov.carried;
        continue;
      }
      UniqueStatement u;
      u.statement = si;
      u.where = out_->statements[si].where;
      if (closest != nullptr &&
          (closest->figures_differ || closest->score >= o_.partial_threshold)) {
        u.has_closest = true;
        u.closest = *closest;
      }
      cov.unique.push_back(u);
    }
    const size_t groups = out_->copy_groups.size();
    std::vector<uint32_t> scratch;
    for (uint32_t a = 0; a < n_; ++a) {
      SourceCoverage& cov = out_->coverage[a];
      const uint32_t own = out_->articles[a].copy_group;
      const bool in_group = out_->copy_groups[own].size() >= 2;
      for (uint32_t fi = 0; fi < out_->facts.size(); ++fi) {
        const Fact& f = out_->facts[fi];
        std::vector<uint32_t> fg;
        bool has_a = false;
        for (const Carrier& c : f.carriers) {
          fg.push_back(out_->articles[c.article].copy_group);
          if (c.article == a) has_a = true;
        }
        std::sort(fg.begin(), fg.end());
        fg.erase(std::unique(fg.begin(), fg.end()), fg.end());
        if (in_group && has_a && f.carriers.size() >= 2 && fg.size() == 1 && fg[0] == own) {
          cov.group_exclusive.push_back(fi);
          continue;
        }
        if (cov.omitted.size() >= o_.max_omitted) continue;
        const size_t others = fg.size() - (std::binary_search(fg.begin(), fg.end(), own) ? 1 : 0);
        if (others < 2 || others <= o_.agreed_share * static_cast<double>(groups - 1)) continue;
        if (has_a || TouchesFact(a, f, &scratch)) continue;
        cov.omitted.push_back(fi);
      }
    }
  }

  const CoverageInput& in_;
  const CompareOptions& o_;
  StoryComparison* out_;
  std::vector<ArticleTerms>& arts_;
  const uint32_t n_;
  std::vector<Global> global_;
  std::vector<double> idf_;
  std::vector<std::vector<uint32_t>> postings_;
  std::vector<uint32_t> statement_global_;
  std::vector<std::vector<Carrier>> carried_by_;  // per statement, one per other article
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> identical_;
};

}  // namespace

void ComputeCoverage(const CoverageInput& in, const CompareOptions& options, StoryComparison* out) {
  if (in.terms == nullptr) return;
  Coverage(in, options, out).Run();
}

}  // namespace witness::compare::internal
