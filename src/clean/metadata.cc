#include "clean/metadata.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "clean/html_text.h"

namespace witness::clean {

namespace {

using Json = nlohmann::json;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool LooksLikeUrl(std::string_view s) {
  s = TrimAscii(s);
  return StartsWith(s, "http://") || StartsWith(s, "https://") || StartsWith(s, "//") ||
         StartsWith(s, "www.");
}

// ---- Entities ----

struct NamedEntity {
  const char* name;
  uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},     {"hellip", 0x2026}, {"mdash", 0x2014},
    {"ndash", 0x2013}, {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"sbquo", 0x201A},  {"bdquo", 0x201E},  {"laquo", 0xAB},
    {"raquo", 0xBB},   {"copy", 0xA9},     {"reg", 0xAE},      {"trade", 0x2122},
    {"middot", 0xB7},  {"bull", 0x2022},   {"deg", 0xB0},      {"euro", 0x20AC},
    {"pound", 0xA3},   {"yen", 0xA5},      {"cent", 0xA2},     {"times", 0xD7},
    {"divide", 0xF7},  {"shy", 0xAD},      {"iexcl", 0xA1},    {"iquest", 0xBF},
    {"eacute", 0xE9},  {"Eacute", 0xC9},   {"egrave", 0xE8},   {"Egrave", 0xC8},
    {"ecirc", 0xEA},   {"euml", 0xEB},     {"aacute", 0xE1},   {"Aacute", 0xC1},
    {"agrave", 0xE0},  {"Agrave", 0xC0},   {"acirc", 0xE2},    {"atilde", 0xE3},
    {"auml", 0xE4},    {"Auml", 0xC4},     {"aring", 0xE5},    {"iacute", 0xED},
    {"Iacute", 0xCD},  {"igrave", 0xEC},   {"icirc", 0xEE},    {"iuml", 0xEF},
    {"oacute", 0xF3},  {"Oacute", 0xD3},   {"ograve", 0xF2},   {"ocirc", 0xF4},
    {"otilde", 0xF5},  {"ouml", 0xF6},     {"Ouml", 0xD6},     {"oslash", 0xF8},
    {"uacute", 0xFA},  {"Uacute", 0xDA},   {"ugrave", 0xF9},   {"ucirc", 0xFB},
    {"uuml", 0xFC},    {"Uuml", 0xDC},     {"ntilde", 0xF1},   {"Ntilde", 0xD1},
    {"ccedil", 0xE7},  {"Ccedil", 0xC7},   {"szlig", 0xDF},    {"aelig", 0xE6},
    {"oelig", 0x153},  {"rdquor", 0x201D}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},   {"zwj", 0x200D},
    {"zwnj", 0x200C},  {"lrm", 0x200E},    {"rlm", 0x200F},    {"para", 0xB6},
    {"sect", 0xA7},    {"frac12", 0xBD},   {"frac14", 0xBC},   {"frac34", 0xBE},
    {"plusmn", 0xB1},  {"micro", 0xB5},    {"ordm", 0xBA},     {"ordf", 0xAA},
};

// ---- Dates ----

constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};

int MonthFromName(std::string_view word) {
  if (word.size() < 3) return 0;
  std::string w = AsciiLower(word.substr(0, 3));
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (w == kMonths[m]) return static_cast<int>(m) + 1;
  }
  return 0;
}

struct DateParts {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;
  bool has_zone = false;
  int zone_minutes = 0;
};

bool ValidDate(const DateParts& d) {
  return d.year >= 1800 && d.year <= 2200 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= 31 && (d.hour < 0 || (d.hour <= 23 && d.minute <= 59 && d.second <= 60)) &&
         d.zone_minutes >= -14 * 60 && d.zone_minutes <= 14 * 60;
}

std::string FormatDate(const DateParts& d) {
  char buf[64];
  if (d.hour < 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day,
                        d.hour, d.minute, std::min(d.second, 59));
  std::string out(buf, static_cast<size_t>(n));
  if (d.has_zone) {
    if (d.zone_minutes == 0) {
      out += 'Z';
    } else {
      int z = d.zone_minutes < 0 ? -d.zone_minutes : d.zone_minutes;
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", d.zone_minutes < 0 ? '-' : '+', z / 60,
                    z % 60);
      out += buf;
    }
  }
  return out;
}

