// The collector as one object: its routes on the HTTP front, with the request log wired to
// its metrics. main.cpp and the tests build it the same way; other route groups (the
// measurement endpoints) are added to router() before run().
#pragma once

#include <memory>

#include "server/collector.h"
#include "server/http/server.h"

namespace examready::server {

class CollectorServer {
 public:
  // Throws http::TlsSetupError.
  CollectorServer(CollectorOptions options, const http::ServerLimits& limits,
                  const http::TlsFiles& tls, Storage& storage, TokenStore tokens,
                  Evaluator evaluate, std::function<void(nlohmann::json&)> restore = {});

  http::Router& router() { return router_; }
  int bind(const std::string& host, int port) { return http_->bind(host, port); }
  void run() { http_->run(); }
  void stop() { http_->stop(); }
  bool running() const { return http_->running(); }

 private:
  http::Router router_;
  Collector collector_;
  std::unique_ptr<http::HttpServer> http_;
};

}  // namespace examready::server
