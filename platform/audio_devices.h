// What the operating system says about its audio devices beyond the names SDL gives them:
// the bus (USB, Bluetooth), the form factor (headset, webcam) and the active port, which
// tell an external microphone or headphones from the built-in ones; and who is recording. Linux:
// PulseAudio's introspection API (also served by PipeWire), in platform/linux/pulse_devices.cpp.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace examready::platform {

struct OsAudioDevice {
  std::string name;              // the OS's own identifier ("alsa_input.usb-…")
  std::string description;       // the name SDL lists it under
  std::string bus;               // "usb", "bluetooth", "pci"…; empty when the OS does not say
  std::string form_factor;       // "internal", "headset", "webcam"…; empty when not said
  std::string port_name;         // the active port ("analog-input-internal-mic", "[In] Mic1"…)
  std::string port_description;  // "Internal Microphone", "Digital Microphone"…
  std::string port_type;         // its kind: "mic", "headset", "speaker", "headphones"…
  bool is_monitor = false;       // a capture of an output device's sound, not a microphone
  bool is_default = false;
};

// A stream recording from a capture device: who else listens to the microphone now.
struct AudioRecorder {
  int pid = 0;                // 0 when the server does not say (a sound server module's stream)
  std::string application;    // application.process.binary, else application.name
  bool from_monitor = false;  // records an output's sound (a screen recorder), not a microphone
};

struct OsAudioDevices {
  std::string server;  // "pulseaudio 16.1", "PulseAudio (on PipeWire 0.3.65)"…
  std::vector<OsAudioDevice> capture;
  std::vector<OsAudioDevice> playback;
  std::vector<AudioRecorder> recorders;
};

// Asks the sound server, giving up after `timeout`; nullopt with `error` set when there is
// none to ask (ALSA alone, no server running) or it does not answer in time.
std::optional<OsAudioDevices> query_os_audio_devices(std::chrono::milliseconds timeout,
                                                     std::string& error);

}  // namespace examready::platform
