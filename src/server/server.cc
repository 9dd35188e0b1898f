// witness::Server: cpp-httplib with witness's routes, workers, cache and hardening.
//
// Request flow: the pre-routing handler sees every request first; it checks the Host header
// and the method and answers every GET, HEAD and OPTIONS itself (the API from the cache or
// the store, the UI from the embedded assets), so httplib's regex routing only ever sees
// requests with a body (POST, PUT, PATCH, DELETE), which go to one content-reader handler that
// reads a body only for an authorised POST /api/ingest.
#include "witness/server.h"

#include <httplib.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "server/api.h"
#include "server/assets.h"
#include "server/cache.h"
#include "server/connection.h"
#include "server/http_util.h"
#include "witness/store.h"

namespace witness {

namespace {

using nlohmann::json;
using server::Payload;
using PayloadPtr = std::shared_ptr<const Payload>;

constexpr const char* kJson = "application/json; charset=utf-8";

// ---- Workers: a thread pool whose threads each keep their own read-only Store ----

struct WorkerState {
  std::unique_ptr<Store> store;
};
thread_local WorkerState* t_worker = nullptr;

class WorkerPool : public httplib::TaskQueue {
 public:
  explicit WorkerPool(size_t n) {
    for (size_t i = 0; i < n; ++i) threads_.emplace_back([this] { Loop(); });
  }
  ~WorkerPool() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(fn));
    }
    cv_.notify_one();
  }

  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return;
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

 private:
  void Loop() {
    WorkerState state;
    t_worker = &state;
    for (;;) {
      std::function<void()> fn;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) break;  // stopping, and every accepted connection served
        fn = std::move(jobs_.front());
        jobs_.pop_front();
      }
      try {
        fn();
      } catch (...) {
        // httplib handles handler exceptions; anything else must not end the worker.
      }
    }
    t_worker = nullptr;
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  bool stopping_ = false;
};

// ---- Routes ----

enum class Route { kHealth, kStories, kStory, kArticle, kIngest, kApiUnknown, kStatic };

struct Match {
  Route route = Route::kStatic;
  std::string id;  // kStory, kArticle
};

Match MatchRoute(const std::string& path) {
  if (path == "/api" || path.rfind("/api/", 0) == 0) {
    if (path == "/api/health") return {Route::kHealth, ""};
    if (path == "/api/stories" || path == "/api/stories/") return {Route::kStories, ""};
    if (path == "/api/ingest") return {Route::kIngest, ""};
    for (const auto& [prefix, route] :
         {std::pair<std::string, Route>{"/api/stories/", Route::kStory},
          {"/api/articles/", Route::kArticle}}) {
      if (path.rfind(prefix, 0) == 0) {
        std::string id = path.substr(prefix.size());
        if (!id.empty() && id.find('/') == std::string::npos) return {route, id};
      }
    }
    return {Route::kApiUnknown, ""};
  }
  return {Route::kStatic, ""};
}

const char* AllowFor(Route r) {
  return r == Route::kIngest ? "POST, OPTIONS" : "GET, HEAD, OPTIONS";
}

bool HasBody(const httplib::Request& req) {
  if (req.has_header("Transfer-Encoding")) return true;
  if (!req.has_header("Content-Length")) return false;
  return req.get_header_value("Content-Length") != "0";
}

