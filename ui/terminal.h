// Terminal rendering: live progress while checks run, then a summary table and
// the verdict with each failed rule's reason and fix.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "probe/runner.h"
#include "reports/report.h"
#include "ui/messages.h"
#include "ui/presentation.h"

namespace examready::ui {

class TerminalProgress {
 public:
  // tty: redraw rows in place with a spinner; otherwise one plain line per event.
  TerminalProgress(std::FILE* out, bool tty, bool color, Language lang);

  void on_event(const probe::ProgressEvent& event);
  void tick();  // advances the spinner (call from the runner's on_tick)

 private:
  void redraw();
  std::string render(const ProgressRow& row) const;

  std::FILE* out_;
  bool tty_;
  bool color_;
  Language lang_;
  ProgressRows rows_{0};
  std::size_t drawn_ = 0;
  unsigned frame_ = 0;
  std::chrono::steady_clock::time_point last_draw_{};
};

void print_summary(std::FILE* out, const reports::Report& report, bool color, Language lang);

}  // namespace examready::ui
