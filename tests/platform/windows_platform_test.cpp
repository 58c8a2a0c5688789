// The Windows platform layer, run under Wine: child processes and their job objects, files,
// the OS, disk, battery and display facts as Win32 answers them.
#include <catch2/catch.hpp>

#include <windows.h>

#include <chrono>
#include <filesystem>

#include "platform/battery_facts.h"
#include "platform/command.h"
#include "platform/display_facts.h"
#include "platform/files.h"
#include "platform/host_identity.h"
#include "platform/local_host.h"
#include "platform/os_facts.h"

using namespace examready;
using namespace std::chrono_literals;

namespace {

std::filesystem::path fresh_dir(const char* name) {
  auto dir = std::filesystem::temp_directory_path() /
             (std::string(name) + "-" + std::to_string(::GetCurrentProcessId()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("run_process: output, exit code, and arguments as the child's C runtime reads them") {
  const std::vector<std::string> args = {"plain",         "two words",  "",
                                         "quote\"inside", "trailing\\", "back\\\\slashes\\\"quoted",
                                         "中文 路径"};
  std::vector<std::string> argv = {EXAMREADY_ECHO_ARGS};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto r = platform::run_process(argv, 20s);
  REQUIRE(r.started);
  CHECK_FALSE(r.timed_out);
  CHECK(r.exit_code == static_cast<int>(args.size()));
  std::string expected;
  for (const auto& a : args) expected += "[" + a + "]\n";
  std::string out = r.out;
  std::erase(out, '\r');
  CHECK(out == expected);
}

TEST_CASE("run_process: a missing program is not started and says why") {
  const auto r = platform::run_process({"examready-no-such-program"}, 5s);
  CHECK_FALSE(r.started);
  CHECK_THAT(r.err, Catch::Contains("cannot run examready-no-such-program"));
}

TEST_CASE("run_process: the deadline ends the child and what it started") {
  // cmd starts ping, which would run for a minute: the job object ends both.
  const auto start = std::chrono::steady_clock::now();
  const auto r = platform::run_process({"cmd.exe", "/c", "ping -n 60 127.0.0.1"}, 1500ms);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(r.started);
  CHECK(r.timed_out);
  CHECK(elapsed < 10s);
}

TEST_CASE("durable writes, the first creator wins, and a lock excludes a second holder") {
  const auto dir = fresh_dir("examready-files");
  std::string error;
  const auto file = dir / "report.json";
  REQUIRE(platform::write_file_durably(file, "first", error));
  REQUIRE(platform::write_file_durably(file, "second", error));  // replaces
  CHECK(platform::read_text_file(file, 100, error) == "second");
  CHECK(platform::read_text_file(dir, 100, error) == std::nullopt);

  const auto secret = dir / "state" / "secret";
  CHECK(platform::read_or_create_file(
            secret, [] { return std::string("one"); }, error) == "one");
  CHECK(platform::read_or_create_file(
            secret, [] { return std::string("two"); }, error) == "one");

  const auto lock_path = dir / "queue.lock";
  auto held = platform::FileLock::try_acquire(lock_path, error);
  REQUIRE(held);
  CHECK_FALSE(platform::FileLock::try_acquire(lock_path, error));
  CHECK(error.empty());  // held by someone, not a failure
  held.reset();
  CHECK(platform::FileLock::try_acquire(lock_path, error));

  REQUIRE(platform::rename_durably(file, dir / "moved.json", error));
  CHECK(platform::remove_durably(dir / "moved.json", error));
  CHECK(platform::remove_durably(dir / "moved.json", error));  // already gone is fine
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(dir);
}

TEST_CASE("state lives under %LOCALAPPDATA%\\ExamReady") {
  const char* local = std::getenv("LOCALAPPDATA");
  REQUIRE(local);
  CHECK(platform::state_directory() == std::filesystem::path(local) / "ExamReady");
  CHECK(platform::executable_dir().filename() != "");
}

TEST_CASE("the OS is Windows, named by RtlGetVersion and the registry") {
  platform::LocalHost host;
  std::string error;
  const auto os = platform::read_os_facts(host, error);
  REQUIRE(os);
  CHECK(os->family == "windows");
  CHECK(os->version.rfind("10.0.", 0) == 0);
  CHECK(os->name.rfind("Windows 1", 0) == 0);
  CHECK(os->arch == "x86_64");
  CHECK(os->kernel.rfind(os->version, 0) == 0);
  CHECK(platform::local_platform_name(host) == "windows-x86_64");
  CHECK(platform::local_machine_id(host).size() == 36);  // MachineGuid
}

TEST_CASE("free space and size of C: as GetDiskFreeSpaceExW gives them") {
  platform::LocalHost host;
  const auto c = host.volume_stats("C:\\");
  REQUIRE(c.stats);
  CHECK(c.stats->total_bytes > 0);
  CHECK(c.stats->free_bytes <= c.stats->total_bytes);
  const auto missing = host.volume_stats("Q:\\no\\such\\folder");
  CHECK_FALSE(missing.stats);
  CHECK_THAT(missing.error, Catch::Contains("GetDiskFreeSpaceExW"));
}

TEST_CASE("battery and display facts come from Win32, with their sources") {
  platform::LocalHost host;
  const auto battery = platform::read_battery_facts(host);
  CHECK(battery.source == "GetSystemPowerStatus");
  if (battery.level_percent) CHECK(*battery.level_percent <= 100);
  std::string why;
  const auto display = platform::read_display_facts(host, why);
  REQUIRE(display);
  REQUIRE(display->display_scale);
  CHECK(*display->display_scale >= 1.0);
  CHECK(display->text_scale >= 1.0);
  CHECK_FALSE(display->ui_font.empty());
}
