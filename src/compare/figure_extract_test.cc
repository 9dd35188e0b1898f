// ExtractFigures: what each figure counts, its event, topic, attribution, times and status,
// on hand-checked news sentences.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "witness/figures.h"
#include "witness/text.h"

namespace witness::figures {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

const Figure* Find(const std::vector<Figure>& figs, std::string_view text) {
  for (const Figure& f : figs) {
    if (f.text == text) return &f;
  }
  return nullptr;
}

std::vector<std::string> Texts(const std::vector<Figure>& figs) {
  std::vector<std::string> v;
  for (const Figure& f : figs) v.push_back(f.text);
  return v;
}

TEST(FigureExtract, DeathTollAndDetentions) {
  const std::string s =
      "More than two dozen people were killed and about 8,000 have been detained, "
      "authorities said.";
  const auto figs = ExtractFigures(s);
  ASSERT_THAT(figs, SizeIs(2));
  const Figure& k = figs[0];
  EXPECT_EQ(k.text, "More than two dozen");
  EXPECT_EQ(k.counted, "people");
  EXPECT_EQ(k.counted_key, "people");
  EXPECT_EQ(k.event, "killed");
  EXPECT_EQ(k.event_key, "kill");
  EXPECT_EQ(k.topic, Topic::kDeath);
  EXPECT_EQ(k.interval, Interval::MoreThan(24));
  EXPECT_EQ(k.attribution.source, "authorities");
  EXPECT_EQ(k.attribution.cue, "said");
  EXPECT_EQ(k.attribution.source_span.in(s), "authorities");
  EXPECT_EQ(k.sentence, (text::Span{0, static_cast<uint32_t>(s.size())}));
  EXPECT_EQ(k.span.in(s), "More than two dozen people were killed");
  const Figure& d = figs[1];
  EXPECT_EQ(d.text, "about 8,000");
  EXPECT_EQ(d.counted, "");
  EXPECT_EQ(d.counted_key, "people");  // an event about people with the noun left out
  EXPECT_EQ(d.event, "detained");
  EXPECT_EQ(d.topic, Topic::kDetention);
  EXPECT_EQ(d.interval, Interval::Closed(7200, 8800));
}

TEST(FigureExtract, AccordingToAndPossessives) {
  const std::string s =
      "At least 164 people were killed, including three children, and almost 8,000 people "
      "have been arrested in Kazakhstan, according to the country\xE2\x80\x99s authorities.";
  const auto figs = ExtractFigures(s);
  ASSERT_THAT(Texts(figs), ElementsAre("At least 164", "three", "almost 8,000"));
  EXPECT_EQ(figs[0].topic, Topic::kDeath);
  EXPECT_EQ(figs[0].attribution.source, "the country\xE2\x80\x99s authorities");
  EXPECT_EQ(figs[0].attribution.cue, "according to");
  EXPECT_EQ(figs[1].counted, "children");
  EXPECT_EQ(figs[2].event, "arrested");
  EXPECT_EQ(figs[2].topic, Topic::kDetention);
}

TEST(FigureExtract, RetractionWithTimeAndSource) {
  const std::string s =
      "On Sunday, the information ministry retracted a statement that said more than 164 "
      "people had died in the unrest, blaming the publication on a \"technical mistake\".";
  const auto figs = ExtractFigures(s);
  ASSERT_THAT(figs, SizeIs(1));
  const Figure& f = figs[0];
  EXPECT_EQ(f.text, "more than 164");
  EXPECT_EQ(f.status, Status::kRetracted);
  EXPECT_EQ(f.status_cue_text, "retracted");
  EXPECT_EQ(f.status_cue.in(s), "retracted");
  EXPECT_EQ(f.event, "died");
  EXPECT_EQ(f.topic, Topic::kDeath);
  // "a statement that said": the relative clause is no source; the ministry is.
  EXPECT_EQ(f.attribution.source, "the information ministry");
  EXPECT_EQ(f.attribution.cue, "retracted");
  ASSERT_THAT(f.times, SizeIs(1));
  EXPECT_EQ(f.times[0].text, "On Sunday");
  EXPECT_EQ(f.times[0].type, TimeMention::Type::kWeekday);
}

TEST(FigureExtract, TroopsAndMeasureWords) {
  const std::string s =
      "The CSTO has deployed just over 2,000 troops and 250 pieces of military hardware, the "
      "Kazakh leader said.";
  const auto figs = ExtractFigures(s);
  ASSERT_THAT(figs, SizeIs(2));
  EXPECT_EQ(figs[0].counted, "troops");
  EXPECT_EQ(figs[0].counted_key, "troop");
  EXPECT_EQ(figs[0].topic, Topic::kForces);
  EXPECT_EQ(figs[0].event, "deployed");  // the verb before the number
  EXPECT_EQ(figs[0].attribution.source, "the Kazakh leader");
  EXPECT_EQ(figs[1].counted, "pieces of military hardware");
  EXPECT_EQ(figs[1].counted_key, "militari equip");  // hardware ~ equipment
  const auto other = ExtractFigures(
      "which included 2,030 troops and 250 units of military "
      "equipment");
  ASSERT_THAT(other, SizeIs(2));
  EXPECT_EQ(other[1].counted_key, "militari equip");
}

TEST(FigureExtract, QuotedCountedPhrase) {
  const std::string s =
      "Officials previously said 26 \"armed criminals\" had been killed and that 16 security "
      "officers had died.";
  const auto figs = ExtractFigures(s);
  ASSERT_THAT(figs, SizeIs(2));
  EXPECT_EQ(figs[0].counted, "armed criminals");
  EXPECT_EQ(figs[0].event, "killed");
  EXPECT_EQ(figs[0].attribution.source, "Officials");
  ASSERT_THAT(figs[0].times, SizeIs(1));
  EXPECT_EQ(figs[0].times[0].text, "previously");
  EXPECT_EQ(figs[0].times[0].type, TimeMention::Type::kOrder);
  EXPECT_EQ(figs[1].counted, "security officers");
  EXPECT_EQ(figs[1].event, "died");
}

TEST(FigureExtract, ShortAdverbBetweenSourceAndCue) {
  // "first" stands between the subject and the cue: the subject is the source, and a lone
  // pronoun is no source to name.
  const auto figs = ExtractFigures(
      "The regulator first announced a recall of 88,000 units. Quillon also said 14 fires were "
      "reported. It first announced 12 deaths.");
  ASSERT_THAT(figs, SizeIs(3));
  EXPECT_EQ(figs[0].attribution.source, "The regulator");
  EXPECT_EQ(figs[0].attribution.NamedSource(), "The regulator");
  EXPECT_EQ(figs[1].attribution.source, "Quillon");
  EXPECT_EQ(figs[2].attribution.source, "It");
  EXPECT_EQ(figs[2].attribution.NamedSource(), "");
}

TEST(FigureExtract, NumberedNamesAreNoFigures) {
  const auto figs = ExtractFigures(
      "Police cleared Gate 4 of the Nordkai terminal and the Line 7 tram stopped; 40 people "
      "were hurt and 4 gates stayed shut.");
  ASSERT_THAT(figs, SizeIs(2));
  EXPECT_EQ(figs[0].text, "40");
  EXPECT_EQ(figs[0].counted, "people");
  EXPECT_EQ(figs[1].text, "4");  // a lower-case noun after the number: a count of gates
}

TEST(FigureExtract, FigureSetAsideWithNot) {
  const auto figs = ExtractFigures(
      "The ministry said 19 people were held \xE2\x80\x94 not 58, as it announced on the day. "
      "Turnout was 41%, not bad for a by-election.");
  ASSERT_THAT(figs, SizeIs(3));
  EXPECT_EQ(figs[0].status, Status::kPlain);
  EXPECT_EQ(figs[1].text, "58");
  EXPECT_EQ(figs[1].status, Status::kSuperseded);
  EXPECT_EQ(figs[1].status_cue_text, "not");
  EXPECT_EQ(figs[1].counted_key, figs[0].counted_key);  // what the 19 counts
  EXPECT_EQ(figs[1].topic, figs[0].topic);
  EXPECT_EQ(figs[2].status, Status::kPlain);  // "not" after it, not before
  // In a comparison: the other outlet's 58 repeats the value set aside.
  std::vector<SourcedFigure> claims;
  for (Figure& f : ExtractFigures("The ministry said 19 people were held \xE2\x80\x94 not 58.")) {
    claims.push_back({"a", std::move(f)});
  }
  for (Figure& f : ExtractFigures("Police said 58 people were held.")) {
    claims.push_back({"b", std::move(f)});
  }
  const auto groups = CompareFigures(claims);
  ASSERT_THAT(groups, SizeIs(1));
  EXPECT_THAT(groups[0].retracted, SizeIs(1));
  EXPECT_THAT(groups[0].echoes_retracted, SizeIs(1));
}

TEST(FigureExtract, PopulationAgeDuration) {
  auto f = ExtractFigures("The Central Asian country of 19 million people has been left reeling.");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].topic, Topic::kPopulation);
  f = ExtractFigures("the 81-year-old founding president");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].topic, Topic::kAge);
  EXPECT_EQ(f[0].counted, "year-old");
  f = ExtractFigures("uprisings in the last two decades");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].topic, Topic::kDuration);
  f = ExtractFigures("a six-nation bloc");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].counted, "nation");
}

