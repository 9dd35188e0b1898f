// The MinHash kernel, compiled once per SIMD target by Highway's foreach_target and chosen at
// run time (HWY_DYNAMIC_DISPATCH). Every permutation's running minimum stays in a register
// while the shingle values stream past: 4 vectors of permutations per pass, 8 where there are
// 32 vector registers (AVX-512).
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sketch/kernel.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>

#include "sketch/kernel.h"

HWY_BEFORE_NAMESPACE();
namespace witness::sketch::internal {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class D, class V>
HWY_INLINE V MixVec(D d, V v) {
  v = hn::Mul(v, hn::Set(d, 0x9E3779B1u));
  return hn::Xor(v, hn::ShiftRight<15>(v));
}

// Minima of `kVecs` vectors of permutations at once, each in a register while the shingle
// values stream past.
template <size_t kVecs, class D>
HWY_INLINE void MinHashPass(D d, const uint32_t* HWY_RESTRICT values, size_t n,
                            const uint32_t* HWY_RESTRICT seeds, uint32_t* HWY_RESTRICT out) {
  const size_t N = hn::Lanes(d);
  using V = hn::Vec<D>;
  V s[kVecs], m[kVecs];
  for (size_t k = 0; k < kVecs; ++k) {
    s[k] = hn::LoadU(d, seeds + k * N);
    m[k] = hn::Set(d, 0xFFFFFFFFu);
  }
  for (size_t j = 0; j < n; ++j) {
    const V x = hn::Set(d, values[j]);
    for (size_t k = 0; k < kVecs; ++k) m[k] = hn::Min(m[k], MixVec(d, hn::Xor(x, s[k])));
  }
  for (size_t k = 0; k < kVecs; ++k) hn::StoreU(m[k], d, out + k * N);
}

void MinHashKernelImpl(const uint32_t* HWY_RESTRICT values, size_t n,
                       const uint32_t* HWY_RESTRICT seeds, size_t num_perm,
                       uint32_t* HWY_RESTRICT out) {
  const hn::ScalableTag<uint32_t> d;
  const size_t N = hn::Lanes(d);
  size_t p = 0;
#if HWY_TARGET <= HWY_AVX3 && HWY_ARCH_X86
  // 32 vector registers: 8 seeds and 8 minima fit, so 128 permutations take one pass.
  for (; p + 8 * N <= num_perm; p += 8 * N) MinHashPass<8>(d, values, n, seeds + p, out + p);
#endif
  for (; p + 4 * N <= num_perm; p += 4 * N) MinHashPass<4>(d, values, n, seeds + p, out + p);
  for (; p + N <= num_perm; p += N) MinHashPass<1>(d, values, n, seeds + p, out + p);
  for (; p < num_perm; ++p) {  // only when num_perm is not a multiple of the lane count
    uint32_t m = 0xFFFFFFFFu;
    for (size_t j = 0; j < n; ++j) {
      const uint32_t h = Perm(values[j] ^ seeds[p]);
      m = h < m ? h : m;
    }
    out[p] = m;
  }
}

const char* TargetNameImpl() { return hwy::TargetName(HWY_TARGET); }

}  // namespace HWY_NAMESPACE
}  // namespace witness::sketch::internal
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace witness::sketch::internal {

HWY_EXPORT(MinHashKernelImpl);
HWY_EXPORT(TargetNameImpl);

void MinHashKernel(const uint32_t* values, size_t n, const uint32_t* seeds, size_t num_perm,
                   uint32_t* out) {
  HWY_DYNAMIC_DISPATCH(MinHashKernelImpl)(values, n, seeds, num_perm, out);
}

void MinHashKernelScalar(const uint32_t* values, size_t n, const uint32_t* seeds,
                         size_t num_perm, uint32_t* out) {
  for (size_t p = 0; p < num_perm; ++p) {
    uint32_t m = 0xFFFFFFFFu;
    for (size_t j = 0; j < n; ++j) {
      const uint32_t h = Perm(values[j] ^ seeds[p]);
      if (h < m) m = h;
    }
    out[p] = m;
  }
}

std::string KernelTargetName() { return HWY_DYNAMIC_DISPATCH(TargetNameImpl)(); }

}  // namespace witness::sketch::internal
#endif  // HWY_ONCE
