#include "server/connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace witness::server {

namespace {

thread_local bool t_close_after_response = false;
thread_local bool t_routed = false;

void Address(const sockaddr_storage& addr, std::string* ip, int* port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    *port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    *port = ntohs(a->sin6_port);
  }
  *ip = text;
}

}  // namespace

void CloseAfterResponse() { t_close_after_response = true; }
void MarkRouted() { t_routed = true; }

ConnectionStream::ConnectionStream(socket_t sock, int read_timeout_ms, int write_timeout_ms,
                                   size_t min_bytes_per_s)
    : sock_(sock),
      read_timeout_ms_(read_timeout_ms),
      write_timeout_ms_(write_timeout_ms),
      min_bytes_per_s_(std::max<size_t>(1, min_bytes_per_s)),
      start_(std::chrono::steady_clock::now()) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    Address(addr, &remote_ip_, &remote_port_);
  }
  len = sizeof addr;
  if (getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    Address(addr, &local_ip_, &local_port_);
  }
}

void ConnectionStream::BeginRequest() {
  start_ = std::chrono::steady_clock::now();
  received_ = 0;
}

int ConnectionStream::ReadBudgetMs() const {
  const double elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  const double allowed = read_timeout_ms_ + 1000.0 * static_cast<double>(received_) /
                                                static_cast<double>(min_bytes_per_s_);
  const double left = allowed - elapsed;
  if (left <= 0) return 0;
  return static_cast<int>(std::min<double>(left, read_timeout_ms_)) + 1;
}

bool ConnectionStream::Wait(short events, int timeout_ms) const {
  if (timeout_ms <= 0) return false;
  pollfd p{sock_, events, 0};
  for (;;) {
    int n = ::poll(&p, 1, timeout_ms);
    if (n > 0) return true;
    if (n == 0) return false;
    if (errno != EINTR) return false;
  }
}

bool ConnectionStream::WaitForRequest(int timeout_ms, const std::atomic<socket_t>& server_socket) {
  if (!Flush()) return false;
  if (pos_ < end_) return true;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (server_socket != INVALID_SOCKET) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) return false;
    pollfd p{sock_, POLLIN, 0};
    int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
    if (n > 0) return true;
    if (n < 0 && errno != EINTR) return false;
  }
  return false;
}

bool ConnectionStream::is_readable() const { return pos_ < end_ || Wait(POLLIN, ReadBudgetMs()); }

bool ConnectionStream::is_writable() const {
  return !failed_ && (out_.size() < kGather || Wait(POLLOUT, write_timeout_ms_));
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (size == 0) return 0;
  if (pos_ < end_) {
    size_t n = std::min(size, end_ - pos_);
    std::memcpy(ptr, buf_ + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  if (!Flush()) return -1;  // e.g. "100 Continue" must leave before the body can come
  for (;;) {
    // Large reads (a body) go straight to the caller; small ones (lines) through the buffer.
    const bool direct = size >= sizeof buf_;
    char* into = direct ? ptr : buf_;
    const size_t want = direct ? size : sizeof buf_;
    ssize_t n = ::recv(sock_, into, want, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!Wait(POLLIN, ReadBudgetMs())) return -1;  // no data in time, or too slow overall
      continue;
    }
    if (n <= 0) return n;  // 0: the client closed; -1: an error
    received_ += static_cast<size_t>(n);
    if (direct) return n;
    pos_ = 0;
    end_ = static_cast<size_t>(n);
    size_t k = std::min(size, end_);
    std::memcpy(ptr, buf_, k);
    pos_ = k;
    return static_cast<ssize_t>(k);
  }
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (failed_) return -1;
  if (out_.size() + size <= kGather) {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  return SendAll(ptr, size) ? static_cast<ssize_t>(size) : -1;
}

bool ConnectionStream::Flush() { return !failed_ && (out_.empty() || SendAll(nullptr, 0)); }

bool ConnectionStream::SendAll(const char* extra, size_t extra_size) {
  size_t head = 0;  // bytes of out_ sent
  size_t tail = 0;  // bytes of extra sent
  while (head < out_.size() || tail < extra_size) {
    iovec iov[2];
    int count = 0;
    if (head < out_.size()) iov[count++] = {out_.data() + head, out_.size() - head};
    if (tail < extra_size) iov[count++] = {const_cast<char*>(extra) + tail, extra_size - tail};
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = static_cast<size_t>(count);
    ssize_t n = ::sendmsg(sock_, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      if ((errno == EAGAIN || errno == EWOULDBLOCK) && Wait(POLLOUT, write_timeout_ms_)) continue;
      failed_ = true;
      return false;
    }
    size_t sent = static_cast<size_t>(n);
    size_t from_head = std::min(sent, out_.size() - head);
    head += from_head;
    tail += sent - from_head;
  }
  out_.clear();
  return true;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remote_ip_;
  port = remote_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = local_ip_;
  port = local_port_;
}

void HttpServer::CloseUnused() {
  if (is_running()) return;
  socket_t s = svr_sock_.exchange(INVALID_SOCKET);
  if (s != INVALID_SOCKET) ::close(s);
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  bool ret = false;
  {
    ConnectionStream strm(sock, limits_.read_timeout_ms, limits_.write_timeout_ms,
                          limits_.min_bytes_per_s);
    size_t count = std::max<size_t>(1, keep_alive_max_count_);
    const int idle_ms = static_cast<int>(keep_alive_timeout_sec_ * 1000);
    // The first request may take the read timeout to start; later ones the keep-alive time.
    int wait_ms = limits_.read_timeout_ms;
    while (count > 0 && strm.WaitForRequest(wait_ms, svr_sock_)) {
      strm.BeginRequest();
      t_close_after_response = false;
      t_routed = false;
      bool connection_closed = false;
      ret = process_request(strm, count == 1, connection_closed, nullptr);
      if (!ret || connection_closed || t_close_after_response || !t_routed) break;
      --count;
      wait_ms = idle_ms;
    }
    strm.Flush();  // the last response
    t_close_after_response = false;
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace witness::server
