// QR encoding via libqrencode.
#include "ui/qr.h"

#include <qrencode.h>

#include <memory>

namespace examready::ui {

QrMatrix make_qr(std::string_view text) {
  QrMatrix qr;
  std::string copy(text);
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString(copy.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) return qr;
  qr.size = code->width;
  qr.dark.resize(static_cast<std::size_t>(qr.size * qr.size));
  for (int i = 0; i < qr.size * qr.size; ++i) qr.dark[static_cast<std::size_t>(i)] = code->data[i] & 1;
  return qr;
}

std::string qr_to_terminal(const QrMatrix& qr) {
  constexpr int kQuiet = 2;
  auto dark = [&](int x, int y) {
    return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.at(x, y);
  };
  std::string out;
  // Light background, dark modules: most terminals are dark, so print light as blocks.
  for (int y = -kQuiet; y < qr.size + kQuiet; y += 2) {
    for (int x = -kQuiet; x < qr.size + kQuiet; ++x) {
      const bool top = !dark(x, y), bottom = !dark(x, y + 1);
      out += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    out += "\n";
  }
  return out;
}

std::string qr_to_svg(const QrMatrix& qr) {
  constexpr int kQuiet = 4;
  const std::string side = std::to_string(qr.size + 2 * kQuiet);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side +
                    "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
                    "fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (qr.at(x, y))
        out += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
    }
  }
  out += "\"/></svg>";
  return out;
}

}  // namespace examready::ui
