// The `apps` check: watched apps (the rules set's list) installed and running, the exam apps
// (the set's [[exam_app]] list) installed and their versions (YSS-11), and the apps holding
// the camera or the microphone right now (XYB-7, YSS-8).
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

// The rules set's exam apps that are installed, and the version each shows (`dumpsys package`).
// A version not read is left out, with a note: it never costs the check its other facts.
void emit_exam_apps(CheckContext& ctx, const std::vector<std::string>& installed,
                    std::string& note) {
  const std::vector<std::string> exam = watched(installed, ctx.options().exam_apps);
  ctx.emit(MetricId::kAppsExamInstalled, exam, source(ctx, "pm list packages"));
  std::vector<std::string> versions;
  for (const std::string& package : exam) {
    Outcome failure;
    auto dump = shell_complete(ctx, {"dumpsys", "package", package}, failure);
    if (!dump) {
      note = "exam app versions not read: " + failure.message;
      return;
    }
    if (auto version = pa::parse_package_version_name(*dump, package)) {
      versions.push_back(package + "=" + *version);
    }
  }
  ctx.emit(MetricId::kAppsExamVersions, versions, source(ctx, "dumpsys package"));
}

}  // namespace

Outcome run_apps_check(CheckContext& ctx) {
  Outcome failure;
  const auto& watch = ctx.options().watched_apps;
  std::string note;
  // Without a watch list nothing about installed apps is reported: the list of every app
  // on a candidate's phone is personal and not ours to keep. Only the listed apps are.
  if (!watch.empty() || !ctx.options().exam_apps.empty()) {
    auto pm = shell_complete(ctx, {"pm", "list", "packages"}, failure);
    if (!pm) return failure;
    const auto installed = pa::parse_pm_packages(*pm);
    if (installed.empty())
      return Outcome::error("pm list packages listed no packages (truncated?)");
    if (!ctx.options().exam_apps.empty()) emit_exam_apps(ctx, installed, note);
    if (!watch.empty()) {
      ctx.emit(MetricId::kAppsInstalledWatched, watched(installed, watch),
               source(ctx, "pm list packages"));
      auto ps = shell_complete(ctx, {"ps", "-A"}, failure);
      if (!ps) return failure;
      const auto running = pa::parse_ps_names(*ps);
      if (running.empty()) return Outcome::error("ps -A listed no processes (truncated?)");
      ctx.emit(MetricId::kAppsRunningWatched, watched(running, watch), source(ctx, "ps -A"));
    }
  }
  if (watch.empty()) {
    if (!note.empty()) note += "; ";
    note += "no watch list (the rules set names none): installed and running apps not reported";
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
