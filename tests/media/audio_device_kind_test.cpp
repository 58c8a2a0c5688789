// External microphone and output route from what the sound server says about a device, and
// from names when it says nothing. The devices below carry the properties and active ports
// of real `pactl list` captures (search index file ids in brackets): a laptop's ALC257
// HD-Audio under PulseAudio [40833314442], an Intel 8 Series HDA with form factor
// "internal" [26761190715], a Corsair HS70 USB headset under PipeWire [24104217762], Sony
// MDR-10RBT on Bluetooth HSP [56804048359], a WH-1000XM4 on A2DP [42475605765] and a SOF
// laptop whose UCM ports are "[In] Mic1"/"[In] Mic2" [70658968746].
#include <catch2/catch.hpp>

#include <vector>

#include "probe/audio_device_kind.h"

using namespace examready;
using platform::OsAudioDevice;
using probe::classify_external;
using probe::classify_output_route;

namespace {

OsAudioDevice device(std::string bus, std::string form_factor, std::string port_name,
                     std::string port_description, std::string port_type) {
  OsAudioDevice d;
  d.bus = std::move(bus);
  d.form_factor = std::move(form_factor);
  d.port_name = std::move(port_name);
  d.port_description = std::move(port_description);
  d.port_type = std::move(port_type);
  return d;
}

std::optional<bool> external(const OsAudioDevice& d) {
  auto c = classify_external(&d, std::nullopt);
  return c ? std::optional(c->value) : std::nullopt;
}

std::optional<std::string> route(const OsAudioDevice& d) {
  auto c = classify_output_route(&d, std::nullopt);
  return c ? std::optional(c->value) : std::nullopt;
}

// A laptop's sources as PulseAudio lists them: the speakers' monitor, the built-in
// microphone (the default), a USB headset and a Bluetooth headset named by its owner.
std::vector<OsAudioDevice> laptop_sources() {
  OsAudioDevice monitor;
  monitor.name = "alsa_output.pci-0000_00_1f.3.analog-stereo.monitor";
  monitor.description = "Monitor of Built-in Audio Analog Stereo";
  monitor.is_monitor = true;
  OsAudioDevice built_in =
      device("pci", "internal", "analog-input-internal-mic", "Internal Microphone", "mic");
  built_in.name = "alsa_input.pci-0000_00_1f.3.analog-stereo";
  built_in.description = "Built-in Audio Analog Stereo";
  built_in.is_default = true;
  OsAudioDevice usb = device("usb", "headset", "analog-input-mic", "Microphone", "mic");
  usb.name = "alsa_input.usb-Logitech_Logitech_USB_Headset-00.mono-fallback";
  usb.description = "Logitech USB Headset Mono";
  OsAudioDevice bluetooth = device("bluetooth", "headset", "headset-input", "Headset", "headset");
  bluetooth.name = "bluez_input.AC_12_2F_00_11_22.0";
  bluetooth.description = "Zhang Wei's AirPods";
  return {monitor, built_in, usb, bluetooth};
}

}  // namespace

TEST_CASE("built-in microphones are not external; jacks, USB and Bluetooth are") {
  // ALC257: bus pci, no form factor, the internal-mic port active.
  CHECK(external(device("pci", "", "analog-input-internal-mic", "Internal Microphone", "mic")) ==
        false);
  // The same card with a microphone in its jack.
  CHECK(external(device("pci", "", "analog-input-mic", "Microphone", "mic")) == true);
  // Intel 8 Series: form factor "internal"; an older pactl gives no port type.
  CHECK(external(device("pci", "internal", "analog-input-internal-mic", "Internal Microphone",
                        "unknown")) == false);
  CHECK(external(device("pci", "internal", "analog-input-mic", "Microphone", "unknown")) == true);
  // Laptops' combined headset jack.
  CHECK(external(device("pci", "", "analog-input-headset-mic", "Headset Microphone", "headset")) ==
        true);
  // USB headset (PipeWire) and Bluetooth HSP headset.
  CHECK(external(device("usb", "headset", "analog-input-mic", "Microphone", "mic")) == true);
  CHECK(external(device("bluetooth", "headset", "headset-input", "Headset", "headset")) == true);
  // SOF/UCM: the built-in digital microphone, and a port the OS does not classify.
  CHECK(external(device("", "", "[In] Mic1", "Digital Microphone", "mic")) == false);
  CHECK_FALSE(external(device("", "", "[In] Mic2", "Stereo Microphone", "mic")).has_value());
  // A null sink's monitor or a virtual source: nothing said.
  CHECK_FALSE(external(device("", "", "", "", "")).has_value());
}

TEST_CASE("a monitor records an output, so it is no external microphone even on a USB card") {
  OsAudioDevice monitor = device("usb", "headset", "", "", "");
  monitor.is_monitor = true;
  auto c = classify_external(&monitor, std::string("Monitor of CORSAIR HS70 Pro"));
  REQUIRE(c);
  CHECK_FALSE(c->value);
  CHECK(c->source == "OS: monitor of an output device");
}

