// The `apps` check: watched apps (the rules set's list) installed and running, and the
// apps holding the camera or the microphone right now (XYB-7, YSS-8).
#include <algorithm>

#include "platform/android/dumpsys.h"
#include "platform/android/shell_text.h"
#include "probe/android/checks.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {
namespace {

namespace pa = platform::android;

std::vector<std::string> watched(const std::vector<std::string>& present,
                                 const std::vector<std::string>& watch) {
  std::vector<std::string> out;
  for (const auto& app : watch) {
    if (std::binary_search(present.begin(), present.end(), app) &&
        std::find(out.begin(), out.end(), app) == out.end()) {
      out.push_back(app);
    }
  }
  return out;
}

}  // namespace

Outcome run_apps_check(CheckContext& ctx) {
  Outcome failure;
  const auto& watch = ctx.options().watched_apps;
  std::string note;
  // Without a watch list nothing about installed apps is reported: the list of every app
  // on a candidate's phone is personal and not ours to keep.
  if (!watch.empty()) {
    auto pm = shell_complete(ctx, {"pm", "list", "packages"}, failure);
    if (!pm) return failure;
    const auto installed = pa::parse_pm_packages(*pm);
    if (installed.empty())
      return Outcome::error("pm list packages listed no packages (truncated?)");
    ctx.emit(MetricId::kAppsInstalledWatched, watched(installed, watch),
             source(ctx, "pm list packages"));

    auto ps = shell_complete(ctx, {"ps", "-A"}, failure);
    if (!ps) return failure;
    const auto running = pa::parse_ps_names(*ps);
    if (running.empty()) return Outcome::error("ps -A listed no processes (truncated?)");
    ctx.emit(MetricId::kAppsRunningWatched, watched(running, watch), source(ctx, "ps -A"));
  } else {
    note = "no watch list (the rules set names none): installed and running apps not reported";
  }
  ctx.progress(0.5);

  // Apps using the camera or microphone block the exam app whatever the watch list says.
  auto camera = shell_complete(ctx, {"dumpsys", "media.camera"}, failure);
  if (!camera) return failure;
  ctx.emit(MetricId::kAppsCameraUsers, pa::parse_dumpsys_media_camera(*camera).client_packages,
           source(ctx, "dumpsys media.camera"));
  auto audio = shell_complete(ctx, {"dumpsys", "audio"}, failure);
  if (!audio) return failure;
  ctx.emit(MetricId::kAppsMicrophoneUsers, pa::parse_audio_recording_packages(*audio),
           source(ctx, "dumpsys audio"));
  return Outcome::ok(note);
}

}  // namespace examready::probe::android
