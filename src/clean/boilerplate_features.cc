#include "clean/boilerplate_features.h"

#include <array>

namespace witness::clean {
namespace {

bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsWordByte(unsigned char c) {
  return IsAsciiLower(c) || IsAsciiUpper(c) || IsAsciiDigit(c) || c >= 0x80;
}

// A multi-byte punctuation sequence at `s[i]` and its ASCII replacement (0 when none).
// Returns the number of input bytes consumed through `len`.
char MapPunct(std::string_view s, size_t i, size_t* len) {
  auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (b(0) == 0xC2 && b(1) == 0xA0) {
    *len = 2;
    return ' ';
  }  // no-break space
  if (b(0) == 0xE2 && b(1) == 0x80) {
    unsigned char c = b(2);
    *len = 3;
    if (c == 0x98 || c == 0x99 || c == 0xB2) return '\'';  // ‘ ’ ′
    if (c == 0x9C || c == 0x9D || c == 0xB3) return '"';   // “ ” ″
    if (c >= 0x90 && c <= 0x95) return '-';                // hyphens and dashes
    if (c == 0x89 || c == 0x8A || c == 0xAF || (c >= 0x80 && c <= 0x8B)) return ' ';  // spaces
    if (c == 0xA2) return '*';                                                        // bullet
  }
  *len = 1;
  return 0;
}

constexpr std::string_view kSecondPerson[] = {
    "you", "your", "yours", "yourself", "yourselves", "you're", "you'll", "you've", "you'd"};
constexpr std::string_view kFirstPlural[] = {"we",    "our",   "us",    "ours",
                                             "we're", "we've", "we'll", "ourselves"};
constexpr std::string_view kSpeechVerbs[] = {
    "said",      "says",    "say",     "told",  "tells",     "according", "added",   "stated",
    "announced", "claimed", "wrote",   "asked", "reported",  "insisted",  "argued",  "explained",
    "noted",     "warned",  "alleged", "vowed", "described", "blamed",    "accused", "denied"};

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

}  // namespace

void Analyze(std::string_view block, BlockFeatures* f) {
  f->original = block;
  std::string& lower = f->lower;
  lower.clear();
  lower.reserve(block.size());
  // Per byte of `lower`: 1 when the original byte was an ASCII capital, 2 when non-ASCII.
  std::string caps;
  caps.reserve(block.size());
  bool pending_space = false;
  for (size_t i = 0; i < block.size();) {
    unsigned char c = static_cast<unsigned char>(block[i]);
    size_t len = 1;
    char mapped = c >= 0x80 ? MapPunct(block, i, &len) : 0;
    char out;
    char cap = 0;
    if (mapped) {
      out = mapped;
    } else if (c >= 0x80) {
      // Copy the whole UTF-8 sequence; a lead byte marks a "capitalised" non-ASCII start.
      out = static_cast<char>(c);
      cap = 2;
    } else if (IsAsciiUpper(c)) {
      out = static_cast<char>(c - 'A' + 'a');
      cap = 1;
      ++f->letters;
      ++f->upper;
    } else {
      if (IsAsciiLower(c)) ++f->letters;
      if (IsAsciiDigit(c)) f->has_digit = true;
      out = static_cast<char>(c);
    }
    i += len;
    if (out == ' ' || out == '\t' || out == '\n' || out == '\r' || out == '\v' || out == '\f') {
      pending_space = !lower.empty();
      continue;
    }
    if (pending_space) {
      lower.push_back(' ');
      caps.push_back(0);
      pending_space = false;
    }
    lower.push_back(out);
    caps.push_back(cap);
  }

  // Words: runs of word bytes, with internal ' - . joining two runs.
  const size_t n = lower.size();
  for (size_t i = 0; i < n;) {
    if (!IsWordByte(static_cast<unsigned char>(lower[i]))) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(lower[i]);
      if (IsWordByte(c)) {
        ++i;
      } else if ((c == '\'' || c == '-' || c == '.') && i + 1 < n &&
                 IsWordByte(static_cast<unsigned char>(lower[i + 1]))) {
        ++i;
      } else if ((c == ':' || c == ',' || c == '/') && i + 1 < n && i > start &&
                 IsAsciiDigit(static_cast<unsigned char>(lower[i - 1])) &&
                 IsAsciiDigit(static_cast<unsigned char>(lower[i + 1]))) {
        ++i;  // 9:05, 8,000, 2022/01/10
      } else {
        break;
      }
    }
    Word w;
    w.text = std::string_view(lower).substr(start, i - start);
    w.capitalised = caps[start] != 0 || IsAsciiDigit(static_cast<unsigned char>(lower[start]));
    uint32_t letters = 0, ups = 0;
    for (size_t k = start; k < i; ++k) {
      if (IsAsciiLower(static_cast<unsigned char>(lower[k]))) {
        ++letters;
        if (caps[k] == 1) ++ups;
      }
    }
    w.all_caps = letters >= 2 && ups == letters;
    if (letters >= 2 || (letters >= 1 && w.text.size() >= 2 && !IsAsciiDigit(w.text[0])) ||
        caps[start] == 2) {
      f->has_letter_word = true;
    }
    if (w.capitalised && !IsAsciiDigit(static_cast<unsigned char>(lower[start]))) {
      ++f->capitalised_words;
    }
    if (In(kSecondPerson, w.text)) ++f->second_person;
    if (In(kFirstPlural, w.text)) ++f->first_plural;
    if (In(kSpeechVerbs, w.text)) f->has_speech_verb = true;
    f->words.push_back(w);
  }

