// Analyzer: matching keys, Snowball English stems (cached) and stopwords.
//
// Key() folds ASCII tokens with a table into a reused buffer and sends only tokens with
// non-ASCII characters through AppendMatchingForm (matching.cc).
//
// Stem() caches key -> stem in an open-addressing hash table whose keys and stems live in one
// arena, so a cached lookup is one inlined hash, one probe or two into an 8-byte-per-slot table
// (1 MiB) and one short comparison, and allocates nothing. News vocabulary is Zipfian: a few
// thousand types cover most tokens. The cache is bounded (kMaxEntries types, kMaxArenaBytes of
// text); when either bound is reached it is emptied and refilled, which keeps the hot
// vocabulary cached at negligible cost.
#include <libstemmer.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "text/matching.h"
#include "text/stopwords.h"
#include "witness/text.h"

namespace witness::text {
namespace {

constexpr size_t kSlots = size_t{1} << 17;  // power of two; 8 bytes each
constexpr size_t kMaxEntries = kSlots / 2;  // load factor <= 0.5
constexpr size_t kMaxArenaBytes = size_t{4} << 20;
constexpr size_t kMaxCachedKey = 64;  // longer keys are stemmed every time

// True when `s` aliases memory inside [base, base + size).
bool Aliases(std::string_view s, const char* base, size_t size) {
  return !s.empty() && s.data() >= base && s.data() < base + size;
}

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint32_t Load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// The bytes of a short string folded into one word without reading outside it: overlapping
// loads for 4..8 bytes, three bytes for 1..3 (as XXH3 does for short inputs).
inline uint64_t ShortWord(const char* p, size_t n) {
  if (n >= 4) return Load32(p) | (static_cast<uint64_t>(Load32(p + n - 4)) << 32);
  if (n == 0) return 0;
  return static_cast<uint8_t>(p[0]) | (static_cast<uint64_t>(static_cast<uint8_t>(p[n / 2])) << 8) |
         (static_cast<uint64_t>(static_cast<uint8_t>(p[n - 1])) << 16);
}

inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  return h ^ (h >> 29);
}

// A fast inlined hash for cache keys (the cache needs speed, not cryptographic quality).
inline uint64_t HashKey(const char* p, size_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ULL * (n + 1);
  if (n <= 8) return Mix(h ^ ShortWord(p, n));
  size_t i = 0;
  for (; i + 8 < n; i += 8) h = (h ^ Load64(p + i)) * 0xC4CEB9FE1A85EC53ULL;
  return Mix(h ^ Load64(p + n - 8));  // the last eight bytes, overlapping
}

// Equality of two strings of the same length n.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n <= 8) return ShortWord(a, n) == ShortWord(b, n);  // covers every byte when n <= 8
  if (n <= 16) return Load64(a) == Load64(b) && Load64(a + n - 8) == Load64(b + n - 8);
  return std::memcmp(a, b, n) == 0;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

// ASCII matching fold of eight bytes at once: A-Z to a-z. Returns false when a byte is not
// ASCII or is '`' (which maps to an apostrophe): the caller then takes the general path.
inline bool FoldAscii8(uint64_t v, uint64_t* out) {
  const uint64_t grave = v ^ (kOnes * '`');
  if (((v | ((grave - kOnes) & ~grave)) & kHigh) != 0) return false;
  const uint64_t upper = (v + kOnes * (0x80 - 'A')) & ~(v + kOnes * (0x7F - 'Z')) & kHigh;
  *out = v | (upper >> 2);
  return true;
}

// The same for a string of n bytes into out (which may be the same memory: each output byte
// depends only on the input byte at its offset, and overlapping stores write equal values).
inline bool FoldAscii(const char* in, size_t n, char* out) {
  uint64_t w;
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 < n; i += 8) {
      if (!FoldAscii8(Load64(in + i), &w)) return false;
      std::memcpy(out + i, &w, 8);
    }
    if (!FoldAscii8(Load64(in + n - 8), &w)) return false;
    std::memcpy(out + n - 8, &w, 8);
    return true;
  }
  if (n >= 4) {
    const uint64_t v = Load32(in) | (static_cast<uint64_t>(Load32(in + n - 4)) << 32);
    if (!FoldAscii8(v, &w)) return false;
    const uint32_t lo = static_cast<uint32_t>(w), hi = static_cast<uint32_t>(w >> 32);
    std::memcpy(out, &lo, 4);
    std::memcpy(out + n - 4, &hi, 4);
    return true;
  }
  for (size_t i = 0; i < n; ++i) {
    const uint8_t b = static_cast<uint8_t>(in[i]);
    if (b >= 0x80) return false;
    out[i] = internal::kAsciiMatchingFold[b];
  }
  return true;
}

}  // namespace

struct Analyzer::Impl {
  // Where a cached key and its stem live in the arena.
  struct Entry {
    uint32_t key_offset;
    uint32_t stem_offset;
    uint16_t key_size;
    uint16_t stem_size;
  };

  Impl() : slots(kSlots, 0) {
    stemmer = sb_stemmer_new("english", "UTF_8");
    arena.reserve(size_t{1} << 16);
    entries.reserve(1024);
  }
  ~Impl() {
    if (stemmer != nullptr) sb_stemmer_delete(stemmer);
  }

  void ClearCache() {
    std::fill(slots.begin(), slots.end(), 0);
    arena.clear();
    entries.clear();
  }

