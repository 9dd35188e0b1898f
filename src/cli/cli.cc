#include "witness/cli.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "cli/commands.h"

namespace witness::cli {

namespace {

constexpr const char* kVersion = "witness 0.1.0";

void AddDbFlag(CLI::App* cmd, GlobalFlags* g) {
  cmd->add_option("--db", g->db, "SQLite database file")->capture_default_str();
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{
      "witness reads news from many outlets and tells, story by story, what happened and how "
      "the sources relate.",
      "witness"};
  app.require_subcommand(1);
  app.set_version_flag("--version", kVersion);
  app.footer("Run 'witness COMMAND --help' for a command's options. Exit codes: 0 ok, 1 some "
             "inputs rejected, 2 usage error, 3 failure.");

  GlobalFlags g;
  IngestFlags ingest;
  CLI::App* ingest_cmd = app.add_subcommand(
      "ingest", "Read articles (text, HTML, JSON Lines; files, folders, '-' for stdin; gzip/zstd) "
                "into the database");
  AddDbFlag(ingest_cmd, &g);
  ingest_cmd->add_option("paths", ingest.paths, "Files, folders, or '-' for standard input");
  ingest_cmd->add_flag("--resume", ingest.resume,
                       "Complete the last ingest that was interrupted (same inputs)");
  ingest_cmd->add_option("--batch", ingest.batch, "Articles per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  bool no_progress = false;
  ingest_cmd->add_flag("--no-progress", no_progress, "No progress bar on stderr");
  ingest_cmd->add_flag("-q,--quiet", g.quiet, "Print only errors");
  bool no_analysis = false;
  ingest_cmd->add_flag("--no-analysis", no_analysis,
                       "Store only: no copies, no stories (the next ingest catches up)");

  LsFlags ls;
  CLI::App* ls_cmd = app.add_subcommand("ls", "List stored articles: id, source, date, title, words");
  AddDbFlag(ls_cmd, &g);
  ls_cmd->add_flag("--json", g.json, "JSON output");
  ls_cmd->add_option("--source", ls.source, "Only this source (outlet)");
  ls_cmd->add_option("--since", ls.since, "Only articles published on or after this date (YYYY-MM-DD)");
  ls_cmd->add_option("--limit", ls.limit, "At most this many rows");
  ls_cmd->add_flag("--by-source", ls.by_source, "Group the list by source");

  ShowFlags show;
  CLI::App* show_cmd =
      app.add_subcommand("show", "Show one article: metadata, and text with sentence numbers");
  AddDbFlag(show_cmd, &g);
  show_cmd->add_flag("--json", g.json, "JSON output (with paragraph and sentence byte spans)");
  show_cmd->add_flag("--raw", show.raw, "Print the input exactly as it was read");
  show_cmd->add_flag("--why", show.why,
                     "List each block cleaning removed, with the rule that removed it");
  show_cmd->add_option("id", show.id, "Article id or a unique prefix of it (>= 4 characters)")
      ->required();

  ExtractFlags extract;
  CLI::App* extract_cmd = app.add_subcommand(
      "extract", "Print the main text of an HTML page (no database): boilerplate removed");
  extract_cmd->add_option("file", extract.path, "An HTML file, or '-' for standard input")
      ->required();
  extract_cmd->add_flag("--json", g.json,
                        "JSON: title, published, author, site, url, language, text");
  extract_cmd->add_option("--url", extract.url, "The page's URL, when the page does not give it");
  extract_cmd->add_flag("--why", extract.why, "Also list the blocks set aside, and why");
  extract_cmd->add_flag("--no-clean", extract.no_clean,
                        "Only the DOM extraction, without the text boilerplate rules");

  ClaimsFlags claims;
  CLI::App* claims_cmd = app.add_subcommand(
      "claims", "Numeric claims (figures) of articles or files, compared across them");
  AddDbFlag(claims_cmd, &g);
  claims_cmd->add_flag("--json", g.json, "JSON output (byte offsets into each file as given)");
  claims_cmd->add_option("targets", claims.targets,
                         "Text files (read without a database), article ids, or story ids")
      ->required();

  QuotesFlags quotes;
  CLI::App* quotes_cmd = app.add_subcommand(
      "quotes", "Quotes and their speakers in articles or files, collated across them");
  AddDbFlag(quotes_cmd, &g);
  quotes_cmd->add_flag("--json", g.json, "JSON output (byte offsets into each file as given)");
  quotes_cmd->add_option("targets", quotes.targets,
                         "Text files (read without a database), article ids, or story ids")
      ->required();

  CompareFlags compare;
  CLI::App* compare_cmd = app.add_subcommand(
      "compare", "What each article of a story says, and where they part: entities, quotes, "
                 "figures, agreed facts, what only one says and what one leaves out");
  AddDbFlag(compare_cmd, &g);
  compare_cmd->add_flag("--json", g.json,
                        "JSON output (byte offsets into each article's text as ingest reads it)");
  compare_cmd->add_option("targets", compare.targets,
                          "Files or folders (read as ingest reads them, no database) or article ids")
      ->required();

  AlignFlags align;
  CLI::App* align_cmd = app.add_subcommand(
      "align", "The passages two articles or files share, side by side, and how they relate");
  AddDbFlag(align_cmd, &g);
  align_cmd->add_flag("--json", g.json,
                      "JSON: [{a_start, a_end, b_start, b_end}], byte offsets into each input "
                      "exactly as given");
  align_cmd->add_option("a", align.a, "A text file or an article id")->required();
  align_cmd->add_option("b", align.b, "A text file or an article id")->required();

  StoriesFlags stories;
  CLI::App* stories_cmd = app.add_subcommand(
      "stories", "List stories, newest first: id, dates, articles, sources, label");
  AddDbFlag(stories_cmd, &g);
  stories_cmd->add_flag("--json", g.json, "JSON output");
  stories_cmd->add_option("--since", stories.since,
                          "Only stories with an article on or after this date (YYYY-MM-DD)");
  stories_cmd->add_option("--source", stories.source, "Only stories this outlet reported");
  stories_cmd->add_option("--query", stories.query, "Only stories whose label has these words");
  stories_cmd->add_option("--min", stories.min_articles, "Only stories of at least N articles")
      ->capture_default_str();
  stories_cmd->add_option("--limit", stories.limit, "At most this many stories");

  StoryFlags story;
  CLI::App* story_cmd = app.add_subcommand(
      "story", "Show one story: its articles by time and source, and the copies among them");
  AddDbFlag(story_cmd, &g);
  story_cmd->add_flag("--json", g.json, "JSON output");
  story_cmd->add_option("id", story.id, "Story id (s12), or an id it was merged from")->required();

  DigestFlags digest;
  CLI::App* digest_cmd = app.add_subcommand(
      "digest", "A story's summary (about 100 and 250 words, every sentence cited to each "
                "source that carries it), timeline, and how its sources relate");
  AddDbFlag(digest_cmd, &g);
  auto* digest_json = digest_cmd->add_flag("--json", g.json, "JSON output");
  digest_cmd->add_flag("--md", digest.markdown, "Markdown output")->excludes(digest_json);
  digest_cmd->add_flag("-q,--quiet", g.quiet, "No warnings on stderr");
  digest_cmd->add_option("id", digest.id, "Story id (s12), or an id it was merged from")->required();

  DupsFlags dups;
  CLI::App* dups_cmd = app.add_subcommand(
      "dups", "Groups of copies (wire reprints, near-copies) with their likely source");
  AddDbFlag(dups_cmd, &g);
  dups_cmd->add_flag("--json", g.json, "JSON output");
  dups_cmd->add_option("--limit", dups.limit, "At most this many groups, largest first");

  ClusterFlags cluster;
  CLI::App* cluster_cmd = app.add_subcommand(
      "cluster", "Cluster JSON Lines articles into stories without a database: one line "
                 "{\"id\", \"story\"} per input line, in input order");
  cluster_cmd->add_option("file", cluster.path, "JSON Lines file (default: standard input)");
  cluster_cmd->add_flag("--sort-by-time", cluster.sort_by_time,
                        "Read everything, then cluster in publication order");
  cluster_cmd->add_flag("--keep-boilerplate", cluster.keep_boilerplate,
                        "Do not clean the texts first");
  cluster_cmd->add_flag("-q,--quiet", g.quiet, "No summary on stderr");

  ServeFlags serve;
  CLI::App* serve_cmd = app.add_subcommand(
      "serve", "Serve the web UI and the JSON API (stories, articles, ingest) over HTTP");
  AddDbFlag(serve_cmd, &g);
  serve_cmd->add_option("--host", serve.host, "Address to listen on (loopback only by default)")
      ->capture_default_str();
  serve_cmd->add_option("--port", serve.port, "TCP port (0: any free port, printed at start)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--token", serve.token,
                        "Allow POST /api/ingest with 'Authorization: Bearer TOKEN' (default: "
                        "$WITNESS_TOKEN; none: ingest is off). At least 16 characters");
  serve_cmd->add_option("--threads", serve.threads,
                        "Worker threads (each open connection holds one)")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  serve_cmd->add_option("--max-body-mb", serve.max_body_mb, "Largest POST body, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  serve_cmd->add_option("--cache-mb", serve.cache_mb, "Response cache, in MiB (0: off)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65536));
  serve_cmd->add_option("--assets", serve.assets,
                        "Serve the UI from this folder instead of the built-in copy (for web/ work)");
  serve_cmd->add_flag("--access-log", serve.access_log, "One line per request on stderr");
  serve_cmd->add_flag("-q,--quiet", g.quiet, "No message when stopping");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }

  if (ingest_cmd->parsed()) {
    ingest.progress = !no_progress && !g.quiet;
    ingest.analyze = !no_analysis;
    return RunIngest(g, ingest);
  }
  if (ls_cmd->parsed()) return RunLs(g, ls);
  if (show_cmd->parsed()) return RunShow(g, show);
  if (extract_cmd->parsed()) return RunExtract(g, extract);
  if (claims_cmd->parsed()) return RunClaims(g, claims);
  if (quotes_cmd->parsed()) return RunQuotes(g, quotes);
  if (align_cmd->parsed()) return RunAlign(g, align);
  if (stories_cmd->parsed()) return RunStories(g, stories);
  if (story_cmd->parsed()) return RunStory(g, story);
  if (dups_cmd->parsed()) return RunDups(g, dups);
  if (digest_cmd->parsed()) return RunDigest(g, digest);
  if (cluster_cmd->parsed()) return RunCluster(g, cluster);
  if (compare_cmd->parsed()) return RunCompare(g, compare);
  if (serve_cmd->parsed()) return RunServe(g, serve);
  return kUsage;
}

}  // namespace witness::cli
