#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "stories/test_articles.h"
#include "witness/stories.h"

namespace witness::stories {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

std::string Line(const ArticleInput& a, const std::string& extra = "") {
  Json j;
  j["id"] = a.id;
  j["source"] = a.source;
  j["url"] = "https://example.com/" + a.id;
  j["title"] = a.title;
  j["published"] = a.published;
  j["language"] = "en";
  j["text"] = a.text;
  std::string s = j.dump();
  if (!extra.empty()) s.insert(s.size() - 1, "," + extra);
  return s;
}

std::vector<Json> Cluster(const std::string& input, const ClusterJsonOptions& o = {},
                          ClusterJsonStats* stats = nullptr) {
  std::istringstream in(input);
  std::ostringstream out;
  Status s = ClusterJsonLines(in, out, o, stats);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::vector<Json> lines;
  std::istringstream res(out.str());
  std::string l;
  while (std::getline(res, l)) lines.push_back(Json::parse(l));
  return lines;
}

TEST(ClusterJsonLines, OneLinePerArticleInInputOrder) {
  std::string in = Line(testing::Strike1()) + "\n" + Line(testing::Recall1()) + "\n" +
                   Line(testing::Strike2()) + "\n" + Line(testing::Recall2()) + "\n";
  ClusterJsonStats st;
  std::vector<Json> out = Cluster(in, {}, &st);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0]["id"], "strike1");
  EXPECT_EQ(out[1]["id"], "recall1");
  EXPECT_EQ(out[2]["id"], "strike2");
  EXPECT_EQ(out[3]["id"], "recall2");
  EXPECT_EQ(out[0]["story"], "s1");
  EXPECT_EQ(out[1]["story"], "s2");
  EXPECT_EQ(out[2]["story"], "s1");
  EXPECT_EQ(out[3]["story"], "s2");
  EXPECT_EQ(st.lines, 4u);
  EXPECT_EQ(st.articles, 4u);
  EXPECT_EQ(st.errors, 0u);
  EXPECT_EQ(st.stories, 2u);
}

TEST(ClusterJsonLines, BadLinesGetAnErrorLineInTheirPlace) {
  ArticleInput no_id = testing::Strike2();
  no_id.id = "";
  std::string in = Line(testing::Strike1()) + "\n" + "{not json\n" +
                   "\n" +                               // blank: skipped, no output
                   "   \r\n" +                          // blank too
                   "[1, 2]\n" +                         // not an object
                   "{\"id\": \"t\", \"title\": 5}\n" +  // wrong type
                   Line(no_id) + "\r\n" +               // no id: line:N (CRLF tolerated)
                   Line(testing::Strike1()) + "\n";     // a repeated id
  ClusterJsonStats st;
  std::vector<Json> out = Cluster(in, {}, &st);
  ASSERT_EQ(out.size(), 6u);
  EXPECT_EQ(out[0]["story"], "s1");
  EXPECT_EQ(out[1]["line"], 2);
  EXPECT_THAT(out[1]["error"].get<std::string>(), HasSubstr("not JSON"));
  EXPECT_EQ(out[2]["line"], 5);
  EXPECT_EQ(out[2]["error"], "not a JSON object");
  EXPECT_EQ(out[3]["line"], 6);
  EXPECT_EQ(out[3]["error"], "field \"title\" is not a string");
  EXPECT_EQ(out[4]["id"], "line:7");
  EXPECT_EQ(out[4]["story"], "s1");
  EXPECT_EQ(out[5]["id"], "strike1");
  EXPECT_EQ(out[5]["duplicate"], true);
  EXPECT_EQ(out[5]["story"], "s1");
  EXPECT_EQ(st.lines, 6u);
  EXPECT_EQ(st.errors, 3u);
  EXPECT_EQ(st.articles, 3u);
}

TEST(ClusterJsonLines, HtmlCopyOfInvalidUtf8AndNumericIds) {
  Json html;
  html["id"] = 42;  // an integer id is taken as its decimal text
  html["title"] = testing::Strike2().title;
  html["published"] = testing::Strike2().published;
  html["html"] = "<html><head><title>x</title><script>var a = 'Quillon';</script></head><body><p>" +
                 testing::Strike2().text + "</p><p>More &amp; more.</p></body></html>";
  std::string bad_utf8 = Line(testing::Strike3());
  bad_utf8.insert(bad_utf8.find("Police"), "\xFF\xFE");
  std::string in =
      Line(testing::Strike1()) + "\n" + html.dump() + "\n" + bad_utf8 + "\n" +
      Line(testing::Art("copy", "agg", "Unrelated words", "Forecasters expect snow.", "2025-03-10"),
           "\"copy_of\":\"strike1\"") +
      "\n";
  std::vector<Json> out = Cluster(in);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[1]["id"], "42");
  EXPECT_EQ(out[1]["story"], "s1");
  EXPECT_EQ(out[2]["id"], "strike3");
  EXPECT_EQ(out[2]["story"], "s1");
  EXPECT_EQ(out[3]["story"], "s1");  // joined through copy_of
}

TEST(ClusterJsonLines, SortByTimeKeepsTheOutputInInputOrder) {
  // Reverse publication order in the input.
  std::string in = Line(testing::Recall2()) + "\n" + Line(testing::Strike2()) + "\n" +
                   Line(testing::Strike1()) + "\n" + Line(testing::Recall1()) + "\n";
  ClusterJsonOptions o;
  o.sort_by_time = true;
  std::vector<Json> out = Cluster(in, o);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0]["id"], "recall2");
  // Clustered oldest first: strike1 (03-10) founds s1; strike2 and recall1 share 03-11 and keep
  // their input order, so strike2 joins s1 and recall1 founds s2; recall2 (03-13) joins s2.
  EXPECT_EQ(out[0]["story"], "s2");
  EXPECT_EQ(out[1]["story"], "s1");
  EXPECT_EQ(out[2]["story"], "s1");
  EXPECT_EQ(out[3]["story"], "s2");
}

TEST(ClusterJsonLines, EmptyInputAndFailingOutput) {
  std::vector<Json> out = Cluster("");
  EXPECT_TRUE(out.empty());
  std::istringstream in(Line(testing::Strike1()) + "\n");
  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  EXPECT_EQ(ClusterJsonLines(in, bad, {}).code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace witness::stories
