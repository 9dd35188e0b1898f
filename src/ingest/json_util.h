// Small JSON text helpers that work on the raw bytes: escaping, minifying, and finding the
// boundaries of members and values without building a tree. None of them validates JSON; they
// are used on text a real parser has checked, or to cut a document into pieces that a real
// parser then checks one by one, and they never read out of bounds on any input.
#ifndef WITNESS_INGEST_JSON_UTIL_H_
#define WITNESS_INGEST_JSON_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace witness::ingest_internal {

// Appends `s` (UTF-8) as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);

// Appends `json` without the whitespace outside strings.
void AppendMinified(std::string_view json, std::string* out);

// A copy of `json` in which every number a double or a 64-bit integer cannot hold (20 or more
// integer digits, or an exponent beyond +-300) is quoted, so that a parser with 64-bit numbers
// accepts the text; *changed says whether any was. Strings are left alone.
std::string QuoteHugeNumbers(std::string_view json, bool* changed);

// The members of a JSON object, as raw text: `key` is the key's literal with its quotes,
// `value` the value's text. False when `json` is not shaped like an object.
struct RawMember {
  std::string_view key;
  std::string_view value;
};
bool SplitObjectMembers(std::string_view json, std::vector<RawMember>* members);

// True when `line` opens more brackets than it closes (outside strings) and does not end
// inside a string: the first line of a pretty-printed document.
bool IsOpenJsonLine(std::string_view line);

// Cuts a JSON document into its top-level values: the elements of an array when it starts
// with '[', else the values that follow one another ("{...} {...}"). Each range is [begin, end)
// in `doc`. *complete is false when the document ends inside a value or before a closing ']'
// (the last range then runs to the end).
struct ValueRange {
  size_t begin = 0;
  size_t end = 0;
};
std::vector<ValueRange> SplitTopLevelValues(std::string_view doc, bool* complete);

}  // namespace witness::ingest_internal

#endif  // WITNESS_INGEST_JSON_UTIL_H_
