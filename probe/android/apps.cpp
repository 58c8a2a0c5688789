// The `apps` check: watched apps (the rules set's list) installed and running, the exam apps
// (the set's [[exam_app]] list) installed and their versions (YSS-11), and the apps holding
// the camera or the microphone right now (XYB-7, YSS-8).
#include <algorithm>

#include "platform/android/dumpsys.h"
#include "platform/android/notification_dump.h"
#include "platform/android/shell_text.h"
#include "probe/android/checks.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {
namespace {

namespace pa = platform::android;

constexpr std::size_t kMaxExamAppVersions = 4;

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

// The version each installed exam app shows (`dumpsys package`), read last: a phone that
// answers slowly costs only these. At most kMaxExamAppVersions are read (the check's deadline
// grows by one shell timeout for each: apps_deadline_extension). A dump that fails ends the
// reading; the versions read so far are kept, and the note says why the rest are missing.
void emit_exam_versions(CheckContext& ctx, const std::vector<std::string>& exam,
                        std::string& note) {
  std::vector<std::string> versions;
  for (std::size_t i = 0; i < exam.size(); ++i) {
    if (i == kMaxExamAppVersions) {
      note += "; versions of exam apps past the first " + std::to_string(kMaxExamAppVersions) +
              " not read";
      break;
    }
    Outcome failure;
    auto dump = shell_complete(ctx, {"dumpsys", "package", exam[i]}, failure);
    if (!dump) {
      note += "; exam app versions from " + exam[i] + " on not read: " + failure.message;
      break;
    }
    if (auto version = pa::parse_package_version_name(*dump, exam[i])) {
      versions.push_back(exam[i] + "=" + *version);
    }
  }
  ctx.emit(MetricId::kAppsExamVersions, versions, source(ctx, "dumpsys package"));
}

// The installed watched apps whose notifications are on (XYB-7: "关闭上述应用程序的通知功能").
// Read after the camera and microphone users: this dump is the largest the check reads, and
// one that times out or is cut short leaves these apps unknown (the note says why), not the
// whole check failed.
void emit_notifying(CheckContext& ctx, const std::vector<std::string>& installed,
                    std::string& note) {
  Outcome failure;
  const auto dump = optional_dumpsys(ctx, "notification", failure);
  const auto settings =
      dump && dump->text ? pa::parse_notification_settings(*dump->text) : std::nullopt;
  if (!settings) {
    note += "; notification settings not read: " +
            (!dump        ? failure.message
             : dump->text ? std::string("the dump lists no app settings")
                          : dump->unavailable);
    return;
  }
  std::vector<std::string> notifying;
  for (const auto& app : installed) {
    if (pa::notifications_on(*settings, app)) notifying.push_back(app);
  }
  ctx.emit(MetricId::kAppsNotifyingWatched, notifying, source(ctx, "dumpsys notification"));
}

}  // namespace

std::chrono::milliseconds apps_deadline_extension(const ProbeOptions& options) {
  return kShellTimeout * static_cast<int>(std::min(options.exam_apps.size(), kMaxExamAppVersions));
}

Outcome run_apps_check(CheckContext& ctx) {
  Outcome failure;
  const auto& watch = ctx.options().watched_apps;
  const auto& exam_apps = ctx.options().exam_apps;
  std::vector<std::string> exam;               // the exam apps installed
  std::vector<std::string> installed_watched;  // the watched apps installed
  std::string note;
  // Without a watch list nothing about installed apps is reported: the list of every app
  // on a candidate's phone is personal and not ours to keep. Only the listed apps are.
  if (!watch.empty() || !exam_apps.empty()) {
    auto pm = shell_complete(ctx, {"pm", "list", "packages"}, failure);
    if (!pm) return failure;
    const auto installed = pa::parse_pm_packages(*pm);
    if (installed.empty())
      return Outcome::error("pm list packages listed no packages (truncated?)");
    // The lists looked for go with what was found in them: judged again by another rules
    // set, a report says which of that set's apps it never looked for (rules/README.md).
    if (!exam_apps.empty()) {
      exam = watched(installed, exam_apps);
      ctx.emit(MetricId::kAppsExamInstalled, exam, source(ctx, "pm list packages"));
      ctx.emit(MetricId::kAppsExamList, exam_apps, "rules set [[exam_app]]");
    }
    if (!watch.empty()) {
      installed_watched = watched(installed, watch);
      ctx.emit(MetricId::kAppsInstalledWatched, installed_watched, source(ctx, "pm list packages"));
      ctx.emit(MetricId::kAppsWatchList, watch, "rules set [[watch]]");
      auto ps = shell_complete(ctx, {"ps", "-A"}, failure);
      if (!ps) return failure;
      const auto running = pa::parse_ps_names(*ps);
      if (running.empty()) return Outcome::error("ps -A listed no processes (truncated?)");
      ctx.emit(MetricId::kAppsRunningWatched, watched(running, watch), source(ctx, "ps -A"));
    }
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

  if (watch.empty()) {
    note = "no watch list (the rules set names none): installed and running apps not reported";
  } else {
    emit_notifying(ctx, installed_watched, note);
  }
  if (!exam_apps.empty()) emit_exam_versions(ctx, exam, note);
  if (note.starts_with("; ")) note.erase(0, 2);
  return Outcome::ok(note);
}

}  // namespace examready::probe::android
