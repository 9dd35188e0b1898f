// Small hand-written articles for the stories unit tests: three stories (a port strike, a
// scooter recall, a by-election in the same city as the strike) and unrelated singles.
#ifndef WITNESS_STORIES_TEST_ARTICLES_H_
#define WITNESS_STORIES_TEST_ARTICLES_H_

#include <string>

#include "witness/stories.h"

namespace witness::stories::testing {

inline ArticleInput Art(std::string id, std::string source, std::string title, std::string text,
                        std::string published = "", std::string copy_of = "") {
  ArticleInput a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.title = std::move(title);
  a.text = std::move(text);
  a.published = std::move(published);
  a.copy_of = std::move(copy_of);
  return a;
}

inline ArticleInput Strike1(std::string published = "2025-03-10") {
  return Art("strike1", "lodestar", "Dockworkers strike at Harlsund port over pay",
             "Dockworkers at the port of Harlsund walked out on Monday after pay talks with the "
             "port authority collapsed. The union, led by Tomas Reyk, wants a 9% raise and "
             "guarantees on crane automation. About 1,214 dockworkers joined the strike, halting "
             "container traffic at the Nordkai terminal.",
             std::move(published));
}
inline ArticleInput Strike2(std::string published = "2025-03-11") {
  return Art("strike2", "observer", "Harlsund port strike halts container traffic",
             "Container traffic at Harlsund stopped for a second day as 1,214 dockworkers kept up "
             "their strike. Union leader Tomas Reyk said the port authority had refused a 9% pay "
             "rise. Police were sent to the Nordkai terminal gate.",
             std::move(published));
}
inline ArticleInput Strike3(std::string published = "2025-03-11") {
  return Art("strike3", "herald", "Police clear striking dockworkers at Harlsund gate",
             "Police used tear gas to clear striking dockworkers from the Nordkai terminal gate in "
             "Harlsund. Tomas Reyk, the union leader, condemned the police. The dockworkers' "
             "strike over pay and crane automation is in its third day.",
             std::move(published));
}
inline ArticleInput Recall1(std::string published = "2025-03-11") {
  return Art("recall1", "lodestar", "Quillon recalls 88,000 e-scooters over battery fires",
             "Scooter maker Quillon Mobility is recalling 88,000 e-scooters after 14 battery "
             "fires, chief executive Renata Oduya said in Lisbrook. Owners should stop riding the "
             "Q3 Glide model at once and ask for a replacement battery.",
             std::move(published));
}
inline ArticleInput Recall2(std::string published = "2025-03-13") {
  return Art("recall2", "herald", "Quillon widens scooter recall after more battery fires",
             "Quillon Mobility widened its e-scooter recall to 131,500 units after 23 battery "
             "fires. Renata Oduya said the Q3 Glide battery packs came from an outside supplier "
             "and owners would get a replacement battery.",
             std::move(published));
}
inline ArticleInput Election1(std::string published = "2025-03-14") {
  return Art("election1", "lodestar", "Green Coast wins Harlsund North by-election",
             "Sabine Rask of the Green Coast party won the Harlsund North by-election with 48.3% "
             "of the vote, taking a seat the Civic Union had held since 2011. Turnout was 41.7% "
             "and Rask thanked her volunteers.",
             std::move(published));
}
inline ArticleInput Election2(std::string published = "2025-03-14") {
  return Art("election2", "observer", "Rask takes Harlsund North seat from Civic Union",
             "Sabine Rask won the by-election in Harlsund North for Green Coast. The Civic Union "
             "candidate Piet Vander conceded after the count showed Rask with 18,402 votes, or "
             "48.3% of the vote.",
             std::move(published));
}
inline ArticleInput Weather(std::string published = "2025-03-12") {
  return Art("weather", "observer", "Storm brings snow and gales to the western coast",
             "Forecasters warned that Storm Elke would bring heavy snow and gales of up to 120 "
             "km/h to the western coast overnight. Ferries were cancelled and schools closed.",
             std::move(published));
}

}  // namespace witness::stories::testing

#endif  // WITNESS_STORIES_TEST_ARTICLES_H_
