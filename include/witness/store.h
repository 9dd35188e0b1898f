// witness/store.h: the embedded database (SQLite) behind every command.
//
// Usage:
//   auto store = witness::Store::Open("witness.db", {});
//   if (!store.ok()) ...;
//   witness::StatusOr<witness::PutResult> r = (*store)->Put(batch);   // one transaction
//   auto rows = (*store)->List({.source = "ft.com"});
//
// Rules:
//   - One file, WAL journal. Readers never block the writer and see only committed batches.
//   - The schema is versioned (PRAGMA user_version) and migrated forward on Open, inside a
//     transaction; a database from a newer witness is refused (kUnsupported), never altered.
//   - Put() writes a batch in one transaction: after a crash at any moment the database holds
//     each batch wholly or not at all. Articles whose id is already stored are left unchanged
//     (re-ingesting adds nothing).
//   - A Store is used from one thread at a time; open one per thread for parallel reads.
#ifndef WITNESS_STORE_H_
#define WITNESS_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/status.h"
#include "witness/stories.h"
#include "witness/syndication.h"

namespace witness {

struct StoreOptions {
  // Create the file (and schema) when missing. Default true; read commands pass false so a
  // mistyped --db path is an error, not a new empty database.
  bool create_if_missing = true;
  // Open read-only. Default false.
  bool read_only = false;
  // How long a call waits for another process's lock before failing. Default 10 s.
  int busy_timeout_ms = 10000;
  // synchronous=FULL instead of NORMAL. NORMAL (default) in WAL mode never corrupts the file;
  // on power loss the last committed batches may roll back. FULL also survives that, at
  // roughly one fsync per batch.
  bool sync_full = false;
};

struct PutResult {
  uint64_t added = 0;      // new ids stored
  uint64_t unchanged = 0;  // ids already present, left as they were
};

struct ListOptions {
  std::string source;  // only this outlet when not empty
  std::string since;   // only articles published on or after this ISO date when not empty
  uint64_t limit = 0;  // at most this many rows; 0 = all
  uint64_t offset = 0;
};

// One row of `witness ls`.
struct ArticleSummary {
  std::string id;
  std::string source;
  std::string published;
  std::string title;
  uint32_t word_count = 0;
};

// One `witness ingest` invocation, journaled so an interrupted one can be resumed.
struct IngestRun {
  int64_t id = 0;
  std::vector<std::string> inputs;  // the paths as given
  std::string started_at;           // ISO 8601 UTC
  std::string finished_at;          // "" while running or when interrupted
  uint64_t added = 0, unchanged = 0, rejected = 0;
};

// A source's learned boilerplate template (clean.h SourceTemplate::Serialize()).
struct TemplateBlob {
  std::string source;
  std::string blob;
};

// What analysis (syndication.h, stories.h) derived from one batch of articles. Put writes it
// in the batch's transaction, so a crash never leaves articles without their analysis or
// analysis of articles that were not stored.
struct AnalysisUpdate {
  struct Signature {
    std::string article;
    std::string blob;  // sketch.h SerializeSignature
  };
  struct Member {
    std::string article;
    std::string story;  // the story it is in now (a live id, not an alias)
    double score = 0;
    bool via_copy = false;
  };
  std::vector<Signature> signatures;                // replaced by article id
  std::vector<syndication::RelatedPair> relations;  // replaced by (a, b)
  std::vector<Member> members;                      // replaced by article id
  // (from, into): every member of `from` moves to `into`; `from` becomes an alias of `into`
  // (and aliases that pointed at `from` now point at `into`); `from`'s row is dropped.
  std::vector<std::pair<std::string, std::string>> merges;
  std::vector<stories::Story> stories;  // rows replaced: every live story the batch touched
  // The story clusterer's checkpoint (stories.h Clusterer::Serialize), when set. It replaces
  // the saved one and covers every article stored when the transaction commits.
  std::optional<std::string> stories_state;

  bool empty() const {
    return signatures.empty() && relations.empty() && members.empty() && merges.empty() &&
           stories.empty() && !stories_state;
  }
};

// `witness stories` filters.
struct StoryListOptions {
  std::string since;   // stories whose last dated article is on or after this ISO date
  std::string source;  // stories with at least one article from this outlet
  std::string query;   // words that must all occur in the label (case-insensitive ASCII)
  uint32_t min_articles = 1;
  uint64_t limit = 0;  // 0 = all
  uint64_t offset = 0;
};

// The saved story clusterer and how far it reaches.
struct StoriesCheckpoint {
  std::string blob;        // Clusterer::Serialize(); empty when none was saved
  int64_t watermark = 0;   // it covers the articles with rowid <= watermark
};

class Store {
 public:
  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The schema version this build writes and reads.
  static int CurrentSchemaVersion();
  int schema_version() const;

