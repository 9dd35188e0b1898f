#include "server/cache.h"

#include <xxhash.h>
#include <zlib.h>

#include <condition_variable>
#include <cstdio>
#include <optional>

namespace witness::server {

namespace {

std::string Gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return "";
  std::string out;
  out.resize(deflateBound(&z, data.size()) + 32);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  size_t produced = out.size() - z.avail_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return "";
  out.resize(produced);
  return out;
}

}  // namespace

std::shared_ptr<const Payload> MakePayload(std::string body, std::string fingerprint) {
  auto p = std::make_shared<Payload>();
  char etag[24];
  std::snprintf(etag, sizeof etag, "\"%016llx\"",
                static_cast<unsigned long long>(XXH3_64bits(body.data(), body.size())));
  p->etag = etag;
  if (body.size() >= 1024 && body.size() < (size_t{1} << 31)) {
    std::string z = Gzip(body);
    if (!z.empty() && z.size() * 10 < body.size() * 9) p->gzip = std::move(z);
  }
  p->body = std::move(body);
  p->fingerprint = std::move(fingerprint);
  return p;
}

struct ResponseCache::Flight {
  std::mutex mu;
  std::condition_variable cv;
  std::optional<StatusOr<PayloadPtr>> result;
};

ResponseCache::ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}
ResponseCache::~ResponseCache() = default;

StatusOr<ResponseCache::PayloadPtr> ResponseCache::Get(const std::string& key, uint64_t generation,
                                                       const Compute& compute) {
  auto run = [&](const PayloadPtr& stale) -> StatusOr<PayloadPtr> {
    try {
      StatusOr<PayloadPtr> r = compute(stale);
      if (r.ok() && *r == nullptr) return Status::Internal(key + ": no response was built");
      return r;
    } catch (const std::bad_alloc&) {
      return Status::ResourceExhausted(key + ": out of memory");
    } catch (const std::exception& e) {
      return Status::Internal(key + ": " + e.what());
    }
  };
  if (max_bytes_ == 0) {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.computed;
  }
  if (max_bytes_ == 0) return run(nullptr);

  std::shared_ptr<Flight> flight;
  PayloadPtr stale;
  bool mine = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(key);
    if (it != map_.end()) {
      Entry& e = it->second;
      lru_.splice(lru_.begin(), lru_, e.lru);
      if (e.payload && e.generation == generation) {
        ++stats_.hits;
        return e.payload;
      }
      if (e.flight && e.payload) {
        ++stats_.stale;  // another thread is bringing it up to date: answer with what we have
        return e.payload;
      }
      if (e.flight) {
        flight = e.flight;
        ++stats_.waited;
      } else {
        stale = e.payload;
        e.flight = flight = std::make_shared<Flight>();
        mine = true;
      }
    } else {
      lru_.push_front(key);
      Entry& e = map_[key];
      e.lru = lru_.begin();
      e.flight = flight = std::make_shared<Flight>();
      bytes_ += key.size();
      mine = true;
    }
  }
  if (!mine) {
    std::unique_lock<std::mutex> lock(flight->mu);
    flight->cv.wait(lock, [&] { return flight->result.has_value(); });
    return *flight->result;
  }

  StatusOr<PayloadPtr> result = run(stale);
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.computed;
    auto it = map_.find(key);  // entries being computed are never evicted
    Entry& e = it->second;
    e.flight.reset();
    if (result.ok()) {
      if (*result == stale) ++stats_.revalidated;
      Store(key, &e, *result, generation);
    } else if (!e.payload) {
      bytes_ -= key.size();
      lru_.erase(e.lru);
      map_.erase(it);
    }
  }
  {
    std::lock_guard<std::mutex> lock(flight->mu);
    flight->result = result;
  }
  flight->cv.notify_all();
  return result;
}

void ResponseCache::Store(const std::string& key, Entry* e, PayloadPtr payload,
                          uint64_t generation) {
  if (e->payload) bytes_ -= e->payload->bytes();
  e->payload = std::move(payload);
  e->generation = generation;
  bytes_ += e->payload->bytes();
  Evict();
}

void ResponseCache::Evict() {
  auto it = lru_.end();
  while (bytes_ > max_bytes_ && it != lru_.begin()) {
    --it;
    auto entry = map_.find(*it);
    if (entry->second.flight) continue;
    if (entry->second.payload) bytes_ -= entry->second.payload->bytes();
    bytes_ -= it->size();
    map_.erase(entry);
    it = lru_.erase(it);
    ++stats_.evicted;
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  Stats s = stats_;
  s.entries = map_.size();
  s.bytes = bytes_;
  return s;
}

}  // namespace witness::server
