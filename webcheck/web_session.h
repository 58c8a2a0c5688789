// One run of the web check in a phone's browser: the checks the page has completed, the
// report they make (examready.report/1, transport "browser") and its evaluation by a rules
// set. The WebAssembly module exposes exactly this class (wasm_bindings.cpp); the native
// build runs the same code on recorded input (webcheck_replay) so both can be compared.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/analysis/frame_stats.h"
#include "reports/report.h"
#include "rules/devices/device_db.h"

namespace examready::webcheck {

class WebSession {
 public:
  // {"role": "primary"|"secondary", "pair_code", "pair_proof"} from the page's URL, and for
  // replays "report_id" and "created_at" (otherwise fresh ones). `devices`: the database that
  // judges the identity (the collector's, GET /v1/devices); null: the built-in one.
  explicit WebSession(const nlohmann::json& start,
                      std::shared_ptr<const devices::DeviceDb> devices = nullptr);

  // Runs one check on what the page gathered (web_checks.h says what each takes) and keeps
  // its result for the report. Returns the result as the report holds it plus "summary":
  // {"zh-CN", "en"}, its line for the page (step_summary.h); for "identity"
  // {"checks": [os, device, browser] (each so), "in_app": "wechat"|"qq"|"none"}.
  // Checks: identity, camera, microphone, speaker, network, encoder, storage, battery, font
  // (a check the page could not run is one of these with its "status"); any other name is
  // refused with {"error": …} and changes nothing.
  nlohmann::json run(const std::string& check, const nlohmann::json& input);

  // Captured media, handed over before the check that analyses it. RGBA frames (a canvas's
  // ImageData) become BT.601 video-range luma, as a camera's YUV frames are; a phone's back
  // camera's frames are kept apart from the front (or only) camera's.
  enum class Camera { kFront, kBack };
  void add_rgba_frame(std::span<const std::uint8_t> rgba, int width, int height,
                      Camera camera = Camera::kFront);
  void set_samples(std::vector<float> samples) { samples_ = std::move(samples); }

  // The report so far, validated against the schema ({"error": …} when it is not valid).
  nlohmann::json report() const;

  // Evaluates the report with a rules set given as {"main": "xiaoyibang.toml",
  // "files": {"xiaoyibang.toml": "…", "common.toml": "…"}} (GET /v1/rules/NAME) at
  // `now_utc` ("2026-12-03T10:00:00Z"; empty: the clock). Returns the evaluation (kept in
  // the report) or {"error": "file:line:col: message"}.
  nlohmann::json evaluate(const nlohmann::json& rules_bundle, const std::string& now_utc);

 private:
  void keep(core::CheckResult result);

  reports::Report report_;
  std::shared_ptr<const devices::DeviceDb> devices_;
  core::FrameStatsAccumulator frames_, back_frames_;
  std::vector<std::uint8_t> luma_;  // reused conversion buffer
  std::vector<float> samples_;
};

}  // namespace examready::webcheck
