// The encoder check as the examready-media helper runs it (probe/encoder.cpp starts the
// helper): which H.264 encoders open, and how fast the one an exam app would
// use (hardware where it works, else libx264 veryfast/zerolatency) encodes 1080p30 and
// 720p30, with its CPU time and bitrate (the rules turn the bitrate into storage need).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "platform/media/h264_encoder.h"
#include "probe/check.h"

namespace examready::probe::media {

inline constexpr int kRecordingFps = 30;
inline constexpr double kEncodeSecondsPerSize = 1.0;
inline constexpr int kEncodeMaxFrames = 600;

struct EncodeMeasurement {
  std::int64_t frames = 0;
  double encode_seconds = 0;  // wall time inside the encoder (frame generation excluded)
  double cpu_seconds = 0;     // process CPU time inside the encoder, all its threads
  std::int64_t bytes = 0;

  double fps() const {
    return encode_seconds > 0 ? static_cast<double>(frames) / encode_seconds : 0;
  }
  // Bits per second of video when the frames are played at `fps`.
  double bitrate_bps(int fps) const {
    return frames > 0 ? static_cast<double>(bytes) * 8.0 * fps / static_cast<double>(frames) : 0;
  }
};

// Returns the next image to encode (nullptr: no more), the encoder's size and format.
using ImageSupplier = std::function<const platform::Image*()>;

// Encodes supplied images until `max_seconds` of encoding time or `max_frames`, then
// drains the encoder. Only the encoder calls are timed. nullopt with `error` on failure.
std::optional<EncodeMeasurement> measure_encoding(platform::H264Encoder& encoder,
                                                  const ImageSupplier& next_image,
                                                  double max_seconds, int max_frames,
                                                  std::string& error);

// The encoder an exam app would record with, among those that opened: the first
// hardware one, else libx264, else whatever opened first; empty when none did.
std::string choose_encoder(std::span<const platform::EncoderInfo> opened);

double realtime_factor(double fps);  // fps / kRecordingFps

Outcome benchmark_encoders(CheckContext& ctx);

}  // namespace examready::probe::media
