#include "cli/targets.h"

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/output.h"
#include "witness/cli.h"
#include "witness/store.h"

namespace witness::cli {

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
    if (!store) {
      StatusOr<std::unique_ptr<Store>> opened = OpenForReading(g.db);
      if (!opened.ok()) {
        std::fprintf(stderr, "witness: %s is not a file, and no article can be looked up: %s\n",
                     name.c_str(), opened.status().message().c_str());
        *rc = kSomeRejected;
        continue;
      }
      store = std::move(*opened);
    }
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
          out.push_back({a->id, a->source, false, std::move(a->text)});
        }
        continue;
      }
    }
    StatusOr<Article> a = store->Get(name);
    if (!a.ok()) {
      std::fprintf(stderr, "witness: %s\n", a.status().message().c_str());
      *rc = kSomeRejected;
      continue;
    }
    out.push_back({a->id, a->source, false, std::move(a->text)});
  }
  return out;
}

}  // namespace witness::cli
