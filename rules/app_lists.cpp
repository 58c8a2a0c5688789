#include "rules/app_lists.h"

#include <algorithm>

#include "core/text.h"

namespace examready::rules {

std::optional<AppListScope> app_list_scope(core::MetricId metric, const RuleSet& set) {
  switch (metric) {
    case core::MetricId::kAppsInstalledWatched:
    case core::MetricId::kAppsRunningWatched:
    case core::MetricId::kAppsNotifyingWatched:
      return AppListScope{core::MetricId::kAppsWatchList, &set.watch, "[[watch]]"};
    case core::MetricId::kAppsExamInstalled:
      return AppListScope{core::MetricId::kAppsExamList, &set.exam_apps, "[[exam_app]]"};
    default:
      return std::nullopt;
  }
}

bool lists_app(const std::vector<std::string>& list, std::string_view package) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& item) {
    return core::text::equals_ignoring_case(item, package);
  });
}

bool lists_app(const std::vector<WatchedApp>& list, std::string_view package) {
  return std::any_of(list.begin(), list.end(), [&](const WatchedApp& app) {
    return core::text::equals_ignoring_case(app.package, package);
  });
}

std::vector<std::string> packages_of(const std::vector<WatchedApp>& apps) {
  std::vector<std::string> packages;
  packages.reserve(apps.size());
  for (const auto& app : apps) packages.push_back(app.package);
  return packages;
}

}  // namespace examready::rules
