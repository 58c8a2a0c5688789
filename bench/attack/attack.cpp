// examready-attack: legitimate uploads at a fixed rate while attackers run, all on loopback
// and bounded in time: slowloris connections (a header line every few seconds, reconnecting
// when cut), senders of oversized bodies (a 1 GiB Content-Length, an endless chunked body, a
// gzip bomb, in turn) and a session flood (rehearsals, upload sessions, UDP echo sessions).
// Each party has its own loopback addresses (127.0.0.0/8), as on the internet, so per-client
// limits see them apart. Prints the legitimate p50/p99/max latency (from each upload's
// scheduled time: queueing counts), the error rate, what the attackers got, and the server's
// peak RSS.
#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "protocol/udp_echo_wire.h"
#include "reports/upload/upload.h"
#include "tests/server/raw_http.h"
#include "tests/server/report_factory.h"

namespace {

using Clock = std::chrono::steady_clock;
using examready::test::RawConnection;

struct Args {
  int port = 0;
  int udp_port = 0;
  int server_pid = 0;
  double seconds = 30;
  double rate = 500;
  int legit_addresses = 250;
  int slowloris = 200;
  int oversized = 4;
  double flood_rate = 300;  // session-creating requests per second
};

std::string address(int block, int n) {
  return "127." + std::to_string(block) + "." + std::to_string(n / 250) + "." +
         std::to_string(n % 250 + 1);
}

// Counts by outcome, for the attackers' lines.
class Tally {
 public:
  void add(const std::string& what) {
    std::lock_guard lock(mutex_);
    ++counts_[what];
  }
  std::string text() const {
    std::lock_guard lock(mutex_);
    std::string out;
    for (const auto& [what, n] : counts_) out += " " + what + "=" + std::to_string(n);
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, long> counts_;
};

double peak_rss_mb(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long kb = 0;
  while (in >> key) {
    if (key == "VmHWM:") {
      in >> kb;
      break;
    }
    std::getline(in, key);
  }
  return static_cast<double>(kb) / 1024.0;
}

void legit(const Args& args, Clock::time_point start, Clock::time_point end,
           const std::vector<std::string>& bodies, std::atomic<int>& next,
           std::vector<double>& latencies, std::atomic<int>& errors, Tally& statuses) {
  for (;;) {
    const int i = next++;
    const auto scheduled = start + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(i / args.rate));
    if (scheduled >= end || i >= static_cast<int>(bodies.size())) return;
    std::this_thread::sleep_until(scheduled);
    auto r = examready::test::raw_request(
        args.port, "POST", "/v1/reports", "Content-Type: application/json\r\n",
        bodies[static_cast<std::size_t>(i)], address(1, i % args.legit_addresses),
        std::chrono::milliseconds(10000));
    latencies.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - scheduled).count());
    if (!r || r->status != 201) {
      ++errors;
      statuses.add(r ? std::to_string(r->status) : "no-answer");
    }
  }
}

// Slow headers on `count` connections; a cut connection is replaced at once.
void slowloris(const Args& args, Clock::time_point end, Tally& tally) {
  std::vector<std::unique_ptr<RawConnection>> conns(static_cast<std::size_t>(args.slowloris));
  auto open = [&](std::size_t i) {
    conns[i] = std::make_unique<RawConnection>(args.port, address(3, 0));
    conns[i]->send("POST /v1/reports HTTP/1.1\r\nHost: x\r\n");
    tally.add("opened");
  };
  for (std::size_t i = 0; i < conns.size(); ++i) open(i);
  while (Clock::now() < end) {
    for (std::size_t i = 0; i < conns.size(); ++i) {
      if (!conns[i]->send("X-Slow: 1\r\n") ||
          conns[i]->closed_by_peer(std::chrono::milliseconds(0))) {
        tally.add("cut");
        open(i);
      }
    }
    std::this_thread::sleep_for(std::chrono::seconds(5));
  }
}

// Oversized bodies, in turn: a declared 1 GiB, an endless chunked body, a gzip bomb.
void oversized(const Args& args, int who, Clock::time_point end, const std::string& bomb,
               Tally& tally) {
  const std::string block(256 << 10, 'x');
  const std::string chunk = "40000\r\n" + block + "\r\n";
  for (int round = 0; Clock::now() < end; ++round) {
    RawConnection c(args.port, address(4, who));
    const std::string head =
        "POST /v1/reports HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    const int kind = round % 3;
    if (kind == 0) {
      c.send(head + "Content-Length: 1073741824\r\n\r\n");
    } else if (kind == 1) {
      c.send(head + "Transfer-Encoding: chunked\r\n\r\n");
    } else {
      c.send(head + "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) +
             "\r\n\r\n" + bomb);
    }
    for (int i = 0; kind != 2 && i < 256 && Clock::now() < end; ++i) {
      if (!c.send(kind == 0 ? block : chunk)) break;
    }
    auto r = c.read_response(std::chrono::milliseconds(3000));
    tally.add(r ? std::to_string(r->status) : "cut");
  }
}

