// The upload-rehearsal routes (/v1/probe/rehearsal*), part of add_probe_routes.
#pragma once

#include "server/http/router.h"
#include "server/measure/probe_endpoints.h"

namespace examready::server {

void add_rehearsal_routes(http::Router& router, const ProbeEndpointOptions& options);

// "" → fallback; digits only, at most 19 of them.
std::uint64_t parse_u64(std::string_view text, std::uint64_t fallback);

}  // namespace examready::server
