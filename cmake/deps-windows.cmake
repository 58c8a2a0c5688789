# The Windows build's dependencies (mingw-w64, RECIPES.md §10), all from Debian:
# - header-only libraries from Debian's -dev packages, seen through a folder of links so
#   that mingw never sees /usr/include itself (glibc's headers break mingw's);
# - zlib from Debian's libz-mingw-w64-dev;
# - libcurl (Schannel TLS), SDL2, SDL2_ttf with FreeType and libqrencode, which Debian does
#   not package for mingw: built from Debian's own source packages by scripts/windows-deps
#   into the prefix EXAMREADY_WINDOWS_DEPS (scripts/windows-build passes it), whose
#   examready-deps.cmake defines their targets.
set(EXAMREADY_WINDOWS_DEPS "" CACHE PATH "Prefix made by scripts/windows-deps")
if(NOT EXISTS "${EXAMREADY_WINDOWS_DEPS}/examready-deps.cmake")
  message(FATAL_ERROR "the Windows build needs the libraries scripts/windows-deps builds: "
                      "configure with -DEXAMREADY_WINDOWS_DEPS=$(scripts/windows-deps), "
                      "or run scripts/windows-build")
endif()
include(${EXAMREADY_WINDOWS_DEPS}/examready-deps.cmake)

set(windows_include ${CMAKE_BINARY_DIR}/windows-include)
file(MAKE_DIRECTORY ${windows_include})
foreach(lib nlohmann toml++ fmt valijson CLI catch2)
  if(NOT EXISTS /usr/include/${lib})
    message(FATAL_ERROR "the Windows build needs /usr/include/${lib} (scripts/deps.sh installs it)")
  endif()
  file(CREATE_LINK /usr/include/${lib} ${windows_include}/${lib} SYMBOLIC)
endforeach()

function(examready_header_only target)
  add_library(${target} INTERFACE IMPORTED)
  target_include_directories(${target} SYSTEM INTERFACE ${windows_include})
  target_compile_definitions(${target} INTERFACE ${ARGN})
endfunction()
examready_header_only(nlohmann_json::nlohmann_json)
examready_header_only(tomlplusplus::tomlplusplus TOML_HEADER_ONLY=1)
examready_header_only(fmt::fmt FMT_HEADER_ONLY)
examready_header_only(CLI11::CLI11)
examready_header_only(Catch2::Catch2)
add_library(valijson INTERFACE)
target_include_directories(valijson SYSTEM INTERFACE ${windows_include})

find_package(Threads REQUIRED)
find_library(EXAMREADY_MINGW_ZLIB NAMES libz.a REQUIRED)
add_library(ZLIB::ZLIB STATIC IMPORTED)
set_target_properties(ZLIB::ZLIB PROPERTIES IMPORTED_LOCATION ${EXAMREADY_MINGW_ZLIB})

# Catch's test discovery runs each test .exe through CMAKE_CROSSCOMPILING_EMULATOR (Wine).
include(/usr/lib/cmake/Catch2/Catch.cmake)
