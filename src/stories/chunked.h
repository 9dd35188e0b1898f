// ChunkedVector: an append-only array in fixed-size chunks. Growing it never copies what is
// there (a std::vector of a million articles' vectors would copy half a gigabyte at each
// doubling, a multi-second stall), and it holds at most one partly used chunk of slack.
// Elements never move, so pointers into it stay valid. AppendRun() keeps a run of elements in
// one chunk (padding the rest of the current one), so the run can be read through a pointer.
#ifndef WITNESS_STORIES_CHUNKED_H_
#define WITNESS_STORIES_CHUNKED_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace witness::stories::internal {

template <typename T, int kChunkBits>
class ChunkedVector {
 public:
  static constexpr size_t kChunk = size_t{1} << kChunkBits;
  static constexpr size_t kMask = kChunk - 1;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return chunks_[i >> kChunkBits][i & kMask]; }
  const T& operator[](size_t i) const { return chunks_[i >> kChunkBits][i & kMask]; }
  T& back() { return (*this)[size_ - 1]; }
  size_t MemoryBytes() const {
    return chunks_.size() * kChunk * sizeof(T) + chunks_.capacity() * sizeof(chunks_[0]);
  }

  void push_back(const T& v) {
    if ((size_ & kMask) == 0 && (size_ >> kChunkBits) == chunks_.size()) Grow();
    (*this)[size_++] = v;
  }

  // Appends n elements (n <= kChunk) contiguously; returns the index of the first. When the
  // current chunk has less room, its rest is filled with T{} and the run starts a new chunk.
  size_t AppendRun(const T* p, size_t n) {
    if (n == 0) return size_;
    if ((size_ & kMask) + n > kChunk && (size_ & kMask) != 0) {
      while ((size_ & kMask) != 0) push_back(T{});
    }
    const size_t first = size_;
    for (size_t i = 0; i < n; ++i) push_back(p[i]);
    return first;
  }
  // A pointer to the run [i, i + n) appended by AppendRun.
  const T* Run(size_t i) const { return &(*this)[i]; }
  // True when [i, i + n) lies in one chunk (a run AppendRun could have made).
  static bool OneChunk(size_t i, size_t n) {
    return n == 0 || (i >> kChunkBits) == ((i + n - 1) >> kChunkBits);
  }

  // Appends n elements with no contiguity requirement (bulk loading).
  void Append(const T* p, size_t n) {
    for (size_t i = 0; i < n; ++i) push_back(p[i]);
  }
  // Calls f(pointer, count) for each used stretch, in order.
  template <typename F>
  void ForEachSpan(F&& f) const {
    for (size_t c = 0; c * kChunk < size_; ++c)
      f(chunks_[c].get(), std::min(kChunk, size_ - c * kChunk));
  }

  void resize(size_t n) {
    while (chunks_.size() * kChunk < n) Grow();
    for (size_t i = size_; i < n; ++i) (*this)[i] = T{};
    size_ = n;
  }
  void clear() {
    chunks_.clear();
    size_ = 0;
  }

 private:
  void Grow() { chunks_.emplace_back(new T[kChunk]()); }

  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace witness::stories::internal

#endif  // WITNESS_STORIES_CHUNKED_H_
