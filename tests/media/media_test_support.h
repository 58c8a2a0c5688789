// Helpers for the media tests: run a check function and look up what it emitted.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "platform/local_host.h"
#include "probe/check.h"

namespace examready::test {

struct CheckRun {
  probe::Outcome outcome;
  std::vector<core::Measurement> measurements;

  template <typename T>
  std::optional<T> get(core::MetricId id) const {
    for (const auto& m : measurements) {
      if (m.metric == id) {
        if (const T* value = std::get_if<T>(&m.value)) return *value;
      }
    }
    return std::nullopt;
  }
};

inline CheckRun run_check(probe::CheckFunction check, const probe::ProbeOptions& options,
                          platform::Host& host) {
  probe::CheckContext ctx(host, options);
  CheckRun run;
  run.outcome = check(ctx);
  run.measurements = ctx.take_measurements();
  return run;
}

inline CheckRun run_check(probe::CheckFunction check, const probe::ProbeOptions& options) {
  platform::LocalHost host;
  return run_check(check, options, host);
}

}  // namespace examready::test