// New measurement sessions from many addresses, as fast as `flood_rate` allows.
void session_flood(const Args& args, Clock::time_point start, Clock::time_point end, Tally& tally) {
  const int udp = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(args.udp_port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  unsigned char packet[64] = {};
  for (long i = 0;; ++i) {
    const auto at = start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(i / args.flood_rate));
    if (at >= end) break;
    std::this_thread::sleep_until(at);
    const std::string from = address(5, static_cast<int>(i % 40));
    const std::string target = i % 2
                                   ? "/v1/probe/rehearsal?bytes=4000000000"
                                   : "/v1/probe/upload?session=flood" + std::to_string(100000 + i);
    auto r = examready::test::raw_request(args.port, "POST", target, "", i % 2 ? "" : "x", from,
                                          std::chrono::milliseconds(3000));
    tally.add((i % 2 ? "rehearsal-" : "upload-") + (r ? std::to_string(r->status) : "none"));
    examready::protocol::udp_echo::Packet p;
    p.session = static_cast<std::uint64_t>(i) * 7919;
    examready::protocol::udp_echo::encode_request(p, packet);
    if (args.udp_port > 0) {
      ::sendto(udp, packet, sizeof(packet), 0, reinterpret_cast<sockaddr*>(&to), sizeof(to));
    }
  }
  ::close(udp);
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(
                                                p * static_cast<double>(sorted.size() - 1) + 0.5))];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Legitimate uploads with attackers present", "examready-attack"};
  Args args;
  app.add_option("--port", args.port)->required();
  app.add_option("--udp-port", args.udp_port);
  app.add_option("--server-pid", args.server_pid)->required();
  app.add_option("--seconds", args.seconds)->check(CLI::Range(1.0, 600.0));
  app.add_option("--rate", args.rate)->check(CLI::Range(1.0, 5000.0));
  app.add_option("--slowloris", args.slowloris)->check(CLI::Range(0, 2000));
  app.add_option("--oversized", args.oversized)->check(CLI::Range(0, 64));
  app.add_option("--flood-rate", args.flood_rate)->check(CLI::Range(0.0, 5000.0));
  CLI11_PARSE(app, argc, argv);

  const auto count = static_cast<std::size_t>(args.rate * args.seconds);
  std::vector<std::string> bodies;
  bodies.reserve(count);
  for (std::size_t i = 0; i < count; ++i) bodies.push_back(examready::test::make_report().dump());
  const std::string bomb =
      examready::reports::gzip_compress(std::string(64 << 20, ' '));  // 64 MiB of spaces

  const auto start = Clock::now() + std::chrono::seconds(2);  // attackers get going first
  const auto end = start + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(args.seconds));
  Tally slow, big, flood, legit_statuses;
  std::vector<std::thread> threads;
  if (args.slowloris > 0) threads.emplace_back([&] { slowloris(args, end, slow); });
  for (int i = 0; i < args.oversized; ++i) {
    threads.emplace_back([&, i] { oversized(args, i, end, bomb, big); });
  }
  if (args.flood_rate > 0) threads.emplace_back([&] { session_flood(args, start, end, flood); });
  constexpr int kLegitThreads = 48;
  std::atomic<int> next{0}, errors{0};
  std::vector<std::vector<double>> latencies(kLegitThreads);
  for (int t = 0; t < kLegitThreads; ++t) {
    threads.emplace_back([&, t] {
      legit(args, start, end, bodies, next, latencies[static_cast<std::size_t>(t)], errors,
            legit_statuses);
    });
  }
  for (auto& t : threads) t.join();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  std::printf("legitimate uploads: %zu at %.0f/s over %.0f s, errors %d (%.2f %%)%s\n", all.size(),
              args.rate, args.seconds, errors.load(),
              all.empty() ? 0.0 : 100.0 * errors / static_cast<double>(all.size()),
              legit_statuses.text().c_str());
  std::printf("legitimate latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(all, 0.5),
              percentile(all, 0.99), all.empty() ? 0.0 : all.back());
  std::printf("slowloris (%d connections):%s\n", args.slowloris, slow.text().c_str());
  std::printf("oversized senders (%d):%s\n", args.oversized, big.text().c_str());
  std::printf("session flood (%.0f/s):%s\n", args.flood_rate, flood.text().c_str());
  std::printf("server peak RSS (VmHWM): %.1f MB\n", peak_rss_mb(args.server_pid));
  return errors == 0 ? 0 : 1;
}
