// ComparisonToJson and ComparisonToText (shapes in witness/compare.h).
#include <fmt/core.h>
#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "witness/compare.h"

namespace witness::compare {
namespace {

using nlohmann::json;
namespace fig = witness::figures;
namespace q = witness::quotes;

json SpanJson(Span s) { return {{"begin", s.begin}, {"end", s.end}}; }

json IntervalJson(const fig::Interval& i) {
  json j;
  j["lo"] = std::isfinite(i.lo) ? json(i.lo) : json(nullptr);
  j["hi"] = std::isfinite(i.hi) ? json(i.hi) : json(nullptr);
  j["lo_closed"] = i.lo_closed;
  j["hi_closed"] = i.hi_closed;
  return j;
}

json CarrierJson(const Carrier& c) {
  return {{"article", c.article},
          {"begin", c.span.begin},
          {"end", c.span.end},
          {"score", std::round(c.score * 1000) / 1000.0},
          {"kind", CarryKindName(c.kind)},
          {"figures_differ", c.figures_differ}};
}

// The text of a span on one line: whitespace runs as one space.
std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Cuts `s` to `width` columns (code points; wide characters count two), ending with "…".
std::string Fit(std::string_view s, size_t width) {
  if (width == 0) return std::string(s);
  size_t cols = 0, i = 0, cut = 0;
  bool cut_set = false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) n = 1;
    const size_t w = cp >= 0 ? static_cast<size_t>(std::max(0, utf8proc_charwidth(cp))) : 1;
    if (!cut_set && cols + w > width - 1) {
      cut = i;
      cut_set = true;
    }
    cols += w;
    i += static_cast<size_t>(n);
    if (cols > width) return std::string(s.substr(0, cut)) + "\u2026";
  }
  return std::string(s);
}

std::string Label(uint32_t article) { return fmt::format("[{}]", article + 1); }

std::string Labels(std::vector<uint32_t> articles) {
  std::sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
  std::string out = "[";
  for (size_t i = 0; i < articles.size(); ++i) {
    if (i) out += ",";
    out += std::to_string(articles[i] + 1);
  }
  return out + "]";
}

std::string Percent(double x) { return fmt::format("{:.0f}%", x * 100); }

