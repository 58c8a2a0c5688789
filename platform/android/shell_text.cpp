// Shell-tool output -> facts (see shell_text.h).
#include "platform/android/shell_text.h"

#include <algorithm>
#include <cstdint>

#include "core/text.h"

namespace examready::platform::android {

namespace text = core::text;
namespace {

std::optional<std::string> xml_attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const auto pos = tag.find(key);
  if (pos == std::string_view::npos) return std::nullopt;
  const auto start = pos + key.size();
  const auto end = tag.find('"', start);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(tag.substr(start, end - start));
}

bool is_software_codec(std::string_view name) {
  const std::string l = text::lower(name);
  return text::starts_with(l, "omx.google.") || text::starts_with(l, "c2.android.") ||
         text::starts_with(l, "c2.google.") || text::starts_with(l, "omx.ffmpeg.");
}

}  // namespace

std::optional<VolumeStats> parse_stat_f(std::string_view text) {
  const auto f = text::fields(text::trim(text));
  if (f.size() != 3) return std::nullopt;
  auto block = text::to_int(f[0]), avail = text::to_int(f[1]), total = text::to_int(f[2]);
  if (!block || !avail || !total || *block <= 0 || *avail < 0 || *total <= 0 || *avail > *total) {
    return std::nullopt;
  }
  // A size beyond 64 bits is no phone's: it would wrap round to a small one.
  if (static_cast<std::uint64_t>(*total) > UINT64_MAX / static_cast<std::uint64_t>(*block)) {
    return std::nullopt;
  }
  return VolumeStats{static_cast<std::uint64_t>(*avail) * static_cast<std::uint64_t>(*block),
                     static_cast<std::uint64_t>(*total) * static_cast<std::uint64_t>(*block)};
}

std::optional<VolumeStats> parse_df_k(std::string_view text) {
  std::vector<std::string_view> tokens;
  bool header = true;
  for (auto line : text::lines(text)) {
    if (header) {
      if (line.find("1K-blocks") != std::string_view::npos) header = false;
      continue;
    }
    for (auto t : text::fields(line)) tokens.push_back(t);
  }
  // filesystem, 1K-blocks, used, available, use%, mounted-on
  if (tokens.size() < 6) return std::nullopt;
  auto total = text::to_int(tokens[1]), avail = text::to_int(tokens[3]);
  // More free than total is not believable (found by fuzzing: the numbers were another
  // command's), and a size beyond 64 bits would wrap round to a small one.
  if (!total || !avail || *total <= 0 || *avail < 0 || *avail > *total ||
      static_cast<std::uint64_t>(*total) > UINT64_MAX / 1024) {
    return std::nullopt;
  }
  return VolumeStats{static_cast<std::uint64_t>(*avail) * 1024,
                     static_cast<std::uint64_t>(*total) * 1024};
}

std::vector<std::string> parse_pm_packages(std::string_view text) {
  std::vector<std::string> packages;
  for (auto raw : text::lines(text)) {
    const std::string_view line = text::trim(raw);
    if (!text::starts_with(line, "package:")) continue;
    std::string_view name = line.substr(8);
    // `pm list packages -f` form: package:/data/app/…/base.apk=com.example
    if (const auto eq = name.rfind('='); eq != std::string_view::npos) name = name.substr(eq + 1);
    if (!name.empty()) packages.emplace_back(name);
  }
  std::sort(packages.begin(), packages.end());
  packages.erase(std::unique(packages.begin(), packages.end()), packages.end());
  return packages;
}

std::vector<std::string> parse_ps_names(std::string_view text) {
  std::vector<std::string> names;
  std::size_t name_column = std::string_view::npos;
  for (auto raw : text::lines(text)) {
    const auto f = text::fields(raw);
    if (f.empty()) continue;
    if (name_column == std::string_view::npos) {
      if (f.front() != "USER") return {};  // not ps output (an error message)
      name_column = f.size() - 1;
      continue;
    }
    std::string_view name = f.back();  // NAME is last; WCHAN may be empty, so count from the end
    if (const auto colon = name.find(':'); colon != std::string_view::npos)
      name = name.substr(0, colon);
    if (!name.empty() && name.front() != '[') names.emplace_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::optional<std::string> parse_setting(std::string_view text) {
  const std::string_view value = text::trim(text);
  if (value.empty() || value == "null") return std::nullopt;
  return std::string(value);
}

std::vector<std::string> parse_hardware_video_encoders(std::string_view xml) {
  std::vector<std::string> encoders;
  bool in_encoders = false;
  std::string codec;  // current <MediaCodec> name
  bool codec_video = false;
  std::size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string_view::npos) {
    if (xml.substr(pos, 4) == "<!--") {
      const auto end = xml.find("-->", pos);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const auto end = xml.find('>', pos);
    if (end == std::string_view::npos) break;  // truncated file: keep what was complete
    const std::string_view tag = xml.substr(pos, end - pos + 1);
    pos = end + 1;
    auto flush = [&] {
      if (!codec.empty() && codec_video && !is_software_codec(codec) &&
          std::find(encoders.begin(), encoders.end(), codec) == encoders.end()) {
        encoders.push_back(codec);
      }
      codec.clear();
      codec_video = false;
    };
    if (text::starts_with(tag, "<Encoders")) {
      in_encoders = tag.find("/>") == std::string_view::npos;
    } else if (text::starts_with(tag, "</Encoders")) {
      in_encoders = false;
    } else if (in_encoders && text::starts_with(tag, "<MediaCodec ")) {
      flush();
      codec = xml_attribute(tag, "name").value_or("");
      codec_video = text::starts_with(xml_attribute(tag, "type").value_or(""), "video/");
      if (tag.find("/>") != std::string_view::npos) flush();
    } else if (in_encoders && text::starts_with(tag, "<Type ") && !codec.empty()) {
      if (text::starts_with(xml_attribute(tag, "name").value_or(""), "video/")) codec_video = true;
    } else if (text::starts_with(tag, "</MediaCodec")) {
      flush();
    }
  }
  return encoders;
}

}  // namespace examready::platform::android
