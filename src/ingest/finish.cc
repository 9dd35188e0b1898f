// Completing articles (FinishArticle), content ids and URL hosts.
#include <xxhash.h>

#include <cstdio>
#include <string>

#include "base/ascii.h"
#include "ingest/ingest_internal.h"
#include "witness/ingest.h"
#include "witness/text.h"

namespace witness {

namespace {

using ascii::IsSpace;
using ascii::Trim;

// One line of normalised text: NFC, runs of whitespace (newlines included) become one space.
std::string CleanLine(std::string_view s) {
  text::Normalized n = text::Normalize(s);
  std::string out;
  out.reserve(n.text.size());
  bool space = false;
  for (char c : Trim(n.text)) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string Plural(uint32_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsHostChar(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || u >= 0x80;
}

}  // namespace

namespace ingest_internal {

std::string LexicalParentName(std::string_view path) {
  if (path == "-") return "";
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.find_last_of('/');
  if (slash == std::string_view::npos) return "";
  std::string_view parent = path.substr(0, slash);
  while (!parent.empty() && parent.back() == '/') parent.remove_suffix(1);
  const size_t start = parent.find_last_of('/');
  std::string_view name = start == std::string_view::npos ? parent : parent.substr(start + 1);
  if (name == "." || name == "..") return "";
  return std::string(name);
}

std::string FormatBytes(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out + (n == 1 ? " byte" : " bytes");
}

void NormalizeText(std::string* text, std::string_view who, std::vector<std::string>* warnings) {
  text::Normalized n = text::Normalize(*text);
  if (warnings != nullptr && n.repaired_sequences > 0) {
    warnings->push_back(
        std::string(who) + ": replaced " +
        Plural(n.repaired_sequences, "invalid UTF-8 sequence", "invalid UTF-8 sequences") +
        " with U+FFFD");
  }
  if (warnings != nullptr && n.removed_nuls > 0) {
    warnings->push_back(std::string(who) + ": removed " +
                        Plural(n.removed_nuls, "NUL byte", "NUL bytes"));
  }
  *text = std::move(n.text);
}

void FinishArticleImpl(Article* a, std::string_view fallback_source, bool text_is_normalized,
                       std::vector<std::string>* warnings) {
  const std::string who = a->origin.empty() ? (a->id.empty() ? "article" : a->id) : a->origin;
  if (!text_is_normalized) NormalizeText(&a->text, who, warnings);
  a->title = CleanLine(a->title);
  a->author = CleanLine(a->author);
  a->source = CleanLine(a->source);
  a->url = std::string(Trim(a->url));
  a->id = std::string(Trim(a->id));
  if (a->source.empty()) a->source = HostOfUrl(a->url);
  if (a->source.empty()) a->source = CleanLine(fallback_source);
  if (a->source.empty()) a->source = "unknown";
  if (a->id.empty()) a->id = ContentId(*a);
  a->word_count = text::Segment(a->text).WordCount();
  if (a->extra_json.empty()) a->extra_json = "{}";
}

}  // namespace ingest_internal

void FinishArticle(Article* article, std::string_view fallback_source) {
  ingest_internal::FinishArticleImpl(article, fallback_source, false, nullptr);
}

void FinishArticle(Article* article, std::string_view fallback_source,
                   std::vector<std::string>* warnings) {
  ingest_internal::FinishArticleImpl(article, fallback_source, false, warnings);
}

std::string ContentId(const Article& article) {
  XXH3_state_t* state = XXH3_createState();
  XXH64_hash_t h = 0;
  if (state != nullptr) {
    XXH3_64bits_reset(state);
    const char zero = '\0';
    XXH3_64bits_update(state, article.source.data(), article.source.size());
    XXH3_64bits_update(state, &zero, 1);
    XXH3_64bits_update(state, article.url.data(), article.url.size());
    XXH3_64bits_update(state, &zero, 1);
    const std::string& body = article.text.empty() ? article.html : article.text;
    XXH3_64bits_update(state, body.data(), body.size());
    h = XXH3_64bits_digest(state);
    XXH3_freeState(state);
  } else {  // out of memory for 600 bytes: hash a concatenation instead (same value)
    std::string all = article.source + '\0' + article.url + '\0' +
                      (article.text.empty() ? article.html : article.text);
    h = XXH3_64bits(all.data(), all.size());
  }
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string HostOfUrl(std::string_view url) {
  url = Trim(url);
  std::string_view rest;
  // scheme "://" ; or "//host" ; or a bare "host.tld/..." as feeds sometimes give.
  size_t i = 0;
  while (i < url.size() && ((url[i] >= 'a' && url[i] <= 'z') || (url[i] >= 'A' && url[i] <= 'Z') ||
                            (i > 0 && ((url[i] >= '0' && url[i] <= '9') || url[i] == '+' ||
                                       url[i] == '-' || url[i] == '.')))) {
    ++i;
  }
  if (i > 0 && url.substr(i, 3) == "://") {
    rest = url.substr(i + 3);
  } else if (url.substr(0, 2) == "//") {
    rest = url.substr(2);
  } else if (url.find(':') == std::string_view::npos || url.find(':') > url.find('/')) {
    // No scheme ("www.bbc.co.uk/news"): accepted only when it looks like a domain name, its
    // last label made of letters ("v1.2" and "3.14" are not hosts).
    rest = url;
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    const size_t dot = host.find_last_of('.');
    if (dot == std::string_view::npos || host.size() - dot - 1 < 2) return "";
    for (char c : host.substr(dot + 1)) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return "";
    }
  } else {
    return "";
  }
  const size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  const size_t at = authority.find_last_of('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {  // IPv6 literal
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return "";
    host = host.substr(0, close + 1);
    for (char c : host.substr(1, host.size() - 2)) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
            c == ':' || c == '.')) {
        return "";
      }
    }
  } else {
    const size_t colon = host.find(':');
    if (colon != std::string_view::npos) {
      for (char c : host.substr(colon + 1)) {
        if (c < '0' || c > '9') return "";
      }
      host = host.substr(0, colon);
    }
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);
    if (host.empty() || host.front() == '.' || host.front() == '-') return "";
    for (char c : host) {
      if (!IsHostChar(c)) return "";
    }
    if (host.find("..") != std::string_view::npos) return "";
  }
  std::string out;
  out.reserve(host.size());
  for (char c : host) out.push_back(LowerAscii(c));
  if (out.size() > 4 && out.compare(0, 4, "www.") == 0 && out.find('.', 4) != std::string::npos) {
    out.erase(0, 4);
  }
  return out;
}

}  // namespace witness
