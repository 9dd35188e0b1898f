#include "witness/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "store/sqlite.h"
#include "store/test_util.h"

namespace witness {
namespace {

using store::testing::SampleArticle;
using store::testing::TempDir;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

void ExpectSameArticle(const Article& got, const Article& want) {
  EXPECT_EQ(got.id, want.id);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.published, want.published);
  EXPECT_EQ(got.language, want.language);
  EXPECT_EQ(got.places, want.places);
  EXPECT_EQ(got.agencies, want.agencies);
  EXPECT_EQ(got.author, want.author);
  EXPECT_EQ(got.content_type, want.content_type);
  EXPECT_EQ(got.text, want.text);
  EXPECT_TRUE(got.html == want.html)
      << "html differs (" << got.html.size() << " vs " << want.html.size() << " bytes)";
  EXPECT_TRUE(got.raw == want.raw)
      << "raw differs (" << got.raw.size() << " vs " << want.raw.size() << " bytes)";
  EXPECT_EQ(got.extra_json, want.extra_json);
  EXPECT_EQ(got.origin, want.origin);
  EXPECT_EQ(got.word_count, want.word_count);
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("w.db");
    auto s = Store::Open(path_, {});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  // A second, plain connection for looking at (or damaging) the file directly.
  std::unique_ptr<store::Db> Raw() {
    auto db = store::Db::Open(path_, SQLITE_OPEN_READWRITE);
    if (!db.ok()) std::abort();
    return std::move(*db);
  }
  int64_t RawInt(const std::string& sql) {
    auto v = Raw()->QueryInt(sql);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : -1;
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

// ---- Put ----

TEST_F(StoreTest, PutIsIdempotent) {
  std::vector<Article> batch;
  for (int i = 0; i < 10; ++i) batch.push_back(SampleArticle(i));
  ASSERT_OK_AND_ASSIGN(first, store_->Put(batch));
  EXPECT_EQ(first.added, 10u);
  EXPECT_EQ(first.unchanged, 0u);
  ASSERT_OK_AND_ASSIGN(second, store_->Put(batch));
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.unchanged, 10u);

  // New copies under the same ids do not replace what is stored.
  std::vector<Article> changed = batch;
  for (Article& a : changed) {
    a.text = "Rewritten body.";
    a.raw = "rewritten";
    a.title = "Other title";
    a.html = "<p>new</p>";
  }
  ASSERT_OK_AND_ASSIGN(third, store_->Put(changed));
  EXPECT_EQ(third.added, 0u);
  EXPECT_EQ(third.unchanged, 10u);
  for (const Article& a : batch) {
    ASSERT_OK_AND_ASSIGN(got, store_->Get(a.id));
    ExpectSameArticle(got, a);
  }
  ASSERT_OK_AND_ASSIGN(n, store_->CountArticles());
  EXPECT_EQ(n, 10u);
}

TEST_F(StoreTest, PutCountsAMixOfNewAndKnown) {
  ASSERT_OK_AND_ASSIGN(r1, store_->Put({SampleArticle(1), SampleArticle(2)}));
  ASSERT_OK_AND_ASSIGN(
      r2, store_->Put({SampleArticle(2), SampleArticle(3), SampleArticle(1), SampleArticle(4)}));
  EXPECT_EQ(r2.added, 2u);
  EXPECT_EQ(r2.unchanged, 2u);
}

TEST_F(StoreTest, DuplicateIdsInOneBatchKeepTheFirst) {
  Article a = SampleArticle(1), b = SampleArticle(1);
  b.text = "the second copy";
  ASSERT_OK_AND_ASSIGN(r, store_->Put({a, b}));
  EXPECT_EQ(r.added, 1u);
  EXPECT_EQ(r.unchanged, 1u);
  ASSERT_OK_AND_ASSIGN(got, store_->Get(a.id));
  EXPECT_EQ(got.text, a.text);
}

TEST_F(StoreTest, EmptyBatch) {
  ASSERT_OK_AND_ASSIGN(r, store_->Put({}));
  EXPECT_EQ(r.added, 0u);
  EXPECT_EQ(r.unchanged, 0u);
}

TEST_F(StoreTest, RoundTripsEveryField) {
  Article a;
  a.id = "sha256:0123456789abcdef";
  a.source = "ft.com";
  a.url = "https://www.ft.com/content/abc?x=1&y=2";
  a.title = "Kazakhstan: «Unrest» — 164 dead, 中文 title";
  a.published = "2022-01-10T08:00:00Z";
  a.language = "en-GB";
  a.places = {"ALMATY", "NUR-SULTAN", "SÃO PAULO"};
  a.agencies = {"REUTERS"};
  a.author = "Polina Ivanova";
  a.content_type = ContentType::kHtml;
  a.text =
      "ALMATY (Reuters) - Kazakhstan said on Monday that 164 people had been killed.\n\n"
      "Second paragraph with emoji \xF0\x9F\x98\x80 and combining e\xCC\x81.";
  for (int i = 0; i < 20000; ++i) {
    a.html += "<div class=\"para\"><p>Paragraph " + std::to_string(i) + " of the page.</p></div>\n";
  }
  static constexpr char kRaw[] = "raw bytes \xff\xfe\x00\x01 not UTF-8 \xC0\xAF";
  a.raw = std::string(kRaw, sizeof kRaw - 1);
  ASSERT_EQ(a.raw.size(), 27u);
  a.extra_json = R"({"section":"World","tags":["a","b"],"nested":{"n":1.5,"ok":true}})";
  a.origin = "crawl/2022-01-10.warc.gz:118";
  a.word_count = 4294967295u;  // the largest uint32
  ASSERT_OK_AND_ASSIGN(r, store_->Put({a}));
  EXPECT_EQ(r.added, 1u);
  ASSERT_OK_AND_ASSIGN(got, store_->Get(a.id));
  ExpectSameArticle(got, a);

  // The html is stored compressed.
  int64_t stored_html = RawInt("SELECT length(html) FROM articles");
  EXPECT_GT(stored_html, 0);
  EXPECT_LT(stored_html * 10, static_cast<int64_t>(a.html.size()));

  // And it survives closing and reopening.
  store_.reset();
  ASSERT_OK_AND_ASSIGN(reopened, Store::Open(path_, {.create_if_missing = false}));
  ASSERT_OK_AND_ASSIGN(again, reopened->Get(a.id));
  ExpectSameArticle(again, a);
  EXPECT_OK(reopened->Check());
}

TEST_F(StoreTest, RoundTripsEmptyAndUnknownFields) {
  Article a;
  a.id = "minimal";
  a.text = "";
  ASSERT_OK_AND_ASSIGN(r, store_->Put({a}));
  ASSERT_OK_AND_ASSIGN(got, store_->Get("minimal"));
  ExpectSameArticle(got, a);
  EXPECT_TRUE(got.places.empty());
  EXPECT_TRUE(got.agencies.empty());
  EXPECT_EQ(RawInt("SELECT places = '[]' AND agencies = '[]' AND html IS NULL FROM articles"), 1);
}

TEST_F(StoreTest, FieldsWithNulBytesAndInvalidUtf8OutsideTextRoundTrip) {
  Article a = SampleArticle(1);
  a.title = std::string("ti\0tle \xff", 8);
  a.author = std::string("\x80\x81", 2);
  a.text = std::string("text with a \0 NUL", 17);  // valid UTF-8 (U+0000)
  a.raw = "";
  ASSERT_OK_AND_ASSIGN(r, store_->Put({a}));
  ASSERT_OK_AND_ASSIGN(got, store_->Get(a.id));
  ExpectSameArticle(got, a);
}

TEST_F(StoreTest, RawEqualToTextOrHtmlIsStoredOnce) {
  Article same = SampleArticle(1);  // raw == text
  Article differs = SampleArticle(2);
  differs.raw = "Title line\n" + differs.text;
  Article no_raw = SampleArticle(3);
  no_raw.raw.clear();
  Article page = SampleArticle(4);  // an HTML page read as is: raw == html
  page.content_type = ContentType::kHtml;
  page.html = "<html><body><p>" + page.text + "</p></body></html>";
  page.raw = page.html;
  Article page_and_text = SampleArticle(5);  // all three equal: text wins
  page_and_text.html = page_and_text.text;
  ASSERT_OK_AND_ASSIGN(r, store_->Put({same, differs, no_raw, page, page_and_text}));
  auto db = Raw();
  auto flags = db->Prepare("SELECT id, raw_same_as, raw IS NULL FROM articles ORDER BY id");
  ASSERT_TRUE(flags.ok());
  std::vector<std::tuple<std::string, int64_t, int64_t>> rows;
  while (*flags->Step()) {
    rows.emplace_back(flags->ColumnText(0), flags->ColumnInt64(1), flags->ColumnInt64(2));
  }
  EXPECT_THAT(rows, ElementsAre(std::make_tuple(same.id, 1, 1), std::make_tuple(differs.id, 0, 0),
                                std::make_tuple(no_raw.id, 0, 1), std::make_tuple(page.id, 2, 1),
                                std::make_tuple(page_and_text.id, 1, 1)));
  for (const Article& a : {same, differs, no_raw, page, page_and_text}) {
    ASSERT_OK_AND_ASSIGN(got, store_->Get(a.id));
    ExpectSameArticle(got, a);
  }
  EXPECT_OK(store_->Check());
}

TEST_F(StoreTest, InvalidArticlesRefuseTheWholeBatch) {
  struct Case {
    const char* why;
    void (*spoil)(Article*);
    const char* expect;
  } cases[] = {
      {"bad utf8", [](Article* a) { a->text = "caf\xE9"; }, "text is not valid UTF-8"},
      {"empty id", [](Article* a) { a->id.clear(); }, "empty id"},
      {"bad json", [](Article* a) { a->extra_json = "{oops"; }, "extra_json is not valid JSON"},
      {"bad type", [](Article* a) { a->content_type = static_cast<ContentType>(7); },
       "unknown content_type 7"},
  };
  for (const Case& c : cases) {
    std::vector<Article> batch = {SampleArticle(1), SampleArticle(2), SampleArticle(3)};
    c.spoil(&batch[1]);
    auto r = store_->Put(batch);
    ASSERT_FALSE(r.ok()) << c.why;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << c.why;
    EXPECT_THAT(r.status().message(), StartsWith(path_ + ": feed.jsonl:3: article '"));
    EXPECT_THAT(r.status().message(), HasSubstr(c.expect));
    EXPECT_THAT(r.status().message(), HasSubstr("no article of this batch was stored"));
    ASSERT_OK_AND_ASSIGN(n, store_->CountArticles());
    EXPECT_EQ(n, 0u) << c.why;
  }
}

// ---- Get ----

class GetTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    std::vector<Article> batch;
    for (const char* id : {"abcd1234", "abcd5678", "abce0000", "zzzz", "abc", "wxyz", "wxyz-longer",
                           "\xff\xff\xff\xffzz", "caf\xC3\xA9-1"}) {
      Article a = SampleArticle(static_cast<int>(batch.size()));
      a.id = id;
      batch.push_back(a);
    }
    ASSERT_OK_AND_ASSIGN(r, store_->Put(batch));
    ASSERT_EQ(r.added, batch.size());
  }
  std::string IdOf(std::string_view key) {
    auto a = store_->Get(key);
    return a.ok() ? a->id : "<" + a.status().ToString() + ">";
  }
};

