#include "clean/boilerplate_lexicon.h"

#include <array>

namespace witness::clean::lexicon {
namespace {

constexpr std::string_view kCtaVerbs[] = {
    "subscribe", "sign",     "join",       "follow",  "support", "download", "read",   "click",
    "tap",       "get",      "register",   "log",     "share",   "like",     "watch",  "listen",
    "continue",  "donate",   "contribute", "become",  "upgrade", "try",      "start",  "visit",
    "check",     "discover", "stay",       "enter",   "email",   "send",     "tell",   "install",
    "unlock",    "claim",    "grab",       "explore", "see",     "give",     "signup", "don't",
    "never",     "keep",     "find",       "save",    "enjoy",   "access",   "turn",   "opt",
    "help",      "let",      "allow",      "comment", "leave",   "view",     "shop",   "order",
};

// What an outlet sells or runs: a call to action names one of these.
constexpr std::string_view kCtaPlatforms[] = {
    "newsletter", "newsletters", "app",      "apps",      "subscription", "subscriptions",
    "subscriber", "subscribers", "account",  "channel",   "channels",     "telegram",
    "whatsapp",   "facebook",    "twitter",  "instagram", "youtube",      "tiktok",
    "linkedin",   "podcast",     "podcasts", "inbox",     "alerts",       "notifications",
    "premium",    "membership",  "trial",    "e-paper",   "epaper",       "edition",
    "subscribe",  "briefing",    "digest",   "push",      "rss",          "threads",
};

// Softer objects: with a strong call-to-action verb they complete the call.
constexpr std::string_view kCtaObjects[] = {
    "story",      "article", "articles",  "coverage", "here",    "link",     "below",   "button",
    "journalism", "us",      "our",       "news",     "stories", "comments", "comment", "thoughts",
    "digital",    "website", "site",      "page",     "feed",    "updates",  "offer",   "video",
    "above",      "episode", "interview", "full",     "latest",
};

constexpr std::string_view kCtaPhrases[] = {
    "read more",
    "read entire article",
    "read the full",
    "read full",
    "continue reading",
    "click here",
    "sign up",
    "subscribe to",
    "subscribe now",
    "subscribe for",
    "follow us",
    "like us on",
    "like the page",
    "download our app",
    "download the app",
    "get the app",
    "join our",
    "join us on",
    "newsletter",
    "already a subscriber",
    "log in to",
    "login to",
    "sign in to",
    "upgrade your account",
    "unlock this",
    "free trial",
    "get the latest",
    "delivered to your inbox",
    "delivered to you",
    "straight to your inbox",
    "turn on notifications",
    "share this article",
    "share this story",
    "tap here",
    "watch the video",
    "listen to this",
    "leave a comment",
    "send us a tip",
    "have a news tip",
    "for the latest news",
    "stay up to date",
    "stay informed",
    "don't miss",
    "never miss",
    "to continue reading",
    "to read the rest",
    "subscribers only",
    "for subscribers",
    "create an account",
    "create a free account",
    "register now",
    "register for free",
    "our app",
    "our telegram",
    "our whatsapp",
    "our newsletter",
    "our youtube",
    "our facebook",
    "our instagram",
    "our twitter",
    "read the rest",
    "read it all",
    "read the whole",
    "read the original",
    "get breaking news",
    "breaking news alerts",
    "in your inbox",
    "to your inbox",
    "support us",
    "support our",
    "subscribe today",
    "subscribe here",
};

constexpr std::string_view kRelatedLabels[] = {
    "also read",
    "read also",
    "related",
    "read more",
    "more",
    "see also",
    "also see",
    "recommended",
    "suggested",
    "you may also like",
    "you might also like",
    "you may like",
    "more from",
    "more on",
    "further reading",
    "related stories",
    "related articles",
    "related coverage",
    "related content",
    "related news",
    "related topics",
    "related links",
    "top stories",
    "most read",
    "most popular",
    "trending",
    "before you go",
    "editor's picks",
    "read next",
    "up next",
    "watch next",
    "more stories",
    "also on",
    "in other news",
    "what to read next",
    "must read",
    "also watch",
    "also like",
    "don't miss",
    "popular now",
    "read this next",
    "more news",
    "latest stories",
    "you may be interested in",
    "recommended stories",
    "recommended for you",
    "more like this",
    "read more about",
};

constexpr std::string_view kLinkSuffixes[] = {
    "read more",
    "(read more)",
    "[read more]",
    "read the full story",
    "read the full article",
    "read full article",
    "read full story",
    "continue reading",
    "click here to read more",
    "more...",
    "read more...",
    "read more »",
    "read more >>",
    "full story",
    "(full story)",
};

constexpr std::string_view kCopyrightPhrases[] = {
    "all rights reserved",
    "our standards:",
    "trust principles",
    "may not be published, broadcast",
    "may not be reproduced",
    "may not be republished",
    "may not be redistributed",
    "without prior written permission",
    "please don't copy",
    "please do not copy",
    "terms of use",
    "terms of service",
    "privacy policy",
    "cookie policy",
    "editorial guidelines",
    "rewritten or redistributed",
    "reproduction in whole or in part",
    "unauthorized reproduction",
    "unauthorised reproduction",
    "all right reserved",
    "copyright ©",
};

constexpr std::string_view kMediaLines[] = {
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "remote video url",
    "video",
    "watch",
    "image",
    "photo",
    "photos",
    "gallery",
    "view gallery",
    "photo gallery",
    "play video",
    "click to play",
    "loading",
    "embedded content",
    "story continues below",
    "article continues below",
    "continue reading below",
    "skip advertisement",
    "scroll to continue",
    "scroll to continue with content",
    "listen to this article",
    "listen to article",
    "listen",
    "audio",
    "media caption",
    "image caption",
    "image source",
    "video caption",
    "view image in fullscreen",
    "open in app",
    "expand",
    "close",
    "enlarge",
    "view full size",
    "toggle caption",
    "hide caption",
    "show caption",
    "embed",
    "advertisement - scroll to continue",
    "story continues",
    "ad feedback",
    "skip to content",
    "skip to main content",
    "back to top",
    "next article",
    "previous article",
    "print",
    "comments",
    "show comments",
    "view comments",
    "report ad",
    "interactive",
    "graphic",
};

constexpr std::string_view kMediaPhrases[] = {
    "remote video url",
    "video is restricted",
    "browser does not support",
    "browser doesn't support",
    "enable javascript",
    "javascript is disabled",
    "this video is unavailable",
    "video unavailable",
    "content is not available",
    "embedded video",
    "click to expand",
    "view this post on instagram",
    "a post shared by",
    "pic.twitter.com",
    "media playback is unsupported",
    "this content is provided by",
    "is not supported by your browser",
    "unable to play video",
    "story continues below",
    "article continues below",
    "continues after advertisement",
    "continue reading below",
    "continues below advertisement",
};

constexpr std::string_view kMediaLabels[] = {
    "watch",     "video",   "videos",      "image",       "images",       "photo",
    "photos",    "gallery", "listen",      "audio",       "podcast",      "graphic",
    "chart",     "map",     "infographic", "picture",     "pictures",     "illustration",
    "slideshow", "live",    "watch live",  "in pictures", "video player", "interactive",
};

constexpr std::string_view kCreditLabels[] = {
    "photo",         "photos",   "photograph",    "photographs",  "photo credit",   "photo credits",
    "image",         "images",   "image credit",  "image source", "credit",         "credits",
    "picture",       "pictures", "pic",           "illustration", "graphic",        "video",
    "photograph by", "photo by", "photos by",     "image by",     "picture by",     "source",
    "file photo",    "handout",  "handout photo", "courtesy",     "photo courtesy",
};

constexpr std::string_view kAgencies[] = {
    "reuters",
    "ap",
    "afp",
    "getty",
    "getty images",
    "epa",
    "efe",
    "bloomberg",
    "xinhua",
    "ani",
    "pti",
    "ians",
    "anadolu",
    "sputnik",
    "tass",
    "ria novosti",
    "kyodo",
    "yonhap",
    "shutterstock",
    "alamy",
    "istock",
    "ap photo",
    "pa",
    "pa media",
    "pa wire",
    "dpa",
    "sipa",
    "abaca",
    "zuma",
    "zuma press",
    "nurphoto",
    "associated press",
    "the associated press",
    "agence france-presse",
    "afp photo",
    "epa-efe",
    "reuters photo",
    "bloomberg news",
    "wire",
    "wires",
    "agencies",
    "file",
    "handout",
    "supplied",
    "pool",
    "imago",
    "ansa",
    "aap",
    "nyt",
    "the new york times",
    "via",
    "photo",
    "images",
    "file photo",
    "newscom",
    "corbis",
    "wireimage",
    "filmmagic",
    "sopa images",
    "lightrocket",
    "afp/getty",
    "kremlin",
};

constexpr std::string_view kCreditMarkers[] = {
    "photo:",        "photos:",   "photograph:",   "photo by",      "photograph by", "photo credit",
    "picture:",      "image:",    "image credit",  "credit:",       "credits:",      "©",
    "via reuters",   "via getty", "getty images",  "(ap photo",     "ap photo/",     "afp photo",
    "afp via getty", "reuters/",  "/reuters",      "/afp",          "afp/",          "/ap",
    "epa/",          "/epa",      "file photo",    "handout photo", "(photo:",       "(photo by",
    "(image:",       "(credit:",  "(reuters",      "(afp",          "(getty",        "via ap",
    "via afp",       "/getty",    "/shutterstock", "shutterstock/", "/bloomberg",    "pic:",
    "pics:",         "(pic:",     "illustration:", "/sputnik",      "/xinhua",       "xinhua/",
    "epa-efe/",      "/anadolu",
};

constexpr std::string_view kShareWords[] = {
    "facebook",  "twitter",    "whatsapp", "telegram",  "linkedin",  "pinterest", "reddit",
    "email",     "e-mail",     "print",    "share",     "tweet",     "copy",      "link",
    "messenger", "comments",   "comment",  "save",      "flipboard", "pocket",    "mail",
    "sms",       "share this", "share on", "copy link", "copied",    "tumblr",    "vk",
    "this",      "article",    "story",    "on",        "via",       "gift",      "x",
};

constexpr std::string_view kStaffCreditPhrases[] = {
    "reporting by",
    "writing by",
    "editing by",
    "edited by",
    "additional reporting",
    "compiled by",
    "with inputs from",
    "contributed reporting",
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "reporting and writing by",
    "graphics by",
    "research by",
    "production by",
    "fact-checked by",
    "fact checked by",
    "translated by",
    "translation by",
    "with reporting from",
    "written and edited by",
    "additional writing by",
    "copy edited by",
    "photography by",
    "video by",
    "design by",
    "produced by",
};

constexpr std::string_view kTimeWords[] = {
    "ago",       "min",      "mins",     "minute",    "minutes", "hour",  "hours",   "hr",
    "hrs",       "day",      "days",     "week",      "weeks",   "month", "months",  "year",
    "years",     "sec",      "secs",     "second",    "seconds", "read",  "updated", "update",
    "published", "posted",   "modified", "edited",    "last",    "on",    "at",      "am",
    "pm",        "a.m",      "p.m",      "a.m.",      "p.m.",    "gmt",   "utc",     "est",
    "edt",       "cst",      "cdt",      "pst",       "pdt",     "et",    "pt",      "ist",
    "bst",       "cet",      "cest",     "msk",       "jst",     "aest",  "sgt",     "hkt",
    "wib",       "just",     "now",      "yesterday", "today",   "first", "and",     "of",
    "the",       "st",       "nd",       "rd",        "th",      "date",  "time",    "views",
    "view",      "comments", "shares",   "likes",     "reads",   "an",    "a",       "created",
    "hace",      "local",    "by",       "reading",
};

constexpr std::string_view kCalendarWords[] = {
    "january",  "february", "march",    "april",  "may", "june", "july",   "august",  "september",
    "october",  "november", "december", "jan",    "feb", "mar",  "apr",    "jun",     "jul",
    "aug",      "sep",      "sept",     "oct",    "nov", "dec",  "monday", "tuesday", "wednesday",
    "thursday", "friday",   "saturday", "sunday", "mon", "tue",  "tues",   "wed",     "thu",
    "thur",     "thurs",    "fri",      "sat",    "sun",
};

constexpr std::string_view kAppealOpeners[] = {
    "dear reader",
    "dear readers",
    "dear subscriber",
    "dear subscribers",
    "a small favour",
    "a small favor",
    "since you're here",
    "since you are here",
    "we have a request",
    "if you value",
    "if you appreciate",
    "if you enjoyed",
    "if you like our",
    "support our journalism",
    "support independent journalism",
    "support quality journalism",
    "make a contribution",
    "make a donation",
    "become a member",
    "become a subscriber",
    "become a patron",
    "we need your support",
    "please consider supporting",
    "please support",
    "can you help",
    "help us",
    "donate now",
    "chip in",
    "your support",
    "a message from",
};

constexpr std::string_view kAppealWords[] = {
    "support",     "supporting",  "supported",    "subscription",  "subscriptions", "subscribe",
    "subscribed",  "subscriber",  "subscribers",  "journalism",    "donate",        "donation",
    "donations",   "contribute",  "contribution", "contributions", "readers",       "reader",
    "membership",  "member",      "members",      "patron",        "patrons",       "funding",
    "independent", "quality",     "credible",     "paywall",       "advertising",   "advertisers",
    "revenue",     "free",        "thank",        "regards",       "sincerely",     "content",
    "offering",    "journalists", "newsroom",     "request",       "commitment",    "committed",
    "informed",    "fair",        "trust",        "pay",           "afford",        "sustain",
};

constexpr std::string_view kSignoffRoles[] = {
    "editor",    "editors",  "team",     "desk",      "staff",    "publisher", "chief",
    "editorial", "newsroom", "director", "executive", "founder",  "regards",   "sincerely",
    "thanks",    "thank",    "yours",    "digital",   "managing", "board",     "the",
};

constexpr std::string_view kTagLabels[] = {
    "tags",     "tag",     "topics",   "topic",      "filed under",    "categories",
    "category", "section", "keywords", "more about", "related topics", "subjects",
};

bool IsWordChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

// `phrase` occurs in `text` at `pos` on word boundaries (boundaries are only required next to
// word characters of the phrase itself).
bool BoundedAt(std::string_view text, size_t pos, std::string_view phrase) {
  if (pos > 0 && IsWordChar(phrase.front()) && IsWordChar(text[pos - 1])) return false;
  size_t after = pos + phrase.size();
  if (after < text.size() && IsWordChar(phrase.back()) && IsWordChar(text[after])) return false;
  return true;
}

}  // namespace

List CtaVerbs() { return kCtaVerbs; }
List CtaObjects() { return kCtaObjects; }
List CtaPlatforms() { return kCtaPlatforms; }
List CtaPhrases() { return kCtaPhrases; }
List RelatedLabels() { return kRelatedLabels; }
List LinkSuffixes() { return kLinkSuffixes; }
List CopyrightPhrases() { return kCopyrightPhrases; }
List MediaLines() { return kMediaLines; }
List MediaPhrases() { return kMediaPhrases; }
List MediaLabels() { return kMediaLabels; }
List CreditLabels() { return kCreditLabels; }
List Agencies() { return kAgencies; }
List CreditMarkers() { return kCreditMarkers; }
List ShareWords() { return kShareWords; }
List StaffCreditPhrases() { return kStaffCreditPhrases; }
List TimeWords() { return kTimeWords; }
List CalendarWords() { return kCalendarWords; }
List AppealOpeners() { return kAppealOpeners; }
List AppealWords() { return kAppealWords; }
List SignoffRoles() { return kSignoffRoles; }
List TagLabels() { return kTagLabels; }

bool Contains(List list, std::string_view word) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

std::string_view StartsWithAny(std::string_view text, List list) {
  std::string_view best;
  for (std::string_view p : list) {
    if (p.size() > best.size() && text.substr(0, p.size()) == p && BoundedAt(text, 0, p)) best = p;
  }
  return best;  // the longest match, so "related stories" wins over "related"
}

std::string_view FindAny(std::string_view text, List list) {
  for (std::string_view p : list) {
    for (size_t pos = text.find(p); pos != std::string_view::npos; pos = text.find(p, pos + 1)) {
      if (BoundedAt(text, pos, p)) return p;
    }
  }
  return {};
}

}  // namespace witness::clean::lexicon