  // Runs the Snowball stemmer; the result is valid until its next call.
  std::string_view RunStemmer(std::string_view key) {
    if (stemmer == nullptr) return key;
    const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(key.data()),
                                            static_cast<int>(key.size()));
    if (stem == nullptr) return key;  // out of memory inside libstemmer
    return {reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer))};
  }

  // The cached stem of key: the hot path, inlined into Analyzer::Stem.
  [[gnu::always_inline]] inline std::string_view Stem(std::string_view key) {
    if (key.size() > kMaxCachedKey) return StemUncached(key);
    // A slot holds the hash's high 32 bits and the entry index + 1 (0: empty).
    const uint64_t hash = HashKey(key.data(), key.size());
    const uint64_t tag = hash & 0xFFFFFFFF00000000ULL;
    size_t i = hash & (kSlots - 1);
    const char* const base = arena.data();
    while (slots[i] != 0) {
      if ((slots[i] & 0xFFFFFFFF00000000ULL) == tag) {
        const Entry& e = entries[(slots[i] & 0xFFFFFFFFu) - 1];
        if (e.key_size == key.size() && SameBytes(base + e.key_offset, key.data(), key.size())) {
          return {base + e.stem_offset, e.stem_size};
        }
      }
      i = (i + 1) & (kSlots - 1);
    }
    return StemAndCache(key, hash, i);
  }

  [[gnu::noinline]] std::string_view StemUncached(std::string_view key) {
    const std::string_view stem = RunStemmer(key);
    uncached.assign(stem.data(), stem.size());
    return uncached;
  }

  // A cache miss: stem `key` and store it in empty slot i.
  [[gnu::noinline]] std::string_view StemAndCache(std::string_view key, uint64_t hash, size_t i) {
    if (Aliases(key, arena.data(), arena.size())) {  // Stem(Stem(x)): copy before the arena moves
      key_copy.assign(key.data(), key.size());
      key = key_copy;
    }
    // Snowball's English stemmer only rewrites ASCII letters and apostrophes: keys without
    // either (numbers, punctuation, other scripts) are their own stems.
    bool stemmable = false;
    for (char c : key) {
      if ((c >= 'a' && c <= 'z') || c == '\'' || (c >= 'A' && c <= 'Z')) {
        stemmable = true;
        break;
      }
    }
    const std::string_view stem = stemmable ? RunStemmer(key) : key;
    if (stem.size() > UINT16_MAX) {
      uncached.assign(stem.data(), stem.size());
      return uncached;
    }
    if (entries.size() >= kMaxEntries || arena.size() + key.size() + stem.size() > kMaxArenaBytes) {
      ClearCache();
      i = hash & (kSlots - 1);
    }
    Entry e;
    e.key_offset = static_cast<uint32_t>(arena.size());
    e.key_size = static_cast<uint16_t>(key.size());
    arena.append(key.data(), key.size());
    if (stem == key) {
      e.stem_offset = e.key_offset;
    } else {
      e.stem_offset = static_cast<uint32_t>(arena.size());
      arena.append(stem.data(), stem.size());
    }
    e.stem_size = static_cast<uint16_t>(stem.size());
    entries.push_back(e);
    slots[i] = (hash & 0xFFFFFFFF00000000ULL) | entries.size();
    return {arena.data() + e.stem_offset, e.stem_size};
  }

  // Key() of a token with non-ASCII characters (or a '`').
  [[gnu::noinline]] std::string_view KeyGeneral(std::string_view token_text) {
    if (Aliases(token_text, ascii_key.data(), ascii_key.size()) ||
        Aliases(token_text, key.data(), key.size())) {
      key_input.assign(token_text.data(), token_text.size());
      token_text = key_input;
    }
    key.clear();
    internal::AppendMatchingForm(token_text, &key, &scratch);
    return key;
  }

  // Key(): the ASCII path inline, the rest out of line.
  [[gnu::always_inline]] inline std::string_view Key(std::string_view token_text) {
    const size_t n = token_text.size();
    // A view into ascii_key itself (Key(Key(x))) is safe here and never larger than it, so the
    // buffer does not move under it.
    if (n > ascii_key.size()) ascii_key.resize(std::max(n, 2 * ascii_key.size()));
    char* const out = ascii_key.data();
    if (FoldAscii(token_text.data(), n, out)) return {out, n};
    return KeyGeneral(token_text);
  }

  std::vector<char> ascii_key = std::vector<char>(64);  // Key()'s result for ASCII tokens
  std::string key;                                      // Key()'s result for the others
  std::string key_input;
  internal::MatchingScratch scratch;
  sb_stemmer* stemmer = nullptr;
  std::vector<uint64_t> slots;
  std::vector<Entry> entries;
  std::string arena;
  std::string key_copy;
  std::string uncached;
};

Analyzer::Analyzer() : impl_(std::make_unique<Impl>()) {}
Analyzer::~Analyzer() = default;

std::string_view Analyzer::Key(std::string_view text, const Token& token) {
  if (token.span.end > text.size() || token.span.begin > token.span.end) return {};
  return impl_->Key(token.span.in(text));
}

std::string_view Analyzer::Key(std::string_view token_text) { return impl_->Key(token_text); }

std::string_view Analyzer::Stem(std::string_view key) {
  // Snowball's English stemmer leaves words of fewer than three characters alone.
  if (key.size() <= 2) return key;
  return impl_->Stem(key);
}

bool Analyzer::IsStopword(std::string_view key) const { return internal::IsEnglishStopword(key); }

size_t Analyzer::CachedStems() const { return impl_->entries.size(); }

size_t Analyzer::MaxCachedStems() { return kMaxEntries; }

}  // namespace witness::text
