// Content terms of a story's sentences (rules in witness/compare.h, "Statements").
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "compare/entity_places.h"
#include "compare/speaker_lexicon.h"
#include "compare/story_internal.h"
#include "ingest/dateline.h"
#include "syndication/prepare.h"

namespace witness::compare::internal {
namespace {

using quotes::internal::Gazetteer;
using quotes::internal::Place;

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(word[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                       static_cast<utf8proc_ssize_t>(word.size()), &cp);
  return n > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

std::string StripAccents(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK));
  std::string r =
      n >= 0 && out != nullptr ? std::string(reinterpret_cast<char*>(out), n) : std::string(s);
  std::free(out);
  return r;
}

// "kazakhstan's" -> "kazakhstan"; "protesters'" -> "protesters".
std::string_view StripPossessive(std::string_view key) {
  if (key.size() > 3 && key.substr(key.size() - 2) == "'s") return key.substr(0, key.size() - 2);
  if (key.size() > 2 && key.back() == '\'') return key.substr(0, key.size() - 1);
  return key;
}

// The country a (lower-case) name or demonym denotes: "@KZ"; "" when none.
std::string CountryTerm(std::string_view name) {
  const Place* p = Gazetteer::Get().Find(name);
  if (p == nullptr || p->country.empty()) return {};
  if (p->kind != Place::Kind::kCountry && p->kind != Place::Kind::kDemonym) return {};
  return "@" + p->country;
}

std::string PlaceTerm(std::string_view key) {
  const std::string_view k = StripPossessive(key);
  std::string t = CountryTerm(k);
  if (!t.empty()) return t;
  // "russian-led", "kazakh-born": the first part names the country.
  const size_t dash = k.find('-');
  if (dash != std::string_view::npos && dash >= 3) return CountryTerm(k.substr(0, dash));
  return {};
}

}  // namespace

uint32_t TermTable::Intern(std::string_view term, float weight) {
  auto it = ids_.find(term);
  if (it != ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(ids_.size());
  ids_.emplace(std::string(term), id);
  weights_.push_back(weight);
  return id;
}

const std::string& TermTable::PlaceOf(std::string_view key) {
  auto it = places_.find(key);
  if (it == places_.end()) it = places_.emplace(std::string(key), PlaceTerm(key)).first;
  return it->second;
}

float TermWeight(std::string_view key) {
  char buf[32];
  const std::string_view lower = quotes::internal::LowerAscii(key, buf, sizeof buf);
  if (lower.empty()) return 1.0f;
  const quotes::internal::LexEntry* e = quotes::internal::Lookup(lower);
  if (e != nullptr && (e->cats & (quotes::internal::kCue | quotes::internal::kTime))) {
    return 1.0f / 3;
  }
  return 1.0f;
}

int32_t ArticleTerms::SentenceAt(uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const SentenceTerms& s) { return o < s.span.begin; });
  if (it == sentences.begin()) return -1;
  return static_cast<int32_t>(it - sentences.begin()) - 1;
}

std::string ContentTerm(std::string_view key, bool capitalised, text::TokenKind kind,
                        text::Analyzer* analyzer) {
  if (key.empty()) return {};
  if (kind == text::TokenKind::kNumber) return std::string(key);
  if (kind != text::TokenKind::kWord) return {};
  if (capitalised) {
    std::string place = PlaceTerm(key);
    if (!place.empty()) return place;
  }
  if (analyzer->IsStopword(key) || syndication::internal::IsHonorific(key)) return {};
  std::string folded;
  for (unsigned char c : key) {
    if (c < 0x80) continue;
    folded = StripAccents(key);
    key = folded;
    break;
  }
  return syndication::internal::FoldVariant(analyzer->Stem(key));
}

namespace {

bool IsHyphen(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '-') {
    *len = 1;
    return true;
  }
  // U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x90 ||
       static_cast<unsigned char>(s[i + 2]) == 0x91)) {
    *len = 3;
    return true;
  }
  return false;
}

}  // namespace

