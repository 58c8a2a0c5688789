// `examready devices`: which device database checks judge with, and fetching the collector's
// newer one (GET /v1/devices) so new models are known without a new release.
#include <fmt/format.h>

#include "apps/examready/commands.h"
#include "apps/examready/device_database.h"
#include "apps/examready/exit_codes.h"
#include "platform/files.h"
#include "reports/upload/devices_download.h"
#include "reports/upload/upload.h"

namespace examready::app {
namespace {

struct DevicesArgs {
  std::string server;
  std::string ca_file;
};

int run_update(const DevicesArgs& args) {
  const std::string server = args.server.empty() ? reports::default_server_url() : args.server;
  if (server.empty())
    throw UsageError("devices update: --server URL or $EXAMREADY_SERVER is needed");
  const auto have = load_device_database("", stderr);
  const devices::DeviceDb& current = have ? *have : devices::DeviceDb::shipped();
  // A fetched copy that exists but is not used (broken, or older than the built-in one) is
  // replaced whatever the server holds.
  std::error_code ec;
  const bool broken_copy = !have && std::filesystem::exists(fetched_devices_path(), ec);
  const auto download =
      reports::download_devices(server, args.ca_file, broken_copy ? "" : current.hash());
  using Status = reports::DevicesDownload::Status;
  if (download.status == Status::kFailed) {
    fmt::print(stderr, "examready: devices update: {}\n", download.message);
    return kExitTempFail;
  }
  if (download.status == Status::kUnchanged) {
    fmt::print("device database up to date: {} ({})\n", current.version(),
               have ? fetched_devices_path().string() : "built in");
    return kExitReady;
  }
  const auto path = fetched_devices_path();
  if (const std::string future = future_launch(*download.database); !future.empty()) {
    fmt::print(stderr,
               "examready: devices update: the collector's device database ({}): {}: not saved\n",
               download.version, future);
    return kExitInvalidInput;
  }
  // Only a list older than the built-in one is refused: the collector is behind this probe,
  // and its list would hide phones the probe knows. A list older than the copy fetched before
  // is the collector's correction of it (a row taken out) and replaces it.
  const devices::DeviceDb& builtin = devices::DeviceDb::shipped();
  if (older_than_builtin(*download.database)) {
    if (broken_copy) std::filesystem::remove(path, ec);
    fmt::print(
        "the collector's device database ({}, newest launch {}) is older than the built-in one "
        "({}, newest launch {}): not saved\n",
        download.version, launch_text(download.database->newest_launch()), builtin.version(),
        launch_text(builtin.newest_launch()));
    return kExitReady;
  }
  std::string error;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (!platform::write_file_durably(path, download.text, error)) {
    fmt::print(stderr, "examready: devices update: {}: {}\n", path.string(), error);
    return kExitSoftware;
  }
  fmt::print("device database updated: {} (was {}), saved in {}\n", download.version,
             current.version(), path.string());
  return kExitReady;
}

int run_status() {
  const auto fetched = load_device_database("", stderr);
  if (fetched) {
    fmt::print("device database: {} (fetched: {})\n", fetched->version(),
               fetched_devices_path().string());
  } else {
    fmt::print("device database: {} (built in)\n", devices::DeviceDb::shipped().version());
  }
  return kExitReady;
}

}  // namespace

void add_devices_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd =
      app.add_subcommand("devices", "The device database checks judge with, and its updates");
  cmd->require_subcommand(1);
  auto args = std::make_shared<DevicesArgs>();
  CLI::App* update = cmd->add_subcommand(
      "update", "Fetch the collector's device database (GET /v1/devices) for later checks");
  update->add_option("--server", args->server, "Collector URL (default: $EXAMREADY_SERVER)");
  update->add_option("--ca-file", args->ca_file,
                     "CA certificate(s) to trust for the collector's TLS");
  update->callback([args, &exit_code] { exit_code = run_update(*args); });
  CLI::App* status = cmd->add_subcommand("status", "Which device database checks judge with");
  status->callback([&exit_code] { exit_code = run_status(); });
}

}  // namespace examready::app
