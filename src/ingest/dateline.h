// Datelines: the "PLACE (AGENCY) -" opening of a wire story's lede.
//
// Grammar (at the start of a paragraph only):
//   places  := PLACE ('/' PLACE)*          upper-case letters, spaces, hyphens, dots, apostrophes
//   region  := ', ' Capitalised Words       optional ("KYIV, Ukraine (AP) -"); not kept
//   date    := ', ' Month Day [, Year]      optional ("Jan 10", "Jan. 10, 2022", "10 January")
//   credit  := '(' AGENCY (',' | '/' AGENCY)* ')'  or  '/' AGENCY '/'   (press-release style)
//   dash    := '-' | '--' | U+2013 | U+2014 | U+2015, spaces around optional
// A dateline needs a credit or a date, or else a typographic dash (U+2013, U+2014 or "--")
// after a space ("WASHINGTON — "), so that an all-caps phrase before a hyphen is not taken
// for a place. Words such as BREAKING, UPDATE or EXCLUSIVE are never places.
#ifndef WITNESS_INGEST_DATELINE_H_
#define WITNESS_INGEST_DATELINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace witness::ingest_internal {

struct Dateline {
  std::vector<std::string> places;    // as written: {"MOSCOW", "ALMATY"}
  std::vector<std::string> agencies;  // upper case: {"BLOOMBERG", "AFP"}
  std::string date;                   // as written: "Jan 10"; "" when none
  std::string published;              // "2022-01-10" when the date has a year; else ""
  std::string text;                   // the dateline through its credit, without the dash
  size_t length = 0;                  // bytes from the paragraph start through the dash and spaces
};

// The dateline at the very start of `paragraph` (UTF-8), if any.
std::optional<Dateline> ParseDateline(std::string_view paragraph);

// Bytes (through the dash and spaces) of the dateline that opens a paragraph at byte `at` of
// `text`; 0 when `at` starts no line (neither 0 nor after '\n') or no dateline is there. What
// the summary, statements and reported clauses leave out of a lede.
size_t DatelineLength(std::string_view text, size_t at);

// The dateline opening one of the first `max_lines` non-blank lines of `text`; *offset (optional)
// receives the byte offset of that line.
std::optional<Dateline> FindDateline(std::string_view text, size_t max_lines = 8,
                                     size_t* offset = nullptr);

// Upper-cases UTF-8 text (ICU root locale).
std::string ToUpperUtf8(std::string_view s);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_DATELINE_H_
