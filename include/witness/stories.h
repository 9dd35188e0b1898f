// witness/stories.h: grouping articles that report the same story, online.
//
// A story is one event as the news reports it ("Putin says the CSTO will stop colour revolutions,
// 10 Jan 2022"), not a topic ("Kazakhstan"). A Clusterer takes articles one at a time, in the
// order they arrive, and puts each into the best existing story or starts a new one.
//
// Usage:
//   witness::stories::Clusterer clusterer;                    // StoryOptions{} defaults
//   for (const witness::Article& a : articles) {              // in arrival order
//     witness::StatusOr<witness::stories::StoryAssignment> r =
//         clusterer.Add({.id = a.id, .source = a.source, .title = a.title, .text = a.text,
//                        .published = a.published});
//     if (!r.ok()) { report(r.status()); continue; }          // only an empty id fails
//     std::cout << a.id << " -> " << r->story << "\n";        // "s12"
//   }
//   for (const witness::stories::StoryEvent& e : clusterer.TakeEvents()) store.Apply(e);
//   witness::StatusOr<witness::stories::Story> s = clusterer.GetStory("s12");
//   std::cout << witness::stories::StoryToJson(*s) << "\n";
//   std::string blob = clusterer.Serialize();                 // persist; resume later with
//   auto resumed = witness::stories::Clusterer::Deserialize(blob);   // the same ids
//
//   // `witness cluster < articles.jsonl`: no database, one output line per input line.
//   witness::Status st = witness::stories::ClusterJsonLines(std::cin, std::cout, {});
//
// How an article is compared (src/stories/*.cc hold the details):
//   - Text (title and body) is segmented and analysed with text.h. Features are the Snowball
//     stems of the words that are not stopwords; names: capitalised words and runs of them inside
//     a sentence ("Tomas Reyk", "Bank of England", "CSTO"), also by their last word so that a later
//     "Reyk" matches, a sentence's first word only when the text also capitalises it elsewhere,
//     no weekdays or months, none from Title Case titles or shouted sentences; and numbers with
//     units ("1,214 dockworkers", "$350 million", "48.3%", "9 per cent"; not years or dates). A
//     name counts both as words and as a name, so names weigh about double. A feature's weight
//     is (1 + ln count), times `name_boost` or `number_boost` for names and numbers, times
//     `title_boost` when it occurs in the title, times its IDF. The article keeps its
//     `article_terms` heaviest features.
//   - IDF is ln((N + P + 1) / (df + P * prior_df + 0.5)) with N articles seen and df the number of
//     them holding the feature, both learned as the stream goes; P = `idf_prior_articles`
//     virtual articles smooth the start of a stream, when a few articles would otherwise make
//     every shared word look common. Weights are recomputed with the current IDF at each
//     comparison, so a story's old articles count with what the stream knows now.
//   - A story is the sum of its articles' unit vectors (its centroid), cut to its `story_terms`
//     heaviest features. Score = cosine(article, centroid) * time factor.
//   - Time factor: 1 when the article's time is within `time_grace_hours` of the story's span
//     [first, last] (before, inside or after it: a late or early article is judged the same
//     way), then exp(-(distance - grace) / time_decay_hours). Stories farther than `max_gap_days`
//     are not candidates at all. When either side has no usable date, time is ignored (factor 1).
//   - Candidates come from an inverted index: each article posts its `posted_terms` heaviest
//     features with its story and hour; a new article looks up its `query_terms` heaviest
//     features, scanning at most `max_postings_scan` of the newest postings per feature (and,
//     when dated, stopping after 64 in a row older than `max_gap_days`), and scores the
//     `max_candidates` stories that collect the most weight. Never a scan of all stories.
//   - The article joins the best-scoring story when its score >= `join_threshold`; otherwise
//     it starts a new story. Ties go to the older story.
//
// Rules:
//   - Story ids are "s" + a decimal number, given in creation order from 1 ("s1", "s2", ...).
//     A story keeps its id as it grows. The same articles added in the same order, with the
//     same options (and the same Deserialize points), always give the same ids and assignments.
//   - Syndication: an article whose `copy_of` names an article already added joins that
//     article's story, whatever the score (AssignmentKind::kJoined, `via_copy`).
//   - Merges: after an article joins story S, every other candidate story T that the article
//     also scored >= `join_threshold` against is compared with S, centroid to centroid (times
//     the time factor of their spans); at >= `merge_threshold` they merge. The older story (the
//     smaller number) keeps its id; the other id becomes its alias (GetStory and Resolve accept
//     aliases) and is never reused.
//   - Revisits: when an article joins (or starts) story S, the stories it came close to (score
//     >= join_threshold / 2) are looked at again: their most recent members (16 per story, 64
//     in all) that are among the last `revisit_window` articles added move to S when they now
//     score >= `join_threshold` against S and more than against the rest of their own story
//     (StoryEvent kMoved). A story left empty becomes an alias of S. An assignment older than
//     the window is final unless its whole story merges.
//   - Bad input has defined behaviour:
//       * empty id: InvalidArgument; nothing changes.
//       * an id already added: AssignmentKind::kDuplicate with the story it is in; nothing
//         changes (the first version wins; Remove it first to replace it).
//       * no text and no title (or nothing but stopwords and punctuation): the article gets a
//         story of its own, is not indexed, and is never joined by content (a copy_of hint
//         still works). The note says so.
//       * no date, an unreadable date, a date before `min_year` or from `max_year` on, or (when
//         `now` is set) more than `max_future_hours` after `now`: the article is treated as
//         undated (time ignored in its comparisons) and the note says why.
//       * a stream out of time order: time distance is measured to the story's span, not to
//         its newest article, so order does not matter within `max_gap_days`; an article far
//         behind the stream may not reach old stories through the newest postings and then
//         starts a new story.
//       * invalid UTF-8 in a title or text is repaired (text.h Normalize) before analysis.
//       * an oversized input: only the first 256 KiB of a text and 4 KiB of a title are
//         analysed (news articles are far shorter), so one Add stays bounded.
//   - A Clusterer is used from one thread at a time. Add() costs the text analysis plus a
//     bounded amount of index work (see doc/performance.md, Stories). Memory grows with the
//     articles added (about 1.3 KB each with the defaults); nothing is forgotten.
//   - Times are UTC. A date without a time of day ("2022-01-10") is taken as 12:00 UTC.
#ifndef WITNESS_STORIES_H_
#define WITNESS_STORIES_H_

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "witness/status.h"

