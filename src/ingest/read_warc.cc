// WARC input: each successful HTML response becomes an HTML article (warc.h reads the archive).
#include <nlohmann/json.hpp>

#include <string>

#include "ingest/ingest_internal.h"
#include "ingest/read_warc.h"
#include "witness/warc.h"

namespace witness::ingest_internal {

namespace {

// A damaged archive is reported stretch by stretch; past this many reports in a row without a
// page, the rest of the file is given up (one more report says so).
constexpr int kMaxConsecutiveErrors = 1000;

std::string CharsetOf(std::string_view content_type) {
  std::string lower(content_type);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string value = lower.substr(at + 8);
  size_t end = value.find_first_of("; \t\"'");
  value = value.substr(0, end);
  if (!value.empty() && value.front() == '"') value.erase(0, 1);
  return value;
}

}  // namespace

void ReadWarc(std::string_view name, ByteStream* stream, const IngestOptions& options,
              ArticleSink* sink, std::string_view folder) {
  warc::WarcHtmlReader reader(std::string(name), warc::ReadFromStream(stream));
  warc::HtmlPage page;
  int errors_in_a_row = 0;
  while (true) {
    StatusOr<bool> next = reader.Next(&page);
    if (!next.ok()) {
      sink->Reject(next.status());  // the reader has moved on to the next record
      if (++errors_in_a_row >= kMaxConsecutiveErrors) {
        sink->Reject(Status::Corruption(std::string(name) + ": " +
                                        std::to_string(kMaxConsecutiveErrors) +
                                        " damaged stretches in a row; the rest was not read"));
        return;
      }
      continue;
    }
    if (!*next) return;
    errors_in_a_row = 0;
    std::string origin = std::string(name) + "@" + std::to_string(page.offset);
    if (page.html.size() > options.max_article_bytes) {
      sink->Reject(Status::ResourceExhausted(origin + ": page is " + FormatBytes(page.html.size()) +
                                             ", over the limit of " +
                                             FormatBytes(options.max_article_bytes) +
                                             " (max_article_bytes)"));
      continue;
    }
    Article a;
    a.origin = std::move(origin);
    a.content_type = ContentType::kHtml;
    a.url = page.target_uri;
    std::string html;
    html.reserve(page.html.size());
    for (char c : page.html) {
      if (c != '\0') html.push_back(c);
    }
    if (html.find_first_not_of(" \t\r\n") == std::string::npos) {
      sink->Reject(Status::InvalidArgument(a.origin + ": empty HTML page (" + a.url + ")"));
      continue;
    }
    a.raw = page.html;
    a.html = std::move(html);
    // The fetch date is not the publication date: kept aside, with the HTTP charset, which
    // outranks the page's own declaration when the text is extracted.
    nlohmann::json extra = {{"warc_date", page.date}, {"warc_record_id", page.record_id}};
    std::string charset = CharsetOf(page.content_type);
    if (!charset.empty()) extra["http_charset"] = charset;
    a.extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::vector<std::string> warnings;
    FinishArticleImpl(&a, folder.empty() ? options.default_source : folder, true, &warnings);
    for (const std::string& w : warnings) sink->Warn(w);
    sink->Accept(std::move(a));
  }
}

}  // namespace witness::ingest_internal
