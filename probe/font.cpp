// The `font` check on the local machine: how large the computer draws text.
#include "probe/font.h"

#include "platform/display_facts.h"

namespace examready::probe {

Outcome run_font_check(CheckContext& ctx) {
  std::string why;
  const auto facts = platform::read_display_facts(ctx.host(), why);
  if (!facts) return Outcome::unsupported(why);
  ctx.emit(MetricId::kFontScale, facts->text_scale, facts->text_source);
  if (facts->display_scale)
    ctx.emit(MetricId::kFontDisplayScale, *facts->display_scale, facts->display_source);
  if (!facts->ui_font.empty())
    ctx.emit(MetricId::kFontUiFamily, facts->ui_font, facts->font_source);
  return Outcome::ok();
}

}  // namespace examready::probe
