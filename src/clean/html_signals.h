// The signals behind main-content extraction: what a tag, a class name, a role, a heading
// or a short line says about being article text or page furniture. Word lists are English
// first, with the common Portuguese, Spanish, French, German, Italian and Russian forms.
#ifndef WITNESS_CLEAN_HTML_SIGNALS_H_
#define WITNESS_CLEAN_HTML_SIGNALS_H_

#include <gumbo.h>

#include <string_view>

namespace witness::clean {

// Never article text, with everything inside: head, script, style, forms controls, media,
// embedded documents, SVG/MathML, images.
bool IsNeverContentTag(GumboTag tag);
// Page furniture by tag: nav, header, footer, aside, form, menu.
bool IsFurnitureTag(GumboTag tag);
// Elements that begin and end a paragraph of their own (p, div, li, h1-h6, td, ...).
bool IsBlockTag(GumboTag tag);
// Elements that may hold a whole article (div, section, article, main, td, custom elements...).
bool IsContainerTag(GumboTag tag);
// ARIA roles of furniture: navigation, banner, contentinfo, complementary, search, menu, ...
bool IsFurnitureRole(std::string_view role);

// The class/id weight of an element's attributes ("class id" joined by a space): 25 for
// names of article text ("article-body", "story", "entry-content"), -50 for furniture that
// never belongs to an article (comments, share bars, related links, ads, newsletter boxes),
// -25 for names that usually are furniture but may wrap a whole page ("header",
// "has-sidebar"; cancelled by a positive word), 0 when neutral. Words are split at
// punctuation and camelCase humps: "relatedStories" is "related" + "stories". An embedded
// post ("twitter-tweet", "instagram-media", "embed") is always 0: it is quoted text.
int ClassWeight(std::string_view class_and_id);

// True for class/id names of picture captions and credits ("wp-caption", "image-credit").
bool IsCaptionClass(std::string_view class_and_id);

// style="display:none" or "visibility:hidden".
bool HiddenByStyle(std::string_view style);

// itemprop values of metadata shown in the page (datePublished, author, publisher, ...).
bool IsMetadataItemprop(std::string_view itemprop);

// A heading that announces furniture: "Related articles", "You may also like", "Comments",
// "Leia também", ... (its text, case-insensitive for ASCII, starts with such a phrase).
bool IsFurnitureHeading(std::string_view text);

// True when `heading` is the page's headline `title` (the same letters and digits, or one
// containing most of the other). An empty `title` matches every heading.
bool IsHeadline(std::string_view heading, std::string_view title);

// A short byline or dateline line: "By Jane Doe", "Published 10:02 AM EST Nov 19, 2019",
// "05/10/2018 - Publicado por: ...".
bool IsBylineLine(std::string_view line);

// A line that is furniture wherever it stands: "Advertisement", "Continue reading", "Read
// more", "Share this article", "Leave a comment", ... (the whole line, case-insensitive).
bool IsBoilerplateLine(std::string_view line);

}  // namespace witness::clean

#endif  // WITNESS_CLEAN_HTML_SIGNALS_H_
