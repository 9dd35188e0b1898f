#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "stories/test_articles.h"
#include "witness/stories.h"
#include "witness/text.h"

namespace witness::stories {
namespace {

using testing::Art;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Add(Clusterer& c, const ArticleInput& a) {
  StatusOr<StoryAssignment> r = c.Add(a);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? r->story : "";
}

TEST(Clusterer, FirstArticleStartsStoryS1) {
  Clusterer c;
  StatusOr<StoryAssignment> r = c.Add(testing::Strike1());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->story, "s1");
  EXPECT_EQ(r->kind, AssignmentKind::kNew);
  EXPECT_EQ(r->score, 0);
  EXPECT_TRUE(r->dated);
  EXPECT_TRUE(r->note.empty()) << r->note;
  std::vector<StoryEvent> ev = c.TakeEvents();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, EventKind::kCreated);
  EXPECT_EQ(ev[0].article, "strike1");
  EXPECT_EQ(ev[0].story, "s1");
  EXPECT_EQ(ev[0].seq, 1u);
  EXPECT_TRUE(c.TakeEvents().empty());
  EXPECT_EQ(c.article_count(), 1u);
  EXPECT_EQ(c.story_count(), 1u);
}

TEST(Clusterer, ReportsOfOneStoryJoinAndOtherStoriesStartNew) {
  Clusterer c;
  EXPECT_EQ(Add(c, testing::Strike1()), "s1");
  StatusOr<StoryAssignment> r = c.Add(testing::Strike2());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->story, "s1");
  EXPECT_EQ(r->kind, AssignmentKind::kJoined);
  EXPECT_GE(r->score, c.options().join_threshold);
  EXPECT_EQ(Add(c, testing::Recall1()), "s2");
  EXPECT_EQ(Add(c, testing::Strike3()), "s1");
  EXPECT_EQ(Add(c, testing::Weather()), "s3");
  EXPECT_EQ(Add(c, testing::Recall2()), "s2");
  // Same city, same week, different story.
  EXPECT_EQ(Add(c, testing::Election1()), "s4");
  EXPECT_EQ(Add(c, testing::Election2()), "s4");
  EXPECT_EQ(c.story_count(), 4u);
  EXPECT_EQ(c.article_count(), 8u);

  StatusOr<Story> s = c.GetStory("s1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->articles, 3u);
  EXPECT_EQ(s->first, "2025-03-10T12:00:00Z");
  EXPECT_EQ(s->last, "2025-03-11T12:00:00Z");
  EXPECT_THAT(s->sources, ElementsAre(SourceCount{"herald", 1}, SourceCount{"lodestar", 1},
                                      SourceCount{"observer", 1}));
  // The label is one of the members' titles.
  std::set<std::string> titles = {testing::Strike1().title, testing::Strike2().title,
                                  testing::Strike3().title};
  EXPECT_TRUE(titles.count(s->label)) << s->label;
  EXPECT_TRUE(s->aliases.empty());
}

TEST(Clusterer, TimeKeepsApartWhatWordsWouldJoin) {
  Clusterer c;
  EXPECT_EQ(Add(c, testing::Strike1("2025-03-10")), "s1");
  // The same words two months later: beyond max_gap_days, a new story.
  ArticleInput later = testing::Strike2("2025-05-10");
  EXPECT_EQ(Add(c, later), "s2");
  // A few days later the score decays but the story is still reachable.
  Clusterer d;
  Add(d, testing::Strike1("2025-03-10"));
  StatusOr<StoryAssignment> same_day = d.Add(testing::Strike2("2025-03-10T18:00:00Z"));
  Clusterer e;
  Add(e, testing::Strike1("2025-03-10"));
  StatusOr<StoryAssignment> days_later = e.Add(testing::Strike2("2025-03-14"));
  ASSERT_TRUE(same_day.ok() && days_later.ok());
  EXPECT_EQ(same_day->story, "s1");
  EXPECT_LT(days_later->score, same_day->score);
}

TEST(Clusterer, UndatedArticlesIgnoreTime) {
  Clusterer c;
  Add(c, testing::Strike1("2025-03-10"));
  StatusOr<StoryAssignment> r = c.Add(testing::Strike2(""));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->story, "s1");
  EXPECT_FALSE(r->dated);
  // An undated story is reachable from any date.
  Clusterer d;
  Add(d, testing::Strike1(""));
  EXPECT_EQ(Add(d, testing::Strike2("2031-01-01")), "s1");
  StatusOr<Story> s = d.GetStory("s1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->first, "2031-01-01T12:00:00Z");  // the span covers dated members only
}

