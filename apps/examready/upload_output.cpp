// Upload messages and the terminal QR code.
#include "apps/examready/upload_output.h"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

#include "apps/examready/commands.h"
#include "reports/ids.h"

namespace examready::app {
namespace {

// Two module rows per text row with ▀/▄/█ on an explicit white background, so it scans
// on dark and light terminals alike; a quiet zone of 2 modules.
void print_qr(std::FILE* out, const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!qr) return;
  const int width = qr->width;
  constexpr int kQuiet = 2;
  auto dark = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= width || y >= width) return false;
    return (qr->data[y * width + x] & 1) != 0;
  };
  for (int y = -kQuiet; y < width + kQuiet; y += 2) {
    std::string line = "  \x1b[30;47m";
    for (int x = -kQuiet; x < width + kQuiet; ++x) {
      const bool top = dark(x, y), bottom = dark(x, y + 1);
      line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ";
    }
    line += "\x1b[0m\n";
    std::fputs(line.c_str(), out);
  }
}

}  // namespace

void print_code_banner(std::FILE* out, const std::string& code, bool tty) {
  // No right-hand border: CJK glyph widths differ between terminals.
  fmt::print(out, "\n  ══════════════════════════════════════\n");
  fmt::print(out, "    报告代码 Report code:  {}\n", code);
  fmt::print(out, "    请把这个代码告诉客服 / read it to the helpdesk\n");
  fmt::print(out, "  ══════════════════════════════════════\n");
  if (tty) print_qr(out, code);
}

void print_upload_outcome(std::FILE* out, const std::string& report_id,
                          const reports::UploadOutcome& o) {
  const std::string code = reports::short_code(report_id);
  switch (o.status) {
    case reports::UploadStatus::kStored:
      fmt::print(out, "uploaded {} (server verdict: {})\n", code,
                 o.verdict.empty() ? "-" : o.verdict);
      break;
    case reports::UploadStatus::kReplayed:
      fmt::print(out, "uploaded {} (the server already had it)\n", code);
      break;
    case reports::UploadStatus::kConflict:
      fmt::print(out,
                 "not uploaded {}: the server holds a different report with this id (409); removed "
                 "from the queue\n",
                 code);
      break;
    case reports::UploadStatus::kRejected:
      fmt::print(
          out,
          "not uploaded {}: the server refused it ({}); kept in the queue's rejected/ folder\n",
          code, o.message);
      break;
    default:
      fmt::print(
          out,
          "not uploaded {} after {} attempts ({}); it stays queued: run `examready upload` later\n",
          code, o.attempts, o.message);
      break;
  }
}

void print_rejected_dropped(std::FILE* out, const reports::FlushResult& result,
                            const reports::UploadQueue& queue) {
  if (result.rejected_dropped == 0) return;
  fmt::print(out, "removed the {} oldest refused report(s) from {}: it keeps the newest {}\n",
             result.rejected_dropped, (queue.dir() / "rejected").string(),
             reports::kMaxRejectedReports);
}

reports::UploadOptions make_upload_options(const std::string& server, const std::string& ca_file,
                                           int attempts, std::FILE* out) {
  reports::UploadOptions options;
  options.server_url = server.empty() ? reports::default_server_url() : server;
  if (options.server_url.empty())
    throw UsageError("no collector: give --server URL or set EXAMREADY_SERVER");
  if (options.server_url.rfind("http://", 0) != 0 && options.server_url.rfind("https://", 0) != 0) {
    throw UsageError("--server must be an http:// or https:// URL");
  }
  options.ca_file = ca_file;
  options.max_attempts = attempts;
  options.on_retry = [out](int attempt, std::chrono::milliseconds sleep, const std::string& why) {
    fmt::print(out, "upload attempt {} failed ({}); retrying in {:.1f} s\n", attempt, why,
               static_cast<double>(sleep.count()) / 1000.0);
  };
  return options;
}

}  // namespace examready::app
