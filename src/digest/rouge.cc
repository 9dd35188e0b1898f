#include "digest/rouge.h"

#include <libstemmer.h>

#include <algorithm>
#include <map>

namespace witness::digest::rouge {

Score RougeN(const std::vector<std::string>& system, const std::vector<std::string>& reference,
             int n) {
  Score s;
  if (n <= 0) return s;
  auto grams = [n](const std::vector<std::string>& toks) {
    std::map<std::string, int> out;
    for (size_t i = 0; i + n <= toks.size(); ++i) {
      std::string g = toks[i];
      for (int k = 1; k < n; ++k) g += ' ' + toks[i + k];
      ++out[g];
    }
    return out;
  };
  const std::map<std::string, int> sys = grams(system);
  const std::map<std::string, int> ref = grams(reference);
  long sys_total = 0, ref_total = 0, hits = 0;
  for (const auto& [g, c] : sys) sys_total += c;
  for (const auto& [g, c] : ref) {
    ref_total += c;
    auto it = sys.find(g);
    if (it != sys.end()) hits += std::min(c, it->second);
  }
  s.recall = ref_total > 0 ? double(hits) / ref_total : 0;
  s.precision = sys_total > 0 ? double(hits) / sys_total : 0;
  s.f1 = s.recall + s.precision > 0 ? 2 * s.recall * s.precision / (s.recall + s.precision) : 0;
  return s;
}

std::string FirstWords(std::string_view text, size_t max_words) {
  if (max_words == 0) return std::string(text);
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!space && !in_word && ++words > max_words) return std::string(text.substr(0, i));
    in_word = !space;
  }
  return std::string(text);
}

struct Rouge::Impl {
  sb_stemmer* stemmer = nullptr;
  ~Impl() {
    if (stemmer != nullptr) sb_stemmer_delete(stemmer);
  }
};

Rouge::Rouge(bool stem) : impl_(std::make_unique<Impl>()) {
  if (stem) impl_->stemmer = sb_stemmer_new("porter", "UTF_8");
}

Rouge::~Rouge() = default;

std::vector<std::string> Rouge::Tokens(std::string_view text, size_t max_words) {
  const std::string cut = FirstWords(text, max_words);
  std::vector<std::string> out;
  std::string tok;
  auto flush = [&] {
    if (tok.empty()) return;
    if (impl_->stemmer != nullptr && tok.size() > 3) {
      const sb_symbol* s =
          sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(tok.data()),
                          static_cast<int>(tok.size()));
      if (s != nullptr) {
        tok.assign(reinterpret_cast<const char*>(s), sb_stemmer_length(impl_->stemmer));
      }
    }
    out.push_back(std::move(tok));
    tok.clear();
  };
  for (char ch : cut) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      tok += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

Scores Rouge::Compare(const std::vector<std::string>& system,
                      const std::vector<std::string>& reference) const {
  return {RougeN(system, reference, 1), RougeN(system, reference, 2)};
}

Scores Rouge::Average(const std::vector<std::string>& system,
                      const std::vector<std::vector<std::string>>& references) const {
  Scores mean;
  if (references.empty()) return mean;
  for (const auto& ref : references) {
    const Scores s = Compare(system, ref);
    for (auto [m, x] : {std::pair{&mean.rouge1, &s.rouge1}, std::pair{&mean.rouge2, &s.rouge2}}) {
      m->recall += x->recall;
      m->precision += x->precision;
      m->f1 += x->f1;
    }
  }
  const double k = static_cast<double>(references.size());
  for (Score* m : {&mean.rouge1, &mean.rouge2}) {
    m->recall /= k;
    m->precision /= k;
    m->f1 /= k;
  }
  return mean;
}

}  // namespace witness::digest::rouge
