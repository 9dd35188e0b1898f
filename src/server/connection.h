// server/connection.h: how witness serves one TCP connection (in place of cpp-httplib's own
// loop, which times each read but not a whole request, so a client that drips a byte every
// few seconds holds a worker for hours).
//
// Rules:
//   - A request must arrive at an average of at least `min_bytes_per_s` once its first
//     `read_timeout_ms` have passed (measured from its first byte); a read that waits longer
//     than `read_timeout_ms` for any data fails too. Either way the connection is closed. This
//     is the rule Apache's mod_reqtimeout applies: a slow but real client always passes, a
//     drip-feeding one is cut off after read_timeout + bytes / min rate.
//   - Bytes the client sent after a request (pipelining) are kept for the next request.
//   - A handler that answers without reading the request's body calls CloseAfterResponse():
//     the connection closes after that response instead of reading the body as a request.
//     So does a request that could not be parsed (see MarkRouted).
//   - Idle keep-alive connections wait up to keep_alive_timeout for the next request, and end
//     within 100 ms of the server stopping.
//   - Writes are gathered (up to 16 KiB) and sent before the stream next reads or waits, so a
//     response's headers and body usually leave in one system call.
#ifndef WITNESS_SERVER_CONNECTION_H_
#define WITNESS_SERVER_CONNECTION_H_

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <string>

namespace witness::server {

// Makes the connection that is being served on this thread close after its current response.
void CloseAfterResponse();
// Says the current request was parsed and reached routing. A request that never does (bad
// request line or headers: httplib answers 400, 414 ...) closes the connection: what follows
// it on the stream cannot be trusted to start a request.
void MarkRouted();

class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(socket_t sock, int read_timeout_ms, int write_timeout_ms, size_t min_bytes_per_s);

  // Starts the clock of a new request.
  void BeginRequest();
  // Waits up to `timeout_ms` for the next request's first byte; false on timeout, on error, or
  // once `server_socket` is closed (the server stopping). True at the end of the stream too
  // (the read then sees it).
  bool WaitForRequest(int timeout_ms, const std::atomic<socket_t>& server_socket);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

  // Milliseconds the current request may still wait for data (<= 0: its time is up).
  int ReadBudgetMs() const;
  // Sends what write() gathered; false when the client cannot take it in time.
  bool Flush();

 private:
  bool Wait(short events, int timeout_ms) const;
  // Sends `extra` after the gathered bytes, in as few calls as possible; true when all went.
  bool SendAll(const char* extra, size_t extra_size);

  socket_t sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  size_t min_bytes_per_s_;
  std::chrono::steady_clock::time_point start_;
  size_t received_ = 0;  // bytes of the current request read so far
  static constexpr size_t kGather = 16384;
  char buf_[16384];
  size_t pos_ = 0, end_ = 0;
  std::string out_;  // gathered writes not sent yet
  bool failed_ = false;
  std::string remote_ip_, local_ip_;
  int remote_port_ = 0, local_port_ = 0;
};

// cpp-httplib's server with witness's connection loop (ConnectionStream).
class HttpServer : public httplib::Server {
 public:
  struct Limits {
    int read_timeout_ms = 5000;
    int write_timeout_ms = 5000;
    size_t min_bytes_per_s = 1000;
  };
  void SetLimits(const Limits& limits) { limits_ = limits; }
  // Closes the listening socket when the server never ran (httplib closes it only when it
  // stops listening).
  void CloseUnused();

 private:
  bool process_and_close_socket(socket_t sock) override;
  Limits limits_;
};

}  // namespace witness::server

#endif  // WITNESS_SERVER_CONNECTION_H_
