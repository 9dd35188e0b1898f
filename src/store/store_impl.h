// store/store_impl.h: Store's private state, shared by store.cc, store_runs.cc, store_check.cc.
#ifndef WITNESS_STORE_STORE_IMPL_H_
#define WITNESS_STORE_STORE_IMPL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "store/codec.h"
#include "store/sqlite.h"
#include "witness/store.h"

namespace witness {

struct Store::Impl {
  std::unique_ptr<store::Db> db;
  store::Codec codec;
  std::string path;
  bool read_only = false;
  int schema_version = 0;
  std::optional<int64_t> active_run;

  // InvalidArgument when the Store was opened read-only; `what` names the refused call.
  Status CheckWritable(std::string_view what) const {
    if (!read_only) return Status::OK();
    return Status::InvalidArgument(path + ": " + std::string(what) +
                                   ": the database was opened read-only");
  }
};

namespace store {

// articles.raw_same_as: where raw's bytes live.
inline constexpr int64_t kRawOwn = 0;     // the raw column (NULL when raw is empty)
inline constexpr int64_t kRawIsText = 1;  // raw == text
inline constexpr int64_t kRawIsHtml = 2;  // raw == html

// The columns SELECTed to rebuild a whole Article, in ReadArticle's order.
inline constexpr const char* kArticleColumns =
    "id, source, url, title, published, language, places, agencies, author, content_type, "
    "text, html, raw, raw_same_as, extra_json, origin, word_count, boilerplate";

// How many columns kArticleColumns names; queries that select more put theirs after these.
inline constexpr int kArticleColumnCount = 18;

// Rebuilds the Article at the current row of `st` (which selected kArticleColumns first).
Status ReadArticle(const Statement& st, Codec* codec, const std::string& db_path, Article* out);

// Writes `update` (store.h AnalysisUpdate) inside the caller's transaction.
Status WriteAnalysis(Db* db, Codec* codec, const AnalysisUpdate& update);

}  // namespace store
}  // namespace witness

#endif  // WITNESS_STORE_STORE_IMPL_H_
