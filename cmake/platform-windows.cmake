# Windows sources of the platform libraries (included from platform/CMakeLists.txt).
target_sources(examready_platform PRIVATE
  ${EXAMREADY_ROOT}/platform/windows/display_facts.cpp
  ${EXAMREADY_ROOT}/platform/windows/durable_files.cpp
  ${EXAMREADY_ROOT}/platform/windows/host_identity.cpp
  ${EXAMREADY_ROOT}/platform/windows/machine_facts.cpp
  ${EXAMREADY_ROOT}/platform/windows/network_route.cpp
  ${EXAMREADY_ROOT}/platform/windows/os_facts.cpp
  ${EXAMREADY_ROOT}/platform/windows/paths.cpp
  ${EXAMREADY_ROOT}/platform/windows/power_status.cpp
  ${EXAMREADY_ROOT}/platform/windows/process.cpp
  ${EXAMREADY_ROOT}/platform/windows/sockets.cpp
  ${EXAMREADY_ROOT}/platform/windows/wide_text.cpp
  ${EXAMREADY_ROOT}/platform/windows/windows_version.cpp
  ${EXAMREADY_ROOT}/platform/windows/registry.cpp
)
# Windows 10's API level (GetDpiForSystem) for everything that includes <windows.h>; UNICODE
# (the W functions) in the platform layer only: in a program's own file it would make the C
# runtime want wmain, and Catch2 defines one.
target_compile_definitions(examready_platform PUBLIC _WIN32_WINNT=0x0A00 WINVER=0x0A00 NOMINMAX
                           WIN32_LEAN_AND_MEAN PRIVATE UNICODE _UNICODE)
target_link_libraries(examready_platform PUBLIC ws2_32 iphlpapi ntdll advapi32)
target_sources(examready_platform_local PRIVATE
  ${EXAMREADY_ROOT}/platform/windows/local_host.cpp
)

# Phone transports (adb, libimobiledevice) shell out, so they build wherever run_process does.
target_sources(examready_platform PRIVATE
  ${EXAMREADY_ROOT}/platform/android/adb_devices.cpp
  ${EXAMREADY_ROOT}/platform/android/adb_host.cpp
  ${EXAMREADY_ROOT}/platform/ios/ios_host.cpp
)