TEST_CASE("output route from the bus, the active port and the form factor") {
  CHECK(route(device("pci", "", "analog-output-speaker", "Speakers", "speaker")) == "speaker");
  CHECK(route(device("pci", "", "analog-output-headphones", "Headphones", "headphones")) ==
        "headphones");
  CHECK(route(device("pci", "internal", "analog-output-speaker", "Speakers", "unknown")) ==
        "speaker");
  CHECK(route(device("pci", "internal", "analog-output-headphones", "Headphones", "unknown")) ==
        "headphones");
  CHECK(route(device("usb", "headset", "analog-output", "Analog Output", "analog")) == "usb");
  // A2DP headphones: the port type is "unknown", the bus says it.
  CHECK(route(device("bluetooth", "headset", "headset-output", "Headset", "unknown")) ==
        "bluetooth");
  CHECK(route(device("pci", "", "hdmi-output-0", "HDMI / DisplayPort", "hdmi")) == "hdmi");
  CHECK(route(device("", "", "[Out] Speaker", "Speaker", "speaker")) == "speaker");
  CHECK_FALSE(route(device("", "", "", "", "")).has_value());
}

TEST_CASE("the OS's facts win over the name, and the report's source carries no device name") {
  OsAudioDevice headset = device("bluetooth", "headset", "headset-input", "Headset", "headset");
  headset.description = "Zhang Wei's MDR-10RBT";
  auto c = classify_external(&headset, headset.description);
  REQUIRE(c);
  CHECK(c->value);
  CHECK(c->source ==
        "OS: device.bus=bluetooth, device.form_factor=headset, port headset-input (headset)");
  auto r = classify_output_route(&headset, headset.description);
  REQUIRE(r);
  CHECK(r->value == "bluetooth");
  CHECK(r->source.find("Zhang") == std::string::npos);

  SECTION("where the OS says nothing, the name decides and is quoted") {
    OsAudioDevice silent;
    auto by_name = classify_external(&silent, std::string("USB PnP Sound Device Mono"));
    REQUIRE(by_name);
    CHECK(by_name->value);
    CHECK(by_name->source == "device name: USB PnP Sound Device Mono");
    CHECK_FALSE(classify_external(&silent, std::nullopt).has_value());
    CHECK_FALSE(classify_output_route(nullptr, std::string("TestSink")).has_value());
  }
}

TEST_CASE("the device SDL opened is found by its description, else the OS default") {
  const std::vector<OsAudioDevice> sources = laptop_sources();
  CHECK(probe::find_os_device(sources, std::nullopt) == &sources[1]);
  CHECK(probe::find_os_device(sources, std::string("Logitech USB Headset Mono")) == &sources[2]);
  CHECK(probe::find_os_device(sources, sources[2].name) == &sources[2]);
  CHECK(probe::find_os_device(sources, std::string("No Such Device")) == nullptr);
  CHECK(probe::find_os_device({}, std::nullopt) == nullptr);
  // The two headsets count; the built-in microphone and the monitor do not.
  CHECK(probe::count_external_capture(sources) == 2);
}

TEST_CASE("external audio devices and routes are recognised by name") {
  using probe::is_external_audio_device;
  using probe::output_route_from_name;
  CHECK(is_external_audio_device("USB PnP Sound Device Mono"));
  CHECK(is_external_audio_device("Jabra EVOLVE 20 MS Headset Mono"));
  CHECK(is_external_audio_device("bluez_source.AC_12_2F_00_11_22.handsfree_head_unit"));
  CHECK(is_external_audio_device("AirPods Pro"));
  CHECK(is_external_audio_device("有线耳机"));
  CHECK_FALSE(is_external_audio_device("Built-in Audio Analog Stereo"));
  CHECK_FALSE(is_external_audio_device("Monitor of TestSink"));
  CHECK(output_route_from_name("Built-in Audio Analog Stereo") == "speaker");
  CHECK(output_route_from_name("WH-1000XM4 (bluez_sink.A2DP)") == "bluetooth");
  CHECK(output_route_from_name("USB Audio Device Analog Stereo") == "usb");
  CHECK(output_route_from_name("Headphones") == "headphones");
  CHECK(output_route_from_name("HDA Intel PCH HDMI / DisplayPort 1 Output") == "hdmi");
  CHECK_FALSE(output_route_from_name("TestSink").has_value());
}

TEST_CASE("other microphone users: not this process, not the server's own, not screen recorders") {
  const std::vector<platform::AudioRecorder> recorders = {
      {4242, "zoom", false},  {100, "examready", false},  // this process's own capture
      {0, "Loopback", false},                             // a module's stream, no process
      {5151, "obs", true},                                // records the output's sound
      {4242, "zoom", false},                              // a second stream of the same program
      {6262, "", false},
  };
  CHECK(probe::other_microphone_users(recorders, 100) ==
        std::vector<std::string>{"zoom (pid 4242)", "? (pid 6262)"});
  CHECK(probe::other_microphone_users({}, 100).empty());
}

TEST_CASE("the capture devices listed for the report: kinds marked, Bluetooth unnamed") {
  const std::vector<std::string> sdl = {"Built-in Audio Analog Stereo", "USB PnP Sound Device"};
  CHECK(probe::describe_capture_devices(laptop_sources(), sdl) ==
        std::vector<std::string>{"Built-in Audio Analog Stereo (default)",
                                 "Logitech USB Headset Mono (external)",
                                 "Bluetooth device (external)"});
  // No sound server: SDL's names, judged by name.
  CHECK(
      probe::describe_capture_devices({}, sdl) ==
      std::vector<std::string>{"Built-in Audio Analog Stereo", "USB PnP Sound Device (external)"});
}
