# Finds every third-party dependency from Debian packages. A missing one stops
# configure with the apt package that provides it (scripts/deps.sh installs them all).
find_package(PkgConfig REQUIRED)

macro(examready_missing what apt_package)
  message(FATAL_ERROR "ExamReady needs ${what}: install it with `apt-get install ${apt_package}` "
                      "(or run scripts/test, which installs every dependency).")
endmacro()

macro(examready_find_package name apt_package)
  find_package(${name} ${ARGN} QUIET)
  if(NOT ${name}_FOUND)
    examready_missing(${name} ${apt_package})
  endif()
endmacro()

macro(examready_pkg_check target module apt_package)
  pkg_check_modules(${target} QUIET IMPORTED_TARGET ${module})
  if(NOT ${target}_FOUND)
    examready_missing("pkg-config module ${module}" ${apt_package})
  endif()
endmacro()

set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)

examready_find_package(fmt libfmt-dev)
examready_find_package(nlohmann_json nlohmann-json3-dev)
examready_find_package(tomlplusplus libtomlplusplus-dev)
examready_find_package(CLI11 libcli11-dev)
examready_find_package(SQLite3 libsqlite3-dev)
examready_find_package(CURL libcurl4-openssl-dev)
examready_find_package(OpenSSL libssl-dev)
examready_find_package(ZLIB zlib1g-dev)
# Boost.Beast and Asio (header-only): the collector's HTTP front.
examready_find_package(Boost libboost-dev 1.74)
examready_find_package(SDL2 libsdl2-dev)
examready_find_package(Fontconfig libfontconfig-dev)

examready_pkg_check(SDL2_TTF SDL2_ttf libsdl2-ttf-dev)
examready_pkg_check(LIBPQ libpq libpq-dev)
examready_pkg_check(QRENCODE libqrencode libqrencode-dev)
examready_pkg_check(HTTPLIB cpp-httplib libcpp-httplib-dev)
examready_pkg_check(FFMPEG "libavdevice;libavformat;libavcodec;libavutil;libswscale"
                    "libavdevice-dev libavformat-dev libavcodec-dev libavutil-dev libswscale-dev")

find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp)
if(NOT VALIJSON_INCLUDE_DIR)
  examready_missing("valijson (JSON Schema validation)" libvalijson-dev)
endif()
add_library(valijson INTERFACE)
target_include_directories(valijson SYSTEM INTERFACE ${VALIJSON_INCLUDE_DIR})

if(EXAMREADY_BUILD_TESTS)
  examready_find_package(Catch2 catch2)
  include(Catch)
endif()
