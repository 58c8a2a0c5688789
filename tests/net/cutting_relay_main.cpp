// examready-cutting-relay TARGET_PORT PORT_FILE CUT[,CUT...]: a loopback relay to TARGET_PORT
// that resets rehearsal uploads after CUT rehearsal bytes (cumulative); writes its port to
// PORT_FILE and runs until SIGTERM (at most 60 s).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "tests/net/cutting_relay.h"

namespace {
volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }
}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s TARGET_PORT PORT_FILE CUT[,CUT...]\n", argv[0]);
    return 64;
  }
  std::vector<std::uint64_t> cuts;
  std::stringstream list(argv[3]);
  for (std::string item; std::getline(list, item, ',');) cuts.push_back(std::stoull(item));
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  examready::testing::CuttingRelay relay(std::atoi(argv[1]), cuts);
  if (FILE* f = std::fopen(argv[2], "w")) {
    std::fprintf(f, "%d\n", relay.port);
    std::fclose(f);
  }
  for (int i = 0; i < 600 && !g_stop; ++i) ::usleep(100000);
  std::fprintf(stderr, "cutting relay: %d cuts made\n", relay.cuts_made.load());
  return 0;
}