// Reads `count` digits at s[*i].
bool Digits(std::string_view s, size_t* i, size_t count, int* value) {
  if (*i + count > s.size()) return false;
  int v = 0;
  for (size_t k = 0; k < count; ++k) {
    char c = s[*i + k];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  *i += count;
  return true;
}

// Reads 1 or 2 digits.
bool SmallNumber(std::string_view s, size_t* i, int* value) {
  if (*i >= s.size() || !IsDigit(s[*i])) return false;
  int v = s[(*i)++] - '0';
  if (*i < s.size() && IsDigit(s[*i])) v = v * 10 + (s[(*i)++] - '0');
  *value = v;
  return true;
}

// "13:03", "13:03:00", "13:03:00.123", "1:03 PM" at s[*i]; then an optional zone.
void ParseTimeAndZone(std::string_view s, size_t i, DateParts* d) {
  while (i < s.size() && (s[i] == ' ' || s[i] == 'T' || s[i] == 't' || s[i] == ',')) ++i;
  int h = 0, m = 0, sec = 0;
  if (!SmallNumber(s, &i, &h) || i >= s.size() || s[i] != ':') return;
  ++i;
  if (!Digits(s, &i, 2, &m)) return;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!Digits(s, &i, 2, &sec)) return;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && IsDigit(s[i])) ++i;
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  std::string rest = AsciiLower(s.substr(i, 4));
  if (StartsWith(rest, "am") || StartsWith(rest, "pm") || StartsWith(rest, "a.m") ||
      StartsWith(rest, "p.m")) {
    if (h == 12) h = 0;
    if (rest[0] == 'p') h += 12;
    i += StartsWith(rest, "a.m") || StartsWith(rest, "p.m") ? 4 : 2;
    while (i < s.size() && s[i] == ' ') ++i;
  }
  d->hour = h;
  d->minute = m;
  d->second = sec;
  if (i >= s.size()) return;
  if (s[i] == 'Z' || s[i] == 'z' || StartsWith(s.substr(i), "GMT") ||
      StartsWith(s.substr(i), "UTC") || StartsWith(s.substr(i), "UT")) {
    size_t j = i + (s[i] == 'Z' || s[i] == 'z' ? 1 : (StartsWith(s.substr(i), "UT ") ? 2 : 3));
    d->has_zone = true;
    d->zone_minutes = 0;
    i = j;
    if (i >= s.size() || (s[i] != '+' && s[i] != '-')) return;
  }
  if (s[i] == '+' || s[i] == '-') {
    const int sign = s[i] == '-' ? -1 : 1;
    ++i;
    int zh = 0, zm = 0;
    if (!Digits(s, &i, 2, &zh)) return;
    if (i < s.size() && s[i] == ':') ++i;
    Digits(s, &i, 2, &zm);
    d->has_zone = true;
    d->zone_minutes = sign * (zh * 60 + zm);
    return;
  }
  // US zone abbreviations as newspapers print them.
  static constexpr std::pair<std::string_view, int> kZones[] = {
      {"EST", -300}, {"EDT", -240}, {"CST", -360}, {"CDT", -300},
      {"MST", -420}, {"MDT", -360}, {"PST", -480}, {"PDT", -420}};
  for (const auto& [name, minutes] : kZones) {
    if (StartsWith(s.substr(i), name)) {
      d->has_zone = true;
      d->zone_minutes = minutes;
      return;
    }
  }
}

void CivilFromDays(int64_t days, int* y, int* m, int* d) {
  // Howard Hinnant's days-to-civil algorithm.
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t year = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(year + (month <= 2));
  *m = static_cast<int>(month);
  *d = static_cast<int>(day);
}

// ---- JSON-LD ----

