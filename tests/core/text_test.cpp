// core/text.h: what pasted text is trimmed of.
#include "core/text.h"

#include <catch2/catch.hpp>

using examready::core::text::trim_pasted;

TEST_CASE("trim_pasted drops ASCII and Unicode spaces and invisible marks around a value") {
  CHECK(trim_pasted("M2003J15SG") == "M2003J15SG");
  CHECK(trim_pasted(" \tM2003J15SG\r\n") == "M2003J15SG");
  CHECK(trim_pasted("M2003J15SG\xC2\xA0") == "M2003J15SG");                // no-break space
  CHECK(trim_pasted("\xE2\x80\x8BM2003J15SG") == "M2003J15SG");            // zero-width space
  CHECK(trim_pasted("\xE3\x80\x80merlin\xE3\x80\x80") == "merlin");        // ideographic space
  CHECK(trim_pasted("\xEF\xBB\xBF M2003J15SG \xC2\xA0") == "M2003J15SG");  // mixed, nested
  CHECK(trim_pasted("\xE2\x80\xAF\xE2\x81\xA0x\xE2\x80\xA8") == "x");
  // Inside the value they stay, and so does text that only looks alike.
  CHECK(trim_pasted("Redmi\xC2\xA0Note 9") == "Redmi\xC2\xA0Note 9");
  CHECK(trim_pasted("\xE4\xB8\x80") == "\xE4\xB8\x80");  // 一, not a space
  CHECK(trim_pasted("\xC2\xA0\xE2\x80\x8B").empty());
  CHECK(trim_pasted("\xC2").size() == 1);  // a cut-off sequence is left alone
}
