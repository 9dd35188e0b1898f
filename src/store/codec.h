// store/codec.h: how article fields are encoded in the database.
//
//   - html and raw are stored as one zstd frame each (level 3), with the content size in the
//     frame header, so reading needs one allocation and one call.
//   - places and agencies are stored as JSON arrays of strings ("[]" when empty).
//   - times are ISO 8601 UTC with seconds: "2024-05-01T12:34:56Z".
#ifndef WITNESS_STORE_CODEC_H_
#define WITNESS_STORE_CODEC_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "witness/article.h"
#include "witness/status.h"

struct ZSTD_CCtx_s;
struct ZSTD_DCtx_s;

namespace witness::store {

// Largest blob content witness will decompress (a damaged frame header must not make it
// allocate gigabytes).
inline constexpr size_t kMaxBlobContentBytes = size_t{1} << 31;

// Reusable zstd contexts (one per Store; not thread-safe).
class Codec {
 public:
  Codec();
  ~Codec();
  Codec(const Codec&) = delete;
  Codec& operator=(const Codec&) = delete;

  // `in` as one zstd frame at level 3. Fails only when zstd does (out of memory).
  Status Compress(std::string_view in, std::string* out);
  // The content of one zstd frame written by Compress. A damaged frame, trailing bytes, a
  // missing or oversized content size: Corruption, with `what` ("article abc: html") leading
  // the message.
  Status Decompress(std::string_view frame, std::string_view what, std::string* out);

 private:
  ZSTD_CCtx_s* cctx_;
  ZSTD_DCtx_s* dctx_;
};

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or code points above
// U+10FFFF). A local check: the store must not depend on the text stage.
bool IsValidUtf8(std::string_view s);

// `items` as a compact JSON array of strings. Invalid UTF-8 inside an item is replaced by
// U+FFFD (JSON text must be UTF-8).
std::string EncodeStringArray(const std::vector<std::string>& items);
// The inverse: Corruption naming `what` when `json` is not an array of strings.
Status DecodeStringArray(std::string_view json, std::string_view what,
                         std::vector<std::string>* items);

// Removed boilerplate blocks as a JSON array of {"rule","reason","text"}, and the inverse
// (Corruption naming `what` when `json` is not such an array).
std::string EncodeRemovedBlocks(const std::vector<RemovedBlock>& blocks);
Status DecodeRemovedBlocks(std::string_view json, std::string_view what,
                           std::vector<RemovedBlock>* blocks);

// True when `json` parses as JSON (any value). Used for extra_json.
bool IsValidJson(std::string_view json);

// The current time, UTC, "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtcIso();

// True when `s` starts like an ISO 8601 date: "YYYY", "YYYY-MM", "YYYY-MM-DD", optionally
// followed by "T..." (the rest is not checked). Used to validate List's `since`.
bool LooksLikeIsoDate(std::string_view s);

}  // namespace witness::store

#endif  // WITNESS_STORE_CODEC_H_
