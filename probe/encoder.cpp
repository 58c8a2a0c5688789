// The local `encoder` check: the H.264 benchmark in the examready-media helper.
#include "probe/encoder.h"

#include "probe/media_helper.h"

namespace examready::probe {

Outcome run_encoder_check(CheckContext& ctx) { return run_in_media_helper(ctx, "encoder"); }

}  // namespace examready::probe
