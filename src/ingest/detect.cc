#include "ingest/detect.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "base/ascii.h"
#include "ingest/streams.h"
#include "text/utf8.h"

namespace witness::ingest_internal {

namespace {

using ascii::IsSpace;
using ascii::Lower;

bool EndsWithI(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (Lower(s[s.size() - suffix.size() + i]) != suffix[i]) return false;
  }
  return true;
}

bool StartsWithI(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

std::string_view SkipSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  return s.substr(i);
}

constexpr uint32_t kReplacement = 0xFFFD;

// Converts whole UTF-16 code units from `in` (an even count), carrying a high surrogate that
// waits for its partner in *pending (0 when none).
void ConvertUnits(std::string_view in, bool big_endian, uint32_t* pending, std::string* out) {
  for (size_t i = 0; i + 1 < in.size(); i += 2) {
    const uint32_t b0 = static_cast<unsigned char>(in[i]);
    const uint32_t b1 = static_cast<unsigned char>(in[i + 1]);
    const uint32_t u = big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0);
    if (*pending != 0) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        text::internal::AppendUtf8(0x10000 + ((*pending - 0xD800) << 10) + (u - 0xDC00), out);
        *pending = 0;
        continue;
      }
      text::internal::AppendUtf8(kReplacement, out);
      *pending = 0;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      *pending = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      text::internal::AppendUtf8(kReplacement, out);
    } else {
      text::internal::AppendUtf8(u, out);
    }
  }
}

class Utf16Stream : public ByteStream {
 public:
  Utf16Stream(ByteStream* source, bool big_endian) : source_(source), big_endian_(big_endian) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    while (pos_ == out_.size()) {
      if (eof_) return size_t{0};
      out_.clear();
      pos_ = 0;
      in_.resize(kChunk + carry_.size());
      std::memcpy(in_.data(), carry_.data(), carry_.size());
      StatusOr<size_t> r = source_->Read(in_.data() + carry_.size(), kChunk);
      if (!r.ok()) return r.status();
      const size_t have = carry_.size() + *r;
      carry_.clear();
      if (*r == 0) {
        eof_ = true;
        if (pending_ != 0) text::internal::AppendUtf8(kReplacement, &out_);
        if (have % 2 == 1) text::internal::AppendUtf8(kReplacement, &out_);
        pending_ = 0;
        continue;
      }
      const size_t even = have - have % 2;
      ConvertUnits(std::string_view(in_.data(), even), big_endian_, &pending_, &out_);
      carry_.assign(in_.data() + even, have - even);
    }
    const size_t k = std::min(n, out_.size() - pos_);
    std::memcpy(buf, out_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  static constexpr size_t kChunk = 256u << 10;
  ByteStream* source_;
  bool big_endian_;
  std::string in_, out_, carry_;
  size_t pos_ = 0;
  uint32_t pending_ = 0;
  bool eof_ = false;
};

// Owns nothing but skips a UTF-8 BOM once.
class SkipStream : public ByteStream {
 public:
  SkipStream(ByteStream* source, size_t skip) : source_(source), skip_(skip) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    while (skip_ > 0) {
      char scratch[8];
      StatusOr<size_t> r = source_->Read(scratch, std::min(skip_, sizeof(scratch)));
      if (!r.ok()) return r.status();
      if (*r == 0) return size_t{0};
      skip_ -= *r;
    }
    return source_->Read(buf, n);
  }

 private:
  ByteStream* source_;
  size_t skip_;
};

// Windows-1252 0x80..0x9F; 0 marks the five bytes it leaves undefined.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Length of a valid multi-byte UTF-8 sequence at s[i] (2..4), or 0.
size_t MultiByteAt(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + need >= s.size()) return 0;
  for (size_t k = 1; k <= need; ++k) {
    const unsigned char cc = b(i + k);
    if (cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xBF)) return 0;
  }
  return need + 1;
}

}  // namespace

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kPlainText:
      return "plain text";
    case Format::kHtml:
      return "HTML";
    case Format::kJson:
      return "JSON Lines";
    case Format::kWarc:
      return "WARC";
  }
  return "unknown";
}

