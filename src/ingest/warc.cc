// WarcReader: record framing over WarcSource, with resynchronisation after damage;
// WarcHtmlReader: the HTML responses among the records.
#include "witness/warc.h"

#include <algorithm>
#include <cstring>

#include "base/ascii.h"
#include "ingest/warc_source.h"

namespace witness::warc {
namespace {

using ascii::EqualsIgnoreCase;
using ascii::Trim;

// "WARC/1.0", "WARC/1.1", "WARC/0.18" at the start of `s`.
bool IsRecordStart(std::string_view s) {
  return s.size() >= 7 && s.substr(0, 5) == "WARC/" && s[5] >= '0' && s[5] <= '9' && s[6] == '.';
}

// The index of the next record start in `s` at or after `from`, at a line start; npos if none.
size_t FindRecordStart(std::string_view s, size_t from) {
  for (size_t p = s.find("WARC/", from); p != std::string_view::npos; p = s.find("WARC/", p + 1)) {
    if ((p == 0 || s[p - 1] == '\n') && (s.size() - p < 7 || IsRecordStart(s.substr(p)))) return p;
  }
  return std::string_view::npos;
}

}  // namespace

std::string FormatOffset(uint64_t offset, uint64_t offset_in_member) {
  std::string out = std::to_string(offset);
  if (offset_in_member > 0) {
    out += '+';
    out += std::to_string(offset_in_member);
  }
  return out;
}

ReadFn ReadFromMemory(std::string_view bytes) {
  auto pos = std::make_shared<size_t>(0);
  return [bytes, pos](char* buf, size_t n) -> StatusOr<size_t> {
    size_t k = std::min(n, bytes.size() - *pos);
    std::memcpy(buf, bytes.data() + *pos, k);
    *pos += k;
    return k;
  };
}

std::string_view WarcRecord::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return {};
}

struct WarcReader::Impl {
  std::string name;
  WarcOptions options;
  WarcSource src;
  bool ended = false;

  Impl(std::string n, ReadFn read, const WarcOptions& o)
      : name(std::move(n)), options(o), src(std::move(read)) {}

  // A Status from the source, named: its own reports start "offset ...", a read error is the
  // stream's message, which names the input already when it comes from witness's streams.
  Status SourceError(const Status& s) const {
    const std::string& m = s.message();
    if (m.size() > name.size() + 1 && m.compare(0, name.size(), name) == 0 &&
        m.compare(name.size(), 2, ": ") == 0) {
      return s;
    }
    return Status::FromCode(s.code(), name + ": " + m);
  }

  // Skips to the next record start after garbage; reports what was skipped.
  Status SkipGarbage(const std::string& where, const std::string& why) {
    uint64_t skipped = 0;
    for (;;) {
      std::string_view w = src.window();
      size_t p = FindRecordStart(w, 1);
      if (p != std::string_view::npos && w.size() - p >= 7) {
        src.Consume(p);
        skipped += p;
        break;
      }
      if (src.at_end()) {
        skipped += w.size();
        src.DropWindow();
        break;
      }
      // Keep a tail that might hold the start of "WARC/1."; read on.
      size_t keep = std::min<size_t>(w.size(), 8);
      size_t drop = w.size() - keep;
      src.Consume(drop);
      skipped += drop;
      Status s = src.Ensure(keep + 64 * 1024);
      if (!s.ok()) return SourceError(s);
      if (src.window().size() <= keep && src.at_end()) {
        skipped += src.window().size();
        src.DropWindow();
        break;
      }
    }
    return Status::Corruption(name + ": offset " + where + ": " + why + " (" +
                              std::to_string(skipped) + (skipped == 1 ? " byte" : " bytes") +
                              " skipped)");
  }

