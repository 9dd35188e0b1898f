#include "clean/boilerplate_rules.h"

#include <algorithm>

#include "clean/boilerplate_lexicon.h"

namespace witness::clean {
namespace {

namespace lx = lexicon;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLowerAlpha(char c) { return c >= 'a' && c <= 'z'; }

// A reason quotes evidence from the text; keep it to one short line.
std::string Quote(std::string_view s, size_t max = 60) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out.push_back(c);
  }
  if (out.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    out.resize(cut);
    out += "...";
  }
  return "'" + out + "'";
}

Verdict Make(BoilerplateRule rule, std::string reason) { return Verdict{rule, std::move(reason)}; }

// The lower-case text after the leading quotes/brackets/bullets.
std::string_view SkipLeadingPunct(std::string_view s) {
  while (!s.empty() && (s.front() == '"' || s.front() == '\'' || s.front() == '(' ||
                        s.front() == '[' || s.front() == '*' || s.front() == '-' ||
                        s.front() == ' ' || s.front() == '>' || s.front() == '|')) {
    s.remove_prefix(1);
  }
  return s;
}

// A number-ish word: digits with separators and an optional short unit/ordinal suffix.
bool IsNumberWord(std::string_view w) {
  size_t i = 0;
  bool digit = false;
  while (i < w.size() && (IsDigit(w[i]) || w[i] == ',' || w[i] == '.' || w[i] == ':' ||
                          w[i] == '/' || w[i] == '-')) {
    digit |= IsDigit(w[i]);
    ++i;
  }
  if (!digit) return false;
  std::string_view suffix = w.substr(i);
  static constexpr std::string_view kSuffixes[] = {"",  "st", "nd",  "rd", "th",  "am",   "pm",
                                                   "h", "hr", "hrs", "m",  "min", "mins", "s",
                                                   "d", "w",  "y",   "k",  "a.m", "p.m"};
  for (std::string_view s : kSuffixes) {
    if (suffix == s) return true;
  }
  return false;
}

bool HasClock(std::string_view w) {
  size_t colon = w.find(':');
  return colon != std::string_view::npos && colon > 0 && IsDigit(w[colon - 1]) &&
         colon + 1 < w.size() && IsDigit(w[colon + 1]);
}

bool IsIsoDate(std::string_view w) {
  // 2022-01-10, 2022/01/10, 10/01/2022, 10.01.2022 (not a phone number like 02-751-1500)
  size_t len[3] = {0, 0, 0};
  int part = 0;
  for (char c : w) {
    if (IsDigit(c)) {
      ++len[part];
    } else if ((c == '-' || c == '/' || c == '.') && part < 2) {
      ++part;
    } else {
      return false;
    }
  }
  if (part != 2) return false;
  bool ymd = len[0] == 4 && len[1] >= 1 && len[1] <= 2 && len[2] >= 1 && len[2] <= 2;
  bool dmy =
      len[0] >= 1 && len[0] <= 2 && len[1] >= 1 && len[1] <= 2 && (len[2] == 2 || len[2] == 4);
  return ymd || dmy;
}

size_t CountWordsIn(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool w = c != ' ' && c != '\t' && c != '\n';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

// The text that follows a label: "" when the label ends the block, else the rest after a
// separator (":", "|", "-", ">", "»"); nullopt when no separator follows.
std::optional<std::string_view> AfterLabel(std::string_view lower, std::string_view label) {
  std::string_view rest = lower.substr(label.size());
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (StripTrailingPunct(rest).empty()) return std::string_view();
  if (rest.front() == ':' || rest.front() == '|' || rest.front() == '-' || rest.front() == '>') {
    rest.remove_prefix(1);
  } else if (rest.substr(0, 2) == "\xC2\xBB") {
    rest.remove_prefix(2);
  } else {
    return std::nullopt;
  }
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return rest;
}

bool LooksLikeNameWord(const Word& w) { return w.capitalised && !IsDigit(w.text.front()); }

}  // namespace

bool IsTimeWord(std::string_view w) {
  return lx::Contains(lx::TimeWords(), w) || lx::Contains(lx::CalendarWords(), w) ||
         IsNumberWord(w) || IsIsoDate(w);
}

