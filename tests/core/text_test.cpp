// core/text.h: what pasted text is trimmed of, and what device text is cleaned of.
#include "core/text.h"

#include "core/check_result.h"

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

TEST_CASE("printable: escape sequences and broken UTF-8 from a device cannot reach a terminal") {
  using examready::core::text::printable;
  // OSC 52 (write the clipboard), a screen clear, a title change, a C1 CSI, a NUL, DEL.
  CHECK(printable("SER\x1b[2J\x1b]52;c;aGFja2Vk\x07X") == "SER [2J ]52;c;aGFja2Vk X");
  CHECK(printable(std::string("a\0b\x7f"
                              "c",
                              5)) == "a b c");
  CHECK(printable("\xc2\x9b"
                  "31m") == " 31m");
  CHECK(printable("Xiaomi 14 \xE2\x80\xAE"
                  "4202\xE2\x80\xAC") == "Xiaomi 14  4202 ");  // RLO, PDF
  CHECK(printable("a\xE2\x81\xA6"
                  "b\xE2\x81\xA9") == "a b ");  // LRI, PDI
  CHECK(printable("a\xE2\x80\x8E"
                  "b") ==
        "a\xE2\x80\x8E"
        "b");  // a mark (LRM) reorders nothing
  CHECK(printable("line one\nline two\tend") == "line one line two end");
  CHECK(printable("line one\nline two\tend", true) == "line one\nline two\tend");
  // Text in any script stays as it is; bytes that are not UTF-8 become U+FFFD.
  CHECK(printable("小艺帮 Redmi Note 9 — ok ✓ 😀") == "小艺帮 Redmi Note 9 — ok ✓ 😀");
  CHECK(printable("\xff\xfe") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(printable("\xc0\xaf") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  CHECK(printable("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(printable("\xe5\xb0") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // cut sequence
}

TEST_CASE("a check's message fits the report whatever a device said") {
  using examready::core::kMaxMessageBytes;
  using examready::core::report_message;
  const std::string huge = "model " + std::string(100'000, 'A') + " is not in the database";
  CHECK(report_message(huge).size() == kMaxMessageBytes);
  std::string chinese;
  while (chinese.size() < 3 * kMaxMessageBytes) chinese += "型号";
  const std::string cut = report_message(chinese);
  CHECK(cut.size() <= kMaxMessageBytes);
  CHECK(cut.size() % 3 == 0);  // whole characters only
  CHECK(report_message("adb: \x1b]0;TITLE\x07 boom") == "adb:  ]0;TITLE  boom");
}
