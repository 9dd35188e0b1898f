// witness/server.h: the HTTP API and the web UI over a witness database (`witness serve`).
//
// Usage:
//   witness::ServerOptions options;            // defaults documented below
//   options.db = "witness.db";
//   options.port = 8080;                       // 0: any free port (see Server::port())
//   options.token = std::getenv("WITNESS_TOKEN") ? std::getenv("WITNESS_TOKEN") : "";
//   witness::StatusOr<std::unique_ptr<witness::Server>> server = witness::Server::Create(options);
//   if (!server.ok()) { std::cerr << server.status().ToString() << "\n"; return 1; }
//   std::cout << "listening on " << (*server)->url() << "\n";
//   std::thread t([&] { (void)(*server)->Run(); });   // blocks until Stop()
//   ...
//   (*server)->Stop();                        // from any thread; Run() returns
//   t.join();
//
// What it serves (doc/manual.md, "witness serve", has every field):
//   GET  /api/stories?since=&source=&q=&min=&limit=&offset=  stories, newest first, paged
//   GET  /api/stories/{id}     one story (id or alias): members, the syndication graph among
//                              them, collated quotes, compared figures, "digest", "comparison"
//   GET  /api/articles/{id}    one article (id or unique prefix >= 4): clean text, paragraphs
//                              and sentences, removed boilerplate, metadata, relations, story,
//                              likely source
//   POST /api/ingest           JSON Lines (or one JSON document) of articles, through
//                              IngestPipeline (pipeline.h); only when a token is set, with
//                              "Authorization: Bearer TOKEN"
//   GET  /api/health           {"ok": true, "articles": N, "stories": N, "ingest": bool}
//   GET  /, /app.js, ...       the web UI (web/, embedded in the binary at build time)
//
// Rules:
//   - Reads: every worker thread opens its own read-only Store (store.h: one thread per Store);
//     SQLite's WAL lets them read while `witness ingest` (or POST /api/ingest) writes, each
//     query seeing only committed batches. Writes: one read-write Store behind a mutex, opened
//     only when a token is set; one POST is ingested at a time.
//   - Responses are JSON (UTF-8; invalid bytes in stored fields become U+FFFD). Errors are
//     {"error": "one line"} with the status: 400 malformed request or parameter, 401 missing or
//     wrong token, 403 ingest off or a foreign Host header, 404 unknown route or id, 405 method
//     not allowed on a known route (with Allow), 413 body over max_body_bytes, 415 a body that
//     is not JSON, 500 an internal failure, 503 the database is busy.
//   - Caching: GET /api responses are cached (LRU, cache_bytes) and tagged with the database's
//     change counter (SQLite's data_version as each worker sees it). A commit by any process
//     invalidates them; a story's entry is then revalidated against its members and their
//     relations (a few cheap queries) and recomputed only when they changed. While an entry is
//     being brought up to date, other requests get its previous version rather than queueing.
//     Responses carry an ETag (If-None-Match gives 304) and are sent gzip-compressed when the
//     client accepts it.
//   - Hardening: request line and headers at most 8 KiB (cpp-httplib); bodies at most
//     max_body_bytes (also after gzip decoding); reads and writes time out; a client that
//     sends nothing for read_timeout_ms, or sends a request slower than min_request_bytes_per_s
//     (after read_timeout_ms), is dropped; static paths are looked up in a fixed table
//     (or, with assets_dir, resolved with every "." / ".." segment and symlink escape refused:
//     nothing outside that folder is ever read); bound to a loopback address, requests whose
//     Host header names anything but a loopback name are refused (DNS rebinding).
//   - Each open connection holds one worker thread while it stays open (keep-alive, at most
//     keep_alive_timeout_s idle), so `threads` bounds the clients served at once; the others
//     wait to be accepted. Many slow clients can still occupy every worker for a few seconds
//     each: put a reverse proxy in front for exposure beyond a trusted network.
#ifndef WITNESS_SERVER_H_
#define WITNESS_SERVER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "witness/status.h"

namespace witness {

struct ServerOptions {
  // The database. Must exist unless `token` is set (then it is created when missing).
  std::string db = "witness.db";
  // Address to bind. Default loopback only; "0.0.0.0" or "::" to listen on every interface.
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free one (Server::port() says which). Default 8080.
  int port = 8080;
  // Bearer token for POST /api/ingest. Empty (default): ingest is off (403).
  std::string token;

  // Worker threads. Default 32. Each open connection holds one while it is open (keep-alive),
  // so this is also the number of clients served at once; others wait in the accept queue.
  int threads = 32;
  // Largest request body (POST /api/ingest), in bytes, after any gzip decoding. Default 64 MiB.
  size_t max_body_bytes = size_t{64} << 20;
  // A read or write that makes no progress for this long drops the connection. Default 5 s.
  int read_timeout_ms = 5000;
  int write_timeout_ms = 5000;
  // Once a request's first read_timeout_ms have passed, it must have arrived at this average
  // rate, else the connection is dropped (a client dripping bytes to hold a worker). Default
  // 1000 bytes/s: any real client passes; a request of at most 8 KiB of headers is cut off
  // within read_timeout + 8 s.
  size_t min_request_bytes_per_s = 1000;
  // Keep-alive: idle time before a connection is closed, and requests per connection.
  // Defaults 5 s and 1000.
  int keep_alive_timeout_s = 5;
  size_t keep_alive_max_requests = 1000;

  // Bytes of cached GET /api responses (bodies plus their gzip forms). Default 64 MiB; 0 = off.
  size_t cache_bytes = size_t{64} << 20;
  // Stories per page: default when `limit` is absent, and the most a request may ask for.
  uint32_t default_page = 50;
  uint32_t max_page = 500;
  // Quotes, figures, digest and comparison of a story read at most this many of its members
  // (the first by time); the rest are listed but not analysed ("analysed" says how many).
  // Default 200: a story page stays fast even for a huge story.
  uint32_t max_analysed_members = 200;

  // Serve the web UI from this folder instead of the copy built into the binary (for working
  // on web/ without rebuilding). Default "" (embedded).
  std::string assets_dir;
  // Refuse requests whose Host header is not a loopback name when bound to loopback (DNS
  // rebinding guard). Default true.
  bool check_host = true;
  // One line per request on stderr: address, method, path, status, bytes. Default false.
  bool access_log = false;
};

class Server {
 public:
  // Opens the database (read-only check; read-write too when a token is set) and binds the
  // port. NotFound when the database is missing and no token is set; IoError when the port
  // cannot be bound; InvalidArgument for options out of range.
  static StatusOr<std::unique_ptr<Server>> Create(const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Serves until Stop(). Returns an error only when the listening socket fails.
  Status Run();
  // Stops accepting, lets requests in progress finish, and makes Run() return. Any thread.
  void Stop();

  int port() const;         // the bound port
  std::string url() const;  // "http://127.0.0.1:8080"

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace witness

#endif  // WITNESS_SERVER_H_