bool IsArticleType(std::string_view t) {
  static constexpr std::string_view kTypes[] = {
      "NewsArticle",        "Article",           "BlogPosting",         "ReportageNewsArticle",
      "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle",
      "LiveBlogPosting",    "Report",            "TechArticle",         "ScholarlyArticle",
      "SatiricalArticle",   "AdvertiserContentArticle", "SocialMediaPosting", "Review",
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
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
    else if ((c == '}' || c == ']') && depth > 0) --depth;
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
  for (std::string_view p : {std::string_view("<!--"), std::string_view("//<![CDATA["),
                             std::string_view("<![CDATA[")}) {
    if (StartsWith(s, p)) s = TrimAscii(s.substr(p.size()));
  }
  for (std::string_view p : {std::string_view("-->"), std::string_view("//]]>"),
                             std::string_view("]]>")}) {
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

// ---- <meta> tags ----

class MetaTable {
 public:
  void Add(std::string key, std::string_view value) {
    value = TrimAscii(value);
    if (key.empty() || value.empty()) return;
    if (values_.count(key)) return;  // the first one wins
    order_.push_back(key);
    values_.emplace(std::move(key), std::string(value));
  }
  // The first value, in page order, whose key names a publication date in a way no list
  // can foresee ("sn-post-date", "article.created_date").
  std::string AnyPublicationDate() const {
    for (const std::string& key : order_) {
      if (key.find("date") == std::string::npos && key.find("time") == std::string::npos) {
        continue;
      }
      if (key.find("modif") != std::string::npos || key.find("updat") != std::string::npos ||
          key.find("expir") != std::string::npos) {
        continue;
      }
      if (key.find("pub") == std::string::npos && key.find("post") == std::string::npos &&
          key.find("creat") == std::string::npos && key.find("releas") == std::string::npos &&
          key.find("issue") == std::string::npos) {
        continue;
      }
      const std::string& v = values_.at(key);
      if (!NormalizeDate(v).empty()) return v;
    }
    return "";
  }
  std::string Get(std::initializer_list<const char*> keys) const {
    for (const char* k : keys) {
      auto it = values_.find(k);
      if (it != values_.end() && !it->second.empty()) return it->second;
    }
    return "";
  }

 private:
  std::unordered_map<std::string, std::string> values_;
  std::vector<std::string> order_;
};

std::string TextOf(const Dom& dom, uint32_t i) {
  std::string out;
  bool space = false;
  for (uint32_t k = i + 1; k < dom[i].end; ++k) {
    if (dom[k].is_text()) AppendCollapsed(dom.Text(k), &out, &space);
  }
  return out;
}

std::string CleanAuthor(std::string s) {
  s = CollapseWhitespace(DecodeEntities(s));
  std::string lower = AsciiLower(s.substr(0, 3));
  if (lower == "by " ) s.erase(0, 3);
  if (s.size() > 200) s.clear();
  if (LooksLikeUrl(s)) s.clear();
  return s;
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c != '&') {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t semi = text.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 12) {
      out.push_back(c);
      ++i;
      continue;
    }
    std::string_view ref = text.substr(i + 1, semi - i - 1);
    uint32_t cp = 0;
    if (!ref.empty() && ref[0] == '#') {
      const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
      std::string_view digits = ref.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char d : digits) {
        int v = IsDigit(d) ? d - '0'
                : (hex && ((d | 0x20) >= 'a' && (d | 0x20) <= 'f')) ? (d | 0x20) - 'a' + 10
                                                                    : -1;
        if (v < 0 || cp > 0x10FFFF) {
          ok = false;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (!ok || cp == 0) cp = 0;
    } else {
      for (const NamedEntity& e : kEntities) {
        if (ref == e.name) {
          cp = e.cp;
          break;
        }
      }
    }
    if (cp == 0) {
      out.push_back(c);
      ++i;
      continue;
    }
    AppendUtf8(cp, &out);
    i = semi + 1;
  }
  return out;
}

std::string NormalizeDate(std::string_view text) {
  std::string_view s = TrimAscii(text);
  if (s.empty() || s.size() > 64) return "";
  DateParts d;
  size_t i = 0;
  // Unix time in seconds or milliseconds.
  if (std::all_of(s.begin(), s.end(), IsDigit) && (s.size() == 10 || s.size() == 13)) {
    int64_t t = 0;
    for (char c : s) t = t * 10 + (c - '0');
    if (s.size() == 13) t /= 1000;
    int64_t days = t / 86400, secs = t % 86400;
    CivilFromDays(days, &d.year, &d.month, &d.day);
    d.hour = static_cast<int>(secs / 3600);
    d.minute = static_cast<int>(secs % 3600 / 60);
    d.second = static_cast<int>(secs % 60);
    d.has_zone = true;
    return ValidDate(d) ? FormatDate(d) : "";
  }
  if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, IsDigit) &&
      (s.size() == 8 || s[8] == 'T')) {
    // 20191119 or 20191119T130300Z
    Digits(s, &i, 4, &d.year);
    Digits(s, &i, 2, &d.month);
    Digits(s, &i, 2, &d.day);
    if (i < s.size()) {
      ++i;
      int h, m, sec = 0;
      if (Digits(s, &i, 2, &h) && Digits(s, &i, 2, &m)) {
        Digits(s, &i, 2, &sec);
        d.hour = h, d.minute = m, d.second = sec;
        if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) d.has_zone = true;
      }
    }
    return ValidDate(d) ? FormatDate(d) : "";
  }
  if (s.size() >= 8 && IsDigit(s[0]) && IsDigit(s[3]) && (s[4] == '-' || s[4] == '/' || s[4] == '.')) {
    // 2019-11-19[T13:03:00[.000][Z|+01:00]]
    const char sep = s[4];
    if (!Digits(s, &i, 4, &d.year)) return "";
    ++i;
    if (!SmallNumber(s, &i, &d.month) || i >= s.size() || s[i] != sep) return "";
    ++i;
    if (!SmallNumber(s, &i, &d.day)) return "";
    ParseTimeAndZone(s, i, &d);
    return ValidDate(d) ? FormatDate(d) : "";
  }
  // Words: "Tue, 19 Nov 2019 13:03:00 GMT", "November 19, 2019 1:03 PM", "19 November 2019".
  std::vector<std::string_view> words;
  std::vector<size_t> offsets;
  {
    size_t k = 0;
    while (k < s.size()) {
      while (k < s.size() && (s[k] == ' ' || s[k] == ',' || s[k] == '.')) ++k;
      size_t b = k;
      while (k < s.size() && s[k] != ' ' && s[k] != ',') ++k;
      if (k > b) {
        words.push_back(s.substr(b, k - b));
        offsets.push_back(b);
      }
    }
  }
  int year = 0, month = 0, day = 0;
  size_t last_date_word = 0;
  for (size_t w = 0; w < words.size() && w < 6; ++w) {
    std::string_view word = words[w];
    if (word.find(':') != std::string_view::npos) break;
    if (month == 0 && IsAlpha(word[0])) {
      int m = MonthFromName(word);
      if (m != 0) {
        month = m;
        last_date_word = w;
      }
      continue;
    }
    if (!IsDigit(word[0])) continue;
    size_t k = 0;
    int v = 0;
    while (k < word.size() && IsDigit(word[k])) v = v * 10 + (word[k++] - '0');
    std::string_view suffix = word.substr(k);
    if (k == 4 && suffix.empty() && year == 0) {
      year = v;
      last_date_word = w;
    } else if (k <= 2 && day == 0 &&
               (suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" ||
                suffix == "th")) {
      day = v;
      last_date_word = w;
    }
  }
  if (year == 0 || month == 0 || day == 0) return "";
  d.year = year, d.month = month, d.day = day;
  if (last_date_word + 1 < words.size()) ParseTimeAndZone(s, offsets[last_date_word + 1], &d);
  return ValidDate(d) ? FormatDate(d) : "";
}

