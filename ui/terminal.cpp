// Terminal progress and summary.
#include "ui/terminal.h"

#include <fmt/format.h>

#include <algorithm>

#include "ui/format.h"

namespace examready::ui {
namespace {

constexpr const char* kSpinner[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

std::string_view status_color(core::CheckStatus status) {
  switch (status) {
    case core::CheckStatus::kOk: return "\x1b[32m";
    case core::CheckStatus::kUnsupported: return "\x1b[2m";
    case core::CheckStatus::kDenied:
    case core::CheckStatus::kTimeout: return "\x1b[33m";
    default: return "\x1b[31m";
  }
}

std::string_view verdict_color(std::string_view verdict) {
  if (verdict == "ready") return "\x1b[1;32m";
  if (verdict == "warnings") return "\x1b[1;33m";
  return "\x1b[1;31m";
}

std::string paint(bool color, std::string_view code, std::string_view text) {
  return color ? fmt::format("{}{}\x1b[0m", code, text) : std::string(text);
}

std::string pad(std::string_view text, std::size_t width) {
  std::size_t w = display_width(text);
  return std::string(text) + std::string(w < width ? width - w : 0, ' ');
}

std::string localized(const nlohmann::json& object, Language lang) {
  if (!object.is_object()) return {};
  const char* key = lang == Language::kZh ? "zh-CN" : "en";
  return object.value(key, std::string());
}

}  // namespace

TerminalProgress::TerminalProgress(std::FILE* out, bool tty, bool color, Language lang)
    : out_(out), tty_(tty), color_(color), lang_(lang) {}

void TerminalProgress::on_event(const probe::ProgressEvent& event) {
  auto row = std::find_if(rows_.begin(), rows_.end(), [&](const Row& r) { return r.check == event.check; });
  if (row == rows_.end()) {
    rows_.emplace_back();
    rows_.back().check = std::string(event.check);
    row = rows_.end() - 1;
  }
  switch (event.kind) {
    case probe::ProgressEvent::Kind::kStarted:
      if (!tty_) fmt::print(out_, "{} {}…\n", text(Text::kChecking, lang_), event.check);
      break;
    case probe::ProgressEvent::Kind::kProgress:
      row->fraction = event.fraction;
      if (!tty_) return;
      break;
    case probe::ProgressEvent::Kind::kFinished:
      row->finished = true;
      row->status = event.result->status;
      row->duration_ms = event.result->duration_ms;
      if (!tty_) fmt::print(out_, "{}\n", render(*row));
      break;
  }
  if (tty_) redraw();
  std::fflush(out_);
}

void TerminalProgress::tick() {
  if (!tty_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(80)) return;
  ++frame_;
  redraw();
}

std::string TerminalProgress::render(const Row& row) const {
  if (!row.finished) {
    std::string percent = row.fraction > 0 ? fmt::format(" {:3.0f}%", row.fraction * 100) : "";
    return fmt::format("{} {}{}", kSpinner[frame_ % 10], pad(row.check, 12), percent);
  }
  const bool ok = row.status == core::CheckStatus::kOk;
  const char* symbol = ok ? "✔" : row.status == core::CheckStatus::kUnsupported ? "–" : "✘";
  std::string mark = paint(color_, status_color(row.status), symbol);
  return fmt::format("{} {} {} ({:.0f} ms)", mark, pad(row.check, 12),
                     paint(color_, status_color(row.status), status_text(row.status, lang_)), row.duration_ms);
}

void TerminalProgress::redraw() {
  last_draw_ = std::chrono::steady_clock::now();
  std::string frame;
  if (drawn_ > 0) frame += fmt::format("\x1b[{}F", drawn_);
  for (const auto& row : rows_) frame += "\x1b[2K" + render(row) + "\n";
  drawn_ = rows_.size();
  std::fputs(frame.c_str(), out_);
  std::fflush(out_);
}

void print_summary(std::FILE* out, const reports::Report& report, bool color, Language lang) {
  fmt::print(out, "\n{}\n", paint(color, "\x1b[1m", text(Text::kSummaryTitle, lang)));
  std::size_t name_width = display_width(text(Text::kColumnCheck, lang));
  for (const auto& c : report.checks) name_width = std::max(name_width, c.name.size());
  const std::size_t status_width = 12;
  fmt::print(out, "  {} {} {:>8}  {}\n", pad(text(Text::kColumnCheck, lang), name_width),
             pad(text(Text::kColumnStatus, lang), status_width), text(Text::kColumnTime, lang),
             text(Text::kColumnFindings, lang));
  for (const auto& c : report.checks) {
    fmt::print(out, "  {} {} {:>6.0f}ms  {}\n", pad(c.name, name_width),
               paint(color, status_color(c.status), pad(status_text(c.status, lang), status_width)),
               c.duration_ms, summarize_check(c));
  }

  fmt::print(out, "\n{}: {}\n", text(Text::kReportCode, lang), paint(color, "\x1b[1m", report.code()));
  if (!report.evaluation) {
    fmt::print(out, "{}\n", text(Text::kNoRules, lang));
    return;
  }
  const auto& evaluation = *report.evaluation;
  const std::string verdict = evaluation.value("verdict", std::string());
  fmt::print(out, "{}: {}\n", text(Text::kVerdictLabel, lang),
             paint(color, verdict_color(verdict), verdict_text(verdict, lang)));
  std::vector<const nlohmann::json*> advice;
  // Keep the copy alive: `advice` points into it.
  const nlohmann::json rules = evaluation.value("rules", nlohmann::json::array());
  // What decides the verdict first: block failures, block unknowns, then warnings.
  auto rank = [](const nlohmann::json& rule) {
    const bool block = rule.value("severity", "") == "block";
    const bool fail = rule.value("outcome", "") == "fail";
    return block ? (fail ? 0 : 1) : (fail ? 2 : 3);
  };
  std::vector<const nlohmann::json*> problems;
  for (const auto& rule : rules) {
    const std::string outcome = rule.value("outcome", "");
    if (rule.value("severity", "") == "info") {
      advice.push_back(&rule);
    } else if (outcome == "fail" || outcome == "unknown") {
      problems.push_back(&rule);
    }
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const nlohmann::json* a, const nlohmann::json* b) { return rank(*a) < rank(*b); });
  for (const auto* rule : problems) {
    const bool block = rule->value("severity", "") == "block";
    std::string mark = rule->value("outcome", "") == "unknown" ? "?" : block ? "✘" : "!";
    fmt::print(out, "  {} [{}] {}\n", paint(color, block ? "\x1b[31m" : "\x1b[33m", mark),
               rule->value("source", rule->value("id", "")), localized(rule->value("message", nlohmann::json()), lang));
    // An unknown outcome is a check that could not run, not a found problem: say so first.
    if (rule->value("outcome", "") == "unknown") fmt::print(out, "      {}\n", text(Text::kNotChecked, lang));
    if (auto detail = rule->value("detail", std::string()); !detail.empty()) fmt::print(out, "      ({})\n", detail);
    if (auto fix = localized(rule->value("fix", nlohmann::json()), lang); !fix.empty()) {
      fmt::print(out, "      {}: {}\n", text(Text::kFix, lang), fix);
    }
  }
  if (!advice.empty()) {
    fmt::print(out, "{}:\n", text(Text::kAdvice, lang));
    for (const auto* rule : advice) {
      fmt::print(out, "  • {}\n", localized(rule->value("message", nlohmann::json()), lang));
    }
  }
}

}  // namespace examready::ui
