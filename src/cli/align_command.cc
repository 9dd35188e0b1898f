// `witness align`: the passages two texts share, side by side.
#include <fmt/core.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/targets.h"
#include "witness/cli.h"
#include "witness/syndication.h"

namespace witness::cli {

namespace syn = witness::syndication;

int RunAlign(const GlobalFlags& g, const AlignFlags& f) {
  int rc = kOk;
  std::vector<TargetText> t = LoadTargets(g, {f.a, f.b}, &rc);
  if (t.size() != 2) return rc;
  // Files are aligned as given (offsets into their bytes); stored articles on their text.
  bool raw = t[0].is_file || t[1].is_file;
  std::vector<syn::Passage> passages =
      raw ? syn::AlignRaw(t[0].bytes, t[1].bytes) : syn::Align(t[0].bytes, t[1].bytes);
  if (g.json) {
    std::string out = syn::PassagesToJson(passages);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return rc;
  }
  if (!raw) {
    Article a, b;
    a.id = t[0].name;
    a.source = t[0].source;
    a.text = t[0].bytes;
    b.id = t[1].name;
    b.source = t[1].source;
    b.text = t[1].bytes;
    syn::PairReport r = syn::Relate(a, b, passages);
    std::printf("%s %s %s: %.0f%% of A shared, %.0f%% of B shared\n", a.id.c_str(),
                syn::RelationName(r.relation), b.id.c_str(), 100 * r.shared_a, 100 * r.shared_b);
    for (const std::string& reason : r.origin.reasons) std::printf("  origin: %s\n", reason.c_str());
  }
  std::printf("%zu shared passage%s\n", passages.size(), passages.size() == 1 ? "" : "s");
  size_t half = TerminalWidth() / 2 > 12 ? TerminalWidth() / 2 - 3 : 40;
  for (const syn::Passage& p : passages) {
    std::printf("\nA [%u-%u] %u words  |  B [%u-%u] %u words  (similarity %.2f%s)\n", p.a.begin,
                p.a.end, p.a_words, p.b.begin, p.b.end, p.b_words, p.similarity,
                p.quoted ? ", quotation" : "");
    std::printf("  A: %s\n  B: %s\n", FitColumns(p.a.in(t[0].bytes), 2 * half).c_str(),
                FitColumns(p.b.in(t[1].bytes), 2 * half).c_str());
  }
  return rc;
}

}  // namespace witness::cli
