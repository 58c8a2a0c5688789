// WebSession: the page's checks kept as a report, validated and evaluated by the core.
#include "webcheck/web_session.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/result_json.h"
#include "core/text.h"
#include "reports/ids.h"
#include "reports/pairing.h"
#include "reports/schema.h"
#include "rules/devices/device_db.h"
#include "rules/evaluate.h"
#include "rules/rule_set.h"
#include "webcheck/check_outcome.h"
#include "webcheck/step_summary.h"
#include "webcheck/web_checks.h"

namespace examready::webcheck {
namespace {

// Frames beyond this size are refused: the page scales its canvas to at most 1920x1080.
constexpr int kMaxFrameSide = 4096;

// BT.601 video range (16-235), what the native check reads from a camera's YUV planes.
std::uint8_t luma_of(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  const int y = (16 * 256 * 256 + 16829 * r + 33039 * g + 6416 * b + 32768) >> 16;
  return static_cast<std::uint8_t>(std::clamp(y, 0, 255));
}

// A result as the page gets it: as the report holds it, plus its line in both languages.
nlohmann::json shown_json(const core::CheckResult& result) {
  nlohmann::json shown = core::to_json(result);
  const StepSummary summary = step_summary(result);
  shown["summary"] = {{"zh-CN", summary.zh}, {"en", summary.en}};
  return shown;
}

}  // namespace

WebSession::WebSession(const nlohmann::json& start,
                       std::shared_ptr<const devices::DeviceDb> devices)
    : devices_(std::move(devices)) {
  const auto role = core::parse_role(text_field(start, "role"));
  report_ = reports::new_report(core::Transport::kBrowser, role.value_or(core::Role::kPrimary));
  report_.host.platform = "browser";
  if (report_.role == core::Role::kSecondary) {
    if (auto code = reports::normalize_code(text_field(start, "pair_code")))
      report_.pair_code = *code;
    const std::string proof = text_field(start, "pair_proof");
    if (!report_.pair_code.empty() && reports::is_pair_proof(proof)) report_.pair_proof = proof;
  }
  // The browser's installation secret (256 random bits the page keeps in localStorage): both
  // roles checked in one browser get the same device id, which the helpdesk's pair view
  // compares (XYB-16: two different phones). The secret never leaves the phone.
  if (const std::string secret = text_field(start, "installation_secret");
      reports::is_installation_secret(secret))
    report_.host.device_id = reports::device_id_hash("browser", secret);
  if (const std::string exam = text_field(start, "exam_date"); reports::parse_exam_date(exam))
    report_.exam_date = exam;
  // Replays fix the id and time; anything that is not one is ignored (the page is the
  // candidate's to edit, and the report must stay valid).
  const std::string id = text_field(start, "report_id");
  if (id.size() == 22 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
      }))
    report_.report_id = id;
  if (const std::string at = text_field(start, "created_at"); reports::parse_utc(at))
    report_.created_at = reports::format_utc(*reports::parse_utc(at));
}

void WebSession::keep(core::CheckResult result) {
  result.message = core::report_message(result.message);  // a browser's error text
  auto same = std::find_if(report_.checks.begin(), report_.checks.end(),
                           [&](const auto& c) { return c.name == result.name; });
  if (same != report_.checks.end()) {
    *same = std::move(result);
  } else {
    report_.checks.push_back(std::move(result));
  }
}

void WebSession::add_rgba_frame(std::span<const std::uint8_t> rgba, int width, int height,
                                Camera camera) {
  if (width <= 0 || height <= 0 || width > kMaxFrameSide || height > kMaxFrameSide) return;
  const auto pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  if (rgba.size() < pixels * 4) return;
  luma_.resize(pixels);
  for (std::size_t i = 0; i < pixels; ++i)
    luma_[i] = luma_of(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2]);
  (camera == Camera::kBack ? back_frames_ : frames_).add({luma_, width, height, width});
}

nlohmann::json WebSession::run(const std::string& check, const nlohmann::json& input) {
  if (check == "identity") {
    nlohmann::json checks = nlohmann::json::array();
    std::string in_app = "none";
    const devices::DeviceDb& db = devices_ ? *devices_ : devices::DeviceDb::shipped();
    for (auto& result : identity_checks(input, db)) {
      if (result.name == "os") {
        if (const auto* family = result.find(core::MetricId::kOsFamily))
          report_.host.platform = std::get<std::string>(family->value);
      }
      if (const auto* app = result.find(core::MetricId::kBrowserInApp))
        in_app = std::get<std::string>(app->value);
      checks.push_back(shown_json(result));
      keep(std::move(result));
    }
    return {{"checks", std::move(checks)}, {"in_app", in_app}};
  }
  core::CheckResult result;
  if (check == "camera") {
    result = camera_check(input, frames_, back_frames_);
    frames_ = {};
    back_frames_ = {};
  } else if (check == "microphone") {
    result = microphone_check(input, samples_);
  } else if (check == "speaker") {
    result = speaker_check(input, samples_);
  } else if (check == "network") {
    result = network_check(input);
  } else if (check == "encoder") {
    result = encoder_check(input);
  } else if (check == "storage") {
    result = storage_check(input);
  } else if (check == "battery") {
    result = battery_check(input);
  } else if (check == "font") {
    result = font_check(input);
  } else {
    // Only the web check's own checks reach the report: a name from anywhere else (the page
    // is the candidate's to edit) would make it invalid.
    return {{"error", "no web check named '" + core::text::cut_utf8(check, 40) + "'"}};
  }
  if (check == "microphone" || check == "speaker") samples_.clear();
  if (const auto duration = number_field(input, "duration_ms"); duration && *duration >= 0)
    result.duration_ms = std::min(*duration, 3.6e6);
  nlohmann::json shown = shown_json(result);
  keep(std::move(result));
  return shown;
}

nlohmann::json WebSession::report() const {
  nlohmann::json json = reports::to_json(report_);
  if (const auto errors = reports::validate_report(json); !errors.empty()) {
    return {{"error", errors.front().path + ": " + errors.front().message}};
  }
  return json;
}

nlohmann::json WebSession::evaluate(const nlohmann::json& rules_bundle,
                                    const std::string& now_utc) {
  std::map<std::string, std::string> files;
  if (const auto it = rules_bundle.find("files"); it != rules_bundle.end() && it->is_object()) {
    for (const auto& [name, text] : it->items()) {
      if (text.is_string()) files[name] = text.get<std::string>();
    }
  }
  const rules::SourceReader read =
      [&](const std::filesystem::path& path) -> std::optional<std::string> {
    const auto found = files.find(path.lexically_normal().generic_string());
    if (found == files.end()) return std::nullopt;
    return found->second;
  };
  try {
    const rules::RuleSet rule_set = rules::load_rule_set(text_field(rules_bundle, "main"), read);
    const auto now = now_utc.empty()
                         ? std::chrono::system_clock::now()
                         : reports::parse_utc(now_utc).value_or(std::chrono::system_clock::now());
    report_.evaluation = rules::evaluate(rule_set, report_, now);
    return *report_.evaluation;
  } catch (const rules::RulesLoadError& e) {
    return {{"error", e.error().to_string()}};
  }
}

}  // namespace examready::webcheck
