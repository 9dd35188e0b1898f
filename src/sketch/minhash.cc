// MinHasher: shingles -> distinct 32-bit values -> SIMD kernel; estimates and serialisation.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "sketch/kernel.h"
#include "sketch/serial.h"
#include "sketch/shingle.h"
#include "sketch/words.h"
#include "witness/sketch.h"

namespace witness::sketch {
namespace {

using internal::Fold32;

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

constexpr char kSignatureMagic[4] = {'W', 'M', 'H', '1'};
constexpr size_t kSignatureHeader = 24;

}  // namespace

Status Validate(const MinHashOptions& o) {
  if (o.num_perm < 1 || o.num_perm > 1024) {
    return Status::InvalidArgument("minhash num_perm must be 1..1024, got " +
                                   std::to_string(o.num_perm));
  }
  if (o.shingle_words < 1 || o.shingle_words > 64) {
    return Status::InvalidArgument("minhash shingle_words must be 1..64, got " +
                                   std::to_string(o.shingle_words));
  }
  return Status::OK();
}

std::string SimdTarget() { return internal::KernelTargetName(); }

struct MinHasher::Impl {
  explicit Impl(const MinHashOptions& o) : options(Validate(o).ok() ? o : MinHashOptions{}) {
    const size_t padded =
        (options.num_perm + internal::kPermPad - 1) / internal::kPermPad * internal::kPermPad;
    seeds.resize(padded);
    uint64_t state = options.seed;
    for (uint32_t& s : seeds) s = static_cast<uint32_t>(SplitMix64(&state));
    mins.resize(padded);
  }

  // The distinct 32-bit shingle values go into `unique`, through an open-addressing set at
  // load <= 1/8 or 1/4 (short probes, few mispredicted branches: at 1/2 signatures take 15%
  // longer). The values are already uniform hashes: their low bits pick the home position. 0
  // marks an empty position and is tracked aside. Values go in through Distinct, which keeps
  // the set in registers.
  struct Distinct {
    uint32_t* table;
    size_t mask;
    uint32_t* out;
    bool zero = false;
    void Add(uint32_t v) {
      if (v == 0) {
        zero = true;
        return;
      }
      for (size_t i = v & mask;; i = (i + 1) & mask) {
        const uint32_t t = table[i];
        if (t == v) return;
        if (t == 0) {
          table[i] = v;
          *out++ = v;
          return;
        }
      }
    }
  };
  Distinct StartSet(size_t n) {
    if (n + 1 > unique_capacity) {
      unique_capacity = std::max(n + 1, unique_capacity * 2);
      unique.reset(new uint32_t[unique_capacity]);
    }
    // Load <= 1/8 while the table stays within 256 KiB (a typical article: in L1/L2, where a
    // sparser table costs little to clear and mispredicts less), then <= 1/4.
    const size_t spread = n <= 8192 ? 8 : 4;
    size_t cap = 64;
    while (cap < n * spread) cap <<= 1;
    table.assign(cap, 0);
    return Distinct{table.data(), cap - 1, unique.get()};
  }
  void FinishSet(const Distinct& set) {
    uint32_t* end = set.out;
    if (set.zero) *end++ = 0;
    unique_count = static_cast<size_t>(end - unique.get());
  }

  // The words of `text` into `words` (grown as needed, never cleared: no pass over memory
  // that is about to be written anyway).
  void Words(std::string_view text) {
    const size_t need = internal::MaxWords(text.size());
    if (need > word_capacity) {
      word_capacity = std::max(need, word_capacity * 2);
      words.reset(new uint64_t[word_capacity]);
    }
    word_count = internal::WordHashesInto(text, words.get());
  }

  // Shingles of the words in `words`, hashed and collected in one pass.
  void ShinglesOfWords() {
    const size_t n = word_count;
    if (n == 0) {
      FinishSet(StartSet(0));
      return;
    }
    const size_t k = std::min<size_t>(options.shingle_words, n);
    const size_t count = n - k + 1;
    Distinct set = StartSet(count);
    const uint64_t* w = words.get();
    if (k == 5) {  // the default, with the loop over positions unrolled
      for (size_t i = 0; i < count; ++i) set.Add(Fold32(internal::HashShingle(w + i, 5)));
    } else {
      for (size_t i = 0; i < count; ++i) set.Add(Fold32(internal::HashShingle(w + i, k)));
    }
    FinishSet(set);
  }

