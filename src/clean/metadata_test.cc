#include "clean/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "clean/html_prescan.h"

namespace witness::clean {
namespace {

PageMetadata MetaOf(std::string_view html, std::string_view url = "") {
  Prescanned p = Prescan(html);
  Dom dom(p.html);
  return ExtractMetadata(dom, p.json_ld, url);
}

TEST(NormalizeDate, IsoForms) {
  EXPECT_EQ(NormalizeDate("2019-11-19"), "2019-11-19");
  EXPECT_EQ(NormalizeDate("2019-11-19T13:03:00Z"), "2019-11-19T13:03:00Z");
  EXPECT_EQ(NormalizeDate("2019-11-19T13:03:00.123Z"), "2019-11-19T13:03:00Z");
  EXPECT_EQ(NormalizeDate("2019-11-19T08:03:00-05:00"), "2019-11-19T08:03:00-05:00");
  EXPECT_EQ(NormalizeDate("2019-11-19T08:03:00+0530"), "2019-11-19T08:03:00+05:30");
  EXPECT_EQ(NormalizeDate("2019-11-19 08:03"), "2019-11-19T08:03:00");
  EXPECT_EQ(NormalizeDate(" 2019/11/9 "), "2019-11-09");
  EXPECT_EQ(NormalizeDate("20191119"), "2019-11-19");
  EXPECT_EQ(NormalizeDate("20191119T130300Z"), "2019-11-19T13:03:00Z");
}

TEST(NormalizeDate, WrittenForms) {
  EXPECT_EQ(NormalizeDate("Tue, 19 Nov 2019 13:03:00 GMT"), "2019-11-19T13:03:00Z");
  EXPECT_EQ(NormalizeDate("Tue, 19 Nov 2019 08:03:00 -0500"), "2019-11-19T08:03:00-05:00");
  EXPECT_EQ(NormalizeDate("November 19, 2019"), "2019-11-19");
  EXPECT_EQ(NormalizeDate("Nov. 19, 2019 1:03 PM EST"), "2019-11-19T13:03:00-05:00");
  EXPECT_EQ(NormalizeDate("19 November 2019"), "2019-11-19");
  EXPECT_EQ(NormalizeDate("1574168580"), "2019-11-19T13:03:00Z");
  EXPECT_EQ(NormalizeDate("1574168580000"), "2019-11-19T13:03:00Z");
}

TEST(NormalizeDate, RejectsNonDates) {
  EXPECT_EQ(NormalizeDate(""), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
  EXPECT_EQ(NormalizeDate("2019-13-01"), "");
  EXPECT_EQ(NormalizeDate("2019-02-40"), "");
  EXPECT_EQ(NormalizeDate("November 2019"), "");
  EXPECT_EQ(NormalizeDate("12345"), "");
}

TEST(NormalizeLanguage, MakesBcp47) {
  EXPECT_EQ(NormalizeLanguage("en"), "en");
  EXPECT_EQ(NormalizeLanguage("EN"), "en");
  EXPECT_EQ(NormalizeLanguage("en_US"), "en-US");
  EXPECT_EQ(NormalizeLanguage("pt-br"), "pt-BR");
  EXPECT_EQ(NormalizeLanguage("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(NormalizeLanguage("en-US, fr"), "en-US");
  EXPECT_EQ(NormalizeLanguage("english"), "");
  EXPECT_EQ(NormalizeLanguage(""), "");
  EXPECT_EQ(NormalizeLanguage("1234"), "");
}

TEST(ResolveUrl, Relative) {
  EXPECT_EQ(ResolveUrl("https://a.com/x/y?q=1", "/z"), "https://a.com/z");
  EXPECT_EQ(ResolveUrl("https://a.com/x/y", "z"), "https://a.com/x/z");
  EXPECT_EQ(ResolveUrl("https://a.com/x/y", "//b.com/z"), "https://b.com/z");
  EXPECT_EQ(ResolveUrl("", "https://b.com/z"), "https://b.com/z");
  EXPECT_EQ(ResolveUrl("", "/z"), "");
  EXPECT_EQ(ResolveUrl("https://a.com", "javascript:void(0)"), "");
}

TEST(DecodeEntities, NamedAndNumeric) {
  EXPECT_EQ(DecodeEntities("Tom &amp; Jerry&#8217;s &#x201C;show&#x201d; &eacute; &nbsp;"),
            "Tom & Jerry\u2019s \u201cshow\u201d \u00e9 \u00a0");
  EXPECT_EQ(DecodeEntities("a &unknown; b & c &#xZZ; &#0;"), "a &unknown; b & c &#xZZ; &#0;");
}

TEST(StripSiteName, DropsTheOutletsName) {
  EXPECT_EQ(StripSiteName("Council passes budget | City Times", "City Times"),
            "Council passes budget");
  EXPECT_EQ(StripSiteName("Council passes budget - The City Times", "citytimes"),
            "Council passes budget");
  EXPECT_EQ(StripSiteName("Council passes the new city budget - CityTimes.com", ""),
            "Council passes the new city budget");
  // A dash inside a headline is not a site name.
  EXPECT_EQ(StripSiteName("Trump - Ukraine call: what we know so far", "City Times"),
            "Trump - Ukraine call: what we know so far");
}

TEST(ParseJsonLd, FindsTheArticleAnywhere) {
  bool found = false;
  JsonLdArticle a = ParseJsonLd(
      {"[{\"@type\":\"BreadcrumbList\"},{\"@context\":\"http://schema.org\",\"@graph\":[{"
       "\"@type\":\"ReportageNewsArticle\",\"headline\":\"H\",\"datePublished\":\"2020-01-02\","
       "\"author\":\"Ann Lee\",\"publisher\":{\"name\":\"Pub\"},\"inLanguage\":\"de-DE\","
       "\"articleBody\":\"Body <b>bold</b>\\nline\"}]}]"},
      &found);
  ASSERT_TRUE(found);
  EXPECT_EQ(a.type, "ReportageNewsArticle");
  EXPECT_EQ(a.headline, "H");
  EXPECT_EQ(a.date_published, "2020-01-02");
  EXPECT_EQ(a.author, "Ann Lee");
  EXPECT_EQ(a.publisher, "Pub");
  EXPECT_EQ(a.language, "de-DE");
  EXPECT_EQ(a.body, "Body bold\nline");
}

TEST(ParseJsonLd, RepairsRawNewlinesAndIgnoresGarbage) {
  bool found = false;
  JsonLdArticle a = ParseJsonLd(
      {"{not json", "<!--{\"@type\":\"NewsArticle\",\"headline\":\"Two\nlines\"}-->"}, &found);
  ASSERT_TRUE(found);
  EXPECT_EQ(a.headline, "Two lines");
  // Deeply nested JSON is skipped, not walked.
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  ParseJsonLd({deep}, &found);
  EXPECT_FALSE(found);
  ParseJsonLd({"{\"@type\":\"WebPage\",\"name\":\"x\"}"}, &found);
  EXPECT_FALSE(found);
}

TEST(ExtractMetadata, MetaTagsAndLinks) {
  PageMetadata m = MetaOf(
      "<html lang='en-gb'><head><title>Headline here | Site</title>"
      "<meta property='og:title' content='Headline here'>"
      "<meta property='og:site_name' content='Site'>"
      "<meta property='article:published_time' content='2019-11-19T13:03:00+00:00'>"
      "<meta name='author' content='By Jane Doe'>"
      "<meta name='description' content='What happened &amp; why.'>"
      "<link rel='canonical' href='/news/1'></head><body></body></html>",
      "https://site.example/news/1?utm=x");
  EXPECT_EQ(m.title, "Headline here");
  EXPECT_EQ(m.site, "Site");
  EXPECT_EQ(m.published, "2019-11-19T13:03:00Z");
  EXPECT_EQ(m.author, "Jane Doe");
  EXPECT_EQ(m.description, "What happened & why.");
  EXPECT_EQ(m.url, "https://site.example/news/1");
  EXPECT_EQ(m.language, "en-GB");
  EXPECT_EQ(m.html_title, "Headline here | Site");
}

TEST(ExtractMetadata, JsonLdOutranksMetaAndFallbacksApply) {
  PageMetadata m = MetaOf(
      "<html><head><meta property='og:title' content='OG title'>"
      "<meta property='og:locale' content='pt_BR'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"LD "
      "title\",\"datePublished\":\"Tue, 19 Nov 2019 08:03:00 -0500\",\"author\":{\"name\":"
      "\"https://site.example/staff\"}}</script></head><body>"
      "<time datetime='2001-01-01' pubdate>Jan 1</time></body></html>");
  EXPECT_EQ(m.title, "LD title");
  EXPECT_EQ(m.published, "2019-11-19T08:03:00-05:00");
  EXPECT_EQ(m.author, "");  // a URL is not a name
  EXPECT_EQ(m.language, "pt-BR");
}

TEST(ExtractMetadata, EmptyPage) {
  PageMetadata m = MetaOf("");
  EXPECT_EQ(m.title, "");
  EXPECT_EQ(m.published, "");
  EXPECT_EQ(m.url, "");
}

}  // namespace
}  // namespace witness::clean
