// Running the FFmpeg checks in the examready-media helper and passing their results on.
#include "probe/media_helper.h"

#include <cstdlib>
#include <filesystem>

#include "platform/command.h"
#include "platform/files.h"
#include "core/result_json.h"

namespace examready::probe {
// The runner's deadline bounds the check (the helper is in its process group and dies with
// it); this only keeps a helper that outlived a lost parent from running on.
constexpr std::chrono::seconds kHelperLimit{120};

Outcome run_in_media_helper(CheckContext& ctx, const char* check) {
  if (!EXAMREADY_HAS_MEDIA_HELPER) {
    return Outcome::unsupported(std::string("the ") + check +
                                " check needs FFmpeg, which this build of examready does not include yet");
  }
  const std::string helper = media_helper_path();
  platform::CommandResult run = platform::run_process(
      {helper, check, media_options_to_json(ctx.options()).dump()}, kHelperLimit);
  if (!run.started) return Outcome::error("cannot run " + helper + ": " + run.err);
  if (run.timed_out) return Outcome::error(std::string(check) + " helper did not finish");
  const auto line_end = run.out.find('\n');
  try {
    CheckResult result = core::check_result_from_json(nlohmann::json::parse(run.out.substr(0, line_end)));
    for (auto& m : result.measurements) ctx.emit(m.metric, std::move(m.value), std::move(m.source));
    return {result.status, result.message};
  } catch (const std::exception& e) {
    std::string why = run.err.empty() ? e.what() : run.err.substr(0, 500);
    return Outcome::error(std::string(check) + " helper failed (exit " + std::to_string(run.exit_code) + "): " + why);
  }
}

nlohmann::json media_options_to_json(const ProbeOptions& options) {
  return {{"camera_device", options.camera_device},
          {"camera_source", options.camera_source},
          {"capture_seconds", options.capture_seconds}};
}

ProbeOptions media_options_from_json(const nlohmann::json& json) {
  ProbeOptions options;
  options.transport = Transport::kLocal;
  options.camera_device = json.value("camera_device", std::string());
  options.camera_source = json.value("camera_source", std::string());
  options.capture_seconds = json.value("capture_seconds", options.capture_seconds);
  return options;
}

std::string media_helper_path() {
  if (const char* env = std::getenv("EXAMREADY_MEDIA_HELPER"); env && *env) return env;
  if (const auto dir = platform::executable_dir(); !dir.empty()) {
    std::error_code ec;
    const auto sibling = dir / "examready-media";
    if (std::filesystem::exists(sibling, ec)) return sibling.string();
  }
  return "examready-media";  // PATH
}

}  // namespace examready::probe
