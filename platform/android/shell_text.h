// Parsers for plain shell tools run on the phone: stat -f / df (volume), pm list
// packages, ps -A, settings get, and the media_codecs*.xml files of /vendor/etc.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/host.h"

namespace examready::platform::android {

// `stat -f -c '%S %a %b' PATH`: block size, available blocks, total blocks.
std::optional<VolumeStats> parse_stat_f(std::string_view text);
// toybox `df -k PATH`: header, then "fs 1K-blocks used available use% mountpoint"
// (a long device name may wrap the numbers onto the next line).
std::optional<VolumeStats> parse_df_k(std::string_view text);

// `pm list packages`: "package:com.tencent.mm" lines -> package names.
std::vector<std::string> parse_pm_packages(std::string_view text);
// `ps -A` (toybox; Android 7's toolbox `ps` has the same NAME column last): process
// names, with ":service" suffixes cut so "com.tencent.mm:push" counts as com.tencent.mm.
std::vector<std::string> parse_ps_names(std::string_view text);

// `settings get NS KEY`: the value, or nullopt for "null" (never set: the default applies).
std::optional<std::string> parse_setting(std::string_view text);

// Hardware video encoders declared in a media_codecs XML file: <MediaCodec> entries
// inside <Encoders> whose type is video/* and whose name is not one of Android's software
// codecs (OMX.google.*, c2.android.*, c2.google.*). Includes are not followed here.
std::vector<std::string> parse_hardware_video_encoders(std::string_view xml);

}  // namespace examready::platform::android
