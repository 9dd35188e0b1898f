// The witness subcommands. Each returns a process exit code (witness/cli.h ExitCode).
#ifndef WITNESS_CLI_COMMANDS_H_
#define WITNESS_CLI_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "witness/article.h"
#include "witness/status.h"

namespace witness::cli {

struct GlobalFlags {
  std::string db = "witness.db";  // --db
  bool json = false;              // --json
  bool quiet = false;             // --quiet: no progress, no summary
};

struct IngestFlags {
  std::vector<std::string> paths;
  bool resume = false;      // --resume: re-run the last interrupted ingest
  uint32_t batch = 256;     // --batch: articles per transaction
  bool progress = true;     // off with --no-progress (and when stderr is not a terminal)
  bool analyze = true;      // off with --no-analysis: store only; the next ingest catches up
};
int RunIngest(const GlobalFlags& g, const IngestFlags& f);

struct LsFlags {
  std::string source;
  std::string since;
  uint64_t limit = 0;
  bool by_source = false;
};
int RunLs(const GlobalFlags& g, const LsFlags& f);

struct ShowFlags {
  std::string id;
  bool raw = false;  // print the input exactly as read instead of the text
  bool why = false;  // list the removed boilerplate blocks with the rule that removed each
};
int RunShow(const GlobalFlags& g, const ShowFlags& f);

struct ExtractFlags {
  std::string path;  // an HTML file, or "-" for standard input
  std::string url;   // --url: the page's address, when the page does not say
  bool why = false;  // also list the blocks set aside
  bool no_clean = false;  // skip the text rules (DOM extraction only)
};
int RunExtract(const GlobalFlags& g, const ExtractFlags& f);

struct ClaimsFlags {
  // Files (read as given, no database) or article ids (from the database). With two or more,
  // the figures are also compared across them.
  std::vector<std::string> targets;
};
int RunClaims(const GlobalFlags& g, const ClaimsFlags& f);

struct QuotesFlags {
  // Files (read as given, no database) or article ids. With two or more, the quotes are also
  // collated across them: the same utterance in its different wordings.
  std::vector<std::string> targets;
};
int RunQuotes(const GlobalFlags& g, const QuotesFlags& f);

struct CompareFlags {
  // Files or folders (read and cleaned as ingest does, no database) or article ids: the
  // articles of one story.
  std::vector<std::string> targets;
};
int RunCompare(const GlobalFlags& g, const CompareFlags& f);
// Compares `articles` (one story) and prints the comparison (--json: the JSON document);
// returns `rc`, or kSomeRejected when there is nothing to compare. `witness compare` uses it
// for files and ids; a story looked up in the store can be handed to it as it is.
int CompareArticles(const GlobalFlags& g, const std::vector<Article>& articles, int rc);

struct AlignFlags {
  std::string a, b;  // files (read as given) or article ids
};
int RunAlign(const GlobalFlags& g, const AlignFlags& f);

struct StoriesFlags {
  std::string since;   // stories active on or after this date
  std::string source;  // stories this outlet reported
  std::string query;   // words of the label
  uint32_t min_articles = 1;
  uint64_t limit = 0;
};
int RunStories(const GlobalFlags& g, const StoriesFlags& f);

struct StoryFlags {
  std::string id;  // a story id or alias
};
int RunStory(const GlobalFlags& g, const StoryFlags& f);

struct DigestFlags {
  std::string id;         // a story id or alias
  bool markdown = false;  // --md
};
int RunDigest(const GlobalFlags& g, const DigestFlags& f);

struct DupsFlags {
  uint64_t limit = 0;  // at most this many groups, largest first
};
int RunDups(const GlobalFlags& g, const DupsFlags& f);

struct ClusterFlags {
  std::string path;  // JSON Lines file, or "-" / "" for standard input
  bool sort_by_time = false;
  bool keep_boilerplate = false;
};
int RunCluster(const GlobalFlags& g, const ClusterFlags& f);

struct ServeFlags {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;     // --token; else $WITNESS_TOKEN; empty: POST /api/ingest is off
  int threads = 32;
  uint64_t max_body_mb = 64;
  uint64_t cache_mb = 64;
  std::string assets;    // --assets DIR: serve the UI from a folder (development)
  bool access_log = false;
};
int RunServe(const GlobalFlags& g, const ServeFlags& f);

// Reads a whole file ("-" is standard input) into `out`.
Status ReadWholeFile(const std::string& path, std::string* out);

}  // namespace witness::cli

#endif  // WITNESS_CLI_COMMANDS_H_
