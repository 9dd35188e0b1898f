// Entities: gazetteer, demonyms, classification, canonical names, roles, cross-document names.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "compare/entity_places.h"
#include "witness/quotes.h"

namespace witness::quotes {
namespace {

using internal::Gazetteer;
using internal::Place;

const Entity* Named(const Extraction& ex, std::string_view name) {
  for (const Entity& e : ex.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

TEST(Gazetteer, CountriesSubdivisionsAndDemonymsFromIsoCodes) {
  const Gazetteer& g = Gazetteer::Get();
  if (!g.loaded()) GTEST_SKIP() << "iso-codes JSON not installed";
  const Place* kz = g.Find("kazakhstan");
  ASSERT_NE(kz, nullptr);
  EXPECT_EQ(kz->code, "KZ");
  const Place* kazakh = g.Find("kazakh");  // derived: Kazakhstan -> Kazakh
  ASSERT_NE(kazakh, nullptr);
  EXPECT_EQ(kazakh->kind, Place::Kind::kDemonym);
  EXPECT_EQ(kazakh->country, "KZ");
  ASSERT_NE(g.Find("iran"), nullptr);  // "Iran, Islamic Republic of" -> "Iran"
  EXPECT_EQ(g.Find("iran")->code, "IR");
  ASSERT_NE(g.Find("ukrainian"), nullptr);
  EXPECT_EQ(g.Find("ukrainian")->country, "UA");
  const Place* nh = g.Find("new hampshire");  // a subdivision (iso_3166-2)
  ASSERT_NE(nh, nullptr);
  EXPECT_EQ(nh->kind, Place::Kind::kSubdivision);
  EXPECT_EQ(nh->code, "US-NH");
  ASSERT_NE(g.Find("georgia"), nullptr);
  EXPECT_EQ(g.Find("georgia")->kind, Place::Kind::kCountry);  // countries win
  EXPECT_GT(g.size(), 4000u);
}

TEST(Gazetteer, FallsBackWhenTheFilesAreAbsent) {
  const Gazetteer g = Gazetteer::Load("/nonexistent/iso-codes");
  EXPECT_FALSE(g.loaded());
  ASSERT_NE(g.Find("russia"), nullptr);  // built-in aliases and demonyms remain
  EXPECT_EQ(g.Find("russia")->code, "RU");
  ASSERT_NE(g.Find("russian"), nullptr);
  ASSERT_NE(g.Find("french"), nullptr);
  EXPECT_EQ(g.Find("kazakhstan"), nullptr);
}

TEST(Gazetteer, DemonymRules) {
  std::string d[4];
  int n = 0;
  internal::DeriveDemonyms("kazakhstan", d, &n);
  ASSERT_GE(n, 1);
  EXPECT_EQ(d[0], "kazakh");
  internal::DeriveDemonyms("russia", d, &n);
  ASSERT_GE(n, 1);
  EXPECT_EQ(d[0], "russian");
  internal::DeriveDemonyms("italy", d, &n);
  EXPECT_EQ(d[0], "italian");
}

TEST(Entities, PeopleOrganisationsPlacesAndAcronyms) {
  const std::string text =
      "Kazakh President Kassym-Jomart Tokayev met leaders of the Collective Security Treaty "
      "Organisation (CSTO) in Almaty on Monday. The CSTO sent troops. Mr Tokayev thanked the "
      "Foreign Ministry.";
  const Extraction ex = Extract(text);
  const Entity* tok = Named(ex, "Kassym-Jomart Tokayev");
  ASSERT_NE(tok, nullptr);
  EXPECT_EQ(tok->kind, EntityKind::kPerson);
  EXPECT_EQ(tok->role, "president");
  EXPECT_EQ(tok->country, "KZ");
  EXPECT_NE(std::find(tok->aliases.begin(), tok->aliases.end(), "Mr Tokayev"), tok->aliases.end());
  const Entity* csto = Named(ex, "Collective Security Treaty Organisation");
  ASSERT_NE(csto, nullptr);
  EXPECT_EQ(csto->kind, EntityKind::kOrganization);
  EXPECT_EQ(csto->mentions, 3u);  // the name, "(CSTO)" and the later "CSTO"
  EXPECT_EQ(Named(ex, "CSTO"), nullptr);
  const Entity* fm = Named(ex, "Foreign Ministry");
  ASSERT_NE(fm, nullptr);
  EXPECT_EQ(fm->kind, EntityKind::kOrganization);
  if (Gazetteer::Get().loaded()) {
    const Entity* almaty = Named(ex, "Almaty");
    ASSERT_NE(almaty, nullptr);
    EXPECT_EQ(almaty->kind, EntityKind::kPlace);
    EXPECT_EQ(almaty->country, "KZ");
  }
}

// Company names, product names and compound titles: "Chief Executive" is a title, a
// two-word company is named by its first word too, "Plus" makes a product, and an
// organisation keyword wins over a title word that opens the name.
TEST(Entities, CompaniesProductsAndCompoundTitles) {
  const std::string text =
      "Quillon Mobility recalled its Q3 Glide Plus scooters on Tuesday. Chief Executive Renata "
      "Oduya said the company was sorry. Quillon said owners would get a refund. Later, Glide "
      "Plus owners asked for more. Renata Oduya said she understood. The Executive Office of "
      "the President declined to comment.";
  const Extraction ex = Extract(text);
  const Entity* q = Named(ex, "Quillon Mobility");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, EntityKind::kOrganization);
  EXPECT_EQ(q->mentions, 2u);  // "Quillon Mobility" and "Quillon"
  const Entity* ceo = Named(ex, "Renata Oduya");
  ASSERT_NE(ceo, nullptr);
  EXPECT_EQ(ceo->kind, EntityKind::kPerson);
  EXPECT_EQ(ceo->mentions, 2u);
  EXPECT_EQ(Named(ex, "Executive Renata Oduya"), nullptr);
  EXPECT_EQ(Named(ex, "Quillon"), nullptr);
  for (const Entity& e : ex.entities) {
    if (e.name.find("Plus") != std::string::npos) {
      EXPECT_NE(e.kind, EntityKind::kPerson) << e.name;
    }
    if (e.name.find("Office") != std::string::npos) {
      EXPECT_EQ(e.kind, EntityKind::kOrganization) << e.name;
    }
  }
}

// Organisation names with a plural possessive and their acronym, a possessive determiner
// before a name, and a person "of" an organisation as two names.
TEST(Entities, PossessivesDeterminersAndAffiliations) {
  const std::string text =
      "Tomas Reyk, chairman of the Harlsund Dockworkers\u2019 Union (HDU), said no. His Civic "
      "Union party fell. Anton Brisk of the Ostrevian Labour Alliance spoke to reporters.";
  const Extraction ex = Extract(text);
  const Entity* hdu = Named(ex, "Harlsund Dockworkers\u2019 Union");
  ASSERT_NE(hdu, nullptr);
  EXPECT_EQ(hdu->kind, EntityKind::kOrganization);
  EXPECT_NE(std::find(hdu->aliases.begin(), hdu->aliases.end(), "HDU"), hdu->aliases.end());
  EXPECT_EQ(Named(ex, "Harlsund Dockworkers"), nullptr);
  ASSERT_NE(Named(ex, "Civic Union"), nullptr);
  EXPECT_EQ(Named(ex, "His Civic Union"), nullptr);
  const Entity* alliance = Named(ex, "Ostrevian Labour Alliance");
  ASSERT_NE(alliance, nullptr);
  EXPECT_EQ(alliance->kind, EntityKind::kOrganization);
  for (const Entity& e : ex.entities) EXPECT_EQ(e.name.find("Brisk of"), std::string::npos);
  // A place word with a possessive still is one; a name before "party" is the party.
  const Extraction party = Extract(
      "Green Coast\u2019s Sabine Rask won the seat. The opposition Green Coast party "
      "celebrated in Harlsund North, where Green Coast campaigned.");
  const Entity* gc = Named(party, "Green Coast");
  ASSERT_NE(gc, nullptr);
  EXPECT_EQ(gc->kind, EntityKind::kOrganization);
  for (const Entity& e : party.entities) {
    if (e.name.find("Harlsund") != std::string::npos) EXPECT_NE(e.kind, EntityKind::kPerson);
  }
}

TEST(Entities, NameAfterACompanyNounIsTheCompany) {
  const Extraction ex = Extract(
      "Her share was above the final poll by Velmora firm Kvist Analyse, which had put her on "
      "44 per cent. The carmaker Quillon Mobility said sales fell. Kvist Analyse declined to "
      "comment. The bank Mr Kastell once chaired failed, Edvard Kastell said.");
  const Entity* kvist = Named(ex, "Kvist Analyse");
  ASSERT_NE(kvist, nullptr);
  EXPECT_EQ(kvist->kind, EntityKind::kOrganization);
  const Entity* quillon = Named(ex, "Quillon Mobility");
  ASSERT_NE(quillon, nullptr);
  EXPECT_EQ(quillon->kind, EntityKind::kOrganization);
  const Entity* kastell = Named(ex, "Edvard Kastell");  // a title outranks the noun before it
  ASSERT_NE(kastell, nullptr);
  EXPECT_EQ(kastell->kind, EntityKind::kPerson);
  for (const Entity& e : ex.entities) {
    if (e.name.find("Kastell") != std::string::npos) {
      EXPECT_NE(e.kind, EntityKind::kOrganization) << e.name;
    }
  }
}

TEST(Entities, LongestFullFormWins) {
  const std::string text =
      "Putin spoke first. Later, President Vladimir Putin left. Mr Putin returned.";
  const Extraction ex = Extract(text);
  const Entity* p = Named(ex, "Vladimir Putin");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(Named(ex, "Putin"), nullptr);
  EXPECT_EQ(p->mentions, 3u);
  EXPECT_EQ(p->role, "president");
}

TEST(Entities, AppositionTeachesARole) {
  const Extraction ex = Extract(
      "Kassym-Jomart Tokayev, Kazakhstan's president, spoke. "
      "Nursultan Nazarbayev, the former president, was silent.");
  const Entity* t = Named(ex, "Kassym-Jomart Tokayev");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->role, "president");
  const Entity* n = Named(ex, "Nursultan Nazarbayev");
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(n->former);
}

TEST(Entities, UnifyAcrossDocuments) {
  const std::string a = "\"We won,\" Tokayev said.";
  const std::string b =
      "Kassym-Jomart Tokayev spoke. The Collective Security Treaty Organization (CSTO) met.";
  const std::string c =
      "The Collective Security Treaty Organisation (CSTO) met again and the CSTO left.";
  Extraction ea = Extract(a), eb = Extract(b), ec = Extract(c);
  ASSERT_EQ(ea.quotes.size(), 1u);
  EXPECT_EQ(ea.quotes[0].speaker_name, "Tokayev");
  UnifyEntityNames({&ea, &eb, &ec});
  EXPECT_EQ(ea.quotes[0].speaker_name, "Kassym-Jomart Tokayev");
  ASSERT_NE(Named(ea, "Kassym-Jomart Tokayev"), nullptr);
  // The spelling with more mentions wins for the shared acronym.
  EXPECT_NE(Named(eb, "Collective Security Treaty Organisation"), nullptr);
  EXPECT_NE(Named(ec, "Collective Security Treaty Organisation"), nullptr);
}

TEST(Entities, ContractionsAndSentenceStartsAreNotNames) {
  const Extraction ex =
      Extract("\"Look I've said it before,\" he said. Thousands of people marched.");
  for (const Entity& e : ex.entities) {
    EXPECT_EQ(e.name.find("I've"), std::string::npos) << e.name;
    EXPECT_NE(e.name, "Thousands");
  }
}

}  // namespace
}  // namespace witness::quotes