namespace witness::stories {

struct StoryOptions {
  // ---- Decision ----
  // Minimum score (cosine * time factor) to join a story. Default 0.15. Higher splits
  // stories (more precision, less recall); lower lumps related stories of one topic together.
  // (The labelled sets score best between 0.13 and 0.16: doc/performance.md, Stories.)
  double join_threshold = 0.15;
  // Minimum centroid-to-centroid score for two stories to merge. Default 0.40. Lower merges
  // more eagerly; must stay above join_threshold or every bridge article merges its stories.
  double merge_threshold = 0.40;

  // ---- Features ----
  // Weight multiplier of name features (capitalised words and runs). Default 1.0. A name
  // already counts twice, as its words' stems and as a name, so it weighs about double a plain
  // word at 1.0. Higher makes who and where dominate; too high and two stories about one
  // person or place merge.
  double name_boost = 1.0;
  // Weight multiplier of numbers with units. Default 1.5. Figures are specific to one story,
  // but change as it develops ("58 detained" becomes "19 detained").
  double number_boost = 1.5;
  // Weight multiplier of features that occur in the title. Default 1.5.
  double title_boost = 1.5;
  // Features kept per article (its heaviest). Default 64. More is slightly more precise and
  // costs memory (8 bytes per feature per article) and time.
  uint32_t article_terms = 64;
  // Features kept per story centroid. Default 96. Big stories need more to stay recognisable.
  uint32_t story_terms = 96;
  // IDF smoothing: virtual articles (P) and the share of them holding any feature
  // (prior_df). Defaults 50 and 0.02. They matter for the first few hundred articles only.
  double idf_prior_articles = 50;
  double idf_prior_df = 0.02;

  // ---- Time ----
  // Distance from the story's span within which time does not matter. Default 36 hours.
  double time_grace_hours = 36;
  // Beyond the grace, the score decays by e every this many hours. Default 96.
  double time_decay_hours = 96;
  // Stories farther in time than this are not candidates. Default 9 days: with the defaults
  // above, the time factor alone falls below join_threshold after
  // grace + decay * ln(1 / join_threshold) = 36 + 96 * 1.9 hours, about 9 days, so looking
  // further would only cost time.
  double max_gap_days = 9;
  // Dates before this year or from max_year on are ignored (the article counts as undated).
  int min_year = 1900;
  int max_year = 2100;
  // Unix seconds; 0 = unset (default). When set, dates later than now + max_future_hours are
  // ignored. Off by default so that the same input always gives the same result.
  int64_t now = 0;
  double max_future_hours = 48;

  // ---- Index ----
  // Features each article posts to the inverted index. Default 24.
  uint32_t posted_terms = 24;
  // Features an article looks up. Default 24.
  uint32_t query_terms = 24;
  // Newest postings scanned per feature. Default 256. Bounds the cost of frequent features
  // (their older postings are passed over; rarer features still reach older stories).
  uint32_t max_postings_scan = 256;
  // Stories scored exactly per article. Default 32.
  uint32_t max_candidates = 32;
  // Recent articles whose singleton assignment may still move. Default 512.
  uint32_t revisit_window = 512;

