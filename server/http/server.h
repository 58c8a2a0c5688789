// The collector's HTTP/1.1 front on Boost.Beast/Asio: a few event-loop threads hold every
// connection (an idle or slow one costs a few KB, never a thread), request deadlines, a
// connection budget, bodies only within their route's limits, blocking handlers on a bounded
// worker pool, optional TLS, and a shutdown that waits for requests in progress at most
// ServerLimits::shutdown_grace. Why this instead of httplib: docs/SECURITY.md.
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "server/http/limits.h"
#include "server/http/router.h"

namespace examready::server::http {

// What the access log and the metrics get for each request.
struct RequestRecord {
  std::string label;  // "POST /v1/reports": a route, never a code or a query
  std::string client;
  int status = 0;
  double seconds = 0;
  std::uint64_t response_bytes = 0;
};
using RequestLogger = std::function<void(const RequestRecord&)>;

// HTTPS when both are set (PEM; the certificate file may hold the chain).
struct TlsFiles {
  std::string cert_file, key_file;
};

// The certificate or key cannot be loaded, or they do not belong together.
struct TlsSetupError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class HttpServer {
 public:
  // Throws TlsSetupError. `router` must outlive the server.
  HttpServer(const Router& router, ServerLimits limits, TlsFiles tls = {},
             RequestLogger logger = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens (host: an address or a name; port 0 picks one). The port, or -1.
  int bind(const std::string& host, int port);
  // Serves until stop(); returns once every connection is closed and every worker is idle.
  void run();
  // From any thread, any number of times: stop accepting, close waiting connections, give
  // requests in progress the grace period, then close the rest.
  void stop();
  bool running() const;
  std::size_t connections() const;
  std::size_t evictions() const;

  struct Impl;  // internal: server_impl.h, shared with the connections

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace examready::server::http
