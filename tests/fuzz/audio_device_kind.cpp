// Fuzz target: the audio device facts the microphone and speaker checks conclude from what the
// sound server says (PulseAudio/PipeWire names, descriptions, bus, form factor, ports) and from
// SDL's names. Input: fields of one device separated by form feeds (name, description, bus,
// form factor, port name, port description, port type, SDL name).
#include <unistd.h>
#include <cstdint>

#include "probe/audio_device_kind.h"
#include "tests/fuzz/fuzz_support.h"

using namespace examready;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  (void)probe::is_external_audio_device(text);
  (void)probe::output_route_from_name(text);
  const auto f = fuzz::parts(text, 8);
  platform::OsAudioDevice device;
  device.name = f[0];
  device.description = f[1];
  device.bus = f[2];
  device.form_factor = f[3];
  device.port_name = f[4];
  device.port_description = f[5];
  device.port_type = f[6];
  device.is_monitor = !f[0].empty() && (f[0].back() & 1);
  const std::optional<std::string> sdl_name =
      f[7].empty() ? std::nullopt : std::optional<std::string>(f[7]);
  (void)probe::classify_external(&device, sdl_name);
  (void)probe::classify_external(nullptr, sdl_name);
  (void)probe::classify_output_route(&device, sdl_name);
  const std::vector<platform::OsAudioDevice> devices{device, device};
  (void)probe::find_os_device(devices, sdl_name);
  (void)probe::count_external_capture(devices);
  const std::vector<std::string> sdl_names{std::string(f[7]), std::string(f[1])};
  (void)probe::describe_capture_devices(devices, sdl_names);
  (void)probe::describe_capture_devices({}, sdl_names);
  const std::vector<platform::AudioRecorder> recorders{
      {static_cast<int>(size), std::string(f[0]), false}, {0, std::string(f[1]), true}};
  (void)probe::other_microphone_users(recorders, ::getpid());
  return 0;
}
