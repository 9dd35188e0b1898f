// Store: the ingest journal (table `runs`).
#include <limits>

#include "store/codec.h"
#include "store/sqlite.h"
#include "store/store_impl.h"
#include "witness/store.h"

namespace witness {

using store::CachedStatement;
using store::Statement;

namespace {

constexpr const char* kRunColumns =
    "id, inputs, started_at, finished_at, added, unchanged, rejected";

Status ReadRun(const Statement& st, const std::string& path, IngestRun* run) {
  run->id = st.ColumnInt64(0);
  WITNESS_RETURN_IF_ERROR(store::DecodeStringArray(
      st.ColumnText(1), path + ": run " + std::to_string(run->id) + ": inputs", &run->inputs));
  run->started_at = st.ColumnText(2);
  run->finished_at = st.ColumnText(3);  // NULL reads as ""
  auto count = [&](int col) -> uint64_t {
    int64_t v = st.ColumnInt64(col);
    return v < 0 ? 0 : static_cast<uint64_t>(v);
  };
  run->added = count(4);
  run->unchanged = count(5);
  run->rejected = count(6);
  return Status::OK();
}

Status CheckCount(const std::string& path, const char* name, uint64_t v) {
  if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return Status::OK();
  return Status::InvalidArgument(path + ": finish run: " + name + " count " + std::to_string(v) +
                                 " is out of range");
}

}  // namespace

StatusOr<int64_t> Store::BeginRun(const std::vector<std::string>& inputs) {
  WITNESS_RETURN_IF_ERROR(impl_->CheckWritable("begin run"));
  if (impl_->active_run) {
    return Status::InvalidArgument(impl_->path + ": begin run: run " +
                                   std::to_string(*impl_->active_run) +
                                   " is still active on this store; finish it first");
  }
  StatusOr<CachedStatement> st =
      impl_->db->Cached("INSERT INTO runs(inputs, started_at) VALUES (?1, ?2)", "begin run");
  if (!st.ok()) return st.status();
  WITNESS_RETURN_IF_ERROR((*st)->BindText(1, store::EncodeStringArray(inputs)));
  WITNESS_RETURN_IF_ERROR((*st)->BindText(2, store::NowUtcIso()));
  WITNESS_RETURN_IF_ERROR((*st)->Run());
  impl_->active_run = impl_->db->LastInsertRowId();
  return *impl_->active_run;
}

Status Store::FinishRun(int64_t run_id, uint64_t added, uint64_t unchanged, uint64_t rejected) {
  WITNESS_RETURN_IF_ERROR(impl_->CheckWritable("finish run"));
  WITNESS_RETURN_IF_ERROR(CheckCount(impl_->path, "added", added));
  WITNESS_RETURN_IF_ERROR(CheckCount(impl_->path, "unchanged", unchanged));
  WITNESS_RETURN_IF_ERROR(CheckCount(impl_->path, "rejected", rejected));
  store::Db* db = impl_->db.get();
  {
    StatusOr<CachedStatement> st = db->Cached(
        "UPDATE runs SET finished_at = ?1, added = ?2, unchanged = ?3, rejected = ?4 "
        "WHERE id = ?5 AND finished_at IS NULL",
        "finish run");
    if (!st.ok()) return st.status();
    WITNESS_RETURN_IF_ERROR((*st)->BindText(1, store::NowUtcIso()));
    WITNESS_RETURN_IF_ERROR((*st)->BindInt64(2, static_cast<int64_t>(added)));
    WITNESS_RETURN_IF_ERROR((*st)->BindInt64(3, static_cast<int64_t>(unchanged)));
    WITNESS_RETURN_IF_ERROR((*st)->BindInt64(4, static_cast<int64_t>(rejected)));
    WITNESS_RETURN_IF_ERROR((*st)->BindInt64(5, run_id));
    WITNESS_RETURN_IF_ERROR((*st)->Run());
  }
  if (db->Changes() == 0) {
    StatusOr<CachedStatement> exists =
        db->Cached("SELECT finished_at FROM runs WHERE id = ?1", "finish run");
    if (!exists.ok()) return exists.status();
    WITNESS_RETURN_IF_ERROR((*exists)->BindInt64(1, run_id));
    StatusOr<bool> row = (*exists)->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      return Status::NotFound(impl_->path + ": finish run: no run " + std::to_string(run_id));
    }
    return Status::InvalidArgument(impl_->path + ": finish run: run " + std::to_string(run_id) +
                                   " already finished at " + std::string((*exists)->ColumnText(0)));
  }
  if (impl_->active_run == run_id) impl_->active_run.reset();
  return Status::OK();
}

StatusOr<std::optional<IngestRun>> Store::LastUnfinishedRun() {
  StatusOr<CachedStatement> st = impl_->db->Cached(
      std::string("SELECT ") + kRunColumns +
          " FROM runs WHERE finished_at IS NULL AND id IS NOT ?1 ORDER BY id DESC LIMIT 1",
      "find unfinished run");
  if (!st.ok()) return st.status();
  if (impl_->active_run) WITNESS_RETURN_IF_ERROR((*st)->BindInt64(1, *impl_->active_run));
  StatusOr<bool> row = (*st)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<IngestRun>();
  IngestRun run;
  WITNESS_RETURN_IF_ERROR(ReadRun(**st, impl_->path, &run));
  return std::optional<IngestRun>(std::move(run));
}

StatusOr<std::vector<IngestRun>> Store::ListRuns(uint64_t limit) {
  StatusOr<CachedStatement> st = impl_->db->Cached(
      std::string("SELECT ") + kRunColumns + " FROM runs ORDER BY id DESC LIMIT ?1", "list runs");
  if (!st.ok()) return st.status();
  int64_t n = limit == 0 || limit > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
                  ? -1
                  : static_cast<int64_t>(limit);
  WITNESS_RETURN_IF_ERROR((*st)->BindInt64(1, n));
  std::vector<IngestRun> runs;
  while (true) {
    StatusOr<bool> row = (*st)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    IngestRun run;
    WITNESS_RETURN_IF_ERROR(ReadRun(**st, impl_->path, &run));
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace witness
