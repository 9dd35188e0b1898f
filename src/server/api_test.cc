// The JSON documents of the API over the sample corpus, checked against its answer key
// (examples/TRUTH.md).
#include "server/api.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "server/test_corpus.h"

namespace witness::server {
namespace {

using nlohmann::json;

// The stored id of the article read from `path` (relative to examples/corpus).
std::string IdOf(Store* store, const std::string& path) {
  std::string id;
  Status s = store->Scan({}, [&](Article&& a) {
    if (a.origin.size() >= path.size() &&
        a.origin.compare(a.origin.size() - path.size(), path.size(), path) == 0) {
      id = a.id;
    }
    return Status::OK();
  });
  EXPECT_TRUE(s.ok());
  EXPECT_FALSE(id.empty()) << path;
  return id;
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = testing::OpenReadOnly(testing::SampleDb());
    ASSERT_NE(store_, nullptr);
  }
  std::unique_ptr<Store> store_;
};

TEST_F(ApiTest, StoryListPagesThroughEveryStoryNewestFirst) {
  StatusOr<json> all = StoryListJson(store_.get(), {.limit = 500});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  const json& stories = (*all)["stories"];
  StatusOr<uint64_t> count = store_->CountStories();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ((*all)["total"], *count);
  EXPECT_EQ(stories.size(), *count);
  EXPECT_FALSE((*all)["more"]);
  // 3 stories of 10, 7 and 5 articles and 8 articles standing alone (TRUTH.md).
  std::multiset<int> sizes;
  for (const json& s : stories) sizes.insert(s["articles"].get<int>());
  EXPECT_EQ(sizes, (std::multiset<int>{1, 1, 1, 1, 1, 1, 1, 1, 5, 7, 10}));
  std::string previous = "9999";
  for (const json& s : stories) {
    std::string last = s["last"];
    if (last.empty()) continue;
    EXPECT_LE(last, previous);
    previous = last;
    int sum = 0;
    for (const json& c : s["sources"]) sum += c["articles"].get<int>();
    EXPECT_EQ(sum, s["articles"].get<int>());
  }
  // Pages of 4 give the same stories in the same order.
  json paged = json::array();
  for (uint64_t offset = 0;; offset += 4) {
    StatusOr<json> page = StoryListJson(store_.get(), {.limit = 4, .offset = offset});
    ASSERT_TRUE(page.ok());
    for (const json& s : (*page)["stories"]) paged.push_back(s);
    EXPECT_EQ((*page)["limit"], 4);
    if (!(*page)["more"]) break;
    EXPECT_EQ((*page)["stories"].size(), 4u);
  }
  EXPECT_EQ(paged, stories);
}

TEST_F(ApiTest, StoryListFilters) {
  StatusOr<json> wire = StoryListJson(store_.get(), {.source = "lodestar-wire", .limit = 50});
  ASSERT_TRUE(wire.ok());
  EXPECT_FALSE((*wire)["stories"].empty());
  EXPECT_TRUE((*wire)["total"].is_null());  // filtered: no total
  for (const json& s : (*wire)["stories"]) {
    bool has = false;
    for (const json& c : s["sources"]) has |= c["source"] == "lodestar-wire";
    EXPECT_TRUE(has) << s.dump();
  }
  StatusOr<json> since = StoryListJson(store_.get(), {.since = "2025-03-14", .limit = 50});
  ASSERT_TRUE(since.ok());
  EXPECT_FALSE((*since)["stories"].empty());
  for (const json& s : (*since)["stories"]) EXPECT_GE(s["last"].get<std::string>(), "2025-03-14");
  StatusOr<json> big = StoryListJson(store_.get(), {.min_articles = 5, .limit = 50});
  ASSERT_TRUE(big.ok());
  EXPECT_EQ((*big)["stories"].size(), 3u);
  StatusOr<json> none = StoryListJson(store_.get(), {.query = "zzzunlikelyword", .limit = 50});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE((*none)["stories"].empty());
  StatusOr<json> bad = StoryListJson(store_.get(), {.since = "last tuesday", .limit = 50});
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
}

TEST_F(ApiTest, StoryPageOfTheStrike) {
  const std::string a2 = IdOf(store_.get(), "lodestar-wire/2025-03-11-harlsund-port-clashes.txt");
  const std::string a5 =
      IdOf(store_.get(), "coastwatch-daily/2025-03-11-ostrevia-port-strike-turns-violent.txt");
  const std::string a6 =
      IdOf(store_.get(), "eastern-chronicle/2025-03-11-harlsund-port-clashes.txt");
  const std::string a10 =
      IdOf(store_.get(), "velmora-observer/2025-03-13-ministry-corrects-arrest-figure.txt");
  StatusOr<std::optional<std::string>> story = store_->StoryOf(a2);
  ASSERT_TRUE(story.ok() && story->has_value());

  StatusOr<StoryState> state = LoadStoryState(store_.get(), **story, 200);
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_EQ(state->members.size(), 10u);
  EXPECT_EQ(state->analysed, 10u);
  StatusOr<StoryState> again = LoadStoryState(store_.get(), **story, 200);
  EXPECT_EQ(again->fingerprint, state->fingerprint);
  StatusOr<StoryState> fewer = LoadStoryState(store_.get(), **story, 3);
  EXPECT_EQ(fewer->analysed, 3u);
  EXPECT_NE(fewer->fingerprint, state->fingerprint);

  StatusOr<json> page = StoryDetailJson(store_.get(), *state);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const json& p = *page;
  EXPECT_EQ(p["story"]["id"], **story);
  EXPECT_EQ(p["members"].size(), 10u);
  EXPECT_FALSE(p["truncated"]);
  // The digest cites members only; its sections condense the comparison.
  std::set<std::string> ids;
  for (const json& m : p["members"]) ids.insert(m["article"].get<std::string>());
  ASSERT_TRUE(p["digest"].is_object()) << p["digest"].dump();
  ASSERT_FALSE(p["digest"]["brief"]["sentences"].empty());
  for (const json& sentence : p["digest"]["full"]["sentences"]) {
    EXPECT_TRUE(ids.count(sentence["article"].get<std::string>()));
    for (const json& c : sentence["citations"]) EXPECT_TRUE(ids.count(c["article"].get<std::string>()));
  }
  EXPECT_TRUE(p["digest"]["sections"].contains("syndication"));
  ASSERT_TRUE(p["comparison"].is_object());
  EXPECT_EQ(p["comparison"]["articles"].size(), 10u);
  for (const json& m : p["members"]) {
    EXPECT_TRUE(m["analysed"]);
    EXPECT_FALSE(m["lede"].get<std::string>().empty()) << m["article"];
  }

  // The graph: A5 and A6 are copies of A2, which is their group's likely source.
  EXPECT_EQ(p["graph"]["nodes"].size(), 10u);
  auto edge = [&](const std::string& x, const std::string& y) -> const json* {
    for (const json& e : p["graph"]["edges"]) {
      if ((e["a"] == x && e["b"] == y) || (e["a"] == y && e["b"] == x)) return &e;
    }
    return nullptr;
  };
  for (const std::string& copy : {a5, a6}) {
    const json* e = edge(a2, copy);
    ASSERT_NE(e, nullptr) << copy;
    EXPECT_NE((*e)["kind"], "shares-passages");
    EXPECT_EQ((*e)["origin"], (*e)["a"] == a2 ? "a" : "b") << e->dump();
  }
  bool group_found = false;
  for (const json& g : p["graph"]["copy_groups"]) {
    std::set<std::string> members = g["members"];
    if (members.count(a2)) {
      group_found = true;
      EXPECT_TRUE(members.count(a5) && members.count(a6));
      EXPECT_EQ(g["likely_source"], a2);
    }
  }
  EXPECT_TRUE(group_found);

  // Figures: the detained count the ministry corrected (58, then 19) is told apart.
  bool detained = false;
  for (const json& g : p["figures"]["groups"]) {
    std::set<std::string> texts;
    for (const json& c : g["claims"]) texts.insert(c["text"].get<std::string>());
    if (texts.count("58") && texts.count("19")) {
      detained = true;
      EXPECT_NE(g["verdict"], "agree") << g.dump();
      bool a10_says_19 = false;
      for (const json& c : g["claims"]) a10_says_19 |= c["article"] == a10 && c["text"] == "19";
      EXPECT_TRUE(a10_says_19);
    }
    EXPECT_GE(g["sources"].get<int>(), 2);
  }
  EXPECT_TRUE(detained) << p["figures"].dump();

  // Quotes: Marit Solveng's words in the Lodestar translation, carried by the copies.
  bool solveng = false;
  for (const json& g : p["quotes"]["groups"]) {
    for (const json& v : g["variants"]) {
      if (v["text"].get<std::string>().find("bargaining chip for anyone") == std::string::npos)
        continue;
      std::set<std::string> ids = v["articles"];
      if (ids.count(a2) && ids.count(a5) && ids.count(a6)) {
        solveng = true;
        EXPECT_EQ(g["speaker"], "Marit Solveng");
      }
    }
  }
  EXPECT_TRUE(solveng) << p["quotes"].dump();
}

TEST_F(ApiTest, UnknownStoryIsNotFound) {
  EXPECT_EQ(LoadStoryState(store_.get(), "s99999", 200).status().code(), Status::Code::kNotFound);
}

TEST_F(ApiTest, ArticlePageShowsRemovedBoilerplateInPlace) {
  const std::string a2 = IdOf(store_.get(), "lodestar-wire/2025-03-11-harlsund-port-clashes.txt");
  const std::string a5 =
      IdOf(store_.get(), "coastwatch-daily/2025-03-11-ostrevia-port-strike-turns-violent.txt");
  StatusOr<json> page = ArticleDetailJson(store_.get(), a5.substr(0, 8));  // a prefix works
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const json& p = *page;
  EXPECT_EQ(p["id"], a5);
  EXPECT_EQ(p["source"], "coastwatch-daily");
  EXPECT_EQ(p["likely_source"], a2);
  EXPECT_EQ(p["likely_source_article"]["source"], "lodestar-wire");
  EXPECT_EQ(p["likely_source_article"]["title"],
            "Police clash with striking dockworkers at Ostrevia's Harlsund port, dozens hurt");
  ASSERT_FALSE(p["story"].is_null());
  bool related = false;
  for (const json& r : p["relations"])
    related |= r["other"] == a2 && r["other_source"] == "lodestar-wire";
  EXPECT_TRUE(related);
  // Coastwatch's furniture (TRUTH.md), where the input has it: the "3 hours ago" counter
  // before the text, the breadcrumb after the standfirst (the first kept paragraph), "ALSO
  // READ:" between body paragraphs, the appeal and "Read Entire Article" at the end. Every
  // paragraph of the text once, in order.
  ASSERT_FALSE(p["boilerplate"].empty());
  const json& reading = p["reading"];
  std::vector<size_t> paragraphs;
  std::map<std::string, long> at;  // removed block -> its position among all items
  std::vector<long> text_at;
  for (size_t i = 0; i < reading.size(); ++i) {
    const json& item = reading[i];
    if (item["kind"] == "text") {
      paragraphs.push_back(item["paragraph"]);
      text_at.push_back(static_cast<long>(i));
      continue;
    }
    EXPECT_TRUE(item["placed"]) << item.dump();
    std::string text = item["text"];
    for (const char* key :
         {"3 hours ago", "World | Harlsund port strike", "ALSO READ:", "Read Entire Article"}) {
      if (text.find(key) != std::string::npos) at[key] = static_cast<long>(i);
    }
  }
  ASSERT_EQ(paragraphs.size(), p["paragraphs"].size());
  for (size_t i = 0; i < paragraphs.size(); ++i) EXPECT_EQ(paragraphs[i], i);
  ASSERT_EQ(at.size(), 4u) << reading.dump();
  EXPECT_EQ(at["3 hours ago"], 0);
  EXPECT_EQ(at["World | Harlsund port strike"], text_at[0] + 1);
  EXPECT_GT(at["ALSO READ:"], text_at[1]);
  EXPECT_LT(at["ALSO READ:"], text_at.back());
  EXPECT_EQ(at["Read Entire Article"], static_cast<long>(reading.size()) - 1);
  EXPECT_EQ(ArticleDetailJson(store_.get(), "ffffffffffffffff").status().code(),
            Status::Code::kNotFound);
}

TEST(ReadingOrderTest, PlacesRemovedBlocksWhereTheyStood) {
  Article a;
  a.raw =
      "Menu | Home\n\nFirst paragraph of the report.\n\nAdvertisement\n\nSecond paragraph "
      "here.\n\nShare this";
  a.text = "First paragraph of the report.\n\nSecond paragraph here.";
  a.boilerplate = {{"nav", "menu", "Menu | Home"},
                   {"ad", "ad", "Advertisement"},
                   {"share", "share", "Share this"},
                   {"x", "y", "Never in the input at all"}};
  std::vector<std::pair<size_t, size_t>> paras = {{0, 30}, {32, 54}};
  std::vector<ReadingItem> order = ReadingOrder(a, paras);
  ASSERT_EQ(order.size(), 6u);
  auto is = [&](size_t i, bool removed, size_t index) {
    return order[i].removed == removed && order[i].index == index;
  };
  EXPECT_TRUE(is(0, true, 0));
  EXPECT_TRUE(is(1, false, 0));
  EXPECT_TRUE(is(2, true, 1));
  EXPECT_TRUE(is(3, false, 1));
  EXPECT_TRUE(is(4, true, 2));
  EXPECT_TRUE(is(5, true, 3));
  EXPECT_FALSE(order[5].placed);
  EXPECT_TRUE(order[0].placed);
}

TEST(ReadingOrderTest, FindsTextInsideAJsonLine) {
  Article a;
  a.raw = R"({"id":"x","text":"Subscribe now!\n\nThe \"first\" paragraph.\n\nBody two."})";
  a.text = "The \"first\" paragraph.\n\nBody two.";
  a.boilerplate = {{"cta", "prompt", "Subscribe now!"}};
  std::vector<ReadingItem> order = ReadingOrder(a, {{0, 23}, {25, 34}});
  ASSERT_EQ(order.size(), 3u);
  EXPECT_TRUE(order[0].removed);
  EXPECT_FALSE(order[1].removed);
  EXPECT_FALSE(order[2].removed);
}

