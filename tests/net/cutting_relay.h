// A loopback TCP relay for tests that breaks rehearsal uploads mid-chunk (header-only: used
// by rehearsal_tests and by the examready-cutting-relay tool of the end-to-end test).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string_view>
#include <thread>
#include <vector>

namespace examready::testing {

inline void reset_close(int fd) {
  linger off{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof(off));
  ::close(fd);
}

// Forwards loopback TCP to `target_port`. Counts the upstream bytes of connections that carry
// rehearsal chunks (a read starting "PUT /v1/probe/rehearsal/" marks one) and resets both ends
// of the connection each time that count reaches the next of `cuts`. Other traffic (the
// network check's measurement) passes untouched. Runs at most 60 s.
class CuttingRelay {
 public:
  CuttingRelay(int target_port, std::vector<std::uint64_t> cuts)
      : target_port_(target_port), cuts_(std::move(cuts)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    ::listen(listen_fd_, 16);
    socklen_t len = sizeof(addr);
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    thread_ = std::thread([this] { loop(); });
  }
  ~CuttingRelay() {
    stop_ = true;
    thread_.join();
    for (auto& p : pairs_) {
      ::close(p.client);
      ::close(p.server);
    }
    ::close(listen_fd_);
  }
  int port = 0;
  std::atomic<int> cuts_made{0};

 private:
  struct Pair {
    int client, server;
    bool rehearsal = false;
  };

  int connect_target() const {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(target_port_));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(fd);
      return -1;
    }
    return fd;
  }

  // Blocking write of all of `n` (loopback: never waits long).
  static bool write_all(int fd, const char* data, ssize_t n) {
    while (n > 0) {
      const ssize_t w = ::send(fd, data, static_cast<std::size_t>(n), MSG_NOSIGNAL);
      if (w <= 0) return false;
      data += w;
      n -= w;
    }
    return true;
  }

  void loop() {
    std::vector<char> buffer(64 << 10);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!stop_ && std::chrono::steady_clock::now() < give_up) {
      std::vector<pollfd> fds{{listen_fd_, POLLIN, 0}};
      for (const auto& p : pairs_) {
        fds.push_back({p.client, POLLIN, 0});
        fds.push_back({p.server, POLLIN, 0});
      }
      if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
      if (fds[0].revents & POLLIN) {
        const int c = ::accept(listen_fd_, nullptr, nullptr);
        const int s = c >= 0 ? connect_target() : -1;
        if (s >= 0) {
          pairs_.push_back({c, s, false});
        } else if (c >= 0) {
          ::close(c);
        }
      }
      std::vector<Pair> alive;  // pairs_[i] was polled at fds[1 + 2i] and fds[2 + 2i]
      for (std::size_t i = 0; i < fds.size() / 2 && i < pairs_.size(); ++i) {
        Pair p = pairs_[i];
        bool open = true;
        if (fds[1 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR)) {
          const ssize_t n = ::recv(p.client, buffer.data(), buffer.size(), 0);
          open = n > 0 && write_all(p.server, buffer.data(), n);
          static constexpr std::string_view kPut = "PUT /v1/probe/rehearsal/";
          if (open &&
              std::string_view(buffer.data(), static_cast<std::size_t>(n)).substr(0, kPut.size()) ==
                  kPut)
            p.rehearsal = true;
          if (open && p.rehearsal) upstream_ += static_cast<std::uint64_t>(n);
          if (open && p.rehearsal && next_cut_ < cuts_.size() && upstream_ >= cuts_[next_cut_]) {
            ++next_cut_;
            ++cuts_made;
            open = false;
          }
        }
        if (open && (fds[2 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR))) {
          const ssize_t n = ::recv(p.server, buffer.data(), buffer.size(), 0);
          open = n > 0 && write_all(p.client, buffer.data(), n);
        }
        if (open) {
          alive.push_back(p);
        } else {
          reset_close(p.client);
          reset_close(p.server);
        }
      }
      // Pairs accepted in this round were not polled yet: keep them.
      for (std::size_t i = fds.size() / 2; i < pairs_.size(); ++i) alive.push_back(pairs_[i]);
      pairs_ = std::move(alive);
    }
  }

  int target_port_;
  std::vector<std::uint64_t> cuts_;
  std::size_t next_cut_ = 0;
  std::uint64_t upstream_ = 0;
  int listen_fd_ = -1;
  std::vector<Pair> pairs_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace examready::testing
