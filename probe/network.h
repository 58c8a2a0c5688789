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
// The upload rehearsal's budget plus a margin when --rehearse-upload asks for one, else 0.
std::chrono::milliseconds network_deadline_extension(const ProbeOptions& options);

}  // namespace examready::probe