  // Refuses the whole batch (InvalidArgument naming the article, nothing stored) when an
  // article breaks a rule of article.h the store relies on: an empty id, `text` that is not
  // valid UTF-8, `extra_json` that is neither empty nor JSON, an unknown content_type.
  // Every field reads back byte for byte (raw may hold any bytes).
  // `templates` (may be empty) are per-source boilerplate templates (clean.h SourceTemplate
  // blobs) saved in the same transaction, replacing each source's previous one.
  StatusOr<PutResult> Put(const std::vector<Article>& batch,
                          const std::vector<TemplateBlob>& templates = {});
  // True when an article with exactly this id is stored.
  StatusOr<bool> Contains(std::string_view id);
  // The source's saved template blob, if any.
  StatusOr<std::optional<std::string>> LoadTemplate(std::string_view source);
  // An article by id, or by a unique id prefix of at least 4 characters.
  // NotFound naming it when nothing matches; InvalidArgument listing a few candidates when a
  // prefix is ambiguous; Corruption naming the id when a stored blob is damaged.
  StatusOr<Article> Get(std::string_view id_or_prefix);
  // Ordered by published (unknown last), then source, then id. InvalidArgument when `since`
  // is not an ISO 8601 date ("2022", "2022-01", "2022-01-10", "2022-01-10T08:00...").
  StatusOr<std::vector<ArticleSummary>> List(const ListOptions& options);
  StatusOr<uint64_t> CountArticles();

  // The ingest journal.
  // BeginRun makes the new run this Store's active run (see active_run()); InvalidArgument
  // while another is active. Inputs that are not valid UTF-8 are journaled with U+FFFD.
  StatusOr<int64_t> BeginRun(const std::vector<std::string>& inputs);
  // Ends a run with the caller's totals (they replace the counts Put kept); it need not be
  // this Store's active run (so an interrupted run can be closed). NotFound for an unknown
  // id, InvalidArgument for a run already finished.
  Status FinishRun(int64_t run_id, uint64_t added, uint64_t unchanged, uint64_t rejected);
  // The newest run that never finished (killed), if any. This Store's own active run is
  // not reported.
  StatusOr<std::optional<IngestRun>> LastUnfinishedRun();
  // Checks the file: PRAGMA integrity_check plus witness's own invariants.
  Status Check();

  // ---- Added by the store (beyond the lead's first contract) ----

  // The file this Store was opened on.
  const std::string& path() const;
  // Every article in List order (published, unknown last, then source, then id), filtered
  // like List, decoded in full, one at a time: memory stays flat however large the store.
  // Stops at, and returns, the first non-ok Status `fn` returns. `fn` must not write through
  // this Store (open a second one to write while scanning).
  Status Scan(const ListOptions& options, const std::function<Status(Article&&)>& fn);
  // The ingest journal, newest first; at most `limit` runs (0 = all).
  StatusOr<std::vector<IngestRun>> ListRuns(uint64_t limit = 0);
  // The run BeginRun started on this Store and FinishRun has not ended, if any. While one is
  // active, Put records it on every article it adds and adds its counts to the run's row in
  // the same transaction, so a killed run's row still says how much landed.
  std::optional<int64_t> active_run() const;

  // ---- Analysis (schema version 3) ----

  // Put() plus the analysis of the batch, in one transaction. `analysis` may be null.
  StatusOr<PutResult> Put(const std::vector<Article>& batch, const std::vector<TemplateBlob>& templates,
                          const AnalysisUpdate* analysis);
  // At most `limit` (0 = all) articles with rowid > `after`, in rowid (insertion) order,
  // with their rowid.
  Status ScanAdded(int64_t after, uint64_t limit,
                   const std::function<Status(int64_t, Article&&)>& fn);
  // Every stored signature in rowid order, with its article's id, source, published,
  // agencies and the first 300 characters of its text (enough for a dateline credit).
  Status ScanSignatures(const std::function<Status(Article&&, std::string_view)>& fn);
  // Every stored relation, each once (a = the later-added article).
  Status ScanRelations(const std::function<Status(syndication::RelatedPair&&)>& fn);
  // An article's relations, each seen from it (`a` is `article_id`), strongest first.
  StatusOr<std::vector<syndication::RelatedPair>> RelationsOf(std::string_view article_id);
  // Every copy relation (near-copy, contains, contained-in), for copy groups.
  StatusOr<std::vector<syndication::RelatedPair>> CopyRelations();
  StatusOr<StoriesCheckpoint> LoadStoriesCheckpoint();

  // Live stories, newest last article first (undated last), then by id number.
  StatusOr<std::vector<stories::Story>> ListStories(const StoryListOptions& options);
  StatusOr<uint64_t> CountStories();
  // A story by id or alias. NotFound naming it when no story ever had that id.
  StatusOr<stories::Story> GetStory(std::string_view id_or_alias);
  // Its members by published time (undated last), then by arrival. `headline` is the title,
  // or the start of the text when there is none.
  StatusOr<std::vector<stories::StoryMember>> StoryMembers(std::string_view id_or_alias);
  // The story an article is in; nullopt when it has none (not yet analysed).
  StatusOr<std::optional<std::string>> StoryOf(std::string_view article_id);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace witness

#endif  // WITNESS_STORE_H_
