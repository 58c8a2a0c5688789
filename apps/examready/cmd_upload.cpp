// `examready upload`: sends every report waiting in the offline queue.
#include <fmt/format.h>

#include "apps/examready/commands.h"
#include "apps/examready/exit_codes.h"
#include "apps/examready/upload_output.h"
#include "reports/upload/upload_queue.h"

namespace examready::app {
namespace {

struct UploadArgs {
  std::string server;
  std::string ca_file;
  std::string queue_dir;
  int attempts = 5;
  bool retry_rejected = false;
};

int run_upload(const UploadArgs& args) {
  const auto options = make_upload_options(args.server, args.ca_file, args.attempts, stdout);
  reports::UploadQueue queue(args.queue_dir.empty() ? reports::UploadQueue::default_dir()
                                                    : std::filesystem::path(args.queue_dir));
  if (args.retry_rejected) {
    fmt::print("{} refused report(s) back in the queue\n", queue.requeue_rejected());
  }
  const auto result = reports::flush_queue(
      queue, options,
      [](const std::string& id, const reports::UploadOutcome& o) {
        print_upload_outcome(stdout, id, o);
        std::fflush(stdout);
      },
      "",
      [](const std::string&, const std::string& error) {
        fmt::print("skipped a queue entry that cannot be read ({}); the others are sent\n", error);
      });
  if (result.locked_out) {
    fmt::print("another examready process is uploading this queue ({})\n", queue.dir().string());
    return kExitTempFail;
  }
  print_rejected_dropped(stdout, result, queue);
  fmt::print(
      "queue {}: {} uploaded, {} already on the server, {} conflicts, {} rejected, {} still "
      "queued\n",
      queue.dir().string(), result.stored, result.replayed, result.conflicts, result.rejected,
      result.still_queued);
  if (result.still_queued > 0) return kExitTempFail;
  if (result.rejected > 0) return kExitInvalidInput;
  return kExitReady;
}

}  // namespace

void add_upload_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<UploadArgs>();
  CLI::App* cmd = app.add_subcommand("upload", "Send the reports waiting in the offline queue");
  cmd->add_option("--server", args->server, "Collector URL (default: $EXAMREADY_SERVER)");
  cmd->add_option("--ca-file", args->ca_file, "CA certificate(s) to trust for the collector's TLS");
  cmd->add_option("--queue-dir", args->queue_dir,
                  "Queue directory (default: $XDG_STATE_HOME/examready/queue)");
  cmd->add_option("--upload-attempts", args->attempts,
                  "Attempts per report before giving up for this run")
      ->check(CLI::Range(1, 20));
  cmd->add_flag("--retry-rejected", args->retry_rejected,
                "First put the reports the collector refused (the queue's rejected/ folder) back "
                "in the queue, e.g. after the collector was fixed");
  cmd->callback([args, &exit_code] { exit_code = run_upload(*args); });
}

}  // namespace examready::app
