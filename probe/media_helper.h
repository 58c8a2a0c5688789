// The camera and encoder checks run FFmpeg, whose libraries cost ~0.2 s and ~45 MB to load.
// The probe keeps them out of its own process: these entry points run the check in the
// `examready-media` helper executable and pass its result through (on a phone over adb they
// answer from the phone's own reports instead, without the helper).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "probe/check.h"

namespace examready::probe {

Outcome run_camera_check_via_helper(CheckContext& ctx);
Outcome run_encoder_check_via_helper(CheckContext& ctx);

// The helper's command line: `examready-media CHECK OPTIONS_JSON`. Shared by both sides.
nlohmann::json media_options_to_json(const ProbeOptions& options);
ProbeOptions media_options_from_json(const nlohmann::json& json);

// Where the helper is: $EXAMREADY_MEDIA_HELPER, else next to the running executable.
std::string media_helper_path();

}  // namespace examready::probe