TEST_F(GetTest, ExactIdsWinOverPrefixes) {
  EXPECT_EQ(IdOf("abcd1234"), "abcd1234");
  EXPECT_EQ(IdOf("abc"), "abc");    // short, but exact
  EXPECT_EQ(IdOf("wxyz"), "wxyz");  // also a prefix of wxyz-longer
}

TEST_F(GetTest, UniquePrefix) {
  EXPECT_EQ(IdOf("abcd1"), "abcd1234");
  EXPECT_EQ(IdOf("abcd5"), "abcd5678");
  EXPECT_EQ(IdOf("abce"), "abce0000");
  EXPECT_EQ(IdOf("wxyz-"), "wxyz-longer");
  EXPECT_EQ(IdOf("\xff\xff\xff\xff"), "\xff\xff\xff\xffzz");  // no upper bound exists
  EXPECT_EQ(IdOf("caf\xC3"), "caf\xC3\xA9-1");                // a byte prefix, mid-character
}

TEST_F(GetTest, AmbiguousPrefixListsCandidates) {
  auto a = store_->Get("abcd");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(a.status().message(), path_ +
                                      ": id prefix 'abcd' is ambiguous: it matches abcd1234, "
                                      "abcd5678; give more characters");
}

TEST_F(GetTest, ManyCandidatesAreCut) {
  std::vector<Article> batch;
  for (int i = 0; i < 6; ++i) {
    Article a = SampleArticle(100 + i);
    a.id = "dup-" + std::to_string(i);
    batch.push_back(a);
  }
  ASSERT_OK_AND_ASSIGN(r, store_->Put(batch));
  auto a = store_->Get("dup-");
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(a.status().message(), HasSubstr("it matches dup-0, dup-1, dup-2 and more"));
}

