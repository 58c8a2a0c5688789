// The local `camera` check: FFmpeg capture in the examready-media helper.
#include "probe/camera.h"

#include "probe/media_helper.h"

namespace examready::probe {

Outcome run_camera_check(CheckContext& ctx) { return run_in_media_helper(ctx, "camera"); }

}  // namespace examready::probe
