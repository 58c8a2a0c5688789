// The web check's os, device and browser checks, from browser_identity and the device database.
#include <fmt/format.h>

#include "rules/devices/device_facts.h"
#include "webcheck/browser_identity.h"
#include "webcheck/check_outcome.h"
#include "webcheck/web_checks.h"

namespace examready::webcheck {
namespace {

using core::MetricId;

BrowserHints hints_from_json(const nlohmann::json& in) {
  BrowserHints hints;
  hints.user_agent = text_field(in, "user_agent");
  if (const auto ch = in.find("client_hints"); ch != in.end() && ch->is_object()) {
    hints.ch_model = text_field(*ch, "model");
    hints.ch_platform = text_field(*ch, "platform");
    hints.ch_platform_version = text_field(*ch, "platformVersion");
    hints.ch_mobile = bool_field(*ch, "mobile");
  }
  if (const auto screen = in.find("screen"); screen != in.end()) {
    auto whole = [&](const char* key) {
      return static_cast<int>(whole_field(*screen, key, 99999).value_or(0));
    };
    hints.screen_width = whole("width");
    hints.screen_height = whole("height");
    hints.max_touch_points = whole("max_touch_points");
  }
  return hints;
}

// Client Hints give platformVersion as "10.0.0"; the native path reports Android's own "10".
std::string android_release(std::string version) {
  while (version.size() > 2 && version.ends_with(".0")) version.resize(version.size() - 2);
  return version;
}

core::CheckResult os_check(const BrowserIdentity& id) {
  core::MeasurementList out;
  if (!id.os_family) {
    return not_measured("os", core::CheckStatus::kUnsupported,
                        "the browser did not say which operating system it runs on");
  }
  out.emit(MetricId::kOsFamily, id.os_family->value, id.os_family->source);
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"android", "Android"}, {"harmonyos", "HarmonyOS"}, {"ios", "iOS"},
      {"windows", "Windows"}, {"macos", "macOS"},         {"linux", "Linux"}};
  for (const auto& [family, name] : kNames) {
    if (family == id.os_family->value) out.emit(MetricId::kOsName, std::string(name), "user-agent");
  }
  if (id.os_version) {
    // HarmonyOS 2-4 browsers report the Android version they are compatible with, as getprop
    // does (ro.build.version.release).
    std::string version = id.os_version->value;
    if (id.os_family->value != "ios") version = android_release(version);
    // Client Hints and UAs are the page's to forge: a version that is not one is no fact.
    if (core::plausible_version(version))
      out.emit(MetricId::kOsVersion, version, id.os_version->source);
  }
  return ok_result("os", out);
}

core::CheckResult device_check(const BrowserIdentity& id, const devices::DeviceDb& db) {
  core::MeasurementList out;
  std::string message;
  const std::string model = id.model ? id.model->value : std::string();
  if (id.model) out.emit(MetricId::kDeviceModel, model, id.model->source);
  const std::string brand = id.brand_hint ? id.brand_hint->value : std::string();
  const devices::DeviceFacts facts = devices::emit_device_facts(out, db, model, {}, brand, {});
  // A browser never names the hardware platform; the database row does (rules such as XYB-4
  // recognise a phone by it when it is sold under several names).
  if (facts.match.record && !facts.match.record->codenames.empty()) {
    out.emit(MetricId::kDeviceCodename, facts.match.record->codenames.front(),
             std::string(devices::kDeviceDbSource));
  }
  if (!facts.device_class && id.device_class) {
    out.emit(MetricId::kDeviceClass, id.device_class->value, id.device_class->source);
  }
  if (facts.match.record) {
    message = fmt::format("{} ({})", facts.match.record->marketing_name, model);
  } else if (facts.match.kind == devices::DeviceMatchKind::kAmbiguous) {
    message = fmt::format(
        "model {} names {} phones in the device database: only the facts they share are given",
        model, facts.match.candidates.size());
  } else if (!model.empty()) {
    message = fmt::format(
        "model {} is not in the device database: its launch year and "
        "series are unknown",
        model);
  } else if (id.brand_hint && id.brand_hint->value == "apple") {
    message =
        "Safari does not tell pages which iPhone or iPad this is: the model and its "
        "launch year are unknown";
  } else {
    message =
        "this browser does not tell pages the phone's model: the model and its launch "
        "year are unknown";
  }
  return ok_result("device", out, message);
}

core::CheckResult browser_check(const BrowserIdentity& id, const nlohmann::json& hints) {
  core::MeasurementList out;
  if (!id.browser.empty()) out.emit(MetricId::kBrowserName, id.browser, "user-agent");
  if (!id.browser_version.empty())
    out.emit(MetricId::kBrowserVersion, id.browser_version, "user-agent");
  out.emit(MetricId::kBrowserInApp, std::string(to_string(id.in_app)), "user-agent");
  if (const auto secure = bool_field(hints, "secure_context"))
    out.emit(MetricId::kBrowserSecureContext, *secure, "window.isSecureContext");
  return ok_result("browser", out);
}

}  // namespace

std::vector<core::CheckResult> identity_checks(const nlohmann::json& hints,
                                               const devices::DeviceDb& db) {
  const BrowserIdentity id = identify_browser(hints_from_json(hints));
  return {os_check(id), device_check(id, db), browser_check(id, hints)};
}

}  // namespace examready::webcheck
