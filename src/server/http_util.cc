#include "server/http_util.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "base/ascii.h"

namespace witness::server {

namespace {

using ascii::Trim;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "127.0.0.1" and every other dotted quad in 127/8.
bool IsLoopbackV4(std::string_view s) {
  if (s.substr(0, 4) != "127.") return false;
  int parts = 1, digits = 0;
  for (char c : s) {
    if (c == '.') {
      if (digits == 0) return false;
      ++parts;
      digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else {
      return false;
    }
  }
  return parts == 4 && digits > 0;
}

bool IsLoopbackName(std::string_view host) {
  std::string h = Lower(host);
  if (h.size() > 1 && h.back() == '.') h.pop_back();  // "localhost."
  if (h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1") return true;
  if (h.size() > 10 && h.compare(h.size() - 10, 10, ".localhost") == 0) return true;
  return IsLoopbackV4(h);
}

}  // namespace

bool IsLoopbackAddress(std::string_view host) { return IsLoopbackName(host); }

bool HostHeaderAllowed(std::string_view header) {
  header = Trim(header);
  if (header.empty()) return true;
  std::string_view name;
  if (header.front() == '[') {
    size_t close = header.find(']');
    if (close == std::string_view::npos) return false;
    name = header.substr(1, close - 1);
    std::string_view rest = header.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
  } else {
    size_t colon = header.find(':');
    name = header.substr(0, colon);
  }
  return IsLoopbackName(name);
}

Status CheckRequestPath(std::string_view path) {
  if (path.empty() || path.front() != '/')
    return Status::InvalidArgument("the path must start with '/'");
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return Status::InvalidArgument("control character in the path");
    if (c == '\\') return Status::InvalidArgument("backslash in the path");
  }
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "." || segment == "..") {
      return Status::InvalidArgument("'.' and '..' are not allowed in a path");
    }
    start = end + 1;
  }
  return Status::OK();
}

bool BearerMatches(std::string_view authorization, std::string_view token) {
  if (token.empty()) return false;
  authorization = Trim(authorization);
  if (authorization.size() < 7 || Lower(authorization.substr(0, 7)) != "bearer ") return false;
  std::string_view given = Trim(authorization.substr(7));
  // Constant time over the token: every byte of it is compared whatever `given` holds.
  unsigned char diff = given.size() == token.size() ? 0 : 1;
  for (size_t i = 0; i < token.size(); ++i) {
    unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    diff |= static_cast<unsigned char>(g ^ static_cast<unsigned char>(token[i]));
  }
  return diff == 0;
}

StatusOr<uint64_t> ParseCount(std::string_view name, std::string_view value, uint64_t min,
                              uint64_t max) {
  auto bad = [&] {
    return Status::InvalidArgument("parameter '" + std::string(name) +
                                   "' must be a whole number from " + std::to_string(min) + " to " +
                                   std::to_string(max));
  };
  if (value.empty() || value.size() > 19) return bad();
  uint64_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return bad();
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (n < min || n > max) return bad();
  return n;
}

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kOk:
      return 200;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kInvalidArgument:
      return 400;
    case Status::Code::kResourceExhausted:
      return 413;
    case Status::Code::kIoError:
      if (s.message().find("locked") != std::string::npos ||
          s.message().find("busy") != std::string::npos ||
          s.message().find("write lock") != std::string::npos) {
        return 503;
      }
      return 500;
    default:
      return 500;
  }
}

std::string ErrorJson(std::string_view message) {
  nlohmann::json j = {{"error", std::string(message)}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string DefaultErrorMessage(int status) {
  switch (status) {
    case 400:
      return "malformed request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 408:
      return "request timeout";
    case 411:
      return "a Content-Length is required";
    case 413:
      return "request body too large";
    case 414:
      return "request line too long";
    case 415:
      return "unsupported content encoding";
    case 416:
      return "range not satisfiable";
    case 431:
      return "request headers too large";
    case 503:
      return "service unavailable";
    default:
      return status >= 500 ? "internal error" : "request failed";
  }
}

bool AcceptsGzip(std::string_view header) {
  bool star = false, gzip = false, gzip_listed = false;
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = Trim(header.substr(start, end - start));
    start = end + 1;
    std::string_view coding = Trim(item.substr(0, item.find(';')));
    bool allowed = true;
    size_t q = item.find(";");
    while (q != std::string_view::npos) {
      std::string_view param = Trim(item.substr(q + 1, item.find(';', q + 1) - q - 1));
      if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        std::string_view v = param.substr(2);
        allowed = !v.empty() && v.find_first_not_of("0.") != std::string_view::npos;
      }
      q = item.find(';', q + 1);
    }
    std::string c = Lower(coding);
    if (c == "gzip" || c == "x-gzip") {
      gzip_listed = true;
      gzip = allowed;
    } else if (c == "*") {
      star = allowed;
    }
  }
  return gzip_listed ? gzip : star;
}

bool EtagMatches(std::string_view header, std::string_view etag) {
  header = Trim(header);
  if (header == "*") return true;
  auto strip_weak = [](std::string_view t) {
    t = Trim(t);
    if (t.size() > 2 && (t[0] == 'W' || t[0] == 'w') && t[1] == '/') t.remove_prefix(2);
    return t;
  };
  std::string_view want = strip_weak(etag);
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    if (strip_weak(header.substr(start, end - start)) == want) return true;
    start = end + 1;
  }
  return false;
}

std::string_view ContentTypeFor(std::string_view path) {
  size_t dot = path.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : Lower(path.substr(dot + 1));
  if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "json") return "application/json; charset=utf-8";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "woff2") return "font/woff2";
  return "application/octet-stream";
}

StatusOr<std::string> ResolveAssetPath(const std::string& root, std::string_view url_path) {
  WITNESS_RETURN_IF_ERROR(CheckRequestPath(url_path));
  std::string rel(url_path.substr(1));
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  size_t start = 0;
  while (start < rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    if (end == start) return Status::NotFound("empty path segment");
    if (rel[start] == '.') return Status::NotFound("hidden file");
    start = end + 1;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path candidate = fs::path(root) / rel;
  fs::path real = fs::canonical(candidate, ec);  // resolves every symlink; fails when missing
  if (ec) return Status::NotFound("no such file");
  fs::path base(root);
  auto r = real.begin();
  for (auto b = base.begin(); b != base.end(); ++b, ++r) {
    if (b->empty()) continue;  // a trailing separator
    if (r == real.end() || *r != *b) return Status::NotFound("outside the asset folder");
  }
  if (!fs::is_regular_file(real, ec) || ec) return Status::NotFound("not a file");
  return real.string();
}

}  // namespace witness::server