std::string NormalizeLanguage(std::string_view text) {
  std::string_view s = TrimAscii(text);
  size_t cut = s.find_first_of(",; ");
  if (cut != std::string_view::npos) s = s.substr(0, cut);
  if (s.empty() || s.size() > 35) return "";
  std::string out;
  size_t part = 0;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '-' && s[j] != '_') ++j;
    std::string_view sub = s.substr(i, j - i);
    if (sub.empty() || sub.size() > 8) return part == 0 ? "" : out;
    for (char c : sub) {
      if (!IsAlpha(c) && !IsDigit(c)) return part == 0 ? "" : out;
    }
    std::string p = AsciiLower(sub);
    if (part == 0) {
      if (sub.size() < 2 || sub.size() > 3 || !std::all_of(sub.begin(), sub.end(), IsAlpha)) {
        return "";
      }
    } else {
      out += '-';
      if (p.size() == 2 && IsAlpha(p[0])) {
        for (char& c : p) c = static_cast<char>(c - 'a' + 'A');
      } else if (p.size() == 4 && IsAlpha(p[0])) {
        p[0] = static_cast<char>(p[0] - 'a' + 'A');
      }
    }
    out += p;
    ++part;
    if (j >= s.size()) break;
    i = j + 1;
  }
  return out;
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  ref = TrimAscii(ref);
  if (ref.empty()) return "";
  if (StartsWith(ref, "http://") || StartsWith(ref, "https://")) return std::string(ref);
  size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return "";
  if (StartsWith(ref, "//")) return std::string(base.substr(0, scheme_end + 1)) + std::string(ref);
  size_t host_end = base.find_first_of("/?#", scheme_end + 3);
  std::string_view origin = base.substr(0, host_end == std::string_view::npos ? base.size() : host_end);
  if (ref[0] == '/') return std::string(origin) + std::string(ref);
  if (ref.find(':') != std::string_view::npos && ref.find(':') < ref.find('/')) return "";
  // Relative path: replace the last segment of the base path.
  std::string_view path = host_end == std::string_view::npos ? "/" : base.substr(host_end);
  size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  size_t slash = path.rfind('/');
  std::string dir(path.substr(0, slash == std::string_view::npos ? 0 : slash + 1));
  if (dir.empty()) dir = "/";
  return std::string(origin) + dir + std::string(ref);
}

