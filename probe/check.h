// What a check is: its context (host, options, emit, progress), its outcome and result.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check_result.h"
#include "core/measurement_list.h"
#include "platform/host.h"
#include "rules/devices/device_db.h"

namespace examready::probe {

// The probe speaks the core's vocabulary: what it measures is reported in these types.
using core::CheckResult;
using core::CheckStatus;
using core::Measurement;
using core::MetricId;
using core::MetricInfo;
using core::MetricType;
using core::Role;
using core::Transport;
using core::Value;

// Inputs of a run. Checks read only these and the host: never the rules file.
struct ProbeOptions {
  Transport transport = Transport::kLocal;
  std::string data_dir;           // volume that would hold recordings (local transport)
  std::string camera_device;      // --camera
  std::string camera_source;      // --camera-source: any FFmpeg input, for demos and tests
  std::string microphone_name;    // --mic
  std::string server_url;         // collector, for the network check
  std::string ca_file;            // extra CA bundle for TLS
  std::vector<std::string> watched_apps;  // package ids the rules set watches (apps check)
  std::vector<std::string> exam_apps;     // package ids of the rules set's exam apps (apps check)
  double capture_seconds = 2.0;   // camera/microphone capture length
  std::uint64_t rehearse_upload_bytes = 0;  // --rehearse-upload: network check's rehearsal size
  // --devices FILE: a newer device database than the one built in; null: the shipped one.
  std::shared_ptr<const devices::DeviceDb> devices;
};

struct Outcome {
  CheckStatus status = CheckStatus::kOk;
  std::string message;

  static Outcome ok(std::string message = {}) { return {CheckStatus::kOk, std::move(message)}; }
  static Outcome unsupported(std::string message) {
    return {CheckStatus::kUnsupported, std::move(message)};
  }
  static Outcome denied(std::string message) { return {CheckStatus::kDenied, std::move(message)}; }
  static Outcome error(std::string message) { return {CheckStatus::kError, std::move(message)}; }
};

class CheckContext {
 public:
  CheckContext(platform::Host& host, const ProbeOptions& options,
               std::function<void(double)> on_progress = {});

  platform::Host& host() { return host_; }
  const ProbeOptions& options() const { return options_; }

  // Records a measurement (core::MeasurementList::emit: type-checked, cut to report bounds).
  void emit(MetricId metric, Value value, std::string source);
  // Reports progress in [0, 1]; throttled by the runner.
  void progress(double fraction);

  const std::vector<Measurement>& measurements() const { return measurements_.items(); }
  std::vector<Measurement> take_measurements() { return measurements_.take(); }
  core::MeasurementList& measurement_list() { return measurements_; }

 private:
  platform::Host& host_;
  const ProbeOptions& options_;
  std::function<void(double)> on_progress_;
  core::MeasurementList measurements_;
};

using CheckFunction = Outcome (*)(CheckContext&);

// A check's function for each way of reaching a device. A missing entry means the transport
// cannot measure it: the runner answers `unsupported` with one standard message (see
// run_on_transport), so no check tests the transport itself.
struct TransportFunctions {
  CheckFunction local = nullptr;         // the machine examready runs on
  CheckFunction adb = nullptr;           // an Android/HarmonyOS phone over USB
  CheckFunction ios = nullptr;           // an iPhone/iPad over libimobiledevice
  CheckFunction getprop_text = nullptr;  // a pasted `getprop` dump
  CheckFunction browser = nullptr;       // the web check: measured in JavaScript, none native

  CheckFunction on(Transport transport) const;
};

struct CheckSpec {
  std::string_view name;
  std::string_view description;
  std::chrono::milliseconds deadline;
  // Checks that name the same resource never run at the same time (e.g. "audio": the
  // speaker test would pollute the microphone's noise floor; "cpu": the encoder
  // benchmark would distort network timing). Empty: no constraint.
  std::string_view resource;
  TransportFunctions run;
  // Time some options add to `deadline` (e.g. the network check's upload rehearsal).
  std::chrono::milliseconds (*deadline_extension)(const ProbeOptions&) = nullptr;
};

// Runs the spec's function for ctx's transport, or answers `unsupported` when it has none.
Outcome run_on_transport(const CheckSpec& spec, CheckContext& ctx);

// Runs `body` as check `name`: its outcome, measurements and duration, with an exception
// turned into an `error` result (the runner's child and the media helper both report this).
CheckResult run_measured(std::string_view name, CheckContext& ctx,
                         const std::function<Outcome(CheckContext&)>& body);

}  // namespace examready::probe
