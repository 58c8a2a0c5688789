// The `font` check on the local machine: text size, display scale and the UI font.
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_font_check(CheckContext& ctx);

}  // namespace examready::probe