std::string StripSiteName(std::string_view title, std::string_view site) {
  std::string t = CollapseWhitespace(title);
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · ",
                                                     " » ", " // "};
  size_t best = std::string::npos;
  std::string_view sep_used;
  for (std::string_view sep : kSeparators) {
    size_t p = t.rfind(sep);
    if (p != std::string::npos && (best == std::string::npos || p > best)) {
      best = p;
      sep_used = sep;
    }
  }
  if (best == std::string::npos || best == 0) return t;
  std::string tail = t.substr(best + sep_used.size());
  std::string head = t.substr(0, best);
  std::string tail_l = AsciiLower(tail), site_l = AsciiLower(site);
  auto squash = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c != ' ' && c != '.' && c != '-') o.push_back(c);
    }
    return o;
  };
  bool names_site = false;
  if (!site_l.empty()) {
    const std::string a = squash(tail_l), b = squash(site_l);
    names_site = !a.empty() && (a == b || a.find(b) != std::string::npos ||
                                b.find(a) != std::string::npos);
  } else {
    // No site name to compare: a short tail after a long head is taken to be the site.
    size_t tail_words = std::count(tail.begin(), tail.end(), ' ') + 1;
    size_t head_words = std::count(head.begin(), head.end(), ' ') + 1;
    names_site = tail_words <= 4 && head_words >= 4 && tail.size() < 40;
  }
  if (!names_site) return t;
  return head;
}

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

