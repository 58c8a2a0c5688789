// Converts decoded frames to the one layout a consumer needs (GRAY8 luma for the camera's
// image statistics, YUV420P/NV12 for an encoder) with libswscale, reusing its buffers.
#pragma once

#include <cstdint>
#include <vector>

#include "platform/media/video_input.h"

struct SwsContext;

namespace examready::platform {

// An owned image in a packed-plane layout (planes contiguous, stride = width per plane).
struct Image {
  int width = 0;
  int height = 0;
  int pixel_format = -1;  // AVPixelFormat
  std::vector<std::uint8_t> bytes;
  std::uint8_t* planes[4] = {};
  int strides[4] = {};
};

class FrameConverter {
 public:
  explicit FrameConverter(int target_pixel_format);
  ~FrameConverter();
  FrameConverter(const FrameConverter&) = delete;
  FrameConverter& operator=(const FrameConverter&) = delete;

  // The converted image, valid until the next call; nullptr when swscale cannot convert.
  const Image* convert(const VideoFrameView& frame);

 private:
  int target_;
  SwsContext* sws_ = nullptr;
  Image image_;
};

// Allocates `image` for width x height in `pixel_format` (planes point into bytes).
void allocate_image(Image& image, int width, int height, int pixel_format);

}  // namespace examready::platform
