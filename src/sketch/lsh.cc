// LshIndex: banded 16-bit MinHash.
//
// Per document: its id, shingle count and 16-bit minima (b-bit MinHash) in a slot; slots live
// in fixed-size chunks (SlotStore), so growing never copies them. One bucket table
// (BucketTable, bucket_table.h: linear hashing over one-line buckets of 4-byte entries, with a
// BandTable for what spills) holds every band entry, a (32-bit band key, slot) pair: one cache
// line per band per document. The band key hashes the band number with its rows' 16-bit
// minima, so Remove() can recompute it from what the index keeps.
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "sketch/bucket_table.h"
#include "sketch/kernel.h"
#include "sketch/serial.h"
#include "witness/sketch.h"

namespace witness::sketch {
namespace {

// Per-document data in chunks of kChunkSlots slots: ids, shingle counts and 16-bit minima.
// The first chunk grows like a vector (small indexes stay small); once it is full, further
// chunks are allocated whole, so adding documents never copies the ones already there. The
// minima of a full chunk take 2 MiB at 128 permutations, on huge pages where the system has
// them (verification reads them at random).
class SlotStore {
 public:
  static constexpr uint32_t kChunkShift = 13;
  static constexpr uint32_t kChunkSlots = uint32_t{1} << kChunkShift;

  explicit SlotStore(uint32_t perms) : perms_(perms) {}
  ~SlotStore() {
    for (Chunk& c : chunks_) Release(&c);
  }
  SlotStore(SlotStore&&) noexcept = default;
  SlotStore& operator=(SlotStore&& o) noexcept {
    if (this != &o) {
      for (Chunk& c : chunks_) Release(&c);
      chunks_ = std::move(o.chunks_);
      perms_ = o.perms_;
      size_ = o.size_;
      o.chunks_.clear();
      o.size_ = 0;
    }
    return *this;
  }

  uint32_t size() const { return size_; }
  uint64_t& Id(uint32_t s) { return chunks_[s >> kChunkShift].ids[s & (kChunkSlots - 1)]; }
  uint64_t Id(uint32_t s) const { return chunks_[s >> kChunkShift].ids[s & (kChunkSlots - 1)]; }
  uint32_t& Size(uint32_t s) { return chunks_[s >> kChunkShift].sizes[s & (kChunkSlots - 1)]; }
  uint32_t Size(uint32_t s) const { return chunks_[s >> kChunkShift].sizes[s & (kChunkSlots - 1)]; }
  uint16_t* Fp(uint32_t s) {
    return chunks_[s >> kChunkShift].fps + size_t{s & (kChunkSlots - 1)} * perms_;
  }
  const uint16_t* Fp(uint32_t s) const {
    return chunks_[s >> kChunkShift].fps + size_t{s & (kChunkSlots - 1)} * perms_;
  }

  // A new slot at the end (its fields unset). Slot s lives in chunk s >> kChunkShift; only
  // the first chunk may be smaller than kChunkSlots, and only while it is the only one.
  uint32_t Append() {
    const uint32_t s = size_;
    const uint32_t ci = s >> kChunkShift;
    if (ci == chunks_.size()) {
      chunks_.push_back(Make(ci == 0 ? 64 : kChunkSlots));
    } else if ((s & (kChunkSlots - 1)) >= chunks_[ci].cap) {
      const uint32_t cap = chunks_[ci].cap;
      Regrow(std::min<uint32_t>(kChunkSlots, cap + cap / 4 + 64));
    }
    return size_++;
  }
  // Room for `slots` in all.
  void Reserve(size_t slots) {
    if (slots == 0) return;
    const uint32_t first = static_cast<uint32_t>(std::min<size_t>(kChunkSlots, slots));
    if (chunks_.empty()) {
      chunks_.push_back(Make(std::max<uint32_t>(first, 64)));
    } else if (chunks_.size() == 1 && chunks_[0].cap < first) {
      Regrow(first);
    }
    while (chunks_.size() * size_t{kChunkSlots} < slots) chunks_.push_back(Make(kChunkSlots));
  }
  size_t MemoryBytes() const {
    size_t bytes = chunks_.capacity() * sizeof(Chunk);
    for (const Chunk& c : chunks_) bytes += size_t{c.cap} * (8 + 4 + 2 * size_t{perms_});
    return bytes;
  }

