// The `network` check: latency, throughput, stability, loss and clock skew against the
// collector given by --server, plus the interface that carries the route to it.
#pragma once

#include <string>

#include "probe/check.h"
#include "probe/network_session.h"

namespace examready::probe {

// Turns raw samples into catalogued metrics; returns the outcome message (warnings), so
// the figures can be tested without a network.
std::string emit_network_figures(CheckContext& ctx, const net::Samples& samples,
                                 const net::MeasurePlan& plan);

Outcome run_network_check(CheckContext& ctx);

}  // namespace examready::probe
