// A collector on a real loopback socket (ephemeral port) over either backend, for tests.
#pragma once

#include <httplib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "server/collector.h"
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

class LiveServer {
 public:
  explicit LiveServer(const std::string& url, server::CollectorOptions options = {},
                      server::Evaluator evaluate = {},
                      std::function<void(nlohmann::json&)> restore = {}) {
    storage_ = server::open_storage(url, options.threads);
    server::TokenStore tokens;
    tokens.add(server::TokenRole::kHelpdesk, kHelpdeskToken);
    tokens.add(server::TokenRole::kUploader, kUploaderToken);
    options.access_log = false;
    collector_ = std::make_unique<server::Collector>(options, *storage_, std::move(tokens),
                                                     std::move(evaluate), std::move(restore));
    port_ = collector_->bind("127.0.0.1", 0);
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { collector_->serve(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!collector_->http().is_running() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(collector_->http().is_running());
  }
  ~LiveServer() {
    collector_->stop();
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
  std::unique_ptr<server::Collector> collector_;
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
