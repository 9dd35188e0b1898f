#include "ingest/warc_source.h"

#include <algorithm>
#include <cstring>

namespace witness::warc {
namespace {

constexpr size_t kChunk = 64 * 1024;
// While a gzip member is open, its raw bytes are kept (so that after damage the next member
// can be searched from just past its start) up to this much; beyond, they are let go.
constexpr size_t kKeepMemberBytes = 4u << 20;

bool IsGzipHeader(std::string_view s) {
  return s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0x1f &&
         static_cast<unsigned char>(s[1]) == 0x8b && static_cast<unsigned char>(s[2]) == 0x08;
}

}  // namespace

WarcSource::WarcSource(ReadFn read) : read_(std::move(read)) {}

WarcSource::~WarcSource() {
  if (z_init_) inflateEnd(&z_);
}

bool WarcSource::at_end() const {
  // Plain input never leaves bytes in raw_ (Detect hands them to the window), so the end of
  // the input is the end; gzip input still has to drain raw_ and close the open member.
  return eof_ && (!gzip_ || (!in_member_ && raw_left() == 0));
}

Status WarcSource::ReadRaw() {
  if (eof_) return Status::OK();
  // Let go of consumed raw bytes, keeping the open member's start when it is near.
  size_t keep_from = raw_pos_;
  if (gzip_ && in_member_ && member_offset_ >= raw_offset_ &&
      raw_pos_ - (member_offset_ - raw_offset_) <= kKeepMemberBytes) {
    keep_from = static_cast<size_t>(member_offset_ - raw_offset_);
  }
  if (keep_from > 0 && keep_from >= raw_.size() / 2) {
    raw_.erase(0, keep_from);
    raw_offset_ += keep_from;
    raw_pos_ -= keep_from;
  }
  size_t old = raw_.size();
  raw_.resize(old + kChunk);
  StatusOr<size_t> got = read_(raw_.data() + old, kChunk);
  if (!got.ok()) {
    raw_.resize(old);
    eof_ = true;  // a failed read ends the input
    return got.status();
  }
  size_t n = std::min(*got, kChunk);
  raw_.resize(old + n);
  if (n == 0) eof_ = true;
  return Status::OK();
}

Status WarcSource::Detect() {
  detected_ = true;
  // The first bytes decide plain or gzip. A read error still lets the bytes read before it
  // through: they must reach the window, or plain input would sit in raw_ forever, the window
  // empty and at_end() never true (the hang fuzz.stream_fuzz found on a cut zstd stream).
  Status read;
  while (raw_left() < 3 && !eof_ && read.ok()) read = ReadRaw();
  gzip_ = raw_left() >= 2 && static_cast<unsigned char>(raw_[raw_pos_]) == 0x1f &&
          static_cast<unsigned char>(raw_[raw_pos_ + 1]) == 0x8b;
  if (!gzip_) {
    buf_.assign(raw_, raw_pos_);
    raw_offset_ += raw_.size();
    raw_.clear();
    raw_pos_ = 0;
    return read;
  }
  if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
    // Nothing can be decoded: end the input here rather than inflate with no decoder.
    eof_ = true;
    raw_pos_ = raw_.size();
    return Status::ResourceExhausted("cannot start the gzip decoder (out of memory?)");
  }
  z_init_ = true;
  return read;
}

Status WarcSource::Ensure(size_t n) {
  if (!detected_) WITNESS_RETURN_IF_ERROR(Detect());
  if (!gzip_) {
    WITNESS_RETURN_IF_ERROR(FillPlain(n));
  } else {
    while (window().size() < n && !at_end()) WITNESS_RETURN_IF_ERROR(InflateStep());
  }
  // Every caller relies on this: either the bytes are there or the input is over.
  if (window().size() < n && !at_end()) {
    eof_ = true;
    in_member_ = false;
    raw_pos_ = raw_.size();
    return Status::Internal("offset " + Location(position()) +
                            ": the WARC reader made no progress (a bug); the rest was not read");
  }
  return Status::OK();
}

Status WarcSource::FillPlain(size_t n) {
  while (window().size() < n && !eof_) {
    if (start_ > 0 && start_ >= buf_.size() / 2) {
      buf_.erase(0, start_);
      base_ += start_;
      start_ = 0;
    }
    size_t want = std::max(kChunk, n - window().size());
    size_t old = buf_.size();
    buf_.resize(old + want);
    StatusOr<size_t> got = read_(buf_.data() + old, want);
    if (!got.ok()) {
      buf_.resize(old);
      eof_ = true;
      return got.status();
    }
    size_t k = std::min(*got, want);
    buf_.resize(old + k);
    raw_offset_ += k;
    if (k == 0) eof_ = true;
  }
  return Status::OK();
}

