// lsh_bench: MinHash signatures and LSH insert+query on the generated corpus, one core:
// throughput, index memory per document, and recall of the planted copies.
//
//   build/release/gen_corpus                      # bench/out/corpus.jsonl + truth.tsv
//   build/release/lsh_bench [--corpus bench/out/corpus.jsonl] [--truth bench/out/truth.tsv]
//                           [--bands 40 --rows 2 --perm 128 --shingle 5] [--limit N]
//                           [--min-jaccard 0.3 --min-containment 0.5] [--reserve]
//                           [--signatures-out FILE] [--repeat N]
//
// --repeat N times each stage N times (a fresh index each time) and reports the median, so that
// one slow run on a shared machine does not decide the figure.
//
// Signatures: text -> words -> shingles -> 128 minima, timed over the whole corpus.
// LSH: each document is queried (verified matches) and then added, in stream order, timed.
// A second, untimed pass records the raw band candidates. A planted pair (copy, original)
// counts as found when either document's query returns the other.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <sys/resource.h>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "witness/sketch.h"

using namespace witness;
using Clock = std::chrono::steady_clock;

namespace {

double Seconds(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU time of this thread: what one core spent, whatever else the machine was doing.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// " (runs: a, b, c s CPU)" when there was more than one.
std::string Runs(const std::vector<double>& v) {
  if (v.size() < 2) return "";
  std::string s = " (runs:";
  for (size_t i = 0; i < v.size(); ++i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %.3f", i == 0 ? "" : ",", v[i]);
    s += buf;
  }
  return s + " s CPU)";
}

// Minor page faults of this process so far (fresh memory touched for the first time).
long PageFaults() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt + u.ru_majflt;
}

struct Planted {
  uint32_t copy, original;
  std::string edits;
};

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path = std::string(WITNESS_SOURCE_DIR) + "/bench/out/corpus.jsonl";
  std::string truth_path = std::string(WITNESS_SOURCE_DIR) + "/bench/out/truth.tsv";
  std::string sig_out;
  sketch::MinHashOptions mo;
  sketch::LshOptions lo;
  size_t limit = SIZE_MAX;
  bool reserve = false;  // size the index for the corpus first (no growth while streaming)
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--corpus") corpus_path = next();
    else if (a == "--truth") truth_path = next();
    else if (a == "--bands") lo.bands = std::stoul(next());
    else if (a == "--rows") lo.rows = std::stoul(next());
    else if (a == "--perm") mo.num_perm = std::stoul(next());
    else if (a == "--shingle") mo.shingle_words = std::stoul(next());
    else if (a == "--limit") limit = std::stoull(next());
    else if (a == "--min-jaccard") lo.min_jaccard = std::stod(next());
    else if (a == "--min-containment") lo.min_containment = std::stod(next());
    else if (a == "--signatures-out") sig_out = next();
    else if (a == "--reserve") reserve = true;
    else if (a == "--repeat") repeat = std::max(1, std::stoi(next()));
    else {
      std::fprintf(stderr, "lsh_bench: unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  if (Status s = Validate(mo); !s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 2;
  if (Status s = Validate(lo, mo.num_perm); !s.ok()) {
    return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 2;
  }

  // Load.
  std::vector<std::string> ids, texts;
  std::map<std::string, uint32_t> index_of;
  {
    std::ifstream in(corpus_path, std::ios::binary);
    if (!in) return std::fprintf(stderr, "lsh_bench: cannot read %s (run gen_corpus)\n", corpus_path.c_str()), 1;
    std::string line;
    while (ids.size() < limit && std::getline(in, line)) {
      auto j = nlohmann::json::parse(line);
      index_of[j["id"].get<std::string>()] = static_cast<uint32_t>(ids.size());
      ids.push_back(j["id"].get<std::string>());
      texts.push_back(j["text"].get<std::string>());
    }
  }
  std::vector<Planted> planted;
  std::map<uint32_t, uint32_t> original_of;
  std::set<std::pair<uint32_t, uint32_t>> merged_from;  // (copy, article merged into it)
  {
    std::ifstream in(truth_path);
    std::string c, o, e;
    while (in >> c >> o >> e) {
      if (!index_of.count(c) || !index_of.count(o)) continue;
      original_of[index_of[c]] = index_of[o];
      // "merge:ID" in the edits: the copy also holds paragraphs of ID.
      std::string kinds;
      std::stringstream es(e);
      std::string k;
      while (std::getline(es, k, ',')) {
        if (k.rfind("merge:", 0) == 0) {
          if (index_of.count(k.substr(6))) merged_from.insert({index_of[c], index_of[k.substr(6)]});
          k = "merge";
        }
        kinds += (kinds.empty() ? "" : ",") + k;
      }
      planted.push_back({index_of[c], index_of[o], kinds});
    }
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  std::printf("corpus: %zu documents, %.1f MB, %zu planted copies; %u permutations, %u-word "
              "shingles, %u bands x %u rows; kernel %s\n",
              texts.size(), bytes / 1e6, planted.size(), mo.num_perm, mo.shingle_words, lo.bands,
              lo.rows, sketch::SimdTarget().c_str());

  // Signatures.
  sketch::MinHasher hasher(mo);
  std::vector<sketch::Signature> sigs(texts.size());
  std::vector<double> sig_runs, sig_walls;
  for (int r = 0; r < repeat; ++r) {
    auto t0 = Clock::now();
    double c0 = CpuSeconds();
    for (size_t i = 0; i < texts.size(); ++i) sigs[i] = hasher.Compute(texts[i]);
    sig_walls.push_back(Seconds(t0));
    sig_runs.push_back(CpuSeconds() - c0);
  }
  const double sig_s = Median(sig_walls), sig_cpu = Median(sig_runs);
  std::printf("signatures: %.2f s CPU (%.2f s wall): %.1f MB/s, %.0f docs/s per core%s\n", sig_cpu,
              sig_s, bytes / 1e6 / sig_cpu, texts.size() / sig_cpu, Runs(sig_runs).c_str());
  if (!sig_out.empty()) {
    std::ofstream out(sig_out, std::ios::binary);
    for (size_t i = 0; i < sigs.size(); ++i) {
      out << ids[i];
      for (uint32_t v : sigs[i].values) out << ' ' << v;
      out << '\n';
    }
  }

  // LSH: query, then add, per document in stream order.
  std::set<std::pair<uint32_t, uint32_t>> verified;
  std::vector<double> lsh_runs, lsh_walls;
  size_t memory = 0, indexed = 0;
  long faults = 0;
  for (int r = 0; r < repeat; ++r) {
    const long f0 = PageFaults();
    sketch::LshIndex index(lo, mo);
    std::vector<sketch::Match> matches;
    std::vector<std::pair<uint32_t, uint32_t>> found;
    auto t0 = Clock::now();
    double c0 = CpuSeconds();
    if (reserve) index.Reserve(sigs.size());  // timed: its memory is part of the cost
    for (size_t i = 0; i < sigs.size(); ++i) {
      (void)index.QueryAndAdd(i, sigs[i], &matches);
      for (const auto& m : matches) found.push_back({static_cast<uint32_t>(m.doc), static_cast<uint32_t>(i)});
    }
    lsh_walls.push_back(Seconds(t0));
    lsh_runs.push_back(CpuSeconds() - c0);
    faults = PageFaults() - f0;
    verified.insert(found.begin(), found.end());
    memory = index.MemoryBytes();
    indexed = index.size();
  }
  const double lsh_s = Median(lsh_walls), lsh_cpu = Median(lsh_runs);
  const double per_doc = double(memory) / indexed;
  std::printf("lsh insert+query: %.2f s CPU (%.2f s wall): %.0f docs/s per core; index memory "
              "%.0f bytes/doc (%.1f MB); %ld page faults%s\n",
              lsh_cpu, lsh_s, sigs.size() / lsh_cpu, per_doc, memory / 1e6, faults,
              Runs(lsh_runs).c_str());
  std::printf("end to end (signature, query, insert): %.0f docs/s per core\n",
              sigs.size() / (sig_cpu + lsh_cpu));

  // Raw candidates (untimed).
  std::set<std::pair<uint32_t, uint32_t>> candidates;
  {
    sketch::LshIndex raw(lo, mo);
    std::vector<uint64_t> c;
    for (size_t i = 0; i < sigs.size(); ++i) {
      raw.Candidates(sigs[i], &c);
      for (uint64_t d : c) candidates.insert({static_cast<uint32_t>(d), static_cast<uint32_t>(i)});
      (void)raw.Add(i, sigs[i]);
    }
  }
  auto has = [](const std::set<std::pair<uint32_t, uint32_t>>& s, uint32_t a, uint32_t b) {
    return s.count({std::min(a, b), std::max(a, b)}) > 0;
  };
  std::map<std::string, std::pair<int, int>> by_edit;  // edit -> (found, total)
  int found_v = 0, found_c = 0;
  for (const Planted& p : planted) {
    const bool v = has(verified, p.copy, p.original), c = has(candidates, p.copy, p.original);
    found_v += v;
    found_c += c;
    std::stringstream ss(p.edits);
    std::string e;
    while (std::getline(ss, e, ',')) {
      by_edit[e].first += v;
      by_edit[e].second += 1;
    }
  }
  // Precision: a verified pair is right when both are copies of one original (or one is it).
  auto root = [&](uint32_t d) { auto it = original_of.find(d); return it == original_of.end() ? d : it->second; };
  auto related = [&](uint32_t a, uint32_t b) {
    if (root(a) == root(b)) return true;
    for (uint32_t x : {a, b}) {  // a merge holds part of the merged article and its copies
      const uint32_t y = x == a ? b : a;
      for (auto it = merged_from.lower_bound({x, 0}); it != merged_from.end() && it->first == x; ++it) {
        if (root(it->second) == root(y)) return true;
      }
    }
    return false;
  };
  size_t right = 0;
  for (const auto& [a, b] : verified) right += related(a, b);
  std::printf("recall of planted copies: candidates %.4f (%d/%zu), verified %.4f (%d/%zu)\n",
              double(found_c) / planted.size(), found_c, planted.size(),
              double(found_v) / planted.size(), found_v, planted.size());
  std::printf("verified pairs: %zu, of which planted relations (copies of one original, or a "
              "merge and what it merged): %zu (precision %.4f); raw candidate pairs: %zu\n",
              verified.size(), right, verified.empty() ? 1.0 : double(right) / verified.size(),
              candidates.size());
  for (const auto& [e, ft] : by_edit) {
    std::printf("  recall with %-12s %.4f (%d/%d)\n", e.c_str(), double(ft.first) / ft.second,
                ft.first, ft.second);
  }
  return 0;
}
