#include "digest/sentences.h"

#include <algorithm>
#include <array>

#include "compare/quote_doc.h"
#include "compare/quote_marks.h"
#include "ingest/dateline.h"
#include "syndication/prepare.h"

namespace witness::digest::internal {
namespace {

using text::Token;
using text::TokenKind;

bool IsWordish(TokenKind k) { return k == TokenKind::kWord || k == TokenKind::kNumber; }

bool HasAlnum(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return true;
    }
  }
  return false;
}

// Words that make a sentence lean on the one before it when they open it.
bool IsBackReference(std::string_view key) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "he",          "she",     "it",        "they",         "this",        "these",
      "those",       "that",    "his",       "her",          "its",         "their",
      "them",        "but",     "and",       "also",         "however",     "yet",
      "still",       "so",      "then",      "thus",         "meanwhile",   "moreover",
      "furthermore", "instead", "otherwise", "nevertheless", "nonetheless", "therefore"};
  return std::find(kWords.begin(), kWords.end(), key) != kWords.end();
}

// The punctuation character of a one-character token, else "".
std::string_view PunctOf(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kPunct && t.kind != TokenKind::kSymbol) return {};
  return t.span.in(text);
}

bool IsClosing(std::string_view p) {
  return p == "\"" || p == "'" || p == ")" || p == "]" || p == "\u201D" || p == "\u2019" ||
         p == "\u00BB" || p == "\u203A" || p == "\u201C";
}

// The last punctuation that ends the sentence, skipping closing quotes and brackets.
std::string_view Terminal(std::string_view text, const text::Segmentation& seg,
                          const text::Sentence& s) {
  for (uint32_t i = s.first_token + s.token_count; i > s.first_token; --i) {
    const Token& t = seg.tokens[i - 1];
    const std::string_view p = PunctOf(text, t);
    if (!p.empty() && IsClosing(p)) continue;
    return p;  // "" when the sentence ends in a word
  }
  return {};
}

