// The exam.* metrics the evaluator derives from measurements and the rules set's [exam]
// volume (storage the recordings need, minutes to upload them). Internal to the rules library.
#pragma once

#include <array>
#include <vector>

#include "core/metric.h"
#include "rules/rule_set.h"

namespace examready::rules {

using MetricValues =
    std::array<const core::Value*, static_cast<std::size_t>(core::MetricId::kCount_)>;

// Empty when the set declares no [exam] or no bitrate is known (measured or assumed).
std::vector<core::Measurement> derive_exam_metrics(const RuleSet& rules,
                                                    const MetricValues& values);

}  // namespace examready::rules
