// ExtractHtml end to end, on small hand-written pages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "witness/extract.h"
#include "witness/text.h"

namespace witness {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Extracted MustExtract(std::string_view html, const ExtractOptions& options = {}) {
  StatusOr<Extracted> r = ExtractHtml(html, options, "test.html");
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  EXPECT_TRUE(witness::text::IsValidUtf8(r->text));
  EXPECT_TRUE(witness::text::IsValidUtf8(r->title));
  return *r;
}

constexpr const char* kParagraphs[] = {
    "The city council voted on Tuesday to approve the new budget, which raises spending on "
    "schools by four percent and cuts the parks department, officials said.",
    "Mayor Jane Doe, who proposed the plan in March, called the vote a turning point for the "
    "city, though several members said the cuts went too far.",
    "The budget takes effect on July 1. Critics have vowed to challenge parts of it in court, "
    "arguing that the council ignored its own rules on public hearings.",
    "A spokesman for the parks department declined to comment on the cuts, saying the agency "
    "would study the final text before deciding how to respond.",
};

std::string Article() {
  std::string out;
  for (const char* p : kParagraphs) out += std::string("<p>") + p + "</p>\n";
  return out;
}

std::string ExpectedText() {
  std::string out;
  for (const char* p : kParagraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

TEST(ExtractHtml, KeepsTheArticleAndDropsNavigationFooterAndRelatedLinks) {
  const std::string html =
      "<!doctype html><html lang='en'><head><title>Council passes budget | City Times</title>"
      "<meta property='og:site_name' content='City Times'></head><body>"
      "<header><a href='/'>City Times</a><nav><ul><li><a href='/news'>News</a></li>"
      "<li><a href='/sport'>Sport</a></li><li><a href='/opinion'>Opinion</a></li></ul></nav>"
      "</header><main><article><h1>Council passes budget</h1>" +
      Article() +
      "</article><aside class='related'><h3>Related stories</h3><ul>"
      "<li><a href='/a'>Schools brace for changes after years of flat funding</a></li>"
      "<li><a href='/b'>Parks department warns of closures across the city</a></li>"
      "</ul></aside></main><footer><p>Copyright 2024 City Times. All rights reserved. Terms "
      "of use, privacy policy and cookie settings.</p></footer></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.text, ExpectedText());
  EXPECT_EQ(e.title, "Council passes budget");
  EXPECT_EQ(e.site, "City Times");
  EXPECT_EQ(e.language, "en");
  EXPECT_EQ(e.charset_detected, "UTF-8");
}

TEST(ExtractHtml, LeavesOutCaptionsUnlessAsked) {
  const std::string html =
      "<html><body><article>" + Article() +
      "<figure><img src='x.jpg'><figcaption>The council chamber on Tuesday. (Photo: J. "
      "Smith)</figcaption></figure><div class='wp-caption'><img src='y.jpg'><p "
      "class='wp-caption-text'>Mayor Jane Doe speaks to reporters after the vote.</p></div>"
      "</article></body></html>";
  Extracted plain = MustExtract(html);
  EXPECT_EQ(plain.text, ExpectedText());
  ExtractOptions with;
  with.include_captions = true;
  Extracted captions = MustExtract(html, with);
  EXPECT_THAT(captions.text, HasSubstr("The council chamber on Tuesday."));
  EXPECT_THAT(captions.text, HasSubstr("Mayor Jane Doe speaks to reporters"));
}

TEST(ExtractHtml, DropsCommentThreads) {
  std::string comments;
  for (int i = 0; i < 6; ++i) {
    comments +=
        "<li class='comment'><p>I have lived in this city for thirty years and I have "
        "never seen the council act so quickly, which worries me a great deal, frankly, "
        "and I will say so at the next meeting.</p></li>";
  }
  const std::string html = "<html><body><div class='story-body'>" + Article() +
                           "</div><section id='comments'><h2>Comments</h2><ol>" + comments +
                           "</ol></section></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.text, ExpectedText());
}

TEST(ExtractHtml, ReadsJsonLdMetadata) {
  const std::string html =
      "<html><head><title>x</title>"
      "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebSite\",\"name\":\"The Site\"},"
      "{\"@type\":[\"NewsArticle\"],\"headline\":\"Council &amp; mayor agree\","
      "\"datePublished\":\"2019-11-19T08:03:00.000-05:00\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"},{\"name\":\"John Poe\"}],"
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"City Times\"}}]}</script>"
      "<script type='application/ld+json'>{ this is not json </script>"
      "</head><body><article>" +
      Article() + "</article></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.title, "Council & mayor agree");
  EXPECT_EQ(e.published, "2019-11-19T08:03:00-05:00");
  EXPECT_EQ(e.author, "Jane Roe, John Poe");
  EXPECT_EQ(e.site, "City Times");
  EXPECT_EQ(e.text, ExpectedText());
}

TEST(ExtractHtml, FallsBackToJsonLdArticleBody) {
  const std::string body =
      "First paragraph of a story that the page only renders with JavaScript, so the markup "
      "holds nothing but an empty shell and a loading spinner.\nSecond paragraph with more "
      "words, enough of them for the extractor to prefer this text over the empty page.";
  const std::string html =
      "<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":"
      "\"Shell\",\"articleBody\":\"" +
      std::string(
          "First paragraph of a story that the page only renders with JavaScript, so "
          "the markup holds nothing but an empty shell and a loading spinner.\\nSecond "
          "paragraph with more words, enough of them for the extractor to prefer this "
          "text over the empty page.") +
      "\"}</script></head><body><div id='app'>Loading...</div></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.text, std::string(body).replace(body.find('\n'), 1, "\n\n"));
  ExtractOptions no_ld;
  no_ld.use_json_ld_body = false;
  EXPECT_THAT(MustExtract(html, no_ld).text, Not(HasSubstr("First paragraph")));
}

TEST(ExtractHtml, Windows1252Declared) {
  // "Café “quoted” – done" in windows-1252 bytes.
  const std::string html =
      "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
      "</head><body><p>Caf\xE9 \x93quoted\x94 \x96 done, a sentence long enough to count as a "
      "paragraph of article text.</p></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.charset_detected, "windows-1252");
  EXPECT_THAT(e.text, HasSubstr("Caf\u00e9 \u201cquoted\u201d \u2013 done"));
}

TEST(ExtractHtml, Windows1252Undeclared) {
  const std::string html =
      "<html><body><p>Na\xEFve r\xE9sum\xE9s and fa\xE7"
      "ades: the caf\xE9 owner\x92s "
      "complaint, filed in M\xFCnchen, went nowhere at all this year.</p></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_THAT(e.text, HasSubstr("Na\u00efve r\u00e9sum\u00e9s and fa\u00e7ades"));
  EXPECT_THAT(e.text, HasSubstr("owner\u2019s"));
  EXPECT_THAT(e.text, HasSubstr("M\u00fcnchen"));
}

TEST(ExtractHtml, Latin1DeclaredButBytesAreUtf8) {
  const std::string html =
      "<html><head><meta charset='iso-8859-1'></head><body><p>S\u00e3o Paulo e Bras\u00edlia "
      "est\u00e3o entre as cidades citadas no relat\u00f3rio publicado ontem.</p></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.charset_detected, "UTF-8");
  EXPECT_THAT(e.text, HasSubstr("S\u00e3o Paulo e Bras\u00edlia"));
}

TEST(ExtractHtml, Utf8DeclaredButBytesAreWindows1252) {
  const std::string html =
      "<html><head><meta charset='utf-8'></head><body><p>El ni\xF1o pidi\xF3 caf\xE9 con "
      "az\xFA"
      "car en la estaci\xF3n, seg\xFAn cont\xF3 su madre a los periodistas.</p></body>"
      "</html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.charset_detected, "windows-1252");
  EXPECT_THAT(e.text, HasSubstr("El ni\u00f1o pidi\u00f3 caf\u00e9 con az\u00facar"));
}

TEST(ExtractHtml, Utf16LittleEndianWithBom) {
  const std::string ascii =
      "<html><body><p>A page saved as UTF-16 by an old editor, with \xC3\xA9 accents and all, "
      "still reads as a page.</p></body></html>";
  // Encode the (UTF-8) string above as UTF-16LE by hand: it holds only BMP characters.
  std::string utf16 = "\xFF\xFE";
  for (size_t i = 0; i < ascii.size();) {
    uint32_t cp = static_cast<unsigned char>(ascii[i]);
    if (cp >= 0xC0) {
      cp = ((cp & 0x1F) << 6) | (static_cast<unsigned char>(ascii[i + 1]) & 0x3F);
      i += 2;
    } else {
      ++i;
    }
    utf16.push_back(static_cast<char>(cp & 0xFF));
    utf16.push_back(static_cast<char>(cp >> 8));
  }
  Extracted e = MustExtract(utf16);
  EXPECT_EQ(e.charset_detected, "UTF-16LE");
  EXPECT_THAT(e.text, HasSubstr("with \u00e9 accents and all"));
}

TEST(ExtractHtml, RepairsMalformedMarkup) {
  const std::string html =
      "<html><body><div class=content><p>The first paragraph is never closed and goes on "
      "about the weather, which was unusually warm for the season"
      "<p>The second one <b>bolds <i>something</b> badly</i> and keeps talking about the "
      "forecast for the week ahead, which is mixed.<p>A third, with a stray </span> end tag "
      "and an unquoted attribute <a href=foo>inside</a>, ends the story here.</div>";
  Extracted e = MustExtract(html);
  EXPECT_THAT(e.text, HasSubstr("unusually warm for the season\n\nThe second one bolds "
                                "something badly and keeps"));
  EXPECT_THAT(e.text, HasSubstr("\n\nA third, with a stray end tag and an unquoted attribute "
                                "inside, ends the story here."));
}

TEST(ExtractHtml, HiddenElementsAndHeadlinesAreLeftOut) {
  const std::string html =
      "<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>"
      "<div style='display: none'>Secret tracking text that no reader sees on the page "
      "at all, hidden by style.</div><p hidden>Also hidden, by the attribute, from every "
      "reader of this page.</p>" +
      Article() + "<h2>What happens next</h2>" +
      "<p>The council meets again in June, when it will take up the transit plan that was "
      "left out of this year's budget.</p></article></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_THAT(e.text, Not(HasSubstr("Secret")));
  EXPECT_THAT(e.text, Not(HasSubstr("Also hidden")));
  EXPECT_THAT(e.text, Not(HasSubstr("Budget vote")));
  EXPECT_THAT(e.text, HasSubstr("\n\nWhat happens next\n\nThe council meets again"));
}

TEST(ExtractHtml, CollapsesWhitespaceAndBreaksLines) {
  const std::string html =
      "<html><body><div class='entry-content'><p>  Words\t\tspread\n\n over&nbsp;&nbsp;lines "
      "and co\xC2\xADoperation with soft hyphens, in a paragraph long enough to keep.  </p>"
      "<p>Line one of an address block, which continues here<br>line two of it, also with "
      "enough words<br><br>a new paragraph after two breaks, which is long enough.</p>"
      "</div></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_EQ(e.text,
            "Words spread over lines and cooperation with soft hyphens, in a paragraph long "
            "enough to keep.\n\nLine one of an address block, which continues here\nline two "
            "of it, also with enough words\n\na new paragraph after two breaks, which is long "
            "enough.");
}

TEST(ExtractHtml, PreformattedTextKeepsItsLines) {
  const std::string html =
      "<html><body><article>" + Article() +
      "<pre>for x in range(3):\n    print(x)\n\n\n\ndone()</pre></article></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_THAT(e.text, HasSubstr("\n\nfor x in range(3):\n    print(x)\n\ndone()"));
}

TEST(ExtractHtml, TableRowsBecomeLines) {
  const std::string html =
      "<html><body><article>" + Article() +
      "<table><tr><th>Department</th><th>Change</th></tr><tr><td>Schools</td><td>+4%</td></tr>"
      "<tr><td>Parks</td><td>-7%</td></tr></table></article></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_THAT(e.text, HasSubstr("\n\nDepartment Change\n\nSchools +4%\n\nParks -7%"));
}

TEST(ExtractHtml, DeepNestingCompletesQuickly) {
  struct Case {
    const char* open;
    const char* close;
  };
  const Case cases[] = {{"<div>", "</div>"},
                        {"<span>", "</span>"},
                        {"<b>", "</b>"},
                        {"<a href=x>", "</a>"},
                        {"<div/>", ""},
                        {"<table><tr><td>", "</td></tr></table>"},
                        {"<ul><li>", "</li></ul>"},
                        {"<svg><g>", "</g></svg>"},
                        {"<foo><div>", "</foo>"},
                        {"<b><div>", "</b>"},
                        {"<p><b id=x>", "</p>"},
                        {"<font>", ""},
                        {"<svg><foreignObject><div/>", ""},
                        {"<template>", ""},
                        {"<select><option>", ""},
                        {"<table><caption>", ""},
                        {"<h1><h2>", ""},
                        {"<dl><dt>", ""},
                        {"<i><p>", ""},
                        {"<math><mi><div/>", ""}};
  for (const Case& c : cases) {
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += c.open;
    html +=
        "<p>The only paragraph of text in a page that nests one hundred thousand levels "
        "deep, which must still come out.</p>";
    for (int i = 0; i < 100000; ++i) html += c.close;
    html += "</body></html>";
    const auto start = std::chrono::steady_clock::now();
    StatusOr<Extracted> r = ExtractHtml(html, {}, "deep.html");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(r.ok()) << c.open << ": " << r.status().ToString();
    EXPECT_LT(seconds, 20.0) << c.open;  // < 1 s in Release; sanitizers are far slower
    // Inside <svg> nothing is text; inside a link all of it is link text.
    const std::string open = c.open;
    if (open != "<svg><g>" && open != "<a href=x>" && open != "<template>" &&
        open != "<select><option>" && open != "<svg><foreignObject><div/>" &&
        open != "<math><mi><div/>") {
      EXPECT_THAT(r->text, HasSubstr("must still come out")) << c.open;
    }
  }
}

TEST(ExtractHtml, HugeMarkupStaysBounded) {
  // 8 MiB of tiny elements: the element cap keeps the parser's memory and time bounded.
  std::string html = "<html><body>";
  while (html.size() < (8u << 20)) html += "<div><span>x</span>";
  const auto start = std::chrono::steady_clock::now();
  StatusOr<Extracted> r = ExtractHtml(html, {}, "huge.html");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_LT(seconds, 60.0);
}

TEST(ExtractHtml, BinaryInputIsRefused) {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0", 21);
  for (int i = 0; i < 200; ++i) png.push_back(static_cast<char>(i * 37));
  StatusOr<Extracted> r = ExtractHtml(png, {}, "image.png");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("image.png: binary data"));
}

TEST(ExtractHtml, ArbitraryBytesGiveValidUtf8) {
  std::string bytes = "<html><body><p>";
  uint32_t x = 12345;
  for (int i = 0; i < 5000; ++i) {
    x = x * 1103515245u + 12345u;
    char c = static_cast<char>((x >> 16) & 0xFF);
    if (c == 0) c = ' ';
    bytes.push_back(c);
  }
  StatusOr<Extracted> r = ExtractHtml(bytes, {}, "noise.html");
  if (r.ok()) {
    EXPECT_TRUE(witness::text::IsValidUtf8(r->text));
    EXPECT_TRUE(witness::text::IsValidUtf8(r->title));
    EXPECT_TRUE(witness::text::IsValidUtf8(ExtractedToJson(*r)));
  } else {
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  }
}

TEST(ExtractHtml, AbsurdCharacterReferencesGiveValidUtf8) {
  // Found by fuzzing: gumbo emits a stray byte for some overlong numeric references.
  const std::string html =
      "<html><body><div class=\"story-body\"><p>One, two.<br><br>Three &amp; four&nbsp;five "
      "&#64455555555555555555555555555555555555555555555555555555555555555; six &#x110000; "
      "seven &#xD800; eight &#0; nine, which is enough text to count as a paragraph.</p>"
      "</div></body></html>";
  Extracted e = MustExtract(html);
  EXPECT_THAT(e.text, HasSubstr("five"));
  EXPECT_THAT(e.text, HasSubstr("nine"));
}

TEST(ExtractHtml, EmptyInputIsRefused) {
  for (std::string_view empty : {std::string_view(""), std::string_view(" \n\t ")}) {
    StatusOr<Extracted> r = ExtractHtml(empty, {}, "empty.html");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(r.status().message(), "empty.html: empty page");
  }
}

TEST(ExtractHtml, OversizedPageIsRefused) {
  ExtractOptions options;
  options.max_bytes = 100;
  StatusOr<Extracted> r = ExtractHtml(std::string(101, 'a'), options, "big.html");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kResourceExhausted);
  EXPECT_THAT(r.status().message(), HasSubstr("big.html: page is 101 bytes"));
  EXPECT_TRUE(ExtractHtml(std::string(100, 'a'), options, "ok.html").ok());
}

