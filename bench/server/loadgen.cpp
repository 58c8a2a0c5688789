// examready-loadgen: posts distinct, valid reports to a collector and prints throughput
// and latency percentiles. Open loop when --rate is given (latency is measured from each
// request's scheduled time, so a stalled server cannot hide its queueing delay), closed
// loop (as fast as the connections allow) otherwise. Bounded by --count and --max-seconds.
#include <httplib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/server/report_factory.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  std::string host = "127.0.0.1";
  int port = 8080;
  int count = 10000;
  int connections = 16;
  double rate = 0;  // requests per second in all; 0 = closed loop
  double max_seconds = 120;
  std::string ids_out;  // report ids answered 201, one per line, flushed as they come
};

const examready::test::DeviceFacts kDevices[] = {
    {"xiaomi", "M2003J15SC", "android", "12"},  {"xiaomi", "23049RAD8C", "android", "13"},
    {"huawei", "NOH-AN00", "harmonyos", "3.0"}, {"honor", "ANY-AN00", "android", "12"},
    {"oppo", "PFJM10", "android", "13"},        {"vivo", "V2219A", "android", "13"},
    {"apple", "iPhone14,5", "ios", "17.1"},     {"apple", "iPhone12,1", "ios", "16.7"},
    {"redmi", "22101316C", "android", "13"},    {"samsung", "SM-S9080", "android", "14"},
};

double percentile(std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Posts distinct reports to a collector and prints throughput and latency",
               "examready-loadgen"};
  Args args;
  app.add_option("--host", args.host);
  app.add_option("--port", args.port)->required();
  app.add_option("--count", args.count)->check(CLI::Range(1, 10000000));
  app.add_option("--connections", args.connections)->check(CLI::Range(1, 256));
  app.add_option("--rate", args.rate, "Requests per second (open loop); 0 = as fast as possible");
  app.add_option("--max-seconds", args.max_seconds)->check(CLI::Range(1.0, 3600.0));
  app.add_option("--ids-out", args.ids_out);
  CLI11_PARSE(app, argc, argv);

  // Bodies are made before the clock starts.
  std::vector<std::pair<std::string, std::string>> bodies;  // report_id, body
  bodies.reserve(static_cast<std::size_t>(args.count));
  for (int i = 0; i < args.count; ++i) {
    auto report = examready::test::make_report(kDevices[i % std::size(kDevices)]);
    bodies.emplace_back(report["report_id"].get<std::string>(), report.dump());
  }

  std::FILE* ids = args.ids_out.empty() ? nullptr : std::fopen(args.ids_out.c_str(), "a");
  std::mutex ids_mutex;
  std::atomic<int> next{0}, created{0}, replays{0}, failures{0};
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(args.connections));
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double>(args.max_seconds));
  std::vector<std::thread> threads;
  for (int c = 0; c < args.connections; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client(args.host, args.port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(10, 0);
      auto& mine = latencies[static_cast<std::size_t>(c)];
      int unreachable_in_a_row = 0;  // the server is gone: stop instead of spinning
      for (;;) {
        if (unreachable_in_a_row >= 20) break;
        const int i = next++;
        if (i >= args.count || Clock::now() > deadline) break;
        auto scheduled = Clock::now();
        if (args.rate > 0) {
          scheduled = start + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(i / args.rate));
          std::this_thread::sleep_until(scheduled);
        }
        const auto& [id, body] = bodies[static_cast<std::size_t>(i)];
        auto res = client.Post("/v1/reports", body, "application/json");
        unreachable_in_a_row = res ? 0 : unreachable_in_a_row + 1;
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - scheduled).count());
        if (res && res->status == 201) {
          ++created;
          if (ids) {
            std::lock_guard lock(ids_mutex);
            std::fprintf(ids, "%s\n", id.c_str());
            std::fflush(ids);
          }
        } else if (res && res->status == 200) {
          ++replays;
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (ids) std::fclose(ids);
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  const int done = created + replays + failures;
  std::printf(
      "requests=%d created=%d replays=%d failures=%d seconds=%.2f rate=%.0f/s "
      "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
      done, created.load(), replays.load(), failures.load(), seconds, done / seconds,
      percentile(all, 0.5), percentile(all, 0.9), percentile(all, 0.99),
      all.empty() ? 0 : all.back());
  return failures == 0 ? 0 : 1;
}
