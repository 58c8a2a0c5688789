// The collector HTTP server: uploads, helpdesk lookups, public statistics, pages,
// health and metrics, on cpp-httplib with a fixed thread pool.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

#include "server/intake.h"
#include "server/metrics.h"
#include "server/storage.h"
#include "server/tokens.h"

namespace examready::server {

struct CollectorOptions {
  std::size_t max_body_bytes = 1 << 20;  // the compressed body and the decompressed report
  // httplib's limit for any request body; 0 = max_body_bytes. Raised when other endpoints
  // (the /v1/probe/upload throughput test) take large bodies; uploads keep max_body_bytes.
  std::size_t transport_max_bytes = 0;
  int threads = 32;            // httplib holds one thread per open connection
  std::int64_t min_group = 5;  // k-anonymity threshold of /v1/stats
  bool access_log = true;      // one JSON line per request on stderr
  std::string rules_id;        // shown by /healthz; empty when the server has no rules
  // HTTPS when both are set (PEM files; the certificate file may hold the chain). A
  // collector behind a TLS-terminating proxy (HTTP/2 at the edge) leaves them empty.
  std::string tls_cert_file, tls_key_file;
};

// The certificate or key cannot be loaded.
struct TlsSetupError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Collector {
 public:
  // `restore` puts back the rule texts the evaluator left out of stored reports (may be empty).
  Collector(CollectorOptions options, Storage& storage, TokenStore tokens, Evaluator evaluate,
            std::function<void(nlohmann::json& evaluation)> restore = {});
  Collector(const Collector&) = delete;
  Collector& operator=(const Collector&) = delete;

  // For other endpoint groups (the network probe endpoints) to register themselves.
  httplib::Server& http() { return *http_; }

  // Binds the listening socket; returns the port (useful with port 0) or -1.
  int bind(const std::string& host, int port);
  // Serves until stop(); in-flight requests finish before it returns.
  bool serve();
  void stop() { http_->stop(); }

 private:
  void add_routes();
  void post_report(const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& reader);
  void get_report(const httplib::Request& req, httplib::Response& res);
  void search_reports(const httplib::Request& req, httplib::Response& res);
  void get_stats(const httplib::Request& req, httplib::Response& res);
  nlohmann::json full_json(const StoredReport& report) const;
  // False after answering 401/403.
  bool authorize_helpdesk(const httplib::Request& req, httplib::Response& res);

  CollectorOptions options_;
  Storage& storage_;
  TokenStore tokens_;
  Evaluator evaluate_;
  std::function<void(nlohmann::json& evaluation)> restore_;
  Metrics metrics_;
  std::unique_ptr<httplib::Server> http_;  // an httplib::SSLServer when TLS is on
  int listen_socket_ = -1;
};

}  // namespace examready::server
