// The busy-camera diagnosis: /proc/*/fd scan on a file held open by a child process.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "platform/linux/fd_holders.h"

using namespace examready::platform;

TEST_CASE("processes_holding names the child process that holds a file open") {
  char path[] = "/tmp/examready-held-XXXXXX";
  const int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  ::close(fd);
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::prctl(PR_SET_NAME, "camholder");
    const int held = ::open(path, O_RDONLY);
    (void)!::write(ready[1], held >= 0 ? "1" : "0", 1);
    ::pause();  // until the test kills it
    ::_exit(0);
  }
  ::close(ready[1]);
  char status = 0;
  REQUIRE(::read(ready[0], &status, 1) == 1);
  ::close(ready[0]);
  REQUIRE(status == '1');

  const std::vector<FileHolder> holders = processes_holding(path);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ::unlink(path);

  REQUIRE(holders.size() == 1);  // the test itself closed the file
  CHECK(holders[0].pid == child);
  CHECK(holders[0].command == "camholder");
  CHECK(describe(holders[0]) == "camholder (pid " + std::to_string(child) + ")");
  CHECK(processes_holding(path).empty());  // gone: nothing to stat
}

TEST_CASE("processes_holding on a file nobody holds") {
  char path[] = "/tmp/examready-free-XXXXXX";
  const int fd = ::mkstemp(path);
  REQUIRE(fd >= 0);
  ::close(fd);
  CHECK(processes_holding(path).empty());
  ::unlink(path);
}
