// Interval arithmetic and the qualifier conventions of witness/figures.h.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "compare/numbers_internal.h"

namespace witness::figures {

bool Interval::Empty() const {
  if (std::isnan(lo) || std::isnan(hi)) return true;
  if (lo > hi) return true;
  if (lo == hi) return !(lo_closed && hi_closed) || !std::isfinite(lo);
  return false;
}

bool Interval::Contains(double x) const {
  if (std::isnan(x)) return false;
  const bool above = lo_closed ? x >= lo : x > lo;
  const bool below = hi_closed ? x <= hi : x < hi;
  return above && below;
}

Interval Interval::Intersect(const Interval& o) const {
  Interval r;
  if (lo > o.lo) {
    r.lo = lo, r.lo_closed = lo_closed;
  } else if (o.lo > lo) {
    r.lo = o.lo, r.lo_closed = o.lo_closed;
  } else {
    r.lo = lo, r.lo_closed = lo_closed && o.lo_closed;
  }
  if (hi < o.hi) {
    r.hi = hi, r.hi_closed = hi_closed;
  } else if (o.hi < hi) {
    r.hi = o.hi, r.hi_closed = o.hi_closed;
  } else {
    r.hi = hi, r.hi_closed = hi_closed && o.hi_closed;
  }
  if (!std::isfinite(r.lo)) r.lo_closed = false;
  if (!std::isfinite(r.hi)) r.hi_closed = false;
  return r;
}

bool Interval::Intersects(const Interval& o) const {
  return !Empty() && !o.Empty() && !Intersect(o).Empty();
}

double Interval::Gap(const Interval& o) const {
  if (Intersects(o)) return 0;
  if (hi <= o.lo) return o.lo - hi;
  if (o.hi <= lo) return lo - o.hi;
  return 0;
}

namespace {
std::string Num(double v) {
  if (v == kInf) return "inf";
  if (v == -kInf) return "-inf";
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.15g", v);
  }
  return buf;
}
}  // namespace

std::string Interval::ToString() const {
  std::string s;
  s += lo_closed ? '[' : '(';
  s += Num(lo);
  s += ',';
  s += Num(hi);
  s += hi_closed ? ']' : ')';
  return s;
}

namespace internal {

Interval QualifiedInterval(Qualifier q, double x) {
  const double t = kApproxTolerance * std::fabs(x);
  if (t == 0 && (q == Qualifier::kNearly || q == Qualifier::kJustOver)) {
    return Interval::Point(x);  // "nearly zero": no room on either side
  }
  switch (q) {
    case Qualifier::kExact:
    case Qualifier::kEqual:
      return Interval::Point(x);
    case Qualifier::kAbout:
      return Interval::Closed(x - t, x + t);
    case Qualifier::kNearly:
      return Interval{x - t, x, true, false};
    case Qualifier::kJustOver:
      return Interval{x, x + t, false, true};
    case Qualifier::kMoreThan:
      return Interval::MoreThan(x);
    case Qualifier::kAtLeast:
      return Interval::AtLeast(x);
    case Qualifier::kLessThan:
      return Interval::LessThan(x);
    case Qualifier::kAtMost:
    case Qualifier::kUpTo:
      return Interval::AtMost(x);
    case Qualifier::kRange:
    case Qualifier::kVague:
      return Interval::Point(x);
  }
  return Interval::Point(x);
}

}  // namespace internal
}  // namespace witness::figures
