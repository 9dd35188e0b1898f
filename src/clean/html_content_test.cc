#include "clean/html_content.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "clean/html_prescan.h"

namespace witness::clean {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ContentResult ContentOf(std::string_view html, ContentOptions options = {}) {
  Prescanned p = Prescan(html);
  Dom dom(p.html);
  return ExtractContent(dom, options);
}

std::string Para(int i) {
  return "<p>Paragraph " + std::to_string(i) +
         " of the story tells what happened next, with names, places and a quote, which is "
         "what real article text looks like.</p>";
}

TEST(ExtractContent, IncludesSiblingsSplitByAds) {
  std::string html = "<body><div class=main><div class='story-body'>" + Para(1) + Para(2) +
                     Para(3) +
                     "</div><div class='ad-slot'>Advertisement</div><div class="
                     "'story-body'>" +
                     Para(4) + Para(5) + "</div></div></body>";
  ContentResult r = ContentOf(html);
  for (int i = 1; i <= 5; ++i) {
    EXPECT_THAT(r.text, HasSubstr("Paragraph " + std::to_string(i))) << i;
  }
  EXPECT_THAT(r.text, Not(HasSubstr("Advertisement")));
  EXPECT_EQ(r.paragraphs, 5u);
}

TEST(ExtractContent, ClimbsThroughPerParagraphWrappers) {
  std::string body;
  for (int i = 1; i <= 6; ++i) {
    body += "<div class=card><div class=card-content>" + Para(i) + "</div></div>";
  }
  ContentResult r = ContentOf("<body><nav><a href=/>Home</a></nav><div id=article-body>" + body +
                              "</div><footer>Contact us</footer></body>");
  EXPECT_EQ(r.paragraphs, 6u);
  EXPECT_THAT(r.text, Not(HasSubstr("Home")));
  EXPECT_THAT(r.text, Not(HasSubstr("Contact")));
}

TEST(ExtractContent, DropsLinkListsButKeepsLinkedSentences) {
  std::string html =
      "<body><article>" + Para(1) +
      "<p>Read the <a href=/r>full report</a> on the council's website, which was published "
      "on Monday.</p><ul><li><a href=/a>Another story entirely</a></li><li><a href=/b>And "
      "one more story</a></li></ul><p>Tags: <a href=/t1>council</a>, <a href=/t2>budget</a>"
      "</p>" +
      Para(2) + "</article></body>";
  ContentResult r = ContentOf(html);
  EXPECT_THAT(r.text, HasSubstr("Read the full report on the council"));
  EXPECT_THAT(r.text, Not(HasSubstr("Another story")));
  EXPECT_THAT(r.text, Not(HasSubstr("Tags:")));
}

TEST(ExtractContent, SectionsTitledAsFurnitureAreLeftOut) {
  std::string teasers;
  for (int i = 0; i < 3; ++i) {
    teasers +=
        "<div class=teaser><p>A teaser paragraph for another article on this site, long "
        "enough to look like article text to a naive extractor, with commas, too.</p>"
        "</div>";
  }
  std::string html = "<body><div class=wrap><div class=post>" + Para(1) + Para(2) + Para(3) +
                     "</div><div class=more><h3>You may also like</h3>" + teasers +
                     "</div></div></body>";
  ContentResult r = ContentOf(html);
  EXPECT_EQ(r.paragraphs, 3u);
  EXPECT_THAT(r.text, Not(HasSubstr("teaser")));
}

TEST(ExtractContent, BylinesAndBoilerplateLinesGo) {
  std::string html =
      "<body><article><p>By Jane Doe</p><p>Published 10:02 AM EST Nov 19, 2019"
      "</p>" +
      Para(1) + "<p>Advertisement</p>" + Para(2) + Para(3) + "</article></body>";
  ContentOptions o;
  o.collect_removed = true;
  ContentResult r = ContentOf(html, o);
  EXPECT_EQ(r.paragraphs, 3u);
  EXPECT_THAT(r.text, Not(HasSubstr("Jane Doe")));
  EXPECT_THAT(r.text, Not(HasSubstr("Advertisement")));
  EXPECT_GE(r.removed.size(), 3u);
}

TEST(ExtractContent, EmptyAndTextlessPages) {
  EXPECT_EQ(ContentOf("").text, "");
  EXPECT_EQ(ContentOf("<body><nav><a href=/>x</a></nav><img src=a></body>").text, "");
}

}  // namespace
}  // namespace witness::clean