 private:
  struct Chunk {
    uint16_t* fps = nullptr;
    uint64_t* ids = nullptr;
    uint32_t* sizes = nullptr;
    uint32_t cap = 0;
  };
  static constexpr size_t kHuge = size_t{2} << 20;

  static void* Alloc(size_t bytes) {
    if (bytes < kHuge) return ::operator new(bytes);
    const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE);
#endif
    return p;
  }
  static void Dealloc(void* p, size_t bytes) {
    if (p == nullptr) return;
    if (bytes < kHuge) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }
  Chunk Make(uint32_t cap) const {
    Chunk c;
    c.cap = cap;
    c.fps = static_cast<uint16_t*>(Alloc(size_t{cap} * perms_ * 2));
    c.ids = static_cast<uint64_t*>(Alloc(size_t{cap} * 8));
    c.sizes = static_cast<uint32_t*>(Alloc(size_t{cap} * 4));
    return c;
  }
  void Release(Chunk* c) const {
    Dealloc(c->fps, size_t{c->cap} * perms_ * 2);
    Dealloc(c->ids, size_t{c->cap} * 8);
    Dealloc(c->sizes, size_t{c->cap} * 4);
    *c = Chunk{};
  }
  // The first (and only) chunk, with a larger capacity.
  void Regrow(uint32_t cap) {
    Chunk& old = chunks_[0];
    Chunk c = Make(cap);
    std::memcpy(c.fps, old.fps, size_t{size_} * perms_ * 2);
    std::memcpy(c.ids, old.ids, size_t{size_} * 8);
    std::memcpy(c.sizes, old.sizes, size_t{size_} * 4);
    Release(&old);
    old = c;
  }

  std::vector<Chunk> chunks_;
  uint32_t perms_;
  uint32_t size_ = 0;
};

constexpr uint64_t kEmpty = UINT64_MAX;
using internal::BucketTable;
constexpr uint32_t kNoSlot = UINT32_MAX;
constexpr char kIndexMagic[4] = {'W', 'L', 'S', 'H'};
constexpr uint32_t kIndexVersion = 1;
// Chance that two different 32-bit minima agree on their low 16 bits.
constexpr double kFalseAgree = 1.0 / 65536.0;

inline uint64_t Mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Flat map uint64 id -> uint32 slot (linear probing, backward-shift deletion).
class IdMap {
 public:
  IdMap() { keys_.assign(16, kEmpty), vals_.assign(16, kNoSlot); }
  uint32_t Find(uint64_t key) const {
    for (size_t i = Home(key);; i = (i + 1) & Mask()) {
      if (keys_[i] == key) return vals_[i];
      if (keys_[i] == kEmpty) return kNoSlot;
    }
  }
  void Insert(uint64_t key, uint32_t val) {
    if ((count_ + 1) * 4 > keys_.size() * 3) Grow();
    size_t i = Home(key);
    while (keys_[i] != kEmpty) i = (i + 1) & Mask();
    keys_[i] = key;
    vals_[i] = val;
    ++count_;
  }
  void Erase(uint64_t key) {
    size_t i = Home(key);
    while (keys_[i] != key) {
      if (keys_[i] == kEmpty) return;
      i = (i + 1) & Mask();
    }
    for (size_t j = (i + 1) & Mask(); keys_[j] != kEmpty; j = (j + 1) & Mask()) {
      const size_t h = Home(keys_[j]);
      if (((j - h) & Mask()) >= ((j - i) & Mask())) {  // h is not in (i, j]: move it back
        keys_[i] = keys_[j];
        vals_[i] = vals_[j];
        i = j;
      }
    }
    keys_[i] = kEmpty;
    vals_[i] = kNoSlot;
    --count_;
  }
  size_t MemoryBytes() const { return keys_.capacity() * 8 + vals_.capacity() * 4; }

 private:
  size_t Mask() const { return keys_.size() - 1; }
  size_t Home(uint64_t key) const { return Mix64(key) & Mask(); }
  void Grow() {
    std::vector<uint64_t> keys(keys_.size() * 2, kEmpty);
    std::vector<uint32_t> vals(keys_.size() * 2, kNoSlot);
    keys.swap(keys_);
    vals.swap(vals_);
    count_ = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != kEmpty) Insert(keys[i], vals[i]);
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> vals_;
  size_t count_ = 0;
};

}  // namespace

