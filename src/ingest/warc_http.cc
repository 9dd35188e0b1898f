// The HTTP response inside a WARC response record: status line, headers, chunked
// Transfer-Encoding, gzip/deflate Content-Encoding.
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>

#include "base/ascii.h"
#include "witness/warc.h"

namespace witness::warc {
namespace {

using ascii::EqualsIgnoreCase;
using ascii::Lower;
using ascii::Trim;

// Removes chunked transfer coding. Trailers after the last chunk are ignored.
StatusOr<std::string> Dechunk(std::string_view body, size_t max_body) {
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) {
      // Some servers end without the final chunk; accept what came whole.
      if (Trim(body.substr(pos)).empty() && !out.empty()) return out;
      return Status::Corruption("chunked body: missing chunk size line");
    }
    std::string_view line = Trim(body.substr(pos, eol - pos));
    size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = Trim(line.substr(0, semi));
    if (line.empty() || line.size() > 15) {
      return Status::Corruption("chunked body: bad chunk size '" + std::string(line.substr(0, 20)) +
                                "'");
    }
    uint64_t size = 0;
    for (char c : line) {
      int v = (c >= '0' && c <= '9')                 ? c - '0'
              : (Lower(c) >= 'a' && Lower(c) <= 'f') ? Lower(c) - 'a' + 10
                                                     : -1;
      if (v < 0)
        return Status::Corruption("chunked body: bad chunk size '" + std::string(line) + "'");
      size = size * 16 + static_cast<uint64_t>(v);
    }
    pos = eol + 1;
    if (size == 0) return out;
    if (size > body.size() - pos) return Status::Corruption("chunked body: truncated chunk");
    if (out.size() + size > max_body) {
      return Status::ResourceExhausted("HTTP body exceeds " + std::to_string(max_body) + " bytes");
    }
    out.append(body.substr(pos, size));
    pos += size;
    // The CRLF after the chunk data.
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
}

// Inflates gzip (window_bits 16+15), zlib (15) or raw deflate (-15); several gzip members are
// read one after another.
StatusOr<std::string> Inflate(std::string_view in, int window_bits, size_t max_body) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  if (inflateInit2(&z, window_bits) != Z_OK) return Status::Internal("zlib inflateInit2 failed");
  std::string out;
  char buf[64 * 1024];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  size_t fed = z.avail_in;
  Status error;
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    int ret = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max_body) {
      error = Status::ResourceExhausted("decoded HTTP body exceeds " + std::to_string(max_body) +
                                        " bytes");
      break;
    }
    if (ret == Z_STREAM_END) {
      // Another gzip member may follow.
      if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b && window_bits > 15) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (ret == Z_BUF_ERROR && z.avail_in == 0) {
      if (fed < in.size()) {  // more than 4 GiB of input: feed the next slice
        size_t more = std::min<size_t>(in.size() - fed, UINT32_MAX);
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
        z.avail_in = static_cast<uInt>(more);
        fed += more;
        continue;
      }
      error = Status::Corruption("compressed HTTP body is truncated");
      break;
    }
    if (ret != Z_OK) {
      error = Status::Corruption(std::string("compressed HTTP body is damaged: ") +
                                 (z.msg ? z.msg : "inflate error"));
      break;
    }
  }
  inflateEnd(&z);
  if (!error.ok()) return error;
  return out;
}

StatusOr<std::string> Unzstd(std::string_view in, size_t max_body) {
  ZSTD_DStream* d = ZSTD_createDStream();
  if (d == nullptr) return Status::Internal("zstd: cannot create a stream");
  std::string out;
  std::vector<char> buf(ZSTD_DStreamOutSize());
  ZSTD_inBuffer ib{in.data(), in.size(), 0};
  Status error;
  size_t last = 1;
  while (ib.pos < ib.size) {
    ZSTD_outBuffer ob{buf.data(), buf.size(), 0};
    last = ZSTD_decompressStream(d, &ob, &ib);
    if (ZSTD_isError(last)) {
      error =
          Status::Corruption(std::string("zstd HTTP body is damaged: ") + ZSTD_getErrorName(last));
      break;
    }
    out.append(buf.data(), ob.pos);
    if (out.size() > max_body) {
      error = Status::ResourceExhausted("decoded HTTP body exceeds " + std::to_string(max_body) +
                                        " bytes");
      break;
    }
    if (ob.pos == 0 && last != 0 && ib.pos == ib.size) break;
  }
  ZSTD_freeDStream(d);
  if (error.ok() && last != 0) error = Status::Corruption("zstd HTTP body is truncated");
  if (!error.ok()) return error;
  return out;
}

}  // namespace

