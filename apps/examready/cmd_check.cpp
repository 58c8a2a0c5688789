// `examready check`: run the checks, build the report, print it.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <fmt/format.h>
#include <sstream>

#include "apps/examready/commands.h"
#include "apps/examready/exit_codes.h"
#include "apps/examready/io.h"
#include "apps/examready/phone_target.h"
#include "platform/local_host.h"
#include "probe/host_identity.h"
#include "probe/registry.h"
#include "probe/runner.h"
#include "reports/ids.h"
#include "reports/report.h"
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
  // Phone transports: set when the option was given (its value may be empty).
  bool android = false, ios = false;
  std::string android_serial, ios_udid;
  std::string getprop_file;
};

// The Host and transport the options ask for; the local machine by default.
Target open_target(const CheckArgs& args) {
  if (args.android) return open_android(args.android_serial);
  if (args.ios) return open_ios(args.ios_udid);
  if (!args.getprop_file.empty()) return open_getprop_text(args.getprop_file);
  Target t;
  t.host = std::make_unique<platform::LocalHost>();
  t.transport = probe::Transport::kLocal;
  t.platform = probe::local_platform_name(*t.host);
  if (auto id = probe::local_machine_id(*t.host); !id.empty()) t.device_id = reports::device_id_hash(id);
  return t;
}

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
  Target target;
  try {
    target = open_target(args);
  } catch (const DeviceUnavailable& e) {
    std::fprintf(stderr, "examready: %s\n", e.what());
    return kExitIncomplete;
  }
  probe::ProbeOptions options;
  options.transport = target.transport;
  options.data_dir = args.data_dir.empty() ? home_directory() : args.data_dir;
  if (options.transport == probe::Transport::kLocal && !std::filesystem::is_directory(options.data_dir)) {
    throw UsageError(fmt::format("--data-dir: {} is not a directory", options.data_dir));
  }
  const auto checks = select_checks(args.only);
  // Load the rules first: a bad rules file should fail before minutes of measuring.
  std::optional<rules::RuleSet> rule_set;
  if (!args.rules.empty()) {
    rule_set = load_rules_argument(args.rules);
    options.watched_apps = rule_set->watched_apps();
  }
  const ui::Language lang = ui::parse_language(args.lang);

  platform::Host& host = *target.host;
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
  report.host.platform = target.platform;
  report.host.device_id = target.device_id;
  report.checks = probe::run_checks(checks, host, options, on_event, runner);

  if (rule_set) report.evaluation = rules::evaluate(*rule_set, report, std::chrono::system_clock::now());

  const std::string json = reports::to_json(report).dump(2) + "\n";
  if (!args.out.empty()) write_file_atomically(args.out, json);
  if (args.json) {
    std::fputs(json.c_str(), stdout);
  } else {
    ui::print_summary(stdout, report, color, lang);
  }
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
  auto* android = cmd->add_option("--android", args->android_serial,
                                  "Check the Android/HarmonyOS phone attached over adb (SERIAL: which one)")
                      ->expected(0, 1);
  auto* ios = cmd->add_option("--ios", args->ios_udid, "Check the iPhone attached over USB (UDID: which one)")
                  ->expected(0, 1);
  auto* getprop = cmd->add_option("--from-getprop", args->getprop_file,
                                  "Judge a phone from its pasted `getprop` text (FILE, or - for stdin)");
  android->excludes(ios)->excludes(getprop);
  ios->excludes(getprop);
  cmd->callback([args, android, ios, &exit_code] {
    args->android = android->count() > 0;
    args->ios = ios->count() > 0;
    exit_code = run_check(*args);
  });
}

}  // namespace examready::app
