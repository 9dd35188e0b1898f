// QuotesToJson: the JSON shape documented in witness/quotes.h.
#include <nlohmann/json.hpp>

#include "witness/quotes.h"

namespace witness::quotes {
namespace {

using nlohmann::ordered_json;

// The bytes of a span, clamped to the text (a span past the end gives what is there).
std::string Slice(std::string_view text, text::Span s) {
  const size_t b = std::min<size_t>(s.begin, text.size());
  const size_t e = std::min<size_t>(std::max(s.begin, s.end), text.size());
  return std::string(text.substr(b, e - b));
}

ordered_json SpanJson(std::string_view text, text::Span s) {
  ordered_json j;
  j["begin"] = s.begin;
  j["end"] = s.end;
  j["text"] = Slice(text, s);
  return j;
}

}  // namespace

std::string QuotesToJson(const Extraction& ex, std::string_view text, int indent) {
  ordered_json root;
  ordered_json quotes = ordered_json::array();
  for (const Quote& q : ex.quotes) {
    ordered_json j;
    j["kind"] = QuoteKindName(q.kind);
    j["begin"] = q.content.begin;
    j["end"] = q.content.end;
    j["text"] = Slice(text, q.content);
    ordered_json parts = ordered_json::array();
    for (const text::Span& p : q.parts) parts.push_back(SpanJson(text, p));
    j["parts"] = std::move(parts);
    if (q.cue.end > q.cue.begin) {
      ordered_json cue = SpanJson(text, q.cue);
      cue["lemma"] = q.cue_lemma;
      j["cue"] = std::move(cue);
    } else {
      j["cue"] = nullptr;
    }
    if (q.speaker.end > q.speaker.begin) {
      ordered_json sp = SpanJson(text, q.speaker);
      sp["name"] = q.speaker_name;
      sp["entity"] = q.speaker_entity;
      j["speaker"] = std::move(sp);
    } else {
      j["speaker"] = nullptr;
    }
    // Two decimals are all the precision the confidence has.
    j["confidence"] = static_cast<double>(static_cast<int>(q.confidence * 100.0f + 0.5f)) / 100.0;
    j["closed"] = q.closed;
    quotes.push_back(std::move(j));
  }
  root["quotes"] = std::move(quotes);
  ordered_json entities = ordered_json::array();
  for (size_t i = 0; i < ex.entities.size(); ++i) {
    const Entity& e = ex.entities[i];
    ordered_json j;
    j["id"] = i;
    j["name"] = e.name;
    j["kind"] = EntityKindName(e.kind);
    j["aliases"] = e.aliases;
    j["role"] = e.role;
    j["country"] = e.country;
    j["former"] = e.former;
    j["mentions"] = e.mentions;
    entities.push_back(std::move(j));
  }
  root["entities"] = std::move(entities);
  std::string out = root.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
  out += '\n';
  return out;
}

}  // namespace witness::quotes
