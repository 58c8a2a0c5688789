// SDL2 + SDL2_ttf rendering of the probe window.
#include "ui/window.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "ui/fonts.h"
#include "ui/format.h"
#include "ui/presentation.h"
#include "ui/qr.h"

namespace examready::ui {
namespace {

constexpr int kWidth = 960, kHeight = 720;
constexpr SDL_Color kInk{33, 37, 41, 255}, kMuted{108, 117, 125, 255}, kWhite{255, 255, 255, 255};
constexpr SDL_Color kGreen{25, 135, 84, 255}, kAmber{204, 133, 0, 255}, kRed{200, 35, 51, 255};

SDL_Color color_of(Tone tone) {
  switch (tone) {
    case Tone::kGood: return kGreen;
    case Tone::kCaution: return kAmber;
    case Tone::kQuiet: return kMuted;
    case Tone::kBad: break;
  }
  return kRed;
}

}  // namespace

struct ProbeWindow::Impl {
  Language lang;
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  TTF_Font* font = nullptr;
  TTF_Font* small = nullptr;
  TTF_Font* large = nullptr;
  ProgressRows rows{34};
  std::optional<reports::Report> report;
  QrMatrix qr;
  bool closed = false;
  unsigned frame = 0;

  ~Impl() {
    for (TTF_Font* f : {font, small, large}) {
      if (f) TTF_CloseFont(f);
    }
    if (renderer) SDL_DestroyRenderer(renderer);
    if (window) SDL_DestroyWindow(window);
    if (TTF_WasInit()) TTF_Quit();
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }

  // Draws UTF-8 text; wraps at `wrap` pixels when > 0. Returns the height used.
  int text(int x, int y, const std::string& s, SDL_Color color, TTF_Font* f, int wrap = 0) {
    if (s.empty()) return 0;
    SDL_Surface* surface = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(f, s.c_str(), color, static_cast<Uint32>(wrap))
                                    : TTF_RenderUTF8_Blended(f, s.c_str(), color);
    if (!surface) return 0;
    SDL_Texture* texture = SDL_CreateTextureFromSurface(renderer, surface);
    SDL_Rect dst{x, y, surface->w, surface->h};
    SDL_RenderCopy(renderer, texture, nullptr, &dst);
    SDL_DestroyTexture(texture);
    SDL_FreeSurface(surface);
    return dst.h;
  }

  void fill(int x, int y, int w, int h, SDL_Color c) {
    SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a);
    SDL_Rect r{x, y, w, h};
    SDL_RenderFillRect(renderer, &r);
  }

  void draw_rows() {
    const SDL_Rect rows_area{0, 52, 580, kHeight - 52};  // keep long findings out of the code panel
    SDL_RenderSetClipRect(renderer, &rows_area);
    int y = 76;
    for (const auto& row : rows.rows()) {
      const SDL_Color color = row.finished ? color_of(tone_of(row.status)) : kMuted;
      fill(24, y + 6, 12, 12, color);
      text(46, y, row.check, kInk, font);
      if (row.finished) {
        text(170, y, std::string(status_text(row.status, lang)), color, font);
        text(270, y + 3, row.summary, kMuted, small);
      } else {
        fill(170, y + 8, 140, 8, SDL_Color{222, 226, 230, 255});
        const int done = row.fraction > 0 ? static_cast<int>(140 * row.fraction) : static_cast<int>(frame * 7 % 140);
        fill(170, y + 8, std::max(6, done), 8, SDL_Color{13, 110, 253, 255});
      }
      y += 30;
    }
    SDL_RenderSetClipRect(renderer, nullptr);
  }

  void draw_report() {
    const auto& r = *report;
    const int panel_x = 600;
    std::string verdict = r.evaluation ? r.evaluation->value("verdict", std::string()) : std::string();
    if (!verdict.empty()) {
      fill(panel_x - 16, 64, kWidth - panel_x, 64, color_of(tone_of_verdict(verdict)));
      text(panel_x, 76, std::string(verdict_text(verdict, lang)), kWhite, large);
    } else {
      text(panel_x, 76, std::string(text_of(Text::kNoRules)), kMuted, small, kWidth - panel_x - 16);
    }
    text(panel_x, 144, std::string(text_of(Text::kReportCode)), kMuted, font);
    text(panel_x, 170, r.code(), kInk, large);
    if (qr.size > 0) {
      const int module = 6, origin_x = panel_x, origin_y = 220, quiet = 4 * module;
      const int side = qr.size * module + 2 * quiet;
      fill(origin_x, origin_y, side, side, kWhite);
      for (int qy = 0; qy < qr.size; ++qy) {
        for (int qx = 0; qx < qr.size; ++qx) {
          if (qr.at(qx, qy)) fill(origin_x + quiet + qx * module, origin_y + quiet + qy * module, module, module, kInk);
        }
      }
    }
    if (!r.evaluation) return;
    // Failed and unknown rules, block first, each with its fix.
    int y = std::max(100 + static_cast<int>(rows.rows().size()) * 30, 420);
    const nlohmann::json rules = r.evaluation->value("rules", nlohmann::json::array());
    for (const ProblemRule& problem : problem_rules(rules)) {
      if (y > kHeight - 40) return;
      // Not checked is not failed: grey, with the requirement (which says it was not checked).
      const bool unknown = problem.outcome == core::RuleOutcome::kUnknown;
      fill(24, y + 6, 12, 12, unknown ? kMuted : problem.blocking ? kRed : kAmber);
      std::string statement = rule_statement(*problem.rule, lang);
      if (unknown && !problem.rule->contains("requirement"))
        statement += fmt::format(" ({})", text_of(Text::kNotChecked));
      y += text(46, y, statement, kInk, font, kWidth - 80);
      const std::string fix = localized(problem.rule->value("fix", nlohmann::json()), lang);
      if (!fix.empty()) {
        y += text(46, y, fmt::format("{}: {}", text_of(Text::kFix), fix), kMuted, small, kWidth - 80);
      }
      y += 8;
    }
  }

