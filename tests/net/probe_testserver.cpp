// A stand-in collector for the network harness: only the /v1/probe/* endpoints and the UDP echo.
// Usage: examready-probe-testserver HOST HTTP_PORT [UDP_PORT]   (UDP_PORT 0 or absent: no echo)
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "server/measure/probe_endpoints.h"
#include "server/measure/udp_echo.h"

namespace {
httplib::Server* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s HOST HTTP_PORT [UDP_PORT]\n", argv[0]);
    return 64;
  }
  const std::string host = argv[1];
  const int http_port = std::atoi(argv[2]);
  const int udp_port = argc > 3 ? std::atoi(argv[3]) : 0;

  examready::server::UdpEchoServer echo;
  examready::server::ProbeEndpointOptions options;
  if (udp_port > 0) {
    if (auto error = echo.start(host, static_cast<std::uint16_t>(udp_port)); !error.empty()) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    options.udp_echo_port = echo.port();
  }
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.set_keep_alive_max_count(1000);  // pings stay on one warm connection
  examready::server::register_probe_endpoints(server, options);
  g_server = &server;
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  if (!server.bind_to_port(host, http_port)) {
    std::fprintf(stderr, "cannot listen on %s:%d\n", host.c_str(), http_port);
    return 1;
  }
  std::printf("listening %s:%d udp %d\n", host.c_str(), http_port, udp_port);
  std::fflush(stdout);
  server.listen_after_bind();
  echo.stop();
  return 0;
}
