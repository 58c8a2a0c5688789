// The WebAssembly module's interface (embind): WebSession with JSON text in and out, and the
// captured media as typed arrays. The page (server/web/check.js) is its only user.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <vector>

#include "core/analysis/network_analysis.h"
#include "core/analysis/read_spreading.h"
#include "rules/devices/device_db.h"
#include "webcheck/web_session.h"

namespace {

using examready::webcheck::WebSession;
using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string error_text(const std::exception& e) { return dump({{"error", e.what()}}); }

// The page's start parameters, parsed once; text that is not JSON starts a default session.
json object_or_empty(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json::object() : parsed;
}

// The collector's device database when the page handed one over (useDevices); sessions
// started after that judge with it.
std::shared_ptr<const examready::devices::DeviceDb>& served_devices() {
  static std::shared_ptr<const examready::devices::DeviceDb> devices;
  return devices;
}

// GET /v1/devices's text → {"version": "N rows, <hash>"}, or {"error"} and the built-in one
// stays (the report's device.db_version says which judged).
std::string use_devices(const std::string& text) {
  using examready::devices::DeviceDb;
  if (text.size() > examready::devices::kMaxDatabaseBytes) {
    return dump({{"error", "the device database is larger than 32 MiB"}});
  }
  try {
    auto db = std::make_shared<const DeviceDb>(DeviceDb::parse(text));
    std::string version = db->version();
    served_devices() = std::move(db);
    return dump({{"version", std::move(version)}});
  } catch (const std::exception& e) {
    return error_text(e);
  }
}

// The built-in database's hash, which GET /v1/devices/version compares with.
std::string builtin_devices_hash() { return examready::devices::DeviceDb::shipped().hash(); }

// A malformed argument from the page is an {"error"} answer, never an abort of the module.
class JsWebSession {
 public:
  explicit JsWebSession(const std::string& start)
      : session_(object_or_empty(start), served_devices()) {}

  std::string run(const std::string& check, const std::string& input) {
    try {
      return dump(session_.run(check, json::parse(input)));
    } catch (const std::exception& e) {
      return error_text(e);
    }
  }
  // `camera`: "back" for a phone's back camera, anything else the front (or only) one.
  void add_rgba_frame(const emscripten::val& rgba, int width, int height,
                      const std::string& camera) {
    const auto bytes = emscripten::convertJSArrayToNumberVector<std::uint8_t>(rgba);
    session_.add_rgba_frame(
        bytes, width, height,
        camera == "back" ? WebSession::Camera::kBack : WebSession::Camera::kFront);
  }
  void set_samples(const emscripten::val& samples) {
    session_.set_samples(emscripten::convertJSArrayToNumberVector<float>(samples));
  }
  std::string report() const { return dump(session_.report()); }
  std::string evaluate(const std::string& rules_bundle, const std::string& now_utc) {
    try {
      return dump(session_.evaluate(json::parse(rules_bundle), now_utc));
    } catch (const std::exception& e) {
      return error_text(e);
    }
  }

 private:
  WebSession session_;
};

std::string core_version() { return EXAMREADY_VERSION; }

// Whether a transfer phase may end: the page asks as its bytes arrive, with the native
// check's policy (core::net::throughput_settled), so both stop alike. `bins`: bytes per
// closed bin (the upload's arrival series).
bool throughput_settled(const emscripten::val& bins, double bin_seconds) {
  if (!(bin_seconds >= 0.01 && bin_seconds <= 1.0)) return false;
  std::vector<std::uint64_t> counts;
  for (double v : emscripten::convertJSArrayToNumberVector<double>(bins)) {
    counts.push_back(v > 0 && v < 1e12 ? static_cast<std::uint64_t>(v) : 0);
  }
  return examready::core::net::throughput_settled(counts, bin_seconds);
}

// The same for the download, from its streams' reads ([t_ms, bytes, ...] per stream), spread
// as the figure will be (core::net::bins_from_reads).
bool reads_settled(const emscripten::val& streams, double bin_seconds) {
  if (!(bin_seconds >= 0.01 && bin_seconds <= 1.0)) return false;
  std::vector<std::vector<examready::core::net::Read>> reads;
  const auto count = std::min<std::size_t>(streams["length"].as<unsigned>(),
                                           examready::core::net::kMaxReadStreams);
  for (unsigned i = 0; i < count; ++i) {
    reads.push_back(examready::core::net::reads_from_pairs(
        emscripten::convertJSArrayToNumberVector<double>(streams[i])));
  }
  return examready::core::net::throughput_settled(
      examready::core::net::bins_from_reads(reads, bin_seconds), bin_seconds);
}

}  // namespace

EMSCRIPTEN_BINDINGS(examready_web) {
  emscripten::class_<JsWebSession>("WebSession")
      .constructor<const std::string&>()
      .function("run", &JsWebSession::run)
      .function("addRgbaFrame", &JsWebSession::add_rgba_frame)
      .function("setSamples", &JsWebSession::set_samples)
      .function("report", &JsWebSession::report)
      .function("evaluate", &JsWebSession::evaluate);
  emscripten::function("coreVersion", &core_version);
  emscripten::function("throughputSettled", &throughput_settled);
  emscripten::function("readsSettled", &reads_settled);
  emscripten::function("useDevices", &use_devices);
  emscripten::function("builtinDevicesHash", &builtin_devices_hash);
}