TEST(ExtractHtml, PageWithoutArticleIsNotAnError) {
  Extracted e = MustExtract(
      "<html><head><title>Home</title></head><body><nav><a href=/>Home"
      "</a></nav></body></html>");
  EXPECT_EQ(e.text, "");
  EXPECT_EQ(e.title, "Home");
}

TEST(ExtractHtml, CollectsRemovedBlocksWhenAsked) {
  const std::string html =
      "<html><body><nav><a href=/a>World</a> <a href=/b>Business</a></nav>"
      "<article>" +
      Article() +
      "<div class='share-bar'>Share this story on Facebook</div></article>"
      "</body></html>";
  ExtractOptions options;
  options.collect_removed = true;
  Extracted e = MustExtract(html, options);
  EXPECT_EQ(e.text, ExpectedText());
  bool share = false;
  for (const std::string& r : e.removed) share = share || r.find("Share this story") != r.npos;
  EXPECT_TRUE(share);
  EXPECT_TRUE(MustExtract(html).removed.empty());
}

TEST(ExtractedToJson, FieldsInOrderAndEscaped) {
  Extracted e;
  e.title = "A \"quoted\" title\\";
  e.published = "2019-11-19";
  e.author = "Jane";
  e.site = "Site";
  e.url = "https://example.com/a";
  e.language = "en";
  e.text = "Line one\n\nline\ttwo \x01 caf\u00e9";
  EXPECT_EQ(ExtractedToJson(e),
            "{\"title\":\"A \\\"quoted\\\" title\\\\\",\"published\":\"2019-11-19\","
            "\"author\":\"Jane\",\"site\":\"Site\",\"url\":\"https://example.com/a\","
            "\"language\":\"en\",\"text\":\"Line one\\n\\nline\\ttwo \\u0001 caf\u00e9\"}");
}

}  // namespace
}  // namespace witness
