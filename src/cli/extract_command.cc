// `witness extract`: the main text of one HTML page, without a database.
#include <cstdio>

#include "cli/commands.h"
#include "cli/output.h"
#include "witness/cli.h"
#include "witness/clean.h"
#include "witness/extract.h"
#include "witness/ingest.h"

namespace witness::cli {

Status ReadWholeFile(const std::string& path, std::string* out) {
  StatusOr<std::unique_ptr<ByteStream>> stream = Env::Default()->Open(path);
  if (!stream.ok()) return stream.status();
  out->clear();
  char buf[1 << 16];
  while (true) {
    StatusOr<size_t> n = (*stream)->Read(buf, sizeof(buf));
    if (!n.ok()) return n.status();
    if (*n == 0) return Status::OK();
    out->append(buf, *n);
  }
}

int RunExtract(const GlobalFlags& g, const ExtractFlags& f) {
  std::string bytes;
  Status read = ReadWholeFile(f.path, &bytes);
  if (!read.ok()) {
    std::fprintf(stderr, "witness: %s\n", read.message().c_str());
    return kSomeRejected;
  }
  ExtractOptions options;
  options.url = f.url;
  options.collect_removed = f.why;
  StatusOr<Extracted> page = ExtractHtml(bytes, options, f.path);
  if (!page.ok()) {
    std::fprintf(stderr, "witness: %s\n", page.status().message().c_str());
    return kSomeRejected;
  }
  Extracted& e = *page;
  std::vector<std::string> removed = e.removed;
  if (!f.no_clean) {
    clean::CleanResult r = clean::CleanText(e.text, {}, nullptr, e.title);
    for (const clean::Block& b : r.blocks) {
      if (!b.keep) removed.push_back(std::string(clean::RuleName(b.rule)) + ": " + std::string(b.in(e.text)));
    }
    if (e.author.empty()) e.author = r.byline;
    e.text = std::move(r.text);
  }
  if (g.json) {
    nlohmann::json j = nlohmann::json::parse(ExtractedToJson(e), nullptr, false);
    if (f.why && !j.is_discarded()) j["removed"] = removed;
    PrintJson(j);
    return kOk;
  }
  std::fwrite(e.text.data(), 1, e.text.size(), stdout);
  if (!e.text.empty() && e.text.back() != '\n') std::fputc('\n', stdout);
  if (f.why) {
    std::fprintf(stderr, "\n%zu block%s set aside:\n", removed.size(), removed.size() == 1 ? "" : "s");
    for (const std::string& r : removed) std::fprintf(stderr, "- %s\n", FitColumns(r, 160).c_str());
  }
  return kOk;
}

}  // namespace witness::cli
