// A news page's metadata: headline, dates, byline, outlet, canonical URL, language.
//
//   clean::PageMetadata m = clean::ExtractMetadata(dom, prescanned.json_ld, "https://...");
//
// Sources, best first for each field:
//   title       JSON-LD headline, og:title, twitter:title, <title> without the site's name
//   published   JSON-LD datePublished, article:published_time and the usual <meta> names
//               (pubdate, date, dc.date, sailthru.date, parsely-pub-date, ...),
//               itemprop=datePublished, <time pubdate>, then any JSON-LD datePublished, any
//               <meta> whose name says publication date, a <time datetime> inside <article>
//               or <main>, or the page's only <time datetime>
//   author      JSON-LD author(s), <meta name=author>, article:author (when not a URL), byl
//   site        og:site_name, JSON-LD publisher.name, application-name
//   url         <link rel=canonical>, og:url, JSON-LD url, then the page's own URL
//   language    <html lang>, Content-Language, og:locale, JSON-LD inLanguage
// JSON-LD: every <script type="application/ld+json"> is parsed (nlohmann-json; a block that
// does not parse, even after repairing raw newlines in strings, is ignored); objects are found
// at any level, in arrays and @graph; the article is the first object whose @type is an
// Article kind (NewsArticle, BlogPosting, ReportageNewsArticle, ...).
#ifndef WITNESS_CLEAN_METADATA_H_
#define WITNESS_CLEAN_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "clean/html_dom.h"

namespace witness::clean {

struct PageMetadata {
  std::string title;
  std::string published;  // normalised (NormalizeDate) or ""
  std::string author;
  std::string site;
  std::string url;
  std::string language;  // normalised (NormalizeLanguage) or ""
  std::string description;
  std::string html_title;    // <title> as written (whitespace collapsed)
  std::string json_ld_body;  // JSON-LD articleBody, tags stripped, or ""
};

PageMetadata ExtractMetadata(const Dom& dom, const std::vector<std::string>& json_ld,
                             std::string_view page_url);

// What JSON-LD says about the article; exposed for tests.
struct JsonLdArticle {
  std::string type, headline, date_published, author, publisher, url, language, description, body;
  std::string any_date_published;  // the first datePublished of any object (WebPage, ...)
};
// The first Article-kind object in the blocks; `found` false when none.
JsonLdArticle ParseJsonLd(const std::vector<std::string>& blocks, bool* found);

// "2019-11-19T13:03:00.000Z" -> "2019-11-19T13:03:00Z"; "Tue, 19 Nov 2019 08:03:00 -0500" ->
// "2019-11-19T08:03:00-05:00"; "November 19, 2019" -> "2019-11-19"; "1574168580" (Unix
// seconds) -> "2019-11-19T13:03:00Z"; "" when not a date.
std::string NormalizeDate(std::string_view text);

// "en_US" -> "en-US", "EN" -> "en", "zh-hant-tw" -> "zh-Hant-TW"; "" when not a language tag.
std::string NormalizeLanguage(std::string_view text);

// Resolves `ref` against the absolute URL `base` ("" when it cannot).
std::string ResolveUrl(std::string_view base, std::string_view ref);

// "https://...", "http://...", "//host/..." or "www....".
bool LooksLikeUrl(std::string_view s);

// Decodes HTML character references (&amp; &#8217; &eacute; ...) in text that was not parsed
// as HTML (JSON-LD strings, attribute-like values). Unknown references are kept.
std::string DecodeEntities(std::string_view text);

// "Headline | The Site" -> "Headline" when the last part names the site (or looks like a site
// name and `site` is empty); otherwise unchanged.
std::string StripSiteName(std::string_view title, std::string_view site);

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_METADATA_H_
