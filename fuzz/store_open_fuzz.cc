// Opens arbitrary bytes as a witness database and reads everything: damaged or hostile files
// must give a Status, never a crash, a hang or an abort.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "witness/store.h"

namespace {

const std::string& DbPath() {
  static const std::string path = [] {
    std::string templ =
        (std::filesystem::temp_directory_path() / "witness_store_fuzz_XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) std::abort();
    return templ + "/fuzz.db";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = DbPath();
  for (const char* suffix : {"-wal", "-shm"}) std::remove((path + suffix).c_str());
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  if (size > 0) std::fwrite(data, 1, size, f);
  std::fclose(f);

  witness::StoreOptions options;
  options.create_if_missing = false;
  options.busy_timeout_ms = 0;
  auto store = witness::Store::Open(path, options);
  if (!store.ok()) return 0;
  witness::Store& s = **store;
  (void)s.CountArticles();
  auto rows = s.List({.limit = 20});
  if (rows.ok()) {
    for (const auto& row : *rows) {
      (void)s.Get(row.id);
      if (row.id.size() > 4) (void)s.Get(row.id.substr(0, 4));
    }
  }
  int n = 0;
  (void)s.Scan({}, [&](witness::Article&&) {
    return ++n < 20 ? witness::Status::OK() : witness::Status::Internal("enough");
  });
  (void)s.LastUnfinishedRun();
  (void)s.ListRuns(5);
  (void)s.Check();
  // A write on a damaged file must fail cleanly too.
  witness::Article a;
  a.id = "fuzz";
  a.text = "text";
  (void)s.Put({a});
  return 0;
}
