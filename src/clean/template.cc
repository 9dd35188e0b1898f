// SourceTemplate: the paragraphs one outlet repeats across its articles (see witness/clean.h).
#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "witness/clean.h"

namespace witness::clean {
namespace {

struct Entry {
  uint32_t count = 0;       // distinct articles it was seen in
  uint32_t first_seen = 0;  // 1-based number of the first article that had it
  uint32_t last_seen = 0;   // 1-based number of the last article that had it
};

constexpr char kMagic[4] = {'W', 'T', 'P', 'L'};
constexpr uint8_t kVersion = 1;

void PutVarint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutFixed64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool Varint(uint64_t* v) {
    *v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= s_.size()) return false;
      uint8_t b = static_cast<uint8_t>(s_[pos_++]);
      *v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool Varint32(uint32_t* v) {
    uint64_t x;
    if (!Varint(&x) || x > UINT32_MAX) return false;
    *v = static_cast<uint32_t>(x);
    return true;
  }
  bool Fixed64(uint64_t* v) {
    if (s_.size() - pos_ < 8) return false;
    *v = 0;
    for (int i = 0; i < 8; ++i)
      *v |= static_cast<uint64_t>(static_cast<uint8_t>(s_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return true;
  }
  size_t remaining() const { return s_.size() - pos_; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

void AppendUtf8(std::string* out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

struct SourceTemplate::Impl {
  Options options;
  uint32_t articles = 0;
  std::unordered_map<uint64_t, Entry> entries;

  void Prune() {
    if (entries.size() <= options.max_entries) return;
    // First the one-off paragraphs that have not come back for a while.
    for (auto it = entries.begin(); it != entries.end();) {
      const Entry& e = it->second;
      bool stale = e.count == 1 && uint64_t(e.last_seen) + options.recent_articles <= articles;
      it = stale ? entries.erase(it) : std::next(it);
    }
    // Then, if still too many, the least-seen (oldest first among equals) down to 90%.
    if (entries.size() <= options.max_entries) return;
    std::vector<std::pair<uint64_t, Entry>> all(entries.begin(), entries.end());
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      if (a.second.count != b.second.count) return a.second.count > b.second.count;
      if (a.second.last_seen != b.second.last_seen) return a.second.last_seen > b.second.last_seen;
      return a.first < b.first;
    });
    all.resize(static_cast<size_t>(options.max_entries) * 9 / 10);
    entries.clear();
    entries.insert(all.begin(), all.end());
  }

  const Entry* Find(std::string_view paragraph) const {
    std::string norm = NormalizeParagraph(paragraph);
    if (norm.size() < options.min_chars) return nullptr;
    auto it = entries.find(XXH3_64bits(norm.data(), norm.size()));
    return it == entries.end() ? nullptr : &it->second;
  }

  // The span the fraction is measured over (see the header).
  uint32_t Span(const Entry& e) const {
    uint32_t since = articles - e.first_seen + 1;
    uint32_t floor = std::min(articles, options.min_span);
    return std::max(since, floor);
  }

  bool IsTemplate(const Entry& e) const {
    return e.count >= options.min_articles &&
           double(e.count) >= options.min_fraction * double(Span(e)) - 1e-9;
  }
};

SourceTemplate::SourceTemplate() : SourceTemplate(Options{}) {}
SourceTemplate::SourceTemplate(const Options& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  if (impl_->options.min_articles == 0) impl_->options.min_articles = 1;
}
SourceTemplate::~SourceTemplate() = default;
SourceTemplate::SourceTemplate(const SourceTemplate& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
SourceTemplate& SourceTemplate::operator=(const SourceTemplate& o) {
  if (this != &o) impl_ = std::make_unique<Impl>(*o.impl_);
  return *this;
}
SourceTemplate::SourceTemplate(SourceTemplate&& o) noexcept = default;
SourceTemplate& SourceTemplate::operator=(SourceTemplate&& o) noexcept = default;

std::string SourceTemplate::NormalizeParagraph(std::string_view paragraph) {
  std::string out;
  out.reserve(paragraph.size());
  // ASCII fast path (same result as the general one below).
  bool ascii = true;
  for (char c : paragraph) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    bool space = false;
    for (char c : paragraph) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
        space = !out.empty();
        continue;
      }
      if (space) {
        out.push_back(' ');
        space = false;
      }
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= '0' && c <= '9') c = '0';
      out.push_back(c);
    }
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(paragraph.data()),
      static_cast<utf8proc_ssize_t>(paragraph.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  bool pending_space = false;
  auto emit = [&](utf8proc_int32_t cp) {
    const utf8proc_property_t* prop = utf8proc_get_property(cp);
    bool space = cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
                 prop->category == UTF8PROC_CATEGORY_ZS;
    if (space) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (prop->category == UTF8PROC_CATEGORY_ND) {
      out.push_back('0');
    } else {
      AppendUtf8(&out, cp);
    }
  };
  if (n >= 0 && folded != nullptr) {
    const utf8proc_uint8_t* p = folded;
    utf8proc_ssize_t left = n;
    while (left > 0) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
      if (len <= 0) break;
      emit(cp);
      p += len;
      left -= len;
    }
  } else {
    // Invalid UTF-8: fold ASCII only, keep other bytes.
    for (char c : paragraph) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80) {
        if (pending_space) {
          out.push_back(' ');
          pending_space = false;
        }
        out.push_back(c);
      } else {
        emit(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
      }
    }
  }
  std::free(folded);
  return out;
}

uint64_t SourceTemplate::HashParagraph(std::string_view paragraph) {
  std::string norm = NormalizeParagraph(paragraph);
  return XXH3_64bits(norm.data(), norm.size());
}

void SourceTemplate::AddArticle(std::string_view text) {
  std::vector<std::string_view> blocks;
  for (const BlockSpan& s : SplitBlocks(text))
    blocks.push_back(text.substr(s.begin, s.end - s.begin));
  AddArticleBlocks(blocks);
}

void SourceTemplate::AddArticleBlocks(const std::vector<std::string_view>& blocks) {
  Impl& m = *impl_;
  if (m.articles == UINT32_MAX) return;  // saturated; counts stay meaningful
  ++m.articles;
  std::unordered_set<uint64_t> in_this;
  for (std::string_view b : blocks) {
    std::string norm = NormalizeParagraph(b);
    if (norm.size() < m.options.min_chars) continue;
    uint64_t h = XXH3_64bits(norm.data(), norm.size());
    if (!in_this.insert(h).second) continue;
    Entry& e = m.entries[h];
    if (e.count == 0) e.first_seen = m.articles;
    ++e.count;
    e.last_seen = m.articles;
  }
  m.Prune();
}

bool SourceTemplate::IsTemplate(std::string_view paragraph) const {
  const Entry* e = impl_->Find(paragraph);
  return e != nullptr && impl_->IsTemplate(*e);
}

uint32_t SourceTemplate::SeenIn(std::string_view paragraph) const {
  const Entry* e = impl_->Find(paragraph);
  return e ? e->count : 0;
}

std::string SourceTemplate::Explain(std::string_view paragraph) const {
  const Entry* e = impl_->Find(paragraph);
  if (e == nullptr || !impl_->IsTemplate(*e)) return "";
  uint32_t since = impl_->articles - e->first_seen + 1;
  return "seen in " + std::to_string(e->count) + " of the " + std::to_string(since) +
         " articles of this source since it first appeared (" + std::to_string(impl_->articles) +
         " in all)";
}

uint32_t SourceTemplate::articles() const { return impl_->articles; }
size_t SourceTemplate::entries() const { return impl_->entries.size(); }
const SourceTemplate::Options& SourceTemplate::options() const { return impl_->options; }

std::string SourceTemplate::Serialize() const {
  const Impl& m = *impl_;
  std::string out(kMagic, sizeof kMagic);
  out.push_back(static_cast<char>(kVersion));
  PutVarint(&out, m.options.min_articles);
  uint64_t fraction_bits;
  std::memcpy(&fraction_bits, &m.options.min_fraction, sizeof fraction_bits);
  PutFixed64(&out, fraction_bits);
  PutVarint(&out, m.options.min_span);
  PutVarint(&out, m.options.min_chars);
  PutVarint(&out, m.options.max_entries);
  PutVarint(&out, m.options.recent_articles);
  PutVarint(&out, m.articles);
  std::vector<std::pair<uint64_t, Entry>> all(m.entries.begin(), m.entries.end());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  PutVarint(&out, all.size());
  uint64_t prev = 0;
  for (const auto& [hash, e] : all) {
    PutVarint(&out, hash - prev);  // sorted hashes: store the gaps
    prev = hash;
    PutVarint(&out, e.count);
    PutVarint(&out, e.first_seen);
    PutVarint(&out, e.last_seen - e.first_seen);
  }
  PutFixed64(&out, XXH3_64bits(out.data(), out.size()));
  return out;
}

StatusOr<SourceTemplate> SourceTemplate::Deserialize(std::string_view blob) {
  auto bad = [](const std::string& why) {
    return Status::Corruption("source template blob: " + why);
  };
  if (blob.size() < sizeof kMagic + 1 + 8 || std::memcmp(blob.data(), kMagic, sizeof kMagic) != 0) {
    return bad("not a witness source template (bad magic)");
  }
  if (static_cast<uint8_t>(blob[4]) != kVersion) {
    return Status::Unsupported("source template blob: version " +
                               std::to_string(static_cast<uint8_t>(blob[4])) + " (expected " +
                               std::to_string(kVersion) + ")");
  }
  std::string_view body = blob.substr(0, blob.size() - 8);
  Reader trailer(blob.substr(blob.size() - 8));
  uint64_t checksum;
  trailer.Fixed64(&checksum);
  if (checksum != XXH3_64bits(body.data(), body.size())) return bad("checksum mismatch");
  Reader r(body.substr(5));
  Options o;
  uint64_t fraction_bits, count;
  uint32_t articles;
  if (!r.Varint32(&o.min_articles) || !r.Fixed64(&fraction_bits) || !r.Varint32(&o.min_span) ||
      !r.Varint32(&o.min_chars) || !r.Varint32(&o.max_entries) || !r.Varint32(&o.recent_articles) ||
      !r.Varint32(&articles) || !r.Varint(&count)) {
    return bad("truncated header");
  }
  std::memcpy(&o.min_fraction, &fraction_bits, sizeof o.min_fraction);
  if (!std::isfinite(o.min_fraction) || o.min_fraction < 0 || o.min_fraction > 1) {
    return bad("min_fraction out of range");
  }
  if (count > r.remaining() / 4) return bad("entry count exceeds the blob");
  SourceTemplate t(o);
  t.impl_->articles = articles;
  t.impl_->entries.reserve(count);
  uint64_t hash = 0;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t gap;
    Entry e;
    uint32_t span;
    if (!r.Varint(&gap) || !r.Varint32(&e.count) || !r.Varint32(&e.first_seen) ||
        !r.Varint32(&span)) {
      return bad("truncated entry " + std::to_string(i));
    }
    if (i > 0 && gap == 0) return bad("duplicate hash at entry " + std::to_string(i));
    hash += gap;
    if (uint64_t(e.first_seen) + span > UINT32_MAX) return bad("bad entry " + std::to_string(i));
    e.last_seen = e.first_seen + span;
    if (e.count == 0 || e.first_seen == 0 || e.last_seen > articles || e.count > articles ||
        e.count > e.last_seen - e.first_seen + 1) {
      return bad("inconsistent counts at entry " + std::to_string(i));
    }
    t.impl_->entries.emplace(hash, e);
  }
  if (r.remaining() != 0) return bad("trailing bytes");
  return t;
}

}  // namespace witness::clean
