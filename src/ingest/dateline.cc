#include "ingest/dateline.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "ingest/dates.h"

namespace witness::ingest_internal {

namespace {

// Longest dateline considered, in bytes.
constexpr size_t kMaxDateline = 200;

constexpr std::array<std::string_view, 30> kNotPlaces = {
    "BREAKING", "BREAKING NEWS", "UPDATE",        "UPDATED",    "EXCLUSIVE",  "WATCH",
    "LIVE",     "ANALYSIS",      "OPINION",       "COMMENTARY", "COMMENT",    "EDITORIAL",
    "REVIEW",   "VIDEO",         "PHOTOS",        "PHOTO",      "FILE PHOTO", "CORRECTION",
    "FACTBOX",  "EXPLAINER",     "INTERVIEW",     "NEWS",       "URGENT",     "FLASH",
    "ALERT",    "NOTE",          "EDITOR'S NOTE", "ADVISORY",   "SPONSORED",  "ADVERTISEMENT"};

struct Decoder {
  std::string_view s;
  // The code point at byte `i` (U+FFFD for a broken sequence) and its length.
  UChar32 At(size_t i, size_t* len) const {
    if (i >= s.size()) {
      *len = 0;
      return -1;
    }
    int32_t j = 0;
    UChar32 c;
    const int32_t n = static_cast<int32_t>(std::min<size_t>(s.size() - i, 4));
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data() + i), j, n, c);
    *len = static_cast<size_t>(j);
    return c < 0 ? 0xFFFD : c;
  }
};

bool IsDash(UChar32 c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015; }

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// A place: at least two letters, all upper case, not a label word.
bool ValidPlace(std::string_view place) {
  if (place.empty() || place.size() > 60) return false;
  if (place.front() == '-' || place.back() == '-' || place.front() == '.') return false;
  const Decoder d{place};
  int upper = 0;
  for (size_t i = 0; i < place.size();) {
    size_t len;
    const UChar32 c = d.At(i, &len);
    if (u_isUAlphabetic(c)) {
      if (u_islower(c) || !u_isupper(c)) return false;
      ++upper;
    }
    i += len;
  }
  if (upper < 2) return false;
  const std::string upper_place = ToUpperUtf8(place);
  return std::find(kNotPlaces.begin(), kNotPlaces.end(), upper_place) == kNotPlaces.end();
}

// An agency name: starts with a letter; letters, digits, spaces, . & - ' only.
bool ValidAgency(std::string_view a) {
  if (a.empty() || a.size() > 40) return false;
  const Decoder d{a};
  size_t len;
  if (!u_isUAlphabetic(d.At(0, &len))) return false;
  for (size_t i = 0; i < a.size();) {
    const UChar32 c = d.At(i, &len);
    if (!(u_isUAlphabetic(c) || u_isdigit(c) || c == ' ' || c == '.' || c == '&' || c == '-' ||
          c == '\'' || c == 0x2019 || c == '/')) {
      return false;
    }
    i += len;
  }
  return true;
}

// Splits a credit list ("BLOOMBERG, AFP") into upper-case agencies ("CNN/Money" is one).
bool ParseAgencies(std::string_view list, std::vector<std::string>* out) {
  size_t start = 0;
  for (size_t i = 0; i <= list.size(); ++i) {
    if (i == list.size() || list[i] == ',') {
      const std::string_view a = TrimSpaces(list.substr(start, i - start));
      if (!ValidAgency(a)) return false;
      out->push_back(ToUpperUtf8(a));
      start = i + 1;
    }
  }
  return !out->empty() && out->size() <= 8;
}

// "Jan 10", "Jan. 10", "January 10, 2022", "10 January", "10 Jan 2022" at s[i]; advances *i.
bool ParseDate(std::string_view s, size_t* i, std::string* written, std::string* published) {
  size_t j = *i;
  const auto word = [&](size_t k) {
    size_t e = k;
    while (e < s.size() && ((s[e] >= 'A' && s[e] <= 'Z') || (s[e] >= 'a' && s[e] <= 'z'))) ++e;
    if (e < s.size() && s[e] == '.') ++e;
    return s.substr(k, e - k);
  };
  const auto number = [&](size_t k, size_t max_digits) {
    size_t e = k;
    while (e < s.size() && e - k < max_digits + 1 && s[e] >= '0' && s[e] <= '9') ++e;
    return s.substr(k, e - k);
  };
  int month = 0, day = 0;
  std::string_view w = word(j);
  if ((month = MonthFromName(w)) != 0) {
    j = SkipSpaces(s, j + w.size());
    const std::string_view d = number(j, 2);
    if (d.empty() || d.size() > 2) return false;
    day = std::stoi(std::string(d));
    j += d.size();
  } else {
    const std::string_view d = number(j, 2);
    if (d.empty() || d.size() > 2) return false;
    day = std::stoi(std::string(d));
    size_t k = SkipSpaces(s, j + d.size());
    if (k == j + d.size()) return false;
    w = word(k);
    if ((month = MonthFromName(w)) == 0) return false;
    j = k + w.size();
  }
  if (day < 1 || day > 31) return false;
  const size_t date_end = j;
  int year = 0;
  size_t k = j;
  if (k < s.size() && s[k] == ',') ++k;
  k = SkipSpaces(s, k);
  const std::string_view y = number(k, 4);
  if (y.size() == 4 && k > j) {
    year = std::stoi(std::string(y));
    j = k + 4;
  }
  if (year != 0 && day > DaysInMonth(year, month)) return false;
  if (year == 0 && day > DaysInMonth(2000, month)) return false;
  *written = std::string(s.substr(*i, (year != 0 ? j : date_end) - *i));
  if (year != 0) {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
    *published = buf;
  }
  *i = year != 0 ? j : date_end;
  return true;
}