Status Validate(const LshOptions& o, uint32_t num_perm) {
  if (o.bands < 1 || o.rows < 1 || uint64_t{o.bands} * o.rows > num_perm) {
    return Status::InvalidArgument("lsh bands x rows (" + std::to_string(o.bands) + " x " +
                                   std::to_string(o.rows) + ") must be >= 1 and <= num_perm " +
                                   std::to_string(num_perm));
  }
  if (!(o.min_jaccard >= 0 && o.min_jaccard <= 1) ||
      !(o.min_containment >= 0 && o.min_containment <= 1)) {
    return Status::InvalidArgument("lsh min_jaccard and min_containment must be in [0, 1]");
  }
  return Status::OK();
}

struct LshIndex::Impl {
  Impl(const LshOptions& l, const MinHashOptions& m)
      : minhash(Validate(m).ok() ? m : MinHashOptions{}),
        lsh(Validate(l, minhash.num_perm).ok() ? l : LshOptions{}),
        perms(minhash.num_perm),
        slots(perms) {
    if (!Validate(lsh, perms).ok()) lsh.bands = 1, lsh.rows = std::min<uint32_t>(4, perms);
    band_seeds.resize(lsh.bands);
    for (uint32_t b = 0; b < lsh.bands; ++b) band_seeds[b] = Mix64(0x243F6A8885A308D3ull ^ b);
  }

  const uint16_t* Fp(uint32_t slot) const { return slots.Fp(slot); }

  // The hash of the band number with its rows' minima, 4 rows (64 bits) at a time.
  uint32_t BandKey(const uint16_t* fp, uint32_t band) const {
    const uint16_t* row = fp + size_t{band} * lsh.rows;
    uint64_t h = band_seeds[band];
    for (uint32_t r = 0; r < lsh.rows; r += 4) {
      uint64_t packed = 0;
      for (uint32_t k = 0; k < 4 && r + k < lsh.rows; ++k) packed |= uint64_t{row[r + k]} << (16 * k);
      h = Mix64(h ^ packed) + r;
    }
    return static_cast<uint32_t>(h >> 32);
  }

  void BandKeys(const uint16_t* fp, uint32_t* keys) const {
    if (lsh.rows == 2) {  // the default, unrolled: two minima make one 32-bit word
      for (uint32_t b = 0; b < lsh.bands; ++b) {
        const uint64_t packed = uint64_t{fp[2 * b]} | uint64_t{fp[2 * b + 1]} << 16;
        keys[b] = static_cast<uint32_t>(Mix64(band_seeds[b] ^ packed) >> 32);
      }
    } else {
      for (uint32_t b = 0; b < lsh.bands; ++b) keys[b] = BandKey(fp, b);
    }
  }

  void AddBands(uint32_t slot, const uint32_t* keys) {
    for (uint32_t b = 0; b < lsh.bands; ++b) table.Insert(keys[b], slot);
  }

  void RemoveBands(uint32_t slot) {
    const uint16_t* fp = Fp(slot);
    for (uint32_t b = 0; b < lsh.bands; ++b) table.Erase(BandKey(fp, b), slot);
  }

  // A slot for a new document, filled in: a removed document's, or a new one.
  uint32_t NewSlot(uint64_t doc, uint32_t shingles, const uint16_t* fp) {
    uint32_t slot;
    if (!free_slots.empty()) {
      slot = free_slots.back();
      free_slots.pop_back();
    } else {
      slot = slots.Append();
    }
    slots.Id(slot) = doc;
    slots.Size(slot) = shingles;
    std::memcpy(slots.Fp(slot), fp, perms * sizeof(uint16_t));
    id_map.Insert(doc, slot);
    ++live;
    return slot;
  }

  // Adds a document from its 16-bit minima.
  void AddFp(uint64_t doc, uint32_t shingles, const uint16_t* fp) {
    const uint32_t slot = NewSlot(doc, shingles, fp);
    if (shingles > 0) {
      uint32_t keys[1024];  // bands <= num_perm <= 1024
      BandKeys(fp, keys);
      AddBands(slot, keys);
    }
  }

  // The streaming step: adds a document and collects the slots sharing a band with it
  // (sorted, distinct), each band's bucket read and extended in one pass.
  void AddCollecting(uint64_t doc, uint32_t shingles, const uint16_t* fp,
                     std::vector<uint32_t>* out, uint32_t* keys) {
    const uint32_t slot = NewSlot(doc, shingles, fp);
    BandKeysPrefetched(fp, keys);
    out->clear();
    for (uint32_t b = 0; b < lsh.bands; ++b) {
      table.ForEachThenInsert(keys[b], slot, [out](uint32_t s) { out->push_back(s); });
    }
    SortDistinct(out);
  }

