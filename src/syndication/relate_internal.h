// src/syndication/relate_internal.h: pieces of Relate() the index reuses without texts.
#ifndef WITNESS_SRC_SYNDICATION_RELATE_INTERNAL_H_
#define WITNESS_SRC_SYNDICATION_RELATE_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "witness/syndication.h"

namespace witness::syndication::internal {

// What the origin judgement needs to know of an article.
struct OriginFacts {
  std::string source;                 // outlet, lower case
  std::string published;              // ISO 8601 or ""
  std::vector<std::string> agencies;  // wire credits, upper case
};

// Facts from an article: its agencies, or when it has none, the wire credit of a dateline at
// the start of its text ("NUR-SULTAN (BLOOMBERG) -", "LONDON, Jan 10 (Reuters) -").
OriginFacts FactsOf(const Article& article);
std::vector<std::string> DatelineCredits(std::string_view text);

// The likely origin of the shared text of A and B, given their relation (of A to B).
Origin JudgeOrigin(const OriginFacts& a, const OriginFacts& b, Relation relation);

}  // namespace witness::syndication::internal

#endif  // WITNESS_SRC_SYNDICATION_RELATE_INTERNAL_H_
