// `examready check`: run the checks, build the report, print it.
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>

#include "apps/examready/check_target.h"
#include "apps/examready/commands.h"
#include "apps/examready/device_database.h"
#include "apps/examready/exit_codes.h"
#include "apps/examready/io.h"
#include "apps/examready/upload_output.h"
#include "core/text.h"
#include "platform/files.h"
#include "platform/process.h"
#include "probe/network/rehearsal.h"
#include "probe/registry.h"
#include "probe/runner.h"
#include "reports/ids.h"
#include "reports/pairing.h"
#include "reports/report.h"
#include "reports/upload/upload_queue.h"
#include "rules/evaluate.h"
#include "ui/terminal.h"
#include "ui/window.h"

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
  std::string devices;  // --devices FILE
  std::string exam_date;
  double deadline_scale = 1.0;
  bool gui = false;
  std::string screenshot;      // --gui: save the result frame (tests, documentation)
  double close_after = -1;     // --gui: close by itself after N seconds
  double capture_seconds = 2;  // camera and microphone capture (tests lengthen it)
  std::string camera;
  std::string camera_source;
  std::string mic;
  TargetChoice target;  // --android/--ios: set when the option was given (its value may be empty)
  bool upload = false;
  bool offline = false;
  std::string server;
  std::string ca_file;
  std::string pair;        // the primary's code, or the pairing link its check showed
  std::string pair_proof;  // the proof, when --pair is a bare code
  std::string queue_dir;
  int upload_attempts = 5;
  std::string rehearse_upload;  // SIZE, e.g. 500MB
};

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
    if (check.status != core::CheckStatus::kOk && check.status != core::CheckStatus::kUnsupported) {
      return kExitIncomplete;
    }
  }
  return kExitReady;
}

// The second phone's command and link, shown with a primary's code: the proof is derived from
// the report id, which only this run knows, so it can be shown offline too.
void print_pairing(std::FILE* out, const reports::Report& report, const std::string& server) {
  if (report.role != core::Role::kPrimary) return;
  const std::string proof = reports::pair_proof(report.report_id);
  fmt::print(out, "second phone: examready check --role secondary --pair {} --pair-proof {}\n",
             report.code(), proof);
  if (!server.empty()) {
    fmt::print(out, "  or open on it: {}/check?role=secondary&pair={}&proof={}\n", server,
               report.code(), proof);
  }
}

// The report goes to the durable queue first; sending is a flush of that queue, so an
// interrupted upload is retried by the next `examready upload` or `check --upload`. The code
// is shown once the report is safe: queued, or (when the queue cannot be written) stored by
// the collector. Returns an exit code when the report did not reach the server as asked.
std::optional<int> queue_and_upload(const CheckArgs& args, const reports::Report& report,
                                    const std::string& json,
                                    const std::optional<reports::UploadOptions>& options,
                                    bool tty) {
  std::FILE* out = args.json ? stderr : stdout;
  const auto print_outcome = [out](const std::string& id, const reports::UploadOutcome& o) {
    print_upload_outcome(out, id, o);
    std::fflush(out);
  };
  const auto show_code = [&] {
    print_code_banner(out, report.code(), tty);
    print_pairing(out, report, options ? options->server_url : std::string());
  };
  reports::UploadQueue queue(args.queue_dir.empty() ? reports::UploadQueue::default_dir()
                                                    : std::filesystem::path(args.queue_dir));
  try {
    queue.enqueue(report.report_id, json);
  } catch (const std::runtime_error& e) {
    fmt::print(out, "examready: the report could not be queued ({})\n", e.what());
    if (!options) return kExitSoftware;
    fmt::print(out, "sending it without the queue: if this fails, it is not kept\n");
    const reports::UploadOutcome o = reports::upload_report(json, report.report_id, *options);
    const bool stored =
        o.status == reports::UploadStatus::kStored || o.status == reports::UploadStatus::kReplayed;
    if (stored) show_code();
    print_outcome(report.report_id, o);
    if (stored) return std::nullopt;
    if (!args.out.empty()) fmt::print(out, "the report is in {}\n", args.out);
    return kExitSoftware;
  }
  show_code();
  if (!options) {
    fmt::print(out, "queued in {} (offline): send it later with `examready upload`\n",
               queue.dir().string());
    return std::nullopt;
  }
  std::fflush(out);
  // The whole queue is sent (reports queued offline earlier go too); the exit code is about
  // this one.
  std::optional<reports::UploadStatus> mine;
  const auto result = reports::flush_queue(
      queue, *options, [&](const std::string& id, const reports::UploadOutcome& o) {
        if (id == report.report_id) mine = o.status;
        print_outcome(id, o);
      });
  if (result.locked_out) {
    fmt::print(out, "another examready process is uploading; the report stays queued\n");
  }
  print_rejected_dropped(out, result, queue);
  if (!mine || !reports::is_final(*mine)) return kExitTempFail;
  if (*mine == reports::UploadStatus::kRejected || *mine == reports::UploadStatus::kConflict) {
    return kExitInvalidInput;
  }
  return std::nullopt;
}

