// `witness compare`: what each article of a story says and where they part. Files are read
// the way `witness ingest` reads them (plain text with its title and date lines, HTML, JSON
// Lines; gzip/zstd), prepared the same way (extraction, boilerplate cleaning), and compared
// without a database; other targets are article ids (or unique prefixes) in the database.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/targets.h"
#include "witness/cli.h"
#include "witness/compare.h"
#include "witness/ingest.h"
#include "witness/pipeline.h"
#include "witness/store.h"

namespace witness::cli {

namespace {

// Collects the articles of one input, reporting rejections and warnings on stderr.
class CollectSink : public ArticleSink {
 public:
  explicit CollectSink(int* rc) : rc_(rc) {}
  void Accept(Article article) override { articles.push_back(std::move(article)); }
  void Reject(const Status& why) override {
    std::fprintf(stderr, "witness: rejected %s\n", why.message().c_str());
    *rc_ = kSomeRejected;
  }
  void Warn(const std::string& message) override {
    std::fprintf(stderr, "witness: warning: %s\n", message.c_str());
  }
  std::vector<Article> articles;

 private:
  int* rc_;
};

// Reads a file, a folder or "-" as ingest does, and prepares each article as ingest would
// store it. An article read from a file of its own is named by the file's path.
void ReadFileTargets(const std::string& path, int* rc, std::vector<Article>* out) {
  CollectSink sink(rc);
  ReadInputs(Env::Default(), {path}, IngestOptions{}, &sink);
  const PipelineOptions options;
  for (Article& a : sink.articles) {
    const Status prepared = PrepareArticle(&a, nullptr, options);
    if (!prepared.ok()) {
      std::fprintf(stderr, "witness: rejected %s\n", prepared.message().c_str());
      *rc = kSomeRejected;
      continue;
    }
    std::error_code ec;
    if (!a.origin.empty() && (a.origin == "-" || std::filesystem::is_regular_file(a.origin, ec))) {
      a.id = a.origin;
    }
    out->push_back(std::move(a));
  }
}

}  // namespace

int CompareArticles(const GlobalFlags& g, const std::vector<Article>& articles, int rc) {
  if (articles.empty()) {
    std::fprintf(stderr, "witness: compare: no article to compare\n");
    return rc == kOk ? kSomeRejected : rc;
  }
  const compare::StoryComparison c = compare::CompareStory(articles);
  if (g.json) {
    std::string doc = compare::ComparisonToJson(c, -1);
    PrintJson(nlohmann::json::parse(doc));
  } else {
    std::fputs(compare::ComparisonToText(c, TerminalWidth()).c_str(), stdout);
  }
  return rc;
}

int RunCompare(const GlobalFlags& g, const CompareFlags& f) {
  int rc = kOk;
  std::vector<Article> articles;
  std::unique_ptr<Store> store;
  for (const std::string& name : f.targets) {
    std::error_code ec;
    if (name == "-" || std::filesystem::is_regular_file(name, ec) ||
        std::filesystem::is_directory(name, ec)) {
      ReadFileTargets(name, &rc, &articles);
      continue;
    }
    Store* db = OpenLookupStore(g, name, &store, &rc);
    if (db != nullptr) LoadStoredArticles(db, name, &rc, &articles);
  }
  return CompareArticles(g, articles, rc);
}

}  // namespace witness::cli