TEST(FigureExtract, YearsDatesAndTimesAreNotFigures) {
  EXPECT_THAT(ExtractFigures("the 2014 uprising in Ukraine, in 1997, since 2019"), SizeIs(0));
  EXPECT_THAT(ExtractFigures("on Monday (Jan 10), on 10 January 2022, Jan 6, 2022"), SizeIs(0));
  EXPECT_THAT(ExtractFigures("at 10:30, at 5 pm, COVID-19, call 555-123-4567"), SizeIs(0));
  EXPECT_THAT(ExtractFigures("the first time, the 21st century"), SizeIs(0));
  // A four-digit number before a plural noun is a count.
  const auto f = ExtractFigures("2030 troops arrived");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].counted, "troops");
}

TEST(FigureExtract, EventsBeforeTheNumber) {
  auto f = ExtractFigures("The death toll rose to 164 on Monday.");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].event, "death toll");
  EXPECT_EQ(f[0].topic, Topic::kDeath);
  EXPECT_EQ(f[0].counted_key, "people");
  f = ExtractFigures("Police arrested nearly 8,000 people.");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].topic, Topic::kDetention);
  f = ExtractFigures("ALSO READ: 164 killed, more than 5,000 detained in Kazakhstan");
  ASSERT_THAT(f, SizeIs(2));
  EXPECT_EQ(f[0].event, "killed");
  EXPECT_EQ(f[0].counted, "");
  EXPECT_EQ(f[1].event, "detained");
  EXPECT_EQ(f[1].topic, Topic::kDetention);
}

