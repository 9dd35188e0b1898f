// witness/figures.h: numbers and numeric claims ("figures") in news text, and how the
// sources' figures about the same quantity relate.
//
// Usage:
//   // 1. Numbers: every numeric expression with its byte span and what it asserts.
//   witness::figures::NumberScan scan = witness::figures::ScanNumbers(text);
//   for (const auto& m : scan.mentions)  // "more than two dozen": kCardinal, kMoreThan, (24,inf)
//     use(m.span, m.kind, m.qualifier, m.interval, m.unit);
//
//   // 2. Figures: a number with what it counts, the event, who said it, when, and whether
//   //    the text reports it retracted or corrected.
//   std::vector<witness::figures::Figure> figs = witness::figures::ExtractFigures(text);
//   // "More than two dozen people were killed, authorities said."
//   //   -> counted "people", event "killed", topic kDeath, attribution "authorities" / "said"
//
//   // 3. Comparison across the articles of a story.
//   std::vector<witness::figures::SourcedFigure> claims;  // (article id, figure) for each
//   std::vector<witness::figures::FigureGroup> groups = witness::figures::CompareFigures(claims);
//   // group "people killed": verdict kDiverge ("more than two dozen" vs "at least 164"),
//   //   with the 164 figure flagged as reported retracted.
//
//   // 4. `witness claims --json FILE`: figures of a file as given, offsets into its bytes.
//   std::string json = witness::figures::FiguresToJson(witness::figures::FiguresForFile(bytes));
//
// Rules:
//   - Input text is valid UTF-8 (text::Normalize's output) for ScanNumbers and ExtractFigures;
//     other bytes never crash them (an invalid byte is treated as a symbol) but spans are only
//     meaningful on valid text. FiguresForFile accepts any bytes. All spans are byte ranges
//     [begin, end) into the text passed in. Nothing here fails, throws or allocates without
//     bound: the work is linear in the text (a paragraph of 10,000 words is fine).
//   - Numbers. Digits with separators ("8,000", "1,000,000", "12,34,567", "1 234 567",
//     "1.111,11", "19.5", ".08"), signs ("-4", "−4"), multipliers ("1.2bn", "14.2mn", "10k",
//     "$5m", "2 million", "€35 million", "1.3e6", "1.3x10^6", "10^100"), words ("two hundred
//     and forty-five", "a dozen", "half a dozen", "two point five million", "a quarter",
//     "three quarters", "one and a half", "two thirds of a million"), digit fractions ("1/2",
//     "2 1/4", "½"), ordinals ("first", "21st", "twenty-first"), percentages ("3.5%", "10 per
//     cent", "ten percent", "percentage points"), money (currency signs, ISO codes and currency
//     words), ranges and qualifiers (below).
//   - Not numbers: digits glued to letters that are not a multiplier or ordinal suffix
//     ("180ml", "29km", "G7", "3D", "1990s"), digits inside URLs and e-mail addresses, a
//     pronoun "one" ("the one", "no one"), "a"/"an" alone. A chain such as "1,2,3",
//     "192.168.1.2", "5/17/2018" or "+1-222-2222" is a list of separate integers (see
//     Numeral::in_chain); "1,3" and "5,00" are decimal commas. "nineteen eighty-four" is two
//     numbers (19 and 84). A value that does not fit a finite double ("10^1000") is no number.
//     A number glued after letters and a hyphen ("COVID-19") is a Numeral with label = true.
//   - Qualifiers and ranges become intervals (Interval, with open or closed ends):
//       exact x                     [x, x]
//       about/around/roughly/approximately/some/an estimated/close to/x or so   [0.9x, 1.1x]
//       nearly/almost/just under/not quite x                                   [0.9x, x)
//       just over/slightly more than/a little over x                           (x, 1.1x]
//       more than/over/above/exceeding/upwards of/in excess of x               (x, inf)
//       at least/no fewer than/no less than/x or more/x-plus/x+                [x, inf)
//       less than/fewer than/under/below x                                     (-inf, x)
//       at most/no more than/x or less/x or fewer                              (-inf, x]
//       up to/as many as/as much as/as high as x                               (-inf, x]
//       equal to/exactly/precisely x                                           [x, x]
//       between x and y, from x to y, x to y, x-y, x–y, x~y, x through y        [x, y]
//       "more than x but fewer than y" and other pairs of one-sided bounds       their meet
//       a plural X with no number (dozens, hundreds, thousands, millions, billions) [2X, 10X):
//       thousands [2000, 10000), dozens [24, 120); tens of thousands [20000, 100000),
//       hundreds of thousands [200000, 1000000), tens/hundreds of millions likewise;
//       several X [3X, 10X); a few X [2X, 6X); a couple of X [2X, 3X]; many X [2X, 10X)
//     (0.9 and 1.1 are kApproxTolerance.) For negative x the factors apply to |x|. The
//     interval is what the words say; ExtractFigures clamps counts of things to >= 0.
//   - Ranges need x < y; "from 164 to 26" is two numbers (a revision, not a range).
//     "x-y" is no range when y has a leading zero ("1995-01") or the dash chain has more than
//     two parts (phone numbers).
//   - Figures: a number mention that is a cardinal, percentage or amount of money and is not
//     a year ("in 2019", "the 2014 uprising"), a date ("Jan 10"), a time ("10:30"), a label
//     or a chain. Ordinals are not figures.
//   - What a figure counts: the noun phrase after the number ("2,030 troops", "250 units of
//     military equipment" (a measure word takes its "of" phrase), "thousands of people",
//     "26 "armed criminals""), or after a hyphen ("six-nation"), else nothing. Its key is the
//     Snowball stems of that phrase's content words with person nouns (people, persons,
//     individuals) and an empty phrase with a person event folded to "people".
//   - The event: the verb after it, through auxiliaries ("were killed", "have been
//     detained", "had died", "164 killed"), else an event word just before the number
//     ("killing 12", "the death toll rose to 164", "deployed 2,000 troops"). Topic: the
//     semantic class of the event and counted words (killed/died/dead/deaths/death toll ->
//     kDeath, detained/arrested/jailed -> kDetention, "held" only of people, troops/soldiers
//     -> kForces, "a country of N people" -> kPopulation, "N-year-old" -> kAge, ...).
//   - Attribution: "according to X", "X said/told/reported/announced/estimated/...", "..., said
//     X" in the figure's sentence, within 60 tokens of it; the nearest one wins ("a statement
//     that said" is a relative clause, not a source). Times: weekdays, dates, "last week",
//     "yesterday", years ("in 2019", "since 2019", "the 2019 election"), and order cues
//     ("previously", "initially", "later") in the same window.
//   - Status: kRetracted when a retraction cue (retracted, withdrew, walked back, disavowed,
//     rescinded) comes before the number in its sentence, at most 15 tokens before it ("the
//     ministry retracted a statement that said more than 164 people had died"); after
//     "corrected", "revised" or "amended": "from x" -> kSuperseded, else kCorrected.
//   - Comparison (CompareFigures): claims are grouped by topic and counted key (and unit for
//     percentages and money), and by year for a claim dated to one: a year mention dates the
//     claim of its sentence nearest to it ("won it in 2022 with 57 per cent of the vote"; in
//     "48.3 per cent, up from 40 per cent in 2022" only the 40), and another year's figure is
//     another quantity (group label "vote (2022)"). Ages and durations are not compared, nor
//     are figures that say neither what they count nor what happened (a bare "100,000
//     people" has no topic).
//     Each claim has its strict interval (above) and a likely interval, which closes open
//     ends the way a reader does: more than x -> (x, 1.5x], at least x -> [x, 1.5x], less
//     than x -> [x/1.5, x), at most / up to x -> [x/2, x], a round exact number (>= 100, two
//     or more trailing zeros) -> +-2%. Pair verdicts: kAgree when the likely intervals meet;
//     kDiffer when they do not but the gap is small (<= kDifferGap of the larger magnitude);
//     kDiverge when the strict intervals still meet (both can be true: "more than 24" and "at
//     least 164"); kConflict otherwise. Pairs join current claims (neither retracted nor
//     superseded), except a source repeating the same interval, and two claims that do not
//     agree where either source also states a value that agrees with the other claim: values
//     one source gives together are different quantities of one kind (each candidate's
//     votes, a total and its parts), not a disagreement. A group's verdict is its
//     worst pair verdict (kSingle without pairs). Current claims that state a retracted value
//     again (within 1%) are listed as echoing it.
#ifndef WITNESS_FIGURES_H_
#define WITNESS_FIGURES_H_

