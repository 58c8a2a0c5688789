// `examready check`: run the checks, build the report, print it.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <sstream>

#include "apps/examready/commands.h"
#include "apps/examready/exit_codes.h"
#include "apps/examready/io.h"
#include "platform/local_host.h"
#include "probe/host_identity.h"
#include "probe/registry.h"
#include "probe/runner.h"
#include "reports/ids.h"
#include "reports/report.h"
#include "ui/terminal.h"

namespace examready::app {
namespace {

struct CheckArgs {
  bool json = false;
  std::string out;
  std::string only;
  std::string role = "primary";
  std::string data_dir;
  std::string lang;
  std::string server;
  std::string ca_file;
  double deadline_scale = 1.0;
};

std::string home_directory() {
  if (const char* home = std::getenv("HOME"); home && *home) return home;
  if (const passwd* pw = ::getpwuid(::getuid())) return pw->pw_dir;
  return "/";
}

std::vector<const probe::CheckSpec*> select_checks(const std::string& only) {
  std::vector<const probe::CheckSpec*> selected;
  if (only.empty()) {
    for (const auto& spec : probe::all_checks()) selected.push_back(&spec);
    return selected;
  }
  std::stringstream list(only);
  std::string name;
  while (std::getline(list, name, ',')) {
    if (name.empty()) continue;
    const probe::CheckSpec* spec = probe::find_check(name);
    if (!spec) {
      std::string known;
      for (const auto& s : probe::all_checks()) known += (known.empty() ? "" : ", ") + std::string(s.name);
      throw UsageError(fmt::format("--only: unknown check '{}' (known: {})", name, known));
    }
    if (std::find(selected.begin(), selected.end(), spec) == selected.end()) selected.push_back(spec);
  }
  if (selected.empty()) throw UsageError("--only: no check named");
  return selected;
}

// Without a rules set there is no verdict: a run where every check answered is
// "ready" in the sense of "measured", otherwise "incomplete".
int exit_code_without_rules(const reports::Report& report) {
  for (const auto& check : report.checks) {
    if (check.status != probe::CheckStatus::kOk && check.status != probe::CheckStatus::kUnsupported) {
      return kExitIncomplete;
    }
  }
  return kExitReady;
}

int run_check(const CheckArgs& args) {
  auto role = probe::parse_role(args.role);
  if (!role) throw UsageError("--role must be primary or secondary");
  probe::ProbeOptions options;
  options.transport = probe::Transport::kLocal;
  options.data_dir = args.data_dir.empty() ? home_directory() : args.data_dir;
  if (!std::filesystem::is_directory(options.data_dir)) {
    throw UsageError(fmt::format("--data-dir: {} is not a directory", options.data_dir));
  }
  options.server_url = args.server;
  if (options.server_url.empty()) {
    if (const char* env = std::getenv("EXAMREADY_SERVER")) options.server_url = env;
  }
  options.ca_file = args.ca_file;
  const auto checks = select_checks(args.only);
  const ui::Language lang = ui::parse_language(args.lang);

  platform::LocalHost host;
  const bool show_progress = !args.json;
  const bool tty = ::isatty(STDOUT_FILENO) != 0;
  const bool color = tty && std::getenv("NO_COLOR") == nullptr;
  ui::TerminalProgress progress(stdout, tty, color, lang);
  probe::RunnerOptions runner;
  runner.deadline_scale = args.deadline_scale;
  if (show_progress) runner.on_tick = [&] { progress.tick(); };
  probe::ProgressHandler on_event;
  if (show_progress) on_event = [&](const probe::ProgressEvent& e) { progress.on_event(e); };

  reports::Report report = reports::new_report(options.transport, *role);
  report.host.platform = probe::local_platform_name(host);
  if (auto id = probe::local_machine_id(host); !id.empty()) report.host.device_id = reports::device_id_hash(id);
  report.checks = probe::run_checks(checks, host, options, on_event, runner);

  const std::string json = reports::to_json(report).dump(2) + "\n";
  if (!args.out.empty()) write_file_atomically(args.out, json);
  if (args.json) {
    std::fputs(json.c_str(), stdout);
  } else {
    ui::print_summary(stdout, report, color, lang);
  }
  return exit_code_without_rules(report);
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Measure this device and print the report");
  cmd->add_flag("--json", args->json, "Print only the JSON report on stdout");
  cmd->add_option("--out", args->out, "Also write the JSON report to FILE");
  cmd->add_option("--only", args->only, "Comma-separated checks to run (see `examready checks`)");
  cmd->add_option("--role", args->role, "Which phone of the pair this is")
      ->check(CLI::IsMember({"primary", "secondary"}));
  cmd->add_option("--data-dir", args->data_dir, "Directory on the volume that will hold recordings (default: home)");
  cmd->add_option("--lang", args->lang, "Language of messages: zh or en (default: from LANG)")
      ->check(CLI::IsMember({"zh", "zh-CN", "en"}));
  cmd->add_option("--server", args->server, "Collector URL, for the network check (default: $EXAMREADY_SERVER)");
  cmd->add_option("--ca-file", args->ca_file, "Extra CA bundle that verifies the collector's TLS certificate");
  cmd->add_option("--deadline-scale", args->deadline_scale, "Multiply every check's deadline (slow machines)")
      ->check(CLI::Range(0.01, 100.0));
  cmd->callback([args, &exit_code] { exit_code = run_check(*args); });
}

}  // namespace examready::app