Verdict DetectSeparator(const BlockFeatures& f) {
  if (!f.has_letter_word && !f.has_digit) {
    return Make(BoilerplateRule::kSeparator, "no words, only " + Quote(f.original, 20));
  }
  return {};
}

Verdict DetectTimestamp(const BlockFeatures& f, const Position& pos) {
  if (f.words.empty() || f.word_count() > 16) return {};
  bool anchor = false, clock = false;
  bool all_numbers = true;
  for (size_t i = 0; i < f.words.size(); ++i) {
    std::string_view w = f.words[i].text;
    if (!IsTimeWord(w)) return {};
    if (!IsNumberWord(w)) all_numbers = false;
    clock |= HasClock(w);
    if (lx::Contains(lx::CalendarWords(), w) || w == "ago" || w == "yesterday" || w == "today" ||
        IsIsoDate(w) || (w == "read" && i > 0) ||
        ((w == "updated" || w == "published" || w == "posted") && f.has_digit)) {
      anchor = true;
    }
  }
  // A bare number of one or two words is a counter ("25" comments, "1.2k" shares) only where
  // site chrome stands (the first or last three blocks) and without a full stop: elsewhere it
  // may be a figure the next paragraph explains ("60." / "The number of countries that...").
  if (all_numbers && !anchor) {
    bool edge = pos.index < 3 || pos.index + 3 >= pos.count;
    if (f.word_count() > 2 || !edge || f.ends_terminal) return {};
    return Make(BoilerplateRule::kTimestamp, "a number alone (a counter) " + Quote(f.original));
  }
  // A clock time alone ("9:05 p.m.") heads a live-blog entry: it dates the paragraph after it,
  // so it stays. With a date, "updated" or "ago" it is the page's own timestamp.
  if (!anchor) return {};
  return Make(BoilerplateRule::kTimestamp,
              std::string(clock ? "only a date and time " : "only a date, time or counter ") +
                  Quote(f.original));
}

Verdict DetectCopyright(const BlockFeatures& f) {
  std::string_view lower = f.lower;
  size_t words = f.word_count();
  if (words > 80) return {};
  if (lower.substr(0, 2) == "\xC2\xA9" || lower.substr(0, 4) == "(c) ") {
    return Make(BoilerplateRule::kCopyright, "a copyright notice " + Quote(f.original));
  }
  if (lower.substr(0, 9) == "copyright" && words >= 2) {
    // "Copyright 2023 ...", "Copyright © ...", "Copyright The Financial Times Limited": the next
    // word is a year, a sign or a name; and the line says "rights"/"reserved", carries the
    // sign or a year, or is a short name line.
    const Word& next = f.words[1];
    bool year = next.text.size() == 4 && IsDigit(next.text[0]);
    bool sign = lower.find("\xC2\xA9") != std::string_view::npos || lower.substr(9, 4) == " (c)";
    bool opens = year || sign || next.capitalised;
    bool strong = sign || year || lower.find("rights") != std::string_view::npos ||
                  lower.find("reserved") != std::string_view::npos ||
                  (words <= 8 && !f.ends_terminal);
    if (opens && strong && !f.has_speech_verb) {
      return Make(BoilerplateRule::kCopyright, "a copyright notice " + Quote(f.original));
    }
  }
  if (words <= 60) {
    std::string_view p = lx::FindAny(lower, lx::CopyrightPhrases());
    if (!p.empty() && !f.starts_with_quote) {
      return Make(BoilerplateRule::kCopyright,
                  "a copyright/standards line (\"" + std::string(p) + "\")");
    }
  }
  if (words <= 40 && (lower.front() == '(' || lower.substr(0, 5) == "this ")) {
    static constexpr std::string_view kSyndication[] = {
        "originally published", "first appeared on",    "first published on",
        "syndicated feed",      "wire agency feed",     "not been edited by",
        "auto-generated",       "published from a wire"};
    for (std::string_view p : kSyndication) {
      if (lower.find(p) != std::string_view::npos) {
        return Make(BoilerplateRule::kCopyright,
                    "a syndication/licensing note (\"" + std::string(p) + "\")");
      }
    }
  }
  return {};
}

