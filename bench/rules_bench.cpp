// Rules benchmark: one report against a generated 200-rule set (goal < 1 ms per evaluation),
// and 100,000 stored reports re-evaluated from JSON text on two threads (goal < 5 s).
#include <fmt/format.h>
#include "rules/files.h"

#include <unistd.h>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "reports/report.h"
#include "rules/evaluate.h"
#include "rules/rule_set.h"

using namespace examready;
using Clock = std::chrono::steady_clock;

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// 200 rules cycling through every kind of condition the shipped sets use.
std::string generated_set() {
  static const char* kConditions[] = {
      R"({ metric = "storage.free_bytes", at_least = "20 GB" })",
      R"({ metric = "device.class", equals = "phone" })",
      R"({ any = [ { all = [ { metric = "os.family", equals = "android" }, { metric = "os.version", version_at_least = "7.0" } ] }, { all = [ { metric = "os.family", equals = "ios" }, { metric = "os.version", version_at_least = "10.0" } ] } ] })",
      R"({ not = { any = [ { metric = "device.series", in = ["redmi-note-9", "redmi-9"] }, { metric = "device.codename", in = ["merlin", "cannon", "lancelot", "galahad"] } ] } })",
      R"({ metric = "device.launch_year", within_years = 3 })",
      R"({ metric = "device.marketing_name", glob = "Redmi*" })",
      R"({ metric = "apps.running_watched", contains_none = ["com.tencent.mm", "com.tencent.mobileqq"] })",
      R"({ any = [ { metric = "battery.charging", equals = true }, { metric = "battery.level_percent", at_least = 80 } ] })",
      R"({ metric = "phone.screen_off_timeout_ms", at_least = "10 min" })",
      R"({ metric = "network.upload_bps", at_least = "5 Mbit/s" })",
  };
  std::string text = "id = \"bench\"\ntitle = { zh-CN = \"基准\", en = \"Bench\" }\n";
  text +=
      "[exam]\nattempt_duration = \"20 min\"\nattempts_per_subject = 2\nsubjects = "
      "3\nassumed_bitrate = \"6 Mbit/s\"\n";
  const char* severities[] = {"block", "warn", "info"};
  for (int i = 0; i < 200; ++i) {
    text += fmt::format(
        "[[rule]]\nid = \"r{}\"\nseverity = \"{}\"\nsource = \"XYB-{}\"\nrequire = {}\n"
        "message = {{ zh-CN = \"规则 {}\", en = \"rule {}\" }}\nfix = {{ zh-CN = \"办法\", en = "
        "\"fix\" }}\n",
        i, severities[i % 3], i % 15 + 1, kConditions[i % std::size(kConditions)], i, i);
  }
  return text;
}