std::optional<Format> FormatByName(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  for (std::string_view suffix : {".gz", ".gzip", ".zst", ".zstd"}) {
    if (EndsWithI(name, suffix) && name.size() > suffix.size()) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  for (std::string_view ext : {".jsonl", ".ndjson", ".json"}) {
    if (EndsWithI(name, ext)) return Format::kJson;
  }
  for (std::string_view ext : {".html", ".htm", ".xhtml"}) {
    if (EndsWithI(name, ext)) return Format::kHtml;
  }
  if (EndsWithI(name, ".warc")) return Format::kWarc;
  return std::nullopt;
}

Format FormatByContent(std::string_view head) {
  if (SniffBom(head) == Bom::kUtf8) head.remove_prefix(3);
  head = SkipSpace(head);
  if (head.empty()) return Format::kPlainText;
  if (head[0] == '{') return Format::kJson;
  if (head[0] == '[' && SkipSpace(head.substr(1)).substr(0, 1) == "{") return Format::kJson;
  if (head.substr(0, 7) == "WARC/1.") return Format::kWarc;
  // Markup: an XML declaration and comments may come before the doctype.
  for (int guard = 0; guard < 16 && !head.empty() && head[0] == '<'; ++guard) {
    if (StartsWithI(head, "<!doctype") || StartsWithI(head, "<html")) return Format::kHtml;
    std::string_view close;
    if (StartsWithI(head, "<?xml")) {
      close = "?>";
    } else if (StartsWithI(head, "<!--")) {
      close = "-->";
    } else {
      break;
    }
    const size_t end = head.find(close);
    if (end == std::string_view::npos) break;
    head = SkipSpace(head.substr(end + close.size()));
  }
  return Format::kPlainText;
}

Bom SniffBom(std::string_view h) {
  const auto is = [&](std::string_view m) { return h.substr(0, m.size()) == m; };
  if (is(std::string_view("\xFF\xFE\x00\x00", 4))) return Bom::kUtf32Le;
  if (is(std::string_view("\x00\x00\xFE\xFF", 4))) return Bom::kUtf32Be;
  if (is("\xEF\xBB\xBF")) return Bom::kUtf8;
  if (is("\xFF\xFE")) return Bom::kUtf16Le;
  if (is("\xFE\xFF")) return Bom::kUtf16Be;
  return Bom::kNone;
}

size_t BomSize(Bom bom) {
  switch (bom) {
    case Bom::kNone:
      return 0;
    case Bom::kUtf8:
      return 3;
    case Bom::kUtf16Le:
    case Bom::kUtf16Be:
      return 2;
    case Bom::kUtf32Le:
    case Bom::kUtf32Be:
      return 4;
  }
  return 0;
}

// More NUL bytes than this in the sniffed head make a file binary.
constexpr size_t kMaxStrayNuls = 8;

Status CheckNotBinary(std::string_view head, std::string_view name, double max_control_fraction) {
  head = head.substr(0, kSniffBytes);
  if (head.empty()) return Status::OK();
  // A stray NUL or two in a text file (an editor slip, a bad copy) is removed later with a
  // warning; real binary formats (images, PDFs, archives) are full of them.
  size_t nuls = 0;
  size_t first_nul = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\0' && nuls++ == 0) first_nul = i;
  }
  if (nuls > kMaxStrayNuls || nuls * 100 > head.size()) {
    return Status::InvalidArgument(
        std::string(name) + ": binary file (" +
        (nuls == 1 ? std::string("a NUL byte") : std::to_string(nuls) + " NUL bytes, the first") +
        " at offset " + std::to_string(first_nul) + ")");
  }
  size_t controls = 0;
  for (char ch : head) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) {
      ++controls;
    }
  }
  const double fraction = static_cast<double>(controls) / static_cast<double>(head.size());
  if (fraction > max_control_fraction) {
    const int percent = static_cast<int>(std::lround(fraction * 100));
    return Status::InvalidArgument(std::string(name) + ": binary file (" + std::to_string(percent) +
                                   "% control bytes in the first " +
                                   (head.size() == kSniffBytes
                                        ? std::string("8 KiB")
                                        : std::to_string(head.size()) + " bytes") +
                                   ")");
  }
  return Status::OK();
}

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size() / 2 * 3 / 2 + 4);
  uint32_t pending = 0;
  ConvertUnits(bytes, big_endian, &pending, &out);
  if (pending != 0) text::internal::AppendUtf8(kReplacement, &out);
  if (bytes.size() % 2 == 1) text::internal::AppendUtf8(kReplacement, &out);
  return out;
}

StatusOr<std::string> DecodeToUtf8(std::string bytes, std::string_view name, Bom* bom_out) {
  const Bom bom = SniffBom(bytes);
  if (bom_out != nullptr) *bom_out = bom;
  switch (bom) {
    case Bom::kNone:
      return bytes;
    case Bom::kUtf8:
      bytes.erase(0, 3);
      return bytes;
    case Bom::kUtf16Le:
    case Bom::kUtf16Be:
      return Utf16ToUtf8(std::string_view(bytes).substr(2), bom == Bom::kUtf16Be);
    case Bom::kUtf32Le:
    case Bom::kUtf32Be:
      break;
  }
  return Status::Unsupported(std::string(name) +
                             ": UTF-32 text is not supported (convert it to UTF-8 first)");
}

StatusOr<std::unique_ptr<ByteStream>> OpenUtf8(PeekStream* source, std::string_view name) {
  StatusOr<std::string_view> head = source->Peek(4);
  if (!head.ok()) return head.status();
  const Bom bom = SniffBom(*head);
  std::unique_ptr<ByteStream> out;
  switch (bom) {
    case Bom::kNone:
      out = std::make_unique<SkipStream>(source, 0);
      break;
    case Bom::kUtf8:
      out = std::make_unique<SkipStream>(source, 3);
      break;
    case Bom::kUtf16Le:
    case Bom::kUtf16Be: {
      char skip[2];
      StatusOr<size_t> r = source->Read(skip, 2);
      if (!r.ok()) return r.status();
      out = std::make_unique<Utf16Stream>(source, bom == Bom::kUtf16Be);
      break;
    }
    case Bom::kUtf32Le:
    case Bom::kUtf32Be:
      return Status::Unsupported(std::string(name) +
                                 ": UTF-32 text is not supported (convert it to UTF-8 first)");
  }
  return out;
}

bool LooksLikeWindows1252(std::string_view bytes) {
  bool high = false;
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) continue;
    if (MultiByteAt(bytes, i) != 0) return false;  // some real UTF-8: repair, don't reinterpret
    if (c <= 0x9F && kCp1252High[c - 0x80] == 0) return false;
    high = true;
  }
  return high;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c <= 0x9F) {
      text::internal::AppendUtf8(kCp1252High[c - 0x80] != 0 ? kCp1252High[c - 0x80] : kReplacement,
                                 &out);
    } else {
      text::internal::AppendUtf8(c, &out);
    }
  }
  return out;
}

}  // namespace witness::ingest_internal
