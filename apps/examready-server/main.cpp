// examready-server: the collector (uploads, helpdesk, public statistics).
#include <fmt/format.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "rules/files.h"
#include "server/collector.h"
#include "server/rules_evaluator.h"
#include "server/storage.h"
#include "server/tokens.h"
#include "server/measure/probe_endpoints.h"
#include "server/measure/udp_echo.h"

namespace {

struct Args {
  std::string db = "sqlite:examready.db";
  std::string listen = "127.0.0.1:8080";
  std::string tokens_file;
  std::string port_file;
  std::string hash_token;
  std::string tls_cert, tls_key;
  std::string rules = "xiaoyibang";
  int threads = 32;
  std::size_t max_body_bytes = 1 << 20;
  std::int64_t min_group = 5;
  bool quiet = false;
};

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

void write_port_file(const std::string& path, int port) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp);
    out << port << "\n";
  }
  std::filesystem::rename(temp, path);
}

int run(const Args& args) {
  using namespace examready::server;
  std::string host;
  int port = 0;
  if (!split_listen(args.listen, host, port)) {
    fmt::print(stderr, "examready-server: --listen must be HOST:PORT\n");
    return 64;
  }
  // The server's verdict is the one stored: load its rules set before anything else.
  ServerRules server_rules;
  std::string rules_id;
  if (args.rules != "none") {
    const auto path = examready::rules::find_rule_set(args.rules);
    if (!path) {
      fmt::print(stderr, "examready-server: --rules: no rules file or shipped set '{}'\n",
                 args.rules);
      return 64;
    }
    try {
      auto rule_set = examready::rules::load_rule_set(*path);
      rules_id = rule_set.id;
      server_rules = make_server_rules(std::move(rule_set));
    } catch (const examready::rules::RulesLoadError& e) {
      fmt::print(stderr, "examready-server: {}\n", e.error().to_string());
      return 65;
    }
  }
  TokenStore tokens;
  std::vector<std::string> errors;
  if (!args.tokens_file.empty()) errors = tokens.load_file(args.tokens_file);
  if (const char* env = std::getenv("EXAMREADY_HELPDESK_TOKENS")) {
    for (auto& e : tokens.load_env_list(env)) errors.push_back(std::move(e));
  }
  for (const auto& e : errors) fmt::print(stderr, "examready-server: {}\n", e);
  if (!errors.empty()) return 64;
  if (tokens.size() == 0) {
    fmt::print(stderr,
               "examready-server: no helpdesk tokens (--tokens-file or EXAMREADY_HELPDESK_TOKENS): "
               "report lookups will all answer 401\n");
  }

  // Signals go to one waiting thread, never into a handler running mid-request.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  std::unique_ptr<Storage> storage;
  try {
    // Requests hold a database connection only briefly: a smaller pool than the thread
    // count keeps PostgreSQL connection counts (and SQLite page caches) in bounds.
    storage = open_storage(args.db, std::min(args.threads, 16));
  } catch (const StorageError& e) {
    fmt::print(stderr, "examready-server: {}\n", e.what());
    return 69;  // EX_UNAVAILABLE
  }
  CollectorOptions options;
  options.threads = args.threads;
  options.max_body_bytes = args.max_body_bytes;
  options.min_group = args.min_group;
  options.access_log = !args.quiet;
  options.rules_id = rules_id;
  options.tls_cert_file = args.tls_cert;
  options.tls_key_file = args.tls_key;
  options.transport_max_bytes = ProbeEndpointOptions{}.max_upload_bytes;
  std::unique_ptr<Collector> collector_owner;
  try {
    collector_owner = std::make_unique<Collector>(options, *storage, std::move(tokens),
                                                  server_rules.evaluate, server_rules.restore);
  } catch (const TlsSetupError& e) {
    fmt::print(stderr, "examready-server: {}\n", e.what());
    return 66;  // EX_NOINPUT
  }
  Collector& collector = *collector_owner;
  const int bound = collector.bind(host, port);
  if (bound < 0) {
    fmt::print(stderr, "examready-server: cannot listen on {}\n", args.listen);
    return 69;
  }
  // The UDP echo (loss measurement) listens on the same port number as HTTP, so one
  // firewall rule opens both; a taken UDP port falls back to any free one. Pings advertise it.
  UdpEchoServer udp_echo;
  std::string udp_error = udp_echo.start(host, static_cast<std::uint16_t>(bound));
  if (!udp_error.empty()) udp_error = udp_echo.start(host, 0);
  ProbeEndpointOptions probe_options;
  if (udp_error.empty()) {
    probe_options.udp_echo_port = udp_echo.port();
  } else {
    fmt::print(stderr,
               "examready-server: no UDP echo ({}): clients fall back to TCP loss estimates\n",
               udp_error);
  }
  register_probe_endpoints(collector.http(), probe_options);
  if (!args.port_file.empty()) write_port_file(args.port_file, bound);
  fmt::print(stderr, "examready-server: listening on {}://{}:{} ({}, {} threads, rules {})\n",
             args.tls_cert.empty() ? "http" : "https", host, bound, storage->backend_name(),
             args.threads, rules_id.empty() ? "none" : rules_id);

  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    fmt::print(stderr, "examready-server: signal {}, finishing in-flight requests\n", signal);
    collector.stop();
  });
  collector.serve();
  // serve() returned without a signal (listen failure): wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  storage.reset();  // closes the database cleanly (SQLite checkpoints its WAL)
  fmt::print(stderr, "examready-server: stopped\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ExamReady collector: stores uploaded reports, serves the helpdesk and statistics",
               "examready-server"};
  app.set_version_flag("--version", std::string("examready-server ") + EXAMREADY_VERSION);
  Args args;
  app.add_option("--db", args.db, "sqlite:PATH or postgresql://… (libpq URI)")
      ->capture_default_str();
  app.add_option("--listen", args.listen, "HOST:PORT (port 0 picks a free one)")
      ->capture_default_str();
  app.add_option("--tokens-file", args.tokens_file,
                 "Lines 'helpdesk sha256:<hex>' (or the token itself)");
  app.add_option("--port-file", args.port_file, "Write the bound port to FILE once listening");
  app.add_option(
         "--threads", args.threads,
         "Worker threads = connections served at once (httplib: one thread per open connection)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  app.add_option("--max-body-bytes", args.max_body_bytes,
                 "Largest report accepted, compressed or not")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{64} << 20))
      ->capture_default_str();
  app.add_option("--min-group", args.min_group, "Smallest group /v1/stats shows (k-anonymity)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}))
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
  app.add_option("--hash-token", args.hash_token, "Print the tokens-file form of TOKEN and exit");
  CLI11_PARSE(app, argc, argv);
  if (!args.hash_token.empty()) {
    fmt::print("helpdesk {}\n", examready::server::token_digest_text(args.hash_token));
    return 0;
  }
  return run(args);
}
