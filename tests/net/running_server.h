// A loopback server with only the /v1/probe/* endpoints, on an ephemeral port, stopped and
// joined on scope exit: the fixture of the endpoint and rehearsal tests.
#pragma once

#include <httplib.h>

#include <chrono>
#include <thread>

#include "server/measure/probe_endpoints.h"

namespace examready::test {

struct RunningServer {
  httplib::Server server;
  std::thread thread;
  int port = 0;

  explicit RunningServer(const server::ProbeEndpointOptions& options) {
    server.new_task_queue = [] { return new httplib::ThreadPool(8); };
    server::register_probe_endpoints(server, options);
    port = server.bind_to_any_port("127.0.0.1");
    thread = std::thread([this] { server.listen_after_bind(); });
    for (int i = 0; i < 500 && !server.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~RunningServer() {
    server.stop();
    thread.join();
  }
};

}  // namespace examready::test