  std::string_view text_of(Text key) const { return ui::text(key, lang); }

  void render(SDL_Surface* capture) {
    SDL_SetRenderDrawColor(renderer, 245, 246, 248, 255);
    SDL_RenderClear(renderer);
    fill(0, 0, kWidth, 52, SDL_Color{31, 58, 95, 255});
    text(24, 12, lang == Language::kZh ? "ExamReady 考试设备检测" : "ExamReady device check", kWhite, font);
    draw_rows();
    if (report) draw_report();
    if (capture) {
      SDL_RenderReadPixels(renderer, nullptr, capture->format->format, capture->pixels, capture->pitch);
    }
    SDL_RenderPresent(renderer);
    ++frame;
  }

  void handle_input() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
      if (event.type == SDL_QUIT) closed = true;
      if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_ESCAPE) closed = true;
    }
  }
};

ProbeWindow::ProbeWindow(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProbeWindow::~ProbeWindow() = default;

std::unique_ptr<ProbeWindow> ProbeWindow::open(Language lang, std::string* error) {
  auto impl = std::make_unique<Impl>();
  impl->lang = lang;
  auto fail = [&](std::string why) -> std::unique_ptr<ProbeWindow> {
    if (error) *error = std::move(why);
    return nullptr;
  };
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) return fail(std::string("cannot open a window: ") + SDL_GetError());
  if (TTF_Init() != 0) return fail(std::string("cannot start SDL_ttf: ") + TTF_GetError());
  auto face = find_cjk_font();
  if (!face) return fail("no font for Chinese text (install fonts-noto-cjk)");
  impl->font = TTF_OpenFontIndex(face->file.c_str(), 20, face->index);
  impl->small = TTF_OpenFontIndex(face->file.c_str(), 16, face->index);
  impl->large = TTF_OpenFontIndex(face->file.c_str(), 30, face->index);
  if (!impl->font || !impl->small || !impl->large) return fail(std::string("cannot open font: ") + TTF_GetError());
  impl->window = SDL_CreateWindow("ExamReady", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, kWidth, kHeight, 0);
  if (!impl->window) return fail(std::string("cannot open a window: ") + SDL_GetError());
  impl->renderer = SDL_CreateRenderer(impl->window, -1, SDL_RENDERER_ACCELERATED);
  if (!impl->renderer) impl->renderer = SDL_CreateRenderer(impl->window, -1, SDL_RENDERER_SOFTWARE);
  if (!impl->renderer) return fail(std::string("cannot draw: ") + SDL_GetError());
  return std::unique_ptr<ProbeWindow>(new ProbeWindow(std::move(impl)));
}

void ProbeWindow::on_event(const probe::ProgressEvent& event) {
  impl_->rows.apply(event);
  pump();
}

void ProbeWindow::pump() {
  impl_->handle_input();
  impl_->render(nullptr);
}

void ProbeWindow::show_report(const reports::Report& report) {
  impl_->report = report;
  impl_->qr = make_qr(report.code());
  pump();
}

void ProbeWindow::wait_until_closed(double close_after_seconds, const std::string& screenshot_path) {
  if (!screenshot_path.empty()) {
    SDL_Surface* capture = SDL_CreateRGBSurfaceWithFormat(0, kWidth, kHeight, 32, SDL_PIXELFORMAT_ARGB8888);
    impl_->render(capture);
    SDL_SaveBMP(capture, screenshot_path.c_str());
    SDL_FreeSurface(capture);
  }
  const auto start = std::chrono::steady_clock::now();
  while (!impl_->closed) {
    if (close_after_seconds >= 0 &&
        std::chrono::steady_clock::now() - start >= std::chrono::duration<double>(close_after_seconds)) {
      break;
    }
    pump();
    SDL_Delay(33);
  }
}

}  // namespace examready::ui
