// Prepare(): segmentation, matching terms and quotation state for the aligner.
#include "syndication/prepare.h"

#include <xxhash.h>

namespace witness::syndication::internal {
namespace {

constexpr uint32_t kMaxCarryWords = 50;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Quotation marks by their text: +1 opens, -1 closes, 2 toggles (straight double quote),
// 3 maybe-single (straight apostrophe standing alone), 0 none.
int QuoteKind(std::string_view tok) {
  if (tok == "\"") return 2;
  if (tok == "\u201C" || tok == "\u00AB" || tok == "\u201E") return 1;
  if (tok == "\u201D" || tok == "\u00BB") return -1;
  if (tok == "\u2018") return 4;   // opening single
  if (tok == "\u2019" || tok == "'") return 3;
  return 0;
}

// True when the paragraph ending at `end` is a hard-wrapped line: one newline (no blank line)
// before the next paragraph at `next`, and no sentence-final punctuation before it.
bool IsWrappedLine(std::string_view text, uint32_t end, uint32_t next) {
  if (end == 0 || next <= end || next > text.size()) return false;
  uint32_t newlines = 0;
  for (uint32_t i = end; i < next; ++i) {
    if (text[i] == '\n') ++newlines;
    else if (text[i] != ' ' && text[i] != '\t') return false;
  }
  if (newlines != 1) return false;
  const char last = text[end - 1];
  return !(last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
           last == ')' || static_cast<unsigned char>(last) >= 0x80);
}

}  // namespace

bool IsHonorific(std::string_view key) {
  return key == "mr" || key == "mrs" || key == "ms" || key == "dr" || key == "mr." ||
         key == "mrs." || key == "ms." || key == "dr." || key == "sir" || key == "mme";
}

std::string FoldVariant(std::string_view stem) {
  std::string s(stem);
  if (s.size() >= 4 && EndsWith(s, "ll")) s.pop_back();                 // fuell -> fuel
  if (s.size() >= 5 && EndsWith(s, "mm")) s.pop_back();                 // programm -> program
  if (s.size() >= 5 && EndsWith(s, "our")) s.erase(s.size() - 2, 1);    // colour -> color
  if (s.size() >= 6 && (EndsWith(s, "is") || EndsWith(s, "iz"))) {
    s.resize(s.size() - 2);                                             // destabilis -> destabil
  } else if (s.size() >= 5 && (EndsWith(s, "ys") || EndsWith(s, "yz"))) {
    s.pop_back();                                                       // analys -> analy
  }
  if (s.size() >= 5 && EndsWith(s, "enc")) s.back() = 's';              // defenc -> defens
  if (s.size() >= 5 && EndsWith(s, "tr") && !IsVowel(s[s.size() - 3])) {
    s.insert(s.size() - 1, "e");                                        // centr -> center
  }
  return s;
}

void Prepare(std::string_view text, uint32_t min_unit_words, text::Analyzer* analyzer,
             Prepared* out) {
  out->text = text;
  out->words.clear();
  out->units.clear();
  out->paragraphs.clear();
  const text::Segmentation seg = text::Segment(text);
  std::string folded;
  Unit pending;
  bool has_pending = false;
  bool carry = false;  // the pending unit continues from the previous paragraph
  int dq = 0;          // double quotes open (0/1)
  bool sq = false;     // a single quote open
  for (uint32_t p = 0; p < seg.paragraphs.size(); ++p) {
    const text::Paragraph& para = seg.paragraphs[p];
    Paragraph pp;
    pp.begin = para.span.begin;
    pp.end = para.span.end;
    pp.first_word = static_cast<uint32_t>(out->words.size());
    if (!carry) {
      dq = 0;
      sq = false;
    }
    // A hard-wrapped line (a single newline after no sentence-final punctuation) continues
    // into the next paragraph: its last unit goes on there.
    const bool wrapped = p + 1 < seg.paragraphs.size() &&
                         IsWrappedLine(text, para.span.end, seg.paragraphs[p + 1].span.begin);
    carry = false;
    const uint32_t para_index = static_cast<uint32_t>(out->paragraphs.size());
    auto flush = [&](bool force) {
      if (!has_pending) return;
      if (!force && pending.content_words < min_unit_words) return;
      out->units.push_back(pending);
      has_pending = false;
    };
    for (uint32_t si = para.first_sentence; si < para.first_sentence + para.sentence_count; ++si) {
      const text::Sentence& sent = seg.sentences[si];
      if (!has_pending) {
        pending = Unit{};
        pending.first_word = static_cast<uint32_t>(out->words.size());
        pending.begin = sent.span.begin;
        pending.paragraph = para_index;
        has_pending = true;
      }
      for (uint32_t ti = sent.first_token; ti < sent.first_token + sent.token_count; ++ti) {
        const text::Token& tok = seg.tokens[ti];
        if (tok.kind == text::TokenKind::kPunct) {
          const std::string_view t = tok.span.in(text);
          switch (QuoteKind(t)) {
            case 1: dq = 1; break;
            case -1: dq = 0; break;
            case 2: dq = 1 - dq; break;
            case 4: sq = true; break;
            case 3: {  // a lone apostrophe: opens after a space, closes an open single quote
              const bool after_space = tok.span.begin == 0 ||
                                       text[tok.span.begin - 1] == ' ' ||
                                       text[tok.span.begin - 1] == '\n';
              if (sq) sq = false;
              else if (after_space) sq = true;
              break;
            }
            default: break;
          }
          continue;
        }
        if (tok.kind != text::TokenKind::kWord && tok.kind != text::TokenKind::kNumber) continue;
        Word w;
        w.begin = tok.span.begin;
        w.end = tok.span.end;
        w.quoted = dq == 1 || sq;
        w.unit = static_cast<uint32_t>(out->units.size());
        const std::string_view key = analyzer->Key(text, tok);
        w.stop = analyzer->IsStopword(key) || IsHonorific(key);
        if (tok.kind == text::TokenKind::kNumber) {
          folded.assign(key);
        } else {
          folded = FoldVariant(analyzer->Stem(key));
        }
        w.term = static_cast<uint32_t>(XXH3_64bits(folded.data(), folded.size()));
        if (!w.stop) ++pending.content_words;
        out->words.push_back(w);
      }
      pending.end = sent.span.end;
      pending.end_word = static_cast<uint32_t>(out->words.size());
      const bool last = si + 1 == para.first_sentence + para.sentence_count;
      const bool carries = last && wrapped && pending.end_word - pending.first_word < kMaxCarryWords;
      if (!carries) flush(false);
    }
    // (A run of wrapped lines without punctuation -- a list, a table -- stops being one unit
    // once it is sentence-sized.)
    if (has_pending && wrapped && pending.end_word - pending.first_word < kMaxCarryWords) {
      carry = true;
    }
    if (has_pending && !carry) {
      // A short tail joins the paragraph's previous unit when there is one.
      if (!out->units.empty() && out->units.back().paragraph == para_index) {
        Unit& prev = out->units.back();
        prev.end = pending.end;
        prev.end_word = pending.end_word;
        prev.content_words += pending.content_words;
        for (uint32_t i = pending.first_word; i < pending.end_word; ++i) {
          out->words[i].unit = static_cast<uint32_t>(out->units.size() - 1);
        }
        has_pending = false;
      } else {
        flush(true);
      }
    }
    pp.end_word = static_cast<uint32_t>(out->words.size());
    out->paragraphs.push_back(pp);
  }
}

}  // namespace witness::syndication::internal
