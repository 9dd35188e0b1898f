// witness/status.h: how witness reports failure.
//
// Every fallible call in the public API returns a Status or a StatusOr<T>. Exceptions are
// reserved for bugs (broken invariants); a bad input is never a bug.
//
//   witness::StatusOr<std::unique_ptr<Store>> store = Store::Open("witness.db", {});
//   if (!store.ok()) { std::cerr << store.status().ToString() << "\n"; return 1; }
//   (*store)->...;
//
// Rules:
//   - A Status message is one line: it names the input (path, path:line, id) and the reason.
//   - ok() Status carries no message.
//   - StatusOr<T>::value() on a non-ok StatusOr is a bug and aborts.
#ifndef WITNESS_STATUS_H_
#define WITNESS_STATUS_H_

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace witness {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,    // the caller's input is malformed (bad JSON, binary file, ...)
    kNotFound,           // no such article, file or story
    kIoError,            // the operating system refused (unreadable path, disk full)
    kCorruption,         // stored data or a compressed stream is damaged
    kUnsupported,        // a format or version witness does not read
    kResourceExhausted,  // an input exceeds a configured limit
    kInternal,           // a dependency failed unexpectedly (SQLite, ICU)
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status ResourceExhausted(std::string msg) {
    return Status(Code::kResourceExhausted, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }
  // A Status of any code (kOk gives OK(), without the message).
  static Status FromCode(Code code, std::string msg) {
    return code == Code::kOk ? Status() : Status(code, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: a.jsonl:3: expected '}'"; "OK" when ok().
  std::string ToString() const;
  // The same Status with "context: " put before the message (no-op when ok()).
  Status Annotate(std::string_view context) const;
  // The same code with another message (no-op when ok()).
  Status WithMessage(std::string msg) const { return FromCode(code_, std::move(msg)); }

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a T or a non-ok Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(const Status& status) : status_(status) {  // NOLINT: implicit by design
    if (status_.ok()) std::abort();                   // an ok Status carries no value: a bug
  }
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & {
    Check();
    return *value_;
  }
  const T& value() const& {
    Check();
    return *value_;
  }
  T&& value() && {
    Check();
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Check() const {
    if (!status_.ok()) std::abort();
  }
  Status status_;
  std::optional<T> value_;
};

}  // namespace witness

// Returns early with the Status of `expr` when it is not ok.
#define WITNESS_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::witness::Status _witness_s = (expr);   \
    if (!_witness_s.ok()) return _witness_s; \
  } while (0)

#endif  // WITNESS_STATUS_H_
