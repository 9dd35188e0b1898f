// Analyzer: matching keys, Snowball English stems (cached) and stopwords.
//
// Key() folds ASCII tokens with a table into a reused buffer and sends only tokens with
// non-ASCII characters through AppendMatchingForm (matching.cc).
//
// Stem() caches key -> stem in an open-addressing hash table whose keys and stems live in one
// arena, so a cached lookup is one XXH3 hash, one probe or two and one memcmp, and allocates
// nothing. News vocabulary is Zipfian: a few thousand types cover most tokens. The cache is
// bounded (kMaxEntries types, kMaxArenaBytes of text); when either bound is reached it is
// emptied and refilled, which keeps the hot vocabulary cached at negligible cost.
#include <libstemmer.h>
#include <xxhash.h>

#include <cstring>
#include <vector>

#include "text/matching.h"
#include "text/stopwords.h"
#include "witness/text.h"

namespace witness::text {
namespace {

constexpr size_t kSlots = size_t{1} << 17;  // power of two
constexpr size_t kMaxEntries = kSlots / 2;  // load factor <= 0.5
constexpr size_t kMaxArenaBytes = size_t{4} << 20;
constexpr size_t kMaxCachedKey = 64;  // longer keys are stemmed every time

// True when `s` aliases memory inside [base, base + size).
bool Aliases(std::string_view s, const char* base, size_t size) {
  return !s.empty() && s.data() >= base && s.data() < base + size;
}

}  // namespace

struct Analyzer::Impl {
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_offset = 0;
    uint32_t stem_offset = 0;
    uint16_t key_size = 0;
    uint16_t stem_size = 0;
    bool used = false;
  };

  Impl() : slots(kSlots) {
    stemmer = sb_stemmer_new("english", "UTF_8");
    arena.reserve(size_t{1} << 16);
  }
  ~Impl() {
    if (stemmer != nullptr) sb_stemmer_delete(stemmer);
  }

  void ClearCache() {
    std::fill(slots.begin(), slots.end(), Slot{});
    arena.clear();
    entries = 0;
  }

  // Runs the Snowball stemmer; the result is valid until its next call.
  std::string_view RunStemmer(std::string_view key) {
    if (stemmer == nullptr) return key;
    const sb_symbol* stem = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(key.data()), static_cast<int>(key.size()));
    if (stem == nullptr) return key;  // out of memory inside libstemmer
    return {reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer))};
  }

  std::string_view Stem(std::string_view key) {
    if (key.size() > kMaxCachedKey || key.size() > static_cast<size_t>(INT32_MAX)) {
      const std::string_view stem = RunStemmer(key);
      uncached.assign(stem.data(), stem.size());
      return uncached;
    }
    if (Aliases(key, arena.data(), arena.size())) {  // Stem(Stem(x)): copy before the arena moves
      key_copy.assign(key.data(), key.size());
      key = key_copy;
    }
    const uint64_t hash = XXH3_64bits(key.data(), key.size());
    size_t i = hash & (kSlots - 1);
    while (slots[i].used) {
      const Slot& slot = slots[i];
      if (slot.hash == hash && slot.key_size == key.size() &&
          std::memcmp(arena.data() + slot.key_offset, key.data(), key.size()) == 0) {
        return {arena.data() + slot.stem_offset, slot.stem_size};
      }
      i = (i + 1) & (kSlots - 1);
    }
    const std::string_view stem = RunStemmer(key);
    if (stem.size() > UINT16_MAX) {
      uncached.assign(stem.data(), stem.size());
      return uncached;
    }
    if (entries >= kMaxEntries || arena.size() + key.size() + stem.size() > kMaxArenaBytes) {
      ClearCache();
      i = hash & (kSlots - 1);
    }
    Slot& slot = slots[i];
    slot.used = true;
    slot.hash = hash;
    slot.key_offset = static_cast<uint32_t>(arena.size());
    slot.key_size = static_cast<uint16_t>(key.size());
    arena.append(key.data(), key.size());
    if (stem == key) {
      slot.stem_offset = slot.key_offset;
    } else {
      slot.stem_offset = static_cast<uint32_t>(arena.size());
      arena.append(stem.data(), stem.size());
    }
    slot.stem_size = static_cast<uint16_t>(stem.size());
    ++entries;
    return {arena.data() + slot.stem_offset, slot.stem_size};
  }

  std::string key;  // Key()'s result
  std::string key_input;
  internal::MatchingScratch scratch;
  sb_stemmer* stemmer = nullptr;
  std::vector<Slot> slots;
  std::string arena;
  size_t entries = 0;
  std::string key_copy;
  std::string uncached;
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::string_view Analyzer::Key(std::string_view text, const Token& token) {
  if (token.span.end > text.size() || token.span.begin > token.span.end) return {};
  return Key(token.span.in(text));
}

std::string_view Analyzer::Key(std::string_view token_text) {
  std::string& key = impl_->key;
  if (Aliases(token_text, key.data(), key.size())) {  // Key(Key(x))
    impl_->key_input.assign(token_text.data(), token_text.size());
    token_text = impl_->key_input;
  }
  const size_t n = token_text.size();
  key.resize(n);
  const auto* in = reinterpret_cast<const uint8_t*>(token_text.data());
  uint8_t high = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t b = in[i];
    high |= b;
    key[i] = internal::kAsciiMatchingFold[b & 0x7F];
  }
  if (high & 0x80) {
    key.clear();
    internal::AppendMatchingForm(token_text, &key, &impl_->scratch);
  }
  return key;
}

std::string_view Analyzer::Stem(std::string_view key) {
  // Snowball's English stemmer leaves words of fewer than three characters alone, and only
  // rewrites ASCII letters and apostrophes: skip it for keys without either.
  if (key.size() <= 2) return key;
  bool stemmable = false;
  for (char c : key) {
    if ((c >= 'a' && c <= 'z') || c == '\'' || (c >= 'A' && c <= 'Z')) {
      stemmable = true;
      break;
    }
  }
  if (!stemmable) return key;
  return impl_->Stem(key);
}

bool Analyzer::IsStopword(std::string_view key) const { return internal::IsEnglishStopword(key); }

size_t Analyzer::CachedStems() const { return impl_->entries; }

size_t Analyzer::MaxCachedStems() { return kMaxEntries; }

}  // namespace witness::text
