// Text at the Win32 boundary: the W functions take UTF-16, examready speaks UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace examready::platform::windows {

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view utf16);
// "Access is denied. (5)": FormatMessage's text for a GetLastError() code.
std::string error_text(unsigned long code);
// error_text(GetLastError()) prefixed with what failed: "CreatePipe: Access is denied. (5)".
std::string last_error(std::string_view what);

}  // namespace examready::platform::windows
