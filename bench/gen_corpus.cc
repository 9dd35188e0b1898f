// gen_corpus: a deterministic news-like corpus with planted copies, for the MinHash/LSH
// benchmarks (lsh_bench, minhash_bench, datasketch_compare.py).
//
//   build/release/gen_corpus [--docs 100000] [--seed 1] [--out bench/out]
//
// Originals are real articles from shared/data (PolNeAR news texts, BASIL articles, the TAC
// English sources, the sample story). Each gets 1 to 3 edited copies, each with a random mix
// of the edits wire copy goes through: a new headline, trimming from the bottom, a merge with
// paragraphs of another article, word edits (British/American spelling, dropped honorifics,
// quote styles, words added, dropped or replaced) and added boilerplate lines. The rest of
// the corpus is filler: news-like text from an order-2 word Markov model trained on the same
// articles, so that unrelated documents share vocabulary and style but not passages.
//
// Writes OUT/corpus.jsonl ({"id","text"} per line, in stream order) and OUT/truth.tsv
// (copy id, original id, edits; "merge:ID" names the article merged in). Same arguments, same bytes, on every machine.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;

namespace {

// SplitMix64: fully specified, so the corpus is the same everywhere.
struct Rng {
  uint64_t s;
  uint64_t Next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : Next() % n; }
  double Unit() { return (Next() >> 11) * (1.0 / 9007199254740992.0); }
  bool Chance(double p) { return Unit() < p; }
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> SortedFiles(const fs::path& dir, const std::string& suffix) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string p = e.path().string();
    if (e.is_regular_file() && p.size() >= suffix.size() &&
        p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!cur.empty()) out.push_back(cur), cur.clear();
      continue;
    }
    if (!cur.empty()) cur += ' ';
    cur += line;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string Join(const std::vector<std::string>& paras) {
  std::string out;
  for (size_t i = 0; i < paras.size(); ++i) {
    if (i) out += "\n\n";
    out += paras[i];
  }
  return out;
}

std::vector<std::string> LoadOriginals(const fs::path& data) {
  std::vector<std::string> docs;
  for (const auto& p : SortedFiles(data / "attribution" / "text", ".txt")) docs.push_back(ReadFile(p));
  for (const auto& p : SortedFiles(data / "story-clusters" / "basil" / "articles", ".json")) {
    try {
      const auto j = nlohmann::json::parse(ReadFile(p));
      std::string text = j.value("title", "");
      for (const auto& para : j.at("body-paragraphs")) {
        text += "\n\n";
        text += para.is_string() ? para.get<std::string>() : para.dump();
      }
      docs.push_back(text);
    } catch (const std::exception&) {
    }
  }
  for (const auto& p : SortedFiles(data / "story-clusters" / "tac2011_multiling_pilot" / "SourceTexts", ".english")) {
    docs.push_back(ReadFile(p));
  }
  for (const auto& p : SortedFiles(data / "seeds", ".txt")) docs.push_back(ReadFile(p));
  // Keep articles of a useful size (a copy needs something to copy).
  std::erase_if(docs, [](const std::string& d) { return d.size() < 800; });
  return docs;
}

// Order-2 word Markov model over whitespace tokens.
class Markov {
 public:
  void Train(const std::string& text) {
    std::istringstream in(text);
    std::string w;
    uint32_t a = Id("<s>"), b = Id("<s>");
    while (in >> w) {
      const uint32_t c = Id(w);
      next_[Key(a, b)].push_back(c);
      if (w.back() == '.') starts_.push_back(Key(b, c));
      a = b, b = c;
    }
  }
  // About `words` words of text in paragraphs of 2 to 5 sentences.
  std::string Generate(Rng& rng, size_t words) const {
    std::string out;
    uint64_t state = starts_[rng.Below(starts_.size())];
    size_t n = 0, sentences = 0, para_len = 2 + rng.Below(4);
    while (n < words || out.empty() || out.back() != '.') {
      auto it = next_.find(state);
      if (it == next_.end() || n > words * 2) {
        if (!out.empty() && out.back() != '.') out += '.';
        state = starts_[rng.Below(starts_.size())];
        if (n >= words) break;
        continue;
      }
      const uint32_t c = it->second[rng.Below(it->second.size())];
      const std::string& w = vocab_[c];
      if (!out.empty()) out += (out.back() == '\n') ? "" : " ";
      out += w;
      ++n;
      state = Key(static_cast<uint32_t>(state), c);
      if (w.back() == '.' && ++sentences % para_len == 0) {
        out += "\n\n";
        para_len = 2 + rng.Below(4);
      }
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }
  std::string Headline(Rng& rng) const {
    std::string h = Generate(rng, 8 + rng.Below(6));
    const size_t cut = h.find_first_of(".\n");
    h = h.substr(0, cut == std::string::npos ? h.size() : cut);
    if (!h.empty()) h[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(h[0])));
    return h;
  }

