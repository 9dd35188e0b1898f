#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ingest/testing_sink.h"
#include "witness/ingest.h"

namespace witness {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using witness::testing::CollectingSink;

std::string ReadAll(ByteStream* s) {
  std::string out;
  char buf[7];
  while (true) {
    StatusOr<size_t> r = s->Read(buf, sizeof(buf));
    EXPECT_TRUE(r.ok());
    if (!r.ok() || *r == 0) return out;
    out.append(buf, *r);
  }
}

TEST(MemEnvTest, ListsFoldersSortedWithoutHiddenEntries) {
  MemEnv env;
  env.AddFile("c/b.txt", "b");
  env.AddFile("c/a/z.txt", "z");
  env.AddFile("c/a-c.txt", "ac");
  env.AddFile("c/.hidden.txt", "h");
  env.AddFile("c/.git/config", "g");
  env.AddFile("c/sub/.x/y.txt", "y");
  env.AddFile("cc/other.txt", "o");
  StatusOr<std::vector<std::string>> files = env.ListFiles("c");
  ASSERT_TRUE(files.ok());
  // Folder by folder: "a/" sorts before "a-c" because a name ends at '/'.
  EXPECT_THAT(*files, ElementsAre("c/a/z.txt", "c/a-c.txt", "c/b.txt"));
  EXPECT_EQ(*env.ListFiles("c/"), *files);
  EXPECT_THAT(*env.ListFiles("c/b.txt"), ElementsAre("c/b.txt"));
  EXPECT_THAT(*env.ListFiles("c/.hidden.txt"), ElementsAre("c/.hidden.txt"));  // named: read
  StatusOr<std::vector<std::string>> missing = env.ListFiles("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(missing.status().message(), "nope: no such file or folder");
  StatusOr<std::vector<std::string>> only_hidden = env.ListFiles("c/sub");
  ASSERT_TRUE(only_hidden.ok());
  EXPECT_TRUE(only_hidden->empty());
}

TEST(MemEnvTest, OpenReadsContents) {
  MemEnv env;
  env.AddFile("a.txt", "hello world");
  StatusOr<std::unique_ptr<ByteStream>> s = env.Open("a.txt");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(ReadAll(s->get()), "hello world");
  EXPECT_EQ(env.Open("b.txt").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(env.ParentFolderName("x/daily-planet/a.txt"), "daily-planet");
  EXPECT_EQ(env.ParentFolderName("a.txt"), "");
}

class PosixEnvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/witness-ingest-env-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    root_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::permissions(root_ + "/locked", std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(root_, ec);
  }
  void Write(const std::string& rel, const std::string& contents) {
    const std::filesystem::path p = std::filesystem::path(root_) / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
  }
  std::string root_;
};

TEST_F(PosixEnvTest, ListsRecursivelySortedSkippingHiddenAndLoops) {
  Write("daily-planet/b.txt", "b");
  Write("daily-planet/a/z.txt", "z");
  Write("daily-planet/a-c.txt", "ac");
  Write("daily-planet/.hidden", "h");
  Write("daily-planet/.git/config", "g");
  std::filesystem::create_directory_symlink("..", root_ + "/daily-planet/a/loop");
  std::filesystem::create_symlink(root_ + "/daily-planet/b.txt",
                                  root_ + "/daily-planet/c-link.txt");
  std::filesystem::create_symlink(root_ + "/nowhere", root_ + "/daily-planet/d-dangling.txt");
  Env* env = Env::Default();
  StatusOr<std::vector<std::string>> files = env->ListFiles(root_ + "/daily-planet");
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  const std::string d = root_ + "/daily-planet/";
  EXPECT_THAT(*files, ElementsAre(d + "a/z.txt", d + "a-c.txt", d + "b.txt", d + "c-link.txt",
                                  d + "d-dangling.txt"));
  // The dangling link is listed; opening it says why it cannot be read.
  StatusOr<std::unique_ptr<ByteStream>> dangling = env->Open(d + "d-dangling.txt");
  ASSERT_FALSE(dangling.ok());
  EXPECT_EQ(dangling.status().message(), d + "d-dangling.txt: no such file or folder");
  StatusOr<std::unique_ptr<ByteStream>> link = env->Open(d + "c-link.txt");
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(ReadAll(link->get()), "b");
}

TEST_F(PosixEnvTest, MissingPathsAndFolderNames) {
  Env* env = Env::Default();
  StatusOr<std::vector<std::string>> missing = env->ListFiles(root_ + "/missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(missing.status().message(), root_ + "/missing: no such file or folder");
  Write("f.txt", "x");
  StatusOr<std::vector<std::string>> through_file = env->ListFiles(root_ + "/f.txt/x");
  ASSERT_FALSE(through_file.ok());
  EXPECT_EQ(through_file.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(env->ParentFolderName(root_ + "/daily-planet/a.txt"), "daily-planet");
  EXPECT_EQ(env->ParentFolderName("-"), "");
  // A bare name is resolved against the working folder.
  const std::filesystem::path cwd = std::filesystem::current_path();
  EXPECT_EQ(env->ParentFolderName("a.txt"), cwd.filename().string());
  EXPECT_EQ(env->ParentFolderName("./a.txt"), cwd.filename().string());
}

TEST_F(PosixEnvTest, UnreadablePathsAreRejectedOnceEach) {
  Write("ok/a.txt", "Readable text.");
  CollectingSink sink;
  ReadInputs(Env::Default(), {root_ + "/ok", root_ + "/missing.txt", root_ + "/ok/a.txt"}, {},
             &sink);
  ASSERT_EQ(sink.accepted.size(), 2u);
  EXPECT_EQ(sink.accepted[0].source, "ok");
  EXPECT_EQ(sink.accepted[0].origin, root_ + "/ok/a.txt");
  EXPECT_EQ(sink.accepted[0].id, sink.accepted[1].id);  // same file, same id
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_EQ(sink.rejected[0].message(), root_ + "/missing.txt: no such file or folder");

  // A socket is a path that exists but cannot be opened for reading, even by root.
  const std::string socket_path = root_ + "/sock";
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", socket_path.c_str());
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  CollectingSink sock_sink;
  ReadInputs(Env::Default(), {socket_path}, {}, &sock_sink);
  ::close(fd);
  ASSERT_EQ(sock_sink.rejected.size(), 1u);
  EXPECT_TRUE(sock_sink.accepted.empty());
  EXPECT_EQ(sock_sink.rejected[0].code(), Status::Code::kIoError);
  EXPECT_THAT(sock_sink.rejected[0].message(),
              ::testing::StartsWith(socket_path + ": cannot open: "));

}

TEST_F(PosixEnvTest, FoldersWithoutPermissionAreRejected) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permission bits do not stop reads";
  Write("locked/secret.txt", "x");
  Write("dir/inner/x.txt", "x");
  Write("dir/y.txt", "Text.");
  ::chmod((root_ + "/locked").c_str(), 0);
  ::chmod((root_ + "/dir/inner").c_str(), 0);
  CollectingSink sink2;
  ReadInputs(Env::Default(), {root_ + "/locked", root_ + "/dir"}, {}, &sink2);
  ::chmod((root_ + "/dir/inner").c_str(), 0755);
  ASSERT_EQ(sink2.rejected.size(), 2u);
  EXPECT_EQ(sink2.rejected[0].code(), Status::Code::kIoError);
  EXPECT_THAT(sink2.rejected[0].message(), HasSubstr(root_ + "/locked: "));
  EXPECT_THAT(sink2.rejected[0].message(), HasSubstr("permission denied"));
  EXPECT_THAT(sink2.rejected[1].message(), HasSubstr(root_ + "/dir/inner: "));
  ASSERT_EQ(sink2.accepted.size(), 1u);
}

TEST_F(PosixEnvTest, DashReadsStandardInput) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string feed = "{\"text\": \"From stdin.\"}\nnot json\n";
  ASSERT_EQ(::write(fds[1], feed.data(), feed.size()), static_cast<ssize_t>(feed.size()));
  ::close(fds[1]);
  const int saved = ::dup(STDIN_FILENO);
  ASSERT_GE(saved, 0);
  ASSERT_GE(::dup2(fds[0], STDIN_FILENO), 0);
  ::close(fds[0]);
  CollectingSink sink;
  ReadInputs(Env::Default(), {"-"}, {}, &sink);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ASSERT_EQ(sink.accepted.size(), 1u);
  EXPECT_EQ(sink.accepted[0].origin, "-:1");
  EXPECT_EQ(sink.accepted[0].source, "unknown");
  EXPECT_EQ(sink.accepted[0].text, "From stdin.");
  ASSERT_EQ(sink.rejected.size(), 1u);
  EXPECT_THAT(sink.rejected[0].message(), ::testing::StartsWith("-:2: invalid JSON"));
}

TEST_F(PosixEnvTest, RealFilesOfEveryKind) {
  Write("feed/news.jsonl",
        "{\"text\": \"One.\", \"url\": \"https://www.ft.com/a\"}\nbad\n\n"
        "{\"text\": \"Two.\"}\n");
  Write("feed/page.html", "<!doctype html><title>T</title><p>Hi</p>");
  Write("feed/story.txt", "Headline here\n\nBody of the story.");
  Write("feed/empty.txt", "");
  std::ofstream(root_ + "/feed/compressed.txt.gz", std::ios::binary)
      << witness::testing::Gzip("Compressed body.");
  CollectingSink sink;
  ReadInputs(Env::Default(), {root_ + "/feed"}, {}, &sink);
  ASSERT_EQ(sink.accepted.size(), 5u);
  EXPECT_EQ(sink.accepted[0].text, "Compressed body.");
  EXPECT_EQ(sink.accepted[1].source, "ft.com");
  EXPECT_EQ(sink.accepted[1].origin, root_ + "/feed/news.jsonl:1");
  EXPECT_EQ(sink.accepted[2].origin, root_ + "/feed/news.jsonl:4");
  EXPECT_EQ(sink.accepted[2].source, "feed");
  EXPECT_EQ(sink.accepted[3].content_type, ContentType::kHtml);
  EXPECT_EQ(sink.accepted[4].title, "Headline here");
  ASSERT_EQ(sink.rejected.size(), 2u);
  EXPECT_EQ(sink.rejected[0].message(), root_ + "/feed/empty.txt: empty file");
  EXPECT_THAT(sink.rejected[1].message(), HasSubstr(root_ + "/feed/news.jsonl:2: invalid JSON"));
  EXPECT_GT(sink.progress_calls, 0);
}

}  // namespace
}  // namespace witness
