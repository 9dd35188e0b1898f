// server/http_util.h: the small, pure decisions of the HTTP layer (kept apart to be tested
// without a socket).
#ifndef WITNESS_SERVER_HTTP_UTIL_H_
#define WITNESS_SERVER_HTTP_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "witness/status.h"

namespace witness::server {

// A bind address that only this machine can reach: "127.0.0.1" (any 127/8), "::1",
// "localhost".
bool IsLoopbackAddress(std::string_view host);
// A Host header naming this machine: localhost (or *.localhost), 127/8, [::1], with or
// without a port. An empty header (HTTP/1.0) is allowed.
bool HostHeaderAllowed(std::string_view host_header);

// The request path (already percent-decoded) is safe to route: it starts with '/', holds no
// NUL, control character or backslash, and no "." or ".." segment. InvalidArgument saying
// why otherwise.
Status CheckRequestPath(std::string_view path);

// "Bearer TOKEN" (scheme case-insensitive) with exactly `token`, compared in constant time
// over the token's length. False when `token` is empty.
bool BearerMatches(std::string_view authorization, std::string_view token);

// A decimal count within [min, max]: InvalidArgument naming the parameter otherwise.
StatusOr<uint64_t> ParseCount(std::string_view name, std::string_view value, uint64_t min,
                              uint64_t max);

// The HTTP status for a failed call: NotFound 404, InvalidArgument 400, ResourceExhausted
// 413, a busy or locked database 503, anything else 500.
int HttpStatusFor(const Status& s);
// {"error": "message"} (message made valid UTF-8).
std::string ErrorJson(std::string_view message);
// A reason for a status code with no body ("not found", ...).
std::string DefaultErrorMessage(int status);

// The client accepts gzip: "gzip" among Accept-Encoding's codings with q > 0 ("*" counts).
bool AcceptsGzip(std::string_view accept_encoding);
// If-None-Match matches the ETag (a list of tags, "*", weak "W/" tags compare equal).
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

// Content-Type of a static file by its extension ("application/octet-stream" when unknown).
std::string_view ContentTypeFor(std::string_view path);

// The file under `root` (a canonical folder path) that a static URL path names ("/" is
// index.html). InvalidArgument for an unsafe path (CheckRequestPath); NotFound for a hidden
// segment (".git"), when there is no such regular file, or when it resolves (through symlinks)
// outside `root`.
StatusOr<std::string> ResolveAssetPath(const std::string& root, std::string_view url_path);

}  // namespace witness::server

#endif  // WITNESS_SERVER_HTTP_UTIL_H_