TEST_F(GetTest, MissingIsNotFoundNamingIt) {
  auto a = store_->Get("abcf");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(a.status().message(), path_ + ": no article with id or id prefix 'abcf'");

  auto b = store_->Get("ab");  // too short to be a prefix, and no such id
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(b.status().message(),
            path_ + ": no article 'ab' (an id prefix needs at least 4 characters)");

  auto c = store_->Get("");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kNotFound);
}

TEST_F(GetTest, PrefixSearchIsCaseSensitiveAndNotAPattern) {
  EXPECT_EQ(store_->Get("ABCD1").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->Get("abc%").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->Get("abc_1234").status().code(), Status::Code::kNotFound);
}

TEST_F(GetTest, PrefixQueryUsesTheIdIndex) {
  auto plan = Raw()->Prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 4");
  ASSERT_TRUE(plan.ok());
  std::string detail;
  while (*plan->Step()) detail += std::string(plan->ColumnText(3)) + "\n";
  EXPECT_THAT(detail, HasSubstr("SEARCH articles USING COVERING INDEX sqlite_autoindex_articles"));
}

// ---- List ----

// The reference: filter and sort in memory, as List's rules say.
std::vector<std::string> ReferenceList(std::vector<Article> all, const ListOptions& o) {
  std::vector<Article> kept;
  for (Article& a : all) {
    if (!o.source.empty() && a.source != o.source) continue;
    if (!o.since.empty() && (a.published.empty() || a.published < o.since)) continue;
    kept.push_back(std::move(a));
  }
  std::sort(kept.begin(), kept.end(), [](const Article& x, const Article& y) {
    return std::make_tuple(x.published.empty(), x.published, x.source, x.id) <
           std::make_tuple(y.published.empty(), y.published, y.source, y.id);
  });
  std::vector<std::string> ids;
  for (size_t i = o.offset; i < kept.size(); ++i) {
    if (o.limit != 0 && ids.size() >= o.limit) break;
    ids.push_back(kept[i].id);
  }
  return ids;
}

