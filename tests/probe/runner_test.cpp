// The runner: deadlines, crash isolation, resource exclusion, progress events, ordering.
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#ifdef _WIN32
#include <windows.h>
#endif

#include "tests/support/environment.h"
#include "tests/support/fake_host.h"
#include "platform/process.h"
#include "probe/runner.h"

using namespace examready;
using namespace std::chrono_literals;
using core::CheckStatus;
using probe::Outcome;

namespace {

std::string g_journal;  // file the ordering checks append to (inherited by the forked checks)

void journal(const std::string& line) {
  std::ofstream(g_journal, std::ios::app) << line << "\n";
}

std::vector<std::string> read_journal() {
  std::vector<std::string> lines;
  std::ifstream in(g_journal);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

Outcome sleeps_forever(probe::CheckContext&) {
  std::this_thread::sleep_for(24h);
  return Outcome::ok();
}
Outcome crashes(probe::CheckContext&) {
  std::fputs("driver exploded\n", stderr);
#ifdef _WIN32
  ::RaiseException(EXCEPTION_ACCESS_VIOLATION, EXCEPTION_NONCONTINUABLE, 0, nullptr);
#else
  std::raise(SIGSEGV);
#endif
  return Outcome::ok();
}
Outcome throws(probe::CheckContext&) { throw std::runtime_error("parser gave up"); }
Outcome exits_early(probe::CheckContext&) { std::_Exit(7); }
Outcome measures(probe::CheckContext& ctx) {
  ctx.progress(0.5);
  ctx.emit(core::MetricId::kStorageFreeBytes, std::int64_t{42}, "test");
  ctx.emit(core::MetricId::kOsName, std::string("名字 with \"quotes\"\n"), "test");
  ctx.progress(1.0);
  return Outcome::ok();
}
Outcome wrong_type(probe::CheckContext& ctx) {
  ctx.emit(core::MetricId::kStorageFreeBytes, 1.5, "test");  // catalog says integer
  return Outcome::ok();
}
Outcome slow_a(probe::CheckContext&) {
  journal("a-start");
  std::this_thread::sleep_for(300ms);
  journal("a-end");
  return Outcome::ok();
}
Outcome slow_b(probe::CheckContext&) {
  journal("b-start");
  std::this_thread::sleep_for(300ms);
  journal("b-end");
  return Outcome::ok();
}

struct Fixture {
  test::FakeHost host;
  probe::ProbeOptions options;
  std::vector<probe::ProgressEvent> events;
  std::vector<std::string> event_names;

  std::vector<core::CheckResult> run(std::vector<const probe::CheckSpec*> specs, int parallel = 4) {
    probe::RunnerOptions runner;
    runner.max_parallel = parallel;
    return probe::run_checks(specs, host, options, [&](const probe::ProgressEvent& e) {
      events.push_back(e);
      event_names.push_back(std::string(e.check));
    }, runner);
  }
};

}  // namespace

TEST_CASE("a check that sleeps forever times out and the others still finish") {
  const probe::CheckSpec hang{"hang", "", 300ms, "", sleeps_forever};
  const probe::CheckSpec good{"good", "", 2000ms, "", measures};
  Fixture f;
  const auto start = std::chrono::steady_clock::now();
  auto results = f.run({&hang, &good});
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(results.size() == 2);
  CHECK(results[0].name == "hang");
  CHECK(results[0].status == CheckStatus::kTimeout);
  CHECK_THAT(results[0].message, Catch::Contains("300 ms"));
  CHECK(results[0].duration_ms >= 300);
  CHECK(results[1].status == CheckStatus::kOk);
  CHECK(elapsed < 10s);  // bounded: the hung check did not hold the run
}

TEST_CASE("a crashing check is an error naming the signal and its last stderr line") {
  const probe::CheckSpec crash{"crash", "", 5000ms, "", crashes};
  const probe::CheckSpec exit7{"exit7", "", 5000ms, "", exits_early};
  const probe::CheckSpec thrower{"thrower", "", 5000ms, "", throws};
  Fixture f;
  auto results = f.run({&crash, &exit7, &thrower});
  CHECK(results[0].status == CheckStatus::kError);
  CHECK_THAT(results[0].message, Catch::Contains("crashed") && Catch::Contains("driver exploded"));
  CHECK(results[1].status == CheckStatus::kError);
  CHECK_THAT(results[1].message, Catch::Contains("code 7"));
  CHECK(results[2].status == CheckStatus::kError);
  CHECK_THAT(results[2].message, Catch::Contains("parser gave up"));
}

TEST_CASE("measurements and progress cross the process boundary intact") {
  const probe::CheckSpec good{"good", "", 5000ms, "", measures};
  Fixture f;
  auto results = f.run({&good});
  REQUIRE(results[0].status == CheckStatus::kOk);
  CHECK(std::get<std::int64_t>(results[0].find(core::MetricId::kStorageFreeBytes)->value) == 42);
  CHECK(std::get<std::string>(results[0].find(core::MetricId::kOsName)->value) == "名字 with \"quotes\"\n");
  REQUIRE(f.events.size() >= 3);
  CHECK(f.events.front().kind == probe::ProgressEvent::Kind::kStarted);
  CHECK(f.events.back().kind == probe::ProgressEvent::Kind::kFinished);
  bool saw_half = false;
  for (const auto& e : f.events) saw_half |= e.kind == probe::ProgressEvent::Kind::kProgress && e.fraction == 0.5;
  CHECK(saw_half);
}

TEST_CASE("emitting a value of the wrong type is reported as an internal error") {
  const probe::CheckSpec bad{"bad", "", 5000ms, "", wrong_type};
  Fixture f;
  auto results = f.run({&bad});
  CHECK(results[0].status == CheckStatus::kError);
  CHECK_THAT(results[0].message, Catch::Contains("storage.free_bytes") && Catch::Contains("integer"));
}

TEST_CASE("independent checks overlap; checks sharing a resource never do") {
  // One journal for this run and its checks: forked ones inherit the variable, and so do
  // the copies of this program that stand in for fork on Windows.
  if (const char* inherited = std::getenv("RUNNER_TEST_JOURNAL")) {
    g_journal = inherited;
  } else {
    g_journal = (std::filesystem::temp_directory_path() /
                 ("runner-journal-" + std::to_string(platform::current_process_id())))
                    .string();
    test::set_environment("RUNNER_TEST_JOURNAL", g_journal);
  }

  SECTION("no shared resource: both start before either ends") {
    std::filesystem::remove(g_journal);
    const probe::CheckSpec a{"a", "", 5000ms, "", slow_a};
    const probe::CheckSpec b{"b", "", 5000ms, "", slow_b};
    Fixture f;
    f.run({&a, &b});
    auto lines = read_journal();
    REQUIRE(lines.size() == 4);
    CHECK(lines[2].find("end") != std::string::npos);
    CHECK(lines[1].find("start") != std::string::npos);
  }
  SECTION("same resource: strictly one after the other, in table order") {
    std::filesystem::remove(g_journal);
    const probe::CheckSpec a{"a", "", 5000ms, "audio", slow_a};
    const probe::CheckSpec b{"b", "", 5000ms, "audio", slow_b};
    Fixture f;
    f.run({&a, &b});
    CHECK(read_journal() == std::vector<std::string>{"a-start", "a-end", "b-start", "b-end"});
  }
  SECTION("max_parallel = 1 serialises everything") {
    std::filesystem::remove(g_journal);
    const probe::CheckSpec a{"a", "", 5000ms, "", slow_a};
    const probe::CheckSpec b{"b", "", 5000ms, "", slow_b};
    Fixture f;
    f.run({&a, &b}, 1);
    CHECK(read_journal() == std::vector<std::string>{"a-start", "a-end", "b-start", "b-end"});
  }
  std::filesystem::remove(g_journal);
}
