#include "clean/html_signals.h"

#include <array>
#include <initializer_list>
#include <string>

#include "clean/html_text.h"

namespace witness::clean {

namespace {

// ---- Tags ----

enum TagClass : uint8_t {
  kNeverContent = 1,
  kFurniture = 2,
  kBlock = 4,
  kContainer = 8,
};

using TagTable = std::array<uint8_t, GUMBO_TAG_LAST + 1>;

constexpr void Mark(TagTable* table, std::initializer_list<GumboTag> tags, uint8_t bit) {
  for (GumboTag t : tags) (*table)[t] |= bit;
}

constexpr TagTable BuildTagTable() {
  TagTable t{};
  Mark(&t, {GUMBO_TAG_HEAD,     GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,    GUMBO_TAG_NOSCRIPT,
            GUMBO_TAG_TEMPLATE, GUMBO_TAG_IFRAME,   GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,
            GUMBO_TAG_SVG,      GUMBO_TAG_MATH,     GUMBO_TAG_CANVAS,   GUMBO_TAG_VIDEO,
            GUMBO_TAG_AUDIO,    GUMBO_TAG_MAP,      GUMBO_TAG_SELECT,   GUMBO_TAG_OPTION,
            GUMBO_TAG_TEXTAREA, GUMBO_TAG_INPUT,    GUMBO_TAG_BUTTON,   GUMBO_TAG_FRAMESET,
            GUMBO_TAG_FRAME,    GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOEMBED,  GUMBO_TAG_APPLET,
            GUMBO_TAG_TITLE,    GUMBO_TAG_META,     GUMBO_TAG_LINK,     GUMBO_TAG_BASE,
            GUMBO_TAG_SOURCE,   GUMBO_TAG_IMG,      GUMBO_TAG_DATALIST, GUMBO_TAG_OPTGROUP},
       kNeverContent);
  Mark(&t,
       {GUMBO_TAG_NAV, GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE, GUMBO_TAG_FORM,
        GUMBO_TAG_MENU},
       kFurniture);
  Mark(&t, {GUMBO_TAG_HTML,     GUMBO_TAG_BODY,    GUMBO_TAG_P,          GUMBO_TAG_DIV,
            GUMBO_TAG_SECTION,  GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN,       GUMBO_TAG_HEADER,
            GUMBO_TAG_FOOTER,   GUMBO_TAG_ASIDE,   GUMBO_TAG_NAV,        GUMBO_TAG_BLOCKQUOTE,
            GUMBO_TAG_PRE,      GUMBO_TAG_UL,      GUMBO_TAG_OL,         GUMBO_TAG_LI,
            GUMBO_TAG_DL,       GUMBO_TAG_DT,      GUMBO_TAG_DD,         GUMBO_TAG_H1,
            GUMBO_TAG_H2,       GUMBO_TAG_H3,      GUMBO_TAG_H4,         GUMBO_TAG_H5,
            GUMBO_TAG_H6,       GUMBO_TAG_TABLE,   GUMBO_TAG_TBODY,      GUMBO_TAG_THEAD,
            GUMBO_TAG_TFOOT,    GUMBO_TAG_TR,      GUMBO_TAG_TD,         GUMBO_TAG_TH,
            GUMBO_TAG_CAPTION,  GUMBO_TAG_FIGURE,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FORM,
            GUMBO_TAG_FIELDSET, GUMBO_TAG_LEGEND,  GUMBO_TAG_ADDRESS,    GUMBO_TAG_DETAILS,
            GUMBO_TAG_SUMMARY,  GUMBO_TAG_CENTER,  GUMBO_TAG_HR,         GUMBO_TAG_HGROUP,
            GUMBO_TAG_MENU,     GUMBO_TAG_DIR,     GUMBO_TAG_LISTING,    GUMBO_TAG_XMP,
            GUMBO_TAG_PLAINTEXT},
       kBlock);
  Mark(&t,
       {GUMBO_TAG_BODY, GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN,
        GUMBO_TAG_TD, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_UNKNOWN, GUMBO_TAG_CENTER, GUMBO_TAG_FONT,
        GUMBO_TAG_SPAN, GUMBO_TAG_DD, GUMBO_TAG_LI, GUMBO_TAG_FORM},
       kContainer);
  return t;
}

constexpr TagTable kTagTable = BuildTagTable();

bool Has(GumboTag tag, uint8_t bit) {
  return tag >= 0 && tag <= GUMBO_TAG_LAST && (kTagTable[tag] & bit) != 0;
}

// ---- Class and id names ----

// Calls fn(word) for each word of a class/id list: split at non-alphanumerics and at
// camelCase humps, lower-cased ("relatedStories" -> "related", "stories"). Words are cut at
// 32 characters (the lists below only look at their starts). fn returns false to stop.
template <typename Fn>
void ForEachWord(std::string_view s, Fn fn) {
  char buf[32];
  size_t len = 0;
  char prev = 0;
  auto emit = [&]() {
    bool go = true;
    if (len > 0) go = fn(std::string_view(buf, len));
    len = 0;
    return go;
  };
  for (char c : s) {
    const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z',
               digit = c >= '0' && c <= '9';
    if (!(lower || upper || digit)) {
      if (!emit()) return;
      prev = 0;
      continue;
    }
    if (upper && prev >= 'a' && prev <= 'z' && len > 0) {
      if (!emit()) return;
    }
    if (len < sizeof buf) buf[len++] = upper ? static_cast<char>(c - 'A' + 'a') : c;
    prev = c;
  }
  emit();
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Class/id words of page furniture: 2 for furniture that is never part of an article
// (comments, share bars, related links, ads), 1 for names that usually are furniture but may
// also name a wrapper of everything ("has-sidebar", "header"), 0 otherwise.
int NegativeWord(std::string_view w) {
  static constexpr std::string_view kStrongWords[] = {"ad",      "ads",   "adv",     "popular",
                                                      "paywall", "piano", "regwall", "poll"};
  for (std::string_view k : kStrongWords) {
    if (w == k) return 2;
  }
  static constexpr std::string_view kStrongStems[] = {
      "comment",    "disqus",   "related",  "recommend", "share",    "sharing",     "social",
      "newsletter", "subscri",  "signup",   "promo",     "sponsor",  "advert",      "outbrain",
      "taboola",    "zergnet",  "recirc",   "trending",  "mostread", "mostpopular", "readmore",
      "readnext",   "upnext",   "livefyre", "cookie",    "consent",  "gdpr",        "modal",
      "popup",      "rollover", "tooltip",  "popover",   "hovercard"};
  for (std::string_view k : kStrongStems) {
    if (StartsWith(w, k)) return 2;
  }
  static constexpr std::string_view kWords[] = {
      "aside",   "banner",    "bio",       "bottom",   "credit",       "credits",   "foot",
      "header",  "login",     "menu",      "meta",     "more",         "nav",       "overlay",
      "pager",   "rail",      "rating",    "signin",   "skip",         "tag",       "tags",
      "tools",   "topics",    "keywords",  "author",   "authors",      "timestamp", "dateline",
      "date",    "time",      "offer",     "alert",    "notification", "copyright", "legal",
      "gallery", "slideshow", "carousel",  "lightbox", "follow",       "print",     "email",
      "contact", "masthead",  "secondary", "cta",      "disclaimer"};
  for (std::string_view k : kWords) {
    if (w == k) return 1;
  }
  static constexpr std::string_view kStems[] = {
      "sidebar", "footer",     "breadcrumb", "byline",  "widget",   "navigation",
      "navbar",  "pagination", "masthead",   "toolbar", "register", "jumplink"};
  for (std::string_view k : kStems) {
    if (StartsWith(w, k)) return 1;
  }
  return 0;
}

bool IsPositiveWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "article",      "articles",    "body",      "content",        "entry",       "main",
      "post",         "story",       "text",      "blog",           "prose",       "richtext",
      "paragraph",    "copy",        "hentry",    "articlebody",    "storybody",   "postbody",
      "entrycontent", "articletext", "storytext", "articlecontent", "postcontent", "news",
      "page",         "single",      "detail",    "details"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Letters and digits only, ASCII lower-cased: for comparing headlines.
std::string HeadlineKey(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
      out.push_back(c);
    else if (c >= 'A' && c <= 'Z')
      out.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  return out;
}

}  // namespace

bool IsNeverContentTag(GumboTag tag) { return Has(tag, kNeverContent); }
bool IsFurnitureTag(GumboTag tag) { return Has(tag, kFurniture); }
bool IsBlockTag(GumboTag tag) { return Has(tag, kBlock); }
bool IsContainerTag(GumboTag tag) { return Has(tag, kContainer); }

bool IsFurnitureRole(std::string_view role) {
  static constexpr std::string_view kRoles[] = {
      "navigation", "banner", "contentinfo", "complementary", "search",  "menu", "menubar",
      "dialog",     "alert",  "alertdialog", "toolbar",       "tablist", "form"};
  for (std::string_view r : kRoles) {
    if (role == r) return true;
  }
  return false;
}

bool IsCaptionClass(std::string_view class_and_id) {
  bool caption = false;
  ForEachWord(class_and_id, [&](std::string_view w) {
    caption = StartsWith(w, "caption") || StartsWith(w, "figcaption") || w == "credit" ||
              w == "credits" || StartsWith(w, "photocredit");
    return !caption;
  });
  return caption;
}

int ClassWeight(std::string_view class_and_id) {
  bool positive = false, embed = false;
  int negative = 0;
  ForEachWord(class_and_id, [&](std::string_view w) {
    // An embedded post (tweet, Instagram) is quoted in the article, whatever else the class
    // says.
    if (w == "embed" || w == "embedded" || w == "tweet" || w == "twitter" || w == "instagram") {
      embed = true;
      return false;
    }
    const int neg = NegativeWord(w);
    if (neg > 0)
      negative = std::max(negative, neg);
    else if (IsPositiveWord(w))
      positive = true;
    return true;
  });
  if (embed) return 0;
  if (negative == 2) return -50;
  if (negative == 1) return positive ? 0 : -25;
  return positive ? 25 : 0;
}

bool HiddenByStyle(std::string_view style) {
  if (style.empty()) return false;
  std::string s;
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n') s.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

// Headings that announce furniture: "Related articles", "You may also like", "Comments"...
bool IsFurnitureHeading(std::string_view text) {
  std::string t = AsciiLower(TrimAscii(text));
  static constexpr std::string_view kPhrases[] = {
      "related", "you may also like", "you might also like", "you may like", "recommended",
      "more from", "more stories", "more news", "more on this", "more in ", "read more",
      "read next", "what to read next", "up next", "most popular", "most read", "most viewed",
      "trending", "popular", "latest news", "latest stories", "top stories", "also read",
      "see also", "comments", "leave a reply", "leave a comment", "join the conversation",
      "around the web", "from the web", "sponsored", "promoted", "you may be interested",
      "don't miss", "don’t miss", "editor's picks", "editors' picks", "other news", "share this",
      "follow us", "newsletter", "sign up",
      // Portuguese, Spanish, French, German, Italian, Russian.
      "você pode gostar", "voce pode gostar", "leia também", "leia tambem", "veja também",
      "veja tambem", "relacionad", "mais lidas", "notícias relacionadas", "te puede interesar",
      "noticias relacionadas", "lo más leído", "también te puede", "à lire aussi", "a lire aussi",
      "sur le même sujet", "articles similaires", "mehr zum thema", "das könnte sie",
      "ähnliche artikel", "articoli correlati", "potrebbe interessarti", "leggi anche",
      "читайте также", "похожие", "популярн", "комментар"};
  for (std::string_view k : kPhrases) {
    if (t.compare(0, k.size(), k) == 0) return true;
  }
  return false;
}

// True when `heading` is the page's headline (the same words, or most of them). With no
// title known, every <h1> is taken to be the headline.
bool IsHeadline(std::string_view heading, std::string_view title) {
  if (title.empty()) return true;
  const std::string a = HeadlineKey(heading), b = HeadlineKey(title);
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return shorter.size() * 10 >= longer.size() * 6 && longer.find(shorter) != std::string::npos;
}

bool IsMetadataItemprop(std::string_view p) {
  static constexpr std::string_view kProps[] = {"datePublished", "dateModified", "dateCreated",
                                                "author",        "creator",      "publisher",
                                                "datepublished", "datemodified"};
  for (std::string_view k : kProps) {
    if (p == k) return true;
  }
  return false;
}

// A byline or dateline line: "By Jane Doe", "Published 10:02 AM EST Nov 19, 2019",
// "05/10/2018 - Publicado por: ...". Short, and names itself so.
bool IsBylineLine(std::string_view line) {
  if (line.size() > 160 || line.find('\n') != std::string_view::npos) return false;
  const std::string l = AsciiLower(line);
  if (l.rfind("by ", 0) == 0 && l.size() < 80 && l.find(". ") == std::string::npos) return true;
  static constexpr std::string_view kMarks[] = {"published",      "updated",        "posted",
                                                "publicado",      "publié",         "publie le",
                                                "veröffentlicht", "pubblicato",     "опубликовано",
                                                "last modified",  "first published"};
  bool digit = false;
  for (char c : l) digit = digit || (c >= '0' && c <= '9');
  if (!digit) return false;
  const bool starts_with_digit = l[0] >= '0' && l[0] <= '9';
  for (std::string_view m : kMarks) {
    if (l.rfind(m, 0) == 0 || (starts_with_digit && l.find(m) != std::string::npos)) return true;
  }
  return false;
}

bool IsBoilerplateLine(std::string_view line) {
  std::string l = AsciiLower(TrimAscii(line));
  while (!l.empty() && (l.back() == '.' || l.back() == ':' || l.back() == ' ')) l.pop_back();
  static constexpr std::string_view kLines[] = {"advertisement",
                                                "advertisements",
                                                "ad",
                                                "sponsored",
                                                "continue reading",
                                                "continue reading below",
                                                "continue reading the main story",
                                                "story continues below",
                                                "story continues below advertisement",
                                                "article continues below advertisement",
                                                "article continues below",
                                                "read more",
                                                "read more below",
                                                "related",
                                                "related articles",
                                                "related stories",
                                                "related content",
                                                "see also",
                                                "share this article",
                                                "share this",
                                                "share",
                                                "tweet",
                                                "email",
                                                "print",
                                                "comments",
                                                "show comments",
                                                "loading",
                                                "loading...",
                                                "click here",
                                                "image",
                                                "photo",
                                                "video",
                                                "skip advertisement",
                                                "scroll to continue",
                                                "scroll to continue with content",
                                                "supported by",
                                                "recommended",
                                                "more on this story",
                                                "listen to this article",
                                                "follow us",
                                                "subscribe",
                                                "sign up",
                                                "log in",
                                                "logout",
                                                "advert",
                                                "tell us what you think",
                                                "leave a comment",
                                                "leave a reply",
                                                "add comment",
                                                "post a comment",
                                                "comments are closed",
                                                "share on facebook",
                                                "share on twitter",
                                                "getty images",
                                                "ap photo",
                                                "reuters",
                                                "afp"};
  for (std::string_view k : kLines) {
    if (l == k) return true;
  }
  return false;
}

}  // namespace witness::clean
