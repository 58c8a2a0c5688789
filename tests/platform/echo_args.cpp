// Prints its arguments one per line, each between [ and ], in UTF-8: the child the Windows
// process tests start to see how an argument list crossed CreateProcess's single command
// line. It reads them as the C runtime and CommandLineToArgvW do.
#include <windows.h>

#include <shellapi.h>

#include <cstdio>
#include <string>

int main() {
  int argc = 0;
  wchar_t** argv = ::CommandLineToArgvW(::GetCommandLineW(), &argc);
  for (int i = 1; i < argc; ++i) {
    const int n = ::WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, nullptr, 0, nullptr, nullptr);
    std::string text(static_cast<std::size_t>(n), '\0');
    ::WideCharToMultiByte(CP_UTF8, 0, argv[i], -1, text.data(), n, nullptr, nullptr);
    std::printf("[%s]\n", text.c_str());
  }
  ::LocalFree(argv);
  return argc - 1;
}
