// ExtractHtml: bytes -> charset -> pre-pass -> gumbo -> metadata + main content.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <cstdio>
#include <string>

#include "clean/charset.h"
#include "clean/html_content.h"
#include "clean/html_dom.h"
#include "clean/html_prescan.h"
#include "clean/html_text.h"
#include "clean/metadata.h"
#include "witness/extract.h"

namespace witness {

namespace {

std::string NameOf(std::string_view name) { return name.empty() ? "<html>" : std::string(name); }

// NUL bytes or more than 10% control characters in the first 8 KiB: not a web page.
bool LooksBinary(std::string_view utf8, size_t* nuls) {
  std::string_view head = utf8.substr(0, 8192);
  size_t controls = 0;
  *nuls = 0;
  for (char c : head) {
    const auto b = static_cast<unsigned char>(c);
    if (b == 0) ++*nuls;
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) ++controls;
  }
  return *nuls > 0 || controls * 10 > head.size();
}

// Unicode NFC (cheap when the text already is, as nearly all web text is).
void ToNfc(std::string* s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || s->empty()) return;
  if (nfc->isNormalizedUTF8(*s, status) || U_FAILURE(status)) return;
  std::string out;
  out.reserve(s->size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, *s, sink, nullptr, status);
  if (U_SUCCESS(status)) s->swap(out);
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// JSON-LD articleBody as paragraphs: each line one paragraph, whitespace collapsed.
std::string BodyParagraphs(std::string_view body) {
  std::string out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t nl = body.find('\n', start);
    std::string_view line =
        body.substr(start, nl == std::string_view::npos ? body.npos : nl - start);
    std::string p = clean::CollapseWhitespace(line);
    if (!p.empty()) {
      if (!out.empty()) out += "\n\n";
      out += p;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (b < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", b);
          *out += buf;
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

}  // namespace

StatusOr<Extracted> ExtractHtml(std::string_view bytes, const ExtractOptions& options,
                                std::string_view name) {
  if (bytes.size() > options.max_bytes) {
    return Status::ResourceExhausted(
        NameOf(name) + ": page is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
        std::to_string(options.max_bytes) + " (ExtractOptions::max_bytes)");
  }
  if (clean::TrimAscii(bytes).empty()) {
    return Status::InvalidArgument(NameOf(name) + ": empty page");
  }

  clean::CharsetOptions charset_options;
  charset_options.http_charset = options.http_charset;
  charset_options.scan_bytes = options.charset_scan_bytes;
  charset_options.fallback = options.fallback_charset;
  clean::Decoded decoded = clean::DecodeHtml(bytes, charset_options);
  size_t nuls = 0;
  if (LooksBinary(decoded.utf8, &nuls)) {
    return Status::InvalidArgument(NameOf(name) + ": binary data (" +
                                   (nuls > 0 ? "NUL bytes" : "control characters") + "), not HTML");
  }

  Extracted out;
  out.charset_detected = decoded.charset;

  clean::PrescanOptions prescan_options;
  prescan_options.max_depth = options.max_depth < 8 ? 8 : options.max_depth;
  prescan_options.max_elements = options.max_elements;
  clean::Prescanned pre = clean::Prescan(decoded.utf8, prescan_options);
  {
    std::string().swap(decoded.utf8);  // no longer needed: free it before parsing
  }
  clean::Dom dom(pre.html);

  clean::PageMetadata meta = clean::ExtractMetadata(dom, pre.json_ld, options.url);
  clean::ContentOptions content_options;
  content_options.title = meta.title;
  content_options.include_captions = options.include_captions;
  content_options.collect_removed = options.collect_removed;
  clean::ContentResult content = clean::ExtractContent(dom, content_options);

  out.text = std::move(content.text);
  if (options.use_json_ld_body && !meta.json_ld_body.empty()) {
    const size_t dom_words = CountWords(out.text);
    const size_t ld_words = CountWords(meta.json_ld_body);
    if (ld_words >= 30 && dom_words * 2 < ld_words) {
      if (options.collect_removed && !out.text.empty()) {
        out.removed.push_back("replaced by JSON-LD articleBody: " + out.text.substr(0, 300));
      }
      out.text = BodyParagraphs(meta.json_ld_body);
    }
  }
  out.title = std::move(meta.title);
  out.published = std::move(meta.published);
  out.author = std::move(meta.author);
  out.site = std::move(meta.site);
  out.url = std::move(meta.url);
  out.language = std::move(meta.language);
  out.description = std::move(meta.description);
  for (std::string& r : content.removed) out.removed.push_back(std::move(r));

  // The parser can emit ill-formed UTF-8 for absurd character references (&#99999999999;):
  // every field leaves valid.
  for (std::string* s : {&out.title, &out.published, &out.author, &out.site, &out.url,
                         &out.language, &out.description, &out.text}) {
    clean::ReplaceInvalidUtf8(s);
  }
  for (std::string& r : out.removed) clean::ReplaceInvalidUtf8(&r);
  for (std::string* s : {&out.title, &out.author, &out.site, &out.description, &out.text}) {
    ToNfc(s);
  }
  return out;
}

std::string ExtractedToJson(const Extracted& e) {
  std::string out;
  out.reserve(e.text.size() + e.title.size() + 256);
  out += "{\"title\":";
  AppendJsonString(e.title, &out);
  out += ",\"published\":";
  AppendJsonString(e.published, &out);
  out += ",\"author\":";
  AppendJsonString(e.author, &out);
  out += ",\"site\":";
  AppendJsonString(e.site, &out);
  out += ",\"url\":";
  AppendJsonString(e.url, &out);
  out += ",\"language\":";
  AppendJsonString(e.language, &out);
  out += ",\"text\":";
  AppendJsonString(e.text, &out);
  out += "}";
  return out;
}

}  // namespace witness