std::string MediaType(std::string_view content_type) {
  std::string_view t = content_type.substr(0, content_type.find(';'));
  t = Trim(t);
  std::string out;
  for (char c : t) {
    if (c != ' ' && c != '\t') out.push_back(Lower(c));
  }
  return out;
}

std::string HttpResponse::Header(std::string_view name) const {
  for (const auto& [k, v] : header_list) {
    if (EqualsIgnoreCase(k, name)) return v;
  }
  return "";
}

StatusOr<HttpResponse> ParseHttpResponse(std::string_view message, size_t max_body) {
  HttpResponse r;
  // Status line: "HTTP/1.1 200 OK", "HTTP/2 200".
  size_t eol = message.find('\n');
  std::string_view status_line = Trim(message.substr(0, eol));
  if (status_line.substr(0, 5) != "HTTP/") {
    return Status::InvalidArgument("HTTP response: no status line (starts '" +
                                   std::string(status_line.substr(0, 16)) + "')");
  }
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos) return Status::InvalidArgument("HTTP response: no status code");
  std::string_view code = status_line.substr(sp + 1, 3);
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::InvalidArgument("HTTP response: bad status code '" + std::string(code) + "'");
  }
  r.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  r.status_line = std::string(status_line);
  if (eol == std::string_view::npos) {
    r.headers = std::string(message);
    return r;  // a status line alone: no headers, no body
  }
  // Header lines up to the first empty line.
  size_t pos = eol + 1;
  size_t body_start = std::string_view::npos;
  while (pos <= message.size()) {
    size_t e = message.find('\n', pos);
    std::string_view line =
        message.substr(pos, (e == std::string_view::npos ? message.size() : e) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      body_start = e == std::string_view::npos ? message.size() : e + 1;
      break;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !r.header_list.empty()) {
      r.header_list.back().second += ' ';
      r.header_list.back().second += std::string(Trim(line));
    } else {
      size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) {
        return Status::InvalidArgument("HTTP response: malformed header line '" +
                                       std::string(line.substr(0, 40)) + "'");
      }
      r.header_list.emplace_back(std::string(Trim(line.substr(0, colon))),
                                 std::string(Trim(line.substr(colon + 1))));
    }
    if (e == std::string_view::npos) break;
    pos = e + 1;
  }
  if (body_start == std::string_view::npos) {
    // Headers without the blank line: no body.
    r.headers = std::string(message);
    return r;
  }
  r.headers = std::string(message.substr(0, body_start));
  std::string_view body = message.substr(body_start);
  if (body.empty()) return r;  // nothing to decode, whatever the encodings say

  std::string te = r.Header("Transfer-Encoding");
  std::string dechunked;
  if (te.find("chunked") != std::string::npos || te.find("Chunked") != std::string::npos) {
    StatusOr<std::string> d = Dechunk(body, max_body);
    if (!d.ok()) return d.status();
    dechunked = std::move(*d);
    body = dechunked;
  }
  std::string ce = MediaType(r.Header("Content-Encoding"));
  if (ce.empty() || ce == "identity" || ce == "none") {
    if (body.size() > max_body) {
      return Status::ResourceExhausted("HTTP body exceeds " + std::to_string(max_body) + " bytes");
    }
    r.body = std::string(body);
  } else if (ce == "gzip" || ce == "x-gzip") {
    StatusOr<std::string> d = Inflate(body, 16 + MAX_WBITS, max_body);
    if (!d.ok()) return d.status();
    r.body = std::move(*d);
  } else if (ce == "deflate") {
    // RFC says zlib-wrapped; some servers send raw deflate.
    StatusOr<std::string> d = Inflate(body, MAX_WBITS, max_body);
    if (!d.ok() && d.status().code() == Status::Code::kCorruption)
      d = Inflate(body, -MAX_WBITS, max_body);
    if (!d.ok()) return d.status();
    r.body = std::move(*d);
  } else if (ce == "zstd") {
    StatusOr<std::string> d = Unzstd(body, max_body);
    if (!d.ok()) return d.status();
    r.body = std::move(*d);
  } else {
    return Status::Unsupported("HTTP Content-Encoding '" + ce + "' is not supported");
  }
  return r;
}

}  // namespace witness::warc
