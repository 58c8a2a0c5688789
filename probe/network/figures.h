// The network check's raw samples (session.h) turned into catalogued metrics with their
// sources, so the figures can be tested without a network.
#pragma once

#include <string>

#include "probe/check.h"
#include "probe/network/session.h"

namespace examready::probe::net {

// Emits every figure the samples support; returns the outcome's warnings ("" when none).
std::string emit_network_figures(CheckContext& ctx, const Samples& samples,
                                 const MeasurePlan& plan);

}  // namespace examready::probe::net
