// `witness ingest`: inputs -> articles -> batched transactions in the store, with a journal so an
// interrupted run can be completed by `witness ingest --resume`.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <system_error>

#include "cli/commands.h"
#include "cli/progress.h"
#include "witness/cli.h"
#include "witness/ingest.h"
#include "witness/pipeline.h"
#include "witness/store.h"

namespace witness::cli {

namespace {

// Hands accepted articles to the pipeline (which prepares them and writes batches), reports
// rejections, and draws the progress bar.
class PipelineSink : public ArticleSink {
 public:
  PipelineSink(IngestPipeline* pipeline, ProgressBar* bar) : pipeline_(pipeline), bar_(bar) {}

  void Accept(Article article) override {
    if (!failure_.ok()) return;
    ++read_;
    Status rejected;
    failure_ = pipeline_->Add(std::move(article), &rejected);
    if (!rejected.ok()) Reject(rejected);
    Tick();
  }

  void Reject(const Status& why) override {
    ++rejected_;
    bar_->Clear();
    std::fprintf(stderr, "witness: rejected %s\n", why.message().c_str());
    Tick();
  }

  void Warn(const std::string& message) override {
    bar_->Clear();
    std::fprintf(stderr, "witness: warning: %s\n", message.c_str());
  }

  void Progress(uint64_t bytes_read) override {
    file_bytes_ = bytes_read;
    Tick();
  }

  // Called when one input file is done; `size` is its size on disk (0 when unknown).
  void FileDone(uint64_t size) {
    done_bytes_ += size;
    file_bytes_ = 0;
    Tick();
  }

  void Finish() {
    if (failure_.ok()) failure_ = pipeline_->Flush();
  }

  const Status& failure() const { return failure_; }
  uint64_t read() const { return read_; }
  uint64_t rejected() const { return rejected_; }

 private:
  void Tick() {
    // The bar counts bytes on disk; a compressed file reads more than its size.
    bar_->Update(done_bytes_ + file_bytes_, read_, rejected_);
  }

  IngestPipeline* pipeline_;
  ProgressBar* bar_;
  Status failure_;
  uint64_t read_ = 0, rejected_ = 0;
  uint64_t done_bytes_ = 0, file_bytes_ = 0;
};

// Paths are journaled absolute, so --resume works from any folder. "-" stays "-".
std::string JournalPath(const std::string& path) {
  if (path == "-") return path;
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  return ec ? path : abs.lexically_normal().string();
}

uint64_t FileSize(const std::string& path) {
  std::error_code ec;
  uint64_t size = path == "-" ? 0 : std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

}  // namespace

int RunIngest(const GlobalFlags& g, const IngestFlags& f) {
  auto start = std::chrono::steady_clock::now();
  StatusOr<std::unique_ptr<Store>> opened = Store::Open(g.db, StoreOptions{});
  if (!opened.ok()) {
    std::fprintf(stderr, "witness: %s\n", opened.status().message().c_str());
    return kFailure;
  }
  Store* store = opened->get();

  std::vector<std::string> paths = f.paths;
  StatusOr<std::optional<IngestRun>> unfinished = store->LastUnfinishedRun();
  if (!unfinished.ok()) {
    std::fprintf(stderr, "witness: %s\n", unfinished.status().message().c_str());
    return kFailure;
  }
  if (f.resume) {
    if (!paths.empty()) {
      std::fprintf(stderr, "witness: ingest --resume takes no paths (it re-reads the interrupted run's)\n");
      return kUsage;
    }
    if (!unfinished->has_value()) {
      if (!g.quiet) std::printf("nothing to resume: every ingest into %s finished\n", g.db.c_str());
      return kOk;
    }
    paths = (*unfinished)->inputs;
    if (!g.quiet) {
      std::printf("resuming ingest run %lld (started %s)\n",
                  static_cast<long long>((*unfinished)->id), (*unfinished)->started_at.c_str());
    }
  } else if (paths.empty()) {
    std::fprintf(stderr, "witness: ingest needs at least one path, or '-' for standard input (see --help)\n");
    return kUsage;
  } else if (unfinished->has_value() && !g.quiet) {
    std::fprintf(stderr,
                 "witness: note: ingest run %lld (started %s) did not finish; "
                 "'witness ingest --resume' completes it\n",
                 static_cast<long long>((*unfinished)->id), (*unfinished)->started_at.c_str());
  }

  std::vector<std::string> journal;
  for (const std::string& p : paths) journal.push_back(JournalPath(p));
  StatusOr<int64_t> run = store->BeginRun(journal);
  if (!run.ok()) {
    std::fprintf(stderr, "witness: %s\n", run.status().message().c_str());
    return kFailure;
  }

  // List every file first, so the progress bar knows the total.
  Env* env = Env::Default();
  std::vector<std::pair<std::string, uint64_t>> files;
  uint64_t total = 0;
  uint64_t unreadable = 0;
  for (const std::string& p : paths) {
    if (p == "-") {
      files.emplace_back(p, 0);
      continue;
    }
    StatusOr<std::vector<std::string>> listed = env->ListFiles(p);
    if (!listed.ok()) {
      std::fprintf(stderr, "witness: rejected %s\n", listed.status().message().c_str());
      ++unreadable;
      continue;
    }
    for (std::string& file : *listed) {
      uint64_t size = FileSize(file);
      total += size;
      files.emplace_back(std::move(file), size);
    }
  }

  ProgressBar bar(total, f.progress);
  PipelineOptions pipeline_options;
  pipeline_options.batch_size = f.batch;
  pipeline_options.analyze = f.analyze;
  IngestPipeline pipeline(store, pipeline_options);
  PipelineSink sink(&pipeline, &bar);
  IngestOptions options;
  for (const auto& [file, size] : files) {
    ReadInputs(env, {file}, options, &sink);
    sink.FileDone(size);
    if (!sink.failure().ok()) break;
  }
  sink.Finish();
  bar.Clear();
  if (!sink.failure().ok()) {
    std::fprintf(stderr, "witness: ingest stopped: %s (every batch before it is stored)\n",
                 sink.failure().message().c_str());
    return kFailure;
  }
  uint64_t rejected = sink.rejected() + unreadable;
  Status finished = store->FinishRun(*run, pipeline.added(), pipeline.unchanged(), rejected);
  if (!finished.ok()) {
    std::fprintf(stderr, "witness: %s\n", finished.message().c_str());
    return kFailure;
  }
  // Earlier runs that were interrupted and whose inputs this run has now read in full are
  // complete: close them, so --resume does not offer them again.
  std::set<std::string> covered(journal.begin(), journal.end());
  StatusOr<std::vector<IngestRun>> runs = store->ListRuns();
  if (runs.ok()) {
    for (const IngestRun& old : *runs) {
      if (old.id == *run || !old.finished_at.empty()) continue;
      bool subsumed = std::all_of(old.inputs.begin(), old.inputs.end(),
                                  [&](const std::string& in) { return covered.count(in) > 0; });
      if (subsumed) (void)store->FinishRun(old.id, old.added, old.unchanged, old.rejected);
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!g.quiet) {
    std::printf("%llu articles read from %zu inputs in %.2f s: %llu added, %llu already stored, "
                "%llu rejected\n",
                static_cast<unsigned long long>(sink.read()), files.size(), secs,
                static_cast<unsigned long long>(pipeline.added()),
                static_cast<unsigned long long>(pipeline.unchanged()),
                static_cast<unsigned long long>(rejected));
  }
  return rejected > 0 ? kSomeRejected : kOk;
}

}  // namespace witness::cli