  // Slots sharing a band with `fp`, sorted and distinct; keys[] receives the band keys.
  void CandidateSlots(const uint16_t* fp, std::vector<uint32_t>* out, uint32_t* keys) const {
    out->clear();
    BandKeysPrefetched(fp, keys);
    for (uint32_t b = 0; b < lsh.bands; ++b) {
      table.ForEach(keys[b], [out](uint32_t slot) { out->push_back(slot); });
    }
    SortDistinct(out);
  }

  // The band keys of `fp` into keys[], and every band's bucket (one line) requested before
  // the first is read, so that the misses overlap. (One function with BandKeys: GCC takes a
  // function that only prefetches for a pure one and drops the call.)
  void BandKeysPrefetched(const uint16_t* fp, uint32_t* keys) const {
    BandKeys(fp, keys);
    for (uint32_t b = 0; b < lsh.bands; ++b) {
      __builtin_prefetch(table.ProbeAddress(keys[b]));
    }
  }

  static void SortDistinct(std::vector<uint32_t>* v) {
    if (v->size() > 1) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
  }

  Overlap Estimate(const uint16_t* a, uint32_t size_a, uint32_t slot) const {
    const uint16_t* b = Fp(slot);
    uint32_t agree = 0;
    for (uint32_t i = 0; i < perms; ++i) agree += a[i] == b[i];
    const double raw = double(agree) / perms;
    const double j = std::max(0.0, (raw - kFalseAgree) / (1.0 - kFalseAgree));
    return OverlapFromAgreement(j, size_a, slots.Size(slot));
  }

  bool Passes(const Overlap& o, uint32_t size_a, uint32_t size_b) const {
    if (o.jaccard >= lsh.min_jaccard) return true;
    return std::min(size_a, size_b) >= lsh.min_containment_shingles &&
           std::max(o.containment_a, o.containment_b) >= lsh.min_containment;
  }

  // Verified matches among the candidate slots (already distinct), best first.
  void Verify(const uint16_t* fp, uint32_t shingles, const std::vector<uint32_t>& candidates,
              uint64_t exclude, std::vector<Match>* out) const {
    for (uint32_t s : candidates) {  // the minima are read at random: start every load at once
      const auto* p = reinterpret_cast<const char*>(Fp(s));
      for (size_t off = 0; off < size_t{perms} * 2; off += 64) __builtin_prefetch(p + off);
    }
    for (uint32_t s : candidates) {
      const uint64_t id = slots.Id(s);
      if (id == exclude) continue;
      const Overlap o = Estimate(fp, shingles, s);
      if (Passes(o, shingles, slots.Size(s))) out->push_back({id, o});
    }
  }

  MinHashOptions minhash;
  LshOptions lsh;
  uint32_t perms;
  std::vector<uint64_t> band_seeds;
  SlotStore slots;
  std::vector<uint32_t> free_slots;
  IdMap id_map;
  BucketTable table;
  size_t live = 0;
};

LshIndex::LshIndex(const LshOptions& options, const MinHashOptions& minhash)
    : impl_(std::make_unique<Impl>(options, minhash)) {}
LshIndex::~LshIndex() = default;
LshIndex::LshIndex(LshIndex&&) noexcept = default;
LshIndex& LshIndex::operator=(LshIndex&&) noexcept = default;

const LshOptions& LshIndex::options() const { return impl_->lsh; }
const MinHashOptions& LshIndex::minhash_options() const { return impl_->minhash; }
size_t LshIndex::size() const { return impl_->live; }
bool LshIndex::Contains(uint64_t doc) const { return impl_->id_map.Find(doc) != kNoSlot; }

