// Fuzz target for story clustering: any bytes as JSON Lines through ClusterJsonLines (the
// `witness cluster` entry point), and any bytes as the payload of a story-index blob.
//
// The first byte picks the mode:
//   even: JSON Lines (bit 1 set: sort_by_time). Checks: the call succeeds, there is one output
//         line per non-blank input line, each a JSON object with "id" and a story "s<digits>",
//         or "line" and "error".
//   odd:  Deserialize of "WSTY" + version 1 + the rest + a valid checksum, so that the fuzzer
//         reaches the payload checks. Checks: Corruption or a clusterer that answers queries,
//         takes an article, and serializes to a blob that loads again.
#include <xxhash.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>

#include "witness/stories.h"

namespace {

namespace ws = witness::stories;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "stories_fuzz: %s\n", what);
  std::abort();
}

void Check(bool ok, const char* what) {
  if (!ok) Fail(what);
}

bool IsStoryId(const std::string& s) {
  if (s.size() < 2 || s[0] != 's' || s[1] == '0') return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

void FuzzJsonLines(std::string_view data, bool sort_by_time) {
  std::string input(data);
  size_t nonblank = 0;
  {
    std::istringstream lines(input);
    std::string l;
    while (std::getline(lines, l))
      if (l.find_first_not_of(" \t\r") != std::string::npos) ++nonblank;
  }
  std::istringstream in(input);
  std::ostringstream out;
  ws::ClusterJsonOptions o;
  o.sort_by_time = sort_by_time;
  ws::ClusterJsonStats stats;
  witness::Status s = ws::ClusterJsonLines(in, out, o, &stats);
  Check(s.ok(), "ClusterJsonLines failed on a good stream");
  Check(stats.lines == nonblank, "line count");
  Check(stats.articles + stats.errors == stats.lines, "articles + errors != lines");
  std::istringstream res(out.str());
  std::string l;
  size_t n = 0;
  while (std::getline(res, l)) {
    ++n;
    nlohmann::json j = nlohmann::json::parse(l, nullptr, false);
    Check(j.is_object(), "output line is not a JSON object");
    if (j.contains("error")) {
      Check(j.contains("line") && j["line"].is_number_unsigned(),
            "error line without a line number");
    } else {
      Check(j.contains("id") && j["id"].is_string(), "article line without an id");
      Check(j.contains("story") && j["story"].is_string() && IsStoryId(j["story"]),
            "article line without a story id");
    }
  }
  Check(n == nonblank, "output lines != non-blank input lines");
}

void FuzzBlob(std::string_view data) {
  std::string blob = "WSTY";
  blob += std::string("\x01\x00\x00\x00", 4);
  blob.append(data);
  uint64_t sum = XXH3_64bits(blob.data(), blob.size());
  for (int i = 0; i < 8; ++i) blob.push_back(static_cast<char>(sum >> (8 * i)));
  witness::StatusOr<ws::Clusterer> c = ws::Clusterer::Deserialize(blob);
  if (!c.ok()) {
    Check(c.status().code() == witness::Status::Code::kCorruption, "a bad blob is not Corruption");
    return;
  }
  (void)c->Stories();
  (void)c->GetStory("s1");
  (void)c->Members("s1");
  ws::ArticleInput a;
  a.id = "fuzz-article";
  a.title = "Dockworkers strike at the port";
  a.text = "Dockworkers walked out at the port on Monday after pay talks collapsed.";
  a.published = "2025-03-10";
  (void)c->Add(a);
  (void)c->Remove("fuzz-article");
  (void)c->TakeEvents();
  witness::StatusOr<ws::Clusterer> again = ws::Clusterer::Deserialize(c->Serialize());
  Check(again.ok(), "a serialized clusterer does not load");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    FuzzBlob(rest);
  } else {
    FuzzJsonLines(rest, data[0] & 2);
  }
  return 0;
}