  StatusOr<bool> Next(WarcRecord* rec) {
    if (ended) return false;
    // Blank lines between records.
    for (;;) {
      Status s = src.Ensure(1);
      if (!s.ok()) return SourceError(s);
      std::string_view w = src.window();
      if (w.empty()) {
        // Ensure(1) leaves a byte or the end: an empty window is the end of the input.
        ended = true;
        return false;
      }
      size_t k = 0;
      while (k < w.size() &&
             (w[k] == '\r' || w[k] == '\n' || w[k] == ' ' || w[k] == '\t' || w[k] == '\0'))
        ++k;
      src.Consume(k);
      if (k < w.size()) break;
    }
    const uint64_t start_pos = src.position();
    const uint64_t offset = src.InputOffset(start_pos);
    const uint64_t offset_in_member = src.OffsetInMember(start_pos);
    const std::string where = FormatOffset(offset, offset_in_member);
    Status s = src.Ensure(7);
    if (!s.ok()) return SourceError(s);
    if (!IsRecordStart(src.window())) {
      return SkipGarbage(where, "no WARC record starts here");
    }
    // The header section: up to the first empty line.
    size_t header_end = std::string_view::npos, body_start = 0;
    size_t scanned = 0;
    for (;;) {
      std::string_view w = src.window();
      size_t from = scanned > 3 ? scanned - 3 : 0;
      for (size_t i = w.find('\n', from); i != std::string_view::npos; i = w.find('\n', i + 1)) {
        if (i + 1 < w.size() && w[i + 1] == '\n') {
          header_end = i + 1;
          body_start = i + 2;
          break;
        }
        if (i + 2 < w.size() && w[i + 1] == '\r' && w[i + 2] == '\n') {
          header_end = i + 1;
          body_start = i + 3;
          break;
        }
      }
      if (header_end != std::string_view::npos) break;
      scanned = w.size();
      if (w.size() > options.max_header_bytes) {
        return SkipGarbage(where, "WARC header section longer than " +
                                      std::to_string(options.max_header_bytes) + " bytes");
      }
      if (src.at_end()) {
        src.DropWindow();
        ended = true;
        return Status::Corruption(name + ": offset " + where +
                                  ": truncated record (the input ends inside its header)");
      }
      s = src.Ensure(w.size() + 4096);
      if (!s.ok()) return SourceError(s);
    }
    *rec = WarcRecord();
    rec->offset = offset;
    rec->offset_in_member = offset_in_member;
    std::string_view header = src.window().substr(0, header_end);
    // The version line, then "Name: value" lines; a line opening with a space continues.
    size_t eol = header.find('\n');
    rec->version = std::string(Trim(header.substr(0, eol)));
    bool have_length = false;
    std::string bad_length;
    for (size_t pos = eol + 1; pos < header.size();) {
      size_t e = header.find('\n', pos);
      if (e == std::string_view::npos) e = header.size();
      std::string_view line = header.substr(pos, e - pos);
      pos = e + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty()) continue;
      if ((line.front() == ' ' || line.front() == '\t') && !rec->headers.empty()) {
        rec->headers.back().second += ' ';
        rec->headers.back().second += std::string(Trim(line));
        continue;
      }
      size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) continue;  // tolerated: ignored
      rec->headers.emplace_back(std::string(Trim(line.substr(0, colon))),
                                std::string(Trim(line.substr(colon + 1))));
    }
    for (const auto& [k, v] : rec->headers) {
      if (EqualsIgnoreCase(k, "Content-Length")) {
        uint64_t n = 0;
        bool ok = !v.empty() && v.size() <= 18;
        for (char c : v) {
          if (c < '0' || c > '9')
            ok = false;
          else
            n = n * 10 + static_cast<uint64_t>(c - '0');
        }
        if (ok) {
          rec->content_length = n;
          have_length = true;
        } else {
          bad_length = v;
        }
      } else if (EqualsIgnoreCase(k, "WARC-Type")) {
        rec->type = v;
      } else if (EqualsIgnoreCase(k, "WARC-Target-URI")) {
        std::string_view u = v;
        if (u.size() >= 2 && u.front() == '<' && u.back() == '>') u = u.substr(1, u.size() - 2);
        rec->target_uri = std::string(u);
      } else if (EqualsIgnoreCase(k, "WARC-Date")) {
        rec->date = v;
      } else if (EqualsIgnoreCase(k, "WARC-Record-ID")) {
        rec->record_id = v;
      } else if (EqualsIgnoreCase(k, "Content-Type")) {
        rec->content_type = v;
      }
    }
    if (!have_length) {
      src.Consume(1);  // past this "WARC/" so the search finds the next one
      return SkipGarbage(where, bad_length.empty() ? "record without Content-Length"
                                                   : "record with a bad Content-Length '" +
                                                         bad_length.substr(0, 24) + "'");
    }
    const uint64_t length = rec->content_length;
    if (length > options.max_record_bytes) {
      // Skip the block without holding it.
      src.Consume(body_start);
      uint64_t left = length;
      while (left > 0) {
        s = src.Ensure(static_cast<size_t>(std::min<uint64_t>(left, 1u << 20)));
        if (!s.ok()) return SourceError(s);
        size_t have = std::min<uint64_t>(left, src.window().size());
        if (have == 0) break;
        src.Consume(have);
        left -= have;
      }
      if (left > 0) ended = src.at_end();
      return Status::ResourceExhausted(name + ": offset " + where + ": record " + rec->record_id +
                                       " of " + std::to_string(length) +
                                       " bytes exceeds the limit of " +
                                       std::to_string(options.max_record_bytes) + " (skipped)");
    }
    // The header stays in the window while the block is read, so that damage met on the way
    // is reported at this record's offset.
    const size_t record_size = body_start + static_cast<size_t>(length);
    s = src.Ensure(record_size);
    if (!s.ok()) return SourceError(s);
    if (src.window().size() < record_size) {
      size_t got = src.window().size() - body_start;
      src.DropWindow();
      ended = src.at_end();
      return Status::Corruption(name + ": offset " + where + ": truncated record " +
                                rec->record_id + ": Content-Length " + std::to_string(length) +
                                " but only " + std::to_string(got) + " bytes follow");
    }
    rec->block.assign(src.window().substr(body_start, static_cast<size_t>(length)));
    // In gzip input, let the member that holds this record end (its CRC is checked then)
    // before the record is handed out; while the record is still in the window, so that a
    // damaged member is reported at the record's offset (and its bytes are dropped).
    s = src.FinishMember(record_size + 8);
    if (!s.ok()) return SourceError(s);
    src.Consume(record_size);

    if (options.parse_http && EqualsIgnoreCase(rec->type, "response") &&
        MediaType(rec->content_type) == "application/http") {
      StatusOr<HttpResponse> http = ParseHttpResponse(rec->block, options.max_payload_bytes);
      if (http.ok()) {
        rec->http_status = http->status;
        rec->http_headers = std::move(http->headers);
        rec->http_content_type = http->Header("Content-Type");
        rec->payload = std::move(http->body);
      } else {
        rec->http_error = http.status().ToString();
        rec->http_error_code = http.status().code();
        // The status line and headers may still be readable: keep what they say.
        size_t e = rec->block.find("\r\n\r\n");
        size_t e2 = rec->block.find("\n\n");
        size_t cut = std::min(e == std::string::npos ? std::string::npos : e + 4,
                              e2 == std::string::npos ? std::string::npos : e2 + 2);
        if (cut != std::string::npos) {
          StatusOr<HttpResponse> head =
              ParseHttpResponse(std::string_view(rec->block).substr(0, cut), 0);
          if (head.ok()) {
            rec->http_status = head->status;
            rec->http_headers = std::move(head->headers);
            rec->http_content_type = head->Header("Content-Type");
          }
        }
      }
    }
    return true;
  }
};

