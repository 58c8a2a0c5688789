// The `microphone` check: record from the default (or --mic) capture device through SDL2
// and report levels, clipping, noise floor, delivered rate and digital silence.
#pragma once

#include "probe/check.h"

namespace examready::probe {

// An idle PulseAudio null sink delivers its first buffer after up to 2 s; real devices
// within tens of milliseconds. The capture proper starts once data flows.
inline constexpr std::chrono::milliseconds kFirstAudioTimeout{2500};
// Asking the sound server about its devices is a few round trips; a wedged server must not
// hold the check.
inline constexpr std::chrono::milliseconds kOsAudioQueryTimeout{500};

Outcome run_microphone_check(CheckContext& ctx);

}  // namespace examready::probe
