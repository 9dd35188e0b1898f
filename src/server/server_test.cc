// witness::Server end to end, in process: real sockets, real requests (cpp-httplib's client
// and raw bytes for what a client library would refuse to send).
#include "witness/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/gzip_test_util.h"
#include "server/test_corpus.h"

namespace witness {
namespace {

using nlohmann::json;
constexpr const char* kToken = "test-token-0123456789";

// A server on a free port, running on its own thread while the object lives.
class Running {
 public:
  explicit Running(ServerOptions o) {
    o.port = 0;
    StatusOr<std::unique_ptr<Server>> s = Server::Create(o);
    if (!s.ok()) {
      ADD_FAILURE() << s.status().ToString();
      return;
    }
    server_ = std::move(*s);
    thread_ = std::thread([this] { run_ = server_->Run(); });
    // Wait until it answers.
    httplib::Client c("127.0.0.1", server_->port());
    for (int i = 0; i < 200; ++i) {
      if (c.Get("/api/health")) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~Running() {
    if (server_ == nullptr) return;
    server_->Stop();
    thread_.join();
    EXPECT_TRUE(run_.ok()) << run_.ToString();
  }
  int port() const { return server_ ? server_->port() : 0; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port());
    c.set_read_timeout(20, 0);
    return c;
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status run_;
};

// Whether `data` holds one whole response (headers and Content-Length bytes of body).
bool WholeResponse(const std::string& data) {
  size_t end = data.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  std::string head = data.substr(0, end);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t cl = head.find("\r\ncontent-length:");
  size_t length = cl == std::string::npos ? 0 : std::strtoull(head.c_str() + cl + 17, nullptr, 10);
  return data.size() >= end + 4 + length;
}

// Sends `bytes` on a new connection and reads what comes back: one whole response, or with
// `until_close` everything until the server closes the connection. Gives up after `timeout_ms`
// without data.
std::string Raw(int port, const std::string& bytes, int timeout_ms = 5000,
                bool until_close = false) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return "<connect failed>";
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string out;
  char buf[65536];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (!until_close && WholeResponse(out)) break;
  }
  ::close(fd);
  return out;
}

int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0) return -1;
  return std::atoi(response.c_str() + 9);
}

std::string BodyOf(const std::string& response) {
  size_t at = response.find("\r\n\r\n");
  return at == std::string::npos ? "" : response.substr(at + 4);
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

using ::witness::server::testing::Gunzip;

json Json(const httplib::Result& r) {
  if (!r) return json{{"transport_error", httplib::to_string(r.error())}};
  return json::parse(r->body, nullptr, false);
}

ServerOptions ReadOnlyOptions() {
  ServerOptions o;
  o.db = server::testing::SampleDb();
  o.threads = 8;
  return o;
}

std::string Article(const std::string& id, const std::string& date, const std::string& text) {
  return json{{"id", id},
              {"source", "test-outlet"},
              {"title", "Test " + id},
              {"published", date},
              {"text", text}}
             .dump() +
         "\n";
}

TEST(ServerTest, StoriesPagingAndErrors) {
  Running s(ReadOnlyOptions());
  httplib::Client c = s.Client();
  httplib::Result all = c.Get("/api/stories?limit=500");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->status, 200);
  EXPECT_EQ(all->get_header_value("Content-Type"), "application/json; charset=utf-8");
  json list = Json(all);
  ASSERT_EQ(list["stories"].size(), 11u);
  json page = Json(c.Get("/api/stories?limit=5&offset=5"));
  ASSERT_EQ(page["stories"].size(), 5u);
  EXPECT_EQ(page["stories"][0], list["stories"][5]);
  EXPECT_TRUE(page["more"]);
  EXPECT_FALSE(Json(c.Get("/api/stories?limit=5&offset=10"))["more"]);
  json filtered = Json(c.Get("/api/stories?source=velmora-observer&since=2025-03-13&q=&min=1"));
  for (const json& st : filtered["stories"]) EXPECT_GE(st["last"].get<std::string>(), "2025-03-13");

  for (const char* bad :
       {"/api/stories?limit=0", "/api/stories?limit=501", "/api/stories?offset=-1",
        "/api/stories?limit=ten", "/api/stories?sinse=2025", "/api/stories?since=yesterday",
        "/api/stories?limit=1&limit=2", "/api/stories/s1?x=1"}) {
    httplib::Result r = c.Get(bad);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_TRUE(Json(r)["error"].is_string()) << bad << ": " << r->body;
  }
  httplib::Result missing = c.Get("/api/stories/s99999");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(Json(missing)["error"], "no story 's99999' (see `witness stories`)");
  EXPECT_EQ(c.Get("/api/articles/ffffffffffffffff")->status, 404);
  EXPECT_EQ(c.Get("/api/nothing")->status, 404);
  EXPECT_EQ(c.Get("/api/stories/s1/extra")->status, 404);
  EXPECT_EQ(c.Get("/nothing.js")->status, 404);
  EXPECT_EQ(Json(c.Get("/nothing.js"))["error"], "not found: /nothing.js");
}

