// Runs checks concurrently, each in its own process with its own deadline, so a
// hung camera or a crashing driver becomes that check's timeout/error and the run goes on.
#pragma once

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "probe/check.h"

namespace examready::probe {

struct ProgressEvent {
  enum class Kind { kStarted, kProgress, kFinished };
  Kind kind = Kind::kStarted;
  std::string_view check;
  double fraction = 0;                  // kProgress: 0..1
  const CheckResult* result = nullptr;  // kFinished
};

struct RunnerOptions {
  int max_parallel = 4;
  double deadline_scale = 1.0;      // stretches every deadline (slow machines, debugging)
  std::function<void()> on_tick;    // called about every 50 ms while waiting (GUI event pump)
};

using ProgressHandler = std::function<void(const ProgressEvent&)>;

// Results come back in the order of `checks`, one per check, whatever happened to it.
// Events are delivered on the calling thread.
std::vector<CheckResult> run_checks(std::span<const CheckSpec* const> checks, platform::Host& host,
                                    const ProbeOptions& options, const ProgressHandler& on_event,
                                    const RunnerOptions& runner = {});

}  // namespace examready::probe