double process_cpu_seconds() {
  timespec ts{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

struct Timing {
  double wall_s = 0;
  double cpu_s = 0;
};

// Runs job(i, local) for i in [0, total) on `threads` threads; each thread's `local` sum is
// added to `sum` at the end.
template <typename Job>
Timing run_parallel(std::size_t total, unsigned threads, Job job, std::atomic<std::size_t>& sum) {
  std::atomic<std::size_t> next{0};
  const auto start = Clock::now();
  const double cpu_start = process_cpu_seconds();
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      std::size_t local = 0;
      for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < total;)
        job(i, local);
      sum += local;
    });
  }
  for (auto& w : workers) w.join();
  return {std::chrono::duration<double>(Clock::now() - start).count(),
          process_cpu_seconds() - cpu_start};
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path source(EXAMREADY_SOURCE_DIR);
  const auto temp =
      std::filesystem::temp_directory_path() / fmt::format("examready-bench-{}.toml", ::getpid());
  std::ofstream(temp) << generated_set();
  const rules::RuleSet big = rules::load_rule_set(temp);
  std::filesystem::remove(temp);
  const rules::RuleSet xyb = rules::load_rule_set(source / "rules/sets/xiaoyibang.toml");
  const auto now = std::chrono::system_clock::now();

  const std::string fixture = read(source / "tests/fixtures/reports/redmi-note-9-m2003j15sg.json");
  const reports::Report report = reports::report_from_json(nlohmann::json::parse(fixture));

  // 1. One report, 200 rules.
  for (int i = 0; i < 200; ++i) rules::evaluate(big, report, now);  // warm up
  std::vector<double> us;
  const int runs = 3000;
  us.reserve(runs);
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    auto evaluation = rules::evaluate(big, report, now);
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  std::sort(us.begin(), us.end());
  fmt::print(
      "200-rule set, one report: median {:.1f} us, p99 {:.1f} us per evaluation ({} runs; goal < "
      "1000 us)\n",
      us[runs / 2], us[runs * 99 / 100], runs);

  // 2. 100,000 reports re-evaluated with the xiaoyibang set, on both cores.
  // A pool of 1,000 distinct stored documents (varied free space, OS version, launch year)
  // is cycled: each of the 100,000 is evaluated (and in 2b parsed) from scratch.
  std::vector<std::string> pool;
  nlohmann::json base = nlohmann::json::parse(fixture);
  for (int i = 0; i < 1000; ++i) {
    nlohmann::json doc = base;
    for (auto& check : doc["checks"]) {
      auto& ms = check["measurements"];
      if (ms.contains("storage.free_bytes"))
        ms["storage.free_bytes"]["value"] = 5'000'000'000LL + i * 50'000'000LL;
      if (ms.contains("os.version")) ms["os.version"]["value"] = std::to_string(5 + i % 10);
      if (ms.contains("device.launch_year")) ms["device.launch_year"]["value"] = 2015 + i % 12;
    }
    pool.push_back(doc.dump());
  }
  const std::size_t total = argc > 1 ? std::stoul(argv[1]) : 100'000;
  const unsigned threads = std::max(1u, std::min(2u, std::thread::hardware_concurrency()));
  std::vector<reports::Report> parsed;
  for (const auto& text : pool)
    parsed.push_back(reports::report_from_json(nlohmann::json::parse(text)));

  // 2a. The rules engine: reports already in memory, evaluation objects built and dropped.
  std::atomic<std::size_t> not_ready{0};
  Timing engine = run_parallel(
      total, threads,
      [&](std::size_t i, std::size_t& local) {
        const nlohmann::json evaluation = rules::evaluate(xyb, parsed[i % parsed.size()], now);
        local += evaluation["verdict"] == "not_ready";
      },
      not_ready);
  fmt::print(
      "{} reports re-evaluated in memory (xiaoyibang, {} rules) on {} threads: {:.2f} s wall, "
      "CPU {:.2f} s = {:.1f} us per report (goal < 5 s); {} not_ready\n",
      total, xyb.rules.size(), threads, engine.wall_s, engine.cpu_s, engine.cpu_s / total * 1e6,
      not_ready.load());

  // 2b. Stored reports as the server holds them: JSON text -> Report -> evaluation -> JSON text.
  std::atomic<std::size_t> bytes_out{0};
  Timing stored = run_parallel(
      total, threads,
      [&](std::size_t i, std::size_t& local) {
        const reports::Report report =
            reports::report_from_json(nlohmann::json::parse(pool[i % pool.size()]));
        local += rules::evaluate(xyb, report, now).dump().size();
      },
      bytes_out);
  fmt::print(
      "{} stored reports from JSON text (parse + evaluate + serialize) on {} threads: {:.2f} s "
      "wall, "
      "CPU {:.2f} s = {:.1f} us per report; {:.1f} MB of evaluations written\n",
      total, threads, stored.wall_s, stored.cpu_s, stored.cpu_s / total * 1e6,
      bytes_out.load() / 1e6);
  fmt::print("machine load while measuring (2 cores shared with other builds): {}",
             read("/proc/loadavg"));

  // Where the time of one stored report goes (one thread).
  {
    const int n = 5000;
    double parse_us = 0, convert_us = 0, evaluate_us = 0, dump_us = 0;
    for (int i = 0; i < n; ++i) {
      auto t0 = Clock::now();
      nlohmann::json doc = nlohmann::json::parse(pool[static_cast<std::size_t>(i) % pool.size()]);
      auto t1 = Clock::now();
      const reports::Report stored = reports::report_from_json(doc);
      auto t2 = Clock::now();
      nlohmann::json evaluation = rules::evaluate(xyb, stored, now);
      auto t3 = Clock::now();
      std::string text = evaluation.dump();
      auto t4 = Clock::now();
      parse_us += std::chrono::duration<double, std::micro>(t1 - t0).count();
      convert_us += std::chrono::duration<double, std::micro>(t2 - t1).count();
      evaluate_us += std::chrono::duration<double, std::micro>(t3 - t2).count();
      dump_us += std::chrono::duration<double, std::micro>(t4 - t3).count();
    }
    fmt::print(
        "per stored report: JSON parse {:.1f} us, to Report {:.1f} us, evaluate {:.1f} us, dump "
        "{:.1f} us\n",
        parse_us / n, convert_us / n, evaluate_us / n, dump_us / n);
  }

  // 3. The same without JSON: evaluation only, one thread, for the rules engine's own cost.
  const auto eval_start = Clock::now();
  for (int i = 0; i < 20'000; ++i) rules::evaluate(xyb, report, now);
  const double eval_us =
      std::chrono::duration<double, std::micro>(Clock::now() - eval_start).count() / 20'000;
  fmt::print("xiaoyibang set ({} rules), one report, evaluation only: {:.1f} us\n",
             xyb.rules.size(), eval_us);
  return 0;
}
