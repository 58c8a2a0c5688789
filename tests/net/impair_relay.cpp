// A userspace link impairment (netem is not available here): joins two network namespaces
// through one TUN device in each and forwards IP packets between them with a fixed one-way
// delay, uniform jitter and random loss. Each packet is delayed independently, as netem
// does, so the injected jitter is exactly the delay distribution (jitter may reorder).
//
// Usage: examready-impair-relay NS_A DEV_A NS_B DEV_B [--delay-ms D] [--jitter-ms J]
//        [--loss-up P] [--loss-down P] [--rate-mbit R --queue-ms Q] [--max-seconds T] [--seed S]
//   D: added to each direction; J: uniform 0..J added to B->A (server to client) only;
//   loss-up drops A->B, loss-down B->A; R shapes each direction with a drop-tail queue of
//   Q ms. The queue lives here, not in a qdisc of the sending host, where TCP Small Queues
//   would keep it short: this is how a home router's deep buffer behaves (bufferbloat).
//   Prints "ready" once both devices exist.
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <queue>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
volatile std::sig_atomic_t g_stop = 0;

int open_tun_in(const std::string& ns, const std::string& dev) {
  const int nsfd = ::open(("/var/run/netns/" + ns).c_str(), O_RDONLY | O_CLOEXEC);
  if (nsfd < 0 || ::setns(nsfd, CLONE_NEWNET) != 0) {
    std::fprintf(stderr, "relay: cannot enter netns %s: %s\n", ns.c_str(), std::strerror(errno));
    std::exit(1);
  }
  ::close(nsfd);
  const int fd = ::open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
  ifreq ifr{};
  ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
  std::strncpy(ifr.ifr_name, dev.c_str(), IFNAMSIZ - 1);
  if (fd < 0 || ::ioctl(fd, TUNSETIFF, &ifr) != 0) {
    std::fprintf(stderr, "relay: cannot create %s: %s\n", dev.c_str(), std::strerror(errno));
    std::exit(1);
  }
  return fd;
}

struct Packet {
  Clock::time_point release;
  std::uint64_t order;  // arrival order: ties release first-in first-out
  std::vector<unsigned char> data;
  bool operator>(const Packet& other) const {
    return release != other.release ? release > other.release : order > other.order;
  }
};

struct Direction {
  int in = -1, out = -1;
  std::chrono::microseconds delay{0};
  double jitter_us = 0;
  double loss = 0;
  double rate_bps = 0;  // 0: unshaped
  std::chrono::microseconds queue_limit{0};
  Clock::time_point busy_until{};  // when the shaped link finishes its backlog
  std::priority_queue<Packet, std::vector<Packet>, std::greater<>> queue;
  std::uint64_t arrivals = 0, forwarded = 0, dropped = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s NS_A DEV_A NS_B DEV_B [options]\n", argv[0]);
    return 64;
  }
  double delay_ms = 0, jitter_ms = 0, loss_up = 0, loss_down = 0, max_seconds = 300;
  double rate_mbit = 0, queue_ms = 100;
  unsigned seed = 1;
  for (int i = 5; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const double value = std::atof(argv[i + 1]);
    if (key == "--delay-ms")
      delay_ms = value;
    else if (key == "--jitter-ms")
      jitter_ms = value;
    else if (key == "--loss-up")
      loss_up = value;
    else if (key == "--loss-down")
      loss_down = value;
    else if (key == "--max-seconds")
      max_seconds = value;
    else if (key == "--rate-mbit")
      rate_mbit = value;
    else if (key == "--queue-ms")
      queue_ms = value;
    else if (key == "--seed")
      seed = static_cast<unsigned>(value);
    else {
      std::fprintf(stderr, "relay: unknown option %s\n", key.c_str());
      return 64;
    }
  }
  std::signal(SIGTERM, [](int) { g_stop = 1; });
  std::signal(SIGINT, [](int) { g_stop = 1; });

  const int a = open_tun_in(argv[1], argv[2]);
  const int b = open_tun_in(argv[3], argv[4]);
  const auto delay = std::chrono::microseconds(static_cast<long>(delay_ms * 1000));
  Direction dirs[2];
  const auto queue_limit = std::chrono::microseconds(static_cast<long>(queue_ms * 1000));
  dirs[0] = {a, b, delay, 0, loss_up, rate_mbit * 1e6, queue_limit, {}, {}, 0, 0, 0};
  dirs[1] = {b, a, delay, jitter_ms * 1000, loss_down, rate_mbit * 1e6, queue_limit, {}, {},
             0, 0, 0};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::printf("ready\n");
  std::fflush(stdout);

  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(max_seconds));
  std::vector<unsigned char> buffer(65536);
  while (!g_stop && Clock::now() < end) {
    auto next = Clock::now() + std::chrono::milliseconds(100);
    for (auto& d : dirs) {
      if (!d.queue.empty() && d.queue.top().release < next) next = d.queue.top().release;
    }
    pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
    const auto wait = std::max(Clock::duration::zero(), next - Clock::now());
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(wait).count();
    timespec ts{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
    ::ppoll(fds, 2, &ts, nullptr);

    const auto now = Clock::now();
    for (auto& d : dirs) {
      for (int i = 0; i < 256; ++i) {  // bounded batch per wake
        const ssize_t n = ::read(d.in, buffer.data(), buffer.size());
        if (n <= 0) break;
        if (d.loss > 0 && unit(rng) < d.loss) {
          d.dropped++;
          continue;
        }
        auto sent = now;
        if (d.rate_bps > 0) {
          // Serialise behind the backlog; tail-drop what would wait longer than the queue.
          const auto start = std::max(now, d.busy_until);
          if (start - now > d.queue_limit) {
            d.dropped++;
            continue;
          }
          d.busy_until = start + std::chrono::microseconds(
                                     static_cast<long>(static_cast<double>(n) * 8e6 / d.rate_bps));
          sent = d.busy_until;
        }
        const auto release =
            sent + d.delay + std::chrono::microseconds(static_cast<long>(d.jitter_us * unit(rng)));
        d.queue.push({release, d.arrivals++, {buffer.begin(), buffer.begin() + n}});
      }
      while (!d.queue.empty() && d.queue.top().release <= Clock::now()) {
        const auto& p = d.queue.top().data;
        if (::write(d.out, p.data(), p.size()) >= 0) d.forwarded++;
        d.queue.pop();
      }
    }
  }
  std::fprintf(stderr, "relay: up %llu forwarded %llu dropped, down %llu forwarded %llu dropped\n",
               static_cast<unsigned long long>(dirs[0].forwarded),
               static_cast<unsigned long long>(dirs[0].dropped),
               static_cast<unsigned long long>(dirs[1].forwarded),
               static_cast<unsigned long long>(dirs[1].dropped));
  return 0;
}