// Articles of a quote variant (its members index comparison.quotes).
std::vector<uint32_t> VariantArticles(const StoryComparison& c, const q::QuoteVariant& v) {
  std::vector<uint32_t> out;
  for (size_t m : v.members) {
    if (m < c.quotes.size()) out.push_back(c.quotes[m].article);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<uint32_t> GroupArticles(const StoryComparison& c, const q::QuoteGroup& g) {
  std::vector<uint32_t> out;
  for (const q::QuoteVariant& v : g.variants) {
    for (uint32_t a : VariantArticles(c, v)) out.push_back(a);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

size_t Words(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

std::string DiffLine(const std::vector<q::DiffOp>& diff) {
  std::string out;
  for (const q::DiffOp& op : diff) {
    std::string one;
    switch (op.op) {
      case q::DiffOp::Op::kEqual:
        continue;
      case q::DiffOp::Op::kInsert:
        one = fmt::format("+\"{}\"", op.to);
        break;
      case q::DiffOp::Op::kDelete:
        one = fmt::format("-\"{}\"", op.from);
        break;
      case q::DiffOp::Op::kReplace:
        one = fmt::format("\"{}\" -> \"{}\"", op.from, op.to);
        break;
    }
    if (!out.empty()) out += "; ";
    out += one;
  }
  return out;
}

}  // namespace

std::string ComparisonToJson(const StoryComparison& c, int indent) {
  json out;
  json& arts = out["articles"] = json::array();
  for (size_t i = 0; i < c.articles.size(); ++i) {
    const ArticleInfo& a = c.articles[i];
    arts.push_back({{"index", i},
                    {"id", a.id},
                    {"source", a.source},
                    {"title", a.title},
                    {"published", a.published},
                    {"words", a.words},
                    {"statements", a.statements},
                    {"copy_group", a.copy_group},
                    {"repaired", a.repaired}});
  }
  out["copy_groups"] = c.copy_groups;
  json& copies = out["copies"] = json::array();
  for (const CopyRelation& r : c.copies) {
    std::string origin;
    switch (r.report.origin.who) {
      case syndication::Origin::Who::kA:
        origin = "a";
        break;
      case syndication::Origin::Who::kB:
        origin = "b";
        break;
      case syndication::Origin::Who::kCommonSource:
        origin = "common";
        break;
      case syndication::Origin::Who::kUnknown:
        origin = "unknown";
        break;
    }
    copies.push_back({{"a", r.a},
                      {"b", r.b},
                      {"relation", syndication::RelationName(r.report.relation)},
                      {"shared_a", r.report.shared_a},
                      {"shared_b", r.report.shared_b},
                      {"origin", origin},
                      {"agency", r.report.origin.agency},
                      {"reasons", r.report.origin.reasons}});
  }
  json& ents = out["entities"] = json::array();
  for (const StoryEntity& e : c.entities) {
    json forms = json::array();
    for (const EntityForm& f : e.forms) forms.push_back({{"text", f.text}, {"count", f.count}});
    json in = json::array();
    for (const EntityInArticle& a : e.articles) {
      in.push_back(
          {{"article", a.article}, {"mentions", a.mentions}, {"first", SpanJson(a.first)}});
    }
    ents.push_back({{"name", e.name},
                    {"kind", q::EntityKindName(e.kind)},
                    {"code", e.code},
                    {"role", e.role},
                    {"country", e.country},
                    {"former", e.former},
                    {"mentions", e.mentions},
                    {"sources", e.sources},
                    {"forms", forms},
                    {"articles", in}});
  }
  json& qg = out["quote_groups"] = json::array();
  for (const q::QuoteGroup& g : c.quote_groups) {
    json variants = json::array();
    for (const q::QuoteVariant& v : g.variants) {
      json members = json::array();
      for (size_t m : v.members) {
        if (m >= c.quotes.size()) continue;
        const StoryQuote& sq = c.quotes[m];
        members.push_back({{"article", sq.article},
                           {"begin", sq.quote.content.begin},
                           {"end", sq.quote.content.end},
                           {"kind", q::QuoteKindName(sq.quote.kind)}});
      }
      json diff = json::array();
      for (const q::DiffOp& op : v.diff) {
        diff.push_back({{"op", q::DiffOpName(op.op)}, {"from", op.from}, {"to", op.to}});
      }
      variants.push_back({{"text", v.text},
                          {"articles", v.article_ids},
                          {"sources", v.sources},
                          {"quotes", members},
                          {"diff", diff}});
    }
    qg.push_back({{"speaker", g.speaker},
                  {"articles", GroupArticles(c, g)},
                  {"similarity", std::round(g.similarity * 1000) / 1000.0},
                  {"variants", variants}});
  }
  json& fgs = out["figure_groups"] = json::array();
  for (const fig::FigureGroup& g : c.figure_groups) {
    json claims = json::array();
    std::map<uint32_t, size_t> position;
    for (uint32_t idx : g.claims) {
      if (idx >= c.figures.size()) continue;
      position[idx] = claims.size();
      const fig::Figure& f = c.figures[idx].figure;
      json claim = {{"article", c.figure_article[idx]},
                    {"text", f.text},
                    {"begin", f.span.begin},
                    {"end", f.span.end},
                    {"interval", IntervalJson(f.interval)},
                    {"status", fig::StatusName(f.status)},
                    {"sentence", SpanJson(f.sentence)}};
      claim["status_cue"] = f.status_cue_text.empty() ? json(nullptr) : json(f.status_cue_text);
      claim["attribution"] =
          f.attribution.empty()
              ? json(nullptr)
              : json({{"source", f.attribution.source}, {"cue", f.attribution.cue}});
      claims.push_back(std::move(claim));
    }
    json retracted = json::array(), echoes = json::array();
    for (uint32_t r : g.retracted) {
      if (position.count(r)) retracted.push_back(position[r]);
    }
    for (uint32_t r : g.echoes_retracted) {
      if (position.count(r)) echoes.push_back(position[r]);
    }
    fgs.push_back({{"key", g.key},
                   {"label", g.label},
                   {"topic", fig::TopicName(g.topic)},
                   {"verdict", fig::VerdictName(g.verdict)},
                   {"summary", g.summary},
                   {"sources", g.source_count},
                   {"claims", claims},
                   {"retracted", retracted},
                   {"echoes_retracted", echoes}});
  }
  json& facts = out["facts"] = json::array();
  for (const Fact& f : c.facts) {
    json carriers = json::array();
    for (const Carrier& k : f.carriers) carriers.push_back(CarrierJson(k));
    facts.push_back({{"article", f.where.article},
                     {"begin", f.where.span.begin},
                     {"end", f.where.span.end},
                     {"text", c.Text(f.where)},
                     {"independent", f.independent},
                     {"sources", f.sources},
                     {"carriers", carriers}});
  }
  out["agreed"] = c.agreed;
  json& cov = out["coverage"] = json::array();
  for (const SourceCoverage& s : c.coverage) {
    json unique = json::array();
    for (const UniqueStatement& u : s.unique) {
      json one = {
          {"begin", u.where.span.begin}, {"end", u.where.span.end}, {"text", c.Text(u.where)}};
      one["closest"] = u.has_closest ? CarrierJson(u.closest) : json(nullptr);
      unique.push_back(std::move(one));
    }
    cov.push_back({{"article", s.article},
                   {"statements", s.statements},
                   {"carried", s.carried},
                   {"unique", unique},
                   {"group_exclusive", s.group_exclusive},
                   {"omitted", s.omitted}});
  }
  return out.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string ComparisonToText(const StoryComparison& c, size_t width) {
  std::string out;
  auto line = [&](const std::string& s) {
    out += Fit(s, width);
    out += '\n';
  };
  auto quoted = [&](const TextRef& r) {
    std::string t = OneLine(c.Text(r));
    // Sentences that open with a quotation mark are shown as they are.
    if (!t.empty() && (t[0] == '"' || t[0] == '\'' || t.rfind("\u201C", 0) == 0 ||
                       t.rfind("\u2018", 0) == 0 || t.rfind("\u00AB", 0) == 0)) {
      return t;
    }
    return "\"" + t + "\"";
  };

  line(fmt::format("{} article{}, {} independent account{}", c.articles.size(),
                   c.articles.size() == 1 ? "" : "s", c.Independent(),
                   c.Independent() == 1 ? "" : "s"));
  for (size_t i = 0; i < c.articles.size(); ++i) {
    const ArticleInfo& a = c.articles[i];
    std::string s = fmt::format("  {} {}", Label(static_cast<uint32_t>(i)), a.id);
    if (!a.source.empty() && a.source != a.id) s += " (" + a.source + ")";
    if (!a.published.empty()) s += " " + a.published;
    s += fmt::format(", {} words", a.words);
    if (!a.title.empty()) s += ": " + OneLine(a.title);
    if (a.repaired) s += " [text repaired]";
    line(s);
  }
  if (!c.copies.empty()) {
    line("");
    line("Copies (the same text, edited):");
    for (const CopyRelation& r : c.copies) {
      std::string s = fmt::format("  {} {} {}: {} of {} and {} of {} shared", Label(r.a),
                                  syndication::RelationName(r.report.relation), Label(r.b),
                                  Percent(r.report.shared_a), Label(r.a),
                                  Percent(r.report.shared_b), Label(r.b));
      if (r.report.origin.who == syndication::Origin::Who::kA) s += "; origin " + Label(r.a);
      if (r.report.origin.who == syndication::Origin::Who::kB) s += "; origin " + Label(r.b);
      if (!r.report.origin.agency.empty()) s += " (" + r.report.origin.agency + ")";
      line(s);
    }
    std::string groups = "  independent accounts:";
    for (const auto& g : c.copy_groups) groups += " " + Labels(g);
    line(groups);
  }

  // Entities: those in two or more articles, or mentioned three times or more.
  std::vector<const StoryEntity*> shown;
  for (const StoryEntity& e : c.entities) {
    if (e.articles.size() >= 2 || e.mentions >= 3) shown.push_back(&e);
    if (shown.size() >= 20) break;
  }
  if (!shown.empty()) {
    line("");
    line("Who and where:");
    for (const StoryEntity* e : shown) {
      std::string kind(q::EntityKindName(e->kind));
      if (!e->code.empty()) kind += " " + e->code;
      if (!e->role.empty()) {
        kind += ", " + std::string(e->former ? "former " : "") + e->role;
        if (!e->country.empty()) kind += " (" + e->country + ")";
      }
      std::vector<uint32_t> arts;
      for (const EntityInArticle& a : e->articles) arts.push_back(a.article);
      std::string s = fmt::format("  {} ({}): {} mention{} in {}", e->name, kind, e->mentions,
                                  e->mentions == 1 ? "" : "s", Labels(arts));
      std::string forms;
      size_t listed = 0;
      for (const EntityForm& f : e->forms) {
        if (f.text == e->name || listed >= 5) continue;
        forms += (forms.empty() ? "" : ", ") + fmt::format("\"{}\" {}", OneLine(f.text), f.count);
        ++listed;
      }
      if (!forms.empty()) s += "; also " + forms;
      line(s);
    }
  }

  // Quotes several independent accounts carry, with their wordings; then the quotes of one
  // account (an article and its copies).
  auto accounts_of = [&](const std::vector<uint32_t>& arts) {
    std::set<uint32_t> groups;
    for (uint32_t a : arts) {
      if (a < c.articles.size()) groups.insert(c.articles[a].copy_group);
    }
    return groups.size();
  };
  bool header = false;
  for (const q::QuoteGroup& g : c.quote_groups) {
    const std::vector<uint32_t> arts = GroupArticles(c, g);
    if (accounts_of(arts) < 2) continue;
    if (!header) {
      line("");
      line("Quotes in more than one account:");
      header = true;
    }
    line(fmt::format("  {} {}:", g.SpeakerLabel(), Labels(arts)));
    for (size_t v = 0; v < g.variants.size(); ++v) {
      const q::QuoteVariant& var = g.variants[v];
      line(fmt::format("    {} \"{}\"", Labels(VariantArticles(c, var)), OneLine(var.text)));
      if (v > 0) {
        // A fragment of the reference is no other wording of it: no diff.
        if (Words(var.text) * 2 < Words(g.variants[0].text)) continue;
        const std::string d = DiffLine(var.diff);
        if (!d.empty()) line("        differs: " + d);
      }
    }
  }
  header = false;
  for (const q::QuoteGroup& g : c.quote_groups) {
    const std::vector<uint32_t> arts = GroupArticles(c, g);
    if (accounts_of(arts) != 1 || g.speaker.empty() || g.variants.empty()) continue;
    bool direct = false;
    for (size_t m : g.variants[0].members) {
      if (m < c.quotes.size() && c.quotes[m].quote.kind == q::QuoteKind::kDirect) direct = true;
    }
    if (!direct) continue;
    if (!header) {
      line("");
      line("Quotes only one account has:");
      header = true;
    }
    line(fmt::format("  {} {}: \"{}\"", Labels(arts), g.speaker, OneLine(g.variants[0].text)));
  }

  // Figures reported by two or more articles, or with a retraction.
  header = false;
  for (const fig::FigureGroup& g : c.figure_groups) {
    std::vector<uint32_t> arts;
    for (uint32_t idx : g.claims) {
      if (idx < c.figure_article.size()) arts.push_back(c.figure_article[idx]);
    }
    std::set<uint32_t> accounts;
    for (uint32_t a : arts) {
      if (a < c.articles.size()) accounts.insert(c.articles[a].copy_group);
    }
    // Figures of one account (or one wire story's copies) are nothing to compare.
    if (accounts.size() < 2 && g.retracted.empty()) continue;
    if (!header) {
      line("");
      line("Figures:");
      header = true;
    }
    // Claims by wording, with their articles.
    std::vector<std::pair<std::string, std::vector<uint32_t>>> wordings;
    const std::set<uint32_t> retracted(g.retracted.begin(), g.retracted.end());
    for (uint32_t idx : g.claims) {
      if (idx >= c.figures.size() || retracted.count(idx)) continue;
      const std::string w = OneLine(c.figures[idx].figure.text);
      auto it = std::find_if(wordings.begin(), wordings.end(),
                             [&](const auto& x) { return x.first == w; });
      if (it == wordings.end()) {
        wordings.push_back({w, {}});
        it = wordings.end() - 1;
      }
      it->second.push_back(c.figure_article[idx]);
    }
    std::string s = fmt::format("  {} [{}]:", g.label, fig::VerdictName(g.verdict));
    for (size_t i = 0; i < wordings.size(); ++i) {
      s += fmt::format("{} \"{}\" {}", i ? ";" : "", wordings[i].first, Labels(wordings[i].second));
    }
    line(s);
    for (uint32_t r : g.retracted) {
      if (r >= c.figures.size()) continue;
      const fig::Figure& f = c.figures[r].figure;
      std::string t = fmt::format("    {} \"{}\" in {}", fig::StatusName(f.status), OneLine(f.text),
                                  Label(c.figure_article[r]));
      if (!f.status_cue_text.empty() && f.status_cue_text != fig::StatusName(f.status)) {
        t += fmt::format(" (\"{}\")", f.status_cue_text);
      }
      if (!f.attribution.NamedSource().empty()) t += " by " + f.attribution.source;
      line(t);
    }
    if (!g.echoes_retracted.empty()) {
      // Articles dated before the first one that sets the value aside reported it before;
      // the others repeat it after (or on the same day, which dates cannot tell apart).
      std::string first_revision;
      for (uint32_t r : g.retracted) {
        if (r >= c.figure_article.size()) continue;
        const std::string day = c.articles[c.figure_article[r]].published.substr(0, 10);
        if (!day.empty() && (first_revision.empty() || day < first_revision)) first_revision = day;
      }
      std::vector<uint32_t> before, after;
      for (uint32_t e : g.echoes_retracted) {
        if (e >= c.figure_article.size()) continue;
        const uint32_t a = c.figure_article[e];
        const std::string day = c.articles[a].published.substr(0, 10);
        (!day.empty() && !first_revision.empty() && day < first_revision ? before : after)
            .push_back(a);
      }
      if (!before.empty()) line("    reported before it was revised by " + Labels(before));
      if (!after.empty()) line("    repeated after the revision by " + Labels(after));
    }
  }

  if (!c.agreed.empty()) {
    line("");
    line(fmt::format("Agreed (carried by most of the {} independent accounts):", c.Independent()));
    for (uint32_t fi : c.agreed) {
      const Fact& f = c.facts[fi];
      std::vector<uint32_t> arts;
      for (const Carrier& k : f.carriers) arts.push_back(k.article);
      line(fmt::format("  - {} {}", Labels(arts), quoted(f.where)));
    }
  }

  line("");
  line("By article:");
  for (const SourceCoverage& s : c.coverage) {
    if (s.article >= c.articles.size()) continue;
    line(fmt::format("  {} {}: {} statement{}, {} carried elsewhere", Label(s.article),
                     c.articles[s.article].id, s.statements, s.statements == 1 ? "" : "s",
                     s.carried));
    if (!s.unique.empty()) {
      line("    only here:");
      for (const UniqueStatement& u : s.unique) {
        line("      - " + quoted(u.where));
        if (u.has_closest) {
          line(fmt::format("          closest: {} {} ({:.2f}{})", Label(u.closest.article),
                           quoted({u.closest.article, u.closest.span}), u.closest.score,
                           u.closest.figures_differ ? ", figures differ" : ""));
        }
      }
    }
    if (!s.group_exclusive.empty()) {
      const auto& g = c.copy_groups[c.articles[s.article].copy_group];
      if (!g.empty() && g.front() != s.article) {
        line(fmt::format("    shares {} statement{} only with its copies {} (listed under {})",
                         s.group_exclusive.size(), s.group_exclusive.size() == 1 ? "" : "s",
                         Labels(g), Label(g.front())));
      } else {
        line(fmt::format("    only in the copies {}:", Labels(g)));
        for (uint32_t fi : s.group_exclusive) {
          const Fact& f = c.facts[fi];
          std::vector<uint32_t> arts;
          for (const Carrier& k : f.carriers) arts.push_back(k.article);
          line(fmt::format("      - {} {}", Labels(arts), quoted(f.where)));
        }
      }
    }
    if (!s.omitted.empty()) {
      line("    leaves out:");
      for (uint32_t fi : s.omitted) {
        const Fact& f = c.facts[fi];
        std::vector<uint32_t> arts;
        for (const Carrier& k : f.carriers) arts.push_back(k.article);
        line(fmt::format("      - {} {}", Labels(arts), quoted(f.where)));
      }
    }
  }
  return out;
}

}  // namespace witness::compare