// ", Ukraine" style region after the place: capitalised words; returns its end or npos.
size_t ParseRegion(std::string_view s, size_t i) {
  const Decoder d{s};
  size_t len;
  const UChar32 first = d.At(i, &len);
  if (!u_isupper(first)) return std::string_view::npos;
  size_t j = i;
  while (j < s.size() && j - i <= 40) {
    const UChar32 c = d.At(j, &len);
    if (u_isUAlphabetic(c) || c == ' ' || c == '.' || c == '-' || c == '\'') {
      j += len;
    } else {
      break;
    }
  }
  if (j - i > 40) return std::string_view::npos;
  while (j > i && s[j - 1] == ' ') --j;
  return j;
}

}  // namespace

std::string ToUpperUtf8(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toUpper(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::optional<Dateline> ParseDateline(std::string_view p) {
  p = p.substr(0, kMaxDateline);
  const Decoder d{p};
  // 1. Places: upper-case letters, spaces, hyphens, dots, slashes, apostrophes.
  size_t i = 0;
  size_t len = 0;
  while (i < p.size()) {
    const UChar32 c = d.At(i, &len);
    if (c == '-' && i > 0 && p[i - 1] == ' ') break;  // " - " is the dash, not a hyphen
    if ((u_isUAlphabetic(c) && u_isupper(c)) || c == ' ' || c == '-' || c == '.' || c == '/' ||
        c == '\'' || c == 0x2019) {
      i += len;
    } else {
      break;
    }
  }
  const std::string_view place_run = TrimSpaces(p.substr(0, i));
  if (place_run.empty()) return std::nullopt;
  Dateline out;
  size_t start = 0;
  for (size_t k = 0; k <= place_run.size(); ++k) {
    if (k == place_run.size() || place_run[k] == '/') {
      const std::string_view place = TrimSpaces(place_run.substr(start, k - start));
      if (!ValidPlace(place)) return std::nullopt;
      out.places.emplace_back(place);
      start = k + 1;
    }
  }
  if (out.places.size() > 6) return std::nullopt;
  i = SkipSpaces(p, place_run.size());

  // 2. Optional ", Region" and ", Month Day[, Year]".
  bool has_date = false;
  for (int part = 0; part < 2 && i < p.size() && p[i] == ','; ++part) {
    size_t j = SkipSpaces(p, i + 1);
    if (ParseDate(p, &j, &out.date, &out.published)) {
      has_date = true;
      i = SkipSpaces(p, j);
      break;
    }
    if (part == 1) break;
    const size_t region_end = ParseRegion(p, j);
    if (region_end == std::string_view::npos) break;
    i = SkipSpaces(p, region_end);
  }

  // 3. Credit: "(AGENCY, AGENCY)" or "/AGENCY/".
  bool has_credit = false;
  if (i < p.size() && (p[i] == '(' || p[i] == '/')) {
    const char close = p[i] == '(' ? ')' : '/';
    const size_t end = p.find(close, i + 1);
    if (end == std::string_view::npos || end - i > 100) return std::nullopt;
    const std::string_view list = p.substr(i + 1, end - i - 1);
    if (list.find('(') != std::string_view::npos || list.find('\n') != std::string_view::npos) {
      return std::nullopt;
    }
    if (!ParseAgencies(list, &out.agencies)) return std::nullopt;
    has_credit = true;
    i = end + 1;
  }
  out.text = std::string(TrimSpaces(p.substr(0, i)));

  // 4. The dash.
  const bool space_before = i > 0 && p[i - 1] == ' ';
  i = SkipSpaces(p, i);
  const UChar32 dash = d.At(i, &len);
  if (!IsDash(dash)) return std::nullopt;
  bool typographic = dash != '-';
  i += len;
  if (dash == '-' && i < p.size() && p[i] == '-') {  // "--"
    ++i;
    typographic = true;
  }
  const size_t after_dash = i;
  i = SkipSpaces(p, i);
  if (i >= p.size() || p[i] == '\n') return std::nullopt;  // nothing follows: not a lede
  if (!has_credit && !has_date) {
    if (!typographic || !space_before || after_dash == i) return std::nullopt;
    // A lede goes on in prose; "OFF SEASON CONDITIONING – WATCH FOR HEAT STROKE" is a headline.
    bool lower = false;
    for (size_t k = i; k < p.size() && k < i + 60 && p[k] != '\n';) {
      const UChar32 c = d.At(k, &len);
      if (u_islower(c)) {
        lower = true;
        break;
      }
      k += len;
    }
    if (!lower) return std::nullopt;
  }
  out.length = i;
  return out;
}

size_t DatelineLength(std::string_view text, size_t at) {
  if (at >= text.size() || (at > 0 && text[at - 1] != '\n')) return 0;
  const std::optional<Dateline> d = ParseDateline(text.substr(at));
  return d ? d->length : 0;
}

std::optional<Dateline> FindDateline(std::string_view text, size_t max_lines, size_t* offset) {
  size_t pos = 0;
  size_t seen = 0;
  while (pos < text.size() && seen < max_lines) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t')) ++lead;
    if (lead < line.size()) {
      ++seen;
      if (std::optional<Dateline> d = ParseDateline(line.substr(lead))) {
        if (offset != nullptr) *offset = pos + lead;
        return d;
      }
    }
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace witness::ingest_internal
