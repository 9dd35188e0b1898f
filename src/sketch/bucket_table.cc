// BucketTable: linear hashing over one-line buckets of 4-byte entries (see bucket_table.h).
#include "sketch/bucket_table.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace witness::sketch::internal {
namespace {

constexpr size_t kPage = size_t{4} << 10;
constexpr size_t kHugePage = size_t{2} << 20;
// Address space the first reservation takes (memory is committed only as the table grows);
// each later one takes four times as much, so the table moves (one copy) rarely.
constexpr size_t kFirstReservation = size_t{64} << 20;

size_t RoundUp(size_t x, size_t unit) { return (x + unit - 1) / unit * unit; }

// `bytes` of address space at a huge-page boundary, not yet usable; nullptr when refused.
char* ReserveSpace(size_t bytes) {
  void* p = mmap(nullptr, bytes + kHugePage, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  if (p == MAP_FAILED) return nullptr;
  char* const raw = static_cast<char*>(p);
  char* const at = reinterpret_cast<char*>(RoundUp(reinterpret_cast<uintptr_t>(raw), kHugePage));
  if (at > raw) munmap(raw, static_cast<size_t>(at - raw));
  munmap(at + bytes, static_cast<size_t>(raw + bytes + kHugePage - (at + bytes)));
#ifdef MADV_HUGEPAGE
  madvise(at, bytes, MADV_HUGEPAGE);  // every probe lands at random: spare the TLB
#endif
  return at;
}

}  // namespace

void VirtualBuffer::Release() {
  if (base_ != nullptr) munmap(base_, reserved_);
  base_ = nullptr;
  reserved_ = committed_ = 0;
}

void VirtualBuffer::Commit(size_t bytes, size_t live) {
  if (bytes <= committed_) return;
  const size_t want = bytes < kHugePage ? RoundUp(bytes, kPage) : RoundUp(bytes, kHugePage);
  if (want <= reserved_) {
    if (mprotect(base_ + committed_, want - committed_, PROT_READ | PROT_WRITE) != 0) {
      throw std::bad_alloc();
    }
    committed_ = want;
    return;
  }
  // A larger reservation: the largest the system grants up to the one wanted, at least `want`.
  size_t size = std::max(want * 2, reserved_ == 0 ? kFirstReservation : reserved_ * 4);
  char* fresh = nullptr;
  while (size > want && (fresh = ReserveSpace(size)) == nullptr) size = std::max(want, size / 2);
  if (fresh == nullptr && (fresh = ReserveSpace(size = want)) == nullptr) throw std::bad_alloc();
  if (mprotect(fresh, want, PROT_READ | PROT_WRITE) != 0) {
    munmap(fresh, size);
    throw std::bad_alloc();
  }
  if (live > 0) std::memcpy(fresh, base_, live);
  Release();
  base_ = fresh;
  reserved_ = size;
  committed_ = want;
}

uint32_t BucketTable::Reversed(uint32_t x) {
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
  return __builtin_bswap32(x);
}

BucketTable::BucketTable() {
  mem_.Commit((size_t{1} << level_) * sizeof(Bucket), 0);
  buckets_ = reinterpret_cast<Bucket*>(mem_.data());
  UpdateGrowAt();
}

void BucketTable::UpdateGrowAt() { grow_at_ = std::max(buckets() * kRoundEndMean / 2, reserved_); }

void BucketTable::Insert(uint32_t key, uint32_t slot) {
  Place(key, slot);
  if (held_ > grow_at_) Split();
}

bool BucketTable::Erase(uint32_t key, uint32_t slot) {
  const uint32_t b = Index(key);
  const uint32_t c = Consumed(b);
  Bucket& k = buckets_[b];
  if ((slot >> c) == 0) {
    const uint32_t want = (key & ~Low(c)) | slot;
    const uint32_t n = k.head & kCountMask;
    for (uint32_t i = 0; i < n; ++i) {
      if (k.e[i] == want) {
        k.e[i] = k.e[n - 1];
        --k.head;
        --held_;
        return true;
      }
    }
  }
  return (k.head & kSpilled) && spill_.Erase(BandTable::Entry(Reversed(key), slot));
}

void BucketTable::Split() {
  const uint32_t level = level_;
  const uint32_t b = next_;
  const uint32_t nb = (uint32_t{1} << level) + next_;              // the new bucket, at the end
  if (level >= 30 && next_ + 1 == (uint32_t{1} << level)) return;  // 2^31 buckets: no more
  mem_.Commit(size_t{nb + 1} * sizeof(Bucket), size_t{nb} * sizeof(Bucket));
  buckets_ = reinterpret_cast<Bucket*>(mem_.data());
  Bucket& lo = buckets_[b];
  Bucket& hi = buckets_[nb];  // fresh memory: empty
  // Key bit `level` decides; it moves from the entry into the bucket number.
  const uint32_t n = lo.head & kCountMask;
  const bool spilled = (lo.head & kSpilled) != 0;
  uint32_t kept = 0, moved = 0;
  for (uint32_t i = 0; i < n; ++i) {  // without branches: the bit is a coin toss
    const uint32_t e = lo.e[i];
    const uint32_t e2 = (e & ~Low(level + 1)) | (e & Low(level));
    const uint32_t up = (e >> level) & 1;
    hi.e[moved] = e2;  // moved <= i and kept <= i: nothing unread is overwritten
    lo.e[kept] = e2;
    moved += up;
    kept += up ^ 1;
  }
  __builtin_prefetch(buckets_ + b + 8);  // the buckets split next: in address order
  lo.head = kept;
  hi.head = moved;
  if (++next_ == (uint32_t{1} << level)) {
    ++level_;
    next_ = 0;
  }
  UpdateGrowAt();
  if (spilled) {  // the bucket's spilled entries come back where there is room
    std::vector<uint64_t> taken;
    const uint32_t first = Reversed(b);  // the keys whose low `level` bits are b
    spill_.TakeRange(first, uint64_t{first} + (uint64_t{1} << (32 - level)), &taken);
    for (uint64_t e : taken) {  // (no split in between: Place does not grow the table)
      Place(Reversed(static_cast<uint32_t>(e >> 32)), static_cast<uint32_t>(e));
    }
  }
}

void BucketTable::Reserve(size_t entries) {
  // A whole round at the level where no bucket expects more than kRoundEndMean: a reserved
  // table ends between kRoundEndMean / 2 and kRoundEndMean entries per bucket, with no split
  // before it holds `entries`.
  uint32_t level = level_;
  while (level < 30 && (entries >> level) > kRoundEndMean) ++level;
  while (buckets() < (size_t{1} << level)) Split();
  reserved_ = std::max(reserved_, entries);
  UpdateGrowAt();
}

bool BucketTable::CheckInvariants() const {
  size_t total = 0;
  for (uint32_t b = 0; b < buckets(); ++b) {
    const Bucket& k = buckets_[b];
    const uint32_t c = Consumed(b);
    const uint32_t n = k.head & kCountMask;
    if ((k.head & ~(kCountMask | kSpilled)) != 0 || n > kSlotsPerBucket) return false;
    for (uint32_t i = 0; i < n; ++i) {
      if (Index((k.e[i] & ~Low(c)) | b) != b) return false;
    }
    total += n;
  }
  for (uint64_t e : spill_.Entries()) {
    const uint32_t key = Reversed(static_cast<uint32_t>(e >> 32));
    if (!(buckets_[Index(key)].head & kSpilled)) return false;
  }
  // The committed memory after the last bucket is empty: a split relies on it.
  const auto* bytes = reinterpret_cast<const unsigned char*>(buckets_ + buckets());
  const auto* end = reinterpret_cast<const unsigned char*>(mem_.data() + mem_.committed());
  if (std::any_of(bytes, end, [](unsigned char x) { return x != 0; })) return false;
  return total == held_ && spill_.CheckInvariants();
}

}  // namespace witness::sketch::internal
