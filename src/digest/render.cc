// DigestToJson, DigestToMarkdown, DigestToText.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "witness/digest.h"

namespace witness::digest {
namespace {

using Json = nlohmann::ordered_json;

// Numbered references: article id -> 1-based number, in timeline order (then any others).
std::map<std::string, int> References(const Digest& d) {
  std::map<std::string, int> refs;
  for (const TimelineEntry& e : d.timeline)
    refs.emplace(e.article_id, static_cast<int>(refs.size()) + 1);
  for (const Summary* s : {&d.brief, &d.full}) {
    for (const SummarySentence& x : s->sentences) {
      for (const Citation& c : x.citations) {
        refs.emplace(c.article_id, static_cast<int>(refs.size()) + 1);
      }
    }
  }
  return refs;
}

std::string RefList(const SummarySentence& s, const std::map<std::string, int>& refs) {
  std::vector<int> numbers;
  for (const Citation& c : s.citations) numbers.push_back(refs.at(c.article_id));
  std::sort(numbers.begin(), numbers.end());
  std::string out = "[";
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(numbers[i]);
  }
  return out + "]";
}

double Round(double x) { return std::round(x * 1e4) / 1e4; }

Json SummaryJson(const Summary& s) {
  Json j;
  j["target_words"] = s.target_words;
  j["words"] = s.words;
  j["text"] = s.Text();
  Json sentences = Json::array();
  for (const SummarySentence& x : s.sentences) {
    Json js;
    js["text"] = x.text;
    js["article"] = x.article_id;
    js["source"] = x.source;
    js["begin"] = x.span.begin;
    js["end"] = x.span.end;
    js["words"] = x.words;
    js["score"] = Round(x.score);
    Json cites = Json::array();
    for (const Citation& c : x.citations) {
      Json jc;
      jc["article"] = c.article_id;
      jc["source"] = c.source;
      jc["begin"] = c.span.begin;
      jc["end"] = c.span.end;
      jc["similarity"] = Round(c.similarity);
      jc["copy"] = c.copy;
      cites.push_back(std::move(jc));
    }
    js["citations"] = std::move(cites);
    sentences.push_back(std::move(js));
  }
  j["sentences"] = std::move(sentences);
  return j;
}

// Markdown inline text: characters that would start markup are escaped.
std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
        out += '\\';
        [[fallthrough]];
      default:
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
  }
  return out;
}

// One line: line breaks become spaces.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string Overview(const Digest& d) {
  std::string out = std::to_string(d.articles) + (d.articles == 1 ? " article" : " articles") +
                    " from " + std::to_string(d.sources) +
                    (d.sources == 1 ? " source" : " sources");
  std::string first, last;
  for (const TimelineEntry& e : d.timeline) {
    if (e.published.empty()) continue;
    if (first.empty()) first = e.published;
    last = e.published;
  }
  if (!first.empty()) {
    out += first == last ? ", " + first.substr(0, 10)
                         : ", " + first.substr(0, 10) + " to " + last.substr(0, 10);
  }
  return out + ".";
}

std::string SourceLine(const TimelineEntry& e) {
  std::string out = e.source.empty() ? "unknown source" : e.source;
  if (!e.published.empty()) out += ", " + e.published;
  return out;
}

}  // namespace

