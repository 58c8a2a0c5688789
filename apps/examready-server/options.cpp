// examready-server's options (options.h); docs/SECURITY.md explains each limit.
#include "apps/examready-server/options.h"

namespace examready::server_app {
namespace {

void add_limit_options(CLI::App& app, Args& args) {
  app.add_option("--max-connections", args.max_connections,
                 "Connections open at once; at the cap the longest-waiting idle one is closed")
      ->check(CLI::Range(std::size_t{16}, std::size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--max-connections-per-client", args.max_connections_per_client,
                 "Connections one client address may hold (a classroom behind NAT is one)")
      ->check(CLI::Range(std::size_t{8}, std::size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--shutdown-grace-seconds", args.shutdown_grace_seconds,
                 "On SIGTERM, how long requests in progress may take to finish")
      ->check(CLI::Range(0, 600))
      ->capture_default_str();
  app.add_option("--trusted-proxy", args.trusted_proxies,
                 "A load balancer's address: its X-Forwarded-For names the client (repeatable)");
  app.add_option("--client-report-burst", args.client_report_burst,
                 "Uploads one client address may make at once (0: no per-client upload limits)")
      ->check(CLI::Range(0.0, 1e9))
      ->capture_default_str();
  app.add_option("--client-reports-per-hour", args.client_reports_per_hour,
                 "Sustained uploads per client address")
      ->check(CLI::Range(0.0, 1e9))
      ->capture_default_str();
  app.add_option("--client-stored-mb-per-hour", args.client_stored_mb_per_hour,
                 "Stored report data per client address (MB, also the burst; 0: no limit)")
      ->check(CLI::Range(0.0, 1e9))
      ->capture_default_str();
  app.add_option("--max-stored-reports", args.max_stored_reports,
                 "Disk budget: reports stored in all (0: none); beyond it uploads get 507")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 40))
      ->capture_default_str();
  app.add_option("--max-stored-gb", args.max_stored_gb,
                 "Disk budget: GB of stored reports (0: none); beyond it uploads get 507")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
}

}  // namespace

void add_options(CLI::App& app, Args& args) {
  app.set_version_flag("--version", std::string("examready-server ") + EXAMREADY_VERSION);
  app.add_option("--db", args.db, "sqlite:PATH or postgresql://… (libpq URI)")
      ->capture_default_str();
  app.add_option("--listen", args.listen, "HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  app.add_option("--tokens-file", args.tokens_file,
                 "Lines 'helpdesk sha256:<hex>' (or the token itself)");
  app.add_option("--port-file", args.port_file, "Write the bound port to FILE once listening");
  app.add_option("--threads", args.threads,
                 "Worker threads for the database and validation (connections do not hold one)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--io-threads", args.io_threads, "Network threads (all connections share them)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--max-body-bytes", args.max_body_bytes,
                 "Largest report accepted, compressed or not")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{64} << 20))
      ->capture_default_str();
  app.add_option("--min-group", args.min_group,
                 "Smallest group /v1/stats shows, in distinct devices (k-anonymity)")
      ->check(CLI::Range(std::int64_t{1}, server::kMaxTrackedDevices))
      ->capture_default_str();
  auto* cert = app.add_option("--tls-cert", args.tls_cert,
                              "Serve HTTPS with this PEM certificate (chain) file")
                   ->check(CLI::ExistingFile);
  app.add_option("--tls-key", args.tls_key, "The PEM private key of --tls-cert")
      ->check(CLI::ExistingFile)
      ->needs(cert);
  cert->needs("--tls-key");
  app.add_flag("--quiet", args.quiet, "No access log");
  app.add_option("--rules", args.rules,
                 "Rules set every upload is evaluated with: a file, a shipped set's name, or none")
      ->capture_default_str();
  app.add_option("--devices", args.devices,
                 "Device database served to probes at /v1/devices (devices.tsv format; default: "
                 "the built-in one)")
      ->check(CLI::ExistingFile);
  app.add_flag("--hash-token", args.hash_token,
               "Read a token from stdin, print its tokens-file line and exit");
  add_limit_options(app, args);
}

bool split_listen(const std::string& listen, std::string& host, int& port) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    return false;
  }
  return !host.empty() && port >= 0 && port <= 65535;
}

server::CollectorOptions collector_options(const Args& args, const std::string& rules_id,
                                           server::WebCheckRules web_check) {
  server::CollectorOptions options;
  options.max_body_bytes = args.max_body_bytes;
  options.min_group = args.min_group;
  options.access_log = !args.quiet;
  options.rules_id = rules_id;
  options.web_check = std::move(web_check);
  server::UploadLimits& limits = options.limits;
  limits.reports_burst = args.client_report_burst;
  limits.reports_per_second = args.client_reports_per_hour / 3600.0;
  limits.stored_bytes_burst = args.client_stored_mb_per_hour * 1e6;
  limits.stored_bytes_per_second = args.client_stored_mb_per_hour * 1e6 / 3600.0;
  limits.max_stored_reports = args.max_stored_reports;
  limits.max_stored_bytes = static_cast<std::int64_t>(args.max_stored_gb * 1e9);
  return options;
}

server::http::ServerLimits server_limits(const Args& args) {
  server::http::ServerLimits limits;
  limits.io_threads = static_cast<std::size_t>(args.io_threads);
  limits.workers = static_cast<std::size_t>(args.threads);
  limits.max_connections = args.max_connections;
  limits.max_connections_per_client = args.max_connections_per_client;
  limits.shutdown_grace = std::chrono::seconds(args.shutdown_grace_seconds);
  limits.trusted_proxies = args.trusted_proxies;
  return limits;
}

}  // namespace examready::server_app
