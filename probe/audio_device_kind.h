// What kind of audio device the microphone and speaker checks use: external or built-in,
// where sound goes, and who else records. The OS's facts (bus, form factor, active port) decide
// where it gives them; the device's name is the fallback. Pure: platform/audio_devices.h asks.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audio_devices.h"

namespace examready::probe {

// A conclusion and what it rests on (the metric's source in the report). The OS's facts
// are quoted without the device's name: a Bluetooth headset is named by its owner.
template <typename T>
struct Classified {
  T value;
  std::string source;
};

// The capture device in use is external: a USB or Bluetooth device, a headset, a webcam's
// microphone, a microphone in a jack. nullopt when neither the OS nor the name says.
std::optional<Classified<bool>> classify_external(const platform::OsAudioDevice* device,
                                                  const std::optional<std::string>& name);
// Where the output device in use sends sound: "speaker", "headphones", "bluetooth", "usb",
// "hdmi"; nullopt when neither the OS nor the name says (a virtual sink).
std::optional<Classified<std::string>> classify_output_route(
    const platform::OsAudioDevice* device, const std::optional<std::string>& name);
// The OS device SDL opened: by SDL's name (the OS's description), else the OS default.
const platform::OsAudioDevice* find_os_device(std::span<const platform::OsAudioDevice> devices,
                                              const std::optional<std::string>& sdl_name);
// How many of the capture devices the OS reports as external microphones (monitors of
// outputs are not microphones and not counted).
int count_external_capture(std::span<const platform::OsAudioDevice> devices);

// The capture devices for the report: "USB PnP Sound Device Mono (external, default)".
// From the OS's list where the server answered (monitors of outputs left out), else from
// SDL's names. A Bluetooth device appears as "Bluetooth device": its name is its owner's
// choice ("Zhang Wei's AirPods").
std::vector<std::string> describe_capture_devices(std::span<const platform::OsAudioDevice> os,
                                                  std::span<const std::string> sdl_names);

// The other programs recording from a microphone now ("zoom (pid 4242)"): not this
// process (`own_pid`, whose capture is open while it asks), not a sound server module's
// own stream, not a recorder of an output's sound.
std::vector<std::string> other_microphone_users(std::span<const platform::AudioRecorder> recorders,
                                                int own_pid);

// The name-only fallbacks (PulseAudio/PipeWire descriptions and SDL names often carry the
// bus or form factor: "USB PnP Sound Device", "Jabra EVOLVE 20 MS Headset").
bool is_external_audio_device(std::string_view name);
std::optional<std::string> output_route_from_name(std::string_view name);

}  // namespace examready::probe
