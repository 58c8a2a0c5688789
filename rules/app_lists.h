// The app metrics measured against a list the rules set hands the probe: apps.installed_watched,
// apps.running_watched and apps.notifying_watched are the watched apps ([[watch]]) found
// installed, running, or installed with their notifications on,
// apps.exam_installed the exam apps ([[exam_app]]) found installed. The probe looks for no
// other apps, so an app missing from such a list is absent only if it was looked for: a report
// carries the lists it looked for (apps.watch_list, apps.exam_list), and a set judging it
// again reads an app of its own list that the report never looked for as unknown, not absent.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/metric.h"
#include "rules/rule_set.h"

namespace examready::rules {

// At most this many apps in one set's [[watch]] (with what it extends) or [[exam_app]]: each
// list goes into reports, whose string lists hold at most 256 items of at most 256 bytes.
inline constexpr std::size_t kMaxListedApps = 128;
inline constexpr std::size_t kMaxPackageBytes = 255;

struct AppListScope {
  core::MetricId looked_for;                        // apps.watch_list or apps.exam_list
  const std::vector<WatchedApp>* listed = nullptr;  // the judging set's own list
  std::string_view table;                           // "[[watch]]" or "[[exam_app]]"
};

// The scope of `metric` under `set`; nullopt for a metric not measured against a list.
std::optional<AppListScope> app_list_scope(core::MetricId metric, const RuleSet& set);

// Whether `list` holds `package` (package ids compared ignoring case, as conditions do).
bool lists_app(const std::vector<std::string>& list, std::string_view package);
bool lists_app(const std::vector<WatchedApp>& list, std::string_view package);

// The package ids of a set's list, in its order (what the probe is handed to look for).
std::vector<std::string> packages_of(const std::vector<WatchedApp>& apps);

}  // namespace examready::rules