TEST(Clusterer, OutOfOrderArticlesStillJoin) {
  Clusterer c;
  EXPECT_EQ(Add(c, testing::Strike3("2025-03-12")), "s1");
  EXPECT_EQ(Add(c, testing::Strike1("2025-03-10")), "s1");  // two days earlier
  EXPECT_EQ(Add(c, testing::Strike2("2025-03-11")), "s1");  // inside the span
  StatusOr<Story> s = c.GetStory("s1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->first, "2025-03-10T12:00:00Z");
  EXPECT_EQ(s->last, "2025-03-12T12:00:00Z");
  StatusOr<std::vector<StoryMember>> m = c.Members("s1");
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->size(), 3u);
  EXPECT_EQ((*m)[0].article, "strike1");  // by time, not by arrival
  EXPECT_EQ((*m)[1].article, "strike2");
  EXPECT_EQ((*m)[2].article, "strike3");
}

TEST(Clusterer, BadInputHasDefinedBehaviour) {
  Clusterer c;
  StatusOr<StoryAssignment> r = c.Add(Art("", "x", "title", "text"));
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(c.article_count(), 0u);

  // No text at all, or nothing but stopwords: a story of its own, never joined by content.
  r = c.Add(Art("empty1", "x", "", ""));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, AssignmentKind::kNew);
  EXPECT_THAT(r->note, HasSubstr("no words"));
  r = c.Add(Art("empty2", "x", "", "the of and , ."));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, AssignmentKind::kNew);
  EXPECT_NE(r->story, c.StoryOf("empty1"));
  EXPECT_EQ(Add(c, testing::Strike1()), "s3");

  // The same id again: reported, nothing changes.
  const size_t stories = c.story_count();
  c.TakeEvents();
  r = c.Add(testing::Strike1());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, AssignmentKind::kDuplicate);
  EXPECT_EQ(r->story, "s3");
  ArticleInput changed = testing::Recall1();
  changed.id = "strike1";  // same id, other text: the first version wins
  r = c.Add(changed);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, AssignmentKind::kDuplicate);
  EXPECT_EQ(r->story, "s3");
  EXPECT_EQ(c.story_count(), stories);
  EXPECT_EQ(c.article_count(), 3u);
  EXPECT_TRUE(c.TakeEvents().empty());

  // A 3 MB text: only its start is analysed, and it still finds its story.
  ArticleInput huge = testing::Strike2();
  huge.id = "huge";
  for (int i = 0; i < 13; ++i) huge.text += huge.text;  // 8192 copies
  ASSERT_GT(huge.text.size(), 1u << 20);
  r = c.Add(huge);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->story, "s3");
}

TEST(Clusterer, DatesOutsideTheValidRangeAreIgnored) {
  StoryOptions o;
  o.now = *ParsePublished("2025-03-12T00:00:00Z");
  Clusterer c(o);
  Add(c, testing::Strike1("2025-03-10"));
  struct Case {
    const char* published;
    const char* note;
  } cases[] = {{"2999-01-01", "outside the years"},
               {"1066-10-14", "outside the years"},
               {"2025-04-01", "in the future"},
               {"next tuesday", "not an ISO 8601 date"}};
  int n = 0;
  for (const Case& k : cases) {
    ArticleInput a = testing::Strike2(k.published);
    a.id = "s2-" + std::to_string(n++);
    StatusOr<StoryAssignment> r = c.Add(a);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->dated) << k.published;
    EXPECT_THAT(r->note, HasSubstr(k.note));
    EXPECT_EQ(r->story, "s1") << k.published;  // undated: joins by content alone
  }
  // The story's span is untouched by ignored dates.
  StatusOr<Story> s = c.GetStory("s1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->last, "2025-03-10T12:00:00Z");
  // A date within the allowance after `now` is used.
  ArticleInput soon = testing::Strike3("2025-03-13");
  StatusOr<StoryAssignment> r = c.Add(soon);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->dated);
}

TEST(Clusterer, CopyOfHintJoinsTheOriginalsStory) {
  Clusterer c;
  Add(c, testing::Strike1());
  Add(c, testing::Recall1());
  // A copy whose text shares nothing with the original still joins through the hint.
  StatusOr<StoryAssignment> r = c.Add(
      Art("copy", "aggregator", "Storm news", "Forecasters expect snow.", "2025-03-10", "strike1"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->story, "s1");
  EXPECT_TRUE(r->via_copy);
  StatusOr<std::vector<StoryMember>> m = c.Members("s1");
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(std::any_of(m->begin(), m->end(), [](const StoryMember& x) { return x.via_copy; }));
  // An unknown original: assigned by content, with a note.
  r = c.Add(Art("copy2", "aggregator", testing::Recall2().title, testing::Recall2().text,
                "2025-03-12", "no-such-article"));
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->via_copy);
  EXPECT_EQ(r->story, "s2");
  EXPECT_THAT(r->note, HasSubstr("not a known article"));
}

