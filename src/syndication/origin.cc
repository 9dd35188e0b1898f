// The likely origin of shared text: wire credits in datelines, publication order, and the
// direction of containment, each with a human-readable reason.
#include <algorithm>
#include <cctype>

#include "syndication/relate_internal.h"

namespace witness::syndication::internal {
namespace {

// Wire services whose credit appears in datelines.
constexpr std::string_view kWires[] = {
    "AP", "AFP", "REUTERS", "BLOOMBERG", "DPA", "XINHUA", "ANSA", "EFE", "KYODO", "YONHAP",
    "PTI", "ANI", "IANS", "UPI", "TASS", "RIA", "INTERFAX", "BERNAMA", "ANTARA", "AAP", "PA",
    "CP", "CNA", "NYT", "WASHINGTON POST", "DOW JONES", "ASSOCIATED PRESS", "AGENCE FRANCE-PRESSE",
};

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

bool IsWire(const std::string& upper) {
  return std::find(std::begin(kWires), std::end(kWires), upper) != std::end(kWires);
}

// True when the outlet is the wire itself ("reuters.com" and REUTERS, "apnews.com" and AP).
bool SourceIs(const std::string& source, const std::string& agency) {
  std::string lower = agency;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "ap") return source.find("apnews") != std::string::npos || source == "ap.org";
  return lower.size() >= 3 && source.find(lower) != std::string::npos;
}

}  // namespace

std::vector<std::string> DatelineCredits(std::string_view text) {
  std::vector<std::string> out;
  const std::string_view head = text.substr(0, std::min<size_t>(text.size(), 400));
  size_t open = 0;
  while ((open = head.find('(', open)) != std::string_view::npos) {
    const size_t close = head.find(')', open);
    if (close == std::string_view::npos || close - open > 60) break;
    // A dash must follow within a few characters: "(REUTERS) -", "(AFP) --", "(AP) —".
    std::string_view after = head.substr(close + 1, 6);
    const bool dash = after.find('-') != std::string_view::npos ||
                      after.find("\u2013") != std::string_view::npos ||
                      after.find("\u2014") != std::string_view::npos;
    if (dash) {
      std::string_view inside = head.substr(open + 1, close - open - 1);
      size_t start = 0;
      while (start <= inside.size()) {
        size_t end = inside.find_first_of(",/", start);
        if (end == std::string_view::npos) end = inside.size();
        const std::string name = Upper(Trim(inside.substr(start, end - start)));
        if (IsWire(name) && std::find(out.begin(), out.end(), name) == out.end()) {
          out.push_back(name);
        }
        start = end + 1;
      }
      if (!out.empty()) return out;
    }
    open = close;
  }
  return out;
}

OriginFacts FactsOf(const Article& article) {
  OriginFacts f;
  f.source = article.source;
  for (char& c : f.source) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  f.published = article.published;
  for (const std::string& a : article.agencies) f.agencies.push_back(Upper(a));
  if (f.agencies.empty()) f.agencies = DatelineCredits(article.text);
  return f;
}

Origin JudgeOrigin(const OriginFacts& a, const OriginFacts& b, Relation relation) {
  Origin o;
  int score_a = 0, score_b = 0;
  std::vector<std::pair<int, std::string>> reasons;  // (weight, text)
  auto credits = [](const OriginFacts& f, const std::string& x) {
    return std::find(f.agencies.begin(), f.agencies.end(), x) != f.agencies.end();
  };
  // 1. One of them is the wire the other credits.
  for (const std::string& x : b.agencies) {
    if (SourceIs(a.source, x)) {
      score_a += 4;
      reasons.emplace_back(4, "B credits " + x + ", which is A's own outlet");
    }
  }
  for (const std::string& x : a.agencies) {
    if (SourceIs(b.source, x)) {
      score_b += 4;
      reasons.emplace_back(4, "A credits " + x + ", which is B's own outlet");
    }
  }
  // 2. Wire credits in the datelines.
  std::string common;
  for (const std::string& x : a.agencies) {
    if (credits(b, x)) {
      common = x;
      break;
    }
  }
  if (!common.empty()) {
    reasons.emplace_back(3, "both credit " + common + " in their datelines: common wire copy");
    o.agency = common;
  } else if (!a.agencies.empty() && b.agencies.empty()) {
    score_a += 1;
    o.agency = a.agencies.front();
    reasons.emplace_back(2, "A credits " + a.agencies.front() + " in its dateline; B credits no wire");
  } else if (a.agencies.empty() && !b.agencies.empty()) {
    score_b += 1;
    o.agency = b.agencies.front();
    reasons.emplace_back(2, "B credits " + b.agencies.front() + " in its dateline; A credits no wire");
  }
  // 3. Publication order (only when the two stamps differ at the precision both have).
  if (!a.published.empty() && !b.published.empty()) {
    const size_t n = std::min(a.published.size(), b.published.size());
    const int cmp = a.published.compare(0, n, b.published, 0, n);
    if (cmp < 0) {
      score_a += 2;
      reasons.emplace_back(2, "A was published earlier (" + a.published + " vs " + b.published + ")");
    } else if (cmp > 0) {
      score_b += 2;
      reasons.emplace_back(2, "B was published earlier (" + b.published + " vs " + a.published + ")");
    }
  }
  // 4. Containment: the longer text merged the shorter with other material.
  if (relation == Relation::kContains) {
    score_b += 1;
    reasons.emplace_back(1, "A holds B plus other material (B is the likelier source)");
  } else if (relation == Relation::kContainedIn) {
    score_a += 1;
    reasons.emplace_back(1, "B holds A plus other material (A is the likelier source)");
  }
  std::stable_sort(reasons.begin(), reasons.end(),
                   [](const auto& x, const auto& y) { return x.first > y.first; });
  for (auto& r : reasons) o.reasons.push_back(std::move(r.second));
  if (score_a > score_b) {
    o.who = Origin::Who::kA;
  } else if (score_b > score_a) {
    o.who = Origin::Who::kB;
  } else if (!common.empty()) {
    o.who = Origin::Who::kCommonSource;
  }
  if (o.reasons.empty()) o.reasons.push_back("no publication times, wire credits or containment to go by");
  return o;
}

}  // namespace witness::syndication::internal
