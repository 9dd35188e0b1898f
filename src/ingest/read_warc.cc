// WARC input: each successful HTML response becomes an HTML article (warc.h reads the archive).
//
// Verdicts: every page and every damaged record is reported on its own, named by its location
// ("crawl.warc.gz@18234" for an article, "crawl.warc.gz: offset 18234: ..." for a rejection);
// what concerns the whole input (a read error, giving up) is reported at most once, named by
// the input alone. An archive that yields no verdict at all (no HTML page, no damage) is
// reported once, so that no input passes in silence.
#include "ingest/read_warc.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/ingest_internal.h"
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
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.erase(0, 1);
  size_t end = value.find_first_of("; \t\"'");
  return value.substr(0, end);
}

std::string Counted(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "no HTML pages in this WARC archive (3 records: 2 not HTTP responses, 1 not HTML)".
std::string NoPagesMessage(const std::string& name, const warc::WarcHtmlReader::Stats& st) {
  std::string why;
  auto add = [&why](uint64_t n, const std::string& what) {
    if (n == 0) return;
    why += why.empty() ? ": " : ", ";
    why += std::to_string(n) + " " + what;
  };
  add(st.skipped_type, "not HTTP responses");
  add(st.skipped_status, "with an HTTP status other than 200");
  add(st.skipped_media, "not HTML");
  std::string detail =
      st.records == 0 ? "no complete record" : Counted(st.records, "record", "records") + why;
  return name + ": no HTML pages in this WARC archive (" + detail + ")";
}

}  // namespace

void ReadWarc(std::string_view name_view, ByteStream* stream, const IngestOptions& options,
              ArticleSink* sink, std::string_view folder) {
  const std::string name(name_view);
  warc::WarcOptions warc_options;
  // A page over the article limit is reported by the reader, which stops decoding there (a
  // compression bomb goes no further); a record may hold a little more than its page.
  warc_options.max_payload_bytes = options.max_article_bytes;
  warc_options.max_record_bytes = std::max<uint64_t>(
      warc_options.max_record_bytes, uint64_t{options.max_article_bytes} + (1u << 20));
  warc::WarcHtmlReader reader(name, warc::ReadFromStream(stream), warc_options);
  warc::HtmlPage page;
  int errors_in_a_row = 0;
  bool input_reported = false;  // a report about the whole input (not one record) was made
  bool any_verdict = false;     // a page was accepted or rejected, or damage reported
  const std::string record_prefix = name + ": offset ";
  while (true) {
    StatusOr<bool> next = reader.Next(&page);
    if (!next.ok()) {
      any_verdict = true;
      // One damaged record or stretch (the reader has moved past it), or a read error that
      // ends the input: the latter names no offset, and is the input's one report.
      const bool about_input =
          next.status().message().compare(0, record_prefix.size(), record_prefix) != 0;
      if (!about_input || !input_reported) sink->Reject(next.status());
      input_reported = input_reported || about_input;
      if (++errors_in_a_row >= kMaxConsecutiveErrors) {
        if (!input_reported) {
          sink->Reject(Status::Corruption(name + ": " + std::to_string(kMaxConsecutiveErrors) +
                                          " damaged stretches in a row; the rest was not read"));
        }
        return;
      }
      continue;
    }
    if (!*next) break;
    errors_in_a_row = 0;
    any_verdict = true;
    std::string origin = name + "@" + warc::FormatOffset(page.offset, page.offset_in_member);
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
    std::vector<std::string> warnings;
    if (html.size() != page.html.size()) {
      const size_t nuls = page.html.size() - html.size();
      warnings.push_back(a.origin + ": removed " + Counted(nuls, "NUL byte", "NUL bytes"));
    }
    a.raw = std::move(page.html);
    a.html = std::move(html);
    // The fetch date is not the publication date: kept aside, with the HTTP charset, which
    // outranks the page's own declaration when the text is extracted.
    nlohmann::json extra = {{"warc_date", page.date}, {"warc_record_id", page.record_id}};
    std::string charset = CharsetOf(page.content_type);
    if (!charset.empty()) extra["http_charset"] = charset;
    a.extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    FinishArticleImpl(&a, folder.empty() ? options.default_source : folder, true, &warnings);
    for (const std::string& w : warnings) sink->Warn(w);
    sink->Accept(std::move(a));
  }
  if (!any_verdict) {
    sink->Reject(Status::NotFound(NoPagesMessage(name, reader.stats())));
  }
}

}  // namespace witness::ingest_internal