// Two stories on one subject that began apart; an article covering both merges them, and the
// older id survives whichever story the article joined.
TEST(Clusterer, MergeKeepsTheOlderIdAndRecordsTheAlias) {
  StoryOptions o;
  o.merge_threshold = 0.2;
  Clusterer c(o);
  EXPECT_EQ(Add(c, Art("cranes", "harbour-news", "Container ships queue as cranes stand idle",
                       "Container ships queued offshore as cranes stood idle and the cargo backlog "
                       "grew at the harbour terminals.",
                       "2025-03-11")),
            "s1");
  EXPECT_EQ(
      Add(c, Art("rail", "rail-news", "Freight trains cancelled as locomotive drivers walk out",
                 "Freight trains were cancelled across the network as locomotive drivers "
                 "walked out and timetables collapsed.",
                 "2025-03-11")),
      "s2");
  c.TakeEvents();
  // Closer to the newer story: it joins s2, and the merge keeps s1.
  StatusOr<StoryAssignment> r = c.Add(Art(
      "bridge", "wire", "Freight trains cancelled and cranes idle as transport strike spreads",
      "Freight trains were cancelled across the network as locomotive drivers walked out and "
      "timetables collapsed. Container ships queued offshore as cranes stood idle at the harbour "
      "terminals.",
      "2025-03-11"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, AssignmentKind::kMerged);
  EXPECT_EQ(r->story, "s1");
  EXPECT_THAT(r->merged, ElementsAre("s2"));
  EXPECT_EQ(c.StoryOf("rail"), "s1");
  EXPECT_EQ(c.Resolve("s2"), "s1");
  EXPECT_EQ(c.Resolve("s1"), "s1");
  EXPECT_FALSE(c.Resolve("s9").has_value());
  StatusOr<Story> s = c.GetStory("s2");  // an alias finds the survivor
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->id, "s1");
  EXPECT_EQ(s->articles, 3u);
  EXPECT_THAT(s->aliases, ElementsAre("s2"));
  std::vector<StoryEvent> ev = c.TakeEvents();
  bool merged = false;
  for (const StoryEvent& e : ev)
    if (e.kind == EventKind::kMerged) {
      merged = true;
      EXPECT_EQ(e.story, "s1");
      EXPECT_EQ(e.from, "s2");
      EXPECT_TRUE(e.article.empty());
    }
  EXPECT_TRUE(merged);
  EXPECT_EQ(c.story_count(), 1u);
  // Ids are never reused: the next story is s3.
  EXPECT_EQ(Add(c, testing::Weather()), "s3");
}

// An article that started a story of its own moves into a story that has grown towards it, as
// long as it is among the last revisit_window articles.
TEST(Clusterer, RecentArticlesMoveToTheStoryTheyFitBetter) {
  auto gate = Art("gate", "chronicle", "Tear gas at the terminal gate",
                  "Police fired tear gas at the Nordkai terminal gate on Tuesday and detained "
                  "58 people, the interior ministry said.",
                  "2025-03-11");
  auto run = [&](uint32_t window, std::string* first) {
    StoryOptions o;
    o.revisit_window = window;
    Clusterer c(o);
    Add(c, testing::Strike1());
    *first = Add(c, gate);
    c.TakeEvents();
    Add(c, testing::Strike2());
    std::string moved_to = Add(c, testing::Strike3());
    bool moved_event = false;
    for (const StoryEvent& e : c.TakeEvents())
      if (e.kind == EventKind::kMoved && e.article == "gate") {
        moved_event = true;
        EXPECT_EQ(e.from, "s2");
        EXPECT_EQ(e.story, "s1");
      }
    EXPECT_EQ(moved_event, *c.StoryOf("gate") == "s1");
    return *c.StoryOf("gate");
  };
  std::string first;
  EXPECT_EQ(run(512, &first), "s1");
  ASSERT_EQ(first, "s2") << "the gate report should first stand alone";
  // Outside the revisit window, the first assignment is final.
  EXPECT_EQ(run(1, &first), "s2");
}

