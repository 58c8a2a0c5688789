// libswscale behind FrameConverter.
#include "platform/media/frame_converter.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

namespace examready::platform {

void allocate_image(Image& image, int width, int height, int pixel_format) {
  const auto format = static_cast<AVPixelFormat>(pixel_format);
  const int size = av_image_get_buffer_size(format, width, height, 1);
  image.width = width;
  image.height = height;
  image.pixel_format = pixel_format;
  image.bytes.assign(static_cast<std::size_t>(size > 0 ? size : 0), 0);
  av_image_fill_arrays(image.planes, image.strides, image.bytes.data(), format, width, height, 1);
}

FrameConverter::FrameConverter(int target_pixel_format) : target_(target_pixel_format) {}

FrameConverter::~FrameConverter() { sws_freeContext(sws_); }

const Image* FrameConverter::convert(const VideoFrameView& frame) {
  if (frame.width <= 0 || frame.height <= 0 || frame.pixel_format < 0) return nullptr;
  if (image_.width != frame.width || image_.height != frame.height) {
    allocate_image(image_, frame.width, frame.height, target_);
  }
  sws_ = sws_getCachedContext(
      sws_, frame.width, frame.height, static_cast<AVPixelFormat>(frame.pixel_format), frame.width,
      frame.height, static_cast<AVPixelFormat>(target_), SWS_POINT, nullptr, nullptr, nullptr);
  if (!sws_) return nullptr;
  sws_scale(sws_, frame.planes, frame.strides, 0, frame.height, image_.planes, image_.strides);
  return &image_;
}

}  // namespace examready::platform
