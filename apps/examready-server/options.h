// examready-server's command line: the options, and what they set in the collector and its
// HTTP front.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "server/collector.h"
#include "server/http/limits.h"

namespace examready::server_app {

struct Args {
  std::string db = "sqlite:examready.db";
  std::string listen = "127.0.0.1:8080";
  std::string tokens_file;
  std::string port_file;
  bool hash_token = false;
  std::string tls_cert, tls_key;
  std::string rules = "xiaoyibang";
  std::string devices;  // --devices FILE; empty: the built-in database
  int threads = 16;
  int io_threads = 2;
  std::size_t max_body_bytes = 1 << 20;
  std::int64_t min_group = 5;
  bool quiet = false;
  std::size_t max_connections = 4096;
  std::size_t max_connections_per_client = 512;
  int shutdown_grace_seconds = 10;
  std::vector<std::string> trusted_proxies;
  double client_report_burst = 120;
  double client_reports_per_hour = 3600;
  double client_stored_mb_per_hour = 32;
  std::int64_t max_stored_reports = 10'000'000;
  double max_stored_gb = 20;
};

void add_options(CLI::App& app, Args& args);
bool split_listen(const std::string& listen, std::string& host, int& port);
server::CollectorOptions collector_options(const Args& args, const std::string& rules_id,
                                           server::WebCheckRules web_check);
server::http::ServerLimits server_limits(const Args& args);

}  // namespace examready::server_app
