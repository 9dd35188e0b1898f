#include "cli/targets.h"

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/output.h"
#include "witness/cli.h"
#include "witness/store.h"

namespace witness::cli {

Store* OpenLookupStore(const GlobalFlags& g, const std::string& name,
                       std::unique_ptr<Store>* store, int* rc) {
  if (*store) return store->get();
  StatusOr<std::unique_ptr<Store>> opened = OpenForReading(g.db);
  if (!opened.ok()) {
    std::fprintf(stderr, "witness: %s is not a file, and no article can be looked up: %s\n",
                 name.c_str(), opened.status().message().c_str());
    *rc = kSomeRejected;
    return nullptr;
  }
  *store = std::move(*opened);
  return store->get();
}

void LoadStoredArticles(Store* store, const std::string& name, int* rc,
                        std::vector<Article>* out) {
  // A story id ("s12", or an id merged into one) stands for its articles, by time.
  if (name.size() >= 2 && name[0] == 's' &&
      name.find_first_not_of("0123456789", 1) == std::string::npos) {
    StatusOr<std::vector<stories::StoryMember>> members = store->StoryMembers(name);
    if (members.ok()) {
      for (const stories::StoryMember& m : *members) {
        StatusOr<Article> a = store->Get(m.article);
        if (!a.ok()) {
          std::fprintf(stderr, "witness: %s\n", a.status().message().c_str());
          *rc = kSomeRejected;
          continue;
        }
        out->push_back(std::move(*a));
      }
      return;
    }
  }
  StatusOr<Article> a = store->Get(name);
  if (!a.ok()) {
    std::fprintf(stderr, "witness: %s\n", a.status().message().c_str());
    *rc = kSomeRejected;
    return;
  }
  out->push_back(std::move(*a));
}

std::vector<TargetText> LoadTargets(const GlobalFlags& g, const std::vector<std::string>& targets,
                                    int* rc) {
  std::vector<TargetText> out;
  std::unique_ptr<Store> store;
  for (const std::string& name : targets) {
    std::error_code ec;
    if (name == "-" || std::filesystem::is_regular_file(name, ec)) {
      TargetText t{name, name, true, {}};
      Status read = ReadWholeFile(name, &t.bytes);
      if (!read.ok()) {
        std::fprintf(stderr, "witness: %s\n", read.message().c_str());
        *rc = kSomeRejected;
        continue;
      }
      out.push_back(std::move(t));
      continue;
    }
    Store* db = OpenLookupStore(g, name, &store, rc);
    if (db == nullptr) continue;
    std::vector<Article> stored;
    LoadStoredArticles(db, name, rc, &stored);
    for (Article& a : stored) out.push_back({a.id, a.source, false, std::move(a.text)});
  }
  return out;
}

}  // namespace witness::cli
