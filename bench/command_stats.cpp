// bench/command_stats: runs a command N times and prints wall time (min/median/p90/max)
// and the peak RSS of the command and everything it forked (getrusage RUSAGE_CHILDREN).
// Usage: command_stats [--runs N] [--label TEXT] -- COMMAND [ARGS…]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  int runs = 20;
  std::string label = "command";
  int first = 1;
  for (; first < argc; ++first) {
    if (std::strcmp(argv[first], "--runs") == 0 && first + 1 < argc) runs = std::atoi(argv[++first]);
    else if (std::strcmp(argv[first], "--label") == 0 && first + 1 < argc) label = argv[++first];
    else if (std::strcmp(argv[first], "--") == 0) { ++first; break; }
  }
  if (first >= argc || runs < 1 || runs > 10000) {
    std::fprintf(stderr, "usage: command_stats [--runs N] [--label TEXT] -- COMMAND [ARGS...]\n");
    return 64;
  }
  std::vector<double> wall_ms;
  int failures = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
      int devnull = open("/dev/null", O_WRONLY);
      dup2(devnull, STDOUT_FILENO);
      execvp(argv[first], argv + first);
      _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    wall_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    // Exit codes 0-3 are verdicts; anything else is a failed run.
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 3) ++failures;
  }
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  std::sort(wall_ms.begin(), wall_ms.end());
  auto pct = [&](double p) { return wall_ms[static_cast<std::size_t>(p * (wall_ms.size() - 1) + 0.5)]; };
  std::printf("%-40s runs=%d failed=%d wall_ms min=%.1f median=%.1f p90=%.1f max=%.1f peak_rss_mb=%.1f\n",
              label.c_str(), runs, failures, wall_ms.front(), pct(0.5), pct(0.9), wall_ms.back(),
              usage.ru_maxrss / 1024.0);
  return failures == 0 ? 0 : 1;
}
