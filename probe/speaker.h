// The `speaker` check: play a short tone through SDL2 and listen for it with the
// microphone (Goertzel at the tone's frequency), so "the speaker works" is measured.
#pragma once

#include "probe/check.h"

namespace examready::probe {

inline constexpr double kSpeakerToneHz = 1000.0;
inline constexpr double kSpeakerToneAmplitude = 0.5;
inline constexpr double kSpeakerToneSeconds = 0.4;

Outcome run_speaker_check(CheckContext& ctx);

}  // namespace examready::probe
