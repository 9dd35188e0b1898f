// server/cache.h: finished responses, shared between worker threads, tagged with the
// database generation they were computed at.
//
// Usage:
//   ResponseCache cache(64 << 20);
//   StatusOr<ResponseCache::PayloadPtr> p = cache.Get("story:s3", generation,
//       [&](const ResponseCache::PayloadPtr& stale) -> StatusOr<ResponseCache::PayloadPtr> {
//         if (stale && stale->fingerprint == Current()) return stale;  // still right
//         return ResponseCache::MakePayload(Build(), fingerprint);
//       });
//
// Rules:
//   - An entry computed at generation g answers requests at g only; a request at another
//     generation calls `compute` with the old payload (`stale`), which may return it again
//     (revalidated: no copy, no new gzip) or a new one.
//   - One computation per key at a time. While it runs, requests for the key get the previous
//     payload when there is one (stale by at most that one computation: reads never queue
//     behind a rebuild), else wait for the computation and share its result (or its error).
//     Errors are never stored.
//   - Least recently used entries go when the bytes held (bodies + gzip forms + keys) exceed
//     the budget; a budget of 0 stores nothing (every request computes).
#ifndef WITNESS_SERVER_CACHE_H_
#define WITNESS_SERVER_CACHE_H_

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "witness/status.h"

namespace witness::server {

struct Payload {
  std::string body;         // the response body (JSON, or an asset's bytes)
  std::string gzip;         // the body gzip-compressed; empty when not worth it (small body)
  std::string etag;         // "\"<hash>\"" of the body
  std::string fingerprint;  // what the body was built from (the builder decides); may be ""
  size_t bytes() const { return body.size() + gzip.size() + etag.size() + fingerprint.size(); }
};

// A payload for `body`: its ETag, and its gzip form when the body is at least 1 KiB and
// compresses to less than 90% of it.
std::shared_ptr<const Payload> MakePayload(std::string body, std::string fingerprint = "");

class ResponseCache {
 public:
  using PayloadPtr = std::shared_ptr<const Payload>;
  using Compute = std::function<StatusOr<PayloadPtr>(const PayloadPtr& stale)>;

  explicit ResponseCache(size_t max_bytes);
  ~ResponseCache();

  StatusOr<PayloadPtr> Get(const std::string& key, uint64_t generation, const Compute& compute);

  struct Stats {
    uint64_t hits = 0;         // answered from a current entry
    uint64_t computed = 0;     // compute() called
    uint64_t revalidated = 0;  // compute() returned the stale payload
    uint64_t waited = 0;       // waited for another thread's computation
    uint64_t stale = 0;        // answered with the previous payload while it was recomputed
    uint64_t evicted = 0;
    size_t entries = 0;
    size_t bytes = 0;
  };
  Stats stats() const;

 private:
  struct Flight;
  struct Entry {
    PayloadPtr payload;
    uint64_t generation = 0;
    std::shared_ptr<Flight> flight;  // set while a thread computes this key
    std::list<std::string>::iterator lru;
  };
  void Store(const std::string& key, Entry* e, PayloadPtr payload, uint64_t generation);
  void Evict();

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> map_;
  std::list<std::string> lru_;  // most recent first
  size_t bytes_ = 0;
  Stats stats_;
};

}  // namespace witness::server

#endif  // WITNESS_SERVER_CACHE_H_