bool HoldsLink(std::string_view s) {
  if (s.find("://") != std::string_view::npos || s.find("www.") != std::string_view::npos) {
    return true;
  }
  for (size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    const bool before = at > 0 && s[at - 1] != ' ' && s[at - 1] != '\n';
    const size_t dot = s.find('.', at);
    const size_t space = s.find_first_of(" \n", at);
    if (before && dot != std::string_view::npos && dot + 1 < s.size() && dot < space) return true;
  }
  return false;
}

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;  // NO-BREAK SPACE
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if ((d >= 0x80 && d <= 0x8A) || d == 0xA8 || d == 0xA9 || d == 0xAF) {  // spaces, LS, PS
      *len = 3;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* SkipName(Skip s) {
  switch (s) {
    case Skip::kNone:
      return "none";
    case Skip::kShort:
      return "short";
    case Skip::kLong:
      return "long";
    case Skip::kHeading:
      return "heading";
    case Skip::kByline:
      return "byline";
    case Skip::kQuestion:
      return "question";
    case Skip::kColon:
      return "colon";
    case Skip::kLink:
      return "link";
    case Skip::kQuoteOnly:
      return "quote_only";
    case Skip::kQuoteFragment:
      return "quote_fragment";
  }
  return "?";
}

uint32_t Vocabulary::Id(std::string_view term) {
  auto it = ids_.find(term);
  if (it != ids_.end()) return it->second;
  const uint32_t id = static_cast<uint32_t>(ids_.size());
  ids_.emplace(std::string(term), id);
  return id;
}

std::string ContentTerm(std::string_view key, TokenKind kind, text::Analyzer* analyzer) {
  if (key.empty() || !HasAlnum(key)) return {};
  if (kind == TokenKind::kNumber) return std::string(key);
  if (analyzer->IsStopword(key) || syndication::internal::IsHonorific(key)) return {};
  return syndication::internal::FoldVariant(analyzer->Stem(key));
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    if (IsSpaceAt(text, i, &len)) {
      pending = !out.empty();
      i += len;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += text[i++];
  }
  return out;
}

void AnalyzeArticle(std::string_view text, uint32_t article, const SentenceLimits& limits,
                    text::Analyzer* analyzer, Vocabulary* vocabulary,
                    std::vector<SentenceInfo>* out) {
  const text::Segmentation seg = text::Segment(text);
  quotes::internal::Doc doc;
  quotes::internal::BuildDoc(text, seg, &doc);
  std::vector<int32_t> inside;
  const std::vector<quotes::internal::Quotation> quotations =
      quotes::internal::FindQuotations(doc, &inside);

  const size_t first_out = out->size();
  std::vector<std::pair<uint32_t, uint16_t>> counts;  // term, tf
  uint32_t index = 0;
  for (const text::Paragraph& para : seg.paragraphs) {
    for (uint32_t si = para.first_sentence; si < para.first_sentence + para.sentence_count;
         ++si, ++index) {
      const text::Sentence& s = seg.sentences[si];
      SentenceInfo info;
      info.article = article;
      info.index = index;
      info.span = s.span;
      uint32_t first_token = s.first_token;
      const uint32_t end_token = s.first_token + s.token_count;
      // A dateline opening the paragraph is not part of what the summary shows.
      if (si == para.first_sentence) {
        if (const size_t length =
                ingest_internal::DatelineLength(text.substr(0, para.span.end), para.span.begin);
            length > 0 && para.span.begin + length < s.span.end) {
          info.span.begin = static_cast<uint32_t>(para.span.begin + length);
          while (first_token < end_token && seg.tokens[first_token].span.begin < info.span.begin) {
            ++first_token;
          }
        }
      }
      // Words, terms, quotation coverage.
      counts.clear();
      uint32_t words_inside = 0;
      bool fragment = false;
      std::string_view first_key;
      std::string first_key_copy;
      for (uint32_t t = first_token; t < end_token; ++t) {
        const Token& tok = seg.tokens[t];
        if (inside[t] >= 0) {
          const auto& q = quotations[inside[t]];
          if (q.open_tok < first_token || q.last_tok >= end_token || q.parts.size() > 1) {
            fragment = true;
          }
        }
        if (!IsWordish(tok.kind)) continue;
        ++info.words;
        if (inside[t] >= 0) ++words_inside;
        const std::string_view key = analyzer->Key(text, tok);
        if (info.words == 1 && t == first_token) first_key_copy.assign(key);
        const std::string term = ContentTerm(key, tok.kind, analyzer);
        if (term.empty()) continue;
        counts.emplace_back(vocabulary->Id(term), 1);
      }
      first_key = first_key_copy;
      std::sort(counts.begin(), counts.end());
      for (const auto& [term, one] : counts) {
        if (!info.terms.empty() && info.terms.back() == term) {
          if (info.tf.back() < UINT16_MAX) ++info.tf.back();
          continue;
        }
        info.terms.push_back(term);
        info.tf.push_back(1);
      }
      info.back_reference = IsBackReference(first_key);

      // Why it may not be chosen, most telling reason first.
      const std::string_view body = info.span.in(text);
      const std::string_view terminal = Terminal(text, seg, s);
      const bool terminated = terminal == "." || terminal == "!" || terminal == "?" ||
                              terminal == "\u2026" || terminal == ";";
      const std::string_view second_key = first_token + 1 < end_token
                                              ? analyzer->Key(text, seg.tokens[first_token + 1])
                                              : std::string_view();
      const bool byline_start =
          (first_key == "by" && info.words <= 14) ||
          ((first_key == "reporting" || first_key == "writing" || first_key == "editing" ||
            first_key == "compiled" || first_key == "additional") &&
           (second_key == "by" || second_key == "reporting"));
      if (para.sentence_count == 1 && !terminated) {
        info.skip = Skip::kHeading;
      } else if (byline_start) {
        info.skip = Skip::kByline;
      } else if (HoldsLink(body)) {
        info.skip = Skip::kLink;
      } else if (fragment) {
        info.skip = Skip::kQuoteFragment;
      } else if (info.words > 0 && words_inside == info.words) {
        info.skip = Skip::kQuoteOnly;
      } else if (terminal == "?") {
        info.skip = Skip::kQuestion;
      } else if (terminal == ":") {
        info.skip = Skip::kColon;
      } else if (info.words < limits.min_words) {
        info.skip = Skip::kShort;
      } else if (info.words > limits.max_words) {
        info.skip = Skip::kLong;
      }
      out->push_back(std::move(info));
    }
  }
  // Ranks among the article's sentences that are not headings.
  uint32_t rank = 0;
  for (size_t i = first_out; i < out->size(); ++i) {
    (*out)[i].rank = rank;
    if ((*out)[i].skip != Skip::kHeading) ++rank;
  }
  for (size_t i = first_out; i < out->size(); ++i) (*out)[i].of = rank;
}

}  // namespace witness::digest::internal
