// bench/encoder: the encoder check's measurement (probe::media::measure_encoding) on raw frames
// from a file, so bench/encoder/run.sh can give ffmpeg -benchmark the very same frames.
// Usage: encoder_bench FRAMES.yuv WIDTH HEIGHT COUNT [ENCODER] [THREADS]
// COUNT may exceed the frames in the file: it is read again from the start, as ffmpeg's
// -stream_loop does, so a long run needs no gigabytes of raw frames.
// Prints: "probe encoder=libx264 frames=N encode_s=S fps=F cpu_s=C bitrate_bps=B".
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

extern "C" {
#include <libavutil/log.h>
#include <libavutil/pixfmt.h>
}

#include "platform/media/h264_encoder.h"
#include "probe/media/encoder.h"

using namespace examready;

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s FRAMES.yuv WIDTH HEIGHT COUNT [ENCODER] [THREADS]\n", argv[0]);
    return 64;
  }
  const std::string path = argv[1];
  const int width = std::atoi(argv[2]);
  const int height = std::atoi(argv[3]);
  const int count = std::atoi(argv[4]);
  const std::string name = argc > 5 ? argv[5] : "libx264";
  const int threads = argc > 6 ? std::atoi(argv[6]) : 0;
  av_log_set_level(AV_LOG_WARNING);  // x264's closing statistics are info-level noise here

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) {
    std::perror(path.c_str());
    return 66;
  }
  platform::MediaError error;
  platform::EncoderSettings settings{name, width, height, probe::media::kRecordingFps, threads};
  auto encoder = platform::H264Encoder::open(settings, error);
  if (!encoder || encoder->input_pixel_format() != AV_PIX_FMT_YUV420P) {
    std::fprintf(stderr, "cannot open %s for yuv420p input: %s\n", name.c_str(),
                 error.message.c_str());
    return 1;
  }
  platform::Image image;
  platform::allocate_image(image, width, height, AV_PIX_FMT_YUV420P);
  // Reading is outside the timed encoder calls, as frame generation is in the check.
  probe::media::ImageSupplier next = [&]() -> const platform::Image* {
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (std::fread(image.bytes.data(), 1, image.bytes.size(), file.get()) == image.bytes.size())
        return &image;
      std::rewind(file.get());
    }
    return nullptr;
  };
  std::string message;
  auto m = probe::media::measure_encoding(*encoder, next, 1e9, count, message);
  if (!m) {
    std::fprintf(stderr, "encoding failed: %s\n", message.c_str());
    return 1;
  }
  std::printf("probe encoder=%s frames=%lld encode_s=%.4f fps=%.2f cpu_s=%.3f bitrate_bps=%.0f\n",
              name.c_str(), static_cast<long long>(m->frames), m->encode_seconds, m->fps(),
              m->cpu_seconds, m->bitrate_bps(probe::media::kRecordingFps));
  return 0;
}
