#include "clean/html_signals.h"

#include <gtest/gtest.h>

namespace witness::clean {
namespace {

TEST(ClassWeight, NamesOfTextAndOfFurniture) {
  EXPECT_GT(ClassWeight("article-body"), 0);
  EXPECT_GT(ClassWeight("storyBody"), 0);
  EXPECT_GT(ClassWeight("entry-content"), 0);
  EXPECT_EQ(ClassWeight("col-md-8 clearfix"), 0);
  EXPECT_EQ(ClassWeight("ad-header"), -50);  // ads: strong
  EXPECT_EQ(ClassWeight("comment-list"), -50);
  EXPECT_EQ(ClassWeight("relatedStories"), -50);
  EXPECT_EQ(ClassWeight("social-share"), -50);
  EXPECT_EQ(ClassWeight("site-footer"), -25);         // weak: could wrap everything
  EXPECT_EQ(ClassWeight("content-with-sidebar"), 0);  // weak and positive cancel
  EXPECT_EQ(ClassWeight("comment-body"), -50);        // strong wins
  EXPECT_EQ(ClassWeight("header"), -25);
  EXPECT_EQ(ClassWeight("shadow"), 0);              // no "ad" inside words
  EXPECT_EQ(ClassWeight("social-media-embed"), 0);  // an embedded post is quoted text
}

TEST(IsCaptionClass, Captions) {
  EXPECT_TRUE(IsCaptionClass("wp-caption-text"));
  EXPECT_TRUE(IsCaptionClass("newsCaption"));
  EXPECT_TRUE(IsCaptionClass("image credit"));
  EXPECT_FALSE(IsCaptionClass("article-body"));
}

TEST(TagClasses, Tables) {
  EXPECT_TRUE(IsNeverContentTag(GUMBO_TAG_SCRIPT));
  EXPECT_TRUE(IsNeverContentTag(GUMBO_TAG_IMG));
  EXPECT_FALSE(IsNeverContentTag(GUMBO_TAG_P));
  EXPECT_TRUE(IsFurnitureTag(GUMBO_TAG_NAV));
  EXPECT_FALSE(IsFurnitureTag(GUMBO_TAG_ARTICLE));
  EXPECT_TRUE(IsBlockTag(GUMBO_TAG_LI));
  EXPECT_FALSE(IsBlockTag(GUMBO_TAG_SPAN));
  EXPECT_TRUE(IsContainerTag(GUMBO_TAG_UNKNOWN));  // custom elements may hold articles
  EXPECT_FALSE(IsContainerTag(GUMBO_TAG_P));
  EXPECT_FALSE(IsBlockTag(GUMBO_TAG_LAST));
  EXPECT_TRUE(IsFurnitureRole("navigation"));
  EXPECT_FALSE(IsFurnitureRole("main"));
}

TEST(Lines, BylinesBoilerplateAndHeadings) {
  EXPECT_TRUE(IsBylineLine("By Jane Doe and John Roe"));
  EXPECT_TRUE(IsBylineLine("Published 10:02 AM EST Nov 19, 2019"));
  EXPECT_TRUE(IsBylineLine("05/10/2018 - Publicado por: Clarissa Borba"));
  EXPECT_FALSE(IsBylineLine("The findings were published today (Nov. 18) in a journal."));
  EXPECT_FALSE(IsBylineLine("By the end of 2019, the plan had failed. Nobody noticed."));
  EXPECT_TRUE(IsBoilerplateLine("ADVERTISEMENT"));
  EXPECT_TRUE(IsBoilerplateLine("Continue reading the main story"));
  EXPECT_FALSE(IsBoilerplateLine("Read more about the council's decision in our report."));
  EXPECT_TRUE(IsFurnitureHeading("Related Articles"));
  EXPECT_TRUE(IsFurnitureHeading("Você pode gostar..."));
  EXPECT_FALSE(IsFurnitureHeading("What happens next"));
  EXPECT_TRUE(IsHeadline("Council passes budget", "Council Passes Budget!"));
  EXPECT_TRUE(IsHeadline("Council passes budget", "Council passes budget after vote"));
  EXPECT_FALSE(IsHeadline("What happens next", "Council passes budget"));
  EXPECT_FALSE(IsHeadline("___", "Council passes budget"));
  EXPECT_TRUE(HiddenByStyle("color:red; DISPLAY : none"));
  EXPECT_FALSE(HiddenByStyle("display:block"));
  EXPECT_TRUE(IsMetadataItemprop("datePublished"));
  EXPECT_FALSE(IsMetadataItemprop("articleBody"));
}

}  // namespace
}  // namespace witness::clean