 private:
  uint32_t Id(const std::string& w) {
    auto [it, fresh] = ids_.try_emplace(w, static_cast<uint32_t>(vocab_.size()));
    if (fresh) vocab_.push_back(w);
    return it->second;
  }
  static uint64_t Key(uint32_t a, uint32_t b) { return (uint64_t{a} << 32) | b; }
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> vocab_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> next_;
  std::vector<uint64_t> starts_;
};

const char* kBoilerplate[] = {
    "Subscribe to our newsletter for the day's top stories, delivered every morning.",
    "Copyright 2022. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "Read more: the latest news and analysis from our correspondents around the world.",
    "Follow us on Twitter and Facebook for breaking news alerts.",
    "Sign up for our daily briefing and never miss a story.",
    "Advertisement",
    "Join our Telegram channel and get the latest breaking news delivered to you.",
    "Support quality journalism and subscribe today.",
    "This article was produced by a wire service and edited by our staff.",
    "Share this article",
};

// British <-> American spellings and other small variants a copy desk applies.
const std::pair<const char*, const char*> kVariants[] = {
    {"ise", "ize"}, {"isation", "ization"}, {"our ", "or "}, {"ll", "l"}, {"centre", "center"},
    {"defence", "defense"}, {"programme", "program"}, {"Mr ", ""}, {"Mrs ", ""}, {"Ms ", ""},
};

const char* kInserts[] = {"also", "reportedly", "on Monday", "however", "now", "still", "again",
                          "officially", "separately", "meanwhile"};

std::string EditWords(const std::string& text, double rate, Rng& rng) {
  std::istringstream in(text);
  std::string out, w;
  // Keep paragraph breaks: edit paragraph by paragraph.
  std::vector<std::string> paras = Paragraphs(text);
  for (std::string& para : paras) {
    std::istringstream pin(para);
    std::string edited;
    while (pin >> w) {
      if (rng.Chance(rate)) {
        switch (rng.Below(5)) {
          case 0:  // drop the word
            continue;
          case 1:  // add a word before it
            edited += kInserts[rng.Below(std::size(kInserts))];
            edited += ' ';
            break;
          case 2: {  // a spelling variant, where one applies
            for (const auto& [from, to] : kVariants) {
              const size_t at = (w + " ").find(from);
              if (at != std::string::npos && at < w.size()) {
                w = (w + " ").replace(at, std::string(from).size(), to);
                while (!w.empty() && w.back() == ' ') w.pop_back();
                break;
              }
            }
            break;
          }
          case 3:  // quote style
            for (size_t at; (at = w.find('"')) != std::string::npos;) {
              w.replace(at, 1, at == 0 ? "\u201C" : "\u201D");
            }
            break;
          default:  // replace with a nearby word of the text (a synonym stand-in)
            w = kInserts[rng.Below(std::size(kInserts))];
            break;
        }
      }
      if (w.empty()) continue;
      if (!edited.empty()) edited += ' ';
      edited += w;
    }
    para = edited;
  }
  std::erase_if(paras, [](const std::string& p) { return p.empty(); });
  return Join(paras);
}

}  // namespace