std::vector<std::string> Ids(const std::vector<ArticleSummary>& rows) {
  std::vector<std::string> ids;
  for (const ArticleSummary& r : rows) ids.push_back(r.id);
  return ids;
}

TEST_F(StoreTest, ListMatchesTheReferenceForEveryFilter) {
  std::mt19937 rng(42);
  const std::vector<std::string> sources = {"ft.com", "bbc.co.uk", "reuters.com", "unknown"};
  const std::vector<std::string> dates = {"",
                                          "",
                                          "2021-12-31",
                                          "2022-01-10",
                                          "2022-01-10T08:00:00Z",
                                          "2022-01-10T23:59:59Z",
                                          "2022-01-11",
                                          "2022-02"};
  std::vector<Article> all;
  for (int i = 0; i < 400; ++i) {
    Article a = SampleArticle(i, sources[rng() % sources.size()]);
    a.id = "id-" + std::to_string(rng() % 100000) + "-" + std::to_string(i);
    a.published = dates[rng() % dates.size()];
    a.word_count = rng() % 3000;
    all.push_back(a);
  }
  // In several batches, out of order.
  std::vector<Article> shuffled = all;
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  for (size_t i = 0; i < shuffled.size(); i += 70) {
    std::vector<Article> batch(shuffled.begin() + i,
                               shuffled.begin() + std::min(shuffled.size(), i + 70));
    ASSERT_OK_AND_ASSIGN(r, store_->Put(batch));
  }

  for (std::string source : {"", "ft.com", "unknown", "nosuch.example"}) {
    for (std::string since : {"", "2022", "2022-01-10", "2022-01-10T12", "2030"}) {
      for (auto [limit, offset] :
           {std::pair<uint64_t, uint64_t>{0, 0}, {10, 0}, {10, 5}, {0, 37}, {1000, 1000}, {3, 0}}) {
        ListOptions o{.source = source, .since = since, .limit = limit, .offset = offset};
        ASSERT_OK_AND_ASSIGN(rows, store_->List(o));
        EXPECT_EQ(Ids(rows), ReferenceList(all, o)) << "source=" << source << " since=" << since
                                                    << " limit=" << limit << " offset=" << offset;
      }
      // Pages of 7 put together are the whole list.
      std::vector<std::string> paged;
      for (uint64_t off = 0;; off += 7) {
        ASSERT_OK_AND_ASSIGN(
            page, store_->List({.source = source, .since = since, .limit = 7, .offset = off}));
        if (page.empty()) break;
        for (auto& id : Ids(page)) paged.push_back(id);
      }
      EXPECT_EQ(paged, ReferenceList(all, {.source = source, .since = since}));
    }
  }
}

