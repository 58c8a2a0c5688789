// The `storage` check on the machine examready runs on (phones: probe/android/storage.cpp,
// probe/ios/storage.cpp).
#pragma once

#include "probe/check.h"

namespace examready::probe {

Outcome run_storage_check(CheckContext& ctx);

// A failed volume query as an outcome: a permission refusal is `denied`.
Outcome volume_failure(const platform::VolumeResult& volume);

}  // namespace examready::probe
