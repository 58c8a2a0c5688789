// fontconfig lookup of a CJK-capable sans font.
#include "ui/fonts.h"

#include <fontconfig/fontconfig.h>

namespace examready::ui {

std::optional<FontFace> find_cjk_font() {
  if (!FcInit()) return std::nullopt;
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("sans:lang=zh-cn"));
  if (!pattern) return std::nullopt;
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  FcPatternDestroy(pattern);
  if (!match) return std::nullopt;

  std::optional<FontFace> face;
  FcChar8* file = nullptr;
  int index = 0;
  FcLangSet* langs = nullptr;
  // fc-match always returns something (DejaVu when no CJK font exists): insist on zh-cn coverage.
  const bool covers_chinese = FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
                              FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("zh-cn")) != FcLangDifferentLang;
  if (covers_chinese && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
    FcPatternGetInteger(match, FC_INDEX, 0, &index);
    face = FontFace{reinterpret_cast<const char*>(file), index};
  }
  FcPatternDestroy(match);
  return face;
}

}  // namespace examready::ui
