// How large a computer draws text, for the local `font` check: the display scale, the
// text-size setting and the font of the system's own text (Windows: GetDpiForSystem, the
// Accessibility TextScaleFactor, SPI_GETNONCLIENTMETRICS; platform/windows/display_facts.cpp).
#pragma once

#include <optional>
#include <string>

#include "platform/host.h"

namespace examready::platform {

struct DisplayFacts {
  std::optional<double> display_scale;  // 1.0 at 96 DPI
  std::string display_source;
  double text_scale = 1.0;  // the text-size slider; 1.0 when never moved
  std::string text_source;
  std::string ui_font;  // empty when unknown
  std::string font_source;
};

// nullopt with `why` where the OS keeps no such settings that examready reads.
std::optional<DisplayFacts> read_display_facts(Host& host, std::string& why);

}  // namespace examready::platform
