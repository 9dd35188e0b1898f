// Byte classification for the word scanner (words.cc), compiled once per SIMD target by
// Highway's foreach_target and chosen at run time, with a portable table-driven version that
// the tests hold it to.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "sketch/classify.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>

#include <cstring>

#include "sketch/words.h"

HWY_BEFORE_NAMESPACE();
namespace witness::sketch::internal {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Bit masks of one vector of bytes. Unsigned range checks as "(c - lo) saturating-minus
// (hi - lo) is zero", which every target has.
template <class D, class V>
HWY_INLINE void ClassifyVector(D d, V c, hn::Mask<D>* cand, hn::Mask<D>* spec) {
  const auto zero = hn::Zero(d);
  const auto digit = hn::Eq(hn::SaturatedSub(hn::Sub(c, hn::Set(d, '0')), hn::Set(d, 9)), zero);
  const auto lower = hn::Or(c, hn::Set(d, 0x20));
  const auto letter =
      hn::Eq(hn::SaturatedSub(hn::Sub(lower, hn::Set(d, 'a')), hn::Set(d, 25)), zero);
  const auto apos = hn::Eq(c, hn::Set(d, '\''));
  const auto high = hn::Ne(hn::And(c, hn::Set(d, 0x80)), zero);
  *spec = hn::Or(apos, high);
  *cand = hn::Or(hn::Or(digit, letter), *spec);
}

void ClassifyBlocksImpl(const uint8_t* HWY_RESTRICT p, size_t n, uint64_t* HWY_RESTRICT cand,
                        uint64_t* HWY_RESTRICT spec) {
  const hn::ScalableTag<uint8_t> d;
  const size_t N = hn::Lanes(d);
  if (N % 8 != 0 || 64 % N != 0) {  // a target without whole bytes of mask bits
    ClassifyBlocksScalar(p, n, cand, spec);
    return;
  }
  const size_t blocks = (n + 63) / 64;
  const size_t full = n / 64;
  // Mask bits go out a vector at a time, as whole bytes, little-endian: bit j of block i is
  // byte 64 i + j.
  auto* cb = reinterpret_cast<uint8_t*>(cand);
  auto* sb = reinterpret_cast<uint8_t*>(spec);
  for (size_t i = 0; i < full * 64; i += N) {
    hn::Mask<decltype(d)> mc, ms;
    ClassifyVector(d, hn::LoadU(d, p + i), &mc, &ms);
    hn::StoreMaskBits(d, mc, cb + i / 8);
    hn::StoreMaskBits(d, ms, sb + i / 8);
  }
  if (full < blocks) {  // the last, partial block: zeros past the end are separators
    HWY_ALIGN uint8_t tail[64] = {0};
    std::memcpy(tail, p + full * 64, n - full * 64);
    for (size_t i = 0; i < 64; i += N) {
      hn::Mask<decltype(d)> mc, ms;
      ClassifyVector(d, hn::LoadU(d, tail + i), &mc, &ms);
      hn::StoreMaskBits(d, mc, cb + full * 8 + i / 8);
      hn::StoreMaskBits(d, ms, sb + full * 8 + i / 8);
    }
  }
#if HWY_IS_BIG_ENDIAN
  for (size_t i = 0; i < blocks; ++i) {
    cand[i] = __builtin_bswap64(cand[i]);
    spec[i] = __builtin_bswap64(spec[i]);
  }
#endif
}

}  // namespace HWY_NAMESPACE
}  // namespace witness::sketch::internal
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace witness::sketch::internal {

HWY_EXPORT(ClassifyBlocksImpl);

void ClassifyBlocks(const uint8_t* p, size_t n, uint64_t* cand, uint64_t* spec) {
  HWY_DYNAMIC_DISPATCH(ClassifyBlocksImpl)(p, n, cand, spec);
}

void ClassifyBlocksScalar(const uint8_t* p, size_t n, uint64_t* cand, uint64_t* spec) {
  for (size_t blk = 0; blk < n; blk += 64) {
    const size_t len = n - blk < 64 ? n - blk : 64;
    uint64_t c = 0, s = 0;
    for (size_t i = 0; i < len; ++i) {
      const uint8_t b = p[blk + i];
      const bool is_spec = b == '\'' || b >= 0x80;
      const bool is_cand =
          is_spec || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
      c |= uint64_t{is_cand} << i;
      s |= uint64_t{is_spec} << i;
    }
    cand[blk / 64] = c;
    spec[blk / 64] = s;
  }
}

}  // namespace witness::sketch::internal
#endif  // HWY_ONCE