TEST(FigureExtract, VagueAndPartitive) {
  auto f = ExtractFigures("Thousands of people were detained last week.");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].counted, "people");
  EXPECT_EQ(f[0].topic, Topic::kDetention);
  EXPECT_EQ(f[0].interval, (Interval{2000, 10000, true, false}));
  ASSERT_THAT(f[0].times, SizeIs(1));
  EXPECT_EQ(f[0].times[0].text, "last week");
  f = ExtractFigures("He won 52.5% of the vote.");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].topic, Topic::kPercent);
  EXPECT_EQ(f[0].counted, "vote");
  f = ExtractFigures("Authorities have blamed \"terrorists\" who number as many as 20,000.");
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].counted, "terrorists");
  EXPECT_EQ(f[0].interval, Interval::Closed(0, 20000));  // counts are never negative
}

TEST(FigureExtract, Revisions) {
  const std::string s = "The ministry revised the toll from 164 to 26.";
  const auto f = ExtractFigures(s);
  ASSERT_THAT(f, SizeIs(2));
  EXPECT_EQ(f[0].status, Status::kSuperseded);
  EXPECT_EQ(f[1].status, Status::kCorrected);
  EXPECT_EQ(f[0].status_cue.in(s), "revised");
}

// A figure its own sentence reports as an earlier one is superseded; the figure after it is
// not, nor is an ordinal "first".
TEST(FigureExtract, EarlierFiguresInTheirOwnClause) {
  auto status_of = [](const std::vector<Figure>& f, const std::string& s, std::string_view num) {
    for (const Figure& x : f) {
      if (x.span.in(s).find(num) != std::string_view::npos) return x.status;
    }
    ADD_FAILURE() << "no figure " << num << " in: " << s;
    return Status::kPlain;
  };
  std::string s =
      "The company is now recalling 131,500 scooters, two days after it first announced a "
      "recall of 88,000 units.";
  auto f = ExtractFigures(s);
  EXPECT_EQ(status_of(f, s, "131,500"), Status::kPlain);
  EXPECT_EQ(status_of(f, s, "88,000"), Status::kSuperseded);
  s = "The toll, initially put at 12 people before it was raised to 15 people, rose again.";
  f = ExtractFigures(s);
  EXPECT_EQ(status_of(f, s, "12"), Status::kSuperseded);
  EXPECT_EQ(status_of(f, s, "15"), Status::kPlain);
  s = "In the first 100 days the government hired 2,000 teachers.";
  f = ExtractFigures(s);
  for (const auto& x : f) EXPECT_EQ(x.status, Status::kPlain) << x.span.in(s);
}