TEST_F(StoreTest, ListFillsSummaries) {
  Article a = SampleArticle(5, "ft.com");
  a.word_count = 812;
  ASSERT_OK_AND_ASSIGN(r, store_->Put({a}));
  ASSERT_OK_AND_ASSIGN(rows, store_->List({}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].id, a.id);
  EXPECT_EQ(rows[0].source, "ft.com");
  EXPECT_EQ(rows[0].published, a.published);
  EXPECT_EQ(rows[0].title, a.title);
  EXPECT_EQ(rows[0].word_count, 812u);
}

TEST_F(StoreTest, ListRejectsASinceThatIsNotADate) {
  auto rows = store_->List({.since = "last week"});
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(rows.status().message(),
            path_ + ": since 'last week' is not an ISO 8601 date (like 2022-01-10)");
}

TEST_F(StoreTest, ListQueriesNeedNoSortStep) {
  // The four shapes List runs (store.cc ListSql) are served in order by an index that also
  // holds every column List returns, so listing never reads the article rows.
#define WITNESS_LIST_COLUMNS "SELECT id, source, published, title, word_count FROM articles "
  const char* shapes[] = {
      WITNESS_LIST_COLUMNS "ORDER BY published = '', published, source, id LIMIT 5",
      WITNESS_LIST_COLUMNS "WHERE source = ?1 ORDER BY published = '', published, id LIMIT 5",
      WITNESS_LIST_COLUMNS
      "WHERE (published = '') = 0 AND published >= ?2 "
      "ORDER BY published, source, id LIMIT 5",
      WITNESS_LIST_COLUMNS
      "WHERE source = ?1 AND (published = '') = 0 AND published >= ?2 "
      "ORDER BY published, id LIMIT 5",
  };
#undef WITNESS_LIST_COLUMNS
  auto db = Raw();
  for (const char* sql : shapes) {
    auto plan = db->Prepare(std::string("EXPLAIN QUERY PLAN ") + sql);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    std::string detail;
    while (*plan->Step()) detail += std::string(plan->ColumnText(3)) + "\n";
    EXPECT_THAT(detail, HasSubstr("USING COVERING INDEX articles_by_")) << sql << "\n" << detail;
    EXPECT_THAT(detail, ::testing::Not(HasSubstr("TEMP B-TREE"))) << sql << "\n" << detail;
  }
}