Status WarcSource::StartMember() {
  while (raw_left() < 10 && !eof_) WITNESS_RETURN_IF_ERROR(ReadRaw());
  if (raw_left() == 0) return Status::OK();  // the end
  std::string_view rest = std::string_view(raw_).substr(raw_pos_);
  if (IsGzipHeader(rest)) {
    inflateReset(&z_);
    in_member_ = true;
    member_offset_ = raw_offset_ + raw_pos_;
    member_out_start_ = base_ + buf_.size();
    members_.push_back({member_out_start_, member_offset_});
    return Status::OK();
  }
  // Not a member: skip to the next gzip header.
  uint64_t from = raw_offset_ + raw_pos_;
  uint64_t skipped = 0;
  for (;;) {
    rest = std::string_view(raw_).substr(raw_pos_);
    size_t found = std::string_view::npos;
    for (size_t i = 1; i + 2 < rest.size() + 0 && found == std::string_view::npos; ++i) {
      if (IsGzipHeader(rest.substr(i))) found = i;
    }
    if (found != std::string_view::npos) {
      raw_pos_ += found;
      skipped += found;
      break;
    }
    // Keep the last two bytes: a header may straddle the next read.
    size_t drop = rest.size() > 2 ? rest.size() - 2 : 0;
    if (eof_) drop = rest.size();
    raw_pos_ += drop;
    skipped += drop;
    if (eof_) break;
    WITNESS_RETURN_IF_ERROR(ReadRaw());
  }
  return Status::Corruption("offset " + std::to_string(from) + ": " + std::to_string(skipped) +
                            (skipped == 1 ? " byte" : " bytes") +
                            " that are not a gzip member skipped");
}

Status WarcSource::DamagedMember(const std::string& why) {
  // Drop what the member produced (whatever the caller has not consumed yet).
  uint64_t window_pos = base_ + start_;
  uint64_t cut = std::max(window_pos, member_out_start_);
  buf_.resize(static_cast<size_t>(cut - base_));
  // Named by where the lost output begins: the member, and how far into it the record the
  // caller was reading starts (two reports from one member never share a location).
  const std::string at = FormatOffset(member_offset_, cut - member_out_start_);
  in_member_ = false;
  // Look for the next member from just past this one's start, when those bytes are still
  // here; otherwise from where decoding stopped.
  if (member_offset_ + 1 >= raw_offset_ && member_offset_ + 1 - raw_offset_ <= raw_.size()) {
    raw_pos_ = static_cast<size_t>(member_offset_ + 1 - raw_offset_);
  }
  // Scan to the next header now, so that progress is certain.
  std::string_view rest = std::string_view(raw_).substr(raw_pos_);
  for (;;) {
    size_t found = std::string_view::npos;
    for (size_t i = 0; i + 2 < rest.size(); ++i) {
      if (IsGzipHeader(rest.substr(i))) {
        found = i;
        break;
      }
    }
    if (found != std::string_view::npos) {
      raw_pos_ += found;
      break;
    }
    size_t drop = rest.size() > 2 && !eof_ ? rest.size() - 2 : rest.size();
    raw_pos_ += drop;
    if (eof_) break;
    Status s = ReadRaw();
    if (!s.ok()) break;
    rest = std::string_view(raw_).substr(raw_pos_);
  }
  return Status::Corruption("offset " + at + ": " + why);
}

Status WarcSource::InflateStep() {
  if (!in_member_) return StartMember();
  if (raw_left() == 0) {
    if (eof_) return DamagedMember("truncated gzip member");
    return ReadRaw();
  }
  if (start_ > 0 && start_ >= buf_.size() / 2 && start_ >= kChunk) {
    buf_.erase(0, start_);
    base_ += start_;
    start_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kChunk);
  z_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
  z_.avail_in = static_cast<uInt>(std::min<size_t>(raw_left(), UINT32_MAX));
  z_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old);
  z_.avail_out = static_cast<uInt>(kChunk);
  uInt before_in = z_.avail_in;
  int ret = inflate(&z_, Z_NO_FLUSH);
  buf_.resize(old + (kChunk - z_.avail_out));
  raw_pos_ += before_in - z_.avail_in;
  if (ret == Z_STREAM_END) {
    in_member_ = false;
    return Status::OK();
  }
  if (ret == Z_OK) return Status::OK();
  if (ret == Z_BUF_ERROR) {  // no progress possible: needs more input
    if (eof_) return DamagedMember("truncated gzip member");
    return ReadRaw();
  }
  return DamagedMember(std::string("corrupt gzip member: ") + (z_.msg ? z_.msg : "inflate error"));
}

Status WarcSource::FinishMember(size_t n) {
  if (!gzip_) return Status::OK();
  while (in_member_ && window().size() < n) WITNESS_RETURN_IF_ERROR(InflateStep());
  return Status::OK();
}

void WarcSource::Consume(size_t n) {
  start_ += std::min(n, buf_.size() - start_);
  uint64_t pos = base_ + start_;
  while (members_.size() > 1 && members_[1].out_start <= pos) members_.pop_front();
}

const WarcSource::Member* WarcSource::MemberAt(uint64_t pos) const {
  const Member* found = members_.empty() ? nullptr : &members_.front();
  for (const Member& m : members_) {
    if (m.out_start <= pos) found = &m;
  }
  return found;
}

uint64_t WarcSource::InputOffset(uint64_t pos) const {
  if (!gzip_) return pos;
  const Member* m = MemberAt(pos);
  return m == nullptr ? 0 : m->input_offset;
}

uint64_t WarcSource::OffsetInMember(uint64_t pos) const {
  if (!gzip_) return 0;
  const Member* m = MemberAt(pos);
  return m == nullptr || pos < m->out_start ? 0 : pos - m->out_start;
}

std::string WarcSource::Location(uint64_t pos) const {
  return FormatOffset(InputOffset(pos), OffsetInMember(pos));
}

}  // namespace witness::warc