namespace {
Status CheckSignature(const Signature& s, const MinHashOptions& m) {
  if (s.values.size() != m.num_perm || s.shingle_words != m.shingle_words || s.seed != m.seed) {
    return Status::InvalidArgument(
        "signature made with other MinHash options (num_perm " + std::to_string(s.values.size()) +
        ", shingle_words " + std::to_string(s.shingle_words) + ") than the index's (" +
        std::to_string(m.num_perm) + ", " + std::to_string(m.shingle_words) + ")");
  }
  return Status::OK();
}
void ToFp(const Signature& s, std::vector<uint16_t>* fp) {
  fp->resize(s.values.size());
  for (size_t i = 0; i < s.values.size(); ++i) (*fp)[i] = static_cast<uint16_t>(s.values[i]);
}
// Per-thread scratch, so that queries allocate nothing in steady state.
struct Scratch {
  std::vector<uint16_t> fp;
  std::vector<uint32_t> slots;
  uint32_t keys[1024];  // bands <= num_perm <= 1024
};
Scratch& ThreadScratch() {
  thread_local Scratch s;
  return s;
}
}  // namespace

Status LshIndex::Add(uint64_t doc, const Signature& signature) {
  if (doc == UINT64_MAX) return Status::InvalidArgument("lsh: document id UINT64_MAX is reserved");
  WITNESS_RETURN_IF_ERROR(CheckSignature(signature, impl_->minhash));
  if (Contains(doc)) {
    return Status::InvalidArgument("lsh: document " + std::to_string(doc) + " is already indexed");
  }
  Scratch& sc = ThreadScratch();
  ToFp(signature, &sc.fp);
  impl_->AddFp(doc, signature.shingles, sc.fp.data());
  return Status::OK();
}

bool LshIndex::Remove(uint64_t doc) {
  if (doc == UINT64_MAX) return false;
  Impl& m = *impl_;
  const uint32_t slot = m.id_map.Find(doc);
  if (slot == kNoSlot) return false;
  if (m.slots.Size(slot) > 0) m.RemoveBands(slot);
  m.id_map.Erase(doc);
  m.slots.Id(slot) = UINT64_MAX;
  m.slots.Size(slot) = 0;
  m.free_slots.push_back(slot);
  --m.live;
  return true;
}


void LshIndex::Candidates(const Signature& signature, std::vector<uint64_t>* out) const {
  out->clear();
  if (!CheckSignature(signature, impl_->minhash).ok() || signature.empty()) return;
  Scratch& sc = ThreadScratch();
  ToFp(signature, &sc.fp);
  impl_->CandidateSlots(sc.fp.data(), &sc.slots, sc.keys);
  for (uint32_t s : sc.slots) out->push_back(impl_->slots.Id(s));
  std::sort(out->begin(), out->end());
}

namespace {
void SortMatches(std::vector<Match>* out) {
  auto score = [](const Match& x) {
    return std::max({x.overlap.jaccard, x.overlap.containment_a, x.overlap.containment_b});
  };
  std::sort(out->begin(), out->end(), [&](const Match& x, const Match& y) {
    const double sx = score(x), sy = score(y);
    return sx != sy ? sx > sy : x.doc < y.doc;
  });
}
}  // namespace

void LshIndex::Query(const Signature& signature, std::vector<Match>* out, uint64_t exclude) const {
  out->clear();
  const Impl& m = *impl_;
  if (!CheckSignature(signature, m.minhash).ok() || signature.empty()) return;
  Scratch& sc = ThreadScratch();
  ToFp(signature, &sc.fp);
  m.CandidateSlots(sc.fp.data(), &sc.slots, sc.keys);
  m.Verify(sc.fp.data(), signature.shingles, sc.slots, exclude, out);
  SortMatches(out);
}

Status LshIndex::QueryAndAdd(uint64_t doc, const Signature& signature, std::vector<Match>* out) {
  out->clear();
  Impl& m = *impl_;
  if (doc == UINT64_MAX) return Status::InvalidArgument("lsh: document id UINT64_MAX is reserved");
  WITNESS_RETURN_IF_ERROR(CheckSignature(signature, m.minhash));
  if (Contains(doc)) {
    return Status::InvalidArgument("lsh: document " + std::to_string(doc) + " is already indexed");
  }
  Scratch& sc = ThreadScratch();
  ToFp(signature, &sc.fp);
  if (signature.empty()) {
    m.AddFp(doc, 0, sc.fp.data());
    return Status::OK();
  }
  m.AddCollecting(doc, signature.shingles, sc.fp.data(), &sc.slots, sc.keys);
  m.Verify(sc.fp.data(), signature.shingles, sc.slots, UINT64_MAX, out);
  SortMatches(out);
  return Status::OK();
}

