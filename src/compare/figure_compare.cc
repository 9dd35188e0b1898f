// CompareFigures: groups claims about the same quantity and judges each pair (the rules are
// in witness/figures.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "witness/figures.h"

namespace witness::figures {
namespace {

bool Current(const Figure& f) {
  return f.status != Status::kRetracted && f.status != Status::kSuperseded;
}

bool RoundNumber(double x) { return std::fabs(x) >= 100 && std::fmod(std::fabs(x), 100.0) == 0; }

// What a reader takes a claim to mean: open ends closed (see the header).
Interval Likely(const Figure& f) {
  const NumberMention& m = f.number;
  const double x = m.value;
  Interval r = f.interval;
  if (std::isnan(x) || x <= 0) return r;
  switch (m.qualifier) {
    case Qualifier::kMoreThan:
      r = Interval{x, 1.5 * x, false, true};
      break;
    case Qualifier::kAtLeast:
      r = Interval::Closed(x, 1.5 * x);
      break;
    case Qualifier::kLessThan:
      r = Interval{x / 1.5, x, true, false};
      break;
    case Qualifier::kAtMost:
    case Qualifier::kUpTo:
      r = Interval::Closed(x / 2, x);
      break;
    case Qualifier::kExact:
    case Qualifier::kEqual:
      if (RoundNumber(x)) r = Interval::Closed(0.98 * x, 1.02 * x);
      break;
    default:
      break;
  }
  return r;
}

double Magnitude(const Figure& f) {
  if (!std::isnan(f.number.value)) return std::fabs(f.number.value);
  double m = 0;
  if (std::isfinite(f.interval.lo)) m = std::max(m, std::fabs(f.interval.lo));
  if (std::isfinite(f.interval.hi)) m = std::max(m, std::fabs(f.interval.hi));
  return m;
}

Verdict Judge(const Figure& a, const Figure& b) {
  const Interval la = Likely(a), lb = Likely(b);
  if (la.Intersects(lb)) return Verdict::kAgree;
  const double scale = std::max(Magnitude(a), Magnitude(b));
  if (scale > 0 && la.Gap(lb) / scale <= kDifferGap) return Verdict::kDiffer;
  if (a.interval.Intersects(b.interval)) return Verdict::kDiverge;
  return Verdict::kConflict;
}

std::string GroupKey(const Figure& f) {
  if (f.number.kind == Kind::kOrdinal) return "";
  if (f.topic == Topic::kAge || f.topic == Topic::kDuration) return "";
  const std::string& thing = f.counted_key;
  // "100,000 people" with no event says nothing comparable about what happened to them.
  if (f.topic == Topic::kOther && thing == "people") return "";
  if (thing.empty() &&
      (f.topic == Topic::kOther || f.topic == Topic::kMoney || f.topic == Topic::kPercent)) {
    return "";  // nothing says what the number is about
  }
  std::string key(TopicName(f.topic));
  key += '|';
  key += thing;
  if (f.number.kind == Kind::kMoney || f.number.kind == Kind::kPercent) {
    key += '|';
    key += f.number.unit;
  }
  return key;
}

std::string Lowered(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

// Bytes between two spans; 0 when they meet.
uint32_t Gap(const text::Span& a, const text::Span& b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

// The year each claim is about ("2022" from "in 2022", "since 2022", "the 2022 election");
// "" for a claim that names none. A year mention dates the claim nearest to it among the
// figures of its source's sentence ("won 48.3 per cent, up from 40 per cent in 2022" dates
// only the 40).
std::vector<std::string> ClaimYears(std::span<const SourcedFigure> claims) {
  std::vector<std::string> years(claims.size());
  // The claims of each source's sentence, and each claim's entry there.
  std::unordered_map<std::string, std::vector<uint32_t>> sentence_claims;
  std::vector<const std::vector<uint32_t>*> sentence_of(claims.size());
  for (uint32_t i = 0; i < claims.size(); ++i) {
    auto& same = sentence_claims[claims[i].source + '\x1f' +
                                 std::to_string(claims[i].figure.sentence.begin)];
    same.push_back(i);
    sentence_of[i] = &same;
  }
  for (uint32_t i = 0; i < claims.size(); ++i) {
    const Figure& f = claims[i].figure;
    const TimeMention* year = nullptr;
    uint32_t gap = UINT32_MAX;
    for (const TimeMention& t : f.times) {
      const uint32_t g = Gap(f.span, t.span);
      if (t.type == TimeMention::Type::kYear && g < gap) {
        year = &t;
        gap = g;
      }
    }
    if (year == nullptr) continue;
    bool nearest = true;
    for (uint32_t j : *sentence_of[i]) {
      nearest = nearest && (j == i || Gap(claims[j].figure.span, year->span) >= gap);
    }
    if (nearest) years[i] = year->text.substr(year->text.size() - 4);  // the year's digits
  }
  return years;
}

// The event as it reads after what is counted: a casualty verb's "-ing" form becomes its past
// participle ("injuring dozens of people" -> "people injured"); other events stay as written.
std::string EventLabel(const std::string& event, Topic topic) {
  if (topic == Topic::kOther || event.size() < 6 || !event.ends_with("ing")) return event;
  static constexpr std::pair<std::string_view, std::string_view> kIrregular[] = {
      {"shooting", "shot"}, {"hitting", "hit"}, {"taking", "taken"},   {"holding", "held"},
      {"leaving", "left"},  {"making", "made"}, {"seizing", "seized"}, {"losing", "lost"}};
  for (const auto& [ing, participle] : kIrregular) {
    if (event == ing) return std::string(participle);
  }
  std::string stem = event.substr(0, event.size() - 3);
  // "injuring" -> "injur" + "ed"; "killing" -> "kill" + "ed"; "stabbing" -> "stabb" + "ed".
  return stem + (stem.back() == 'e' ? "d" : "ed");
}

}  // namespace

std::vector<FigureGroup> CompareFigures(std::span<const SourcedFigure> claims) {
  std::vector<FigureGroup> groups;
  std::unordered_map<std::string, size_t> index;
  const std::vector<std::string> years = ClaimYears(claims);
  std::vector<std::string> group_years;  // per group: the year its claims are about, or ""
  for (uint32_t i = 0; i < claims.size(); ++i) {
    std::string key = GroupKey(claims[i].figure);
    if (key.empty()) continue;
    if (!years[i].empty()) key += "|" + years[i];  // another year: another quantity
    auto [it, inserted] = index.emplace(key, groups.size());
    if (inserted) {
      FigureGroup g;
      g.key = key;
      g.topic = claims[i].figure.topic;
      groups.push_back(std::move(g));
      group_years.push_back(years[i]);
    }
    groups[it->second].claims.push_back(i);
  }
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    FigureGroup& g = groups[gi];
    // Label: "people killed", "troops", "vote (2022)".
    for (uint32_t c : g.claims) {
      const Figure& f = claims[c].figure;
      if (!f.counted.empty() || !f.event.empty()) {
        g.label = Lowered(!f.counted.empty()          ? f.counted
                          : f.counted_key == "people" ? std::string("people")
                                                      : std::string(TopicName(f.topic)));
        if (!f.event.empty()) g.label += " " + EventLabel(Lowered(f.event), f.topic);
        break;
      }
    }
    if (g.label.empty()) g.label = std::string(TopicName(g.topic));
    if (!group_years[gi].empty()) g.label += " (" + group_years[gi] + ")";
    std::vector<std::string> sources;
    std::vector<uint32_t> source_of;  // per claim of the group: its index in `sources`
    for (uint32_t c : g.claims) {
      auto it = std::find(sources.begin(), sources.end(), claims[c].source);
      if (it == sources.end()) it = sources.insert(sources.end(), claims[c].source);
      source_of.push_back(static_cast<uint32_t>(it - sources.begin()));
      if (!Current(claims[c].figure)) g.retracted.push_back(c);
    }
    g.source_count = static_cast<uint32_t>(sources.size());
    // Judge() is symmetric: each pair of current claims is judged once, into verdict[x * n + y]
    // for x <= y. agreeing[y * sources + s]: source s has a current claim that agrees with
    // claim y. Values one source states together are not set against each other (see the
    // header).
    const size_t n = g.claims.size();
    std::vector<Verdict> verdict(n * n, Verdict::kSingle);
    std::vector<uint8_t> agreeing(n * sources.size(), 0);
    for (size_t x = 0; x < n; ++x) {
      if (!Current(claims[g.claims[x]].figure)) continue;
      for (size_t y = x; y < n; ++y) {
        if (!Current(claims[g.claims[y]].figure)) continue;
        verdict[x * n + y] = Judge(claims[g.claims[x]].figure, claims[g.claims[y]].figure);
        if (verdict[x * n + y] == Verdict::kAgree) {
          agreeing[y * sources.size() + source_of[x]] = 1;
          agreeing[x * sources.size() + source_of[y]] = 1;
        }
      }
    }
    Verdict worst = Verdict::kSingle;
    for (size_t x = 0; x < n; ++x) {
      const uint32_t a = g.claims[x];
      if (!Current(claims[a].figure)) continue;
      for (size_t y = x + 1; y < n; ++y) {
        const uint32_t b = g.claims[y];
        if (!Current(claims[b].figure)) continue;
        if (claims[a].source == claims[b].source &&
            claims[a].figure.interval == claims[b].figure.interval) {
          continue;  // a source repeating itself
        }
        FigurePair p;
        p.a = a;
        p.b = b;
        p.verdict = verdict[x * n + y];
        if (p.verdict != Verdict::kAgree && (agreeing[y * sources.size() + source_of[x]] ||
                                             agreeing[x * sources.size() + source_of[y]])) {
          continue;  // one source gives both values: two quantities, no disagreement
        }
        worst = std::max(worst, p.verdict);
        g.pairs.push_back(p);
      }
    }
    g.verdict = worst;
    // Current claims that state a retracted value again.
    for (uint32_t r : g.retracted) {
      const double v = claims[r].figure.number.value;
      if (std::isnan(v)) continue;
      for (uint32_t c : g.claims) {
        const Figure& f = claims[c].figure;
        if (!Current(f) || std::isnan(f.number.value)) continue;
        if (std::fabs(f.number.value - v) <= 0.01 * std::fabs(v) &&
            std::find(g.echoes_retracted.begin(), g.echoes_retracted.end(), c) ==
                g.echoes_retracted.end()) {
          g.echoes_retracted.push_back(c);
        }
      }
    }
    std::sort(g.echoes_retracted.begin(), g.echoes_retracted.end());
    // Summary: each distinct wording with its sources, then the verdict and retractions.
    std::vector<std::pair<std::string, std::vector<std::string>>> wordings;
    for (uint32_t c : g.claims) {
      if (!Current(claims[c].figure)) continue;
      const std::string w = claims[c].figure.text;
      auto it = std::find_if(wordings.begin(), wordings.end(),
                             [&](const auto& p) { return Lowered(p.first) == Lowered(w); });
      if (it == wordings.end()) {
        wordings.push_back({w, {claims[c].source}});
      } else if (std::find(it->second.begin(), it->second.end(), claims[c].source) ==
                 it->second.end()) {
        it->second.push_back(claims[c].source);
      }
    }
    std::string s = g.label + ":";
    for (size_t k = 0; k < wordings.size(); ++k) {
      s += k == 0 ? " \"" : "; \"";
      s += wordings[k].first + "\" (";
      for (size_t q = 0; q < wordings[k].second.size(); ++q) {
        if (q > 0) s += ", ";
        s += wordings[k].second[q];
      }
      s += ")";
    }
    s += " - ";
    s += VerdictName(g.verdict);
    for (uint32_t r : g.retracted) {
      const Figure& f = claims[r].figure;
      s += "; ";
      s += claims[r].source;
      s += " reports \"" + f.text + "\" ";
      s += f.status == Status::kRetracted ? "retracted" : "revised";
      if (!f.attribution.NamedSource().empty()) s += " by " + f.attribution.source;
    }
    if (!g.echoes_retracted.empty()) {
      s += "; repeated by";
      for (size_t k = 0; k < g.echoes_retracted.size(); ++k) {
        s += k == 0 ? " " : ", ";
        s += claims[g.echoes_retracted[k]].source;
      }
    }
    g.summary = std::move(s);
  }
  return groups;
}

std::string_view Attribution::NamedSource() const {
  std::string lower = Lowered(source);
  for (std::string_view p : {"i", "you", "he", "she", "it", "we", "they", "this", "that"}) {
    if (lower == p) return {};
  }
  return source;
}

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kCardinal:
      return "cardinal";
    case Kind::kOrdinal:
      return "ordinal";
    case Kind::kPercent:
      return "percent";
    case Kind::kMoney:
      return "money";
  }
  return "cardinal";
}

