// The camera and encoder checks run FFmpeg, whose libraries cost ~0.2 s and ~45 MB to load.
// The probe keeps them out of its own process: their local forms (probe/camera.cpp,
// probe/encoder.cpp) run the check in the `examready-media` helper executable
// (probe/media/) and pass its result through.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "probe/check.h"

namespace examready::probe {

// Runs `check` ("camera" or "encoder") in the helper with ctx's options; its measurements
// are emitted into ctx and its outcome returned.
Outcome run_in_media_helper(CheckContext& ctx, const char* check);

// The helper's command line: `examready-media CHECK OPTIONS_JSON`. Shared by both sides.
nlohmann::json media_options_to_json(const ProbeOptions& options);
ProbeOptions media_options_from_json(const nlohmann::json& json);

// Where the helper is: $EXAMREADY_MEDIA_HELPER, else next to the running executable.
std::string media_helper_path();

}  // namespace examready::probe