// What the checks read: the transport, the data directory, the camera and microphone asked
// for, the collector. Checked before anything is measured.
probe::ProbeOptions probe_options(const CheckArgs& args, core::Transport transport) {
  probe::ProbeOptions options;
  options.transport = transport;
  options.data_dir = args.data_dir.empty() ? platform::home_directory().string() : args.data_dir;
  if (options.transport == core::Transport::kLocal && !std::filesystem::is_directory(options.data_dir)) {
    throw UsageError(fmt::format("--data-dir: {} is not a directory", options.data_dir));
  }
  options.camera_device = args.camera;
  options.camera_source = args.camera_source;
  options.microphone_name = args.mic;
  options.capture_seconds = args.capture_seconds;
  options.server_url = args.server;
  if (options.server_url.empty()) {
    if (const char* env = std::getenv("EXAMREADY_SERVER")) options.server_url = env;
  }
  options.ca_file = args.ca_file;
  options.devices = load_device_database(args.devices, stderr);
  if (!args.rehearse_upload.empty()) {
    const auto bytes = probe::net::parse_size(args.rehearse_upload);
    if (!bytes) {
      throw UsageError(fmt::format(
          "--rehearse-upload: '{}' is not a size from 1 byte to 4 GiB (e.g. 500MB, 2GB, 1.5GiB)",
          args.rehearse_upload));
    }
    options.rehearse_upload_bytes = *bytes;
  }
  return options;
}

struct PairClaim {
  std::string code;
  std::string proof;
};

