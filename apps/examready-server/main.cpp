// examready-server: the collector (uploads, helpdesk, public statistics, measurement
// endpoints). Argument parsing and wiring only; options.cpp holds the command line.
#include <fmt/format.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "apps/examready-server/options.h"
#include "platform/files.h"
#include "rules/bundle.h"
#include "rules/devices/device_db.h"
#include "rules/files.h"
#include "server/collector_server.h"
#include "server/measure/probe_endpoints.h"
#include "server/measure/udp_echo.h"
#include "server/rules_evaluator.h"
#include "server/tokens.h"

namespace {

using namespace examready::server;
using examready::server_app::Args;

void write_port_file(const std::string& path, int port) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp);
    out << port << "\n";
  }
  std::filesystem::rename(temp, path);
}

// The sets the web check may evaluate with: the server's own (under its id, the default) and
// the shipped ones by name.
examready::server::WebCheckRules web_check_rules(const std::optional<std::filesystem::path>& own,
                                                 const std::string& own_id) {
  examready::server::WebCheckRules web;
  for (const char* shipped : {"xiaoyibang", "yishusheng"}) {
    if (const auto path = examready::rules::find_rule_set(shipped))
      web.bundles[shipped] = examready::rules::rule_set_bundle(*path).dump();
  }
  if (own) {
    web.bundles[own_id] = examready::rules::rule_set_bundle(*own).dump();
    web.default_name = own_id;
  }
  return web;
}

// The server's verdict is the one stored: its rules set is loaded before anything else.
// Returns an exit code on failure.
std::optional<int> load_rules(const Args& args, ServerRules& rules, std::string& rules_id,
                              examready::server::WebCheckRules& web) {
  if (args.rules == "none") {
    web = web_check_rules(std::nullopt, {});
    return std::nullopt;
  }
  const auto path = examready::rules::find_rule_set(args.rules);
  if (!path) {
    fmt::print(stderr, "examready-server: --rules: no rules file or shipped set '{}'\n",
               args.rules);
    return 64;
  }
  try {
    auto rule_set = examready::rules::load_rule_set(*path);
    rules_id = rule_set.id;
    rules = make_server_rules(std::move(rule_set));
    web = web_check_rules(*path, rules_id);
  } catch (const examready::rules::RulesLoadError& e) {
    fmt::print(stderr, "examready-server: {}\n", e.error().to_string());
    return 65;
  }
  return std::nullopt;
}

// The device database /v1/devices serves: --devices FILE (checked now, so a broken file stops
// the server with its line rather than reaching probes), else the built-in one.
std::shared_ptr<const ServedDevices> load_devices(const Args& args) {
  if (args.devices.empty()) {
    return serve_devices(std::string(examready::devices::DeviceDb::shipped_text()));
  }
  // The probes' own limit: a file they would refuse is refused here, and a FIFO or
  // /dev/zero given by mistake cannot fill the memory.
  std::string error;
  auto text = examready::platform::read_text_file(args.devices,
                                                  examready::devices::kMaxDatabaseBytes, error);
  if (!text) {
    fmt::print(stderr, "examready-server: --devices: cannot read {}: {}\n", args.devices, error);
    return nullptr;
  }
  try {
    return serve_devices(std::move(*text));
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "examready-server: --devices: {}: {}\n", args.devices, e.what());
    return nullptr;
  }
}

std::optional<TokenStore> load_tokens(const Args& args) {
  TokenStore tokens;
  std::vector<std::string> errors;
  if (!args.tokens_file.empty()) errors = tokens.load_file(args.tokens_file);
  if (const char* env = std::getenv("EXAMREADY_HELPDESK_TOKENS")) {
    for (auto& e : tokens.load_env_list(env)) errors.push_back(std::move(e));
  }
  for (const auto& e : errors) fmt::print(stderr, "examready-server: {}\n", e);
  if (!errors.empty()) return std::nullopt;
  if (tokens.size() == 0) {
    fmt::print(stderr,
               "examready-server: no helpdesk tokens (--tokens-file or EXAMREADY_HELPDESK_TOKENS): "
               "report lookups will all answer 401\n");
  }
  return tokens;
}

// The UDP echo (loss measurement) listens on the same port number as HTTP, so one firewall
// rule opens both; a taken UDP port falls back to any free one. Pings advertise it.
ProbeEndpointOptions start_udp_echo(UdpEchoServer& echo, const std::string& host, int port) {
  ProbeEndpointOptions probe;
  std::string error = echo.start(host, static_cast<std::uint16_t>(port));
  if (!error.empty()) error = echo.start(host, 0);
  if (error.empty()) {
    probe.udp_echo_port = echo.port();
  } else {
    fmt::print(stderr,
               "examready-server: no UDP echo ({}): clients fall back to TCP loss estimates\n",
               error);
  }
  return probe;
}

