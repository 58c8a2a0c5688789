// A loopback server with only the /v1/probe/* endpoints (on the collector's HTTP front), on
// an ephemeral port, stopped and joined on scope exit: the fixture of the endpoint and
// rehearsal tests.
#pragma once

#include <chrono>
#include <memory>
#include <thread>

#include "server/http/server.h"
#include "server/measure/probe_endpoints.h"

namespace examready::test {

struct RunningServer {
  server::http::Router router;
  std::unique_ptr<server::http::HttpServer> server;
  std::thread thread;
  int port = 0;

  explicit RunningServer(const server::ProbeEndpointOptions& options) {
    server::add_probe_routes(router, options);
    server = std::make_unique<server::http::HttpServer>(router, server::http::ServerLimits{});
    port = server->bind("127.0.0.1", 0);
    thread = std::thread([this] { server->run(); });
    for (int i = 0; i < 500 && !server->running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~RunningServer() {
    server->stop();
    thread.join();
  }
};

}  // namespace examready::test