void BuildArticleTerms(std::string_view text, const text::Segmentation& seg,
                       text::Analyzer* analyzer, TermTable* terms, ArticleTerms* out) {
  out->text = text;
  out->seg = &seg;
  out->term_begin.assign(seg.tokens.size() + 1, 0);
  out->token_terms.clear();
  out->sentences.clear();
  out->sentences.reserve(seg.sentences.size());
  std::string joined;
  std::vector<std::string_view> parts;
  uint32_t next_token = 0;  // tokens before it have their term_begin set
  auto close_tokens = [&](uint32_t upto) {
    for (; next_token <= upto && next_token < seg.tokens.size(); ++next_token) {
      out->term_begin[next_token] = static_cast<uint32_t>(out->token_terms.size());
    }
  };
  auto add = [&](SentenceTerms* st, std::string_view term, float weight) {
    const uint32_t id = terms->Intern(term, weight);
    out->token_terms.push_back(id);
    st->terms.push_back(id);
  };
  for (const text::Sentence& s : seg.sentences) {
    SentenceTerms st;
    st.span = s.span;
    st.first_token = s.first_token;
    const uint32_t end =
        std::min<uint32_t>(s.first_token + s.token_count, static_cast<uint32_t>(seg.tokens.size()));
    // A wire dateline opening the lede ("NUR-SULTAN, Jan 10 (Reuters) - ") is not what the
    // sentence states: its place and agency would count as shared content.
    if (const size_t length = ingest_internal::DatelineLength(text, s.span.begin);
        length > 0 && s.span.begin + length < s.span.end) {
      st.span.begin = static_cast<uint32_t>(s.span.begin + length);
      while (st.first_token < end && seg.tokens[st.first_token].span.begin < st.span.begin) {
        ++st.first_token;
      }
    }
    st.token_count = end - st.first_token;
    for (uint32_t t = st.first_token; t < end; ++t) {
      close_tokens(t);
      const text::Token& tok = seg.tokens[t];
      const std::string_view word = tok.span.in(text);
      const bool upper = tok.kind == text::TokenKind::kWord && StartsUpper(word);
      // Countries of two or three capitalised words: "United States", "South Korean".
      if (upper) {
        bool joined_place = false;
        for (uint32_t n = 3; n >= 2 && !joined_place; --n) {
          if (t + n > end) continue;
          joined.clear();
          bool all_upper = true;
          for (uint32_t k = t; k < t + n; ++k) {
            const text::Token& w = seg.tokens[k];
            if (w.kind != text::TokenKind::kWord || !StartsUpper(w.span.in(text))) {
              all_upper = false;
              break;
            }
            if (k > t) joined += ' ';
            joined.append(analyzer->Key(text, w));
          }
          if (!all_upper) continue;
          const std::string& place = terms->PlaceOf(joined);
          if (place.empty()) continue;
          add(&st, place, 1.0f);
          for (uint32_t k = t + 1; k < t + n; ++k) close_tokens(k);  // the other words: none
          t += n - 1;
          joined_place = true;
        }
        if (joined_place) continue;
      }
      // A country name or demonym as a whole word ("Kazakh", "Russian-led" by its first part).
      if (upper) {
        const std::string& place = terms->PlaceOf(analyzer->Key(text, tok));
        if (!place.empty()) {
          add(&st, place, 1.0f);
          // The rest of a hyphenated word ("-led") still counts below.
          size_t hl = 0, dash = std::string_view::npos;
          for (size_t i = 0; i < word.size(); ++i) {
            if (IsHyphen(word, i, &hl)) {
              dash = i;
              break;
            }
          }
          if (dash == std::string_view::npos) continue;
          const std::string_view rest = word.substr(dash + hl);
          const std::string term =
              ContentTerm(analyzer->Key(rest), false, text::TokenKind::kWord, analyzer);
          if (!term.empty()) add(&st, term, TermWeight(analyzer->Key(rest)));
          continue;
        }
      }
      // Hyphenated words: a term per part.
      parts.clear();
      if (tok.kind == text::TokenKind::kWord) {
        size_t from = 0, hl = 0;
        for (size_t i = 0; i < word.size(); ++i) {
          if (IsHyphen(word, i, &hl)) {
            if (i > from) parts.push_back(word.substr(from, i - from));
            from = i + hl;
            i += hl - 1;
          }
        }
        if (!parts.empty() && from < word.size()) parts.push_back(word.substr(from));
        if (parts.size() < 2) parts.clear();
      }
      if (parts.empty()) parts.push_back(word);
      for (std::string_view part : parts) {
        const std::string_view key = analyzer->Key(part);
        const float weight = tok.kind == text::TokenKind::kWord ? TermWeight(key) : 1.0f;
        const std::string term = ContentTerm(key, StartsUpper(part), tok.kind, analyzer);
        if (!term.empty()) add(&st, term, weight);
      }
    }
    std::sort(st.terms.begin(), st.terms.end());
    st.terms.erase(std::unique(st.terms.begin(), st.terms.end()), st.terms.end());
    out->sentences.push_back(std::move(st));
  }
  close_tokens(static_cast<uint32_t>(seg.tokens.size()));
}

void TermsIn(const ArticleTerms& a, Span span, std::vector<uint32_t>* out) {
  const auto& toks = a.seg->tokens;
  auto it = std::lower_bound(toks.begin(), toks.end(), span.begin,
                             [](const text::Token& t, uint32_t o) { return t.span.begin < o; });
  for (size_t i = static_cast<size_t>(it - toks.begin()); i < toks.size(); ++i) {
    if (toks[i].span.end > span.end) break;
    if (i + 1 >= a.term_begin.size()) break;
    for (uint32_t k = a.term_begin[i]; k < a.term_begin[i + 1] && k < a.token_terms.size(); ++k) {
      out->push_back(a.token_terms[k]);
    }
  }
}

}  // namespace witness::compare::internal