// Serves until SIGTERM/SIGINT, which go to one waiting thread (never into a handler running
// mid-request); the front then drains within its grace period.
void serve_until_signal(CollectorServer& server, sigset_t signals) {
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    if (signal == SIGUSR1) return;  // serve() ended on its own
    fmt::print(stderr, "examready-server: signal {}, finishing in-flight requests\n", signal);
    server.stop();
  });
  server.run();
  pthread_kill(waiter.native_handle(), SIGUSR1);
  waiter.join();
}

int run(const Args& args) {
  std::string host;
  int port = 0;
  if (!examready::server_app::split_listen(args.listen, host, port)) {
    fmt::print(stderr, "examready-server: --listen must be HOST:PORT\n");
    return 64;
  }
  ServerRules rules;
  std::string rules_id;
  examready::server::WebCheckRules web_rules;
  if (auto failed = load_rules(args, rules, rules_id, web_rules)) return *failed;
  auto tokens = load_tokens(args);
  if (!tokens) return 64;
  auto devices = load_devices(args);
  if (!devices) return 65;

  sigset_t signals;
  sigemptyset(&signals);
  for (int s : {SIGTERM, SIGINT, SIGUSR1}) sigaddset(&signals, s);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // every thread started from here on
  ::signal(SIGPIPE, SIG_IGN);

  std::unique_ptr<Storage> storage;
  try {
    // Requests hold a database connection only briefly: a pool smaller than the worker
    // count keeps PostgreSQL connection counts (and SQLite page caches) in bounds.
    storage = open_storage(args.db, std::min(args.threads, 16));
  } catch (const StorageError& e) {
    fmt::print(stderr, "examready-server: {}\n", e.what());
    return 69;  // EX_UNAVAILABLE
  }
  std::unique_ptr<CollectorServer> server;
  try {
    auto options = examready::server_app::collector_options(args, rules_id, std::move(web_rules));
    options.devices = devices;
    server = std::make_unique<CollectorServer>(
        std::move(options), examready::server_app::server_limits(args),
        http::TlsFiles{args.tls_cert, args.tls_key}, *storage, std::move(*tokens), rules.evaluate,
        rules.restore);
  } catch (const http::TlsSetupError& e) {
    fmt::print(stderr, "examready-server: {}\n", e.what());
    return 66;  // EX_NOINPUT
  }
  const int bound = server->bind(host, port);
  if (bound < 0) {
    fmt::print(stderr, "examready-server: cannot listen on {}\n", args.listen);
    return 69;
  }
  UdpEchoServer udp_echo;
  add_probe_routes(server->router(), start_udp_echo(udp_echo, host, bound));
  if (!args.port_file.empty()) write_port_file(args.port_file, bound);
  fmt::print(stderr,
             "examready-server: listening on {}://{}:{} ({}, {} workers, rules {}, devices {})\n",
             args.tls_cert.empty() ? "http" : "https", host, bound, storage->backend_name(),
             args.threads, rules_id.empty() ? "none" : rules_id, devices->version);
  serve_until_signal(*server, signals);
  udp_echo.stop();
  server.reset();
  storage.reset();  // closes the database cleanly (SQLite checkpoints its WAL)
  fmt::print(stderr, "examready-server: stopped\n");
  return 0;
}

// `--hash-token`: the token comes on stdin (one line), never in argv, where `ps` and shell
// histories would show it.
int hash_token_from_stdin() {
  std::string token;
  std::getline(std::cin, token);
  while (!token.empty() && (token.back() == '\r' || token.back() == '\n')) token.pop_back();
  if (!valid_token_format(token)) {
    fmt::print(stderr,
               "examready-server: --hash-token reads the token from stdin: 16 to 256 "
               "characters of A-Z a-z 0-9 . _ ~ + / = -\n");
    return 65;
  }
  fmt::print("helpdesk {}\n", token_digest_text(token));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ExamReady collector: stores uploaded reports, serves the helpdesk and statistics",
               "examready-server"};
  Args args;
  examready::server_app::add_options(app, args);
  CLI11_PARSE(app, argc, argv);
  if (args.hash_token) return hash_token_from_stdin();
  return run(args);
}
