// The `encoder` check of a phone over adb: the hardware video encoders the vendor declares
// in /vendor/etc/media_codecs*.xml.
#include "probe/android/checks.h"

#include <algorithm>

#include "platform/android/dumpsys.h"
#include "platform/android/shell_text.h"
#include "probe/android/phone_shell.h"

namespace examready::probe::android {

namespace pa = platform::android;

Outcome run_encoder_check(CheckContext& ctx) {
  Outcome failure;
  constexpr const char* kDir = "/vendor/etc";
  auto listing = shell(ctx, {"ls", "-1", kDir}, failure);
  if (!listing) return failure;
  std::vector<std::string> files;
  std::size_t pos = 0;
  while (pos < listing->size()) {
    std::size_t end = listing->find('\n', pos);
    if (end == std::string::npos) end = listing->size();
    std::string name = listing->substr(pos, end - pos);
    pos = end + 1;
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    // Performance files repeat codec names of other SoCs; the codec lists are the others.
    if (name.rfind("media_codecs", 0) == 0 && name.size() > 4 &&
        name.substr(name.size() - 4) == ".xml" && name.find("performance") == std::string::npos) {
      files.push_back(name);
    }
  }
  if (files.empty()) return Outcome::unsupported("no media_codecs*.xml in /vendor/etc");
  std::vector<std::string> encoders;
  for (const auto& file : files) {
    auto xml = shell(ctx, {"cat", std::string(kDir) + "/" + file}, failure);
    if (!xml) return failure;
    for (auto& name : pa::parse_hardware_video_encoders(*xml)) {
      if (std::find(encoders.begin(), encoders.end(), name) == encoders.end())
        encoders.push_back(name);
    }
  }
  ctx.emit(MetricId::kEncoderHardwareCodecs, encoders,
           source(ctx, "/vendor/etc/media_codecs*.xml"));
  return Outcome::ok();
}

}  // namespace examready::probe::android
