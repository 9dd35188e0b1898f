#include "clean/metadata.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "clean/html_text.h"

namespace witness::clean {

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ---- <meta> tags ----

class MetaTable {
 public:
  void Add(std::string key, std::string_view value) {
    value = TrimAscii(value);
    if (key.empty() || value.empty()) return;
    if (values_.count(key)) return;  // the first one wins
    order_.push_back(key);
    values_.emplace(std::move(key), std::string(value));
  }
  // The first value, in page order, whose key names a publication date in a way no list
  // can foresee ("sn-post-date", "article.created_date").
  std::string AnyPublicationDate() const {
    for (const std::string& key : order_) {
      if (key.find("date") == std::string::npos && key.find("time") == std::string::npos) {
        continue;
      }
      if (key.find("modif") != std::string::npos || key.find("updat") != std::string::npos ||
          key.find("expir") != std::string::npos) {
        continue;
      }
      if (key.find("pub") == std::string::npos && key.find("post") == std::string::npos &&
          key.find("creat") == std::string::npos && key.find("releas") == std::string::npos &&
          key.find("issue") == std::string::npos) {
        continue;
      }
      const std::string& v = values_.at(key);
      if (!NormalizeDate(v).empty()) return v;
    }
    return "";
  }
  std::string Get(std::initializer_list<const char*> keys) const {
    for (const char* k : keys) {
      auto it = values_.find(k);
      if (it != values_.end() && !it->second.empty()) return it->second;
    }
    return "";
  }

 private:
  std::unordered_map<std::string, std::string> values_;
  std::vector<std::string> order_;
};

std::string TextOf(const Dom& dom, uint32_t i) {
  std::string out;
  bool space = false;
  for (uint32_t k = i + 1; k < dom[i].end; ++k) {
    if (dom[k].is_text()) AppendCollapsed(dom.Text(k), &out, &space);
  }
  return out;
}

std::string CleanAuthor(std::string s) {
  s = CollapseWhitespace(DecodeEntities(s));
  std::string lower = AsciiLower(s.substr(0, 3));
  if (lower == "by ") s.erase(0, 3);
  if (s.size() > 200) s.clear();
  if (LooksLikeUrl(s)) s.clear();
  return s;
}

}  // namespace

