// The string normalisers behind page metadata: dates, language tags, URLs, character
// references, site names in titles.
#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "clean/html_text.h"
#include "clean/metadata.h"

namespace witness::clean {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ---- Entities ----

struct NamedEntity {
  const char* name;
  uint32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},        {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013},  {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"sbquo", 0x201A},  {"bdquo", 0x201E},
    {"laquo", 0xAB},   {"raquo", 0xBB},    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},
    {"middot", 0xB7},  {"bull", 0x2022},   {"deg", 0xB0},     {"euro", 0x20AC},   {"pound", 0xA3},
    {"yen", 0xA5},     {"cent", 0xA2},     {"times", 0xD7},   {"divide", 0xF7},   {"shy", 0xAD},
    {"iexcl", 0xA1},   {"iquest", 0xBF},   {"eacute", 0xE9},  {"Eacute", 0xC9},   {"egrave", 0xE8},
    {"Egrave", 0xC8},  {"ecirc", 0xEA},    {"euml", 0xEB},    {"aacute", 0xE1},   {"Aacute", 0xC1},
    {"agrave", 0xE0},  {"Agrave", 0xC0},   {"acirc", 0xE2},   {"atilde", 0xE3},   {"auml", 0xE4},
    {"Auml", 0xC4},    {"aring", 0xE5},    {"iacute", 0xED},  {"Iacute", 0xCD},   {"igrave", 0xEC},
    {"icirc", 0xEE},   {"iuml", 0xEF},     {"oacute", 0xF3},  {"Oacute", 0xD3},   {"ograve", 0xF2},
    {"ocirc", 0xF4},   {"otilde", 0xF5},   {"ouml", 0xF6},    {"Ouml", 0xD6},     {"oslash", 0xF8},
    {"uacute", 0xFA},  {"Uacute", 0xDA},   {"ugrave", 0xF9},  {"ucirc", 0xFB},    {"uuml", 0xFC},
    {"Uuml", 0xDC},    {"ntilde", 0xF1},   {"Ntilde", 0xD1},  {"ccedil", 0xE7},   {"Ccedil", 0xC7},
    {"szlig", 0xDF},   {"aelig", 0xE6},    {"oelig", 0x153},  {"rdquor", 0x201D}, {"prime", 0x2032},
    {"Prime", 0x2033}, {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},   {"zwj", 0x200D},
    {"zwnj", 0x200C},  {"lrm", 0x200E},    {"rlm", 0x200F},   {"para", 0xB6},     {"sect", 0xA7},
    {"frac12", 0xBD},  {"frac14", 0xBC},   {"frac34", 0xBE},  {"plusmn", 0xB1},   {"micro", 0xB5},
    {"ordm", 0xBA},    {"ordf", 0xAA},
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
      std::snprintf(buf, sizeof buf, "%c%02d:%02d", d.zone_minutes < 0 ? '-' : '+', z / 60, z % 60);
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

}  // namespace

bool LooksLikeUrl(std::string_view s) {
  s = TrimAscii(s);
  return StartsWith(s, "http://") || StartsWith(s, "https://") || StartsWith(s, "//") ||
         StartsWith(s, "www.");
}

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
        int v = IsDigit(d)                                          ? d - '0'
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
  if (s.size() >= 8 && IsDigit(s[0]) && IsDigit(s[3]) &&
      (s[4] == '-' || s[4] == '/' || s[4] == '.')) {
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
    while (k < word.size() && IsDigit(word[k])) {
      if (k < 8) v = v * 10 + (word[k] - '0');  // longer runs are no day or year anyway
      ++k;
    }
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
  std::string out;
  if (StartsWith(ref, "//")) {
    out.append(base.substr(0, scheme_end + 1));
    out.append(ref);
    return out;
  }
  size_t host_end = base.find_first_of("/?#", scheme_end + 3);
  std::string_view origin =
      base.substr(0, host_end == std::string_view::npos ? base.size() : host_end);
  out.append(origin);
  if (ref[0] == '/') {
    out.append(ref);
    return out;
  }
  if (ref.find(':') != std::string_view::npos && ref.find(':') < ref.find('/')) return "";
  // Relative path: replace the last segment of the base path.
  std::string_view path = host_end == std::string_view::npos ? "/" : base.substr(host_end);
  size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  size_t slash = path.rfind('/');
  std::string_view dir = path.substr(0, slash == std::string_view::npos ? 0 : slash + 1);
  out.append(dir.empty() ? std::string_view("/") : dir);
  out.append(ref);
  return out;
}

std::string StripSiteName(std::string_view title, std::string_view site) {
  std::string t = CollapseWhitespace(title);
  static constexpr std::string_view kSeparators[] = {" | ",  " - ", " – ", " — ",
                                                     " :: ", " · ", " » ", " // "};
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
    names_site =
        !a.empty() && (a == b || a.find(b) != std::string::npos || b.find(a) != std::string::npos);
  } else {
    // No site name to compare: a short tail after a long head is taken to be the site.
    size_t tail_words = std::count(tail.begin(), tail.end(), ' ') + 1;
    size_t head_words = std::count(head.begin(), head.end(), ' ') + 1;
    names_site = tail_words <= 4 && head_words >= 4 && tail.size() < 40;
  }
  if (!names_site) return t;
  return head;
}

}  // namespace witness::clean