std::string DigestToJson(const Digest& d, std::span<const DigestSection> sections) {
  Json j;
  j["title"] = d.title;
  j["articles"] = d.articles;
  j["sources"] = d.sources;
  j["sentences"] = d.sentences;
  j["candidates"] = d.candidates;
  j["brief"] = SummaryJson(d.brief);
  j["full"] = SummaryJson(d.full);
  Json timeline = Json::array();
  for (const TimelineEntry& e : d.timeline) {
    Json je;
    je["published"] = e.published;
    je["article"] = e.article_id;
    je["source"] = e.source;
    je["headline"] = e.headline;
    je["headline_from_text"] = e.headline_from_text;
    timeline.push_back(std::move(je));
  }
  j["timeline"] = std::move(timeline);
  j["warnings"] = d.warnings;
  if (!sections.empty()) {
    Json js = Json::object();
    for (const DigestSection& s : sections) {
      if (s.key.empty() || s.json.empty()) continue;
      Json value = Json::parse(s.json, nullptr, /*allow_exceptions=*/false);
      js[s.key] = value.is_discarded() ? Json(s.json) : std::move(value);
    }
    j["sections"] = std::move(js);
  }
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string DigestToMarkdown(const Digest& d, std::span<const DigestSection> sections) {
  const std::map<std::string, int> refs = References(d);
  std::string out =
      "# " + (d.title.empty() ? std::string("Story digest") : EscapeMarkdown(d.title)) + "\n\n";
  out += Overview(d) + "\n\n";
  auto summary = [&](const char* heading, const Summary& s) {
    if (s.sentences.empty()) return;
    out += std::string("## ") + heading + "\n\n";
    for (const SummarySentence& x : s.sentences) {
      out += EscapeMarkdown(x.text) + " " + RefList(x, refs) + "\n";
    }
    out += "\n";
  };
  summary("Summary", d.brief);
  if (d.full.sentences.size() > d.brief.sentences.size()) summary("In more detail", d.full);
  if (!d.timeline.empty()) {
    out += "## Timeline\n\n| Published | Source | Headline |\n|---|---|---|\n";
    for (const TimelineEntry& e : d.timeline) {
      out += "| " + (e.published.empty() ? std::string("undated") : EscapeMarkdown(e.published)) +
             " | " + EscapeMarkdown(e.source) + " | " + EscapeMarkdown(e.headline) +
             (e.headline_from_text ? " *(opening)*" : "") + " |\n";
    }
    out += "\n";
  }
  for (const DigestSection& s : sections) {
    if (s.markdown.empty()) continue;
    out += "## " + EscapeMarkdown(s.heading.empty() ? s.key : s.heading) + "\n\n" + s.markdown;
    if (!s.markdown.ends_with('\n')) out += '\n';
    out += '\n';
  }
  if (!d.warnings.empty()) {
    out += "## Warnings\n\n";
    for (const std::string& w : d.warnings) out += "- " + EscapeMarkdown(w) + "\n";
    out += "\n";
  }
  out += "## Sources\n\n";
  std::vector<std::pair<int, std::string>> numbered;
  for (const auto& [id, n] : refs) numbered.emplace_back(n, id);
  std::sort(numbered.begin(), numbered.end());
  for (const auto& [n, id] : numbered) {
    const TimelineEntry* e = nullptr;
    for (const TimelineEntry& t : d.timeline) {
      if (t.article_id == id) e = &t;
    }
    out += std::to_string(n) + ". `" + OneLine(id) + "`";
    if (e != nullptr) {
      out += ' ';
      out += EscapeMarkdown(SourceLine(*e));
      if (!e->headline.empty()) {
        out += ": ";
        out += EscapeMarkdown(e->headline);
      }
    }
    out += "\n";
  }
  return out;
}

std::string DigestToText(const Digest& d, std::span<const DigestSection> sections) {
  const std::map<std::string, int> refs = References(d);
  std::string out = OneLine(d.title.empty() ? std::string("Story digest") : d.title) + "\n";
  out += Overview(d) + "\n\n";
  auto summary = [&](const char* heading, const Summary& s) {
    if (s.sentences.empty()) return;
    out += std::string(heading) + "\n";
    for (const SummarySentence& x : s.sentences)
      out += "  " + x.text + " " + RefList(x, refs) + "\n";
    out += "\n";
  };
  summary("Summary:", d.brief);
  if (d.full.sentences.size() > d.brief.sentences.size()) summary("In more detail:", d.full);
  if (!d.timeline.empty()) {
    out += "Timeline:\n";
    for (const TimelineEntry& e : d.timeline) {
      out += "  " + (e.published.empty() ? std::string("undated") : OneLine(e.published)) + "  " +
             OneLine(e.source) + "  " + OneLine(e.headline) + "\n";
    }
    out += "\n";
  }
  for (const DigestSection& s : sections) {
    const std::string& body = s.text.empty() ? s.markdown : s.text;
    if (body.empty()) continue;
    out += OneLine(s.heading.empty() ? s.key : s.heading) + ":\n" + body;
    if (!body.ends_with('\n')) out += '\n';
    out += '\n';
  }
  if (!d.warnings.empty()) {
    out += "Warnings:\n";
    for (const std::string& w : d.warnings) out += "  " + OneLine(w) + "\n";
    out += "\n";
  }
  out += "Sources:\n";
  std::vector<std::pair<int, std::string>> numbered;
  for (const auto& [id, n] : refs) numbered.emplace_back(n, id);
  std::sort(numbered.begin(), numbered.end());
  for (const auto& [n, id] : numbered) {
    out += "  [" + std::to_string(n) + "] " + OneLine(id);
    for (const TimelineEntry& t : d.timeline) {
      if (t.article_id != id) continue;
      out += "  " + OneLine(SourceLine(t));
      if (!t.headline.empty()) out += "  " + OneLine(t.headline);
      break;
    }
    out += "\n";
  }
  return out;
}

}  // namespace witness::digest
