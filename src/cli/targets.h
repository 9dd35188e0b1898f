// What `witness claims` and `witness quotes` read: files as given, or stored articles.
#ifndef WITNESS_CLI_TARGETS_H_
#define WITNESS_CLI_TARGETS_H_

#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "witness/article.h"
#include "witness/store.h"

namespace witness::cli {

struct TargetText {
  std::string name;    // the path, or the article id
  std::string source;  // the article's outlet; the path for a file
  bool is_file = false;
  std::string bytes;   // the file's bytes as given, or the article's stored text
};

// Reads each target: a regular file (or "-") as given, else a story id (its articles, by
// time) or an article id (or unique prefix) in the database of `g`. A target that cannot be read is reported on stderr (one line naming it)
// and sets *rc to kSomeRejected; the others are returned in order.
// The database of `g`, opened read-only into *store the first time; nullptr (reported on
// stderr as a lookup of `name` that cannot be made, *rc = kSomeRejected) when it cannot be.
Store* OpenLookupStore(const GlobalFlags& g, const std::string& name,
                       std::unique_ptr<Store>* store, int* rc);

// Appends the stored articles `name` stands for: a story id's (or alias's) members by time,
// else the article with that id or unique id prefix. A failure is reported on stderr (one line
// naming it) and sets *rc to kSomeRejected.
void LoadStoredArticles(Store* store, const std::string& name, int* rc, std::vector<Article>* out);

std::vector<TargetText> LoadTargets(const GlobalFlags& g, const std::vector<std::string>& targets,
                                    int* rc);

}  // namespace witness::cli

#endif  // WITNESS_CLI_TARGETS_H_
