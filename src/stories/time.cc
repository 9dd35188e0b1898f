// ISO 8601 publication times <-> Unix seconds (UTC).
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "witness/stories.h"

namespace witness::stories {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at s[*pos]; advances *pos.
bool ReadDigits(std::string_view s, size_t* pos, int n, int* value) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    char c = s[*pos + i];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *value = v;
  return true;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. Counts whole 400-year
// eras (146097 days each) from 0000-03-01, with March as the first month so that the leap day
// falls at the end of the counted year.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;                             // [0, 399]
  const int64_t month_from_march = m > 2 ? m - 3 : m + 9;                // [0, 11]
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1;  // [0, 365]
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

void CivilFromDays(int64_t z, int64_t* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  *d = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = year_of_era + era * 400 + (*m <= 2);
}

}  // namespace

std::optional<int64_t> ParsePublished(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!ReadDigits(s, &pos, 4, &year)) return std::nullopt;
  if (pos >= s.size() || s[pos] != '-') return std::nullopt;
  ++pos;
  if (!ReadDigits(s, &pos, 2, &month) || month < 1 || month > 12) return std::nullopt;
  if (pos >= s.size() || s[pos] != '-') return std::nullopt;
  ++pos;
  if (!ReadDigits(s, &pos, 2, &day) || day < 1 || day > DaysInMonth(year, month))
    return std::nullopt;
  const int64_t days = DaysFromCivil(year, month, day);
  if (pos == s.size()) return days * 86400 + 12 * 3600;  // a date alone: noon UTC

  if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
  ++pos;
  int hour = 0, minute = 0, second = 0;
  if (!ReadDigits(s, &pos, 2, &hour)) return std::nullopt;
  if (pos >= s.size() || s[pos] != ':') return std::nullopt;
  ++pos;
  if (!ReadDigits(s, &pos, 2, &minute)) return std::nullopt;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!ReadDigits(s, &pos, 2, &second)) return std::nullopt;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < s.size() && IsDigit(s[pos])) ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  // 24:00:00 is the end of the day; a leap second 60 counts as 59.
  if (hour == 24 && (minute != 0 || second != 0)) return std::nullopt;
  if (hour > 24 || minute > 59 || second > 60) return std::nullopt;
  if (second == 60) second = 59;
  int64_t offset = 0;
  if (pos < s.size()) {
    char c = s[pos];
    if ((c == 'Z' || c == 'z') && pos + 1 == s.size()) {
      ++pos;
    } else if (c == '+' || c == '-') {
      ++pos;
      int oh = 0, om = 0;
      if (!ReadDigits(s, &pos, 2, &oh)) return std::nullopt;
      if (pos < s.size() && s[pos] == ':') ++pos;
      if (pos < s.size() && !ReadDigits(s, &pos, 2, &om)) return std::nullopt;
      if (oh > 23 || om > 59) return std::nullopt;
      offset = (oh * 3600 + om * 60) * (c == '+' ? 1 : -1);
    } else {
      return std::nullopt;
    }
  }
  if (pos != s.size()) return std::nullopt;
  return days * 86400 + hour * 3600 + minute * 60 + second - offset;
}

std::string FormatTime(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  int64_t secs = t - days * 86400;
  int64_t y = 0;
  int m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char buf[64];
  snprintf(buf, sizeof(buf), "%04lld-%02d-%02dT%02d:%02d:%02dZ", static_cast<long long>(y), m, d,
           static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
           static_cast<int>(secs % 60));
  return buf;
}

}  // namespace witness::stories
