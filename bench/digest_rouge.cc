// ROUGE of the story digest against human summaries, with baselines, ablations and speed.
//
//   build/release/digest_rouge                 # TAC 2011 (100 and 250 words) and BASIL
//   build/release/digest_rouge --ablations     # the same with one signal off at a time
//   build/release/digest_rouge --verbose       # every topic's summary and its scores
//   build/release/digest_rouge --speed         # stories/s and MB/s of BuildDigest
//   build/release/digest_rouge --markdown seeds  # one story's digest (seeds, M000, a BASIL uuid)
//   build/release/digest_rouge --citations seeds # the same, with the sentence each citation names
//   build/release/digest_rouge --data DIR      # another shared/data folder
//
// Scores (src/digest/rouge.h): ROUGE-1 and ROUGE-2 recall, precision and F1, Porter-stemmed,
// stopwords kept, the system summary cut to its first N words, references whole, the mean over
// a topic's references, then over topics. Baselines: "lead" (the opening of the topic's first
// article), "random" (random sentences of the topic, mean of 20 draws), "human" (each human
// summary, cut to N words, scored against the other two: the ceiling).
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "digest_eval.h"

namespace {

using namespace witness;
using namespace witness::digest;

void PrintRow(const char* name, const rouge::Scores& s) {
  std::printf("| %-46s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |\n", name, s.rouge1.recall,
              s.rouge1.precision, s.rouge1.f1, s.rouge2.recall, s.rouge2.precision, s.rouge2.f1);
}

void PrintHeader(const std::string& title) {
  std::printf("\n%s\n\n", title.c_str());
  std::printf("| %-46s | R-1 R  | R-1 P  | R-1 F1 | R-2 R  | R-2 P  | R-2 F1 |\n", "system");
  std::printf("|%s|---|---|---|---|---|---|\n", std::string(48, '-').c_str());
}

void Table(const eval::Set& set, size_t words, bool full, const DigestOptions& o, bool baselines,
           bool human) {
  const eval::Result r = eval::Evaluate(set, words, full, o);
  PrintHeader(set.name + ", " + std::to_string(r.stories) + " stories, first " +
              std::to_string(words) + " words (" + (full ? "full" : "brief") + " summary: mean " +
              std::to_string(static_cast<int>(r.system_words + 0.5)) + " words before the cut)");
  PrintRow(full ? "witness digest (full)" : "witness digest (brief)", r.system);
  if (!baselines) return;
  PrintRow("lead (first article's opening)", r.lead);
  PrintRow("random sentences (20 draws)", r.random);
  if (human) PrintRow("human (vs the other references)", r.human);
  const auto w1 = eval::WinsTiesLosses(r.system_r1, r.lead_r1);
  const auto w2 = eval::WinsTiesLosses(r.system_r2, r.lead_r2);
  std::printf(
      "\nStandard error over stories: system R-1 R %.4f, R-2 R %.4f; lead R-1 R %.4f, "
      "R-2 R %.4f.\nSystem vs lead, stories won/tied/lost: R-1 R %d/%d/%d, R-2 R %d/%d/%d.\n",
      eval::StandardError(r.system_r1), eval::StandardError(r.system_r2),
      eval::StandardError(r.lead_r1), eval::StandardError(r.lead_r2), w1[0], w1[1], w1[2], w2[0],
      w2[1], w2[2]);
}

void Ablations(const eval::Set& set, size_t words) {
  struct Variant {
    const char* name;
    DigestOptions o;
  };
  std::vector<Variant> variants;
  variants.push_back({"default", {}});
  {
    DigestOptions o;
    o.damping = 0;  // uniform centrality: every fact 1
    variants.push_back({"no centrality (damping 0: every fact 1)", o});
  }
  {
    DigestOptions o;
    o.position_weight = 0;
    variants.push_back({"no position prior", o});
  }
  {
    DigestOptions o;
    o.title_weight = 0;
    variants.push_back({"no title affinity", o});
  }
  {
    DigestOptions o;
    o.support_weight = 0;
    variants.push_back({"no support bonus", o});
  }
  {
    DigestOptions o;
    o.context_penalty = 1;
    variants.push_back({"no context penalty", o});
  }
  {
    DigestOptions o;
    o.redundancy = 2;
    o.redundancy_coverage = 2;
    variants.push_back({"no redundancy cut (MMR kept)", o});
    o.novelty_weight = 0;
    variants.push_back({"no redundancy cut, no MMR", o});
  }
  {
    DigestOptions o;
    o.min_sentence_words = 1;
    o.max_sentence_words = 100000;
    variants.push_back({"no length filter", o});
  }
  {
    DigestOptions o;
    o.damping = 0;
    o.title_weight = 0;
    o.support_weight = 0;
    variants.push_back({"position and length filter only", o});
  }
  {
    DigestOptions o;
    o.position_weight = 0;
    o.title_weight = 0;
    o.support_weight = 0;
    variants.push_back({"centrality only (no position, title, support)", o});
  }
  PrintHeader(set.name + ", ablations, first " + std::to_string(words) + " words (brief)");
  for (const Variant& v : variants) {
    PrintRow(v.name, eval::Evaluate(set, words, false, v.o, 0).system);
  }
}

void Verbose(const eval::Set& set, size_t words) {
  rouge::Rouge rg;
  for (const eval::Story& s : set.stories) {
    StatusOr<Digest> d = BuildDigest(s.articles);
    if (!d.ok()) {
      std::printf("%s: %s\n", s.name.c_str(), d.status().ToString().c_str());
      continue;
    }
    std::vector<std::vector<std::string>> refs;
    for (const std::string& r : s.references) refs.push_back(rg.Tokens(r));
    const rouge::Scores sc = rg.Average(rg.Tokens(d->brief.Text(), words), refs);
    const rouge::Scores lead = rg.Average(rg.Tokens(eval::Lead(s), words), refs);
    std::printf("\n== %s: %s (R-1 R %.3f, R-2 R %.3f; lead %.3f / %.3f)\n", s.name.c_str(),
                d->title.c_str(), sc.rouge1.recall, sc.rouge2.recall, lead.rouge1.recall,
                lead.rouge2.recall);
    for (const SummarySentence& x : d->brief.sentences) {
      std::printf("  [%s, %zu cites, %.2f] %s\n", x.article_id.c_str(), x.citations.size(), x.score,
                  x.text.c_str());
    }
  }
}

void Speed(const std::vector<const eval::Set*>& sets) {
  for (const eval::Set* set : sets) {
    size_t bytes = 0, articles = 0;
    for (const eval::Story& s : set->stories) {
      for (const Article& a : s.articles) bytes += a.text.size();
      articles += s.articles.size();
    }
    if (bytes == 0) continue;
    // Repeat until at least 2 s of CPU time have passed; report the best of 3 such runs. CPU
    // time of this (single-threaded) process, so that other jobs on a shared machine weigh
    // less than on the wall clock.
    auto cpu = [] {
      timespec ts;
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
      return ts.tv_sec + ts.tv_nsec * 1e-9;
    };
    double best = 1e30;
    size_t rounds_per_run = 0;
    for (int run = 0; run < 3; ++run) {
      const double start = cpu();
      size_t rounds = 0;
      double elapsed = 0;
      do {
        for (const eval::Story& s : set->stories) {
          StatusOr<Digest> d = BuildDigest(s.articles);
          if (!d.ok()) std::abort();
        }
        ++rounds;
        elapsed = cpu() - start;
      } while (elapsed < 2.0);
      if (elapsed / rounds < best) {
        best = elapsed / rounds;
        rounds_per_run = rounds;
      }
    }
    const double stories = static_cast<double>(set->stories.size());
    std::printf(
        "%-12s %3zu stories, %4zu articles, %5.2f MB: %7.1f stories/s, %5.2f MB/s, "
        "%5.2f ms/story (CPU time, best of 3 runs of %zu rounds)\n",
        set->name.c_str(), set->stories.size(), articles, bytes / 1e6, stories / best,
        bytes / 1e6 / best, best / stories * 1e3, rounds_per_run);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = WITNESS_SHARED_DATA;
  bool ablations = false, verbose = false, speed = false;
  std::string show;        // a story to print as Markdown
  bool citations = false;  // and every citation's sentence
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--ablations")) {
      ablations = true;
    } else if (!std::strcmp(argv[i], "--verbose")) {
      verbose = true;
    } else if (!std::strcmp(argv[i], "--speed")) {
      speed = true;
    } else if (!std::strcmp(argv[i], "--markdown") && i + 1 < argc) {
      show = argv[++i];
    } else if (!std::strcmp(argv[i], "--citations") && i + 1 < argc) {
      show = argv[++i];
      citations = true;
    } else if (!std::strcmp(argv[i], "--data") && i + 1 < argc) {
      data = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: digest_rouge [--ablations] [--verbose] [--speed] [--markdown STORY] "
                   "[--citations STORY] [--data DIR]\n");
      return 2;
    }
  }
  const eval::Set tac = eval::LoadTac(data);
  const eval::Set basil = eval::LoadBasil(data);
  const eval::Set seeds = eval::LoadSeeds(data);
  for (const eval::Set* s : {&tac, &basil, &seeds}) {
    if (!s->error.empty()) std::fprintf(stderr, "%s: %s\n", s->name.c_str(), s->error.c_str());
  }
  if (!show.empty()) {
    for (const eval::Set* set : {&tac, &basil, &seeds}) {
      for (const eval::Story& s : set->stories) {
        if (s.name != show) continue;
        StatusOr<Digest> d = BuildDigest(s.articles);
        if (!d.ok()) {
          std::printf("%s\n", d.status().ToString().c_str());
          return 1;
        }
        std::printf("%s", DigestToMarkdown(*d).c_str());
        if (!citations) return 0;
        std::printf("\n## Citations of the full summary (the cited sentences)\n");
        for (const SummarySentence& x : d->full.sentences) {
          std::printf("\n%s\n", x.text.c_str());
          for (const Citation& c : x.citations) {
            for (const Article& a : s.articles) {
              if (a.id != c.article_id) continue;
              std::printf("  - %s %.2f%s: %s\n", c.article_id.c_str(), c.similarity,
                          c.copy ? " copy" : "", std::string(c.span.in(a.text)).c_str());
            }
          }
        }
        return 0;
      }
    }
    std::fprintf(stderr, "no story %s (seeds, M000..M009, a BASIL triplet uuid)\n", show.c_str());
    return 1;
  }
  if (speed) {
    Speed({&tac, &basil, &seeds});
    return 0;
  }
  if (tac.error.empty()) {
    if (verbose) Verbose(tac, 100);
    if (ablations) {
      Ablations(tac, 100);
    } else {
      Table(tac, 100, false, {}, true, true);
      Table(tac, 250, true, {}, true, true);
    }
  }
  if (basil.error.empty()) {
    if (ablations) {
      Ablations(basil, 100);
    } else {
      Table(basil, 100, false, {}, true, false);
      std::printf("(BASIL's reference is its one-line human \"main-event\": read recall only.)\n");
    }
  }
  return 0;
}