TEST_F(StoreTest, CountArticles) {
  ASSERT_OK_AND_ASSIGN(zero, store_->CountArticles());
  EXPECT_EQ(zero, 0u);
  std::vector<Article> batch;
  for (int i = 0; i < 123; ++i) batch.push_back(SampleArticle(i));
  ASSERT_OK_AND_ASSIGN(r, store_->Put(batch));
  ASSERT_OK_AND_ASSIGN(n, store_->CountArticles());
  EXPECT_EQ(n, 123u);
}

// ---- Scan ----

TEST_F(StoreTest, ScanYieldsWholeArticlesInListOrder) {
  std::vector<Article> batch;
  for (int i = 0; i < 30; ++i) {
    Article a = SampleArticle(i, i % 2 ? "a.com" : "b.com");
    a.html = "<p>" + a.text + "</p>";
    batch.push_back(a);
  }
  ASSERT_OK_AND_ASSIGN(r, store_->Put(batch));
  ListOptions o{.source = "a.com", .since = "2022-01-05"};
  std::vector<std::string> seen;
  ASSERT_OK(store_->Scan(o, [&](Article&& a) {
    auto want = std::find_if(batch.begin(), batch.end(), [&](auto& b) { return b.id == a.id; });
    EXPECT_NE(want, batch.end());
    if (want != batch.end()) ExpectSameArticle(a, *want);
    // Reading through the same Store inside the callback is allowed.
    EXPECT_TRUE(store_->Get(a.id).ok());
    seen.push_back(a.id);
    return Status::OK();
  }));
  ASSERT_OK_AND_ASSIGN(listed, store_->List(o));
  EXPECT_EQ(seen, Ids(listed));
  EXPECT_FALSE(seen.empty());

  int calls = 0;
  Status stop = store_->Scan({}, [&](Article&&) {
    ++calls;
    return calls == 3 ? Status::Internal("enough") : Status::OK();
  });
  EXPECT_EQ(stop, Status::Internal("enough"));
  EXPECT_EQ(calls, 3);
}

// ---- Runs ----

TEST_F(StoreTest, RunsJournal) {
  ASSERT_OK_AND_ASSIGN(none, store_->LastUnfinishedRun());
  EXPECT_FALSE(none.has_value());
  ASSERT_OK_AND_ASSIGN(run, store_->BeginRun({"a/", "feed.jsonl.gz", "-"}));
  EXPECT_EQ(store_->active_run(), run);
  auto again = store_->BeginRun({"x"});
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.status().message(), HasSubstr("is still active on this store"));

  ASSERT_OK_AND_ASSIGN(p1, store_->Put({SampleArticle(1), SampleArticle(2)}));
  ASSERT_OK_AND_ASSIGN(p2, store_->Put({SampleArticle(2), SampleArticle(3)}));
  // Articles carry the run; the run row counts what landed so far.
  EXPECT_EQ(RawInt("SELECT count(*) FROM articles WHERE run_id = " + std::to_string(run)), 3);
  EXPECT_EQ(RawInt("SELECT added FROM runs WHERE id = " + std::to_string(run)), 3);
  EXPECT_EQ(RawInt("SELECT unchanged FROM runs WHERE id = " + std::to_string(run)), 1);

  // The Store's own active run is not "unfinished"; seen from another Store it is.
  ASSERT_OK_AND_ASSIGN(own, store_->LastUnfinishedRun());
  EXPECT_FALSE(own.has_value());
  {
    ASSERT_OK_AND_ASSIGN(other, Store::Open(path_, {}));
    ASSERT_OK_AND_ASSIGN(seen, other->LastUnfinishedRun());
    ASSERT_TRUE(seen.has_value());
    EXPECT_EQ(seen->id, run);
    EXPECT_THAT(seen->inputs, ElementsAre("a/", "feed.jsonl.gz", "-"));
    EXPECT_EQ(seen->finished_at, "");
    EXPECT_EQ(seen->added, 3u);
  }

  ASSERT_OK(store_->FinishRun(run, 3, 1, 2));
  EXPECT_FALSE(store_->active_run().has_value());
  ASSERT_OK_AND_ASSIGN(runs, store_->ListRuns());
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].id, run);
  EXPECT_EQ(runs[0].added, 3u);
  EXPECT_EQ(runs[0].unchanged, 1u);
  EXPECT_EQ(runs[0].rejected, 2u);
  EXPECT_FALSE(runs[0].started_at.empty());
  EXPECT_GE(runs[0].finished_at, runs[0].started_at);
  ASSERT_OK_AND_ASSIGN(after, store_->LastUnfinishedRun());
  EXPECT_FALSE(after.has_value());

  // After the run, Put attributes nothing.
  ASSERT_OK_AND_ASSIGN(p3, store_->Put({SampleArticle(9)}));
  EXPECT_EQ(RawInt("SELECT count(*) FROM articles WHERE run_id IS NULL"), 1);

  Status twice = store_->FinishRun(run, 0, 0, 0);
  EXPECT_EQ(twice.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(twice.message(), HasSubstr("already finished"));
  Status unknown = store_->FinishRun(run + 100, 0, 0, 0);
  EXPECT_EQ(unknown.code(), Status::Code::kNotFound);
  EXPECT_EQ(unknown.message(), path_ + ": finish run: no run " + std::to_string(run + 100));
  EXPECT_OK(store_->Check());
}