// A query parameter of a pairing link ("…/check?role=secondary&pair=7KQ2-M9XD&proof=…"), or
// "" (codes and proofs are base32 and '-': nothing to percent-decode).
std::string link_parameter(std::string_view link, std::string_view name) {
  const auto query = link.find('?');
  if (query == std::string_view::npos) return {};
  std::string_view rest = link.substr(query + 1);
  while (!rest.empty()) {
    const auto end = rest.find('&');
    const std::string_view pair = rest.substr(0, end);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return {};
}

// --pair (a code, or the primary's pairing link) and --pair-proof: the collector attaches a
// secondary to its primary only with the proof, which a bare code, read out or overheard,
// does not carry.
PairClaim pair_claim_of(const CheckArgs& args, core::Role role) {
  if (args.pair.empty()) {
    if (!args.pair_proof.empty()) throw UsageError("--pair-proof goes with --pair");
    return {};
  }
  if (role != core::Role::kSecondary) {
    throw UsageError("--pair names the primary's code: use it with --role secondary");
  }
  const bool link = args.pair.find('?') != std::string::npos;
  const std::string typed_code = link ? link_parameter(args.pair, "pair") : args.pair;
  const auto code = reports::normalize_code(typed_code);
  if (!code) {
    throw UsageError(link ? "--pair: the link carries no report code (pair=…)"
                          : "--pair: '" + args.pair + "' is not a report code (e.g. 7KQ2-M9XD)");
  }
  std::string proof = link ? link_parameter(args.pair, "proof") : std::string();
  if (!args.pair_proof.empty()) proof = args.pair_proof;
  for (char& c : proof) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (proof.empty()) {
    throw UsageError(
        "--pair needs the primary's pairing proof: give the link the primary's check showed, "
        "or --pair-proof (both are printed with the primary's report code)");
  }
  if (!reports::is_pair_proof(proof)) {
    throw UsageError("--pair-proof: '" + proof + "' is not a pairing proof (16 characters)");
  }
  return {*code, proof};
}

// Where progress and the verdict are shown: the SDL2 window (--gui), the terminal, or
// nowhere (--json keeps stdout for the report, and a stand-in for fork on Windows shows
// nothing: its stdout carries one check's result to the run that started it).
class LiveView {
 public:
  LiveView(const CheckArgs& args, ui::Language lang)
      : tty_(platform::is_terminal(stdout)),
        color_(tty_ && std::getenv("NO_COLOR") == nullptr),
        terminal_(stdout, tty_, color_, lang) {
    runner_.deadline_scale = args.deadline_scale;
    if (platform::is_fork_stand_in()) return;
    if (args.gui) {
      std::string why;
      window_ = ui::ProbeWindow::open(lang, &why);
      if (!window_) fmt::print(stderr, "examready: {}; showing results in the terminal\n", why);
    }
    if (window_) {
      runner_.on_tick = [this] { window_->pump(); };
      on_event_ = [this](const probe::ProgressEvent& e) { window_->on_event(e); };
    } else if (!args.json) {
      runner_.on_tick = [this] { terminal_.tick(); };
      on_event_ = [this](const probe::ProgressEvent& e) { terminal_.on_event(e); };
    }
  }
  LiveView(const LiveView&) = delete;
  LiveView& operator=(const LiveView&) = delete;

  const probe::RunnerOptions& runner() const { return runner_; }
  const probe::ProgressHandler& on_event() const { return on_event_; }
  bool tty() const { return tty_; }
  bool color() const { return color_; }
  ui::ProbeWindow* window() { return window_.get(); }

 private:
  bool tty_;
  bool color_;
  ui::TerminalProgress terminal_;
  std::unique_ptr<ui::ProbeWindow> window_;
  probe::RunnerOptions runner_;
  probe::ProgressHandler on_event_;
};

// Writes, prints, shows and sends the finished report; returns the exit code.
int deliver_report(const CheckArgs& args, const reports::Report& report, LiveView& view,
                   ui::Language lang, const std::optional<reports::UploadOptions>& upload) {
  const std::string json = reports::to_json(report).dump(2) + "\n";
  if (!args.out.empty()) write_file_atomically(args.out, json);
  if (args.json) {
    std::fputs(json.c_str(), stdout);
  } else {
    ui::print_summary(stdout, report, view.color(), lang);
  }
  if (auto* window = view.window()) {
    window->show_report(report);
    window->wait_until_closed(args.close_after, args.screenshot);
  }
  // A report that did not reach the collector as asked says so in the exit code (75: still
  // queued, 65: refused), before the verdict's: scripts and kiosks must tell it apart.
  if (args.upload || args.offline) {
    if (auto failed = queue_and_upload(args, report, json, upload, view.tty() && !args.json)) {
      return *failed;
    }
  }
  if (report.evaluation) {
    return exit_code_for_verdict((*report.evaluation)["verdict"].get<std::string>());
  }
  return exit_code_without_rules(report);
}

int run_check(const CheckArgs& args) {
  auto role = core::parse_role(args.role);
  if (!role) throw UsageError("--role must be primary or secondary");
  Target target;
  try {
    target = open_target(args.target);
  } catch (const DeviceUnavailable& e) {
    std::fprintf(stderr, "examready: %s\n", core::text::printable(e.what(), true).c_str());
    return kExitIncomplete;
  }
  probe::ProbeOptions options = probe_options(args, target.transport);
  const auto checks = select_checks(args.only);
  const PairClaim pair = pair_claim_of(args, *role);
  // Checked before measuring, so a missing server is reported in a second, not a minute.
  std::optional<reports::UploadOptions> upload_options;
  if (args.upload && !args.offline) {
    upload_options = make_upload_options(args.server, args.ca_file, args.upload_attempts, stderr);
  }
  // Load the rules first: a bad rules file should fail before minutes of measuring.
  if (!args.exam_date.empty() && !reports::parse_exam_date(args.exam_date))
    throw UsageError(fmt::format("--exam-date: '{}' is not a date (YYYY-MM-DD)", args.exam_date));
  std::optional<rules::RuleSet> rule_set;
  if (!args.rules.empty()) {
    rule_set = load_rules_argument(args.rules);
    options.watched_apps = rule_set->watched_apps();
    options.exam_apps = rule_set->exam_app_packages();
  }
  const ui::Language lang = ui::parse_language(args.lang);
  LiveView view(args, lang);

  reports::Report report = reports::new_report(options.transport, *role);
  report.host.platform = target.platform;
  report.host.device_id = target.device_id;
  report.checks = probe::run_checks(checks, *target.host, options, view.on_event(), view.runner());
  report.pair_code = pair.code;
  report.pair_proof = pair.proof;
  report.exam_date = args.exam_date;
  if (rule_set)
    report.evaluation = rules::evaluate(*rule_set, report, std::chrono::system_clock::now());
  return deliver_report(args, report, view, lang, upload_options);
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
  cmd->add_option(
      "--devices", args->devices,
      "Device database file (rules/devices/devices.tsv format), or 'builtin' (default: the one "
      "`examready devices update` fetched, else the built-in one)");
  cmd->add_option("--exam-date", args->exam_date,
                  "The exam's date (YYYY-MM-DD), kept in the report: rules are judged as of it "
                  "when it is later than today (a phone launched \"within two years\" must "
                  "still be so on the exam day)");
  cmd->add_option("--deadline-scale", args->deadline_scale, "Multiply every check's deadline (slow machines)")
      ->check(CLI::Range(0.01, 100.0));
  cmd->add_flag("--gui", args->gui, "Show progress and the verdict in a window");
  cmd->add_option("--screenshot", args->screenshot, "With --gui: save the result window as BMP")->group("");
  cmd->add_option("--close-after", args->close_after, "With --gui: close after N seconds")->group("");
  cmd->add_option("--capture-seconds", args->capture_seconds, "Camera and microphone capture length")
      ->check(CLI::Range(0.5, 30.0))
      ->group("");
  cmd->add_option("--camera", args->camera, "Camera device to check (default: the first one, e.g. /dev/video0)");
  cmd->add_option("--camera-source", args->camera_source,
                  "Any FFmpeg input instead of the camera: a video file or lavfi:GRAPH "
                  "(e.g. lavfi:testsrc2=size=1280x720:rate=30)");
  cmd->add_option("--mic", args->mic, "Capture device name to check (default: the system default)");
  auto* android = cmd->add_option("--android", args->target.android_serial,
                                  "Check the Android/HarmonyOS phone attached over adb (SERIAL: which one)")
                      ->expected(0, 1);
  auto* ios = cmd->add_option("--ios", args->target.ios_udid, "Check the iPhone attached over USB (UDID: which one)")
                  ->expected(0, 1);
  auto* getprop = cmd->add_option("--from-getprop", args->target.getprop_file,
                                  "Judge a phone from its pasted `getprop` text (FILE, or - for stdin)");
  android->excludes(ios)->excludes(getprop);
  ios->excludes(getprop);
  cmd->callback([args, android, ios, &exit_code] {
    args->target.android = android->count() > 0;
    args->target.ios = ios->count() > 0;
    exit_code = run_check(*args);
  });
  cmd->add_flag("--upload", args->upload, "Send the report to the collector (queued first, sent exactly once)");
  cmd->add_flag("--offline", args->offline, "Queue the report for a later `examready upload` without sending");
  cmd->add_option("--server", args->server, "Collector URL, for the network check and --upload (default: $EXAMREADY_SERVER)");
  cmd->add_option("--rehearse-upload", args->rehearse_upload,
                  "Network check: also rehearse a resumable upload of SIZE (e.g. 500MB, 2GB) to the collector");
  cmd->add_option("--ca-file", args->ca_file, "CA certificate(s) to trust for the collector's TLS");
  cmd->add_option(
      "--pair", args->pair,
      "Secondary phone: the primary's pairing link, or its report code with --pair-proof");
  cmd->add_option("--pair-proof", args->pair_proof,
                  "Secondary phone: the pairing proof printed with the primary's report code");
  cmd->add_option("--upload-attempts", args->upload_attempts, "Attempts before leaving the report queued")
      ->check(CLI::Range(1, 20));
  cmd->add_option("--queue-dir", args->queue_dir, "Upload queue directory (default: $XDG_STATE_HOME/examready/queue)");
}

}  // namespace examready::app