  // Sentence ends and the shape of the ends.
  for (size_t i = 0; i + 2 < block.size(); ++i) {
    char c = block[i];
    if ((c == '.' || c == '!' || c == '?') && block[i + 1] == ' ') {
      unsigned char next = static_cast<unsigned char>(block[i + 2]);
      if (IsAsciiUpper(next) || next == '"' || next == 0xE2) ++f->sentence_ends;
    }
  }
  size_t e = block.size();
  while (e > 0 && (block[e - 1] == ' ' || block[e - 1] == '\t' || block[e - 1] == '\r')) --e;
  // Step back over closing quotes and brackets (ASCII and the UTF-8 closing quotes).
  while (e > 0) {
    unsigned char c = static_cast<unsigned char>(block[e - 1]);
    if (c == '"' || c == '\'' || c == ')' || c == ']') {
      --e;
    } else if (e >= 3 && static_cast<unsigned char>(block[e - 3]) == 0xE2 &&
               static_cast<unsigned char>(block[e - 2]) == 0x80 && (c == 0x9D || c == 0x99)) {
      e -= 3;
    } else {
      break;
    }
  }
  if (e > 0) {
    char c = block[e - 1];
    f->ends_terminal = c == '.' || c == '!' || c == '?';
    if (e >= 3 && static_cast<unsigned char>(block[e - 3]) == 0xE2 &&
        static_cast<unsigned char>(block[e - 2]) == 0x80 &&
        static_cast<unsigned char>(block[e - 1]) == 0xA6) {
      f->ends_terminal = true;  // …
    }
  }
  f->starts_with_quote = !lower.empty() && (lower[0] == '"' || lower[0] == '\'');
}

std::string_view StripTrailingPunct(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == '.' || c == ':' || c == '!' || c == '?' || c == ',' || c == ';' || c == '-' ||
        c == '|' || c == '>' || c == ' ' || c == '*') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
               static_cast<unsigned char>(c) == 0xBB) {
      s.remove_suffix(2);  // »
    } else {
      break;
    }
  }
  return s;
}

std::string_view LastSentence(std::string_view original) {
  size_t best = std::string_view::npos;
  for (size_t i = 0; i + 2 < original.size(); ++i) {
    char c = original[i];
    if ((c == '.' || c == '!' || c == '?') && original[i + 1] == ' ') {
      unsigned char next = static_cast<unsigned char>(original[i + 2]);
      if (IsAsciiUpper(next) || next == '"' || next >= 0x80) best = i + 2;
    }
  }
  return best == std::string_view::npos ? original : original.substr(best);
}

}  // namespace witness::clean
