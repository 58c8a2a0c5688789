# Linux sources of the platform libraries (included from platform/CMakeLists.txt).
target_sources(examready_platform PRIVATE
  ${EXAMREADY_ROOT}/platform/linux/display_facts.cpp
  ${EXAMREADY_ROOT}/platform/linux/dmi.cpp
  ${EXAMREADY_ROOT}/platform/linux/durable_files.cpp
  ${EXAMREADY_ROOT}/platform/linux/host_identity.cpp
  ${EXAMREADY_ROOT}/platform/linux/network_route.cpp
  ${EXAMREADY_ROOT}/platform/linux/os_release.cpp
  ${EXAMREADY_ROOT}/platform/linux/paths.cpp
  ${EXAMREADY_ROOT}/platform/linux/power_supply.cpp
  ${EXAMREADY_ROOT}/platform/linux/process.cpp
  ${EXAMREADY_ROOT}/platform/linux/sockets.cpp
)
# pulse_devices: the sound server's own facts about audio devices (libpulse is loaded by
# SDL2's PulseAudio backend anyway, so linking it costs no start time).
examready_pkg_check(LIBPULSE libpulse libpulse-dev)
target_sources(examready_platform_local PRIVATE
  ${EXAMREADY_ROOT}/platform/linux/camera_devices.cpp
  ${EXAMREADY_ROOT}/platform/linux/file_holders.cpp
  ${EXAMREADY_ROOT}/platform/linux/local_host.cpp
  ${EXAMREADY_ROOT}/platform/linux/pulse_devices.cpp
)
target_link_libraries(examready_platform_local PRIVATE PkgConfig::LIBPULSE)

# Phone transports (adb, libimobiledevice) shell out, so they build wherever run_process does.
target_sources(examready_platform PRIVATE
  ${EXAMREADY_ROOT}/platform/android/adb_devices.cpp
  ${EXAMREADY_ROOT}/platform/android/adb_host.cpp
  ${EXAMREADY_ROOT}/platform/ios/ios_host.cpp
)