WarcReader::WarcReader(std::string name, ReadFn read, const WarcOptions& options)
    : impl_(std::make_unique<Impl>(std::move(name), std::move(read), options)) {}
WarcReader::~WarcReader() = default;

StatusOr<bool> WarcReader::Next(WarcRecord* record) { return impl_->Next(record); }
uint64_t WarcReader::bytes_read() const { return impl_->src.bytes_read(); }
bool WarcReader::compressed() const { return impl_->src.compressed(); }

WarcHtmlReader::WarcHtmlReader(std::string name, ReadFn read, const WarcOptions& options)
    : name_(name), reader_(std::move(name), std::move(read), options) {}

StatusOr<bool> WarcHtmlReader::Next(HtmlPage* page) {
  for (;;) {
    StatusOr<bool> more = reader_.Next(&record_);
    if (!more.ok()) {
      ++stats_.errors;
      return more.status();
    }
    if (!*more) return false;
    ++stats_.records;
    const WarcRecord& r = record_;
    if (!EqualsIgnoreCase(r.type, "response") || MediaType(r.content_type) != "application/http") {
      ++stats_.skipped_type;
      continue;
    }
    if (r.http_status != 200) {
      ++stats_.skipped_status;
      continue;
    }
    std::string media = MediaType(r.http_content_type);
    if (media != "text/html" && media != "application/xhtml+xml") {
      ++stats_.skipped_media;
      continue;
    }
    if (!r.http_error.empty()) {
      // A 200 response whose body cannot be decoded: report it.
      ++stats_.errors;
      return Status::FromCode(r.http_error_code, name_ + ": offset " +
                                                     FormatOffset(r.offset, r.offset_in_member) +
                                                     ": record " + r.record_id + " (" +
                                                     r.target_uri + "): " + r.http_error);
    }
    page->target_uri = r.target_uri;
    page->date = r.date;
    page->record_id = r.record_id;
    page->content_type = r.http_content_type;
    page->html = std::move(record_.payload);
    page->offset = r.offset;
    page->offset_in_member = r.offset_in_member;
    ++stats_.pages;
    return true;
  }
}

}  // namespace witness::warc
