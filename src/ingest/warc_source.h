// The bytes under a WARC reader: plain input as it comes, or gzip input inflated member by
// member, with a sliding window the record parser looks into, and the input offset of every
// position (for messages and record offsets).
#ifndef WITNESS_SRC_INGEST_WARC_SOURCE_H_
#define WITNESS_SRC_INGEST_WARC_SOURCE_H_

#include <zlib.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "witness/status.h"
#include "witness/warc.h"

namespace witness::warc {

class WarcSource {
 public:
  WarcSource(ReadFn read);
  ~WarcSource();
  WarcSource(const WarcSource&) = delete;
  WarcSource& operator=(const WarcSource&) = delete;

  // Makes at least `n` bytes available in window() unless the input ends first: when it returns
  // OK, window().size() >= n or at_end() holds, so a caller's loop always advances. A non-ok
  // Status reports damaged input: a read error, or (gzip) a corrupt or truncated member, or
  // garbage between members. After a damaged member its output is dropped from the window and
  // the source has moved on to the next member: the caller starts over at window().
  Status Ensure(size_t n);
  // The bytes available now, from the current position.
  std::string_view window() const { return std::string_view(buf_).substr(start_); }
  void Consume(size_t n);
  // True when the input has ended and the window holds everything left.
  bool at_end() const;

  // The position of window()[0] in the decoded stream.
  uint64_t position() const { return base_ + start_; }
  // The input offset of the decoded position `pos` (>= position() of any earlier call):
  // the byte offset in plain input, the offset of the gzip member holding it otherwise.
  uint64_t InputOffset(uint64_t pos) const;
  // How far into its gzip member's output `pos` lies (0 for plain input).
  uint64_t OffsetInMember(uint64_t pos) const;
  // FormatOffset of `pos`: "1234", or "1234+560" inside a gzip member.
  std::string Location(uint64_t pos) const;

  // gzip: if a member is open, inflates until it ends or the window holds `n` bytes. With `n` a
  // little past the end of a record, a record that ends its member is checked (CRC, length)
  // before it is handed out, while one followed by more records of the same member (a whole
  // archive in one member) is not held back by damage further on.
  Status FinishMember(size_t n);
  bool compressed() const { return gzip_; }
  uint64_t bytes_read() const { return raw_offset_ + raw_pos_; }
  // Drops everything in the window (after an error the caller cannot use it).
  void DropWindow() { Consume(window().size()); }

 private:
  Status Detect();   // reads the first bytes, decides plain or gzip
  Status ReadRaw();  // appends up to 64 KiB of input to raw_
  Status FillPlain(size_t n);
  Status InflateStep();  // one step of gzip decoding (opens members as needed)
  Status StartMember();  // at a member boundary: finds the next gzip header
  Status DamagedMember(const std::string& why);
  size_t raw_left() const { return raw_.size() - raw_pos_; }

  ReadFn read_;
  bool detected_ = false;
  bool gzip_ = false;
  bool eof_ = false;  // the raw input has ended
  // Raw input not yet consumed: raw_[raw_pos_...]; raw_offset_ is the input offset of raw_[0].
  std::string raw_;
  size_t raw_pos_ = 0;
  uint64_t raw_offset_ = 0;
  // Decoded output: buf_[start_...] is the window; base_ is the decoded position of buf_[0].
  std::string buf_;
  size_t start_ = 0;
  uint64_t base_ = 0;
  // gzip state.
  z_stream z_{};
  bool z_init_ = false;
  bool in_member_ = false;
  uint64_t member_offset_ = 0;     // input offset of the open member
  uint64_t member_out_start_ = 0;  // decoded position where it began
  struct Member {
    uint64_t out_start;  // decoded position
    uint64_t input_offset;
  };
  std::deque<Member> members_;                 // recent member starts, for InputOffset()
  const Member* MemberAt(uint64_t pos) const;  // the member holding `pos`; null if none
};

}  // namespace witness::warc

#endif  // WITNESS_SRC_INGEST_WARC_SOURCE_H_
