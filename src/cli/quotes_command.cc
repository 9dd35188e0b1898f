// `witness quotes`: who said what, in files or stored articles, and the same utterance across
// them in its different wordings (translations, edits).
#include <fmt/core.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/targets.h"
#include "witness/cli.h"
#include "witness/quotes.h"

namespace witness::cli {

namespace {

namespace q = witness::quotes;

struct Quoted {
  TargetText target;
  q::Extraction found;  // spans into target.bytes
};

void PrintQuotes(const Quoted& t) {
  std::printf("%s: %zu quote%s\n", t.target.name.c_str(), t.found.quotes.size(),
              t.found.quotes.size() == 1 ? "" : "s");
  std::string_view text = t.target.bytes;
  for (const q::Quote& quote : t.found.quotes) {
    std::string speaker = quote.speaker_name;
    if (speaker.empty() && quote.speaker.size() > 0) speaker = std::string(quote.speaker.in(text));
    if (speaker.empty()) speaker = "(no speaker)";
    std::string line = fmt::format("  [{}-{}] {} {}: {}", quote.content.begin, quote.content.end,
                                   q::QuoteKindName(quote.kind), speaker, quote.content.in(text));
    std::puts(FitColumns(line, 2 * TerminalWidth()).c_str());
  }
}

}  // namespace

int RunQuotes(const GlobalFlags& g, const QuotesFlags& f) {
  int rc = kOk;
  std::vector<Quoted> all;
  for (TargetText& t : LoadTargets(g, f.targets, &rc)) {
    Quoted one{std::move(t), {}};
    if (one.target.is_file) {
      StatusOr<q::Extraction> ex = q::ExtractFromBytes(one.target.bytes);
      if (!ex.ok()) {
        std::fprintf(stderr, "witness: %s: %s\n", one.target.name.c_str(), ex.status().message().c_str());
        rc = kSomeRejected;
        continue;
      }
      one.found = std::move(*ex);
    } else {
      one.found = q::Extract(one.target.bytes);
    }
    all.push_back(std::move(one));
  }
  std::vector<q::QuoteGroup> groups;
  std::vector<q::QuoteInput> inputs;
  if (all.size() > 1) {
    std::vector<q::Extraction*> docs;
    for (Quoted& t : all) docs.push_back(&t.found);
    q::UnifyEntityNames(docs);
    for (const Quoted& t : all) {
      for (const q::Quote& quote : t.found.quotes) {
        inputs.push_back({t.target.name, t.target.source, t.target.bytes, quote});
      }
    }
    groups = q::CollateQuotes(inputs);
  }

  if (g.json) {
    if (all.size() == 1 && f.targets.size() == 1) {
      PrintJson(nlohmann::json::parse(q::QuotesToJson(all[0].found, all[0].target.bytes, -1)));
      return rc;
    }
    nlohmann::json out;
    out["targets"] = nlohmann::json::array();
    for (const Quoted& t : all) {
      nlohmann::json one = nlohmann::json::parse(q::QuotesToJson(t.found, t.target.bytes, -1));
      one["name"] = t.target.name;
      out["targets"].push_back(std::move(one));
    }
    out["groups"] = nlohmann::json::array();
    for (const q::QuoteGroup& group : groups) {
      nlohmann::json variants = nlohmann::json::array();
      for (const q::QuoteVariant& v : group.variants) {
        nlohmann::json diff = nlohmann::json::array();
        for (const q::DiffOp& op : v.diff) {
          diff.push_back({{"op", q::DiffOpName(op.op)}, {"from", op.from}, {"to", op.to}});
        }
        variants.push_back({{"text", v.text}, {"articles", v.article_ids}, {"diff", diff}});
      }
      out["groups"].push_back({{"speaker", group.speaker}, {"variants", variants}});
    }
    PrintJson(out);
    return rc;
  }
  for (const Quoted& t : all) PrintQuotes(t);
  if (!groups.empty()) std::puts("\nsame utterance, several wordings:");
  for (const q::QuoteGroup& group : groups) {
    std::printf("  %s\n", group.speaker.empty() ? "(no speaker)" : group.speaker.c_str());
    for (const q::QuoteVariant& v : group.variants) {
      std::string carriers;
      for (const std::string& id : v.article_ids) {
        if (!carriers.empty()) carriers += ", ";
        carriers += id;
      }
      std::puts(FitColumns(fmt::format("    - \"{}\" [{}]", v.text, carriers), 2 * TerminalWidth()).c_str());
    }
  }
  return rc;
}

}  // namespace witness::cli
