// FiguresToJson and FigureGroupsToJson: the documented JSON shapes (witness/figures.h).
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "witness/figures.h"

namespace witness::figures {
namespace {

using json = nlohmann::ordered_json;  // keys in the documented order

json Number(double v) {
  if (!std::isfinite(v)) return nullptr;
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0) {
    return static_cast<int64_t>(v);
  }
  return v;
}

json IntervalJson(const Interval& iv) {
  return json{{"lo", Number(iv.lo)},
              {"hi", Number(iv.hi)},
              {"lo_closed", iv.lo_closed},
              {"hi_closed", iv.hi_closed}};
}

json SpanJson(const text::Span& s) { return json{{"begin", s.begin}, {"end", s.end}}; }

std::string_view TimeTypeName(TimeMention::Type t) {
  switch (t) {
    case TimeMention::Type::kWeekday:
      return "weekday";
    case TimeMention::Type::kDate:
      return "date";
    case TimeMention::Type::kRelative:
      return "relative";
    case TimeMention::Type::kYear:
      return "year";
    case TimeMention::Type::kOrder:
      return "order";
  }
  return "relative";
}

json FigureJson(const Figure& f) {
  json j;
  j["begin"] = f.number.span.begin;
  j["end"] = f.number.span.end;
  j["text"] = f.text;
  j["kind"] = KindName(f.number.kind);
  j["qualifier"] = QualifierName(f.number.qualifier);
  j["value"] = Number(f.number.value);
  j["value2"] = Number(f.number.value2);
  j["unit"] = f.number.unit.empty() ? json(nullptr) : json(f.number.unit);
  j["interval"] = IntervalJson(f.interval);
  if (f.counted.empty()) {
    j["counted"] = nullptr;
  } else {
    j["counted"] = json{{"text", f.counted},
                        {"begin", f.counted_span.begin},
                        {"end", f.counted_span.end},
                        {"key", f.counted_key}};
  }
  if (f.event.empty()) {
    j["event"] = nullptr;
  } else {
    j["event"] = json{{"text", f.event},
                      {"begin", f.event_span.begin},
                      {"end", f.event_span.end},
                      {"key", f.event_key}};
  }
  j["topic"] = TopicName(f.topic);
  if (f.attribution.empty()) {
    j["attribution"] = nullptr;
  } else {
    j["attribution"] = json{{"source", f.attribution.source},
                            {"cue", f.attribution.cue},
                            {"begin", f.attribution.source_span.begin},
                            {"end", f.attribution.source_span.end},
                            {"cue_begin", f.attribution.cue_span.begin},
                            {"cue_end", f.attribution.cue_span.end}};
  }
  json times = json::array();
  for (const TimeMention& t : f.times) {
    times.push_back(json{{"text", t.text},
                         {"type", TimeTypeName(t.type)},
                         {"begin", t.span.begin},
                         {"end", t.span.end}});
  }
  j["times"] = std::move(times);
  j["status"] = StatusName(f.status);
  if (f.status == Status::kPlain) {
    j["status_cue"] = nullptr;
  } else {
    j["status_cue"] =
        json{{"text", f.status_cue_text}, {"begin", f.status_cue.begin}, {"end", f.status_cue.end}};
  }
  j["sentence"] = SpanJson(f.sentence);
  j["claim"] = SpanJson(f.span);
  return j;
}

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string FiguresToJson(const FileFigures& file) {
  json doc;
  json figs = json::array();
  for (const Figure& f : file.figures) {
    figs.push_back(FigureJson(f));
  }
  doc["figures"] = std::move(figs);
  doc["repaired_sequences"] = file.repaired_sequences;
  doc["removed_nuls"] = file.removed_nuls;
  doc["nfc_changed"] = file.nfc_changed;
  return Dump(doc);
}

std::string FigureGroupsToJson(std::span<const SourcedFigure> claims,
                               std::span<const FigureGroup> groups) {
  json doc;
  json gs = json::array();
  for (const FigureGroup& g : groups) {
    json j;
    j["key"] = g.key;
    j["label"] = g.label;
    j["topic"] = TopicName(g.topic);
    j["verdict"] = VerdictName(g.verdict);
    j["summary"] = g.summary;
    j["source_count"] = g.source_count;
    json cs = json::array();
    for (uint32_t c : g.claims) {
      if (c >= claims.size()) continue;
      const Figure& f = claims[c].figure;
      const bool echo = std::find(g.echoes_retracted.begin(), g.echoes_retracted.end(), c) !=
                        g.echoes_retracted.end();
      cs.push_back(json{{"index", c},
                        {"source", claims[c].source},
                        {"text", f.text},
                        {"begin", f.number.span.begin},
                        {"end", f.number.span.end},
                        {"interval", IntervalJson(f.interval)},
                        {"status", StatusName(f.status)},
                        {"echoes_retracted", echo}});
    }
    j["claims"] = std::move(cs);
    json ps = json::array();
    for (const FigurePair& p : g.pairs) {
      ps.push_back(json{{"a", p.a}, {"b", p.b}, {"verdict", VerdictName(p.verdict)}});
    }
    j["pairs"] = std::move(ps);
    gs.push_back(std::move(j));
  }
  doc["groups"] = std::move(gs);
  return Dump(doc);
}

}  // namespace witness::figures