TEST(ServerTest, StoryAndArticleDocuments) {
  Running s(ReadOnlyOptions());
  httplib::Client c = s.Client();
  json list = Json(c.Get("/api/stories?min=10"));
  ASSERT_EQ(list["stories"].size(), 1u);
  const std::string id = list["stories"][0]["id"];
  httplib::Result r = c.Get("/api/stories/" + id);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json story = Json(r);
  EXPECT_EQ(story["story"]["id"], id);
  EXPECT_EQ(story["members"].size(), 10u);
  for (const char* field : {"graph", "quotes", "figures"})
    EXPECT_TRUE(story[field].is_object()) << field;
  EXPECT_TRUE(story.contains("digest"));
  EXPECT_TRUE(story["digest"].is_object());
  EXPECT_FALSE(story["digest"]["brief"]["sentences"].empty());
  EXPECT_TRUE(story.contains("comparison"));
  const std::string article = story["members"][0]["article"];
  json a = Json(c.Get("/api/articles/" + article));
  EXPECT_EQ(a["id"], article);
  EXPECT_EQ(a["story"]["id"], id);
  for (const char* field :
       {"text", "paragraphs", "boilerplate", "reading", "relations", "likely_source"}) {
    EXPECT_TRUE(a.contains(field)) << field;
  }
  // An alias or a live id, the same story; HEAD gives the headers only.
  httplib::Result head = c.Head("/api/stories/" + id);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->get_header_value("ETag"), r->get_header_value("ETag"));
}

