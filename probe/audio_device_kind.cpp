// Audio device classification behind audio_device_kind.h.
#include "probe/audio_device_kind.h"

#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "platform/file_holders.h"

namespace examready::probe {
namespace {

using platform::OsAudioDevice;

bool is_one_of(std::string_view value, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), value) != options.end();
}

// The facts the OS gave, as the report's source: "OS: device.bus=usb, port … (headset)".
std::string os_facts(const OsAudioDevice& device) {
  if (device.is_monitor) return "OS: monitor of an output device";
  std::string facts;
  auto add = [&](std::string_view label, const std::string& value) {
    if (value.empty()) return;
    facts += facts.empty() ? "OS: " : ", ";
    facts += label;
    facts += value;
  };
  add("device.bus=", device.bus);
  add("device.form_factor=", device.form_factor);
  if (!device.port_name.empty()) add("port ", device.port_name + " (" + device.port_type + ")");
  return facts;
}

// True for the ports of a built-in microphone: ALSA's "analog-input-internal-mic"
// ("Internal Microphone"), a UCM "[In] Mic1" described as "Digital Microphone".
bool is_internal_port(const OsAudioDevice& device) {
  const std::string description = core::text::lower(device.port_description);
  return device.port_name.find("internal") != std::string::npos ||
         description.find("internal") != std::string::npos ||
         description.find("digital microphone") != std::string::npos;
}

std::optional<bool> external_from_os(const OsAudioDevice& device) {
  if (device.is_monitor) return false;  // it records an output's sound, not a microphone
  if (is_one_of(device.bus, {"usb", "bluetooth", "firewire"})) return true;
  if (is_one_of(device.form_factor, {"headset", "headphone", "handset", "hands-free", "webcam",
                                     "microphone", "portable", "car"}))
    return true;
  if (is_one_of(device.port_type,
                {"headset", "handset", "handsfree", "headphones", "usb", "bluetooth"}))
    return true;
  if (is_internal_port(device)) return false;
  // A sound card's other microphone ports in ALSA's mixer paths (analog-input-mic,
  // -front-mic, -rear-mic, -dock-mic, -headphone-mic) are jacks. The port comes before the
  // card's form factor: a laptop's "internal" card also has the jack.
  if (device.port_name.starts_with("analog-input-") &&
      device.port_name.find("mic") != std::string::npos)
    return true;
  if (device.form_factor == "internal") return false;
  return std::nullopt;  // a UCM "[In] Mic2", a virtual source: the OS does not say
}

std::optional<std::string> output_route_from_os(const OsAudioDevice& device) {
  if (device.bus == "bluetooth" || device.port_type == "bluetooth") return "bluetooth";
  if (device.bus == "usb" || device.port_type == "usb") return "usb";
  // ALSA's headphone jack port is "analog-output-headphones" even where an older server
  // gives no port type; it comes before the card's "internal" form factor.
  if (is_one_of(device.port_type, {"headphones", "headset", "handset", "earpiece", "handsfree"}) ||
      is_one_of(device.form_factor, {"headphone", "headset", "handset", "hands-free"}) ||
      device.port_name.find("headphone") != std::string::npos)
    return "headphones";
  if (device.port_type == "hdmi") return "hdmi";
  if (device.port_type == "speaker" || is_one_of(device.form_factor, {"internal", "speaker"}))
    return "speaker";
  return std::nullopt;
}

}  // namespace

std::optional<Classified<bool>> classify_external(const OsAudioDevice* device,
                                                  const std::optional<std::string>& name) {
  if (device) {
    if (auto external = external_from_os(*device))
      return Classified<bool>{*external, os_facts(*device)};
  }
  if (name) return Classified<bool>{is_external_audio_device(*name), "device name: " + *name};
  return std::nullopt;
}

std::optional<Classified<std::string>> classify_output_route(
    const OsAudioDevice* device, const std::optional<std::string>& name) {
  if (device) {
    if (auto route = output_route_from_os(*device))
      return Classified<std::string>{*route, os_facts(*device)};
  }
  if (name) {
    if (auto route = output_route_from_name(*name))
      return Classified<std::string>{*route, "device name: " + *name};
  }
  return std::nullopt;
}

const OsAudioDevice* find_os_device(std::span<const OsAudioDevice> devices,
                                    const std::optional<std::string>& sdl_name) {
  auto match = std::find_if(devices.begin(), devices.end(), [&](const OsAudioDevice& device) {
    return sdl_name ? device.description == *sdl_name || device.name == *sdl_name
                    : device.is_default;
  });
  return match == devices.end() ? nullptr : &*match;
}

int count_external_capture(std::span<const OsAudioDevice> devices) {
  return static_cast<int>(std::count_if(devices.begin(), devices.end(), [](const auto& device) {
    return external_from_os(device).value_or(false);
  }));
}

namespace {

std::string device_label(std::string name, bool external, bool is_default) {
  if (external && is_default) return name + " (external, default)";
  if (external) return name + " (external)";
  if (is_default) return name + " (default)";
  return name;
}

}  // namespace

std::vector<std::string> describe_capture_devices(std::span<const OsAudioDevice> os,
                                                  std::span<const std::string> sdl_names) {
  std::vector<std::string> devices;
  for (const auto& device : os) {
    if (device.is_monitor) continue;
    const bool bluetooth = device.bus == "bluetooth";
    const auto external = classify_external(&device, device.description);
    devices.push_back(device_label(bluetooth ? "Bluetooth device" : device.description,
                                   external && external->value, device.is_default));
  }
  if (!os.empty()) return devices;
  for (const auto& name : sdl_names)
    devices.push_back(device_label(name, is_external_audio_device(name), false));
  return devices;
}

std::vector<std::string> other_microphone_users(std::span<const platform::AudioRecorder> recorders,
                                                int own_pid) {
  std::vector<std::string> users;
  for (const auto& recorder : recorders) {
    if (recorder.pid <= 0 || recorder.pid == own_pid || recorder.from_monitor) continue;
    const std::string user = platform::describe({recorder.pid, recorder.application});
    if (std::find(users.begin(), users.end(), user) == users.end()) users.push_back(user);
  }
  return users;
}

bool is_external_audio_device(std::string_view name) {
  const std::string lower = core::text::lower(name);
  static constexpr std::string_view kMarkers[] = {
      "usb",    "headset",    "headphone", "bluetooth", "bluez", "airpods", "earphone", "earbud",
      "webcam", "hands-free", "handsfree", "a2dp",      "hfp",   "hsp",     "耳机",     "蓝牙"};
  return std::any_of(std::begin(kMarkers), std::end(kMarkers), [&](std::string_view marker) {
    return lower.find(marker) != std::string::npos;
  });
}

std::optional<std::string> output_route_from_name(std::string_view name) {
  const std::string lower = core::text::lower(name);
  auto has = [&](std::string_view word) { return lower.find(word) != std::string::npos; };
  if (has("bluetooth") || has("bluez") || has("a2dp") || has("蓝牙")) return "bluetooth";
  if (has("usb")) return "usb";
  if (has("headphone") || has("headset") || has("earphone") || has("耳机")) return "headphones";
  if (has("hdmi") || has("displayport")) return "hdmi";
  if (has("speaker") || has("built-in") || has("扬声器")) return "speaker";
  return std::nullopt;
}

}  // namespace examready::probe