int main(int argc, char** argv) {
  size_t docs = 100000;
  uint64_t seed = 1;
  fs::path out = fs::path(WITNESS_SOURCE_DIR) / "bench" / "out";
  fs::path data = WITNESS_SHARED_DATA;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--docs" && i + 1 < argc) docs = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--seed" && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--out" && i + 1 < argc) out = argv[++i];
    else if (a == "--data" && i + 1 < argc) data = argv[++i];
    else {
      std::fprintf(stderr, "usage: gen_corpus [--docs N] [--seed S] [--out DIR] [--data DIR]\n");
      return 2;
    }
  }
  const std::vector<std::string> originals = LoadOriginals(data);
  if (originals.size() < 10) {
    std::fprintf(stderr, "gen_corpus: too few articles under %s\n", data.c_str());
    return 1;
  }
  Markov markov;
  for (const auto& d : originals) markov.Train(d);
  Rng rng{seed};

  struct Doc {
    std::string text;
    long original = -1;  // index into docs of the original, for copies
    std::string edits;
  };
  std::vector<Doc> all;
  for (const auto& o : originals) all.push_back({o, -1, ""});
  const size_t n_orig = all.size();
  for (size_t i = 0; i < n_orig && all.size() < docs; ++i) {
    const size_t copies = 1 + rng.Below(3);
    for (size_t c = 0; c < copies; ++c) {
      std::vector<std::string> paras = Paragraphs(originals[i]);
      std::string edits;
      if (rng.Chance(0.5) && paras.size() > 3) {  // trim from the bottom
        const size_t keep = std::max<size_t>(2, static_cast<size_t>(paras.size() * (0.4 + 0.5 * rng.Unit())));
        paras.resize(std::min(keep, paras.size()));
        edits += "trim,";
      }
      if (rng.Chance(0.3)) {  // merge with another article's paragraphs
        const size_t from = rng.Below(originals.size());
        const auto other = Paragraphs(originals[from]);
        const size_t take = 1 + rng.Below(std::max<size_t>(1, other.size() / 2));
        const size_t at = rng.Chance(0.5) ? paras.size() : rng.Below(paras.size() + 1);
        paras.insert(paras.begin() + at, other.begin(), other.begin() + std::min(take, other.size()));
        edits += "merge:" + std::to_string(from) + ",";
      }
      std::string text = Join(paras);
      if (rng.Chance(0.7)) {  // word edits
        text = EditWords(text, 0.01 + 0.03 * rng.Unit(), rng);
        edits += "words,";
      }
      if (rng.Chance(0.6)) {  // a new headline
        text = markov.Headline(rng) + "\n\n" + text;
        edits += "headline,";
      }
      if (rng.Chance(0.6)) {  // boilerplate around it
        const size_t k = 1 + rng.Below(3);
        for (size_t b = 0; b < k; ++b) {
          const std::string line = kBoilerplate[rng.Below(std::size(kBoilerplate))];
          text = rng.Chance(0.5) ? line + "\n\n" + text : text + "\n\n" + line;
        }
        edits += "boilerplate,";
      }
      if (edits.empty()) edits = "exact,";
      edits.pop_back();
      all.push_back({text, static_cast<long>(i), edits});
    }
  }
  while (all.size() < docs) all.push_back({markov.Generate(rng, 250 + rng.Below(700)), -1, ""});

  // Stream order: a deterministic shuffle.
  std::vector<size_t> order(all.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);
  std::vector<std::string> ids(all.size());
  for (size_t pos = 0; pos < order.size(); ++pos) {
    char id[16];
    std::snprintf(id, sizeof(id), "d%07zu", pos);
    ids[order[pos]] = id;
  }
  fs::create_directories(out);
  std::ofstream corpus(out / "corpus.jsonl", std::ios::binary);
  size_t bytes = 0;
  for (size_t pos = 0; pos < order.size(); ++pos) {
    const Doc& d = all[order[pos]];
    corpus << nlohmann::json{{"id", ids[order[pos]]}, {"text", d.text}}.dump() << "\n";
    bytes += d.text.size();
  }
  std::ofstream truth(out / "truth.tsv", std::ios::binary);
  size_t planted = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].original < 0) continue;
    // "merge:<original index>" names the merged article by its id.
    std::string edits = all[i].edits;
    for (size_t at; (at = edits.find("merge:")) != std::string::npos && edits[at + 6] != 'd';) {
      size_t end = at + 6;
      while (end < edits.size() && std::isdigit(static_cast<unsigned char>(edits[end]))) ++end;
      edits.replace(at + 6, end - at - 6, ids[std::stoul(edits.substr(at + 6, end - at - 6))]);
    }
    truth << ids[i] << "\t" << ids[all[i].original] << "\t" << edits << "\n";
    ++planted;
  }
  std::printf("gen_corpus: %zu documents (%zu real originals, %zu planted copies, %zu filler), "
              "%.1f MB of text -> %s\n",
              all.size(), n_orig, planted, all.size() - n_orig - planted, bytes / 1e6,
              (out / "corpus.jsonl").c_str());
  return 0;
}
