#include "clean/html_tags.h"

namespace witness::clean::tags {

// clang-format off
bool IsVoid(TagId t) {
  switch (t) {
    case Id("area"): case Id("base"): case Id("br"): case Id("col"): case Id("embed"):
    case Id("hr"): case Id("img"): case Id("input"): case Id("keygen"): case Id("link"):
    case Id("meta"): case Id("param"): case Id("source"): case Id("track"): case Id("wbr"):
    case Id("basefont"): case Id("bgsound"): case Id("frame"): case Id("image"):
      return true;
    default:
      return false;
  }
}

bool IsHeading(TagId t) {
  return t == Id("h1") || t == Id("h2") || t == Id("h3") || t == Id("h4") || t == Id("h5") ||
         t == Id("h6");
}

// Start tags that close an open <p> (HTML standard, "in body").
bool ClosesP(TagId t) {
  if (IsHeading(t)) return true;
  switch (t) {
    case Id("address"): case Id("article"): case Id("aside"): case Id("blockquote"):
    case Id("center"): case Id("details"): case Id("dialog"): case Id("dir"): case Id("div"):
    case Id("dl"): case Id("fieldset"): case Id("figcaption"): case Id("figure"):
    case Id("footer"): case Id("header"): case Id("hgroup"): case Id("main"): case Id("menu"):
    case Id("nav"): case Id("ol"): case Id("p"): case Id("section"): case Id("summary"):
    case Id("ul"): case Id("pre"): case Id("listing"): case Id("form"): case Id("li"):
    case Id("dd"): case Id("dt"): case Id("plaintext"): case Id("table"): case Id("hr"):
    case Id("xmp"): case Id("search"):
      return true;
    default:
      return false;
  }
}

// Elements that end the search of "has an element in scope".
bool IsScopeBoundary(TagId t) {
  switch (t) {
    case Id("applet"): case Id("caption"): case Id("html"): case Id("table"): case Id("td"):
    case Id("th"): case Id("marquee"): case Id("object"): case Id("template"):
      return true;
    default:
      return false;
  }
}

// Elements that are markers in the list of active formatting elements.
bool IsMarker(TagId t) {
  switch (t) {
    case Id("applet"): case Id("caption"): case Id("td"): case Id("th"): case Id("marquee"):
    case Id("object"): case Id("template"):
      return true;
    default:
      return false;
  }
}

bool IsFormatting(TagId t) {
  switch (t) {
    case Id("a"): case Id("b"): case Id("big"): case Id("code"): case Id("em"): case Id("font"):
    case Id("i"): case Id("nobr"): case Id("s"): case Id("small"): case Id("strike"):
    case Id("strong"): case Id("tt"): case Id("u"):
      return true;
    default:
      return false;
  }
}

// The HTML standard's "special" category (the ones that matter here).
bool IsSpecial(TagId t) {
  if (IsHeading(t) || IsScopeBoundary(t) || IsVoid(t) || ClosesP(t)) return true;
  switch (t) {
    case Id("body"): case Id("button"): case Id("colgroup"): case Id("frameset"):
    case Id("head"): case Id("iframe"): case Id("noembed"): case Id("noframes"):
    case Id("noscript"): case Id("script"): case Id("select"): case Id("style"):
    case Id("tbody"): case Id("textarea"): case Id("tfoot"): case Id("thead"): case Id("title"):
    case Id("tr"):
      return true;
    default:
      return false;
  }
}

// End tags handled by "pop up to the element if it is in scope" rather than the
// "any other end tag" rule (which stops at special elements).
bool EndPopsInScope(TagId t) {
  if (IsHeading(t) || IsScopeBoundary(t)) return true;
  switch (t) {
    case Id("address"): case Id("article"): case Id("aside"): case Id("blockquote"):
    case Id("button"): case Id("center"): case Id("details"): case Id("dialog"): case Id("dir"):
    case Id("div"): case Id("dl"): case Id("fieldset"): case Id("figcaption"):
    case Id("figure"): case Id("footer"): case Id("header"): case Id("hgroup"):
    case Id("listing"): case Id("main"): case Id("menu"): case Id("nav"): case Id("ol"):
    case Id("pre"): case Id("section"): case Id("summary"): case Id("ul"): case Id("form"):
    case Id("li"): case Id("dd"): case Id("dt"): case Id("tbody"): case Id("thead"):
    case Id("tfoot"): case Id("tr"): case Id("colgroup"): case Id("select"): case Id("search"):
      return true;
    default:
      return false;
  }
}

// Breaks out of SVG/MathML back into HTML.
bool BreaksForeign(TagId t) {
  if (IsHeading(t)) return true;
  switch (t) {
    case Id("b"): case Id("big"): case Id("blockquote"): case Id("body"): case Id("br"):
    case Id("center"): case Id("code"): case Id("dd"): case Id("div"): case Id("dl"):
    case Id("dt"): case Id("em"): case Id("embed"): case Id("head"): case Id("hr"): case Id("i"):
    case Id("img"): case Id("li"): case Id("listing"): case Id("menu"): case Id("meta"):
    case Id("nobr"): case Id("ol"): case Id("p"): case Id("pre"): case Id("ruby"): case Id("s"):
    case Id("small"): case Id("span"): case Id("strong"): case Id("strike"): case Id("sub"):
    case Id("sup"): case Id("table"): case Id("tt"): case Id("u"): case Id("ul"):
    case Id("var"): case Id("font"):
      return true;
    default:
      return false;
  }
}

// Foreign elements whose content is HTML again.
bool IsIntegrationPoint(TagId t) {
  switch (t) {
    case Id("foreignobject"): case Id("desc"): case Id("title"): case Id("mi"): case Id("mo"):
    case Id("mn"): case Id("ms"): case Id("mtext"): case Id("annotation-xml"):
      return true;
    default:
      return false;
  }
}

RawKind RawKindOf(TagId t) {
  switch (t) {
    case Id("script"): return RawKind::kScript;
    case Id("style"): case Id("noscript"): case Id("iframe"): case Id("noembed"):
    case Id("noframes"):
      return RawKind::kDrop;
    case Id("title"): case Id("textarea"): case Id("xmp"):
      return RawKind::kKeep;
    case Id("plaintext"): return RawKind::kPlaintext;
    default: return RawKind::kNone;
  }
}
// clang-format on

}  // namespace witness::clean::tags
