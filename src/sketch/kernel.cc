// The MinHash kernel, compiled once per SIMD target by Highway's foreach_target and chosen at
// run time (HWY_DYNAMIC_DISPATCH). Every permutation's running minimum stays in a register
// while the shingle values stream past: 4 vectors of permutations per pass.
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

void MinHashKernelImpl(const uint32_t* HWY_RESTRICT values, size_t n,
                       const uint32_t* HWY_RESTRICT seeds, size_t num_perm,
                       uint32_t* HWY_RESTRICT out) {
  const hn::ScalableTag<uint32_t> d;
  const size_t N = hn::Lanes(d);
  size_t p = 0;
  for (; p + 4 * N <= num_perm; p += 4 * N) {
    const auto s0 = hn::LoadU(d, seeds + p), s1 = hn::LoadU(d, seeds + p + N);
    const auto s2 = hn::LoadU(d, seeds + p + 2 * N), s3 = hn::LoadU(d, seeds + p + 3 * N);
    auto m0 = hn::Set(d, 0xFFFFFFFFu), m1 = m0, m2 = m0, m3 = m0;
    for (size_t j = 0; j < n; ++j) {
      const auto x = hn::Set(d, values[j]);
      m0 = hn::Min(m0, MixVec(d, hn::Xor(x, s0)));
      m1 = hn::Min(m1, MixVec(d, hn::Xor(x, s1)));
      m2 = hn::Min(m2, MixVec(d, hn::Xor(x, s2)));
      m3 = hn::Min(m3, MixVec(d, hn::Xor(x, s3)));
    }
    hn::StoreU(m0, d, out + p);
    hn::StoreU(m1, d, out + p + N);
    hn::StoreU(m2, d, out + p + 2 * N);
    hn::StoreU(m3, d, out + p + 3 * N);
  }
  for (; p + N <= num_perm; p += N) {
    const auto s = hn::LoadU(d, seeds + p);
    auto m = hn::Set(d, 0xFFFFFFFFu);
    for (size_t j = 0; j < n; ++j) m = hn::Min(m, MixVec(d, hn::Xor(hn::Set(d, values[j]), s)));
    hn::StoreU(m, d, out + p);
  }
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