std::string_view QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact:
      return "exact";
    case Qualifier::kAbout:
      return "about";
    case Qualifier::kNearly:
      return "nearly";
    case Qualifier::kJustOver:
      return "just_over";
    case Qualifier::kMoreThan:
      return "more_than";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kLessThan:
      return "less_than";
    case Qualifier::kAtMost:
      return "at_most";
    case Qualifier::kUpTo:
      return "up_to";
    case Qualifier::kEqual:
      return "equal";
    case Qualifier::kRange:
      return "range";
    case Qualifier::kVague:
      return "vague";
  }
  return "exact";
}

std::string_view TopicName(Topic t) {
  switch (t) {
    case Topic::kOther:
      return "other";
    case Topic::kDeath:
      return "death";
    case Topic::kInjury:
      return "injury";
    case Topic::kCasualty:
      return "casualty";
    case Topic::kDetention:
      return "detention";
    case Topic::kMissing:
      return "missing";
    case Topic::kDisplacement:
      return "displacement";
    case Topic::kForces:
      return "forces";
    case Topic::kPopulation:
      return "population";
    case Topic::kAge:
      return "age";
    case Topic::kDuration:
      return "duration";
    case Topic::kMoney:
      return "money";
    case Topic::kPercent:
      return "percent";
  }
  return "other";
}

std::string_view StatusName(Status s) {
  switch (s) {
    case Status::kPlain:
      return "plain";
    case Status::kRetracted:
      return "retracted";
    case Status::kCorrected:
      return "corrected";
    case Status::kSuperseded:
      return "superseded";
  }
  return "plain";
}

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kSingle:
      return "single";
    case Verdict::kAgree:
      return "agree";
    case Verdict::kDiffer:
      return "differ";
    case Verdict::kDiverge:
      return "diverge";
    case Verdict::kConflict:
      return "conflict";
  }
  return "single";
}

}  // namespace witness::figures
