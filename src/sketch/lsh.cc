// LshIndex: banded 16-bit MinHash in flat open-addressing tables.
//
// Per document: its id, shingle count and 16-bit minima (b-bit MinHash) in a slot. One shared
// linear-probing table holds every band entry as (32-bit band key << 32 | slot); the band key
// hashes the band number with its rows' 16-bit minima, so Remove() can recompute it from what
// the index keeps. Deletion shifts entries back (no tombstones), so the table never degrades.
#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <cmath>
#include <cstring>

#include "sketch/kernel.h"
#include "sketch/serial.h"
#include "witness/sketch.h"

namespace witness::sketch {
namespace {

// Allocates big arrays on 2 MiB boundaries and asks for transparent huge pages: the band
// table is rebuilt whenever it grows, and with 4 KiB pages most of that time went into page
// faults on the fresh memory.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHuge = size_t{2} << 20;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT
  static size_t Rounded(size_t n) { return (n * sizeof(T) + kHuge - 1) / kHuge * kHuge; }
  T* allocate(size_t n) {
    if (n * sizeof(T) < kHuge) return static_cast<T*>(::operator new(n * sizeof(T)));
    void* p = std::aligned_alloc(kHuge, Rounded(n));
    if (p == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(p, Rounded(n), MADV_HUGEPAGE);
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t n) {
    if (n * sizeof(T) < kHuge) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
};
using Table = std::vector<uint64_t, HugePageAllocator<uint64_t>>;

constexpr uint64_t kEmpty = UINT64_MAX;
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
        perms(minhash.num_perm) {
    if (!Validate(lsh, perms).ok()) lsh.bands = 1, lsh.rows = std::min<uint32_t>(4, perms);
    table.assign(64, kEmpty);
  }

  const uint16_t* Fp(uint32_t slot) const { return fps.data() + size_t{slot} * perms; }

  uint32_t BandKey(const uint16_t* fp, uint32_t band) const {
    const uint16_t* row = fp + size_t{band} * lsh.rows;
    uint64_t h = Mix64(0x243F6A8885A308D3ull ^ band);
    for (uint32_t r = 0; r < lsh.rows; r += 4) {
      uint64_t packed = 0;
      for (uint32_t k = 0; k < 4 && r + k < lsh.rows; ++k) packed |= uint64_t{row[r + k]} << (16 * k);
      h = Mix64(h ^ packed) + r;
    }
    return static_cast<uint32_t>(h >> 32);
  }

  // The table has any capacity (it grows by 30% at load 0.85, so that it stays between 0.65
  // and 0.85 full and memory per document steady);
  // a band key, already uniform, maps to a slot by multiply-shift ("fastrange").
  size_t Home(uint32_t key) const { return (uint64_t{key} * table.size()) >> 32; }
  size_t Next(size_t i) const { return i + 1 == table.size() ? 0 : i + 1; }
  size_t Dist(size_t from, size_t to) const { return to >= from ? to - from : to + table.size() - from; }

  void TableInsert(uint64_t entry) {
    size_t i = Home(static_cast<uint32_t>(entry >> 32));
    while (table[i] != kEmpty) i = Next(i);
    table[i] = entry;
  }

  void TableErase(uint64_t entry) {
    size_t i = Home(static_cast<uint32_t>(entry >> 32));
    while (table[i] != entry) {
      if (table[i] == kEmpty) return;  // not there (cannot happen for a consistent index)
      i = Next(i);
    }
    for (size_t j = Next(i); table[j] != kEmpty; j = Next(j)) {
      const size_t h = Home(static_cast<uint32_t>(table[j] >> 32));
      if (Dist(h, j) >= Dist(i, j)) {  // its home is not in (i, j]: move it back to i
        table[i] = table[j];
        i = j;
      }
    }
    table[i] = kEmpty;
  }

  void GrowTable() {
    Table old(table.size() + table.size() * 3 / 10 + 64, kEmpty);
    old.swap(table);
    for (uint64_t e : old) {
      if (e != kEmpty) TableInsert(e);
    }
  }

  void AddBands(uint32_t slot, const uint32_t* keys = nullptr) {
    while ((entries + lsh.bands) * 20 > table.size() * 17) GrowTable();  // load <= 0.85
    const uint16_t* fp = Fp(slot);
    for (uint32_t b = 0; b < lsh.bands; ++b) {
      TableInsert(uint64_t{keys ? keys[b] : BandKey(fp, b)} << 32 | slot);
    }
    entries += lsh.bands;
  }

  void RemoveBands(uint32_t slot) {
    const uint16_t* fp = Fp(slot);
    for (uint32_t b = 0; b < lsh.bands; ++b) TableErase(uint64_t{BandKey(fp, b)} << 32 | slot);
    entries -= lsh.bands;
  }

  // Adds a document from its 16-bit minima (and its band keys, when already computed).
  void AddFp(uint64_t doc, uint32_t shingles, const uint16_t* fp, const uint32_t* keys = nullptr) {
    uint32_t slot;
    if (!free_slots.empty()) {
      slot = free_slots.back();
      free_slots.pop_back();
      ids[slot] = doc;
      sizes[slot] = shingles;
      std::memcpy(fps.data() + size_t{slot} * perms, fp, perms * sizeof(uint16_t));
    } else {
      slot = static_cast<uint32_t>(ids.size());
      if (ids.size() == ids.capacity()) {  // grow by a quarter, not double: memory per document
        const size_t want = ids.size() + ids.size() / 4 + 64;
        ids.reserve(want);
        sizes.reserve(want);
        fps.reserve(want * perms);
      }
      ids.push_back(doc);
      sizes.push_back(shingles);
      fps.insert(fps.end(), fp, fp + perms);
    }
    id_map.Insert(doc, slot);
    ++live;
    if (shingles > 0) AddBands(slot, keys);
  }

  // Slots sharing a band with `fp`, sorted and distinct; keys[] receives the band keys.
  void CandidateSlots(const uint16_t* fp, std::vector<uint32_t>* out, uint32_t* keys) const {
    out->clear();
    for (uint32_t b = 0; b < lsh.bands; ++b) {
      keys[b] = BandKey(fp, b);
      __builtin_prefetch(&table[Home(keys[b])]);
    }
    for (uint32_t b = 0; b < lsh.bands; ++b) {
      const uint32_t key = keys[b];
      for (size_t i = Home(key); table[i] != kEmpty; i = Next(i)) {
        if (static_cast<uint32_t>(table[i] >> 32) == key) {
          out->push_back(static_cast<uint32_t>(table[i]));
        }
      }
    }
    std::sort(out->begin(), out->end());
    out->erase(std::unique(out->begin(), out->end()), out->end());
  }

  Overlap Estimate(const uint16_t* a, uint32_t size_a, uint32_t slot) const {
    const uint16_t* b = Fp(slot);
    uint32_t agree = 0;
    for (uint32_t i = 0; i < perms; ++i) agree += a[i] == b[i];
    const double raw = double(agree) / perms;
    const double j = std::max(0.0, (raw - kFalseAgree) / (1.0 - kFalseAgree));
    return OverlapFromAgreement(j, size_a, sizes[slot]);
  }

  bool Passes(const Overlap& o, uint32_t size_a, uint32_t size_b) const {
    if (o.jaccard >= lsh.min_jaccard) return true;
    return std::min(size_a, size_b) >= lsh.min_containment_shingles &&
           std::max(o.containment_a, o.containment_b) >= lsh.min_containment;
  }

  MinHashOptions minhash;
  LshOptions lsh;
  uint32_t perms;
  std::vector<uint64_t, HugePageAllocator<uint64_t>> ids;
  std::vector<uint32_t, HugePageAllocator<uint32_t>> sizes;
  std::vector<uint16_t, HugePageAllocator<uint16_t>> fps;
  std::vector<uint32_t> free_slots;
  IdMap id_map;
  Table table;
  size_t entries = 0;
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
  if (m.sizes[slot] > 0) m.RemoveBands(slot);
  m.id_map.Erase(doc);
  m.ids[slot] = UINT64_MAX;
  m.sizes[slot] = 0;
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
  for (uint32_t s : sc.slots) out->push_back(impl_->ids[s]);
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
  for (uint32_t s : sc.slots) {
    if (m.ids[s] == exclude) continue;
    const Overlap o = m.Estimate(sc.fp.data(), signature.shingles, s);
    if (m.Passes(o, signature.shingles, m.sizes[s])) out->push_back({m.ids[s], o});
  }
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
  m.CandidateSlots(sc.fp.data(), &sc.slots, sc.keys);
  for (uint32_t s : sc.slots) {
    const Overlap o = m.Estimate(sc.fp.data(), signature.shingles, s);
    if (m.Passes(o, signature.shingles, m.sizes[s])) out->push_back({m.ids[s], o});
  }
  SortMatches(out);
  m.AddFp(doc, signature.shingles, sc.fp.data(), sc.keys);
  return Status::OK();
}

bool LshIndex::EstimateBetween(uint64_t a, uint64_t b, Overlap* out) const {
  const uint32_t sa = impl_->id_map.Find(a), sb = impl_->id_map.Find(b);
  if (sa == kNoSlot || sb == kNoSlot) return false;
  *out = impl_->Estimate(impl_->Fp(sa), impl_->sizes[sa], sb);
  if (impl_->sizes[sa] == 0 || impl_->sizes[sb] == 0) *out = {};
  return true;
}

void LshIndex::Reserve(size_t docs) {
  Impl& m = *impl_;
  m.ids.reserve(docs);
  m.sizes.reserve(docs);
  m.fps.reserve(docs * m.perms);
  const size_t want = (docs * m.lsh.bands * 20) / 17 + 64;  // load 0.85 when full
  if (want > m.table.size()) {
    Table old(want, kEmpty);
    old.swap(m.table);
    for (uint64_t e : old) {
      if (e != kEmpty) m.TableInsert(e);
    }
  }
}

size_t LshIndex::MemoryBytes() const {
  const Impl& m = *impl_;
  return m.ids.capacity() * 8 + m.sizes.capacity() * 4 + m.fps.capacity() * 2 +
         m.free_slots.capacity() * 4 + m.id_map.MemoryBytes() + m.table.capacity() * 8;
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
  for (uint32_t slot = 0; slot < m.ids.size(); ++slot) {
    if (m.ids[slot] == UINT64_MAX) continue;
    internal::PutU64(&out, m.ids[slot]);
    internal::PutU32(&out, m.sizes[slot]);
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