  Signature Finish(bool scalar) {
    Signature sig;
    sig.shingle_words = options.shingle_words;
    sig.seed = options.seed;
    sig.shingles = static_cast<uint32_t>(std::min<size_t>(unique_count, UINT32_MAX));
    if (scalar) {
      internal::MinHashKernelScalar(unique.get(), unique_count, seeds.data(), seeds.size(),
                                    mins.data());
    } else {
      internal::MinHashKernel(unique.get(), unique_count, seeds.data(), seeds.size(),
                              mins.data());
    }
    sig.values.assign(mins.begin(), mins.begin() + options.num_perm);
    return sig;
  }

  Signature Run(std::span<const uint64_t> hashes, bool scalar) {
    Distinct set = StartSet(hashes.size());
    for (uint64_t h : hashes) set.Add(Fold32(h));
    FinishSet(set);
    return Finish(scalar);
  }

  MinHashOptions options;
  std::vector<uint32_t> seeds;
  std::vector<uint32_t> mins;
  std::vector<uint32_t> table;
  std::unique_ptr<uint32_t[]> unique;
  size_t unique_capacity = 0;
  size_t unique_count = 0;
  std::unique_ptr<uint64_t[]> words;
  size_t word_capacity = 0;
  size_t word_count = 0;
};

MinHasher::MinHasher(const MinHashOptions& options) : impl_(std::make_unique<Impl>(options)) {}
MinHasher::~MinHasher() = default;

const MinHashOptions& MinHasher::options() const { return impl_->options; }

Signature MinHasher::Compute(std::string_view text) {
  impl_->Words(text);
  impl_->ShinglesOfWords();
  return impl_->Finish(false);
}

Signature MinHasher::ComputeFromShingles(std::span<const uint64_t> shingle_hashes) {
  return impl_->Run(shingle_hashes, false);
}

Signature MinHasher::ComputeFromShinglesScalar(std::span<const uint64_t> shingle_hashes) {
  return impl_->Run(shingle_hashes, true);
}

bool Compatible(const Signature& a, const Signature& b) {
  return a.values.size() == b.values.size() && a.shingle_words == b.shingle_words &&
         a.seed == b.seed && !a.values.empty();
}

Overlap OverlapFromAgreement(double agree_fraction, uint32_t size_a, uint32_t size_b) {
  Overlap o;
  if (size_a == 0 || size_b == 0) return o;
  const double j = std::clamp(agree_fraction, 0.0, 1.0);
  // |A n B| = J (|A| + |B|) / (1 + J), capped by the smaller set.
  const double inter = std::min<double>(j * (double(size_a) + size_b) / (1.0 + j),
                                        std::min(size_a, size_b));
  o.jaccard = j;
  o.containment_a = inter / size_a;
  o.containment_b = inter / size_b;
  return o;
}

Overlap EstimateOverlap(const Signature& a, const Signature& b) {
  if (!Compatible(a, b) || a.empty() || b.empty()) return {};
  size_t equal = 0;
  for (size_t i = 0; i < a.values.size(); ++i) equal += a.values[i] == b.values[i];
  return OverlapFromAgreement(double(equal) / a.values.size(), a.shingles, b.shingles);
}

std::string SerializeSignature(const Signature& s) {
  std::string out;
  out.reserve(kSignatureHeader + 4 * s.values.size());
  out.append(kSignatureMagic, 4);
  internal::PutU32(&out, static_cast<uint32_t>(s.values.size()));
  internal::PutU32(&out, s.shingle_words);
  internal::PutU64(&out, s.seed);
  internal::PutU32(&out, s.shingles);
  for (uint32_t v : s.values) internal::PutU32(&out, v);
  return out;
}

StatusOr<Signature> DeserializeSignature(std::string_view bytes) {
  if (bytes.size() < kSignatureHeader || std::memcmp(bytes.data(), kSignatureMagic, 4) != 0) {
    return Status::Corruption("signature blob: not a witness MinHash signature (bad header)");
  }
  internal::Reader r(bytes.substr(4));
  Signature s;
  const uint32_t n = r.U32();
  s.shingle_words = r.U32();
  s.seed = r.U64();
  s.shingles = r.U32();
  if (n < 1 || n > 1024 || s.shingle_words < 1 || s.shingle_words > 64) {
    return Status::Corruption("signature blob: impossible parameters (num_perm " +
                              std::to_string(n) + ", shingle_words " +
                              std::to_string(s.shingle_words) + ")");
  }
  if (bytes.size() != kSignatureHeader + size_t{4} * n) {
    return Status::Corruption("signature blob: " + std::to_string(bytes.size()) +
                              " bytes, expected " + std::to_string(kSignatureHeader + 4 * n));
  }
  s.values.resize(n);
  for (uint32_t& v : s.values) v = r.U32();
  return s;
}

}  // namespace witness::sketch