std::string UtcStamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  server::HttpServer http;
  int port = 0;
  bool loopback = true;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> running{false};

  // Writes: one Store, one request at a time.
  std::unique_ptr<Store> writer;
  std::mutex writer_mu;
  std::atomic<uint64_t> ingest_seq{0};

  // The database's change counter, as one read-only connection sees it.
  std::mutex probe_mu;
  sqlite3* probe = nullptr;
  sqlite3_stmt* probe_stmt = nullptr;
  int64_t probe_version = -1;
  std::atomic<int64_t> last_probe{0};  // steady_clock ticks (ns) of the last probe
  std::atomic<uint64_t> generation{1};

  server::ResponseCache cache;
  std::unordered_map<std::string, PayloadPtr> assets;  // "/index.html" -> payload
  std::string assets_root;                             // canonical, when serving a folder

  explicit Impl(const ServerOptions& o) : options(o), cache(o.cache_bytes) {}
  ~Impl() {
    if (probe_stmt != nullptr) sqlite3_finalize(probe_stmt);
    if (probe != nullptr) sqlite3_close(probe);
  }

  // ---- plumbing ----

  // The database generation: bumped whenever SQLite's data_version moves (another connection
  // committed). Probed at most once a millisecond, and never waited for: a request that finds
  // another thread probing uses the generation as it stands (a commit is seen within ~1 ms).
  uint64_t Generation() {
    const int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
    if (now - last_probe.load(std::memory_order_relaxed) < 1000000) return generation.load();
    std::unique_lock<std::mutex> lock(probe_mu, std::try_to_lock);
    if (!lock.owns_lock()) return generation.load();
    last_probe.store(now, std::memory_order_relaxed);
    if (probe_stmt == nullptr) return generation.fetch_add(1) + 1;  // no probe: never reuse
    sqlite3_reset(probe_stmt);
    if (sqlite3_step(probe_stmt) != SQLITE_ROW) return generation.fetch_add(1) + 1;
    int64_t v = sqlite3_column_int64(probe_stmt, 0);
    sqlite3_reset(probe_stmt);
    if (v != probe_version) {
      probe_version = v;
      return generation.fetch_add(1) + 1;
    }
    return generation.load();
  }

  StatusOr<Store*> ReadStore() {
    thread_local WorkerState fallback;  // a thread not from the pool (never in practice)
    WorkerState* w = t_worker != nullptr ? t_worker : &fallback;
    if (w->store == nullptr) {
      StoreOptions o;
      o.create_if_missing = false;
      o.read_only = true;
      o.busy_timeout_ms = 2000;
      StatusOr<std::unique_ptr<Store>> s = Store::Open(options.db, o);
      if (!s.ok()) return s.status();
      w->store = std::move(*s);
    }
    return w->store.get();
  }

  static void SendError(httplib::Response& res, int status, std::string_view message) {
    res.status = status;
    res.set_content(server::ErrorJson(message), kJson);
  }

  void SendStatus(httplib::Response& res, const Status& s) {
    SendError(res, server::HttpStatusFor(s), server::PublicMessage(s, options.db));
  }

  static void SendPayload(const httplib::Request& req, httplib::Response& res, const PayloadPtr& p,
                          std::string_view content_type, std::string_view cache_control) {
    res.set_header("ETag", p->etag);
    res.set_header("Cache-Control", std::string(cache_control));
    res.set_header("Vary", "Accept-Encoding");
    if (req.has_header("If-None-Match") &&
        server::EtagMatches(req.get_header_value("If-None-Match"), p->etag)) {
      res.status = 304;
      return;
    }
    res.status = 200;
    const bool gzip = !p->gzip.empty() && req.ranges.empty() &&
                      server::AcceptsGzip(req.get_header_value("Accept-Encoding"));
    const std::string* bytes = gzip ? &p->gzip : &p->body;
    if (gzip) res.set_header("Content-Encoding", "gzip");
    // A content provider: httplib sends it as is (no second compression) without a copy.
    res.set_content_provider(bytes->size(), std::string(content_type),
                             [p, bytes](size_t offset, size_t length, httplib::DataSink& sink) {
                               return sink.write(bytes->data() + offset, length);
                             });
  }

  // ---- GET ----

  void HandleGet(const httplib::Request& req, httplib::Response& res) {
    Status path_ok = server::CheckRequestPath(req.path);
    if (!path_ok.ok()) return SendError(res, 400, "bad path: " + path_ok.message());
    Match m = MatchRoute(req.path);
    if (req.method == "OPTIONS") {
      if (m.route == Route::kApiUnknown)
        return SendError(res, 404, "no such endpoint: " + req.path);
      res.status = 204;
      res.set_header("Allow", AllowFor(m.route));
      return;
    }
    switch (m.route) {
      case Route::kIngest:
        res.set_header("Allow", AllowFor(m.route));
        return SendError(res, 405, "POST /api/ingest with a body of JSON Lines");
      case Route::kApiUnknown:
        return SendError(res, 404, "no such endpoint: " + req.path);
      case Route::kStatic:
        return ServeStatic(req, res);
      default:
        break;
    }
    // API GETs.
    if (m.id.size() > 256) return SendError(res, 400, "id too long");
    const uint64_t gen = Generation();
    std::string key;
    server::ResponseCache::Compute compute;
    if (m.route == Route::kHealth) {
      if (!req.params.empty())
        return SendError(res, 400, "unknown parameter '" + req.params.begin()->first + "'");
      return Health(req, res, gen);
    }
    if (m.route == Route::kStories) {
      StatusOr<server::StoryListQuery> q = ParseStoryQuery(req);
      if (!q.ok()) return SendError(res, 400, q.status().message());
      key = "stories:" + server::Dump(json::array({q->since, q->source, q->query, q->min_articles,
                                                   q->limit, q->offset}));
      compute = [this, query = *q](const PayloadPtr&) -> StatusOr<PayloadPtr> {
        StatusOr<Store*> store = ReadStore();
        if (!store.ok()) return store.status();
        StatusOr<json> j = server::StoryListJson(*store, query);
        if (!j.ok()) return j.status();
        return server::MakePayload(server::Dump(*j));
      };
    } else {
      if (!req.params.empty())
        return SendError(res, 400, "unknown parameter '" + req.params.begin()->first + "'");
      if (m.route == Route::kStory) {
        key = "story:" + m.id;
        compute = [this, id = m.id](const PayloadPtr& stale) -> StatusOr<PayloadPtr> {
          StatusOr<Store*> store = ReadStore();
          if (!store.ok()) return store.status();
          StatusOr<server::StoryState> state =
              server::LoadStoryState(*store, id, options.max_analysed_members);
          if (!state.ok()) return state.status();
          if (stale != nullptr && stale->fingerprint == state->fingerprint) return stale;
          StatusOr<json> j = server::StoryDetailJson(*store, *state);
          if (!j.ok()) return j.status();
          return server::MakePayload(server::Dump(*j), state->fingerprint);
        };
      } else {
        key = "article:" + m.id;
        compute = [this, id = m.id](const PayloadPtr&) -> StatusOr<PayloadPtr> {
          StatusOr<Store*> store = ReadStore();
          if (!store.ok()) return store.status();
          StatusOr<json> j = server::ArticleDetailJson(*store, id);
          if (!j.ok()) return j.status();
          return server::MakePayload(server::Dump(*j));
        };
      }
    }
    StatusOr<PayloadPtr> p = cache.Get(key, gen, compute);
    if (!p.ok()) return SendStatus(res, p.status());
    SendPayload(req, res, *p, kJson, "no-cache");
  }

  StatusOr<server::StoryListQuery> ParseStoryQuery(const httplib::Request& req) {
    server::StoryListQuery q;
    q.limit = options.default_page;
    std::map<std::string, int> seen;
    for (const auto& [name, value] : req.params) {
      if (++seen[name] > 1) return Status::InvalidArgument("parameter '" + name + "' given twice");
      if (name == "since") {
        q.since = value;
      } else if (name == "source") {
        q.source = value;
      } else if (name == "q") {
        if (value.size() > 512)
          return Status::InvalidArgument("parameter 'q' is too long (512 bytes at most)");
        q.query = value;
      } else if (name == "limit") {
        StatusOr<uint64_t> n = server::ParseCount(name, value, 1, options.max_page);
        if (!n.ok()) return n.status();
        q.limit = *n;
      } else if (name == "offset") {
        StatusOr<uint64_t> n = server::ParseCount(name, value, 0, 1000000000);
        if (!n.ok()) return n.status();
        q.offset = *n;
      } else if (name == "min") {
        StatusOr<uint64_t> n = server::ParseCount(name, value, 1, 1000000);
        if (!n.ok()) return n.status();
        q.min_articles = static_cast<uint32_t>(*n);
      } else {
        return Status::InvalidArgument("unknown parameter '" + name +
                                       "' (known: since, source, q, min, limit, offset)");
      }
    }
    if (q.source.size() > 512) return Status::InvalidArgument("parameter 'source' is too long");
    if (q.since.size() > 64) return Status::InvalidArgument("parameter 'since' is too long");
    return q;
  }

  void Health(const httplib::Request& req, httplib::Response& res, uint64_t gen) {
    StatusOr<Store*> store = ReadStore();
    if (!store.ok()) return SendStatus(res, store.status());
    StatusOr<uint64_t> articles = (*store)->CountArticles();
    if (!articles.ok()) return SendStatus(res, articles.status());
    StatusOr<uint64_t> stories = (*store)->CountStories();
    if (!stories.ok()) return SendStatus(res, stories.status());
    server::ResponseCache::Stats c = cache.stats();
    json j = {{"ok", true},
              {"articles", *articles},
              {"stories", *stories},
              {"ingest", !options.token.empty()},
              {"generation", gen},
              {"cache",
               {{"entries", c.entries},
                {"bytes", c.bytes},
                {"hits", c.hits},
                {"computed", c.computed},
                {"revalidated", c.revalidated},
                {"waited", c.waited},
                {"stale", c.stale},
                {"evicted", c.evicted}}}};
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_content(server::Dump(j), kJson);
  }

  bool StaticExists(const std::string& url_path) {
    std::string path = url_path == "/" ? "/index.html" : url_path;
    if (!assets_root.empty()) return server::ResolveAssetPath(assets_root, path).ok();
    return assets.count(path) > 0;
  }

  void ServeStatic(const httplib::Request& req, httplib::Response& res) {
    std::string path = req.path == "/" ? "/index.html" : req.path;
    if (!assets_root.empty()) {
      StatusOr<std::string> file = server::ResolveAssetPath(assets_root, path);
      if (!file.ok()) {
        return SendError(res, file.status().code() == Status::Code::kInvalidArgument ? 400 : 404,
                         "not found: " + req.path);
      }
      std::ifstream in(*file, std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      if (!in) return SendError(res, 404, "not found: " + req.path);
      return SendPayload(req, res, server::MakePayload(buf.str()), server::ContentTypeFor(path),
                         "no-cache");
    }
    auto it = assets.find(path);
    if (it == assets.end()) return SendError(res, 404, "not found: " + req.path);
    SendPayload(req, res, it->second, server::ContentTypeFor(path), "no-cache");
  }

  // ---- requests with a body ----

  // The answer to a request whose body will not be read: the client must not send more on
  // this connection (what it sent would be read as the next request).
  static void Refuse(const httplib::Request& req, httplib::Response& res, int status,
                     std::string_view message) {
    SendError(res, status, message);
    if (HasBody(req)) {
      res.set_header("Connection", "close");
      server::CloseAfterResponse();
    }
  }

  // 0 when a POST /api/ingest may send its body; otherwise the status that refuses it.
  int IngestGate(const httplib::Request& req, httplib::Response& res, std::string* why) {
    Status path_ok = server::CheckRequestPath(req.path);
    if (!path_ok.ok()) {
      *why = "bad path: " + path_ok.message();
      return 400;
    }
    Match m = MatchRoute(req.path);
    if (m.route == Route::kApiUnknown) {
      *why = "no such endpoint: " + req.path;
      return 404;
    }
    if (m.route == Route::kStatic && !StaticExists(req.path)) {
      *why = "not found: " + req.path;
      return 404;
    }
    if (m.route != Route::kIngest || req.method != "POST") {
      res.set_header("Allow", AllowFor(m.route));
      *why =
          req.method + " is not allowed on " + req.path + " (allowed: " + AllowFor(m.route) + ")";
      return 405;
    }
    if (options.token.empty()) {
      *why = "ingest is off: start witness serve with --token or WITNESS_TOKEN to allow it";
      return 403;
    }
    if (!server::BearerMatches(req.get_header_value("Authorization"), options.token)) {
      res.set_header("WWW-Authenticate", "Bearer realm=\"witness\"");
      *why = "missing or wrong token: send 'Authorization: Bearer TOKEN'";
      return 401;
    }
    if (!req.params.empty()) {
      *why = "unknown parameter '" + req.params.begin()->first + "'";
      return 400;
    }
    if (req.has_header("Content-Length") &&
        std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10) >
            options.max_body_bytes) {
      *why = "request body too large: " + std::to_string(options.max_body_bytes) + " bytes at most";
      return 413;
    }
    return 0;
  }

  void HandleWrite(const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& reader) {
    std::string why;
    if (int status = IngestGate(req, res, &why); status != 0) return Refuse(req, res, status, why);
    std::string body;
    bool over = false;
    bool ok = reader([&](const char* data, size_t n) {
      if (body.size() + n > options.max_body_bytes) {
        over = true;
        return false;
      }
      body.append(data, n);
      return true;
    });
    if (!ok) {
      int status = over || res.status == 413 ? 413 : res.status == 415 ? 415 : 400;
      res.set_header("Connection", "close");
      server::CloseAfterResponse();
      return SendError(
          res, status,
          status == 413 ? "request body too large: " + std::to_string(options.max_body_bytes) +
                              " bytes at most (after decompression)"
          : status == 415 ? std::string("unsupported Content-Encoding (gzip and deflate are read)")
                          : std::string("could not read the request body"));
    }
    size_t first = body.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
      return SendError(res, 400, "empty body: send JSON Lines (one article object per line)");
    }
    if (body[first] != '{' && body[first] != '[') {
      return SendError(res, 415, "the body must be JSON Lines or one JSON document of articles");
    }
    const std::string name =
        "api-ingest-" + UtcStamp() + "-" + std::to_string(ingest_seq.fetch_add(1) + 1) + ".jsonl";
    auto start = std::chrono::steady_clock::now();
    server::IngestReport report;
    {
      std::lock_guard<std::mutex> lock(writer_mu);
      report = server::IngestBody(writer.get(), body, name, PipelineOptions{});
    }
    generation.fetch_add(1);  // whatever the probe says, what this server wrote is new
    json j = server::IngestReportJson(report);
    j["input"] = name;
    j["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    res.status = 200;
    if (!report.failure.ok()) {
      res.status = server::HttpStatusFor(report.failure);
      if (res.status < 500) res.status = 500;
      j["error"] = "ingest stopped: " + server::PublicMessage(report.failure, options.db) +
                   " (every batch before it is stored)";
    } else if (report.read == 0 && report.rejected > 0) {
      res.status = 400;
      j["error"] = "no article in the body" +
                   (report.errors.empty() ? std::string() : ": " + report.errors.front().message);
    }
    res.set_header("Cache-Control", "no-store");
    res.set_content(server::Dump(j), kJson);
  }

  // ---- setup ----

  Status LoadAssets() {
    if (!options.assets_dir.empty()) {
      std::error_code ec;
      std::filesystem::path root = std::filesystem::canonical(options.assets_dir, ec);
      if (ec || !std::filesystem::is_directory(root, ec)) {
        return Status::NotFound(options.assets_dir + ": no such folder (--assets)");
      }
      assets_root = root.string();
      return Status::OK();
    }
    size_t n = 0;
    const server::EmbeddedAsset* all = server::EmbeddedAssets(&n);
    for (size_t i = 0; i < n; ++i) {
      assets["/" + std::string(all[i].path)] =
          server::MakePayload(std::string(reinterpret_cast<const char*>(all[i].data), all[i].size));
    }
    return Status::OK();
  }

  void OpenProbe() {
    if (sqlite3_open_v2(options.db.c_str(), &probe, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close(probe);
      probe = nullptr;
      return;
    }
    sqlite3_busy_timeout(probe, 2000);
    if (sqlite3_prepare_v2(probe, "PRAGMA data_version", -1, &probe_stmt, nullptr) != SQLITE_OK) {
      probe_stmt = nullptr;
    }
  }

  void Configure() {
    httplib::Server& s = http;
    const int threads = options.threads;
    s.new_task_queue = [threads] { return new WorkerPool(static_cast<size_t>(threads)); };
    s.set_tcp_nodelay(true);
    http.SetLimits({options.read_timeout_ms, options.write_timeout_ms, options.min_request_bytes_per_s});
    // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which a second server
    // on the same port starts without error and silently takes half the connections.
    s.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    s.set_read_timeout(options.read_timeout_ms / 1000, (options.read_timeout_ms % 1000) * 1000);
    s.set_write_timeout(options.write_timeout_ms / 1000, (options.write_timeout_ms % 1000) * 1000);
    s.set_keep_alive_timeout(options.keep_alive_timeout_s);
    s.set_keep_alive_max_count(options.keep_alive_max_requests);
    s.set_payload_max_length(options.max_body_bytes);
    s.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy",
         "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
         "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
    });
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      server::MarkRouted();
      if (options.check_host && loopback &&
          !server::HostHeaderAllowed(req.get_header_value("Host"))) {
        Refuse(req, res, 403,
               "forbidden Host header (this server answers only to localhost names)");
        return httplib::Server::HandlerResponse::Handled;
      }
      const std::string& m = req.method;
      if (m == "GET" || m == "HEAD" || m == "OPTIONS") {
        if (HasBody(req)) {
          Refuse(req, res, 400, m + " requests carry no body");
        } else if (req.ranges.size() > 1) {
          SendError(res, 416, "one range at most");
        } else {
          HandleGet(req, res);
        }
        return httplib::Server::HandlerResponse::Handled;
      }
      if (m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE") {
        return httplib::Server::HandlerResponse::Unhandled;  // to HandleWrite
      }
      res.set_header("Allow", "GET, HEAD, POST, OPTIONS");
      SendError(res, 405, m + " is not supported");
      res.set_header("Connection", "close");
      server::CloseAfterResponse();
      return httplib::Server::HandlerResponse::Handled;
    });
    auto write = [this](const httplib::Request& req, httplib::Response& res,
                        const httplib::ContentReader& reader) { HandleWrite(req, res, reader); };
    s.Post(".*", write);
    s.Put(".*", write);
    s.Patch(".*", write);
    s.Delete(".*", write);
    s.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
      server::MarkRouted();
      if (options.check_host && loopback &&
          !server::HostHeaderAllowed(req.get_header_value("Host"))) {
        res.status = 403;
      } else {
        std::string why;
        int status = IngestGate(req, res, &why);
        if (status == 0) return 100;
        res.status = status;
        res.set_content(server::ErrorJson(why), kJson);
      }
      res.set_header("Connection", "close");
      server::CloseAfterResponse();
      return res.status;
    });
    s.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty() || res.content_length_ > 0) {
            return httplib::Server::HandlerResponse::Unhandled;
          }
          res.set_content(server::ErrorJson(server::DefaultErrorMessage(res.status)), kJson);
          return httplib::Server::HandlerResponse::Handled;
        }));
    s.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          std::string what = "internal error";
          try {
            if (ep) std::rethrow_exception(ep);
          } catch (const std::exception& e) {
            what += std::string(": ") + e.what();
          } catch (...) {
          }
          res.status = 500;
          res.set_content(server::ErrorJson(what), kJson);
        });
    if (options.access_log) {
      s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        size_t bytes = res.body.empty() ? res.content_length_ : res.body.size();
        std::fprintf(stderr, "%s %s %s %d %zu\n", req.remote_addr.c_str(), req.method.c_str(),
                     req.path.c_str(), res.status, bytes);
      });
    }
  }
};

