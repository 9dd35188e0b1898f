// ClusterJsonLines (`witness cluster`), StoryToJson, MemberToJson.
#include <algorithm>
#include <cmath>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "witness/stories.h"
#include "witness/text.h"

namespace witness::stories {
namespace {

using Json = nlohmann::json;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

bool StartsWithTag(std::string_view s, size_t i, std::string_view tag) {
  if (i + 1 + tag.size() > s.size()) return false;
  for (size_t k = 0; k < tag.size(); ++k) {
    char c = s[i + 1 + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != tag[k]) return false;
  }
  char after = i + 1 + tag.size() < s.size() ? s[i + 1 + tag.size()] : '>';
  return after == '>' || after == ' ' || after == '/' || after == '\t' || after == '\n';
}

size_t FindCaseless(std::string_view s, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    size_t k = 0;
    for (; k < needle.size(); ++k) {
      char c = s[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != needle[k]) break;
    }
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// A plain-text rendering of an HTML fragment, good enough to compare words: script, style and
// head contents dropped, block tags become paragraph breaks, other tags spaces, the common
// entities decoded. (The ingest pipeline has the real extractor; this serves raw JSON Lines.)
std::string StripHtml(std::string_view h) {
  static constexpr std::string_view kDrop[] = {"script", "style", "head", "noscript", "template"};
  static constexpr std::string_view kBlock[] = {
      "p",   "br",  "div",        "li",      "h1",      "h2",  "h3",         "h4",  "h5",
      "h6",  "tr",  "blockquote", "section", "article", "/p",  "/div",       "/li", "/h1",
      "/h2", "/h3", "/h4",        "/h5",     "/h6",     "/tr", "/blockquote"};
  std::string out;
  out.reserve(h.size());
  for (size_t i = 0; i < h.size();) {
    char c = h[i];
    if (c == '<') {
      bool dropped = false;
      for (std::string_view d : kDrop) {
        if (StartsWithTag(h, i, d)) {
          size_t end = FindCaseless(h, "</" + std::string(d), i + 1);
          size_t close = end == std::string_view::npos ? h.size() : h.find('>', end);
          i = close == std::string_view::npos ? h.size() : close + 1;
          dropped = true;
          break;
        }
      }
      if (dropped) continue;
      bool block = false;
      for (std::string_view b : kBlock)
        if (StartsWithTag(h, i, b)) block = true;
      size_t close = h.find('>', i);
      i = close == std::string_view::npos ? h.size() : close + 1;
      out += block ? "\n\n" : " ";
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"},
          {"&lt;", "<"},
          {"&gt;", ">"},
          {"&quot;", "\""},
          {"&#39;", "'"},
          {"&apos;", "'"},
          {"&nbsp;", " "},
          {"&#8217;", "\xE2\x80\x99"},
          {"&rsquo;", "\xE2\x80\x99"},
          {"&lsquo;", "\xE2\x80\x98"},
          {"&ldquo;", "\xE2\x80\x9C"},
          {"&rdquo;", "\xE2\x80\x9D"},
          {"&mdash;", "\xE2\x80\x94"},
          {"&ndash;", "\xE2\x80\x93"}};
      bool decoded = false;
      for (const auto& [ent, rep] : kEntities) {
        if (h.substr(i, ent.size()) == ent) {
          out += rep;
          i += ent.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// Reads an optional string field; false (with *error) when present but not a string.
bool StringField(const Json& obj, const char* name, std::string* out, std::string* error) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return true;
  if (it->is_string()) {
    *out = it->get<std::string>();
    return true;
  }
  if (std::string_view(name) == "id" && it->is_number_integer()) {
    *out = it->dump();
    return true;
  }
  *error = std::string("field \"") + name + "\" is not a string";
  return false;
}

struct Line {
  uint64_t number = 0;
  std::string id;     // article id, or empty for an error line
  std::string error;  // one-line reason
  bool duplicate = false;
};

// Parses one line into `article`; returns "" or the error.
std::string ParseLine(std::string_view text, uint64_t number, ArticleInput* article) {
  Json j;
  try {
    j = Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    std::string what = e.what();
    // nlohmann's messages start with "[json.exception.parse_error.101] "; keep the reason.
    size_t p = what.find("] ");
    return "not JSON: " + (p == std::string::npos ? what : what.substr(p + 2));
  }
  if (!j.is_object()) return "not a JSON object";
  std::string error, html;
  if (!StringField(j, "id", &article->id, &error) ||
      !StringField(j, "source", &article->source, &error) ||
      !StringField(j, "title", &article->title, &error) ||
      !StringField(j, "published", &article->published, &error) ||
      !StringField(j, "text", &article->text, &error) || !StringField(j, "html", &html, &error) ||
      !StringField(j, "copy_of", &article->copy_of, &error))
    return error;
  if (article->text.empty() && !html.empty()) article->text = StripHtml(html);
  if (article->id.empty()) article->id = "line:" + std::to_string(number);
  return "";
}

}  // namespace

Status ClusterJsonLines(std::istream& in, std::ostream& out, const ClusterJsonOptions& options,
                        ClusterJsonStats* stats) {
  StoryOptions so = options.story;
  so.clean_text = !options.keep_boilerplate;
  Clusterer clusterer(so);
  ClusterJsonStats st;
  std::vector<Line> lines;
  std::vector<std::pair<size_t, ArticleInput>> pending;  // sort_by_time: (line index, article)

  auto add = [&](size_t li, const ArticleInput& a) {
    StatusOr<StoryAssignment> r = clusterer.Add(a);
    if (!r.ok()) {
      lines[li].error = r.status().message();
      lines[li].id.clear();
      ++st.errors;
      --st.articles;
      return;
    }
    lines[li].duplicate = r->kind == AssignmentKind::kDuplicate;
  };

  std::string text;
  uint64_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    std::string_view v = text;
    while (!v.empty() && (v.back() == '\r' || v.back() == ' ' || v.back() == '\t'))
      v.remove_suffix(1);
    size_t k = 0;
    while (k < v.size() && (v[k] == ' ' || v[k] == '\t')) ++k;
    if (k == v.size()) continue;
    ++st.lines;
    Line line;
    line.number = number;
    ArticleInput a;
    std::string repaired;
    if (!text::IsValidUtf8(v)) {  // repair rather than reject (ingest.h does the same)
      repaired = text::Normalize(v).text;
      v = repaired;
    }
    std::string error = ParseLine(v, number, &a);
    if (!error.empty()) {
      line.error = std::move(error);
      ++st.errors;
      lines.push_back(std::move(line));
      continue;
    }
    ++st.articles;
    line.id = a.id;
    lines.push_back(std::move(line));
    if (options.sort_by_time) {
      pending.emplace_back(lines.size() - 1, std::move(a));
    } else {
      add(lines.size() - 1, a);
    }
  }
  if (in.bad()) return Status::IoError("cluster: reading the input failed");

  if (options.sort_by_time) {
    std::vector<std::pair<std::optional<int64_t>, size_t>> order;
    order.reserve(pending.size());
    for (size_t i = 0; i < pending.size(); ++i)
      order.push_back({ParsePublished(pending[i].second.published), i});
    std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
      if (x.first.has_value() != y.first.has_value()) return x.first.has_value();
      return x.first.has_value() && *x.first < *y.first;
    });
    for (const auto& [t, i] : order) add(pending[i].first, pending[i].second);
    pending.clear();
  }

  for (const Line& line : lines) {
    Json j;
    if (line.id.empty()) {
      j["line"] = line.number;
      j["error"] = line.error;
    } else {
      j["id"] = line.id;
      std::optional<std::string> s = clusterer.StoryOf(line.id);
      j["story"] = s ? *s : "";
      if (line.duplicate) j["duplicate"] = true;
    }
    out << Dump(j) << '\n';
  }
  out.flush();
  st.stories = clusterer.story_count();
  if (stats) *stats = st;
  if (!out) return Status::IoError("cluster: writing the output failed");
  return Status::OK();
}

std::string StoryToJson(const Story& s) {
  Json j;
  j["id"] = s.id;
  j["label"] = s.label;
  j["label_article"] = s.label_article;
  j["first"] = s.first;
  j["last"] = s.last;
  j["articles"] = s.articles;
  Json sources = Json::array();
  for (const SourceCount& c : s.sources)
    sources.push_back({{"source", c.source}, {"articles", c.articles}});
  j["sources"] = std::move(sources);
  j["aliases"] = s.aliases;
  return Dump(j);
}

std::string MemberToJson(const StoryMember& m) {
  Json j;
  j["article"] = m.article;
  j["source"] = m.source;
  j["published"] = m.published;
  j["headline"] = m.headline;
  j["score"] = std::round(m.score * 1e4) / 1e4;
  j["via_copy"] = m.via_copy;
  return Dump(j);
}

}  // namespace witness::stories