TEST(FigureExtract, InvertedAttributionAndWeekday) {
  const std::string s =
      "In total, nearly 8,000 people have been detained for questioning, the interior "
      "ministry said Monday.";
  const auto f = ExtractFigures(s);
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].attribution.source, "the interior ministry");
  ASSERT_THAT(f[0].times, SizeIs(1));
  EXPECT_EQ(f[0].times[0].text, "Monday");
  const auto g = ExtractFigures("\"About 300 people fled,\" said the mayor of the city.");
  ASSERT_THAT(g, SizeIs(1));
  EXPECT_EQ(g[0].attribution.source, "the mayor of the city");
  EXPECT_EQ(g[0].topic, Topic::kDisplacement);
}

TEST(FigureExtract, PresegmentedGivesTheSameFigures) {
  const std::string s =
      "Kazakhstan said 164 people died.\n\nMore than 5,000 were detained, police said. Some 20 "
      "were injured.";
  const auto a = ExtractFigures(s);
  const auto b = ExtractFigures(s, text::Segment(s));
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text);
    EXPECT_EQ(a[i].sentence, b[i].sentence);
    EXPECT_EQ(a[i].attribution.source, b[i].attribution.source);
  }
  ASSERT_THAT(a, SizeIs(3));
  EXPECT_EQ(a[1].sentence.in(s), "More than 5,000 were detained, police said.");
  EXPECT_EQ(a[1].attribution.source, "police");
  EXPECT_EQ(a[2].topic, Topic::kInjury);
}

TEST(FigureExtract, BadInputs) {
  EXPECT_THAT(ExtractFigures(""), SizeIs(0));
  EXPECT_THAT(ExtractFigures("1,2,3 and 10^100 and 192.168.1.1"), SizeIs(1));  // 10^100 only
  const std::string bad = std::string("\xFF 12 people died \xC0\x80") + std::string(1, '\0');
  const auto f = ExtractFigures(bad);
  ASSERT_THAT(f, SizeIs(1));
  EXPECT_EQ(f[0].topic, Topic::kDeath);
  // A 10,000-word paragraph with no sentence end: linear, and every figure found.
  std::string p;
  for (int i = 0; i < 1000; ++i) p += "officials said more than 20 people were killed and ";
  const auto t0 = std::chrono::steady_clock::now();
  const auto many = ExtractFigures(p);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(many.size(), 1000u);
  EXPECT_LT(secs, 5.0);
  for (const Figure& g : many) {
    EXPECT_LE(g.span.end, p.size());
    EXPECT_LE(g.sentence.begin, g.number.span.begin);
  }
}

}  // namespace
}  // namespace witness::figures
