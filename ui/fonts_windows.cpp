// Finding a Simplified Chinese font on Windows: the fonts every Chinese-language Windows
// ships (Microsoft YaHei since Vista, DengXian since 10, SimHei and SimSun before), in the
// system's Fonts folder or installed for this user; Noto Sans CJK where someone installed it.
#include "ui/fonts.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace examready::ui {
namespace {

struct Candidate {
  const char* file;
  int index;  // face index of the Simplified Chinese face in a collection
};

// In order of preference: a clear sans for the window's short labels first.
constexpr Candidate kCandidates[] = {
    {"msyh.ttc", 0},                 // Microsoft YaHei
    {"Deng.ttf", 0},                 // DengXian
    {"simhei.ttf", 0},               // SimHei
    {"simsun.ttc", 0},               // SimSun
    {"NotoSansCJK-Regular.ttc", 2},  // Noto Sans CJK: JP, KR, SC, TC, HK
    {"NotoSansSC-Regular.otf", 0},
};

std::filesystem::path from_environment(const wchar_t* name) {
  const wchar_t* value = ::_wgetenv(name);
  return value && *value ? std::filesystem::path(value) : std::filesystem::path();
}

}  // namespace

std::optional<FontFace> find_cjk_font() {
  std::vector<std::filesystem::path> folders;
  if (auto windir = from_environment(L"WINDIR"); !windir.empty())
    folders.push_back(windir / "Fonts");
  if (auto local = from_environment(L"LOCALAPPDATA"); !local.empty()) {
    folders.push_back(local / "Microsoft" / "Windows" / "Fonts");  // installed for this user only
  }
  for (const auto& candidate : kCandidates) {
    for (const auto& folder : folders) {
      std::error_code ec;
      const auto path = folder / candidate.file;
      if (std::filesystem::is_regular_file(path, ec))
        return FontFace{path.string(), candidate.index};
    }
  }
  return std::nullopt;
}

}  // namespace examready::ui
