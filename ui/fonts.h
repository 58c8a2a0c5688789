// Finding a font that draws Simplified Chinese (fontconfig), for the SDL2 window.
#pragma once

#include <optional>
#include <string>

namespace examready::ui {

struct FontFace {
  std::string file;
  int index = 0;  // face index inside a .ttc collection (Noto Sans CJK SC is not face 0)
};

// The best "sans:lang=zh-cn" face; nullopt when fontconfig knows no such font.
std::optional<FontFace> find_cjk_font();

}  // namespace examready::ui
