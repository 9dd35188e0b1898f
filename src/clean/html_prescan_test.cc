#include "clean/html_prescan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "clean/html_dom.h"

namespace witness::clean {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The text a reader sees, from gumbo's tree of `html` parsed as is: text nodes in order,
// leaving out what the pre-pass removes on purpose (scripts, styles, noscript, iframes,
// svg/math, template contents). The reference for what Prescan must keep.
std::string VisibleText(std::string_view html) {
  Dom dom(html);
  std::string out;
  for (uint32_t i = 0; i < dom.size(); ++i) {
    if (!dom[i].is_text()) continue;
    bool hidden = false;
    for (uint32_t a = dom[i].parent; a != kNoNode && !hidden; a = dom[a].parent) {
      const GumboTag t = dom[a].tag;
      hidden = t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT ||
               t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH ||
               t == GUMBO_TAG_NOEMBED || t == GUMBO_TAG_NOFRAMES || dom[a].foreign;
    }
    if (!hidden) out += dom.Text(i);
  }
  return out;
}

TEST(Prescan, RemovesScriptsStylesAndComments) {
  Prescanned p = Prescan(
      "<html><head><style>p { color: red }</style><script>var a = '<p>not text</p>';</script>"
      "</head><body><!-- a comment <p>hidden</p> --><p>kept</p><noscript><p>enable JS</p>"
      "</noscript><iframe src=x>fallback</iframe><?php echo 1 ?></body></html>");
  EXPECT_EQ(p.html, "<html><head></head><body><p>kept</p></body></html>");
}

TEST(Prescan, KeepsJsonLd) {
  Prescanned p = Prescan(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"x\":\"</p>\"}</script>"
      "<script type='text/javascript'>var x;</script>"
      "<SCRIPT TYPE=' application/ld+json; charset=utf-8'>[1]</SCRIPT>");
  ASSERT_EQ(p.json_ld.size(), 2u);
  EXPECT_EQ(p.json_ld[0], "{\"@type\":\"NewsArticle\",\"x\":\"</p>\"}");
  EXPECT_EQ(p.json_ld[1], "[1]");
  EXPECT_EQ(p.html, "");
}

TEST(Prescan, ScriptEndFollowsTheEscapeRules) {
  // Inside "<!--", a "<script>" opens a section whose "</script>" does not end the element.
  Prescanned p =
      Prescan("<script><!-- document.write('<script>x()</script>'); --></script><p>after</p>");
  EXPECT_EQ(p.html, "<p>after</p>");
  // "</scripts" is not an end tag; "</SCRIPT >" is.
  p = Prescan("<script>a = '</scripts>';</SCRIPT ><p>after</p>");
  EXPECT_EQ(p.html, "<p>after</p>");
  // An unclosed script runs to the end.
  p = Prescan("<p>before</p><script>never closed <p>not text</p>");
  EXPECT_EQ(p.html, "<p>before</p>");
}

TEST(Prescan, RemovesSvgAndMathWhole) {
  Prescanned p = Prescan(
      "<p>a<svg viewBox='0 0 1 1'><g><svg><text>label</text></svg></g>"
      "</svg>b<math><mi>x</mi></math>c</p>");
  EXPECT_EQ(p.html, "<p>abc</p>");
  // An HTML tag inside <svg> ends it in a browser: such an svg is left to the parser.
  p = Prescan("<svg><g></g><p>escaped text</p>");
  EXPECT_THAT(p.html, HasSubstr("escaped text"));
}

TEST(Prescan, CutsUnusedAttributes) {
  Prescanned p = Prescan(
      "<a href='https://example.com/x?a=1&b=2' class=link data-track=\"1\" onclick='go()'>x</a>"
      "<img src=a.jpg srcset='a.jpg 1x, b.jpg 2x' alt=''>"
      "<div style='color: red; DISPLAY : none' id=d>y</div>"
      "<meta property='og:title' content='T' data-x=1><link rel=canonical href='/c'>");
  EXPECT_EQ(p.html,
            "<a class=link>x</a><img><div id=d hidden>y</div>"
            "<meta property='og:title' content='T' data-x=1><link rel=canonical href='/c'>");
}

TEST(Prescan, CapsNesting) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<div>";
  html += "text";
  for (int i = 0; i < 1000; ++i) html += "</div>";
  PrescanOptions o;
  o.max_depth = 100;
  Prescanned p = Prescan(html, o);
  EXPECT_EQ(p.max_depth, 100u);
  EXPECT_EQ(p.dropped_tags, 2u * 900u);
  EXPECT_EQ(VisibleText(p.html), "text");
  // The parser's tree is no deeper than the cap (plus html/body).
  Dom dom(p.html);
  int deepest = 0;
  for (uint32_t i = 0; i < dom.size(); ++i) deepest = std::max<int>(deepest, dom[i].depth);
  EXPECT_LE(deepest, 103);
}