PageMetadata ExtractMetadata(const Dom& dom, const std::vector<std::string>& json_ld,
                             std::string_view page_url) {
  PageMetadata m;
  MetaTable meta;
  std::string canonical, html_lang, h1, time_published, time_in_article, time_any;
  size_t time_count = 0;
  for (uint32_t i = 0; i < dom.size(); ++i) {
    const Node& n = dom[i];
    if (n.is_text() || n.foreign) continue;
    switch (n.tag) {
      case GUMBO_TAG_TITLE:
        if (m.html_title.empty()) m.html_title = TextOf(dom, i);
        break;
      case GUMBO_TAG_META: {
        std::string_view content = dom.Attr(i, "content");
        if (content.empty()) content = dom.Attr(i, "value");
        if (std::string_view v = dom.Attr(i, "name"); !v.empty()) meta.Add(AsciiLower(v), content);
        if (std::string_view v = dom.Attr(i, "property"); !v.empty()) {
          meta.Add(AsciiLower(v), content);
        }
        if (std::string_view v = dom.Attr(i, "itemprop"); !v.empty()) {
          std::string_view value = content.empty() ? dom.Attr(i, "datetime") : content;
          meta.Add("itemprop:" + AsciiLower(v), value);
        }
        if (std::string_view v = dom.Attr(i, "http-equiv"); !v.empty()) {
          meta.Add("http-equiv:" + AsciiLower(v), content);
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (canonical.empty()) {
          std::string rel = AsciiLower(dom.Attr(i, "rel"));
          if (rel.find("canonical") != std::string::npos) canonical = dom.Attr(i, "href");
        }
        break;
      case GUMBO_TAG_HTML:
        if (html_lang.empty()) html_lang = dom.Attr(i, "lang");
        if (html_lang.empty()) html_lang = dom.Attr(i, "xml:lang");
        break;
      case GUMBO_TAG_H1:
        if (h1.empty()) h1 = TextOf(dom, i);
        break;
      case GUMBO_TAG_TIME:
        if (time_published.empty() &&
            (dom.HasAttr(i, "pubdate") ||
             AsciiLower(dom.Attr(i, "itemprop")) == "datepublished")) {
          time_published = dom.Attr(i, "datetime");
        }
        if (std::string_view dt = dom.Attr(i, "datetime"); !NormalizeDate(dt).empty()) {
          ++time_count;
          if (time_any.empty()) time_any = dt;
          if (time_in_article.empty()) {
            for (uint32_t a = n.parent; a != kNoNode; a = dom[a].parent) {
              if (dom[a].tag == GUMBO_TAG_ARTICLE || dom[a].tag == GUMBO_TAG_MAIN) {
                time_in_article = dt;
                break;
              }
            }
          }
        }
        break;
      default:
        if (std::string_view ip = dom.Attr(i, "itemprop"); !ip.empty()) {
          std::string key = "itemprop:" + AsciiLower(ip);
          std::string_view value = dom.Attr(i, "content");
          if (value.empty()) value = dom.Attr(i, "datetime");
          if (!value.empty()) meta.Add(key, value);
        }
        break;
    }
  }

  bool have_ld = false;
  JsonLdArticle ld = ParseJsonLd(json_ld, &have_ld);
  const std::string& ld_any_date = ld.any_date_published;

  // Site first: the title's cleanup uses it.
  m.site = CollapseWhitespace(DecodeEntities(meta.Get({"og:site_name"})));
  if (m.site.empty()) m.site = ld.publisher;
  if (m.site.empty()) m.site = CollapseWhitespace(DecodeEntities(meta.Get({"application-name"})));

  std::string title = ld.headline;
  if (title.empty()) title = meta.Get({"og:title", "twitter:title", "title", "dc.title",
                                        "headline", "itemprop:headline"});
  if (title.empty()) title = m.html_title;
  if (title.empty()) title = h1;
  m.title = StripSiteName(DecodeEntities(title), m.site);

  std::string published = ld.date_published;
  if (NormalizeDate(published).empty()) {
    published = meta.Get({"article:published_time", "itemprop:datepublished",
                          "og:published_time", "published_time", "pubdate", "publishdate",
                          "publish-date", "publish_date", "date", "dc.date", "dc.date.issued",
                          "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
                          "article.published", "publication_date", "original-publish-date",
                          "datepublished", "article:published", "cxenseparse:recs:publishtime",
                          "date.created", "pub_date", "article_date_original"});
  }
  if (NormalizeDate(published).empty()) published = time_published;
  if (NormalizeDate(published).empty()) published = ld_any_date;
  if (NormalizeDate(published).empty()) published = meta.AnyPublicationDate();
  // A <time> in the article (or the page's only one) dates the article.
  if (NormalizeDate(published).empty()) published = time_in_article;
  if (NormalizeDate(published).empty() && time_count == 1) published = time_any;
  m.published = NormalizeDate(published);

  m.author = CleanAuthor(ld.author);
  if (m.author.empty()) {
    m.author = CleanAuthor(meta.Get({"author", "article:author", "byl", "sailthru.author",
                                     "parsely-author", "dc.creator", "dcterms.creator",
                                     "itemprop:author", "twitter:creator:name"}));
  }

  std::string url = canonical;
  if (url.empty()) url = meta.Get({"og:url", "twitter:url"});
  if (url.empty()) url = ld.url;
  std::string base(page_url);
  if (base.empty()) base = meta.Get({"og:url"});
  if (!url.empty()) {
    std::string resolved = ResolveUrl(base, DecodeEntities(url));
    if (resolved.empty() && (StartsWith(url, "http://") || StartsWith(url, "https://"))) {
      resolved = url;
    }
    url = resolved;
  }
  if (url.empty()) url = std::string(page_url);
  m.url = url;

  std::string lang = html_lang;
  if (NormalizeLanguage(lang).empty()) {
    lang = meta.Get({"http-equiv:content-language", "language", "content-language", "dc.language",
                     "og:locale", "itemprop:inlanguage"});
  }
  if (NormalizeLanguage(lang).empty()) lang = ld.language;
  m.language = NormalizeLanguage(lang);

  m.description = CollapseWhitespace(
      DecodeEntities(meta.Get({"og:description", "description", "twitter:description"})));
  if (m.description.empty()) m.description = ld.description;
  m.json_ld_body = ld.body;
  return m;
}

}  // namespace witness::clean
