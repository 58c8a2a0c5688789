// run_process against real programs: output, exit codes, the deadline, and that a command
// never outlives the process that started it.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "platform/command.h"

using namespace examready;
using namespace std::chrono_literals;

namespace {

// Alive and not a zombie (an orphan may wait for a reaper that never comes in a container).
bool running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto close_paren = line.rfind(')');
  return close_paren != std::string::npos && close_paren + 2 < line.size() &&
         line[close_paren + 2] != 'Z';
}

}  // namespace

TEST_CASE("run_process captures output and the exit code, and kills at the deadline") {
  auto ok = platform::run_process({"sh", "-c", "echo out; echo err >&2; exit 3"}, 5s);
  CHECK(ok.started);
  CHECK(ok.out == "out\n");
  CHECK(ok.err == "err\n");
  CHECK(ok.exit_code == 3);
  CHECK_FALSE(ok.timed_out);

  const auto start = std::chrono::steady_clock::now();
  auto slow = platform::run_process({"sleep", "30"}, 300ms);
  CHECK(slow.timed_out);
  CHECK(std::chrono::steady_clock::now() - start < 3s);

  auto missing = platform::run_process({"examready-no-such-program"}, 1s);
  CHECK_FALSE(missing.started);
  CHECK(missing.err.find("cannot run") != std::string::npos);
}

TEST_CASE("run_process: output past the cap is dropped and said so, apart from a hang") {
  auto endless = platform::run_process({"yes"}, 300ms, 4096);
  CHECK(endless.timed_out);
  CHECK(endless.overflowed);  // printed without end: not a phone that stopped answering
  CHECK(endless.out.size() == 4096);
  auto fits = platform::run_process({"sh", "-c", "head -c 4096 /dev/zero"}, 5s, 4096);
  CHECK(fits.exit_code == 0);
  CHECK(fits.out.size() == 4096);
  CHECK_FALSE(fits.overflowed);  // exactly the cap: nothing dropped
  auto over = platform::run_process({"sh", "-c", "head -c 4097 /dev/zero"}, 5s, 4096);
  CHECK(over.exit_code == 0);
  CHECK(over.out.size() == 4096);
  CHECK(over.overflowed);
  auto quiet = platform::run_process({"sleep", "30"}, 200ms, 4096);
  CHECK(quiet.timed_out);
  CHECK_FALSE(quiet.overflowed);
}

TEST_CASE("a command dies with the process that started it") {
  // The check runner kills a check's process group at its deadline; run_process gives the
  // command a group of its own, so without more it would live on as an orphan (a camera
  // helper stuck in open(2) would hold the device).
  const std::string pid_file = "/tmp/examready-command-test-" + std::to_string(::getpid());
  const pid_t starter = ::fork();
  REQUIRE(starter >= 0);
  if (starter == 0) {
    platform::run_process({"sh", "-c",
                           "echo $$ > " + pid_file + ".tmp && mv " + pid_file + ".tmp " + pid_file +
                               " && exec sleep 30"},
                          60s);
    ::_exit(0);
  }
  pid_t command = 0;
  for (int i = 0; i < 200 && command == 0; ++i) {  // bounded: 200 x 10 ms
    std::ifstream in(pid_file);
    in >> command;
    if (command == 0) std::this_thread::sleep_for(10ms);
  }
  REQUIRE(command > 0);
  CHECK(running(command));
  ::kill(starter, SIGKILL);
  ::waitpid(starter, nullptr, 0);
  bool gone = false;
  for (int i = 0; i < 200 && !gone; ++i) {  // bounded: 200 x 10 ms
    gone = !running(command);
    if (!gone) std::this_thread::sleep_for(10ms);
  }
  if (!gone) ::kill(command, SIGKILL);  // leave nothing behind either way
  std::remove(pid_file.c_str());
  CHECK(gone);
}