Verdict DetectByline(const BlockFeatures& f) {
  if (f.word_count() < 2 || f.word_count() > 16 || f.has_speech_verb) return {};
  static constexpr std::string_view kOpeners[] = {"by",        "written by",  "story by",
                                                  "words by",  "posted by",   "text by",
                                                  "report by", "reported by", "opinion by"};
  std::string_view lower = SkipLeadingPunct(f.lower);
  std::string_view opener;
  for (std::string_view o : kOpeners) {
    if (lower.substr(0, o.size()) == o && lower.size() > o.size() &&
        (lower[o.size()] == ' ' || lower[o.size()] == ':')) {
      opener = o;
    }
  }
  if (opener.empty()) return {};
  size_t skip = CountWordsIn(opener);
  if (f.words.size() <= skip || !LooksLikeNameWord(f.words[skip])) return {};
  // Every later word is part of a name, a connector, a role, an agency, or a date.
  static constexpr std::string_view kAllowed[] = {"and",
                                                  "&",
                                                  "of",
                                                  "de",
                                                  "van",
                                                  "von",
                                                  "der",
                                                  "la",
                                                  "le",
                                                  "da",
                                                  "bin",
                                                  "al",
                                                  "el",
                                                  "staff",
                                                  "writer",
                                                  "reporter",
                                                  "correspondent",
                                                  "in",
                                                  "for",
                                                  "the",
                                                  "with",
                                                  "editor",
                                                  "senior",
                                                  "political",
                                                  "chief",
                                                  "special",
                                                  "contributor",
                                                  "columnist",
                                                  "updated",
                                                  "published",
                                                  "y",
                                                  "du",
                                                  "bureau",
                                                  "news",
                                                  "desk",
                                                  "team",
                                                  "agencies",
                                                  "agency",
                                                  "mr",
                                                  "ms",
                                                  "dr"};
  size_t names = 0;
  for (size_t i = skip; i < f.words.size(); ++i) {
    const Word& w = f.words[i];
    if (LooksLikeNameWord(w)) {
      ++names;
      continue;
    }
    if (lx::Contains(kAllowed, w.text) || IsTimeWord(w.text) ||
        lx::Contains(lx::Agencies(), w.text)) {
      continue;
    }
    return {};
  }
  if (names < 1) return {};
  return Make(BoilerplateRule::kByline, "a byline " + Quote(f.original));
}

Verdict DetectStaffCredit(const BlockFeatures& f) {
  if (f.word_count() < 2 || f.word_count() > 60) return {};
  std::string_view lower = SkipLeadingPunct(f.lower);
  std::string_view p = lx::StartsWithAny(lower, lx::StaffCreditPhrases());
  if (p.empty()) {
    // "Jane Doe in Moscow contributed to this report." / "...; editing by ..."
    static constexpr std::string_view kInside[] = {"contributed to this report",
                                                   "contributed to this story",
                                                   "contributed to this article",
                                                   "contributed reporting",
                                                   "; editing by",
                                                   "; writing by",
                                                   "; additional reporting by"};
    for (std::string_view q : kInside) {
      if (lower.find(q) != std::string_view::npos && f.word_count() <= 40) p = q;
    }
  }
  if (p.empty()) return {};
  return Make(BoilerplateRule::kStaffCredit, "a staff credit (\"" + std::string(p) + "\")");
}

// Where a closing "AGENCY/Photographer" credit starts ("... March 11, 2025. LODESTAR/Mikkel
// Aune", any agency written in capitals): the capitalised agency word (2+ letters, '-' allowed:
// "EPA-EFE") after the description's full stop, a slash, then a name of one to five words
// and nothing else. npos when the block does not end so.
size_t CapsAgencySlashCredit(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.remove_suffix(1);
  const size_t slash = s.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return std::string_view::npos;
  // The photographer: 1-5 words of letters ('-', '\'', '.' inside), each opening with a capital
  // except a short particle after the first ("J. van der Berg").
  std::string_view name = s.substr(slash + 1);
  size_t words = 0;
  for (size_t i = 0; i < name.size();) {
    const size_t end = std::min(name.find(' ', i), name.size());
    const std::string_view w = name.substr(i, end - i);
    i = end + 1;
    if (w.empty()) continue;
    const bool upper = w.front() >= 'A' && w.front() <= 'Z';
    if (!upper && (words == 0 || w.size() > 3 || end == name.size())) {
      return std::string_view::npos;
    }
    for (char c : w) {
      const bool letter =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
      if (!letter && c != '-' && c != '\'' && c != '.') return std::string_view::npos;
    }
    ++words;
  }
  if (words == 0 || words > 5) return std::string_view::npos;
  // The agency: capitals (and '-') back to a space or the start.
  size_t begin = slash;
  while (begin > 0 && s[begin - 1] != ' ') --begin;
  const std::string_view agency = s.substr(begin, slash - begin);
  size_t letters = 0;
  for (char c : agency) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '-') {
      return std::string_view::npos;
    }
  }
  if (letters < 2) return std::string_view::npos;
  // Alone, or after the description's full stop: "talks with NATO/Ukraine" is prose.
  if (begin > 0 && (begin < 2 || s[begin - 2] != '.')) return std::string_view::npos;
  return begin;
}

