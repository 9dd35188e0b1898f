// The abbreviation table used by Segment(): words whose following period is part of the token
// and, for kTitle, never ends a sentence. Matching is case-sensitive and on the letters before
// the period ("Mr" for "Mr."); dotted forms are written with their inner periods ("e.g").
//
// Beyond this table Segment() also treats as abbreviations (with AbbrevKind::kSuffix):
//   - dotted initialisms: two or more groups of one or two letters, each followed by a period,
//     "U.S.", "U.K.", "U.N.", "a.m.", "Ph.D.", "D.C." (see segment.cc);
//   - a single upper-case initial followed by a period: "J. Smith", "George W. Bush".
//
// The list: courtesy and professional titles, military and political ranks, company suffixes,
// months (except "May", which is a word), the AP-style US state abbreviations news copy uses
// ("D-Calif."), and a few Latin and reference abbreviations.
#include "text/abbreviations.h"

#include <algorithm>
#include <array>

namespace witness::text::internal {
namespace {

using K = AbbrevKind;

// Sorted by word (byte order); abbreviations_test.cc checks that.
constexpr AbbrevEntry kTable[] = {
    {"Adm", K::kTitle},    {"Ala", K::kSuffix},     {"Apr", K::kSuffix},
    {"Ariz", K::kSuffix},  {"Ark", K::kSuffix},     {"Assn", K::kSuffix},
    {"Atty", K::kTitle},   {"Aug", K::kSuffix},     {"Ave", K::kSuffix},
    {"Brig", K::kTitle},   {"Bros", K::kSuffix},    {"Calif", K::kSuffix},
    {"Capt", K::kTitle},   {"Cdr", K::kTitle},      {"Cmdr", K::kTitle},
    {"Co", K::kSuffix},    {"Col", K::kTitle},      {"Colo", K::kSuffix},
    {"Conn", K::kSuffix},  {"Corp", K::kSuffix},    {"Cpl", K::kTitle},
    {"Cpls", K::kTitle},   {"Dec", K::kSuffix},     {"Del", K::kSuffix},
    {"Dept", K::kSuffix},  {"Det", K::kTitle},      {"Dr", K::kTitle},
    {"Feb", K::kSuffix},   {"Fla", K::kSuffix},     {"Fr", K::kTitle},
    {"Ft", K::kTitle},     {"Ga", K::kSuffix},      {"Gen", K::kTitle},
    {"Gens", K::kTitle},   {"Gov", K::kTitle},      {"Govs", K::kTitle},
    {"Hon", K::kTitle},    {"Ill", K::kSuffix},     {"Inc", K::kSuffix},
    {"Ind", K::kSuffix},   {"Insp", K::kTitle},     {"Jan", K::kSuffix},
    {"Jr", K::kSuffix},    {"Jul", K::kSuffix},     {"Jun", K::kSuffix},
    {"Kan", K::kSuffix},   {"Ky", K::kSuffix},      {"La", K::kSuffix},
    {"Lt", K::kTitle},     {"Ltd", K::kSuffix},     {"Maj", K::kTitle},
    {"Mar", K::kSuffix},   {"Mass", K::kSuffix},    {"Md", K::kSuffix},
    {"Messrs", K::kTitle}, {"Mich", K::kSuffix},    {"Minn", K::kSuffix},
    {"Miss", K::kSuffix},  {"Mme", K::kTitle},      {"Mo", K::kSuffix},
    {"Mont", K::kSuffix},  {"Mr", K::kTitle},       {"Mrs", K::kTitle},
    {"Ms", K::kTitle},     {"Mt", K::kTitle},       {"Neb", K::kSuffix},
    {"Nev", K::kSuffix},   {"No", K::kBeforeDigit}, {"Nos", K::kBeforeDigit},
    {"Nov", K::kSuffix},   {"Oct", K::kSuffix},     {"Okla", K::kSuffix},
    {"Ore", K::kSuffix},   {"Pa", K::kSuffix},      {"Pfc", K::kTitle},
    {"Pres", K::kTitle},   {"Prof", K::kTitle},     {"Pvt", K::kTitle},
    {"Rep", K::kTitle},    {"Reps", K::kTitle},     {"Rev", K::kTitle},
    {"Sen", K::kTitle},    {"Sens", K::kTitle},     {"Sep", K::kSuffix},
    {"Sept", K::kSuffix},  {"Sgt", K::kTitle},      {"Sgts", K::kTitle},
    {"Spc", K::kTitle},    {"Sr", K::kSuffix},      {"St", K::kSuffix},
    {"Supt", K::kTitle},   {"Tenn", K::kSuffix},    {"Va", K::kSuffix},
    {"Vt", K::kSuffix},    {"Wash", K::kSuffix},    {"Wis", K::kSuffix},
    {"Wyo", K::kSuffix},   {"approx", K::kSuffix},  {"e.g", K::kTitle},
    {"etc", K::kSuffix},   {"i.e", K::kTitle},      {"vs", K::kTitle},
};

}  // namespace

AbbrevKind LookupAbbreviation(std::string_view word) {
  if (word.empty() || word.size() > 6) return AbbrevKind::kNone;
  const auto* it =
      std::lower_bound(std::begin(kTable), std::end(kTable), word,
                       [](const AbbrevEntry& e, std::string_view w) { return e.word < w; });
  if (it != std::end(kTable) && it->word == word) return it->kind;
  return AbbrevKind::kNone;
}

const AbbrevEntry* AbbreviationTable(size_t* size) {
  *size = std::size(kTable);
  return kTable;
}

}  // namespace witness::text::internal