TEST_F(StoreTest, AKilledRunIsFoundAndCanBeClosed) {
  int64_t killed = 0;
  {
    ASSERT_OK_AND_ASSIGN(writer, Store::Open(path_, {}));
    ASSERT_OK_AND_ASSIGN(run, writer->BeginRun({"big.warc.gz"}));
    killed = run;
    ASSERT_OK_AND_ASSIGN(p, writer->Put({SampleArticle(1), SampleArticle(2)}));
    // Gone without FinishRun, as after a crash.
  }
  ASSERT_OK_AND_ASSIGN(done, store_->BeginRun({"other"}));
  ASSERT_OK(store_->FinishRun(done, 0, 0, 0));

  ASSERT_OK_AND_ASSIGN(last, store_->LastUnfinishedRun());
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->id, killed);
  EXPECT_THAT(last->inputs, ElementsAre("big.warc.gz"));
  EXPECT_EQ(last->added, 2u);
  ASSERT_OK(store_->FinishRun(killed, 2, 0, 0));
  ASSERT_OK_AND_ASSIGN(none, store_->LastUnfinishedRun());
  EXPECT_FALSE(none.has_value());
  ASSERT_OK_AND_ASSIGN(runs, store_->ListRuns(1));
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].id, done);  // newest first
}

// ---- Check ----

TEST_F(StoreTest, CheckPassesOnAHealthyStore) {
  std::vector<Article> batch;
  for (int i = 0; i < 50; ++i) {
    Article a = SampleArticle(i);
    if (i % 3 == 0) a.html = "<html>" + a.text + "</html>";
    if (i % 4 == 0) a.raw = "raw " + a.text;
    batch.push_back(a);
  }
  ASSERT_OK_AND_ASSIGN(run, store_->BeginRun({"x"}));
  ASSERT_OK_AND_ASSIGN(r, store_->Put(batch));
  ASSERT_OK(store_->FinishRun(run, r.added, r.unchanged, 0));
  EXPECT_OK(store_->Check());
}

