// Text -> weighted features: content-word stems, names, numbers with units.
//
// Names are runs of capitalised words inside a sentence ("Tomas Reyk", "Bank of England",
// "CSTO"), joined by a few lower-case connectors ("of", "de", "van", ...). A run is emitted
// whole, and a multiword run also by its last word, so that "Tomas Reyk" and a later "Reyk"
// share a feature. The first word of a sentence is capitalised anyway: alone, it counts as a
// name only when the same word is also capitalised somewhere inside a sentence of the body.
// Sentences mostly in capitals (shouted headlines) and Title Case titles give no names.
//
// Numbers count only with a unit: a currency sign before them ("$350"), a scale after them
// ("350 million", "35mn"), a percent ("48.3%", "9 per cent") or a following content word
// ("1,214 dockworkers": the unit is the word's stem). Years and dates ("March 11") are not
// quantities.
#include "stories/features.h"

#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "stories/flat_map.h"

namespace witness::stories::internal {
namespace {

constexpr size_t kMaxHeadlineBytes = 200;

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Decodes the code point at s[0]; 0xFFFD on malformed input.
int32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 ? cp : 0xFFFD;
}

bool IsUpperCodePoint(int32_t cp) {
  if (cp < 0x80) return IsAsciiUpper(static_cast<char>(cp));
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsCapitalised(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c < 0x80) return IsAsciiUpper(static_cast<char>(c));
  return IsUpperCodePoint(FirstCodePoint(word));
}

// At least two letters, none lower case (ASCII judgement; other scripts count as not shouted).
bool IsAllCaps(std::string_view word) {
  int upper = 0;
  for (char c : word) {
    if (IsAsciiLower(c) || static_cast<unsigned char>(c) >= 0x80) return false;
    if (IsAsciiUpper(c)) ++upper;
  }
  return upper >= 2;
}

bool HasLetter(std::string_view key) {
  for (char c : key)
    if (IsAsciiLower(c) || static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

bool IsConnector(std::string_view k) {
  static constexpr std::string_view kWords[] = {
      "of",  "de",  "del", "della", "di", "da",  "do",  "dos", "das", "du",  "la",  "le",
      "van", "von", "der", "den",   "al", "bin", "ibn", "y",   "el",  "ben", "abu", "ter"};
  for (std::string_view w : kWords)
    if (k == w) return true;
  return false;
}

bool IsMonth(std::string_view k) {
  if (!k.empty() && k.back() == '.') k.remove_suffix(1);
  static constexpr std::string_view kMonths[] = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  for (std::string_view m : kMonths)
    if (k == m) return true;
  return false;
}

// Weekdays and months: capitalised, but no name on their own.
bool IsCalendarWord(std::string_view k) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (std::string_view d : kDays)
    if (k == d) return true;
  return IsMonth(k);
}

// "million" -> "e6"; "" when not a scale word. `attached` allows the short forms used glued
// to a number ("35mn", "10m", "5k").
std::string_view ScaleOf(std::string_view k, bool attached) {
  if (k == "thousand") return "e3";
  if (k == "million" || k == "mn" || k == "mln" || k == "millions") return "e6";
  if (k == "billion" || k == "bn" || k == "billions") return "e9";
  if (k == "trillion" || k == "tn" || k == "trillions") return "e12";
  if (attached) {
    if (k == "k") return "e3";
    if (k == "m") return "e6";
    if (k == "b") return "e9";
  }
  return "";
}

bool IsCurrency(std::string_view s) {
  return s == "$" || s == "\xE2\x82\xAC" /* € */ || s == "\xC2\xA3" /* £ */ ||
         s == "\xC2\xA5" /* ¥ */ || s == "\xE2\x82\xB9" /* ₹ */ || s == "\xE2\x82\xBD" /* ₽ */;
}

// "8,000" -> "8000", "19.50" -> "19.5", "2.0" -> "2".
void NormalizeNumber(std::string_view s, std::string* out) {
  out->clear();
  for (char c : s)
    if (c != ',') out->push_back(c);
  if (out->find('.') != std::string::npos) {
    while (!out->empty() && out->back() == '0') out->pop_back();
    if (!out->empty() && out->back() == '.') out->pop_back();
  }
}

// "ostrevia's" -> "ostrevia"; "workers'" -> "workers".
std::string_view StripPossessive(std::string_view k) {
  if (k.size() > 2 && k.substr(k.size() - 2) == "'s") return k.substr(0, k.size() - 2);
  if (k.size() > 1 && k.back() == '\'') return k.substr(0, k.size() - 1);
  return k;
}

// A prefix of at most n bytes that does not split a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  size_t end = n;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

uint64_t FeatureHash(FeatureKind kind, std::string_view text) {
  return XXH3_64bits_withSeed(text.data(), text.size(), 0x5157ULL + static_cast<uint64_t>(kind));
}

void WordCache::Put(uint64_t key_hash, uint64_t feature, bool stopword) {
  if (key_hash == 0) return;
  if (2 * (used_ + 1) > slots_.size()) {
    if (slots_.size() >= kMaxSlots) {
      std::fill(slots_.begin(), slots_.end(), Entry{});
      used_ = 0;
    } else {
      std::vector<Entry> old;
      old.swap(slots_);
      slots_.assign(old.empty() ? 4096 : old.size() * 2, Entry{});
      used_ = 0;
      for (const Entry& e : old)
        if (e.key) Put(e.key, e.feature, e.stopword);
    }
  }
  const size_t mask = slots_.size() - 1;
  for (size_t i = key_hash & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key_hash) {
      slots_[i].feature = feature;
      slots_[i].stopword = stopword;
      return;
    }
    if (slots_[i].key == 0) {
      slots_[i] = {key_hash, feature, stopword};
      ++used_;
      return;
    }
  }
}

uint64_t FeatureExtractor::WordFeature(std::string_view key, bool* stopword) {
  const uint64_t h = XXH3_64bits(key.data(), key.size());
  if (const WordCache::Entry* e = word_cache_.Find(h)) {
    *stopword = e->stopword;
    return e->feature;
  }
  uint64_t feature = 0;
  *stopword = analyzer_.IsStopword(key);
  if (key.size() >= 2 && HasLetter(key) && !*stopword) {
    std::string_view stem = analyzer_.Stem(key);
    if (!stem.empty()) feature = FeatureHash(FeatureKind::kWord, stem);
  }
  word_cache_.Put(h, feature, *stopword);
  return feature;
}

void FeatureExtractor::Emit(FeatureKind kind, std::string_view s, bool in_title,
                            std::vector<DebugFeature>* debug) {
  items_.push_back({FeatureHash(kind, s), 1, kind, in_title});
  if (debug) debug->push_back({kind, std::string(s), 1, in_title});
}

void FeatureExtractor::EmitRun(const std::vector<std::string>& run, bool in_title,
                               std::vector<DebugFeature>* debug) {
  if (run.empty()) return;
  if (run.size() == 1) {
    if (!IsCalendarWord(run[0])) Emit(FeatureKind::kName, run[0], in_title, debug);
    return;
  }
  buf_.clear();
  for (size_t i = 0; i < run.size(); ++i) {
    if (i) buf_.push_back(' ');
    buf_ += run[i];
  }
  Emit(FeatureKind::kName, buf_, in_title, debug);
  if (!IsCalendarWord(run.back())) Emit(FeatureKind::kName, run.back(), in_title, debug);
}

void FeatureExtractor::Field(std::string_view text, const text::Segmentation& seg, bool is_title,
                             std::vector<DebugFeature>* debug) {
  const auto& toks = seg.tokens;
  // A Title Case title ("Police Clash With Striking Dockworkers") gives no names.
  bool names_allowed = true;
  if (is_title) {
    int words = 0, caps = 0;
    for (const text::Token& t : toks) {
      if (t.kind != text::TokenKind::kWord) continue;
      std::string_view w = t.span.in(text);
      if (analyzer_.IsStopword(analyzer_.Key(w))) continue;
      ++words;
      caps += IsCapitalised(w);
    }
    if (words >= 3 && caps * 10 >= words * 6) names_allowed = false;
  }

  std::string key;
  bool run_initial = false;
  auto flush_run = [&]() {
    if (run_.empty()) return;
    if (run_initial) {
      deferred_.push_back({run_, is_title});
    } else {
      EmitRun(run_, is_title, debug);
      if (!is_title)
        for (const std::string& w : run_) mid_caps_.push_back(FeatureHash(FeatureKind::kName, w));
    }
    run_.clear();
  };

  for (const text::Sentence& sent : seg.sentences) {
    const uint32_t begin = sent.first_token, end = sent.first_token + sent.token_count;
    // A sentence mostly in capitals gives no names.
    bool shouting = false;
    {
      int words = 0, caps = 0;
      for (uint32_t i = begin; i < end; ++i) {
        if (toks[i].kind != text::TokenKind::kWord) continue;
        ++words;
        caps += IsAllCaps(toks[i].span.in(text));
      }
      shouting = words >= 4 && caps * 2 > words;
    }
    const bool names = names_allowed && !shouting;
    bool first_word = true;
    run_.clear();
    for (uint32_t i = begin; i < end; ++i) {
      const text::Token& tok = toks[i];
      std::string_view raw = tok.span.in(text);
      if (tok.kind == text::TokenKind::kWord) {
        key.assign(analyzer_.Key(text, tok));
        bool stop = false;
        const uint64_t word_feature = WordFeature(key, &stop);
        const bool cap = IsCapitalised(raw);
        // A number glued to a scale: "35mn", "1.2bn".
        if (!key.empty() && IsDigit(key[0])) {
          size_t p = 0;
          while (p < key.size() && (IsDigit(key[p]) || key[p] == '.' || key[p] == ',')) ++p;
          std::string_view scale = ScaleOf(std::string_view(key).substr(p), true);
          if (!scale.empty()) {
            flush_run();
            std::string num;
            NormalizeNumber(std::string_view(key).substr(0, p), &num);
            std::string q;
            if (i > begin && toks[i - 1].kind == text::TokenKind::kSymbol &&
                IsCurrency(toks[i - 1].span.in(text)))
              q.assign(toks[i - 1].span.in(text));
            q += num;
            q += scale;
            Emit(FeatureKind::kNumber, q, is_title, debug);
            first_word = false;
            continue;
          }
        }
        if (debug) {
          if (!stop && key.size() >= 2 && HasLetter(key)) {
            std::string stem(analyzer_.Stem(key));
            if (!stem.empty()) Emit(FeatureKind::kWord, stem, is_title, debug);
          }
        } else if (word_feature) {
          items_.push_back({word_feature, 1, FeatureKind::kWord, is_title});
        }
        if (names) {
          if (cap && !stop && HasLetter(key)) {
            std::string_view nk = StripPossessive(key);
            if (run_.empty()) run_initial = first_word;
            run_.emplace_back(nk);
            // A possessive ends the run: "Ostrevia's Harlsund port".
            if (nk.size() != key.size()) flush_run();
          } else if (!run_.empty() && IsConnector(key) && i + 1 < end &&
                     toks[i + 1].kind == text::TokenKind::kWord &&
                     IsCapitalised(toks[i + 1].span.in(text))) {
            run_.push_back(key);
          } else {
            flush_run();
          }
        }
        first_word = false;
        continue;
      }
      flush_run();
      if (tok.kind != text::TokenKind::kNumber) continue;
      first_word = false;
      // A number: find its currency, scale and unit.
      std::string num;
      NormalizeNumber(raw, &num);
      std::string currency;
      bool after_month = false;
      if (i > begin) {
        const text::Token& prev = toks[i - 1];
        std::string_view pt = prev.span.in(text);
        if (prev.kind == text::TokenKind::kSymbol && IsCurrency(pt)) currency.assign(pt);
        if (prev.kind == text::TokenKind::kWord && IsMonth(analyzer_.Key(pt))) after_month = true;
      }
      if (after_month) continue;
      std::string_view scale;
      unit_.clear();
      uint32_t j = i + 1;
      if (j < end && toks[j].kind == text::TokenKind::kSymbol && toks[j].span.in(text) == "%") {
        unit_ = "%";
      } else if (j < end && toks[j].kind == text::TokenKind::kWord) {
        std::string k(analyzer_.Key(text, toks[j]));
        scale = ScaleOf(k, false);
        if (!scale.empty()) {
          ++j;
          if (j < end && toks[j].kind == text::TokenKind::kWord)
            k.assign(analyzer_.Key(text, toks[j]));
          else
            k.clear();
        }
        if (k == "per" && j + 1 < end && analyzer_.Key(text, toks[j + 1]) == "cent") {
          unit_ = "%";
        } else if (!k.empty() && !IsMonth(k) && HasLetter(k) && !analyzer_.IsStopword(k)) {
          unit_.assign(analyzer_.Stem(k));
        }
      }
      // "2004" is a year; "1,214" is not.
      const bool year_like = raw.size() == 4 && num.size() == 4 && num[0] >= '1' && num[0] <= '2';
      if (currency.empty() && scale.empty() && (unit_.empty() || year_like)) continue;
      std::string q = currency + num + std::string(scale);
      if (!unit_.empty()) {
        q.push_back(' ');
        q += unit_;
      }
      Emit(FeatureKind::kNumber, q, is_title, debug);
    }
    flush_run();
  }
}

void FeatureExtractor::Extract(std::string_view title, std::string_view text,
                               std::vector<Feature>* out, std::string* headline,
                               std::vector<DebugFeature>* debug) {
  items_.clear();
  mid_caps_.clear();
  deferred_.clear();
  out->clear();
  if (debug) debug->clear();

  text::Segmentation body = text::Segment(text);
  Field(text, body, /*is_title=*/false, debug);
  text::Segmentation head = text::Segment(title);
  Field(title, head, /*is_title=*/true, debug);

  // Runs that start a sentence: their first word is capitalised anyway, so it stays only when
  // the same word is capitalised inside a sentence of the body; otherwise it goes, with the
  // connectors after it ("Dozens of Romanian" -> "Romanian").
  std::sort(mid_caps_.begin(), mid_caps_.end());
  for (auto& [run, in_title] : deferred_) {
    size_t drop = 0;
    if (!std::binary_search(mid_caps_.begin(), mid_caps_.end(),
                            FeatureHash(FeatureKind::kName, run[0]))) {
      drop = 1;
      while (drop < run.size() && IsConnector(run[drop])) ++drop;
    }
    run.erase(run.begin(), run.begin() + static_cast<ptrdiff_t>(drop));
    EmitRun(run, in_title, debug);
  }

  // Aggregate by hash, in order of first appearance (deterministic, and no sort).
  if (agg_.size() < 2 * items_.size()) {
    size_t n = 1024;
    while (n < 2 * items_.size()) n *= 2;
    agg_.assign(n, 0);
    agg_stamp_.assign(n, 0);
    stamp_ = 0;
  }
  if (++stamp_ == 0) {
    std::fill(agg_stamp_.begin(), agg_stamp_.end(), 0);
    stamp_ = 1;
  }
  const size_t mask = agg_.size() - 1;
  merged_.clear();
  for (const Item& it : items_) {
    size_t k = MixKey(it.hash) & mask;
    while (agg_stamp_[k] == stamp_ && merged_[agg_[k]].hash != it.hash) k = (k + 1) & mask;
    if (agg_stamp_[k] != stamp_) {
      agg_stamp_[k] = stamp_;
      agg_[k] = static_cast<uint32_t>(merged_.size());
      merged_.push_back(it);
    } else {
      Item& m = merged_[agg_[k]];
      m.count += it.count;
      m.in_title |= it.in_title;
    }
  }
  out->reserve(merged_.size());
  for (const Item& it : merged_) {
    double tf = 1.0 + std::log(static_cast<double>(it.count));
    if (it.kind == FeatureKind::kName) tf *= options_.name_boost;
    if (it.kind == FeatureKind::kNumber) tf *= options_.number_boost;
    if (it.in_title) tf *= options_.title_boost;
    out->push_back({it.hash, static_cast<float>(tf)});
  }
  if (debug) {
    // Merge the debug list the same way (by kind and text), for readable tests.
    std::sort(debug->begin(), debug->end(), [](const DebugFeature& a, const DebugFeature& b) {
      return a.kind != b.kind ? a.kind < b.kind : a.text < b.text;
    });
    std::vector<DebugFeature> merged;
    for (const DebugFeature& d : *debug) {
      if (!merged.empty() && merged.back().kind == d.kind && merged.back().text == d.text) {
        merged.back().count += d.count;
        merged.back().in_title |= d.in_title;
      } else {
        merged.push_back(d);
      }
    }
    debug->swap(merged);
  }

  if (headline) {
    headline->clear();
    bool title_has_words = false;
    for (const text::Token& t : head.tokens)
      if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber) {
        title_has_words = true;
        break;
      }
    std::string_view h;
    if (title_has_words) {
      h = Trim(title);
    } else if (!body.sentences.empty()) {
      h = Trim(body.sentences[0].span.in(text));
    }
    std::string_view cut = Utf8Prefix(h, kMaxHeadlineBytes);
    headline->assign(cut);
    // Collapse line breaks inside a headline.
    for (char& c : *headline)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
}

}  // namespace witness::stories::internal