Verdict DetectCaption(const BlockFeatures& f) {
  const size_t words = f.word_count();
  if (words == 0 || words > 90) return {};
  std::string_view lower = f.lower;
  std::string_view bare = StripTrailingPunct(SkipLeadingPunct(lower));

  // A credit alone: every word an agency, a picture desk or "via" ("Bloomberg via Getty Images").
  if (words <= 6) {
    bool all = true;
    for (const Word& w : f.words) {
      if (!lx::Contains(lx::Agencies(), w.text) && w.text != "images") all = false;
    }
    if (all && (f.words.front().capitalised || f.upper_ratio() > 0.5)) {
      return Make(BoilerplateRule::kCredit, "an agency/photo credit alone " + Quote(f.original));
    }
  }
  // "Photo: AFP", "Photograph by Jane Doe", "Credit: Reuters": a credit label and a short name.
  std::string_view label = lx::StartsWithAny(bare, lx::CreditLabels());
  if (!label.empty() && words <= 12) {
    std::string_view rest = bare.substr(label.size());
    bool sep = !rest.empty() &&
               (rest.front() == ':' || rest.substr(0, 4) == " by " || rest.substr(0, 2) == " :" ||
                rest.substr(0, 2) == " |" || rest.front() == '/');
    size_t rest_words = CountWordsIn(rest);
    // What follows the label must read as a name or an agency: mostly capitalised words.
    size_t named = 0, total = 0;
    for (const Word& w : f.words) {
      if (w.text.data() < rest.data() || w.text.data() >= rest.data() + rest.size()) continue;
      ++total;
      if (w.capitalised || lx::Contains(lx::Agencies(), w.text)) ++named;
    }
    bool name_like = total > 0 && named * 10 >= total * 6;
    if (sep && name_like && rest_words >= 1 && rest_words <= 8) {
      return Make(BoilerplateRule::kCredit, "a photo credit " + Quote(f.original));
    }
  }
  // "FILE PHOTO: ..." opens a caption.
  if (bare.substr(0, 11) == "file photo:" || bare.substr(0, 13) == "handout photo") {
    return Make(BoilerplateRule::kCaption, "a caption opening " + Quote(f.original, 24));
  }
  // A description that ends with a credit: the earliest credit marker with at most 8 words
  // after it. Searched in a byte-for-byte lower-cased copy of the original, so the credit can
  // be quoted as written.
  std::string folded(f.original);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string_view fl = folded;
  // A credit has at most 8 words after its marker and a marker at most 3 words: only the last
  // 12 words can hold one.
  size_t region = fl.size();
  for (int spaces = 0; region > 0;) {
    --region;
    if (fl[region] == ' ' && ++spaces == 12) break;
  }
  size_t best = std::string_view::npos;
  std::string_view marker;
  for (std::string_view m : lx::CreditMarkers()) {
    size_t pos = std::string_view::npos;
    for (size_t p = fl.find(m, region); p != std::string_view::npos; p = fl.find(m, p + 1)) {
      bool left_ok = p == 0 || !(IsLowerAlpha(m.front()) && IsLowerAlpha(fl[p - 1]));
      size_t after = p + m.size();
      bool right_ok = after >= fl.size() || !(IsLowerAlpha(m.back()) && IsLowerAlpha(fl[after]));
      if (left_ok && right_ok) pos = p;  // the last one
    }
    if (pos == std::string_view::npos || CountWordsIn(fl.substr(pos + m.size())) > 8) continue;
    if (best == std::string_view::npos || pos < best) {
      best = pos;
      marker = m;
    }
  }
  if (best == std::string_view::npos) {
    const size_t at = CapsAgencySlashCredit(f.original);
    if (at == std::string_view::npos) return {};
    if (CountWordsIn(f.original.substr(0, at)) <= 1) {
      return Make(BoilerplateRule::kCredit, "a photo credit " + Quote(f.original));
    }
    return Make(BoilerplateRule::kCaption,
                "a photo description ending with credit " + Quote(f.original.substr(at), 50));
  }
  std::string_view tail = fl.substr(best + marker.size());
  // A marker inside a web address ("http://ap-gfkpoll.com") is not a credit.
  if (fl.find("http") != std::string_view::npos || fl.find("www.") != std::string_view::npos) {
    size_t token = fl.rfind(' ', best);
    std::string_view word = fl.substr(token == std::string_view::npos ? 0 : token + 1);
    word = word.substr(0, word.find(' '));
    if (word.find("://") != std::string_view::npos || word.find("www.") != std::string_view::npos) {
      return {};
    }
  }
  // A plain-word marker ("getty images", "via reuters") in a reported sentence is not a credit,
  // and it must close the block.
  bool punct_marker = marker.find_first_of(":/(\xC2") != std::string_view::npos;
  if (!punct_marker && (f.has_speech_verb || CountWordsIn(tail) > 3)) return {};
  // After a label ("Photo:", "Image:", "Credit:") comes a name, not a description.
  if (marker.back() == ':' || marker.ends_with(" by")) {
    std::string_view orig_tail = f.original.substr(best + marker.size());
    size_t named = 0, total = 0;
    bool at_start = true;
    for (char c : orig_tail) {
      bool space = c == ' ' || c == '/' || c == '(';
      if (space) {
        at_start = true;
      } else if (at_start) {
        at_start = false;
        ++total;
        if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80) ++named;
      }
    }
    if (total == 0 || named * 10 < total * 6) return {};
  }
  // The tail itself must not read as prose: no sentence end inside it.
  if (tail.find(". ") != std::string_view::npos && CountWordsIn(tail) > 3) return {};
  std::string_view credit = f.original.substr(best);
  if (CountWordsIn(fl.substr(0, best)) <= 1) {
    return Make(BoilerplateRule::kCredit, "a photo credit " + Quote(f.original));
  }
  return Make(BoilerplateRule::kCaption,
              "a photo description ending with credit " + Quote(credit, 50));
}

