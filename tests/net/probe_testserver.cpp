// A stand-in collector for the network harness: only the /v1/probe/* endpoints (on the
// collector's own HTTP front, so the accuracy tests measure how the real server reads and
// writes) and the UDP echo.
// Usage: examready-probe-testserver HOST HTTP_PORT [UDP_PORT]   (UDP_PORT 0 or absent: no echo)
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "server/http/server.h"
#include "server/measure/probe_endpoints.h"
#include "server/measure/udp_echo.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s HOST HTTP_PORT [UDP_PORT]\n", argv[0]);
    return 64;
  }
  const std::string host = argv[1];
  const int http_port = std::atoi(argv[2]);
  const int udp_port = argc > 3 ? std::atoi(argv[3]) : 0;

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  examready::server::UdpEchoServer echo;
  examready::server::ProbeEndpointOptions options;
  if (udp_port > 0) {
    if (auto error = echo.start(host, static_cast<std::uint16_t>(udp_port)); !error.empty()) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    options.udp_echo_port = echo.port();
  }
  examready::server::http::Router router;
  examready::server::add_probe_routes(router, options);
  examready::server::http::HttpServer server(router, examready::server::http::ServerLimits{});
  if (server.bind(host, http_port) < 0) {
    std::fprintf(stderr, "cannot listen on %s:%d\n", host.c_str(), http_port);
    return 1;
  }
  std::printf("listening %s:%d udp %d\n", host.c_str(), http_port, udp_port);
  std::fflush(stdout);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  waiter.detach();  // the process ends when the server has stopped
  server.run();
  echo.stop();
  return 0;
}
