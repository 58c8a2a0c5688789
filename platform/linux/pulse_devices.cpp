// platform/audio_devices.h on Linux: PulseAudio's introspection API, which PipeWire serves
// too (pipewire-pulse). A private main loop, run for a bounded time: the server is another
// process and may be wedged.
#include <pulse/pulseaudio.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "platform/audio_devices.h"

namespace examready::platform {
namespace {

// pa_device_port_type_t (PulseAudio >= 14) by value, so an older server's 0 reads "unknown".
std::string port_type_name(std::uint32_t type) {
  static constexpr std::array<const char*, 23> kNames = {
      "unknown",  "aux",       "speaker", "headphones", "line",  "mic",     "headset", "handset",
      "earpiece", "spdif",     "hdmi",    "tv",         "radio", "video",   "usb",     "bluetooth",
      "portable", "handsfree", "car",     "hifi",       "phone", "network", "analog"};
  return type < kNames.size() ? kNames[type] : "unknown";
}

std::string property(const pa_proplist* list, const char* key) {
  const char* value = pa_proplist_gets(list, key);
  return value ? value : "";
}

// What the queries' callbacks fill in; `pending` counts queries not yet answered.
struct Query {
  OsAudioDevices devices;
  std::string default_source, default_sink;
  std::vector<std::uint32_t> monitor_sources;                    // by index
  std::vector<std::pair<AudioRecorder, std::uint32_t>> streams;  // and the source's index
  int pending = 0;
  bool failed = false;
};

template <typename Info>
OsAudioDevice device_from(const Info& info) {
  OsAudioDevice device;
  device.name = info.name ? info.name : "";
  device.description = info.description ? info.description : "";
  device.bus = property(info.proplist, PA_PROP_DEVICE_BUS);
  device.form_factor = property(info.proplist, PA_PROP_DEVICE_FORM_FACTOR);
  if (info.active_port) {
    device.port_name = info.active_port->name ? info.active_port->name : "";
    device.port_description = info.active_port->description ? info.active_port->description : "";
    device.port_type = port_type_name(info.active_port->type);
  }
  return device;
}

void on_server(pa_context*, const pa_server_info* info, void* data) {
  auto& query = *static_cast<Query*>(data);
  if (info) {
    query.devices.server = std::string(info->server_name ? info->server_name : "") + " " +
                           (info->server_version ? info->server_version : "");
    query.default_source = info->default_source_name ? info->default_source_name : "";
    query.default_sink = info->default_sink_name ? info->default_sink_name : "";
  }
  --query.pending;
}

// A list callback's end marker (eol 1; negative when the server failed the list).
bool ended(Query& query, int eol) {
  if (!eol) return false;
  query.failed |= eol < 0;
  --query.pending;
  return true;
}

void on_source(pa_context*, const pa_source_info* info, int eol, void* data) {
  auto& query = *static_cast<Query*>(data);
  if (ended(query, eol)) return;
  OsAudioDevice device = device_from(*info);
  device.is_monitor = info->monitor_of_sink != PA_INVALID_INDEX;
  if (device.is_monitor) query.monitor_sources.push_back(info->index);
  query.devices.capture.push_back(std::move(device));
}

void on_sink(pa_context*, const pa_sink_info* info, int eol, void* data) {
  auto& query = *static_cast<Query*>(data);
  if (ended(query, eol)) return;
  query.devices.playback.push_back(device_from(*info));
}

void on_source_output(pa_context*, const pa_source_output_info* info, int eol, void* data) {
  auto& query = *static_cast<Query*>(data);
  if (ended(query, eol)) return;
  AudioRecorder recorder;
  recorder.pid = std::atoi(property(info->proplist, PA_PROP_APPLICATION_PROCESS_ID).c_str());
  recorder.application = property(info->proplist, PA_PROP_APPLICATION_PROCESS_BINARY);
  if (recorder.application.empty())
    recorder.application = property(info->proplist, PA_PROP_APPLICATION_NAME);
  query.streams.emplace_back(std::move(recorder), info->source);
}

// Starts one query; an operation the server refuses counts as answered (and failed).
void start(Query& query, pa_operation* operation) {
  if (!operation) {
    query.failed = true;
    return;
  }
  ++query.pending;
  pa_operation_unref(operation);
}

}  // namespace

std::optional<OsAudioDevices> query_os_audio_devices(std::chrono::milliseconds timeout,
                                                     std::string& error) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + timeout;
  std::unique_ptr<pa_mainloop, decltype(&pa_mainloop_free)> loop(pa_mainloop_new(),
                                                                 pa_mainloop_free);
  if (!loop) {
    error = "cannot create a PulseAudio main loop";
    return std::nullopt;
  }
  std::unique_ptr<pa_context, decltype(&pa_context_unref)> context(
      pa_context_new(pa_mainloop_get_api(loop.get()), "examready"), pa_context_unref);
  // NOAUTOSPAWN: asking must not start a sound server that was not running.
  if (!context || pa_context_connect(context.get(), nullptr, PA_CONTEXT_NOAUTOSPAWN, nullptr) < 0) {
    error = "no PulseAudio/PipeWire server: " +
            std::string(pa_strerror(context ? pa_context_errno(context.get()) : PA_ERR_INTERNAL));
    return std::nullopt;
  }
  Query query;
  bool asked = false;
  // Each iteration waits at most until the deadline; the queries finish in a few round trips.
  while (!asked || query.pending > 0) {
    const pa_context_state_t state = pa_context_get_state(context.get());
    if (!PA_CONTEXT_IS_GOOD(state)) {
      error = "the sound server closed the connection: " +
              std::string(pa_strerror(pa_context_errno(context.get())));
      return std::nullopt;
    }
    if (state == PA_CONTEXT_READY && !asked) {
      asked = true;
      start(query, pa_context_get_server_info(context.get(), on_server, &query));
      start(query, pa_context_get_source_info_list(context.get(), on_source, &query));
      start(query, pa_context_get_sink_info_list(context.get(), on_sink, &query));
      start(query, pa_context_get_source_output_info_list(context.get(), on_source_output, &query));
      continue;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::microseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      error = "the sound server did not answer within " + std::to_string(timeout.count()) + " ms";
      pa_context_disconnect(context.get());
      return std::nullopt;
    }
    const int wait_us = static_cast<int>(std::min<std::int64_t>(left.count(), INT_MAX));
    if (pa_mainloop_prepare(loop.get(), wait_us) < 0 || pa_mainloop_poll(loop.get()) < 0 ||
        pa_mainloop_dispatch(loop.get()) < 0) {
      error = "PulseAudio main loop failed";
      return std::nullopt;
    }
  }
  pa_context_disconnect(context.get());
  if (query.failed) {
    error = "the sound server refused to list its devices: " +
            std::string(pa_strerror(pa_context_errno(context.get())));
    return std::nullopt;
  }
  for (auto& device : query.devices.capture)
    device.is_default = device.name == query.default_source;
  for (auto& device : query.devices.playback) device.is_default = device.name == query.default_sink;
  for (auto& [recorder, source] : query.streams) {
    recorder.from_monitor = std::find(query.monitor_sources.begin(), query.monitor_sources.end(),
                                      source) != query.monitor_sources.end();
    query.devices.recorders.push_back(std::move(recorder));
  }
  return std::move(query.devices);
}

}  // namespace examready::platform
