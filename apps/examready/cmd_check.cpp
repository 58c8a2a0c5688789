// `examready check`: run the checks, build the report, print it.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <fmt/format.h>
#include <optional>
#include <sstream>

#include "apps/examready/commands.h"
#include "apps/examready/exit_codes.h"
#include "apps/examready/io.h"
#include "apps/examready/upload_output.h"
#include "platform/local_host.h"
#include "probe/host_identity.h"
#include "probe/registry.h"
#include "probe/runner.h"
#include "reports/ids.h"
#include "reports/report.h"
#include "reports/upload_queue.h"
#include "rules/evaluate.h"
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
  std::string rules;
  double deadline_scale = 1.0;
  bool upload = false;
  bool offline = false;
  std::string server;
  std::string ca_file;
  std::string pair;
  std::string queue_dir;
  int upload_attempts = 5;
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

// The report goes to the durable queue first; sending is a flush of that queue, so an
// interrupted upload is retried by the next `examready upload` or `check --upload`.
void queue_and_upload(const CheckArgs& args, const reports::Report& report, const std::string& json,
                      const std::optional<reports::UploadOptions>& options, bool tty) {
  std::FILE* out = args.json ? stderr : stdout;
  reports::UploadQueue queue(args.queue_dir.empty() ? reports::UploadQueue::default_dir() : std::filesystem::path(args.queue_dir));
  queue.enqueue(report.report_id, json);
  print_code_banner(out, report.code(), tty);
  if (!options) {
    fmt::print(out, "queued in {} (offline): send it later with `examready upload`\n", queue.dir().string());
    return;
  }
  std::fflush(out);
  const auto result = reports::flush_queue(queue, *options, [out](const std::string& id, const reports::UploadOutcome& o) {
    print_upload_outcome(out, id, o);
    std::fflush(out);
  });
  if (result.locked_out) fmt::print(out, "another examready process is uploading; the report stays queued\n");
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
  const auto checks = select_checks(args.only);
  std::string pair_code;
  if (!args.pair.empty()) {
    const auto code = reports::normalize_code(args.pair);
    if (!code) throw UsageError("--pair: '" + args.pair + "' is not a report code (e.g. 7KQ2-M9XD)");
    if (*role != probe::Role::kSecondary) throw UsageError("--pair names the primary's code: use it with --role secondary");
    pair_code = *code;
  }
  // Checked before measuring, so a missing server is reported in a second, not a minute.
  std::optional<reports::UploadOptions> upload_options;
  if (args.upload && !args.offline) upload_options = make_upload_options(args.server, args.ca_file, args.upload_attempts, stderr);
  // Load the rules first: a bad rules file should fail before minutes of measuring.
  std::optional<rules::RuleSet> rule_set;
  if (!args.rules.empty()) {
    rule_set = load_rules_argument(args.rules);
    options.watched_apps = rule_set->watched_apps();
  }
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
  report.pair_code = pair_code;

  if (rule_set) report.evaluation = rules::evaluate(*rule_set, report, std::chrono::system_clock::now());

  const std::string json = reports::to_json(report).dump(2) + "\n";
  if (!args.out.empty()) write_file_atomically(args.out, json);
  if (args.json) {
    std::fputs(json.c_str(), stdout);
  } else {
    ui::print_summary(stdout, report, color, lang);
  }
  if (args.upload || args.offline) queue_and_upload(args, report, json, upload_options, tty && !args.json);
  if (report.evaluation) return exit_code_for_verdict((*report.evaluation)["verdict"].get<std::string>());
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
  cmd->add_option("--rules", args->rules, "Rules file, or a shipped set: xiaoyibang, yishusheng");
  cmd->add_option("--deadline-scale", args->deadline_scale, "Multiply every check's deadline (slow machines)")
      ->check(CLI::Range(0.01, 100.0));
  cmd->add_flag("--upload", args->upload, "Send the report to the collector (queued first, sent exactly once)");
  cmd->add_flag("--offline", args->offline, "Queue the report for a later `examready upload` without sending");
  cmd->add_option("--server", args->server, "Collector URL (default: $EXAMREADY_SERVER)");
  cmd->add_option("--ca-file", args->ca_file, "CA certificate(s) to trust for the collector's TLS");
  cmd->add_option("--pair", args->pair, "Secondary phone: the primary's report code");
  cmd->add_option("--upload-attempts", args->upload_attempts, "Attempts before leaving the report queued")
      ->check(CLI::Range(1, 20));
  cmd->add_option("--queue-dir", args->queue_dir, "Upload queue directory (default: $XDG_STATE_HOME/examready/queue)");
  cmd->callback([args, &exit_code] { exit_code = run_check(*args); });
}

}  // namespace examready::app
