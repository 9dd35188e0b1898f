// `witness ls` and `witness show`: read-only views of the store.
#include <fmt/core.h>

#include <cstdio>
#include <map>

#include "cli/commands.h"
#include "cli/output.h"
#include "witness/cli.h"
#include "witness/store.h"
#include "witness/text.h"

namespace witness::cli {

namespace {

void PrintRows(const std::vector<ArticleSummary>& rows, bool with_source) {
  size_t width = TerminalWidth();
  // id(16) date(10) words(6) source(18) + gaps
  size_t fixed = 16 + 2 + 10 + 2 + 6 + 2 + (with_source ? 20 : 0);
  size_t title_width = width > fixed + 20 ? width - fixed : 20;
  for (const ArticleSummary& r : rows) {
    std::string date = r.published.empty() ? std::string("-") : r.published.substr(0, 10);
    const std::string title = ListedTitle(r.title);
    std::string line =
        fmt::format("{:<16}  {:<10}  {:>6}  ", FitColumns(r.id, 16), date, r.word_count);
    if (with_source) line += fmt::format("{:<18}  ", FitColumns(r.source, 18));
    line += FitColumns(title, title_width);
    std::puts(line.c_str());
  }
}

}  // namespace

int RunLs(const GlobalFlags& g, const LsFlags& f) {
  auto store = OpenForReading(g.db);
  if (!store.ok()) return Fail(store.status());
  ListOptions options;
  options.source = f.source;
  options.since = f.since;
  options.limit = f.limit;
  StatusOr<std::vector<ArticleSummary>> rows = (*store)->List(options);
  if (!rows.ok()) return Fail(rows.status());

  if (g.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const ArticleSummary& r : *rows) out.push_back(SummaryToJson(r));
    if (f.by_source) {
      nlohmann::json grouped = nlohmann::json::object();
      for (const auto& item : out) grouped[item["source"].get<std::string>()].push_back(item);
      out = std::move(grouped);
    }
    PrintJson(out);
    return kOk;
  }
  if (f.by_source) {
    std::map<std::string, std::vector<ArticleSummary>> groups;
    for (const ArticleSummary& r : *rows) groups[r.source].push_back(r);
    for (const auto& [source, members] : groups) {
      std::printf("%s (%zu article%s)\n", source.c_str(), members.size(),
                  members.size() == 1 ? "" : "s");
      PrintRows(members, false);
      std::puts("");
    }
  } else {
    PrintRows(*rows, true);
  }
  if (!g.quiet) {
    std::fprintf(stderr, "%zu article%s\n", rows->size(), rows->size() == 1 ? "" : "s");
  }
  return kOk;
}

int RunShow(const GlobalFlags& g, const ShowFlags& f) {
  auto store = OpenForReading(g.db);
  if (!store.ok()) return Fail(store.status());
  StatusOr<Article> article = (*store)->Get(f.id);
  if (!article.ok()) return Fail(article.status());
  const Article& a = *article;
  if (f.raw) {
    std::fwrite(a.raw.data(), 1, a.raw.size(), stdout);
    return kOk;
  }
  if (f.why) {
    if (g.json) {
      PrintJson(ArticleToJson(a, nullptr)["boilerplate"]);
      return kOk;
    }
    std::printf("%zu block%s removed from %s\n", a.boilerplate.size(),
                a.boilerplate.size() == 1 ? "" : "s", a.id.c_str());
    for (const RemovedBlock& b : a.boilerplate) {
      std::printf("\n- %s: %s\n  %s\n", b.rule.c_str(), b.reason.c_str(),
                  FitColumns(b.text, TerminalWidth() - 2).c_str());
    }
    return kOk;
  }
  // Where the article stands: its story, its relations, and its copy group's likely source.
  StatusOr<std::optional<std::string>> story = (*store)->StoryOf(a.id);
  if (!story.ok()) return Fail(story.status());
  StatusOr<std::vector<syndication::RelatedPair>> relations = (*store)->RelationsOf(a.id);
  if (!relations.ok()) return Fail(relations.status());
  StatusOr<std::vector<syndication::RelatedPair>> group = CopyGroupRelations(store->get(), a.id);
  if (!group.ok()) return Fail(group.status());
  std::optional<std::string> likely = syndication::LikelySource(a.id, *group);
  text::Segmentation seg = text::Segment(a.text);
  if (g.json) {
    nlohmann::json out = ArticleToJson(a, &seg);
    out["story"] = story->value_or("");
    out["relations"] = nlohmann::json::array();
    for (const syndication::RelatedPair& p : *relations)
      out["relations"].push_back(RelationToJson(p));
    out["likely_source"] = likely.value_or("");
    PrintJson(out);
    return kOk;
  }
  auto field = [](const char* name, const std::string& value) {
    if (!value.empty()) std::printf("%-10s %s\n", name, value.c_str());
  };
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) {
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  };
  field("id", a.id);
  field("source", a.source);
  field("title", a.title);
  field("published", a.published);
  field("places", join(a.places));
  field("agencies", join(a.agencies));
  field("author", a.author);
  field("url", a.url);
  field("language", a.language);
  field("origin", a.origin);
  field("type", a.content_type == ContentType::kHtml ? "html" : "text");
  std::printf("%-10s %u\n", "words", a.word_count);
  if (a.extra_json.size() > 2) field("extra", a.extra_json);
  if (!a.boilerplate.empty()) {
    std::printf("%-10s %zu block%s removed (--why lists them)\n", "cleaned", a.boilerplate.size(),
                a.boilerplate.size() == 1 ? "" : "s");
  }
  if (*story) field("story", **story + " (witness story " + **story + ")");
  if (likely) {
    field("copies", *likely == a.id ? std::string("this text is the likely source of its copies")
                                    : "likely copied from " + *likely);
  }
  for (const syndication::RelatedPair& p : *relations) {
    std::printf("%-10s %s %s (%.0f%% of this text, %.0f%% of that)%s\n", "related",
                syndication::RelationName(p.relation), p.b.c_str(), 100 * p.shared_a,
                100 * p.shared_b, p.origin.reasons.empty() ? "" : ";");
    if (!p.origin.reasons.empty()) std::printf("%-10s   %s\n", "", p.origin.reasons[0].c_str());
  }
  std::puts("");
  if (a.text.empty()) {
    std::puts("(no text)");
    return kOk;
  }
  uint32_t number = 0;
  for (const text::Paragraph& p : seg.paragraphs) {
    for (uint32_t i = p.first_sentence; i < p.first_sentence + p.sentence_count; ++i) {
      std::string_view s = seg.sentences[i].span.in(a.text);
      std::printf("[%u] %.*s\n", ++number, static_cast<int>(s.size()), s.data());
    }
    std::puts("");
  }
  return kOk;
}

}  // namespace witness::cli
