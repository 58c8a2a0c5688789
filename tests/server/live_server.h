// A collector on a real loopback socket (ephemeral port) over either backend, for tests.
#pragma once

#include <httplib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "server/collector_server.h"
#include "server/measure/probe_endpoints.h"
#include "tests/server/temp_postgres.h"

namespace examready::test {

inline constexpr const char* kHelpdeskToken = "helpdesk-secret-token";
inline constexpr const char* kUploaderToken = "kiosk-uploader-token";

// A storage URL for the backend, or empty (with a printed reason) when it cannot run here.
inline std::string backend_url(const std::string& backend, const std::filesystem::path& scratch) {
  if (backend == "sqlite") return "sqlite:" + (scratch / "collector.db").string();
  std::string reason;
  TempPostgres* pg = TempPostgres::shared(reason);
  if (!pg) {
    WARN("PostgreSQL tests skipped: " << reason);
    return "";
  }
  return pg->new_database();
}

// Per-client limits are off unless a test sets them: tests send many requests from one
// address. `limits` are the front's.
inline server::CollectorOptions test_options() {
  server::CollectorOptions options;
  options.limits.reports_burst = 0;
  options.limits.stored_bytes_burst = 0;
  options.limits.auth_failures_burst = 0;
  return options;
}

class LiveServer {
 public:
  explicit LiveServer(const std::string& url, server::CollectorOptions options = test_options(),
                      server::Evaluator evaluate = {},
                      std::function<void(nlohmann::json&)> restore = {},
                      server::http::ServerLimits limits = {}, bool probe_routes = false) {
    storage_ = server::open_storage(url, 8);
    server::TokenStore tokens;
    tokens.add(server::TokenRole::kHelpdesk, kHelpdeskToken);
    tokens.add(server::TokenRole::kUploader, kUploaderToken);
    options.access_log = false;
    limits.workers = std::min<std::size_t>(limits.workers, 8);
    server_ = std::make_unique<server::CollectorServer>(options, limits, server::http::TlsFiles{},
                                                        *storage_, std::move(tokens),
                                                        std::move(evaluate), std::move(restore));
    if (probe_routes) server::add_probe_routes(server_->router());
    port_ = server_->bind("127.0.0.1", 0);
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_->run(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server_->running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(server_->running());
  }
  ~LiveServer() {
    server_->stop();
    thread_.join();
  }
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  int port() const { return port_; }
  server::Storage& storage() { return *storage_; }
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client;
  }

 private:
  std::unique_ptr<server::Storage> storage_;
  std::unique_ptr<server::CollectorServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// A scratch directory removed at scope exit.
class ScratchDir {
 public:
  ScratchDir() {
    char templ[] = "/tmp/exr-test.XXXXXX";
    path_ = ::mkdtemp(templ);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace examready::test
