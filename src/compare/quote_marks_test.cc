// Quote-mark pairing: every mark style, apostrophes, nesting, unclosed marks, paragraphs.
#include "compare/quote_marks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace witness::quotes::internal {
namespace {

struct Found {
  std::vector<std::string> quotes;  // the parts of each quotation, joined by " | "
  std::vector<bool> closed;
};

Found Pair(const std::string& text) {
  const text::Segmentation seg = text::Segment(text);
  Doc doc;
  BuildDoc(text, seg, &doc);
  std::vector<int32_t> inside;
  const std::vector<Quotation> qs = FindQuotations(doc, &inside);
  Found f;
  for (const Quotation& q : qs) {
    std::string s;
    for (const text::Span& p : q.parts) {
      if (!s.empty()) s += " | ";
      s += std::string(p.in(text));
    }
    f.quotes.push_back(s);
    f.closed.push_back(q.closed);
  }
  return f;
}

using V = std::vector<std::string>;

TEST(QuoteMarks, EveryStyle) {
  EXPECT_EQ(Pair("He said \"straight double\" today.").quotes, V{"straight double"});
  EXPECT_EQ(Pair("He said \xE2\x80\x9C"
                 "curly double\xE2\x80\x9D today.")
                .quotes,
            V{"curly double"});
  EXPECT_EQ(Pair("He said \xE2\x80\x98"
                 "curly single\xE2\x80\x99 today.")
                .quotes,
            V{"curly single"});
  EXPECT_EQ(Pair("He said 'straight single' today.").quotes, V{"straight single"});
  EXPECT_EQ(Pair("Il a dit \xC2\xAB guillemets \xC2\xBB hier.").quotes, V{"guillemets"});
  EXPECT_EQ(Pair("Er sagte \xE2\x80\x9E"
                 "deutsch\xE2\x80\x9C heute.")
                .quotes,
            V{"deutsch"});
  EXPECT_EQ(Pair("Er sagte \xE2\x80\x9E"
                 "deutsch\xE2\x80\x9D heute.")
                .quotes,
            V{"deutsch"});
  EXPECT_EQ(Pair("Er sagte \xC2\xBB"
                 "umgekehrt\xC2\xAB heute.")
                .quotes,
            V{"umgekehrt"});
  EXPECT_EQ(Pair("He wrote ''doubled apostrophes,'' she said.").quotes, V{"doubled apostrophes,"});
}

TEST(QuoteMarks, ApostrophesAreNotMarks) {
  EXPECT_TRUE(
      Pair("Russia's president didn't go; the voters' choice stood in the '90s.").quotes.empty());
  EXPECT_TRUE(Pair("Russia\xE2\x80\x99s leader, the voters\xE2\x80\x99 choice, the \xE2\x80\x99"
                   "90s.")
                  .quotes.empty());
  // A possessive inside a single-quoted quotation does not close it early when a letter follows.
  EXPECT_EQ(Pair("He called it 'Jones's plan' yesterday.").quotes, V{"Jones's plan"});
  // Markup attributes are not quotations.
  EXPECT_TRUE(Pair("<tweet author=\"x\" date=\"y\">Hello</tweet>").quotes.empty());
}

TEST(QuoteMarks, NestedQuotesStayInside) {
  EXPECT_EQ(Pair("He said \"we will not allow 'colour revolutions' here\" today.").quotes,
            V{"we will not allow 'colour revolutions' here"});
  EXPECT_EQ(
      Pair("\xE2\x80\x9CThey told me \xE2\x80\x98no\xE2\x80\x99,\xE2\x80\x9D she said.").quotes,
      V{"They told me \xE2\x80\x98no\xE2\x80\x99,"});
  // ''We are told, 'Kosovo is special,''' he said: a single closes, then the double.
  EXPECT_EQ(Pair("''We are told, 'Kosovo is special,''' he said.").quotes,
            V{"We are told, 'Kosovo is special,'"});
}

TEST(QuoteMarks, UnbalancedNesting) {
  // An inner mark left open is dropped when the outer one closes.
  EXPECT_EQ(Pair("He said \xE2\x80\x9Cthe \xE2\x80\x98plan is over\xE2\x80\x9D and left.").quotes,
            V{"the \xE2\x80\x98plan is over"});
  // A stray closing mark is ignored.
  EXPECT_EQ(Pair("Stray\xE2\x80\x9D closer, then \xE2\x80\x9Creal one\xE2\x80\x9D.").quotes,
            V{"real one"});
}

TEST(QuoteMarks, UnclosedQuoteEndsAtTheParagraph) {
  const Found f = Pair("He said \"this never closes.\n\nNext paragraph here.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0], "this never closes.");
  EXPECT_FALSE(f.closed[0]);
  // An unclosed straight single is an apostrophe, not a quote.
  EXPECT_TRUE(Pair("Rock 'n roll and 'em all.\n\nNext.").quotes.empty());
}

TEST(QuoteMarks, ParagraphSpanningQuote) {
  const Found f =
      Pair("\"The first paragraph of the speech.\n\n\"The second paragraph,\" he said.\n\nAfter.");
  ASSERT_EQ(f.quotes.size(), 1u);
  EXPECT_EQ(f.quotes[0], "The first paragraph of the speech. | The second paragraph,");
  EXPECT_TRUE(f.closed[0]);
  // Without an opening mark on the next paragraph the quote is unclosed.
  const Found g = Pair("\"The first paragraph.\n\nThe second, plain.");
  ASSERT_EQ(g.quotes.size(), 1u);
  EXPECT_FALSE(g.closed[0]);
  EXPECT_EQ(g.quotes[0], "The first paragraph.");
}

TEST(QuoteMarks, SpacedClosingMark) {
  EXPECT_EQ(Pair("\"It cannot be 'okay, we move on,' \" she said.").quotes,
            V{"It cannot be 'okay, we move on,'"});
}

TEST(QuoteMarks, LongParagraphIsLinear) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += (i % 7 == 0) ? "\"word " : "word ";
  const Found f = Pair(text);  // must finish quickly and not crash
  EXPECT_FALSE(f.quotes.empty());
  std::string deep;
  for (int i = 0; i < 5000; ++i)
    deep +=
        "\xE2\x80\x9C"
        "a ";
  EXPECT_EQ(Pair(deep).quotes.size(), 1u);  // one unclosed outer quotation
}

}  // namespace
}  // namespace witness::quotes::internal
