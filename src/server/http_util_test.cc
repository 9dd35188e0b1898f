#include "server/http_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/test_util.h"

namespace witness::server {
namespace {

TEST(HttpUtilTest, LoopbackAddresses) {
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackAddress("127.1.2.3"));
  EXPECT_TRUE(IsLoopbackAddress("localhost"));
  EXPECT_TRUE(IsLoopbackAddress("::1"));
  EXPECT_FALSE(IsLoopbackAddress("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackAddress("::"));
  EXPECT_FALSE(IsLoopbackAddress("192.168.1.10"));
  EXPECT_FALSE(IsLoopbackAddress("127.0.0.1.evil.com"));
  EXPECT_FALSE(IsLoopbackAddress("1270.0.0.1"));
}

TEST(HttpUtilTest, HostHeaderGuardsAgainstRebinding) {
  EXPECT_TRUE(HostHeaderAllowed(""));
  EXPECT_TRUE(HostHeaderAllowed("127.0.0.1:8080"));
  EXPECT_TRUE(HostHeaderAllowed("localhost"));
  EXPECT_TRUE(HostHeaderAllowed("LOCALHOST:1"));
  EXPECT_TRUE(HostHeaderAllowed("app.localhost:8080"));
  EXPECT_TRUE(HostHeaderAllowed("[::1]:8080"));
  EXPECT_FALSE(HostHeaderAllowed("evil.example:8080"));
  EXPECT_FALSE(HostHeaderAllowed("localhost.evil.example"));
  EXPECT_FALSE(HostHeaderAllowed("127.0.0.1.nip.io"));
  EXPECT_FALSE(HostHeaderAllowed("[::1"));
  EXPECT_FALSE(HostHeaderAllowed("[::1]x"));
  EXPECT_FALSE(HostHeaderAllowed("10.0.0.1"));
}

TEST(HttpUtilTest, RequestPaths) {
  EXPECT_TRUE(CheckRequestPath("/").ok());
  EXPECT_TRUE(CheckRequestPath("/api/stories/s1").ok());
  EXPECT_TRUE(CheckRequestPath("/a..b/c.js").ok());  // dots inside a name are fine
  EXPECT_TRUE(CheckRequestPath("/%2e%2e/x").ok());   // still encoded once decoded: a name
  for (const char* bad :
       {"", "api", "/..", "/../etc/passwd", "/a/../../b", "/./a", "/a/.", "/a\\..\\b", "/a\nb"}) {
    EXPECT_EQ(CheckRequestPath(bad).code(), Status::Code::kInvalidArgument) << bad;
  }
  EXPECT_FALSE(CheckRequestPath(std::string_view("/a\0b", 4)).ok());
}

TEST(HttpUtilTest, BearerTokens) {
  const std::string token = "0123456789abcdef";
  EXPECT_TRUE(BearerMatches("Bearer 0123456789abcdef", token));
  EXPECT_TRUE(BearerMatches("bearer   0123456789abcdef  ", token));
  EXPECT_FALSE(BearerMatches("Bearer 0123456789abcdeF", token));
  EXPECT_FALSE(BearerMatches("Bearer 0123456789abcde", token));
  EXPECT_FALSE(BearerMatches("Bearer 0123456789abcdef0", token));
  EXPECT_FALSE(BearerMatches("Basic 0123456789abcdef", token));
  EXPECT_FALSE(BearerMatches("0123456789abcdef", token));
  EXPECT_FALSE(BearerMatches("", token));
  EXPECT_FALSE(BearerMatches("Bearer ", ""));  // no token configured: nothing matches
}

TEST(HttpUtilTest, Counts) {
  EXPECT_EQ(*ParseCount("limit", "10", 1, 500), 10u);
  EXPECT_EQ(*ParseCount("offset", "0", 0, 10), 0u);
  for (const char* bad : {"", "-1", "0", "501", "1e3", "ten", "12345678901234567890123", " 5"}) {
    StatusOr<uint64_t> n = ParseCount("limit", bad, 1, 500);
    ASSERT_FALSE(n.ok()) << bad;
    EXPECT_NE(n.status().message().find("'limit'"), std::string::npos);
  }
}

TEST(HttpUtilTest, StatusCodes) {
  EXPECT_EQ(HttpStatusFor(Status::NotFound("x")), 404);
  EXPECT_EQ(HttpStatusFor(Status::InvalidArgument("x")), 400);
  EXPECT_EQ(HttpStatusFor(Status::IoError("w.db: get story: database is locked")), 503);
  EXPECT_EQ(HttpStatusFor(Status::IoError("w.db: disk I/O error")), 500);
  EXPECT_EQ(HttpStatusFor(Status::Corruption("x")), 500);
  EXPECT_EQ(ErrorJson("bad \"thing\""), R"({"error":"bad \"thing\""})");
  EXPECT_EQ(ErrorJson("\xff"), "{\"error\":\"\xef\xbf\xbd\"}");  // never invalid JSON
}

TEST(HttpUtilTest, AcceptEncoding) {
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip;q=0.8"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0.000, *"));  // gzip named and refused: * does not count
  EXPECT_FALSE(AcceptsGzip("br"));
}

TEST(HttpUtilTest, Etags) {
  EXPECT_TRUE(EtagMatches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(EtagMatches("\"x\", \"abc\"", "\"abc\""));
  EXPECT_TRUE(EtagMatches("W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(EtagMatches("*", "\"abc\""));
  EXPECT_FALSE(EtagMatches("\"abd\"", "\"abc\""));
  EXPECT_FALSE(EtagMatches("", "\"abc\""));
}

TEST(HttpUtilTest, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("/app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("/style.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("/favicon.svg"), "image/svg+xml");
  EXPECT_EQ(ContentTypeFor("/x"), "application/octet-stream");
}

TEST(HttpUtilTest, AssetPathsStayInsideTheirFolder) {
  store::testing::TempDir dir;
  namespace fs = std::filesystem;
  fs::create_directories(dir.File("web/js"));
  store::testing::WriteFileBytes(dir.File("web/index.html"), "<p>hi</p>");
  store::testing::WriteFileBytes(dir.File("web/js/app.js"), "1");
  store::testing::WriteFileBytes(dir.File("web/.secret"), "no");
  store::testing::WriteFileBytes(dir.File("outside.txt"), "secret");
  fs::create_symlink(dir.File("outside.txt"), dir.File("web/link.txt"));
  fs::create_symlink(dir.path(), dir.File("web/up"));
  const std::string root = fs::canonical(dir.File("web")).string();

  EXPECT_EQ(*ResolveAssetPath(root, "/"), root + "/index.html");
  EXPECT_EQ(*ResolveAssetPath(root, "/index.html"), root + "/index.html");
  EXPECT_EQ(*ResolveAssetPath(root, "/js/app.js"), root + "/js/app.js");
  EXPECT_EQ(ResolveAssetPath(root, "/../outside.txt").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(ResolveAssetPath(root, "/js/../../outside.txt").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(ResolveAssetPath(root, "/js\\..\\..\\outside.txt").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(ResolveAssetPath(root, "/link.txt").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ResolveAssetPath(root, "/up/outside.txt").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ResolveAssetPath(root, "/.secret").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ResolveAssetPath(root, "/js").status().code(), Status::Code::kNotFound);  // a folder
  EXPECT_EQ(ResolveAssetPath(root, "/missing.js").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(ResolveAssetPath(root, "//etc/passwd").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace witness::server
