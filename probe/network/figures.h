// The network check's figures: core::net::emit_network_figures on the check's measurements.
#pragma once

#include <string>

#include "probe/check.h"
#include "probe/network/session.h"

namespace examready::probe::net {

// Emits every figure the samples support; returns the outcome's warnings ("" when none).
inline std::string emit_network_figures(CheckContext& ctx, const Samples& samples,
                                        const core::net::PhasePlan& phases) {
  return core::net::emit_network_figures(ctx.measurement_list(), samples, phases);
}

}  // namespace examready::probe::net
