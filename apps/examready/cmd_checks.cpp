// `examready checks`: every check and every catalogued metric, with units and descriptions.
#include <fmt/format.h>

#include "apps/examready/commands.h"
#include "core/metric.h"
#include "probe/registry.h"

namespace examready::app {

void add_checks_command(CLI::App& app, int& /*exit_code*/) {
  CLI::App* cmd = app.add_subcommand("checks", "List every check and the metrics it can report");
  cmd->callback([] {
    for (const auto& check : probe::all_checks()) {
      fmt::print("{} — {} (deadline {} ms)\n", check.name, check.description, check.deadline.count());
      for (const auto& metric : core::metric_catalog()) {
        if (metric.group() != check.name) continue;
        auto unit = core::to_string(metric.unit);
        fmt::print("  {:<34} {:<11} {:<6} {}\n", metric.name, core::to_string(metric.type),
                   unit.empty() ? "-" : unit, metric.description);
      }
    }
    std::vector<const core::MetricInfo*> others;
    for (const auto& metric : core::metric_catalog()) {
      if (!probe::find_check(metric.group())) others.push_back(&metric);
    }
    if (!others.empty()) {
      fmt::print("metrics measured by checks not built into this probe, or derived by the rules evaluator:\n");
      for (const auto* metric : others) {
        auto unit = core::to_string(metric->unit);
        fmt::print("  {:<34} {:<11} {:<6} {}\n", metric->name, core::to_string(metric->type),
                   unit.empty() ? "-" : unit, metric->description);
      }
    }
  });
}

}  // namespace examready::app
