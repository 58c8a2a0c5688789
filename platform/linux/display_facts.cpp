// Display scale and text size on Linux: every desktop keeps its own (GNOME's gsettings,
// KDE's kdeglobals, Xft.dpi), and none is read yet.
#include "platform/display_facts.h"

namespace examready::platform {

std::optional<DisplayFacts> read_display_facts(Host& /*host*/, std::string& why) {
  why = "the desktop's text size is not read on Linux yet";
  return std::nullopt;
}

}  // namespace examready::platform