bool LshIndex::EstimateBetween(uint64_t a, uint64_t b, Overlap* out) const {
  const uint32_t sa = impl_->id_map.Find(a), sb = impl_->id_map.Find(b);
  if (sa == kNoSlot || sb == kNoSlot) return false;
  const SlotStore& slots = impl_->slots;
  *out = impl_->Estimate(slots.Fp(sa), slots.Size(sa), sb);
  if (slots.Size(sa) == 0 || slots.Size(sb) == 0) *out = {};
  return true;
}

void LshIndex::Reserve(size_t docs) {
  Impl& m = *impl_;
  m.slots.Reserve(docs);
  m.table.Reserve(docs * m.lsh.bands);
}

size_t LshIndex::MemoryBytes() const {
  const Impl& m = *impl_;
  return m.slots.MemoryBytes() + m.free_slots.capacity() * 4 + m.id_map.MemoryBytes() +
         m.table.MemoryBytes() + m.band_seeds.capacity() * 8;
}

std::string LshIndex::Serialize() const {
  const Impl& m = *impl_;
  std::string out;
  out.reserve(64 + m.live * (12 + 2 * size_t{m.perms}));
  out.append(kIndexMagic, 4);
  internal::PutU32(&out, kIndexVersion);
  internal::PutU32(&out, m.minhash.num_perm);
  internal::PutU32(&out, m.minhash.shingle_words);
  internal::PutU64(&out, m.minhash.seed);
  internal::PutU32(&out, m.lsh.bands);
  internal::PutU32(&out, m.lsh.rows);
  uint64_t bits;
  std::memcpy(&bits, &m.lsh.min_jaccard, 8);
  internal::PutU64(&out, bits);
  std::memcpy(&bits, &m.lsh.min_containment, 8);
  internal::PutU64(&out, bits);
  internal::PutU32(&out, m.lsh.min_containment_shingles);
  internal::PutU64(&out, m.live);
  for (uint32_t slot = 0; slot < m.slots.size(); ++slot) {
    if (m.slots.Id(slot) == UINT64_MAX) continue;
    internal::PutU64(&out, m.slots.Id(slot));
    internal::PutU32(&out, m.slots.Size(slot));
    const uint16_t* fp = m.Fp(slot);
    for (uint32_t i = 0; i < m.perms; ++i) internal::PutU16(&out, fp[i]);
  }
  return out;
}

StatusOr<LshIndex> LshIndex::Deserialize(std::string_view bytes) {
  if (bytes.size() < 4 || std::memcmp(bytes.data(), kIndexMagic, 4) != 0) {
    return Status::Corruption("lsh index blob: not a witness LSH index (bad header)");
  }
  internal::Reader r(bytes.substr(4));
  if (const uint32_t v = r.U32(); v != kIndexVersion) {
    return Status::Unsupported("lsh index blob: version " + std::to_string(v) +
                               ", this build reads version " + std::to_string(kIndexVersion));
  }
  MinHashOptions mh;
  mh.num_perm = r.U32();
  mh.shingle_words = r.U32();
  mh.seed = r.U64();
  LshOptions lo;
  lo.bands = r.U32();
  lo.rows = r.U32();
  lo.min_jaccard = r.F64();
  lo.min_containment = r.F64();
  lo.min_containment_shingles = r.U32();
  const uint64_t n = r.U64();
  if (r.failed()) return Status::Corruption("lsh index blob: truncated header");
  if (Status s = Validate(mh); !s.ok()) return Status::Corruption("lsh index blob: " + s.message());
  if (Status s = Validate(lo, mh.num_perm); !s.ok()) {
    return Status::Corruption("lsh index blob: " + s.message());
  }
  const size_t per_doc = 12 + 2 * size_t{mh.num_perm};
  if (n > r.remaining() / per_doc || r.remaining() != n * per_doc) {
    return Status::Corruption("lsh index blob: " + std::to_string(bytes.size()) +
                              " bytes do not hold the " + std::to_string(n) +
                              " documents the header announces");
  }
  LshIndex index(lo, mh);
  index.Reserve(n);
  std::vector<uint16_t> fp(mh.num_perm);
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t id = r.U64();
    const uint32_t shingles = r.U32();
    for (uint16_t& v : fp) v = r.U16();
    if (id == UINT64_MAX || index.Contains(id)) {
      return Status::Corruption("lsh index blob: document id " + std::to_string(id) +
                                " is reserved or repeated");
    }
    index.impl_->AddFp(id, shingles, fp.data());
  }
  return index;
}

}  // namespace witness::sketch
