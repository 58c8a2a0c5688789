// The `storage` check: free and total bytes on the volume that would hold recordings.
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_storage_check(CheckContext& ctx);

}  // namespace examready::probe
