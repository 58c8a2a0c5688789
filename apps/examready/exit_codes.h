// Exit codes users and scripts depend on (CONVENTIONS.md: keep them stable).
#pragma once

#include <string_view>

#include "core/verdict.h"

namespace examready::app {

enum ExitCode : int {
  kExitReady = 0,
  kExitWarnings = 1,
  kExitNotReady = 2,
  kExitIncomplete = 3,
  kExitUsage = 64,       // EX_USAGE
  kExitInvalidInput = 65,  // EX_DATAERR: a rules file or report that does not parse
  kExitSoftware = 70,    // EX_SOFTWARE: a bug or an environment failure
  kExitTempFail = 75,    // EX_TEMPFAIL: reports still queued (the collector was unreachable)
};

inline int exit_code_for_verdict(std::string_view verdict) {
  switch (core::parse_verdict(verdict).value_or(core::Verdict::kIncomplete)) {
    case core::Verdict::kReady: return kExitReady;
    case core::Verdict::kWarnings: return kExitWarnings;
    case core::Verdict::kNotReady: return kExitNotReady;
    default: return kExitIncomplete;
  }
}

}  // namespace examready::app
