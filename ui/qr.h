// QR codes of a report's short code or the web check's pairing link, for the window, the
// terminal and the collector's pages (libqrencode).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace examready::ui {

struct QrMatrix {
  int size = 0;                // modules per side; 0 when encoding failed
  std::vector<bool> dark;      // row-major, size * size
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

QrMatrix make_qr(std::string_view text);

// The matrix drawn with Unicode half blocks (two module rows per text line), with a quiet zone.
std::string qr_to_terminal(const QrMatrix& qr);

// The matrix as an SVG image (one unit per module, a 4-module quiet zone).
std::string qr_to_svg(const QrMatrix& qr);

}  // namespace examready::ui
