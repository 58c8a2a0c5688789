// The upload rehearsal client against the real endpoints on loopback, through a TCP relay
// that breaks the connection mid-chunk: the upload must resume and still total exactly.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "probe/network_rehearsal.h"
#include "server/probe/probe_endpoints.h"

using namespace examready;

namespace {

struct RunningServer {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  explicit RunningServer(const server::ProbeEndpointOptions& options) {
    server.new_task_queue = [] { return new httplib::ThreadPool(8); };
    server::register_probe_endpoints(server, options);
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    for (int i = 0; i < 500 && !server.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~RunningServer() {
    server.stop();
    thread.join();
  }
};

void reset_close(int fd) {
  linger off{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof(off));
  ::close(fd);
}

// Forwards loopback TCP to `target_port`; resets both ends of a connection each time the
// upstream bytes it has forwarded reach the next of `cuts` (cumulative over all connections).
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
          pairs_.push_back({c, s});
        } else if (c >= 0) {
          ::close(c);
        }
      }
      std::vector<Pair> alive;
      for (std::size_t i = 0; i < fds.size() / 2 && i < pairs_.size(); ++i) {
        Pair p = pairs_[i];
        bool open = true;
        if (fds[1 + 2 * i].revents & (POLLIN | POLLHUP | POLLERR)) {
          const ssize_t n = ::recv(p.client, buffer.data(), buffer.size(), 0);
          open = n > 0 && write_all(p.server, buffer.data(), n);
          if (open) upstream_ += static_cast<std::uint64_t>(n);
          if (open && next_cut_ < cuts_.size() && upstream_ >= cuts_[next_cut_]) {
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

probe::net::RehearsalPlan plan_for(int port, std::uint64_t bytes) {
  probe::net::RehearsalPlan plan;
  plan.server_url = "http://127.0.0.1:" + std::to_string(port);
  plan.bytes = bytes;
  plan.budget = std::chrono::seconds(15);
  return plan;
}

}  // namespace

TEST_CASE("sizes parse strictly") {
  using probe::net::parse_size;
  CHECK(parse_size("500MB") == 500'000'000u);
  CHECK(parse_size("2GB") == 2'000'000'000u);
  CHECK(parse_size("1.5GiB") == 1'610'612'736u);
  CHECK(parse_size("64KiB") == 65536u);
  CHECK(parse_size("4GiB") == 4ull << 30);
  CHECK(parse_size("12345") == 12345u);
  CHECK(parse_size("12345B") == 12345u);
  for (const char* bad : {"", "MB", "0", "0MB", "-5MB", "5 MB", "5mb", "5XB", "1.5", "1.5B", ".5GB",
                          "5.GB", "1.2.3MB", "5GBx", "4.1GiB", "99999999999999999999"}) {
    INFO(bad);
    CHECK_FALSE(parse_size(bad));
  }
}

TEST_CASE("a rehearsal delivers exactly its size in chunks") {
  RunningServer s(server::ProbeEndpointOptions{});
  const auto r = probe::net::rehearse_upload(plan_for(s.port, 40'000'003));
  CHECK(r.error.empty());
  CHECK(r.done);
  CHECK(r.bytes == 40'000'003u);
  CHECK(r.resumes == 0);
  CHECK(r.duration_ms > 0);
}

TEST_CASE("a rehearsal resumes from the server's offset after broken connections") {
  server::ProbeEndpointOptions options;
  options.rehearsal_chunk_bytes = 4 << 20;
  RunningServer s(options);
  // Cuts mid-chunk, the second one inside the chunk that follows the first resume.
  CuttingRelay relay(s.port, {6'000'000, 11'500'000});
  const auto r = probe::net::rehearse_upload(plan_for(relay.port, 24'000'000));
  CHECK(r.error.empty());
  CHECK(relay.cuts_made == 2);
  CHECK(r.resumes >= 2);
  CHECK(r.done);
  CHECK(r.bytes == 24'000'000u);
}

TEST_CASE("a rehearsal that cannot finish in its budget says so") {
  server::ProbeEndpointOptions options;
  options.rehearsal_chunk_bytes = 1 << 20;
  RunningServer s(options);
  // Every connection is cut after a few hundred kB: no chunk ever completes.
  std::vector<std::uint64_t> cuts;
  for (int i = 1; i <= 200; ++i) cuts.push_back(static_cast<std::uint64_t>(i) * 300'000);
  CuttingRelay relay(s.port, cuts);
  auto plan = plan_for(relay.port, 50'000'000);
  plan.budget = std::chrono::seconds(3);
  const auto r = probe::net::rehearse_upload(plan);
  CHECK_FALSE(r.done);
  CHECK(r.bytes < 50'000'000u);
  CHECK_FALSE(r.error.empty());
  INFO(r.error);
  CHECK((r.error.find("out of time") != std::string::npos ||
         r.error.find("gave up") != std::string::npos));
}