#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "witness/text.h"

namespace witness::figures {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kApproxTolerance = 0.1;  // "about x" = [x(1-t), x(1+t)]
inline constexpr double kDifferGap = 0.25;       // see the comparison rules above

// A set of reals: an interval with open or closed ends; infinite ends are always open.
struct Interval {
  double lo = -kInf;
  double hi = kInf;
  bool lo_closed = false;
  bool hi_closed = false;

  static Interval Point(double x) { return {x, x, true, true}; }
  static Interval Closed(double a, double b) { return {a, b, true, true}; }
  static Interval MoreThan(double x) { return {x, kInf, false, false}; }
  static Interval AtLeast(double x) { return {x, kInf, true, false}; }
  static Interval LessThan(double x) { return {-kInf, x, false, false}; }
  static Interval AtMost(double x) { return {-kInf, x, false, true}; }
  static Interval All() { return {}; }

  bool Empty() const;
  bool Contains(double x) const;
  bool Intersects(const Interval& other) const;
  Interval Intersect(const Interval& other) const;  // may be Empty()
  // Distance between the two sets (0 when they meet).
  double Gap(const Interval& other) const;
  bool IsPoint() const { return lo == hi && lo_closed && hi_closed; }
  bool LowerBounded() const { return std::isfinite(lo); }
  bool UpperBounded() const { return std::isfinite(hi); }
  // "[7200,8800]", "(24,inf)", "(-inf,700]", "[164,164]".
  std::string ToString() const;
  friend bool operator==(const Interval&, const Interval&) = default;
};

// ----------------------------------------------------------------------------------------
// Numbers

enum class Kind : uint8_t {
  kCardinal = 0,  // a count or measure: "8,000", "two dozen", "a quarter", "19.5"
  kOrdinal = 1,   // "first", "21st", "twenty-first" (value is the rank)
  kPercent = 2,   // "3.5%", "ten per cent" (value in percent: 3.5); unit "%" or "percentage point"
  kMoney = 3,     // "$5m", "€35 million", "5 million dollars" (value in currency units)
};

enum class Qualifier : uint8_t {
  kExact = 0,  // no qualifier
  kAbout,      // about, around, roughly, approximately, some, an estimated, close to, or so
  kNearly,     // nearly, almost, just under, not quite
  kJustOver,   // just over, slightly more than, a little over
  kMoreThan,   // more than, over, above, exceeding, greater than, >
  kAtLeast,    // at least, no fewer than, x or more, >=
  kLessThan,   // less than, fewer than, under, below, <
  kAtMost,     // at most, no more than, x or less, <=
  kUpTo,       // up to, as many as, as much as
  kEqual,      // equal to, exactly, precisely
  kRange,      // two bounds: between x and y, x-y, from x to y, "more than x but less than y"
  kVague,      // dozens, hundreds, thousands, tens of thousands, several hundred, a few thousand
};

// How a kRange mention was written (the evaluation maps these to its own conventions).
enum class RangeForm : uint8_t {
  kNone = 0,
  kBetween,  // between x and y
  kFromTo,   // from x to y
  kTo,       // x to y
  kDash,     // x-y, x–y, x — y
  kTilde,    // x~y
  kThrough,  // x through y
  kBounds,   // two one-sided bounds joined: "more than 10 and less than 20"
};

// An atomic numeral: one number written in digits, words or both, before any qualifier,
// unit or range is attached. Numerals are what a reader would call "a number".
struct Numeral {
  text::Span span;
  double value = 0;        // finite; for a vague numeral the interval's lower bound
  bool ordinal = false;    // "fifth", "21st" (not the denominator of a fraction)
  bool fraction = false;   // "two thirds", "3/4", "one and a half", "½"
  bool vague = false;      // "thousands", "dozens", "tens of thousands", "several hundred"
  bool words = false;      // spelled out at least in part ("two dozen", "2 million")
  bool label = false;      // glued to a word by a hyphen: "COVID-19", "SCP-173"
  bool in_chain = false;   // part of a chain "1,2,3", "5/17/2018", "10:30", "192.168.1.2"
  bool time_like = false;  // a part of "10:30"
  uint8_t decimals = 0;    // digits after the decimal point as written (0 for words)
  // Relative ordinals ("last", "next", "penultimate"), only with NumberOptions::relative_ordinals:
  // ordinal = true, relative = true, value = offset from the anchor.
  bool relative = false;
  bool anchor_end = false;  // relative to the end ("last" = end+0) or the current item
  Interval vague_interval;  // meaningful when vague
};

// A number as the text asserts it: numerals with their qualifier, range, unit and sign.
struct NumberMention {
  text::Span span;  // from the qualifier's first byte to the unit's last
  Kind kind = Kind::kCardinal;
  Qualifier qualifier = Qualifier::kExact;
  RangeForm range_form = RangeForm::kNone;
  double value = 0;  // the stated number (a range's first bound); NaN when vague
  double value2 = std::numeric_limits<double>::quiet_NaN();  // a range's second bound
  Interval interval;           // what the words assert (see the rules above)
  std::string unit;            // "%", "percentage point", "USD", "EUR", "GBP", "JPY", "dollar"...
  uint32_t first_numeral = 0;  // index into NumberScan::numerals
  uint32_t numeral_count = 0;
  bool IsRange() const { return qualifier == Qualifier::kRange; }
};

struct NumberOptions {
  // Also report "last", "next", "previous", "current", "penultimate"... as relative ordinals
  // (Numeral::relative). Off for news: "last week" is a time, not a rank.
  bool relative_ordinals = false;
};

struct NumberScan {
  std::vector<Numeral> numerals;        // in text order
  std::vector<NumberMention> mentions;  // in text order; each numeral is in at most one
};

NumberScan ScanNumbers(std::string_view text, const NumberOptions& options = {});

// ----------------------------------------------------------------------------------------
// Figures

enum class Topic : uint8_t {
  kOther = 0,
  kDeath,         // killed, died, dead, deaths, death toll, fatalities, lives lost
  kInjury,        // injured, wounded, hurt, hospitalised
  kCasualty,      // casualties (dead and wounded together)
  kDetention,     // detained, arrested, held, jailed, in custody
  kMissing,       // missing, unaccounted for
  kDisplacement,  // displaced, evacuated, fled, refugees, homeless
  kForces,        // troops, soldiers, peacekeepers, police officers deployed
  kPopulation,    // "a country of 19 million people", "population of"
  kAge,           // "81-year-old", "aged 68"
  kDuration,      // "three days", "two decades"
  kMoney,         // amounts of money
  kPercent,       // percentages
};

enum class Status : uint8_t {
  kPlain = 0,
  kRetracted,   // the text reports the figure was retracted / withdrawn
  kCorrected,   // the text reports this as a corrected / revised figure
  kSuperseded,  // the text reports this figure was revised away ("revised from x to y": x)
};

struct Attribution {
  text::Span source_span;  // "the interior ministry", "authorities"; empty when none
  text::Span cue_span;     // "said", "according to", "told"
  std::string source;      // the source's text
  std::string cue;         // the cue's text, lower case
  bool empty() const { return source.empty() && cue.empty(); }
  // The source as a reader can use it after "by": "" when there is none or it is a lone
  // pronoun ("it announced": "it").
  std::string_view NamedSource() const;
};

struct TimeMention {
  enum class Type : uint8_t {
    kWeekday,   // (on) Monday, last Sunday
    kDate,      // Jan 10, 10 January 2022, Jan 6, 2022
    kRelative,  // last week, yesterday, today, this month, earlier this week
    kYear,      // in 2019
    kOrder,     // previously, initially, earlier, later, so far, now
  };
  text::Span span;
  std::string text;
  Type type = Type::kRelative;
};

struct Figure {
  NumberMention number;
  std::string text;     // the number mention's text: "More than two dozen"
  Interval interval;    // for comparison: the number's interval, counts clamped >= 0
  text::Span span;      // number through the counted phrase and event
  text::Span sentence;  // the sentence it is in
  std::string counted;  // "people", "units of military equipment" (text); may be empty
  text::Span counted_span;
  std::string counted_key;  // stems: "peopl", "militari equip"; "people" for person nouns
  std::string event;        // "killed", "detained" (text); may be empty
  text::Span event_span;
  std::string event_key;  // stem: "kill"
  Topic topic = Topic::kOther;
  Attribution attribution;
  std::vector<TimeMention> times;
  Status status = Status::kPlain;
  text::Span status_cue;        // where the cue is; empty when kPlain
  std::string status_cue_text;  // "retracted", "revised", "walked back"
};

// Figures of a text, in text order. Segments the text itself (text::Segment) only around
// numbers; pass a Segmentation of the same text to reuse one.
std::vector<Figure> ExtractFigures(std::string_view text);
std::vector<Figure> ExtractFigures(std::string_view text, const text::Segmentation& segmentation);

// ----------------------------------------------------------------------------------------
// Comparison

enum class Verdict : uint8_t {
  kSingle = 0,  // one claim, or claims from one source that agree
  kAgree,       // likely intervals meet
  kDiffer,      // close but apart (gap <= kDifferGap of the larger magnitude)
  kDiverge,     // logically compatible bounds, far apart ("more than 24" vs "at least 164")
  kConflict,    // incompatible and far apart ("24 killed" vs "164 killed")
};

struct SourcedFigure {
  std::string source;  // article or outlet id, as the caller names it
  Figure figure;
};

struct FigurePair {
  uint32_t a = 0, b = 0;  // indices into the CompareFigures input
  Verdict verdict = Verdict::kAgree;
};

struct FigureGroup {
  std::string key;    // "death|people", "other|troop", "percent|vote|%"
  std::string label;  // for a reader: "people killed", "troops"
  Topic topic = Topic::kOther;
  std::vector<uint32_t> claims;  // indices into the input, in input order
  Verdict verdict = Verdict::kSingle;
  std::vector<FigurePair> pairs;           // current claims of sources that disagree (see Rules)
  std::vector<uint32_t> retracted;         // claims with status kRetracted or kSuperseded
  std::vector<uint32_t> echoes_retracted;  // current claims containing a retracted value
  uint32_t source_count = 0;
  std::string summary;  // one line: what each source says and the verdict
};

// Groups claims about the same quantity and judges them. Deterministic; groups come in order
// of their first claim.
std::vector<FigureGroup> CompareFigures(std::span<const SourcedFigure> claims);

// ----------------------------------------------------------------------------------------
// Files and JSON (for `witness claims --json FILE`)

struct FileFigures {
  std::vector<Figure> figures;  // every span is a byte range into the file's bytes as given
  std::string text;             // the normalised text the figures were read from
  uint32_t repaired_sequences = 0;
  uint32_t removed_nuls = 0;
  bool nfc_changed = false;
};

// Normalises `bytes` (text::Normalize), extracts figures, and maps every span back to `bytes`.
// A span that starts or ends inside a changed stretch (a repaired sequence, CRLF, a character
// NFC composed) widens to that stretch's original bytes.
FileFigures FiguresForFile(std::string_view bytes);

// The JSON document (one object, UTF-8, ends without a newline):
//   {"figures": [ {
//      "begin": 1203, "end": 1222,               // bytes, into the file as given
//      "text": "More than two dozen",            // the mention's text (normalised)
//      "kind": "cardinal",                       // cardinal | ordinal | percent | money
//      "qualifier": "more_than",                 // exact | about | nearly | just_over | more_than
//                                                //  | at_least | less_than | at_most | up_to
//                                                //  | equal | range | vague
//      "value": 24, "value2": null,              // stated numbers (null when none)
//      "unit": null,                             // "%", "USD", ... or null
//      "interval": {"lo": 24, "hi": null, "lo_closed": false, "hi_closed": false},
//                                                // null = infinite end; counts clamped >= 0
//      "counted": {"text": "people", "begin": .., "end": .., "key": "people"} | null,
//      "event": {"text": "killed", "begin": .., "end": .., "key": "kill"} | null,
//      "topic": "death",                         // Topic in lower case
//      "attribution": {"source": "authorities", "cue": "said", "begin": .., "end": ..,
//                      "cue_begin": .., "cue_end": ..} | null,
//      "times": [{"text": "on Monday", "type": "weekday", "begin": .., "end": ..}],
//      "status": "plain",                        // plain | retracted | corrected | superseded
//      "status_cue": {"text": "retracted", "begin": .., "end": ..} | null,
//      "sentence": {"begin": .., "end": ..},
//      "claim": {"begin": .., "end": ..} } ],    // number through counted phrase and event
//    "repaired_sequences": 0, "removed_nuls": 0, "nfc_changed": false}
std::string FiguresToJson(const FileFigures& file);

// The comparison as JSON: {"groups": [{"key", "label", "topic", "verdict", "summary",
//   "claims": [{"index", "source", "text", "interval", "status", "echoes_retracted"}],
//   "pairs": [{"a", "b", "verdict"}]}]}.
std::string FigureGroupsToJson(std::span<const SourcedFigure> claims,
                               std::span<const FigureGroup> groups);

// Lower-case names used in JSON and summaries.
std::string_view KindName(Kind kind);
std::string_view QualifierName(Qualifier qualifier);
std::string_view TopicName(Topic topic);
std::string_view StatusName(Status status);
std::string_view VerdictName(Verdict verdict);

}  // namespace witness::figures

#endif  // WITNESS_FIGURES_H_
