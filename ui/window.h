// The SDL2 window (`examready check --gui`): live check rows, then the verdict, the failed
// rules with their fix, and the report code as text and QR code. It consumes the same
// runner events as the terminal renderer; the runner's on_tick drives its event loop.
#pragma once

#include <memory>
#include <string>

#include "probe/runner.h"
#include "reports/report.h"
#include "ui/messages.h"

namespace examready::ui {

class ProbeWindow {
 public:
  // Opens the window; on failure (no display, no CJK font) returns null and sets *error.
  static std::unique_ptr<ProbeWindow> open(Language lang, std::string* error);
  ~ProbeWindow();

  void on_event(const probe::ProgressEvent& event);
  void pump();  // handles input and redraws; never blocks
  void show_report(const reports::Report& report);
  // Keeps the window up until the user closes it, or `close_after_seconds` (>= 0) pass.
  // With a screenshot path, the first frame showing the report is saved there (BMP).
  void wait_until_closed(double close_after_seconds, const std::string& screenshot_path);

 private:
  struct Impl;
  explicit ProbeWindow(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace examready::ui
