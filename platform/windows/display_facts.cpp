// Display scale, text size and UI font on Windows. The display scale is the system DPI,
// real only because examready.exe declares itself DPI-aware in its manifest (otherwise
// Windows answers 96 and stretches the window's bitmap).
#include "platform/display_facts.h"

#include <windows.h>

#include "platform/windows/registry.h"
#include "platform/windows/wide_text.h"

namespace examready::platform {

std::optional<DisplayFacts> read_display_facts(Host& /*local machine only*/, std::string& /*why*/) {
  DisplayFacts facts;
  if (const UINT dpi = ::GetDpiForSystem(); dpi > 0) {
    facts.display_scale = dpi / 96.0;
    facts.display_source = "GetDpiForSystem";
  }
  // Settings > Accessibility > Text size: 100-225 %; absent until the slider is moved.
  facts.text_source = "registry HKCU\\SOFTWARE\\Microsoft\\Accessibility\\TextScaleFactor";
  if (auto percent = windows::registry_dword(
          windows::Hive::kCurrentUser, L"SOFTWARE\\Microsoft\\Accessibility", L"TextScaleFactor")) {
    if (*percent >= 50 && *percent <= 500) facts.text_scale = *percent / 100.0;
  }
  NONCLIENTMETRICSW metrics{};
  metrics.cbSize = sizeof metrics;
  if (::SystemParametersInfoW(SPI_GETNONCLIENTMETRICS, sizeof metrics, &metrics, 0)) {
    facts.ui_font = windows::narrow(metrics.lfMessageFont.lfFaceName);
    facts.font_source = "SPI_GETNONCLIENTMETRICS";
  }
  return facts;
}

}  // namespace examready::platform