PageMetadata ExtractMetadata(const Dom& dom, const std::vector<std::string>& json_ld,
                             std::string_view page_url) {
  PageMetadata m;
  MetaTable meta;
  std::string canonical, html_lang, h1, time_published, time_in_article, time_any;
  size_t time_count = 0;
  for (uint32_t i = 0; i < dom.size(); ++i) {
    const Node& n = dom[i];
    if (n.is_text() || n.foreign) continue;
    switch (n.tag) {
      case GUMBO_TAG_TITLE:
        if (m.html_title.empty()) m.html_title = TextOf(dom, i);
        break;
      case GUMBO_TAG_META: {
        std::string_view content = dom.Attr(i, "content");
        if (content.empty()) content = dom.Attr(i, "value");
        if (std::string_view v = dom.Attr(i, "name"); !v.empty()) meta.Add(AsciiLower(v), content);
        if (std::string_view v = dom.Attr(i, "property"); !v.empty()) {
          meta.Add(AsciiLower(v), content);
        }
        if (std::string_view v = dom.Attr(i, "itemprop"); !v.empty()) {
          std::string_view value = content.empty() ? dom.Attr(i, "datetime") : content;
          meta.Add("itemprop:" + AsciiLower(v), value);
        }
        if (std::string_view v = dom.Attr(i, "http-equiv"); !v.empty()) {
          meta.Add("http-equiv:" + AsciiLower(v), content);
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (canonical.empty()) {
          std::string rel = AsciiLower(dom.Attr(i, "rel"));
          if (rel.find("canonical") != std::string::npos) canonical = dom.Attr(i, "href");
        }
        break;
      case GUMBO_TAG_HTML:
        if (html_lang.empty()) html_lang = dom.Attr(i, "lang");
        if (html_lang.empty()) html_lang = dom.Attr(i, "xml:lang");
        break;
      case GUMBO_TAG_H1:
        if (h1.empty()) h1 = TextOf(dom, i);
        break;
      case GUMBO_TAG_TIME:
        if (time_published.empty() &&
            (dom.HasAttr(i, "pubdate") || AsciiLower(dom.Attr(i, "itemprop")) == "datepublished")) {
          time_published = dom.Attr(i, "datetime");
        }
        if (std::string_view dt = dom.Attr(i, "datetime"); !NormalizeDate(dt).empty()) {
          ++time_count;
          if (time_any.empty()) time_any = dt;
          if (time_in_article.empty()) {
            for (uint32_t a = n.parent; a != kNoNode; a = dom[a].parent) {
              if (dom[a].tag == GUMBO_TAG_ARTICLE || dom[a].tag == GUMBO_TAG_MAIN) {
                time_in_article = dt;
                break;
              }
            }
          }
        }
        break;
      default:
        if (std::string_view ip = dom.Attr(i, "itemprop"); !ip.empty()) {
          std::string key = "itemprop:" + AsciiLower(ip);
          std::string_view value = dom.Attr(i, "content");
          if (value.empty()) value = dom.Attr(i, "datetime");
          if (!value.empty()) meta.Add(key, value);
        }
        break;
    }
  }

  bool have_ld = false;
  JsonLdArticle ld = ParseJsonLd(json_ld, &have_ld);
  const std::string& ld_any_date = ld.any_date_published;

  // Site first: the title's cleanup uses it.
  m.site = CollapseWhitespace(DecodeEntities(meta.Get({"og:site_name"})));
  if (m.site.empty()) m.site = ld.publisher;
  if (m.site.empty()) m.site = CollapseWhitespace(DecodeEntities(meta.Get({"application-name"})));

  std::string title = ld.headline;
  if (title.empty())
    title = meta.Get(
        {"og:title", "twitter:title", "title", "dc.title", "headline", "itemprop:headline"});
  if (title.empty()) title = m.html_title;
  if (title.empty()) title = h1;
  m.title = StripSiteName(DecodeEntities(title), m.site);

  std::string published = ld.date_published;
  if (NormalizeDate(published).empty()) {
    published = meta.Get({"article:published_time",
                          "itemprop:datepublished",
                          "og:published_time",
                          "published_time",
                          "pubdate",
                          "publishdate",
                          "publish-date",
                          "publish_date",
                          "date",
                          "dc.date",
                          "dc.date.issued",
                          "dcterms.created",
                          "dcterms.date",
                          "sailthru.date",
                          "parsely-pub-date",
                          "article.published",
                          "publication_date",
                          "original-publish-date",
                          "datepublished",
                          "article:published",
                          "cxenseparse:recs:publishtime",
                          "date.created",
                          "pub_date",
                          "article_date_original"});
  }
  if (NormalizeDate(published).empty()) published = time_published;
  if (NormalizeDate(published).empty()) published = ld_any_date;
  if (NormalizeDate(published).empty()) published = meta.AnyPublicationDate();
  // A <time> in the article (or the page's only one) dates the article.
  if (NormalizeDate(published).empty()) published = time_in_article;
  if (NormalizeDate(published).empty() && time_count == 1) published = time_any;
  m.published = NormalizeDate(published);

  m.author = CleanAuthor(ld.author);
  if (m.author.empty()) {
    m.author = CleanAuthor(
        meta.Get({"author", "article:author", "byl", "sailthru.author", "parsely-author",
                  "dc.creator", "dcterms.creator", "itemprop:author", "twitter:creator:name"}));
  }

  std::string url = canonical;
  if (url.empty()) url = meta.Get({"og:url", "twitter:url"});
  if (url.empty()) url = ld.url;
  std::string base(page_url);
  if (base.empty()) base = meta.Get({"og:url"});
  if (!url.empty()) {
    std::string resolved = ResolveUrl(base, DecodeEntities(url));
    if (resolved.empty() && (StartsWith(url, "http://") || StartsWith(url, "https://"))) {
      resolved = url;
    }
    url = resolved;
  }
  if (url.empty()) url = std::string(page_url);
  m.url = url;

  std::string lang = html_lang;
  if (NormalizeLanguage(lang).empty()) {
    lang = meta.Get({"http-equiv:content-language", "language", "content-language", "dc.language",
                     "og:locale", "itemprop:inlanguage"});
  }
  if (NormalizeLanguage(lang).empty()) lang = ld.language;
  m.language = NormalizeLanguage(lang);

  m.description = CollapseWhitespace(
      DecodeEntities(meta.Get({"og:description", "description", "twitter:description"})));
  if (m.description.empty()) m.description = ld.description;
  m.json_ld_body = ld.body;
  return m;
}

}  // namespace witness::clean