TEST_F(StoreTest, DamagedBlobIsCorruptionNamingTheArticle) {
  Article a = SampleArticle(7);
  a.html = std::string(5000, 'h');
  ASSERT_OK_AND_ASSIGN(r, store_->Put({a, SampleArticle(8)}));
  ASSERT_OK(
      Raw()->Exec("UPDATE articles SET html = substr(html, 1, length(html) - 3) "
                  "WHERE id = '" +
                  a.id + "'"));
  auto got = store_->Get(a.id);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), Status::Code::kCorruption);
  EXPECT_THAT(got.status().message(),
              StartsWith(path_ + ": article " + a.id + ": html: stored blob is damaged: "));
  EXPECT_TRUE(store_->Get(SampleArticle(8).id).ok());  // the others still read

  Status check = store_->Check();
  EXPECT_EQ(check.code(), Status::Code::kCorruption);
  EXPECT_THAT(check.message(), StartsWith(path_ + ": check found 1 problem: article " + a.id +
                                          ": html: stored blob is damaged"));
}

TEST_F(StoreTest, CheckReportsBrokenInvariants) {
  ASSERT_OK_AND_ASSIGN(r, store_->Put({SampleArticle(1), SampleArticle(2), SampleArticle(3)}));
  ASSERT_OK_AND_ASSIGN(run, store_->BeginRun({"x"}));
  ASSERT_OK(store_->FinishRun(run, 0, 0, 0));
  auto db = Raw();
  ASSERT_OK(db->Exec("UPDATE articles SET text = CAST(x'636166e9' AS TEXT) WHERE id = '" +
                     SampleArticle(1).id + "'"));
  ASSERT_OK(
      db->Exec("UPDATE articles SET places = 'not json' WHERE id = '" + SampleArticle(2).id + "'"));
  ASSERT_OK(db->Exec("UPDATE runs SET finished_at = '1999-01-01T00:00:00Z'"));
  db.reset();
  Status check = store_->Check();
  EXPECT_EQ(check.code(), Status::Code::kCorruption);
  EXPECT_THAT(check.message(), StartsWith(path_ + ": check found 3 problems: "));
  EXPECT_THAT(check.message(),
              HasSubstr("article " + SampleArticle(1).id + ": text is not valid UTF-8"));
  EXPECT_THAT(check.message(), HasSubstr("article " + SampleArticle(2).id +
                                         ": places: not a "
                                         "JSON array"));
  EXPECT_THAT(check.message(), HasSubstr("run 1: finished before it started"));
}

TEST_F(StoreTest, CheckReportsRunsThatUnderstateTheirArticles) {
  ASSERT_OK_AND_ASSIGN(run, store_->BeginRun({"x"}));
  ASSERT_OK_AND_ASSIGN(r, store_->Put({SampleArticle(1), SampleArticle(2)}));
  ASSERT_OK(store_->FinishRun(run, 1, 0, 0));  // the caller miscounted
  Status check = store_->Check();
  EXPECT_EQ(check.code(), Status::Code::kCorruption);
  EXPECT_THAT(check.message(), HasSubstr("run 1: 2 articles but added 1"));
}

TEST_F(StoreTest, CheckFindsDamagedPages) {
  std::vector<Article> batch;
  for (int i = 0; i < 400; ++i) {
    Article a = SampleArticle(i);
    a.text += std::string(3000, 'x');
    batch.push_back(a);
  }
  ASSERT_OK_AND_ASSIGN(r, store_->Put(batch));
  store_.reset();  // checkpoints the WAL into the file
  std::string bytes = store::testing::ReadFileBytes(path_);
  ASSERT_GT(bytes.size(), 1000000u);
  // Scribble over the middle half of the file (b-tree pages of articles and indexes).
  std::mt19937 rng(3);
  for (size_t i = bytes.size() / 4; i < bytes.size() * 3 / 4; ++i)
    bytes[i] = static_cast<char>(rng());
  store::testing::WriteFileBytes(path_, bytes);

  auto reopened = Store::Open(path_, {});
  if (!reopened.ok()) {
    EXPECT_THAT(reopened.status().message(), StartsWith(path_ + ": "));
    return;
  }
  Status check = (*reopened)->Check();
  EXPECT_FALSE(check.ok());
  EXPECT_EQ(check.code(), Status::Code::kCorruption) << check.ToString();
  EXPECT_THAT(check.message(), StartsWith(path_ + ": "));
  EXPECT_EQ(check.message().find('\n'), std::string::npos);
}

}  // namespace
}  // namespace witness