  // ---- Text ----
  // Run clean.h CleanText on the text before analysing it. Default false: articles from the
  // store are already clean. ClusterJsonLines turns it on for raw input.
  bool clean_text = false;
};

// One article as the clusterer sees it.
struct ArticleInput {
  std::string id;         // required, unique
  std::string source;     // the outlet ("" counts as "unknown")
  std::string title;      // headline; may be empty
  std::string text;       // body text (UTF-8; invalid bytes are repaired)
  std::string published;  // ISO 8601 ("2022-01-10", "2022-01-10T08:00:00+06:00"); "" undated
  std::string copy_of;    // syndication hint: id of the article this copies; "" none
};

enum class AssignmentKind : uint8_t {
  kNew = 0,        // the article started a new story
  kJoined = 1,     // it joined an existing story
  kMerged = 2,     // it joined a story and that caused one or more merges (see `merged`)
  kDuplicate = 3,  // its id was already added; `story` is where that article is
};
const char* AssignmentKindName(AssignmentKind kind);  // "new", "joined", "merged", "duplicate"

struct StoryAssignment {
  std::string story;  // the story the article is in after this Add
  AssignmentKind kind = AssignmentKind::kNew;
  double score = 0;                 // score against that story; 0 for a new story
  bool via_copy = false;            // joined through the copy_of hint
  bool dated = false;               // its published time was used
  std::vector<std::string> merged;  // ids that became aliases of `story` in this Add
  std::vector<std::string> moved;   // ids of earlier articles that moved into `story`
  std::string note;                 // why a date, text or hint was ignored; "" when none
};

// The event log: everything that changed assignments, for the store to persist.
enum class EventKind : uint8_t {
  kCreated = 0,  // `article` started story `story`
  kJoined = 1,   // `article` joined `story`
  kMerged = 2,   // story `from` merged into `story`: all its articles are now in `story`
  kMoved = 3,    // `article` moved from story `from` (now an alias of `story`) to `story`
  kRemoved = 4,  // `article` was removed from `story` (`story` may now be empty)
};
const char* EventKindName(EventKind kind);  // "created", "joined", "merged", "moved", "removed"

struct StoryEvent {
  uint64_t seq = 0;  // 1, 2, 3, ... over the clusterer's life (kept by Serialize)
  EventKind kind = EventKind::kCreated;
  std::string article;  // "" for kMerged
  std::string story;
  std::string from;  // kMerged, kMoved: the story that was left; else ""
  double score = 0;
};

struct SourceCount {
  std::string source;
  uint32_t articles = 0;
  friend bool operator==(const SourceCount&, const SourceCount&) = default;
};

struct Story {
  std::string id;             // "s12"
  std::string label;          // the most central member's title (or first sentence)
  std::string label_article;  // that member's id
  std::string first;          // earliest dated member, ISO 8601 UTC; "" if none dated
  std::string last;           // latest dated member; "" if none dated
  uint32_t articles = 0;
  std::vector<SourceCount> sources;  // most articles first, then by name
  std::vector<std::string> aliases;  // ids merged into this one, in the order they merged
};

struct StoryMember {
  std::string article;
  std::string source;
  std::string published;  // ISO 8601 UTC as used; "" when undated
  std::string headline;   // title, or the first sentence when there is none
  double score = 0;       // the score it joined with (1 for the founder)
  bool via_copy = false;
};

struct StoryFilter {
  int64_t since = 0;  // Unix seconds; 0 = all. Stories whose last dated member is >= since
                      // (undated stories are listed only when since == 0).
  uint32_t min_articles = 1;
  size_t limit = 0;  // 0 = no limit
};

class Clusterer {
 public:
  explicit Clusterer(const StoryOptions& options = {});
  ~Clusterer();
  Clusterer(Clusterer&&) noexcept;
  Clusterer& operator=(Clusterer&&) noexcept;
  Clusterer(const Clusterer&) = delete;
  Clusterer& operator=(const Clusterer&) = delete;

  // Assigns one article (see the rules above). Fails only for an empty id.
  StatusOr<StoryAssignment> Add(const ArticleInput& article);

  // Takes an article out of its story: the story's centroid, counts, sources and span no longer
  // include it; an emptied story keeps its id but is no longer listed or matched. NotFound for
  // an unknown (or already removed) id. A removed id may be added again.
  Status Remove(std::string_view article_id);

