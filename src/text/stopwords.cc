// The English stopword list: the closed-class words of English (articles, pronouns and their
// possessive and reflexive forms, auxiliary and modal verbs, prepositions, conjunctions, and the
// commonest adverbs of degree and place), plus the contracted forms news copy uses. Content
// words that merely happen to be frequent ("said", "year", "people") are deliberately absent:
// they carry meaning for story clustering.
//
// "us" is left out on purpose: its key is also the key of "US", the country.
//
// Keys are matching keys (lower case, ASCII apostrophe). Lookup is an open-addressing hash set
// built once, so IsEnglishStopword costs one hash and usually one comparison.
#include "text/stopwords.h"

#include <array>
#include <cstdint>

namespace witness::text::internal {
namespace {

constexpr std::string_view kStopwords[] = {
    // articles and determiners
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "each",
    "every",
    "either",
    "neither",
    "some",
    "any",
    "no",
    "all",
    "both",
    "few",
    "more",
    "most",
    "other",
    "another",
    "such",
    "own",
    "same",
    "several",
    // personal, possessive and reflexive pronouns
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    // interrogatives and relatives
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "whether",
    // be, have, do
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    // modals
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "will",
    "would",
    // prepositions
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "around",
    "at",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "between",
    "beyond",
    "by",
    "down",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "per",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "via",
    "with",
    "within",
    "without",
    // conjunctions
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "because",
    "as",
    "than",
    "though",
    "although",
    "while",
    "unless",
    "once",
    // adverbs of degree, place and time that work as function words
    "not",
    "only",
    "very",
    "too",
    "also",
    "just",
    "here",
    "there",
    "then",
    "now",
    "again",
    "further",
    "ever",
    "even",
    "still",
    "already",
    // contractions
    "i'm",
    "i've",
    "i'd",
    "i'll",
    "you're",
    "you've",
    "you'd",
    "you'll",
    "he's",
    "he'd",
    "he'll",
    "she's",
    "she'd",
    "she'll",
    "it's",
    "we're",
    "we've",
    "we'd",
    "we'll",
    "they're",
    "they've",
    "they'd",
    "they'll",
    "that's",
    "there's",
    "what's",
    "who's",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "doesn't",
    "don't",
    "didn't",
    "won't",
    "wouldn't",
    "can't",
    "cannot",
    "couldn't",
    "shouldn't",
    "mustn't",
    "let's",
};

constexpr size_t kSlots = 1024;  // power of two, well above twice the list size

uint32_t Hash(std::string_view s) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

struct Set {
  std::array<int16_t, kSlots> slot;  // index into kStopwords, or -1
  Set() {
    slot.fill(-1);
    for (size_t i = 0; i < std::size(kStopwords); ++i) {
      size_t h = Hash(kStopwords[i]) & (kSlots - 1);
      while (slot[h] >= 0 && kStopwords[slot[h]] != kStopwords[i]) h = (h + 1) & (kSlots - 1);
      slot[h] = static_cast<int16_t>(i);
    }
  }
};

const Set& TheSet() {
  static const Set set;
  return set;
}

}  // namespace

bool IsEnglishStopword(std::string_view key) {
  if (key.empty() || key.size() > 10) return false;
  const Set& set = TheSet();
  size_t h = Hash(key) & (kSlots - 1);
  while (set.slot[h] >= 0) {
    if (kStopwords[set.slot[h]] == key) return true;
    h = (h + 1) & (kSlots - 1);
  }
  return false;
}

const std::string_view* EnglishStopwords(size_t* size) {
  *size = std::size(kStopwords);
  return kStopwords;
}

}  // namespace witness::text::internal