TEST(ServerTest, EtagsAndGzip) {
  Running s(ReadOnlyOptions());
  httplib::Client c = s.Client();
  const std::string id = Json(c.Get("/api/stories?min=10"))["stories"][0]["id"];
  httplib::Result plain = c.Get("/api/stories/" + id);
  const std::string etag = plain->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  httplib::Result again = c.Get("/api/stories/" + id, {{"If-None-Match", etag}});
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  std::string raw = Raw(s.port(), "GET /api/stories/" + id +
                                      " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\n"
                                      "Connection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(raw), 200);
  EXPECT_NE(raw.find("Content-Encoding: gzip"), std::string::npos);
  EXPECT_EQ(Gunzip(BodyOf(raw)), plain->body);
  // Static files too, and never compressed twice.
  std::string page = Raw(s.port(),
                         "GET / HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip, "
                         "br\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(page), 200);
  std::string html = page.find("Content-Encoding: gzip") != std::string::npos ? Gunzip(BodyOf(page))
                                                                              : BodyOf(page);
  EXPECT_NE(html.find("<main id=\"view\""), std::string::npos);
  EXPECT_NE(page.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
}

TEST(ServerTest, MethodsAndMalformedRequests) {
  Running s(ReadOnlyOptions());
  httplib::Client c = s.Client();
  httplib::Result post = c.Post("/api/stories", "{}", "application/json");
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(c.Delete("/api/stories/s1")->status, 405);
  EXPECT_EQ(c.Put("/", "x", "text/plain")->status, 405);
  EXPECT_EQ(c.Patch("/api/nothing", "x", "text/plain")->status, 404);
  httplib::Result get_ingest = c.Get("/api/ingest");
  EXPECT_EQ(get_ingest->status, 405);
  EXPECT_EQ(get_ingest->get_header_value("Allow"), "POST, OPTIONS");
  httplib::Result options = c.Options("/api/stories");
  EXPECT_EQ(options->status, 204);
  EXPECT_EQ(options->get_header_value("Allow"), "GET, HEAD, OPTIONS");

  EXPECT_EQ(
      StatusOf(Raw(s.port(), "TRACE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")),
      405);
  EXPECT_EQ(StatusOf(Raw(s.port(), "BREW /pot HTTP/1.1\r\n\r\n")), 400);
  EXPECT_EQ(StatusOf(Raw(s.port(), "garbage\r\n\r\n")), 400);
  EXPECT_EQ(StatusOf(Raw(s.port(), "GET / HTTP/9.9\r\n\r\n")), 400);
  EXPECT_EQ(StatusOf(Raw(s.port(), "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n")), 414);
  EXPECT_EQ(StatusOf(Raw(s.port(), "GET / HTTP/1.1\r\nHost: localhost\r\nX: " +
                                       std::string(9000, 'b') + "\r\n\r\n")),
            400);
  std::string with_body = Raw(
      s.port(), "GET /api/stories HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_EQ(StatusOf(with_body), 400);
  EXPECT_NE(with_body.find("Connection: close"), std::string::npos);
  // Error bodies are JSON, and a request that cannot be parsed ends its connection (what
  // follows it cannot be trusted to start a request).
  auto start = std::chrono::steady_clock::now();
  std::string garbage = Raw(s.port(), "garbage\r\n\r\nGET / HTTP/1.1\r\n\r\n", 5000, true);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
  EXPECT_EQ(StatusOf(garbage), 400);
  EXPECT_EQ(garbage.find("HTTP/1.1 ", 9), std::string::npos) << garbage;
  EXPECT_TRUE(json::parse(BodyOf(garbage), nullptr, false).contains("error")) << garbage;
}

TEST(ServerTest, PathTraversalNeverLeavesTheAssets) {
  store::testing::TempDir dir;
  namespace fs = std::filesystem;
  fs::create_directories(dir.File("web"));
  store::testing::WriteFileBytes(dir.File("web/index.html"), "<main id=\"view\">dev copy</main>");
  store::testing::WriteFileBytes(dir.File("secret.txt"), "TOP-SECRET");
  fs::create_symlink(dir.File("secret.txt"), dir.File("web/link.txt"));
  for (bool embedded : {true, false}) {
    ServerOptions o = ReadOnlyOptions();
    if (!embedded) o.assets_dir = dir.File("web");
    Running s(o);
    for (const std::string& path : {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
                                    "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..\\secret.txt",
                                    "/./index.html", "/api/../index.html", "/%00index.html"}) {
      std::string r = Raw(
          s.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      EXPECT_EQ(StatusOf(r), 400) << path << (embedded ? " (embedded)" : " (folder)");
      EXPECT_EQ(r.find("TOP-SECRET"), std::string::npos);
      EXPECT_EQ(r.find("root:"), std::string::npos);
    }
    for (const std::string& path :
         {"/link.txt", "/%252e%252e/secret.txt", "//etc/passwd", "/etc/passwd"}) {
      std::string r = Raw(
          s.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      EXPECT_EQ(StatusOf(r), 404) << path << (embedded ? " (embedded)" : " (folder)");
      EXPECT_EQ(r.find("TOP-SECRET"), std::string::npos);
    }
    std::string index =
        BodyOf(Raw(s.port(), "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    EXPECT_EQ(index.find("dev copy") != std::string::npos, !embedded);
  }
}

TEST(ServerTest, ForeignHostHeadersAreRefused) {
  Running s(ReadOnlyOptions());
  std::string r = Raw(
      s.port(), "GET /api/stories HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(StatusOf(r), 403);
  EXPECT_EQ(StatusOf(Raw(
                s.port(),
                "GET /api/health HTTP/1.1\r\nHost: localhost:1234\r\nConnection: close\r\n\r\n")),
            200);
  EXPECT_EQ(StatusOf(Raw(s.port(),
                         "GET /api/health HTTP/1.1\r\nHost: [::1]:1\r\nConnection: close\r\n\r\n")),
            200);
}

TEST(ServerTest, SlowClientsAreDroppedAndOthersServed) {
  ServerOptions o = ReadOnlyOptions();
  o.read_timeout_ms = 300;
  o.threads = 4;
  Running s(o);
  auto start = std::chrono::steady_clock::now();
  std::atomic<bool> others_ok{true};
  // Meanwhile, ordinary requests are answered.
  std::thread other([&] {
    httplib::Client c = s.Client();
    for (int i = 0; i < 5; ++i) {
      httplib::Result r = c.Get("/api/health");
      if (!r || r->status != 200) others_ok = false;
    }
  });
  // Half a request line, then silence: the server hangs up after the read timeout.
  std::string r = Raw(s.port(), "GET /api/stor", 10000, /*until_close=*/true);
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  other.join();
  EXPECT_TRUE(others_ok);
  EXPECT_LT(waited, 3.0);
  EXPECT_GE(waited, 0.25);
  // A declared body that is not read (ingest is off here) is answered at once; the connection
  // closes at the latest when the keep-alive timeout (5 s) passes without a new request.
  start = std::chrono::steady_clock::now();
  std::string partial =
      Raw(s.port(), "POST /api/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{",
          10000, true);
  EXPECT_EQ(StatusOf(partial), 403);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 8.0);
}

TEST(ServerTest, DripFeedingClientsAreCutOff) {
  ServerOptions o = ReadOnlyOptions();
  o.read_timeout_ms = 500;
  o.min_request_bytes_per_s = 1000;
  Running s(o);
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(s.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string head = "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Pad: ";
  ASSERT_EQ(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  // One byte every 200 ms: every read is well within the read timeout, but the request as a
  // whole crawls. Without a rate rule this would hold a worker for 8 KiB x 200 ms = 27 min.
  auto start = std::chrono::steady_clock::now();
  bool closed = false;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(8)) {
    if (::send(fd, "a", 1, MSG_NOSIGNAL) != 1) {
      closed = true;
      break;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 200) > 0) {
      char buf[256];
      if (::recv(fd, buf, sizeof buf, 0) <= 0) {
        closed = true;
        break;
      }
    }
  }
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ::close(fd);
  EXPECT_TRUE(closed);
  EXPECT_LT(waited, 3.0);
}

TEST(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Running s(ReadOnlyOptions());
  std::string two = Raw(s.port(),
                        "GET /api/stories?limit=1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        "GET /api/nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                        5000, /*until_close=*/true);
  size_t second = two.find("HTTP/1.1 ", 9);
  ASSERT_NE(second, std::string::npos) << two;
  EXPECT_EQ(StatusOf(two), 200);
  EXPECT_EQ(StatusOf(two.substr(second)), 404);
  // A refused body is not read as the next request: the connection closes after the answer.
  auto start = std::chrono::steady_clock::now();
  std::string refused = Raw(s.port(),
                            "POST /api/stories HTTP/1.1\r\nHost: localhost\r\nContent-Length: 30\r\n\r\n"
                            "GET /api/health HTTP/1.1\r\n\r\n",
                            5000, true);
  EXPECT_EQ(StatusOf(refused), 405);
  EXPECT_EQ(refused.find("HTTP/1.1 ", 9), std::string::npos) << refused;
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 2.0);
}

TEST(ServerTest, IngestIsOffWithoutAToken) {
  Running s(ReadOnlyOptions());
  httplib::Client c = s.Client();
  httplib::Result r =
      c.Post("/api/ingest", Article("x1", "2025-03-20", "Some text here."), "application/x-ndjson");
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(Json(r)["error"].get<std::string>().find("ingest is off"), std::string::npos);
  EXPECT_FALSE(Json(c.Get("/api/health"))["ingest"]);
}

TEST(ServerTest, IngestWithATokenUpdatesWhatIsServed) {
  store::testing::TempDir dir;
  const std::string db = dir.File("w.db");
  server::testing::IngestInto(db, {std::string(WITNESS_SOURCE_DIR) + "/examples/corpus"});
  ServerOptions o;
  o.db = db;
  o.token = kToken;
  o.max_body_bytes = 64 << 10;
  o.threads = 8;
  Running s(o);
  httplib::Client c = s.Client();
  const uint64_t before = Json(c.Get("/api/health"))["articles"];
  const std::string strike = Json(c.Get("/api/stories?min=10"))["stories"][0]["id"];
  httplib::Result first = c.Get("/api/stories/" + strike);
  const std::string etag = first->get_header_value("ETag");

  const std::string body = Article("t1", "2025-03-20",
                                   "Velmora's new ferry terminal opened on Thursday. The terminal "
                                   "cost 40 million crowns, the city said.") +
                           "{broken\n" +
                           Article("t2", "2025-03-20",
                                   "The Velmora ferry terminal opened on Thursday at a cost of 40 "
                                   "million crowns, city officials said.");
  httplib::Result none = c.Post("/api/ingest", body, "application/x-ndjson");
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer realm=\"witness\"");
  httplib::Headers wrong = {{"Authorization", std::string("Bearer ") + kToken + "x"}};
  EXPECT_EQ(c.Post("/api/ingest", wrong, body, "application/x-ndjson")->status, 401);
  httplib::Headers auth = {{"Authorization", std::string("Bearer ") + kToken}};
  httplib::Result ok = c.Post("/api/ingest", auth, body, "application/x-ndjson");
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->status, 200) << ok->body;
  json report = Json(ok);
  EXPECT_EQ(report["added"], 2);
  EXPECT_EQ(report["rejected"], 1);
  EXPECT_EQ(report["errors"][0]["line"], 2);
  EXPECT_EQ(Json(c.Get("/api/health"))["articles"], before + 2);
  // What is served now includes them (the cache followed the database)...
  json latest = Json(c.Get("/api/stories?limit=1"));
  EXPECT_EQ(latest["stories"][0]["last"].get<std::string>().substr(0, 10), "2025-03-20");
  json t1 = Json(c.Get("/api/articles/t1"));
  EXPECT_EQ(t1["source"], "test-outlet");
  EXPECT_EQ(t1["story"]["id"], Json(c.Get("/api/articles/t2"))["story"]["id"]);
  // ...and the strike story, which did not change, was revalidated, not rebuilt.
  httplib::Result second = c.Get("/api/stories/" + strike);
  EXPECT_EQ(second->get_header_value("ETag"), etag);
  EXPECT_GE(Json(c.Get("/api/health"))["cache"]["revalidated"].get<int>(), 1);

  // Re-sending changes nothing; gzip bodies are read; bad bodies are refused.
  json again = Json(c.Post("/api/ingest", auth, body, "application/x-ndjson"));
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["unchanged"], 2);
  httplib::Headers gz = auth;
  gz.emplace("Content-Encoding", "gzip");
  httplib::Result zipped = c.Post(
      "/api/ingest", gz,
      Gzip(Article("t3", "2025-03-21", "A quiet day in the harbour, the port authority said.")),
      "application/x-ndjson");
  ASSERT_EQ(zipped->status, 200) << zipped->body;
  EXPECT_EQ(Json(zipped)["added"], 1);
  const std::string array =
      "[" + Article("t4", "2025-03-22", "Ferry services resumed across the estuary on Saturday.") +
      "," + Article("t5", "2025-03-22", "The tram line carried its first passengers at dawn.") +
      "]";
  httplib::Result document = c.Post("/api/ingest", auth, array, "application/json");
  ASSERT_EQ(document->status, 200) << document->body;
  EXPECT_EQ(Json(document)["added"], 2);
  EXPECT_EQ(c.Post("/api/ingest", auth, "", "application/x-ndjson")->status, 400);
  EXPECT_EQ(c.Post("/api/ingest", auth, "plain words", "text/plain")->status, 415);
  httplib::Result only_bad = c.Post("/api/ingest", auth, "{nope}\n", "application/x-ndjson");
  EXPECT_EQ(only_bad->status, 400);
  EXPECT_EQ(Json(only_bad)["rejected"], 1);
  EXPECT_EQ(c.Post("/api/ingest?x=1", auth, body, "application/x-ndjson")->status, 400);

  // Too large: by Content-Length (refused before reading), chunked, and after gzip decoding.
  const std::string big(100 << 10, ' ');
  EXPECT_EQ(c.Post("/api/ingest", auth, "{" + big + "}", "application/x-ndjson")->status, 413);
  std::string chunked = "POST /api/ingest HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                        std::string(kToken) + "\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 20; ++i) chunked += "2000\r\n" + std::string(0x2000, ' ') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(StatusOf(Raw(s.port(), chunked, 2000)), 413);
  httplib::Result bomb = c.Post("/api/ingest", gz, Gzip("{" + std::string(1 << 20, ' ') + "}"),
                                "application/x-ndjson");
  EXPECT_EQ(bomb->status, 413);
  // Expect: 100-continue is answered before the body is sent.
  std::string expect = Raw(s.port(),
                           "POST /api/ingest HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
                           "10\r\nExpect: 100-continue\r\n\r\n",
                           2000);
  EXPECT_EQ(StatusOf(expect), 401);
  EXPECT_EQ(Json(c.Get("/api/health"))["articles"], before + 5);
}

TEST(ServerTest, ReadersWhileAnotherProcessWrites) {
  store::testing::TempDir dir;
  const std::string db = dir.File("w.db");
  const std::string corpus = std::string(WITNESS_SOURCE_DIR) + "/examples/corpus";
  server::testing::IngestInto(db, {corpus + "/lodestar-wire", corpus + "/coastwatch-daily"});
  ServerOptions o;
  o.db = db;
  o.threads = 8;
  Running s(o);
  const uint64_t gen0 = Json(s.Client().Get("/api/health"))["generation"];
  std::atomic<bool> done{false};
  std::atomic<int> bad{0}, served{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      httplib::Client c = s.Client();
      while (!done) {
        httplib::Result list = c.Get("/api/stories?limit=3");
        if (!list || list->status != 200) {
          ++bad;
          continue;
        }
        json j = json::parse(list->body, nullptr, false);
        if (j.is_discarded() || j["stories"].empty()) {
          ++bad;
          continue;
        }
        httplib::Result story = c.Get("/api/stories/" + j["stories"][0]["id"].get<std::string>());
        // A story may merge away between the two requests (404); never anything else.
        if (!story || (story->status != 200 && story->status != 404)) ++bad;
        ++served;
      }
    });
  }
  server::testing::IngestInto(db, {corpus});  // the rest of the corpus, from "another process"
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(served.load(), 0);
  json health = Json(s.Client().Get("/api/health"));
  EXPECT_GT(health["generation"].get<uint64_t>(), gen0);
  EXPECT_EQ(health["articles"], 30);
  // What is served is what the database now holds.
  std::unique_ptr<Store> direct = server::testing::OpenReadOnly(db);
  EXPECT_EQ(Json(s.Client().Get("/api/stories"))["total"], *direct->CountStories());
  EXPECT_EQ(health["stories"], *direct->CountStories());
}

TEST(ServerTest, CreateRefusesBadSetups) {
  ServerOptions o;
  o.db = "/nonexistent/dir/w.db";
  StatusOr<std::unique_ptr<Server>> s = Server::Create(o);
  EXPECT_FALSE(s.ok());
  o.db = server::testing::SampleDb();
  o.threads = 0;
  EXPECT_EQ(Server::Create(o).status().code(), Status::Code::kInvalidArgument);
  o.threads = 4;
  o.port = 0;
  StatusOr<std::unique_ptr<Server>> first = Server::Create(o);
  ASSERT_TRUE(first.ok());
  o.port = (*first)->port();
  StatusOr<std::unique_ptr<Server>> second = Server::Create(o);  // the port is taken
  EXPECT_EQ(second.status().code(), Status::Code::kIoError);
  (*first)->Stop();  // never run: Stop and destruction still work
}

}  // namespace
}  // namespace witness