TEST(Clusterer, RemoveTakesAnArticleOut) {
  Clusterer c;
  Add(c, testing::Strike1());
  Add(c, testing::Strike2());
  Add(c, testing::Recall1());
  c.TakeEvents();
  ASSERT_TRUE(c.Remove("strike2").ok());
  EXPECT_FALSE(c.StoryOf("strike2").has_value());
  EXPECT_EQ(c.article_count(), 2u);
  StatusOr<Story> s = c.GetStory("s1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->articles, 1u);
  EXPECT_EQ(s->last, "2025-03-10T12:00:00Z");
  EXPECT_THAT(s->sources, ElementsAre(SourceCount{"lodestar", 1}));
  std::vector<StoryEvent> ev = c.TakeEvents();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].kind, EventKind::kRemoved);
  EXPECT_EQ(ev[0].article, "strike2");
  EXPECT_EQ(c.Remove("strike2").code(), Status::Code::kNotFound);
  // Emptied: no longer listed or found, id kept.
  ASSERT_TRUE(c.Remove("strike1").ok());
  EXPECT_EQ(c.GetStory("s1").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(c.story_count(), 1u);
  EXPECT_EQ(c.Stories().size(), 1u);
  // The id may be added again, and starts a new story (the emptied one is not matched).
  EXPECT_EQ(Add(c, testing::Strike2()), "s3");
}

TEST(Clusterer, StoriesListingFiltersAndOrders) {
  Clusterer c;
  Add(c, testing::Strike1());  // s1: 03-10..03-11
  Add(c, testing::Strike2());
  Add(c, testing::Recall1());  // s2: 03-11..03-13
  Add(c, testing::Recall2());
  Add(c, testing::Weather(""));  // s3: undated
  std::vector<Story> all = c.Stories();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, "s2");  // newest activity first
  EXPECT_EQ(all[1].id, "s1");
  EXPECT_EQ(all[2].id, "s3");  // undated last
  StoryFilter f;
  f.since = *ParsePublished("2025-03-12");
  std::vector<Story> recent = c.Stories(f);
  ASSERT_EQ(recent.size(), 1u);
  EXPECT_EQ(recent[0].id, "s2");
  f = {};
  f.min_articles = 2;
  EXPECT_EQ(c.Stories(f).size(), 2u);
  f.limit = 1;
  EXPECT_EQ(c.Stories(f).size(), 1u);
  EXPECT_EQ(c.GetStory("s0").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(c.GetStory("x1").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(c.GetStory("s01").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(c.Members("s99").status().code(), Status::Code::kNotFound);
}

TEST(Clusterer, OptionsOutOfRangeAreClamped) {
  StoryOptions o;
  o.article_terms = 0;
  o.story_terms = 0;
  o.time_decay_hours = -5;
  o.max_candidates = 0;
  Clusterer c(o);
  EXPECT_EQ(c.options().article_terms, 1u);
  EXPECT_GT(c.options().time_decay_hours, 0);
  EXPECT_TRUE(c.Add(testing::Strike1()).ok());
  EXPECT_TRUE(c.Add(testing::Strike2()).ok());
}

TEST(Clusterer, InvalidUtf8IsRepaired) {
  Clusterer c;
  ArticleInput a = testing::Strike1();
  a.text += "\xFF\xFE broken \xC3";
  a.title += "\x80";
  StatusOr<StoryAssignment> r = c.Add(a);
  ASSERT_TRUE(r.ok());
  StatusOr<Story> s = c.GetStory(r->story);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(text::IsValidUtf8(s->label));
  EXPECT_EQ(Add(c, testing::Strike2()), r->story);
}

TEST(StoryJson, OneLineWithEveryField) {
  Story s;
  s.id = "s3";
  s.label = "Port \"strike\"";
  s.label_article = "a1";
  s.first = "2025-03-10T12:00:00Z";
  s.last = "2025-03-11T12:00:00Z";
  s.articles = 2;
  s.sources = {{"fox", 1}, {"nyt", 1}};
  s.aliases = {"s7"};
  EXPECT_EQ(
      StoryToJson(s),
      "{\"aliases\":[\"s7\"],\"articles\":2,\"first\":\"2025-03-10T12:00:00Z\",\"id\":\"s3\","
      "\"label\":\"Port "
      "\\\"strike\\\"\",\"label_article\":\"a1\",\"last\":\"2025-03-11T12:00:00Z\","
      "\"sources\":[{\"articles\":1,\"source\":\"fox\"},{\"articles\":1,\"source\":\"nyt\"}]}");
  StoryMember m{"a1", "fox", "2025-03-10T12:00:00Z", "Port strike", 0.41234, true};
  EXPECT_EQ(
      MemberToJson(m),
      "{\"article\":\"a1\",\"headline\":\"Port strike\",\"published\":\"2025-03-10T12:00:00Z\","
      "\"score\":0.4123,\"source\":\"fox\",\"via_copy\":true}");
  EXPECT_STREQ(AssignmentKindName(AssignmentKind::kMerged), "merged");
  EXPECT_STREQ(EventKindName(EventKind::kMoved), "moved");
}

}  // namespace
}  // namespace witness::stories
