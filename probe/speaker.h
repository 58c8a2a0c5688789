// The `speaker` check: play a short tone through SDL2 and listen for it with the
// microphone (Goertzel at the tone's frequency), so "the speaker works" is measured.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "probe/check.h"

namespace examready::probe {

inline constexpr double kSpeakerToneHz = 1000.0;
inline constexpr double kSpeakerToneAmplitude = 0.5;
inline constexpr double kSpeakerToneSeconds = 0.4;

// Route from the output device's name where it says so ("speaker", "headphones",
// "bluetooth", "usb"); nullopt for names that do not tell (a virtual sink, "Default").
std::optional<std::string> output_route_from_name(std::string_view name);

Outcome run_speaker_check(CheckContext& ctx);

}  // namespace examready::probe