StatusOr<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto range = [](const char* name, long long v, long long lo, long long hi) -> Status {
    if (v < lo || v > hi) {
      return Status::InvalidArgument(std::string(name) + " must be from " + std::to_string(lo) +
                                     " to " + std::to_string(hi) + " (got " + std::to_string(v) +
                                     ")");
    }
    return Status::OK();
  };
  WITNESS_RETURN_IF_ERROR(range("port", options.port, 0, 65535));
  WITNESS_RETURN_IF_ERROR(range("threads", options.threads, 1, 4096));
  WITNESS_RETURN_IF_ERROR(range("read timeout (ms)", options.read_timeout_ms, 1, 3600000));
  WITNESS_RETURN_IF_ERROR(range("write timeout (ms)", options.write_timeout_ms, 1, 3600000));
  WITNESS_RETURN_IF_ERROR(range("keep-alive timeout (s)", options.keep_alive_timeout_s, 0, 3600));
  WITNESS_RETURN_IF_ERROR(
      range("minimum request rate (bytes/s)", static_cast<long long>(options.min_request_bytes_per_s),
            1, 1ll << 40));
  WITNESS_RETURN_IF_ERROR(range("max page", options.max_page, 1, 100000));
  WITNESS_RETURN_IF_ERROR(range("default page", options.default_page, 1, options.max_page));
  if (options.max_body_bytes < 1024) {
    return Status::InvalidArgument("the body limit must be at least 1024 bytes");
  }
  if (options.host.empty()) return Status::InvalidArgument("no host to bind");

  auto impl = std::make_unique<Impl>(options);
  impl->loopback = server::IsLoopbackAddress(options.host);
  if (!options.token.empty()) {
    StatusOr<std::unique_ptr<Store>> w = Store::Open(options.db, StoreOptions{});
    if (!w.ok()) return w.status();
    impl->writer = std::move(*w);
  }
  {
    StoreOptions o;
    o.create_if_missing = false;
    o.read_only = true;
    StatusOr<std::unique_ptr<Store>> r = Store::Open(options.db, o);
    if (!r.ok()) {
      if (r.status().code() == Status::Code::kNotFound) {
        return Status::NotFound(options.db +
                                ": no such database (run `witness ingest` first, or give a token "
                                "to create it and ingest over HTTP)");
      }
      return r.status();
    }
  }
  impl->OpenProbe();
  WITNESS_RETURN_IF_ERROR(impl->LoadAssets());
  impl->Configure();
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
    if (impl->port < 0) impl->port = 0;
  } else if (impl->http.bind_to_port(options.host, options.port)) {
    impl->port = options.port;
  }
  if (impl->port <= 0) {
    return Status::IoError(options.host + ":" + std::to_string(options.port) +
                           ": cannot listen (address in use, or not an address of this machine)");
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  Stop();
  impl_->http.CloseUnused();
}

Status Server::Run() {
  impl_->running = true;  // before the check: Stop() sets its flag, then looks at this one
  if (impl_->stop_requested) {
    impl_->running = false;
    return Status::OK();
  }
  bool ok = impl_->http.listen_after_bind();
  impl_->running = false;
  if (!ok && !impl_->stop_requested) {
    return Status::IoError(url() + ": the listening socket failed");
  }
  return Status::OK();
}

void Server::Stop() {
  impl_->stop_requested = true;
  // Run() may be between its check and httplib's loop: wait for the loop to start (bounded).
  for (int i = 0; i < 400 && impl_->running && !impl_->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  impl_->http.stop();
}

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  const std::string& h = impl_->options.host;
  std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
  return "http://" + host + ":" + std::to_string(impl_->port);
}

}  // namespace witness
