// JSON-LD: the article object of a page's structured data.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clean/html_text.h"
#include "clean/metadata.h"

namespace witness::clean {

namespace {

using Json = nlohmann::json;

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ---- JSON-LD ----

bool IsArticleType(std::string_view t) {
  static constexpr std::string_view kTypes[] = {"NewsArticle",
                                                "Article",
                                                "BlogPosting",
                                                "ReportageNewsArticle",
                                                "AnalysisNewsArticle",
                                                "OpinionNewsArticle",
                                                "BackgroundNewsArticle",
                                                "ReviewNewsArticle",
                                                "LiveBlogPosting",
                                                "Report",
                                                "TechArticle",
                                                "ScholarlyArticle",
                                                "SatiricalArticle",
                                                "AdvertiserContentArticle",
                                                "SocialMediaPosting",
                                                "Review",
                                                "AskPublicEditorNewsArticle"};
  if (StartsWith(t, "http://schema.org/")) t.remove_prefix(18);
  if (StartsWith(t, "https://schema.org/")) t.remove_prefix(19);
  for (std::string_view k : kTypes) {
    if (t == k) return true;
  }
  return false;
}

// The first Article-kind type named by an object's @type, or "".
std::string ArticleTypeOf(const Json& obj) {
  auto it = obj.find("@type");
  if (it == obj.end()) return "";
  if (it->is_string()) {
    const std::string& t = it->get_ref<const std::string&>();
    return IsArticleType(t) ? t : "";
  }
  if (it->is_array()) {
    for (const Json& t : *it) {
      if (t.is_string() && IsArticleType(t.get_ref<const std::string&>())) {
        return t.get<std::string>();
      }
    }
  }
  return "";
}

std::string StringOf(const Json& v) {
  if (v.is_string()) return CollapseWhitespace(DecodeEntities(v.get_ref<const std::string&>()));
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_array() && !v.empty()) return StringOf(v.front());
  if (v.is_object()) {
    for (const char* key : {"name", "@value", "@id", "url"}) {
      auto it = v.find(key);
      if (it != v.end() && it->is_string()) return StringOf(*it);
    }
  }
  return "";
}

std::string Field(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? "" : StringOf(*it);
}

// Names of people: a string, {"name":...}, or an array of those.
std::string NamesOf(const Json& v) {
  std::vector<std::string> names;
  auto add = [&](const Json& one) {
    std::string name;
    if (one.is_string()) {
      name = StringOf(one);
    } else if (one.is_object()) {
      auto it = one.find("name");
      if (it != one.end()) name = StringOf(*it);
    }
    if (!name.empty() && !LooksLikeUrl(name) &&
        std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(std::move(name));
    }
  };
  if (v.is_array()) {
    for (const Json& one : v) {
      if (names.size() >= 8) break;
      add(one);
    }
  } else {
    add(v);
  }
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// Deepest bracket nesting outside strings (guards the parser and the walks below).
size_t JsonDepth(std::string_view s) {
  size_t depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '{' || c == '[')
      max_depth = std::max(max_depth, ++depth);
    else if ((c == '}' || c == ']') && depth > 0)
      --depth;
  }
  return max_depth;
}

// Raw control characters inside strings are common in real JSON-LD and invalid JSON.
std::string RepairJson(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\' && i + 1 < s.size()) {
        out.push_back(c);
        out.push_back(s[++i]);
        continue;
      }
      if (c == '"') in_string = false;
      if (static_cast<unsigned char>(c) < 0x20) {
        out.push_back(' ');
        continue;
      }
      out.push_back(c);
      continue;
    }
    if (c == '"') in_string = true;
    out.push_back(c);
  }
  return out;
}

std::string_view UnwrapScript(std::string_view s) {
  s = TrimAscii(s);
  for (std::string_view p :
       {std::string_view("<!--"), std::string_view("//<![CDATA["), std::string_view("<![CDATA[")}) {
    if (StartsWith(s, p)) s = TrimAscii(s.substr(p.size()));
  }
  for (std::string_view p :
       {std::string_view("-->"), std::string_view("//]]>"), std::string_view("]]>")}) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) {
      s = TrimAscii(s.substr(0, s.size() - p.size()));
    }
  }
  return s;
}

// Every object in a JSON value, in document order (iterative walk).
void CollectObjects(const Json& root, std::vector<const Json*>* out) {
  std::vector<const Json*> stack{&root};
  while (!stack.empty()) {
    const Json* v = stack.back();
    stack.pop_back();
    if (v->is_object()) {
      out->push_back(v);
      std::vector<const Json*> children;
      for (auto it = v->begin(); it != v->end(); ++it) {
        if (it->is_structured()) children.push_back(&*it);
      }
      for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
    } else if (v->is_array()) {
      for (auto it = v->rbegin(); it != v->rend(); ++it) {
        if (it->is_structured()) stack.push_back(&*it);
      }
    }
  }
}

}  // namespace

JsonLdArticle ParseJsonLd(const std::vector<std::string>& blocks, bool* found) {
  JsonLdArticle best;
  *found = false;
  int best_rank = -1;
  std::string any_date;
  for (const std::string& raw : blocks) {
    std::string_view text = UnwrapScript(raw);
    if (text.empty() || JsonDepth(text) > 64) continue;
    Json root = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
      root = Json::parse(RepairJson(text), nullptr, false);
      if (root.is_discarded()) continue;
    }
    std::vector<const Json*> objects;
    CollectObjects(root, &objects);
    for (const Json* obj : objects) {
      if (any_date.empty()) {
        std::string d = Field(*obj, "datePublished");
        if (!NormalizeDate(d).empty()) any_date = std::move(d);
      }
      std::string type = ArticleTypeOf(*obj);
      if (type.empty()) continue;
      JsonLdArticle a;
      a.type = type;
      a.headline = Field(*obj, "headline");
      if (a.headline.empty()) a.headline = Field(*obj, "name");
      a.date_published = Field(*obj, "datePublished");
      if (a.date_published.empty()) a.date_published = Field(*obj, "dateCreated");
      if (auto it = obj->find("author"); it != obj->end()) a.author = NamesOf(*it);
      if (auto it = obj->find("creator"); a.author.empty() && it != obj->end()) {
        a.author = NamesOf(*it);
      }
      if (auto it = obj->find("publisher"); it != obj->end()) a.publisher = NamesOf(*it);
      a.url = Field(*obj, "url");
      if (a.url.empty()) {
        if (auto it = obj->find("mainEntityOfPage"); it != obj->end()) a.url = StringOf(*it);
      }
      a.language = Field(*obj, "inLanguage");
      a.description = Field(*obj, "description");
      if (auto it = obj->find("articleBody"); it != obj->end() && it->is_string()) {
        std::string body = DecodeEntities(it->get_ref<const std::string&>());
        if (body.find('<') != std::string::npos) body = StripTags(body);
        a.body = std::move(body);
      }
      // Prefer the object that says most about the article.
      int rank = (a.body.empty() ? 0 : 4) + (a.headline.empty() ? 0 : 2) +
                 (a.date_published.empty() ? 0 : 1);
      if (rank > best_rank) {
        best_rank = rank;
        best = std::move(a);
        *found = true;
      }
    }
  }
  best.any_date_published = std::move(any_date);
  return best;
}

}  // namespace witness::clean