Verdict DetectMedia(const BlockFeatures& f) {
  if (f.word_count() > 25) return {};
  std::string_view bare = StripTrailingPunct(SkipLeadingPunct(f.lower));
  if (lx::Contains(lx::MediaLines(), bare)) {
    return Make(BoilerplateRule::kMediaPlaceholder,
                "a media/interface placeholder " + Quote(f.original));
  }
  std::string_view p = lx::FindAny(f.lower, lx::MediaPhrases());
  if (!p.empty()) {
    return Make(BoilerplateRule::kMediaPlaceholder,
                "a media placeholder (\"" + std::string(p) + "\")");
  }
  std::string_view label = lx::StartsWithAny(bare, lx::MediaLabels());
  if (!label.empty()) {
    std::string_view rest = bare.substr(label.size());
    if (!rest.empty() &&
        (rest.front() == ':' || rest.substr(0, 2) == " :" || rest.substr(0, 2) == " |")) {
      return Make(BoilerplateRule::kMediaPlaceholder, "a media label " + Quote(f.original, 40));
    }
  }
  // "Image 1 of 12", "1 of 12", "(1/5)"
  if (f.word_count() <= 4 && f.has_digit) {
    size_t nums = 0;
    bool ok = true;
    for (const Word& w : f.words) {
      if (IsNumberWord(w.text))
        ++nums;
      else if (w.text != "of" && w.text != "image" && w.text != "photo" && w.text != "slide" &&
               w.text != "picture")
        ok = false;
    }
    if (ok && nums >= 1 &&
        (f.lower.find(" of ") != std::string::npos || f.lower.find('/') != std::string::npos)) {
      return Make(BoilerplateRule::kMediaPlaceholder, "a gallery counter " + Quote(f.original));
    }
  }
  return {};
}