  // The story an article is in now; nullopt when unknown or removed.
  std::optional<std::string> StoryOf(std::string_view article_id) const;
  // The id a story (or alias) goes by now; nullopt when no story ever had that id.
  std::optional<std::string> Resolve(std::string_view story_id) const;
  // One story, by id or alias. NotFound when unknown or emptied by removals.
  StatusOr<Story> GetStory(std::string_view story_id) const;
  // The members of a story (id or alias), by time (undated last), then by arrival.
  StatusOr<std::vector<StoryMember>> Members(std::string_view story_id) const;
  // Live stories, newest last activity first (undated after dated), then by id.
  std::vector<Story> Stories(const StoryFilter& filter = {}) const;

  // Events since the last call, oldest first.
  std::vector<StoryEvent> TakeEvents();

  size_t article_count() const;  // articles added and not removed
  size_t story_count() const;    // live, non-empty stories
  const StoryOptions& options() const;
  // Bytes held by the index and the story state (capacity of every container, approximate).
  size_t IndexBytes() const;
  // The same, part by part ("postings", "article vectors", ...), for diagnostics.
  std::vector<std::pair<std::string, size_t>> MemoryBreakdown() const;

  // The whole state as a compact, versioned, checksummed blob (options included). A Clusterer
  // restored from it continues exactly as this one would: same ids, same assignments.
  std::string Serialize() const;
  // Corruption for a damaged or foreign blob; Unsupported for a newer format version.
  static StatusOr<Clusterer> Deserialize(std::string_view blob);

 private:
  struct Impl;
  friend struct ClustererTestPeer;  // tests: compares the index with a scan of all stories
  explicit Clusterer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// ---- `witness cluster`: JSON Lines in, one line per input article out ------------------------

struct ClusterJsonOptions {
  StoryOptions story;  // clean_text is forced on unless keep_boilerplate
  bool keep_boilerplate = false;
  // false (default): cluster in input order (a true stream). true: read everything first and
  // cluster in publication order (stable; undated articles keep their place relative to each
  // other and go after the dated ones).
  bool sort_by_time = false;
};

struct ClusterJsonStats {
  uint64_t lines = 0;     // non-blank input lines
  uint64_t articles = 0;  // lines that were articles
  uint64_t errors = 0;    // lines that were not (bad JSON, no id, duplicate id ...)
  uint64_t stories = 0;   // stories at the end
};

// Reads JSON Lines ({"id","source","url","title","published","language","text"}, also "html"
// when there is no "text": its tags are stripped; "copy_of" is used as the syndication hint;
// other fields are ignored) from `in` and writes one line per non-blank input line, in input
// order, after the whole input is read: {"id":"a1","story":"s3"}, with each article's final
// story (after merges and moves). A line that is not an article gives
// {"line":17,"error":"..."} in its place. An article without an id gets "line:N" as its id.
// A repeated id gives {"id":...,"story":...,"duplicate":true}. Returns IoError only when `out`
// fails; bad lines never stop it.
Status ClusterJsonLines(std::istream& in, std::ostream& out, const ClusterJsonOptions& options,
                        ClusterJsonStats* stats = nullptr);

// {"id":"s3","label":"...","first":"...","last":"...","articles":4,
//  "sources":[{"source":"fox","articles":2},...],"aliases":["s7"]} on one line.
std::string StoryToJson(const Story& story);
// {"article":"a1","source":"fox","published":"...","headline":"...","score":0.41,"via_copy":false}
std::string MemberToJson(const StoryMember& member);

// ---- Times ----

// ISO 8601 to Unix seconds (UTC): "2022-01-10" (taken as 12:00 UTC), "2022-01-10T08:00",
// "2022-01-10T08:00:00Z", "2022-01-10 08:00:00.123+06:00", "+0600", "+06". nullopt when it is
// not such a date or the fields are out of range.
std::optional<int64_t> ParsePublished(std::string_view iso);
// Unix seconds to "2022-01-10T08:00:00Z".
std::string FormatTime(int64_t unix_seconds);

// ---- Evaluation ----

struct ClusteringScores {
  double pair_precision = 0, pair_recall = 0, pair_f1 = 0;        // over pairs of articles
  double bcubed_precision = 0, bcubed_recall = 0, bcubed_f1 = 0;  // Bagga & Baldwin, per item
  size_t items = 0, truth_clusters = 0, predicted_clusters = 0;
};
// `truth[i]` and `predicted[i]` are item i's cluster labels (any strings); sizes must match.
// Pairwise: precision = pairs together in both / pairs together in predicted (1 when none).
// BCubed: per item, the share of its predicted cluster that is in its true cluster (precision)
// and the share of its true cluster that is in its predicted cluster (recall), averaged.
StatusOr<ClusteringScores> ScoreClustering(const std::vector<std::string>& truth,
                                           const std::vector<std::string>& predicted);

}  // namespace witness::stories

#endif  // WITNESS_STORIES_H_
