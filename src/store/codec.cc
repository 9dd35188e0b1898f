#include "store/codec.h"

#include <zstd.h>

#include <cstdint>
#include <cstring>
#include <ctime>
#include <new>
#include <nlohmann/json.hpp>

namespace witness::store {

namespace {
constexpr int kZstdLevel = 3;
}  // namespace

Codec::Codec() : cctx_(ZSTD_createCCtx()), dctx_(ZSTD_createDCtx()) {}

Codec::~Codec() {
  ZSTD_freeCCtx(cctx_);
  ZSTD_freeDCtx(dctx_);
}

Status Codec::Compress(std::string_view in, std::string* out) {
  if (cctx_ == nullptr) return Status::ResourceExhausted("zstd: cannot allocate a compressor");
  size_t bound = ZSTD_compressBound(in.size());
  if (ZSTD_isError(bound)) {
    return Status::ResourceExhausted("zstd: input of " + std::to_string(in.size()) +
                                     " bytes is too large to compress");
  }
  out->resize(bound);
  size_t n = ZSTD_compressCCtx(cctx_, out->data(), out->size(), in.data(), in.size(), kZstdLevel);
  if (ZSTD_isError(n)) {
    out->clear();
    return Status::Internal(std::string("zstd: compress: ") + ZSTD_getErrorName(n));
  }
  out->resize(n);
  return Status::OK();
}

Status Codec::Decompress(std::string_view frame, std::string_view what, std::string* out) {
  auto damaged = [&](std::string_view why) {
    std::string msg(what);
    msg += ": stored blob is damaged: ";
    msg += why;
    return Status::Corruption(std::move(msg));
  };
  if (dctx_ == nullptr) return Status::ResourceExhausted("zstd: cannot allocate a decompressor");
  unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR) return damaged("not a zstd frame");
  if (size == ZSTD_CONTENTSIZE_UNKNOWN) return damaged("zstd frame without a content size");
  if (size > kMaxBlobContentBytes) {
    return damaged("zstd frame claims " + std::to_string(size) + " bytes of content");
  }
  size_t frame_size = ZSTD_findFrameCompressedSize(frame.data(), frame.size());
  if (ZSTD_isError(frame_size)) {
    return damaged(std::string("zstd: ") + ZSTD_getErrorName(frame_size));
  }
  if (frame_size != frame.size()) {
    return damaged(std::to_string(frame.size() - frame_size) + " bytes after the zstd frame");
  }
  out->resize(static_cast<size_t>(size));
  size_t n = ZSTD_decompressDCtx(dctx_, out->data(), out->size(), frame.data(), frame.size());
  if (ZSTD_isError(n)) {
    out->clear();
    return damaged(std::string("zstd: ") + ZSTD_getErrorName(n));
  }
  if (n != size) {
    out->clear();
    return damaged("zstd frame holds " + std::to_string(n) + " bytes, its header says " +
                   std::to_string(size));
  }
  return Status::OK();
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char* end = p + s.size();
  while (p < end) {
    // Most news text is ASCII: skip it eight bytes at a time.
    while (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ull) != 0) break;
      p += 8;
    }
    if (p == end) break;
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;  // a continuation byte, an overlong lead (C0, C1) or F5..FF
    }
    if (end - p <= extra) return false;
    for (int i = 1; i <= extra; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)) return false;  // overlong
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;                                // surrogate
    if (cp > 0x10FFFF) return false;
    p += extra + 1;
  }
  return true;
}

std::string EncodeStringArray(const std::vector<std::string>& items) {
  if (items.empty()) return "[]";
  nlohmann::json array = nlohmann::json::array();
  for (const std::string& item : items) array.push_back(item);
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status DecodeStringArray(std::string_view json, std::string_view what,
                         std::vector<std::string>* items) {
  items->clear();
  if (json == "[]") return Status::OK();
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_array()) {
    return Status::Corruption(std::string(what) + ": not a JSON array");
  }
  items->reserve(parsed.size());
  for (const nlohmann::json& item : parsed) {
    if (!item.is_string()) {
      return Status::Corruption(std::string(what) + ": JSON array holds a non-string");
    }
    items->push_back(item.get<std::string>());
  }
  return Status::OK();
}

std::string EncodeRemovedBlocks(const std::vector<RemovedBlock>& blocks) {
  if (blocks.empty()) return "[]";
  nlohmann::json array = nlohmann::json::array();
  for (const RemovedBlock& b : blocks) {
    array.push_back({{"rule", b.rule}, {"reason", b.reason}, {"text", b.text}});
  }
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status DecodeRemovedBlocks(std::string_view json, std::string_view what,
                           std::vector<RemovedBlock>* blocks) {
  blocks->clear();
  if (json == "[]") return Status::OK();
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_array()) {
    return Status::Corruption(std::string(what) + ": not a JSON array");
  }
  for (const nlohmann::json& item : parsed) {
    auto field = [&](const char* name) -> const nlohmann::json* {
      auto it = item.is_object() ? item.find(name) : item.end();
      return it != item.end() && it->is_string() ? &*it : nullptr;
    };
    const nlohmann::json* rule = field("rule");
    const nlohmann::json* reason = field("reason");
    const nlohmann::json* text = field("text");
    if (rule == nullptr || reason == nullptr || text == nullptr) {
      return Status::Corruption(std::string(what) + ": an entry is not {rule, reason, text}");
    }
    blocks->push_back({rule->get<std::string>(), reason->get<std::string>(), text->get<std::string>()});
  }
  return Status::OK();
}

bool IsValidJson(std::string_view json) { return nlohmann::json::accept(json); }

std::string NowUtcIso() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf, n);
}

bool LooksLikeIsoDate(std::string_view s) {
  auto digits = [&](size_t at, size_t n) {
    if (s.size() < at + n) return false;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits(5, 2)) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(8, 2)) return false;
  if (s.size() == 10) return true;
  return s[10] == 'T' || s[10] == ' ';
}

}  // namespace witness::store