Verdict DetectShare(const BlockFeatures& f) {
  if (f.words.empty() || f.word_count() > 10) return {};
  static constexpr std::string_view kStrong[] = {
      "facebook", "twitter", "whatsapp", "telegram", "linkedin",  "pinterest", "reddit",
      "email",    "e-mail",  "share",    "tweet",    "messenger", "flipboard", "tumblr"};
  bool strong = false;
  for (const Word& w : f.words) {
    if (!lx::Contains(lx::ShareWords(), w.text)) return {};
    strong |= lx::Contains(kStrong, w.text);
  }
  if (!strong) return {};
  return Make(BoilerplateRule::kShareWidget, "share buttons " + Quote(f.original));
}

bool IsRelatedLabelOnly(const BlockFeatures& f) {
  std::string_view bare = StripTrailingPunct(SkipLeadingPunct(f.lower));
  while (!bare.empty() && (bare.back() == '"' || bare.back() == '\'')) {
    bare.remove_suffix(1);
    bare = StripTrailingPunct(bare);
  }
  std::string_view label = lx::StartsWithAny(bare, lx::RelatedLabels());
  return !label.empty() && label.size() == bare.size() && label != "more";
}

Verdict DetectRelated(const BlockFeatures& f) {
  if (f.word_count() > 40) return {};
  std::string_view lower = SkipLeadingPunct(f.lower);
  std::string_view label = lx::StartsWithAny(lower, lx::RelatedLabels());
  if (label.empty()) return {};
  if (IsRelatedLabelOnly(f)) {
    return Make(BoilerplateRule::kRelatedLink, "a related-links label " + Quote(f.original));
  }
  std::optional<std::string_view> rest = AfterLabel(lower, label);
  if (!rest) return {};
  if (label == "more" && rest->empty()) return {};
  return Make(BoilerplateRule::kRelatedLink, "a related link " + Quote(f.original));
}

