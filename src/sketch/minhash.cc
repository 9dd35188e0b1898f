// MinHasher: shingles -> distinct 32-bit values -> SIMD kernel; estimates and serialisation.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "sketch/kernel.h"
#include "sketch/serial.h"
#include "witness/sketch.h"

namespace witness::sketch {
namespace {

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

inline uint32_t Fold32(uint64_t h) { return static_cast<uint32_t>(h ^ (h >> 32)); }

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

  // Distinct 32-bit shingle values into `unique` (open addressing; 0 is tracked aside).
  void Distinct(std::span<const uint64_t> hashes) {
    unique.clear();
    size_t cap = 16;
    while (cap < hashes.size() * 2) cap <<= 1;
    table.assign(cap, 0);
    bool zero = false;
    const size_t mask = cap - 1;
    for (uint64_t h : hashes) {
      const uint32_t v = Fold32(h);
      if (v == 0) {
        zero = true;
        continue;
      }
      size_t i = internal::Mix(v) & mask;
      while (true) {
        if (table[i] == 0) {
          table[i] = v;
          unique.push_back(v);
          break;
        }
        if (table[i] == v) break;
        i = (i + 1) & mask;
      }
    }
    if (zero) unique.push_back(0);
  }

  Signature Run(std::span<const uint64_t> hashes, bool scalar) {
    Distinct(hashes);
    Signature sig;
    sig.shingle_words = options.shingle_words;
    sig.seed = options.seed;
    sig.shingles = static_cast<uint32_t>(std::min<size_t>(unique.size(), UINT32_MAX));
    if (scalar) {
      internal::MinHashKernelScalar(unique.data(), unique.size(), seeds.data(), seeds.size(),
                                    mins.data());
    } else {
      internal::MinHashKernel(unique.data(), unique.size(), seeds.data(), seeds.size(),
                              mins.data());
    }
    sig.values.assign(mins.begin(), mins.begin() + options.num_perm);
    return sig;
  }

  MinHashOptions options;
  std::vector<uint32_t> seeds;
  std::vector<uint32_t> mins;
  std::vector<uint32_t> table;
  std::vector<uint32_t> unique;
  std::vector<uint64_t> shingles;
};

MinHasher::MinHasher(const MinHashOptions& options) : impl_(std::make_unique<Impl>(options)) {}
MinHasher::~MinHasher() = default;

const MinHashOptions& MinHasher::options() const { return impl_->options; }

Signature MinHasher::Compute(std::string_view text) {
  ShingleHashes(text, impl_->options.shingle_words, &impl_->shingles);
  return impl_->Run(impl_->shingles, false);
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
