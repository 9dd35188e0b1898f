// Fuzz target for the story digest: any bytes as a story of articles, through BuildDigest and
// the three renderings.
//
// Layout: byte 0 picks options (bit 0: tiny summaries of 12/30 words; bit 1: a candidate cap
// of 7; bit 2: raw bytes, else Normalize()d text; bit 3: duplicate the first article's id).
// The rest is split at 0x1E (record separator) into articles; in each, the text before the
// first 0x1F is "title|published|source" and the rest the text.
// Checks: BuildDigest fails only as documented (duplicate ids); every summary sentence and
// citation span lies inside its article's text and the sentence text is those bytes with
// whitespace runs collapsed; words add up; a summary stays within target x 1.15 unless it
// has one sentence; every brief sentence is in the full summary; the timeline lists every
// article once; the JSON rendering parses; the renderings do not fail.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "witness/digest.h"
#include "witness/text.h"

namespace {

namespace wd = witness::digest;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "digest_fuzz: %s\n", what);
  std::abort();
}

void Check(bool ok, const char* what) {
  if (!ok) Fail(what);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

void CheckSummary(const wd::Summary& s, const std::map<std::string, const witness::Article*>& by_id,
                  double slack) {
  uint32_t words = 0;
  for (const wd::SummarySentence& x : s.sentences) {
    words += x.words;
    auto it = by_id.find(x.article_id);
    Check(it != by_id.end(), "summary sentence from an unknown article");
    const std::string& text = it->second->text;
    Check(x.span.begin < x.span.end && x.span.end <= text.size(), "sentence span out of range");
    Check(!x.citations.empty() && x.citations[0].article_id == x.article_id,
          "first citation is not the sentence's article");
    std::string collapsed;
    bool pending = false;
    for (char c : x.span.in(text)) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
        pending = !collapsed.empty();
        continue;
      }
      if (pending) collapsed += ' ';
      pending = false;
      collapsed += c;
    }
    // Unicode spaces are collapsed too; ASCII-only texts must match exactly.
    bool ascii = true;
    for (unsigned char c : x.span.in(text)) ascii &= c < 0x80;
    if (ascii) Check(collapsed == x.text, "sentence text is not its span");
    std::set<std::string> cited;
    for (const wd::Citation& c : x.citations) {
      Check(cited.insert(c.article_id).second, "an article cited twice for one sentence");
      auto a = by_id.find(c.article_id);
      Check(a != by_id.end(), "citation of an unknown article");
      Check(c.span.begin < c.span.end && c.span.end <= a->second->text.size(),
            "citation span out of range");
    }
  }
  Check(words == s.words, "summary words do not add up");
  if (s.sentences.size() > 1)
    Check(words <= s.target_words * (1 + slack) + 1e-9, "summary too long");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (1 << 16)) return 0;
  const uint8_t mode = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::vector<witness::Article> articles;
  int n = 0;
  for (std::string_view record : Split(rest, '\x1e')) {
    if (articles.size() >= 12) break;
    witness::Article a;
    a.id = "a" + std::to_string(n++);
    const size_t head_end = record.find('\x1f');
    std::string_view body = record;
    if (head_end != std::string_view::npos) {
      const std::vector<std::string_view> head = Split(record.substr(0, head_end), '|');
      if (head.size() > 0) a.title = std::string(head[0]);
      if (head.size() > 1) a.published = std::string(head[1]);
      if (head.size() > 2) a.source = std::string(head[2]);
      body = record.substr(head_end + 1);
    }
    a.text = (mode & 4) ? std::string(body) : witness::text::Normalize(body).text;
    articles.push_back(std::move(a));
  }
  const bool duplicate = (mode & 8) && articles.size() >= 2;
  if (duplicate) articles[1].id = articles[0].id;

  wd::DigestOptions o;
  if (mode & 1) {
    o.brief_words = 12;
    o.full_words = 30;
  }
  if (mode & 2) o.max_candidates = 7;
  witness::StatusOr<wd::Digest> d = wd::BuildDigest(articles, o);
  if (duplicate) {
    Check(!d.ok() && d.status().code() == witness::Status::Code::kInvalidArgument,
          "duplicate ids accepted");
    return 0;
  }
  Check(d.ok(), "BuildDigest failed on distinct ids");
  std::map<std::string, const witness::Article*> by_id;
  for (const witness::Article& a : articles) by_id[a.id] = &a;
  CheckSummary(d->brief, by_id, o.length_slack);
  CheckSummary(d->full, by_id, o.length_slack);
  for (const wd::SummarySentence& b : d->brief.sentences) {
    bool found = false;
    for (const wd::SummarySentence& f : d->full.sentences) {
      found |= f.article_id == b.article_id && f.span == b.span;
    }
    Check(found, "a brief sentence is not in the full summary");
  }
  Check(d->timeline.size() == articles.size(), "timeline does not list every article");
  std::set<std::string> listed;
  for (const wd::TimelineEntry& e : d->timeline) listed.insert(e.article_id);
  Check(listed.size() == articles.size(), "timeline lists an article twice");
  Check(d->candidates <= std::max<uint32_t>(o.max_candidates, 1), "candidate cap exceeded");

  const std::vector<wd::DigestSection> sections = {
      {"extra", "Extra", std::string(rest.substr(0, 40)), "", std::string(rest.substr(0, 40))}};
  const std::string json = wd::DigestToJson(*d, sections);
  Check(nlohmann::json::parse(json, nullptr, false).is_object(), "JSON rendering does not parse");
  (void)wd::DigestToMarkdown(*d, sections);
  (void)wd::DigestToText(*d, sections);
  return 0;
}
