// The web check's checks: what the page's JavaScript gathered from the browser's APIs (raw
// values, samples, frames) turned into check results by the core, with the source of every
// measurement. The page only drives the APIs; every figure and judgement is made here.
//
// Each function takes the JSON object the page sends for that check. Every object may carry
// "status" (ok, unsupported, denied, timeout, error: what the browser API answered) and
// "message"; a status other than ok gives that outcome with no measurements.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "core/analysis/frame_stats.h"
#include "core/check_result.h"
#include "rules/devices/device_db.h"

namespace examready::webcheck {

using core::CheckResult;

// {"user_agent", "client_hints": {"model","platform","platformVersion","mobile"} | null,
//  "screen": {"width","height","max_touch_points"}, "secure_context"}
// -> the "os", "device" and "browser" checks, in that order.
std::vector<CheckResult> identity_checks(const nlohmann::json& hints, const devices::DeviceDb& db);

// Camera: frames go to the accumulators as they are captured (luma planes), then
// {"status","message","width","height","fps","camera_count","facing","max_width","max_height",
//  "back": {"status","message","width","height","fps","facing","found_by"}}: the front camera
// (or the only one) at the top, a phone's back camera in "back" (absent: not tried).
CheckResult camera_check(const nlohmann::json& capture, const core::FrameStatsAccumulator& frames,
                         const core::FrameStatsAccumulator& back_frames);
// The camera check's words its step line reads back (step_summary.cpp): the source of a back
// camera found by facingMode, and the message part when no back camera was found.
inline constexpr const char* kBackCameraByFacing = "getUserMedia facingMode environment";
inline constexpr const char* kNoBackCameraFound = "no back camera found";

// Microphone: the recorded samples (mono, [-1, 1]) and
// {"status","message","sample_rate_hz","device_count","processing":{"echoCancellation",…}}.
CheckResult microphone_check(const nlohmann::json& capture, std::span<const float> samples);

// Speaker: the microphone's recording while a tone of "frequency_hz" played, and
// {"status","message","sample_rate_hz","frequency_hz","played","output_route"}.
CheckResult speaker_check(const nlohmann::json& capture, std::span<const float> samples);

// Network: the page's samples against /v1/probe/* (see web_checks_network.cpp for the fields).
CheckResult network_check(const nlohmann::json& samples);

// Encoder: WebCodecs results {"status","message","codec","results":[{"width","height",
//  "supported","hardware","frames","seconds"}]}.
CheckResult encoder_check(const nlohmann::json& results);

// Storage as the candidate read it from Settings: {"status","free_gb","total_gb"}; the
// browser cannot see free space (its storage quota is a cap, not the disk).
CheckResult storage_check(const nlohmann::json& reported);

// Battery: navigator.getBattery() {"status","level","charging"}.
CheckResult battery_check(const nlohmann::json& battery);

// Font: {"status","body_px","standard_body_px","source"}: iOS Dynamic Type through
// -apple-system-body (17 px is the standard size); elsewhere unsupported.
CheckResult font_check(const nlohmann::json& font);

}  // namespace examready::webcheck
