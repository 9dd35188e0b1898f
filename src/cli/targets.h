// What `witness claims` and `witness quotes` read: files as given, or stored articles.
#ifndef WITNESS_CLI_TARGETS_H_
#define WITNESS_CLI_TARGETS_H_

#include <string>
#include <vector>

#include "cli/commands.h"

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
std::vector<TargetText> LoadTargets(const GlobalFlags& g, const std::vector<std::string>& targets,
                                    int* rc);

}  // namespace witness::cli

#endif  // WITNESS_CLI_TARGETS_H_