TEST(ReadingOrderTest, WithoutTheTextInTheInputRemovedBlocksGoLast) {
  Article a;
  a.raw = "<html>entirely different bytes</html>";
  a.text = "Body text that the raw input does not hold verbatim.";
  a.boilerplate = {{"html", "nav", "entirely different"}};
  std::vector<ReadingItem> order = ReadingOrder(a, {{0, a.text.size()}});
  ASSERT_EQ(order.size(), 2u);
  EXPECT_FALSE(order[0].removed);
  EXPECT_TRUE(order[1].removed);
  EXPECT_FALSE(order[1].placed);
}

TEST(IngestBodyTest, CountsAndPerLineErrors) {
  store::testing::TempDir dir;
  StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.File("w.db"), StoreOptions{});
  ASSERT_TRUE(store.ok());
  std::string body =
      R"({"id":"n1","source":"test-outlet","title":"Harbour reopens","published":"2025-03-20","text":"The harbour reopened on Thursday after a week of repairs, officials said."})"
      "\n{not json}\n"
      R"({"id":"n2","source":"test-outlet","published":"2025-03-21","text":"A second article about something else entirely, a concert in the park."})"
      "\n"
      R"({"id":"n3","source":"test-outlet"})"
      "\n";
  IngestReport r = IngestBody(store->get(), body, "req.jsonl", PipelineOptions{});
  ASSERT_TRUE(r.failure.ok()) << r.failure.ToString();
  EXPECT_EQ(r.read, 2u);
  EXPECT_EQ(r.added, 2u);
  EXPECT_EQ(r.rejected, 2u);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line, 2u);
  EXPECT_EQ(r.errors[0].where, "req.jsonl:2");
  EXPECT_EQ(r.errors[1].line, 4u);
  json j = IngestReportJson(r);
  EXPECT_EQ(j["errors"][1]["line"], 4);
  // Again: nothing new.
  IngestReport again = IngestBody(store->get(), body, "req2.jsonl", PipelineOptions{});
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.unchanged, 2u);
  // Stories were analysed as the articles were stored.
  EXPECT_TRUE((*store)->StoryOf("n1")->has_value());
  StatusOr<Article> stored = (*store)->Get("n1");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->origin, "req.jsonl:1");
}

TEST(HelpersTest, PublicMessageDropsTheDatabasePath) {
  EXPECT_EQ(PublicMessage(Status::NotFound("/tmp/w.db: no story 's9'"), "/tmp/w.db"),
            "no story 's9'");
  EXPECT_EQ(PublicMessage(Status::NotFound("other: x"), "/tmp/w.db"), "other: x");
  EXPECT_EQ(Dump(json{{"a", "\xff"}}), "{\"a\":\"\xef\xbf\xbd\"}");
}

}  // namespace
}  // namespace witness::server