Verdict DetectBreadcrumb(const BlockFeatures& f) {
  if (f.words.empty() || f.word_count() > 16) return {};
  std::string_view lower = f.lower;
  std::string_view tag = lx::StartsWithAny(lower, lx::TagLabels());
  if (!tag.empty() && lower.size() > tag.size() && lower[tag.size()] == ':') {
    return Make(BoilerplateRule::kBreadcrumb, "a tag/section list " + Quote(f.original, 40));
  }
  if (f.ends_terminal || f.has_speech_verb || f.starts_with_quote) return {};
  // Split on separators set off by spaces (in `lower`, where no-break spaces are spaces).
  static constexpr std::string_view kSeps[] = {" | ", " > ",  " \xC2\xBB ",     " \xE2\x80\xBA ",
                                               " / ", " :: ", " \xE2\x80\xA2 ", " \xC2\xB7 "};
  std::string_view text = f.lower;
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    for (std::string_view s : kSeps) {
      if (text.substr(i, s.size()) == s) {
        len = s.size();
        break;
      }
    }
    if (len) {
      parts.push_back(text.substr(start, i - start));
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  parts.push_back(text.substr(start));
  if (parts.size() < 2) return {};
  for (std::string_view p : parts) {
    if (p.empty() || CountWordsIn(p) > 5) return {};
    // The part's first word must be capitalised (or a number) in the original.
    const Word* first = nullptr;
    for (const Word& w : f.words) {
      if (w.text.data() >= p.data() && w.text.data() < p.data() + p.size()) {
        first = &w;
        break;
      }
    }
    if (first == nullptr || !first->capitalised) return {};
  }
  return Make(BoilerplateRule::kBreadcrumb, "a section trail " + Quote(f.original));
}

Verdict DetectCallToAction(const BlockFeatures& f, const Position& pos) {
  const size_t words = f.word_count();
  if (words == 0 || words > 45 || f.starts_with_quote || f.has_speech_verb) return {};
  std::string_view lower = SkipLeadingPunct(f.lower);
  std::string_view phrase = lx::FindAny(lower, lx::CtaPhrases());
  bool imperative = lx::Contains(lx::CtaVerbs(), f.first_word());
  if (f.first_word() == "please" && f.words.size() > 1) {
    imperative = lx::Contains(lx::CtaVerbs(), f.words[1].text);
  }
  // The last sentence may carry the call ("Do you support X? Like the page:").
  std::string_view last = LastSentence(f.original);
  bool last_imperative = false;
  std::string last_verb;
  if (last.size() != f.original.size()) {
    for (char c : last.substr(0, 16)) {
      last_verb.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    last_verb.resize(std::min(last_verb.size(), last_verb.find_first_of(" :,.!?")));
    last_imperative = lx::Contains(lx::CtaVerbs(), last_verb);
  }
  if (!phrase.empty() && words <= 30 &&
      (f.second_person > 0 || imperative || last_imperative || !f.ends_terminal || words <= 8)) {
    return Make(BoilerplateRule::kCallToAction,
                "a call to action (\"" + std::string(phrase) + "\")");
  }
  if (!imperative && !last_imperative) return {};
  // The first block in title case is the headline ("Don't Let The Media Tell You ..."), not a
  // call to action.
  if (pos.index == 0 && f.word_count() >= 5 && f.capitalised_ratio() >= 0.7) return {};
  size_t platforms = 0, objects = 0;
  for (const Word& w : f.words) {
    if (lx::Contains(lx::CtaPlatforms(), w.text)) ++platforms;
    if (lx::Contains(lx::CtaObjects(), w.text)) ++objects;
  }
  // Verbs that only ever ask the reader to act on the outlet; the others ("get", "try",
  // "keep", "read") need an outlet's platform named to be a call to action, so advice written
  // in the second person ("Try listening to your body") stays.
  static constexpr std::string_view kStrongVerbs[] = {
      "subscribe", "sign",   "join", "follow", "download",   "click",   "tap",
      "register",  "share",  "like", "watch",  "listen",     "donate",  "upgrade",
      "install",   "unlock", "log",  "signup", "contribute", "support", "comment"};
  std::string_view verb = last_verb;
  if (imperative) verb = f.first_word() == "please" ? f.words[1].text : f.first_word();
  bool strong_verb = lx::Contains(kStrongVerbs, verb);
  if (words <= 30 && (platforms > 0 || (strong_verb && (objects > 0 || f.second_person > 0)))) {
    return Make(BoilerplateRule::kCallToAction,
                "an imperative addressed to the reader " + Quote(f.original, 40));
  }
  // A bare short imperative ("Read Entire Article") only where site chrome stands: the first
  // three or the last five blocks.
  bool edge = pos.index < 3 || pos.index + 5 >= pos.count;
  if (words <= 6 && strong_verb && !f.ends_terminal && edge) {
    return Make(BoilerplateRule::kCallToAction, "a short imperative " + Quote(f.original));
  }
  return {};
}

Verdict DetectStrongAppeal(const BlockFeatures& f) {
  if (f.word_count() > 150 || f.word_count() < 8 || f.has_speech_verb || f.starts_with_quote) {
    return {};
  }
  if (f.second_person == 0) return {};
  bool asks = false, journalism = false;
  for (const Word& w : f.words) {
    std::string_view t = w.text;
    if (t.starts_with("support") || t.starts_with("donat") || t.starts_with("contribut") ||
        t.starts_with("subscri")) {
      asks = true;
    }
    if (t.starts_with("journalis") || t == "newsroom" || t == "reporting") journalism = true;
  }
  if (!(asks && journalism && f.first_plural > 0)) return {};
  return Make(BoilerplateRule::kAppeal, "asks the reader to support the outlet's journalism");
}

bool IsAppealOpener(const BlockFeatures& f) {
  std::string_view lower = SkipLeadingPunct(f.lower);
  if (!lx::StartsWithAny(lower, lx::AppealOpeners()).empty()) return f.word_count() <= 150;
  if (f.has_speech_verb || f.starts_with_quote || f.word_count() > 60) return false;
  return f.second_person > 0 && !lx::FindAny(lower, lx::AppealOpeners()).empty();
}

bool IsSignoff(const BlockFeatures& f) {
  if (f.words.empty() || f.word_count() > 5 || f.ends_terminal) return false;
  bool role = false;
  for (const Word& w : f.words) {
    if (lx::Contains(lx::SignoffRoles(), w.text)) {
      role = true;
    } else if (!w.capitalised) {
      return false;
    }
  }
  return role || f.word_count() <= 3;
}

bool IsAppealContinuation(const BlockFeatures& f) {
  if (IsSignoff(f) || f.word_count() <= 6) return true;
  size_t appeal_words = 0;
  for (const Word& w : f.words) {
    if (lx::Contains(lx::AppealWords(), w.text)) ++appeal_words;
  }
  if (f.has_speech_verb && appeal_words < 3) return false;
  return ((f.second_person + f.first_plural) > 0 && appeal_words >= 1) || appeal_words >= 3;
}

bool IsHeadlineLike(const BlockFeatures& f) {
  if (f.words.empty() || f.word_count() > 20 || f.starts_with_quote) return false;
  if (f.sentence_ends > 0) return false;
  return !f.ends_terminal || f.capitalised_ratio() >= 0.6;
}

std::string BylineName(std::string_view original) {
  size_t i = 0;
  while (i < original.size() && (original[i] == ' ' || original[i] == '(' || original[i] == '-'))
    ++i;
  std::string_view s = original.substr(i);
  // Drop the opener: everything up to and including the first " by " / "by " word.
  for (size_t k = 0; k + 2 < s.size(); ++k) {
    if ((k == 0 || s[k - 1] == ' ') && (s[k] == 'b' || s[k] == 'B') &&
        (s[k + 1] == 'y' || s[k + 1] == 'Y') && (s[k + 2] == ' ' || s[k + 2] == ':')) {
      s.remove_prefix(k + 3);
      break;
    }
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == ':')) s.remove_prefix(1);
  size_t end = s.size();
  for (std::string_view stop : {",", "|", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", "\xE2\x80\xA2",
                                "\xC2\xB7", "(", ";"}) {
    size_t p = s.find(stop);
    if (p != std::string_view::npos) end = std::min(end, p);
  }
  s = s.substr(0, end);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.remove_suffix(1);
  return std::string(s);
}

size_t LinkSuffixStart(std::string_view original) {
  std::string_view s = original;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  for (std::string_view suffix : lexicon::LinkSuffixes()) {
    if (s.size() <= suffix.size() + 1) continue;
    std::string_view tail = s.substr(s.size() - suffix.size());
    bool eq = true;
    for (size_t i = 0; i < suffix.size() && eq; ++i) {
      char c = tail[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      eq = c == suffix[i];
    }
    if (!eq) continue;
    size_t start = s.size() - suffix.size();
    if (s[start - 1] != ' ') continue;
    std::string_view before = s.substr(0, start);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.empty() || CountWordsIn(before) < 4) continue;
    unsigned char last = static_cast<unsigned char>(before.back());
    bool terminal = last == '.' || last == '!' || last == '?' || last == '"' || last == ')' ||
                    last == '\'' || last == 0x9D || last == 0x99;  // ” ’ (last byte)
    if (!terminal) continue;
    return start;
  }
  return std::string_view::npos;
}

Verdict JudgeBlock(const BlockFeatures& f, const Position& pos, const CleanOptions& options) {
  using R = BoilerplateRule;
  if (options.Enabled(R::kSeparator)) {
    if (Verdict v = DetectSeparator(f); v.matched()) return v;
  }
  if (f.word_count() > options.max_boilerplate_words) return {};
  struct Step {
    R rule;
    Verdict (*detect)(const BlockFeatures&);
  };
  static constexpr Step kSteps[] = {
      {R::kCopyright, DetectCopyright},    {R::kStaffCredit, DetectStaffCredit},
      {R::kByline, DetectByline},          {R::kCaption, DetectCaption},
      {R::kMediaPlaceholder, DetectMedia}, {R::kShareWidget, DetectShare},
      {R::kRelatedLink, DetectRelated},    {R::kBreadcrumb, DetectBreadcrumb},
  };
  if (options.Enabled(R::kTimestamp)) {
    if (Verdict v = DetectTimestamp(f, pos); v.matched()) return v;
  }
  for (const Step& step : kSteps) {
    Verdict v = step.detect(f);
    if (v.matched() && options.Enabled(v.rule)) return v;
  }
  if (options.Enabled(R::kCallToAction)) {
    if (Verdict v = DetectCallToAction(f, pos); v.matched()) return v;
  }
  if (options.Enabled(R::kAppeal)) {
    if (Verdict v = DetectStrongAppeal(f); v.matched()) return v;
  }
  return {};
}

}  // namespace witness::clean
