#include "ingest/dates.h"

#include <array>
#include <cstdio>

#include "base/ascii.h"

namespace witness::ingest_internal {

namespace {

using ascii::Lower;
using ascii::Trim;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A cursor over the input with the few primitives the two grammars need.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool End() const { return i >= s.size(); }
  char Peek() const { return End() ? '\0' : s[i]; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++i;
    return true;
  }
  // Exactly `n` digits.
  bool Digits(int n, int* value) {
    int v = 0;
    for (int k = 0; k < n; ++k) {
      if (!IsDigit(Peek())) return false;
      v = v * 10 + (s[i++] - '0');
    }
    *value = v;
    return true;
  }
  // 1..max_n digits.
  bool SomeDigits(int max_n, int* value, int* count) {
    int v = 0, k = 0;
    while (k < max_n && IsDigit(Peek())) {
      v = v * 10 + (s[i++] - '0');
      ++k;
    }
    *value = v;
    *count = k;
    return k > 0;
  }
  void Spaces() {
    while (Peek() == ' ' || Peek() == '\t') ++i;
  }
  std::string_view Word() {
    const size_t b = i;
    while (!End() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
    return s.substr(b, i - b);
  }
};

struct DateTime {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::string zone;  // "", "Z", "+03:00"
};

bool ValidDate(const DateTime& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

bool ValidTime(const DateTime& d) { return d.hour <= 23 && d.minute <= 59 && d.second <= 60; }

std::string Format(const DateTime& d) {
  char buf[40];
  if (!d.has_time) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day, d.hour,
                d.minute, d.second);
  return std::string(buf) + d.zone;
}

std::string Offset(char sign, int hours, int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "%c%02d:%02d", sign, hours, minutes);
  return buf;
}

// "+03:00", "+0300", "+03", "Z".
bool ParseZone(Cursor* c, std::string* zone) {
  if (c->Eat('Z') || c->Eat('z')) {
    *zone = "Z";
    return true;
  }
  const char sign = c->Peek();
  if (sign != '+' && sign != '-') return false;
  ++c->i;
  int hh = 0, mm = 0;
  if (!c->Digits(2, &hh)) return false;
  if (c->Eat(':')) {
    if (!c->Digits(2, &mm)) return false;
  } else if (IsDigit(c->Peek())) {
    if (!c->Digits(2, &mm)) return false;
  }
  if (hh > 23 || mm > 59) return false;
  *zone = Offset(sign, hh, mm);
  return true;
}

std::optional<std::string> ParseIso(std::string_view s) {
  Cursor c{s};
  DateTime d;
  if (!c.Digits(4, &d.year) || !c.Eat('-') || !c.Digits(2, &d.month) || !c.Eat('-') ||
      !c.Digits(2, &d.day)) {
    return std::nullopt;
  }
  if (!ValidDate(d)) return std::nullopt;
  if (c.End()) return Format(d);
  if (!(c.Eat('T') || c.Eat('t') || c.Eat(' '))) return std::nullopt;
  d.has_time = true;
  if (!c.Digits(2, &d.hour) || !c.Eat(':') || !c.Digits(2, &d.minute)) return std::nullopt;
  if (c.Eat(':')) {
    if (!c.Digits(2, &d.second)) return std::nullopt;
    if (c.Peek() == '.' || c.Peek() == ',') {
      ++c.i;
      const size_t digits_begin = c.i;
      while (IsDigit(c.Peek())) ++c.i;
      if (c.i == digits_begin) return std::nullopt;
    }
  }
  if (!ValidTime(d)) return std::nullopt;
  if (!c.End()) {
    c.Spaces();  // "2022-01-10 08:00:00 +0300" is common enough
    if (!ParseZone(&c, &d.zone)) return std::nullopt;
  }
  if (!c.End()) return std::nullopt;
  return Format(d);
}

// RFC 2822 (and its RFC 822 zone names): [Day,] DD Mon YYYY HH:MM[:SS] zone.
std::optional<std::string> ParseRfc2822(std::string_view s) {
  Cursor c{s};
  DateTime d;
  if (!IsDigit(c.Peek())) {
    const std::string_view weekday = c.Word();
    if (weekday.size() < 3) return std::nullopt;
    if (!c.Eat(',')) return std::nullopt;
    c.Spaces();
  }
  int count = 0;
  if (!c.SomeDigits(2, &d.day, &count)) return std::nullopt;
  c.Spaces();
  d.month = MonthFromName(c.Word());
  if (d.month == 0) return std::nullopt;
  c.Eat('.');
  c.Spaces();
  if (!c.Digits(4, &d.year)) return std::nullopt;
  if (!ValidDate(d)) return std::nullopt;
  c.Spaces();
  if (c.End()) return Format(d);
  d.has_time = true;
  if (!c.Digits(2, &d.hour) || !c.Eat(':') || !c.Digits(2, &d.minute)) return std::nullopt;
  if (c.Eat(':') && !c.Digits(2, &d.second)) return std::nullopt;
  if (!ValidTime(d)) return std::nullopt;
  c.Spaces();
  if (c.Peek() == '+' || c.Peek() == '-') {
    const char sign = c.s[c.i++];
    int hh = 0, mm = 0;
    if (!c.Digits(2, &hh) || !c.Digits(2, &mm) || hh > 23 || mm > 59) return std::nullopt;
    d.zone = Offset(sign, hh, mm);
  } else {
    std::string name;
    for (char ch : c.Word()) name.push_back(static_cast<char>(ch & ~0x20));
    static constexpr std::array<std::pair<std::string_view, int>, 8> kNamed = {{
        {"EST", -5},
        {"EDT", -4},
        {"CST", -6},
        {"CDT", -5},
        {"MST", -7},
        {"MDT", -6},
        {"PST", -8},
        {"PDT", -7},
    }};
    if (name == "GMT" || name == "UT" || name == "UTC" || name == "Z") {
      d.zone = "Z";
    } else if (name.empty()) {
      d.zone = "";
    } else {
      bool found = false;
      for (const auto& [n, h] : kNamed) {
        if (n == name) {
          d.zone = Offset('-', -h, 0);
          found = true;
        }
      }
      if (!found) return std::nullopt;
    }
  }
  c.Spaces();
  if (!c.End()) return std::nullopt;
  return Format(d);
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) return 29;
  return kDays[month - 1];
}

int MonthFromName(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  static constexpr std::string_view kNames[12] = {"january",   "february", "march",    "april",
                                                  "may",       "june",     "july",     "august",
                                                  "september", "october",  "november", "december"};
  std::string lower;
  for (char ch : word) lower.push_back(Lower(ch));
  for (int m = 0; m < 12; ++m) {
    if (lower == kNames[m]) return m + 1;
    if (lower.size() == 3 && kNames[m].substr(0, 3) == lower) return m + 1;
  }
  if (lower == "sept") return 9;
  return 0;
}

std::optional<std::string> NormalizeDate(std::string_view s) {
  s = Trim(s);
  if (s.empty() || s.size() > 64) return std::nullopt;
  if (IsDigit(s[0]) && s.size() >= 10 && s[4] == '-') return ParseIso(s);
  return ParseRfc2822(s);
}

}  // namespace witness::ingest_internal