TEST(Prescan, ImpliedEndTagsDoNotCountAsNesting) {
  // Unclosed <p>, <li>, <td> and <option> close their predecessors: 5,000 of each stay flat.
  std::string html = "<ul>";
  for (int i = 0; i < 5000; ++i) html += "<li>item <p>para <b>bold</b> <i>it</i>";
  html += "</ul><table>";
  for (int i = 0; i < 5000; ++i) html += "<tr><td>cell<td>cell";
  html += "</table><select>";
  for (int i = 0; i < 5000; ++i) html += "<option>o";
  html += "</select>";
  Prescanned p = Prescan(html);
  EXPECT_EQ(p.dropped_tags, 0u);
  EXPECT_LE(p.max_depth, 8u);
  EXPECT_EQ(p.html, html);
}

TEST(Prescan, CapsOpenFormattingElements) {
  std::string html;
  // Each unclosed <b> is re-opened in every later paragraph: n^2 elements for the parser.
  for (int i = 0; i < 200; ++i) html += "<p><b id=" + std::to_string(i) + ">x";
  PrescanOptions o;
  o.max_open_formatting = 10;
  Prescanned p = Prescan(html, o);
  EXPECT_EQ(p.dropped_tags, 190u);
  EXPECT_LT(Dom(p.html).size(), 200u * 12u);
  EXPECT_EQ(VisibleText(p.html), VisibleText(html));
}

TEST(Prescan, CapsElementCount) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<span>w</span> ";
  PrescanOptions o;
  o.max_elements = 100;
  Prescanned p = Prescan(html, o);
  EXPECT_EQ(p.dropped_tags, 2u * 900u);
  EXPECT_EQ(VisibleText(p.html), VisibleText(html));
}

TEST(Prescan, KeepsTextOfRcdataAndOddMarkup) {
  const std::string html =
      "<title>a <b> title</title><textarea><p>typed</p></textarea><p>1 < 2 and 3 > 2</p>"
      "<p>a </> b <!doctype html> c</p><xmp><i>shown</i></xmp>";
  Prescanned p = Prescan(html);
  EXPECT_EQ(VisibleText(p.html), VisibleText(html));
  EXPECT_THAT(p.html, HasSubstr("<title>a <b> title</title>"));
}

TEST(Prescan, SameTextAsTheParserAlone) {
  // A page mixing the constructs above: the pre-pass must not change what a reader sees.
  const std::string html =
      "<!DOCTYPE html><html><head><title>T</title><script>if (a<b) {}</script>"
      "<style>.x{}</style></head><body class=x><div id=a><p>One <a href=\"/x\" "
      "title='a > b'>link</a>, <em>two</em><br>three</p><!-- c --><ul><li>first<li>second"
      "</ul><table><tr><td>c1<td>c2</tr></table><svg><text>drawn</text></svg><p>four "
      "&amp; five&nbsp;six</p><template><p>inert</p></template><div style='display:none'>"
      "hidden</div><p>seven<p>eight</div></body></html>";
  Prescanned p = Prescan(html);
  EXPECT_EQ(VisibleText(p.html), VisibleText(html));
  EXPECT_THAT(VisibleText(html), HasSubstr("four & five"));
}

TEST(Prescan, AnyBytesAreSafe) {
  uint32_t x = 99;
  const char* pieces[] = {"<",      ">",       "</",   "<!--",    "-->",  "<script>",  "</script>",
                          "<svg>",  "</svg>",  "<p>",  "<div/>",  "'",    "\"",        "=",
                          " ",      "a",       "<b>",  "<table>", "<td>", "<![CDATA[", "]]>",
                          "<math>", "<title>", "\xff", "\xc3"};
  for (int round = 0; round < 300; ++round) {
    std::string html;
    for (int i = 0; i < 200; ++i) {
      x = x * 1664525u + 1013904223u;
      html += pieces[(x >> 16) % (sizeof pieces / sizeof pieces[0])];
    }
    PrescanOptions o;
    o.max_depth = 16;
    Prescanned p = Prescan(html, o);
    EXPECT_LE(p.html.size(), html.size() + 16);
    Dom dom(p.html);  // parses without trouble
  }
}

}  // namespace
}  // namespace witness::clean
