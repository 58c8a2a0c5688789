// The line the page shows under a finished check, in both of its languages. A check's
// `message` is English, written for the helpdesk; a candidate reading the page in Chinese gets
// the figures in Chinese instead. Made from the result's measurements only: nothing here
// judges (the rules do).
#pragma once

#include <string>

#include "core/check_result.h"

namespace examready::webcheck {

struct StepSummary {
  std::string zh;  // zh-CN; empty when there is nothing to add to the status word
  std::string en;
};

// ok: the check's main figures ("1280×720，30 帧/秒"; "1280x720 at 30 fps").
// Other statuses: zh empty (the page shows the status word), en the result's message; a
// camera check whose front camera failed says in zh what became of the back one.
StepSummary step_summary(const core::CheckResult& result);

}  // namespace examready::webcheck
