# Linux sources of the platform library (included from platform/CMakeLists.txt).
target_sources(examready_platform PRIVATE
  ${EXAMREADY_ROOT}/platform/linux/command.cpp
  ${EXAMREADY_ROOT}/platform/linux/fd_holders.cpp
  ${EXAMREADY_ROOT}/platform/linux/local_host.cpp
  ${EXAMREADY_ROOT}/platform/linux/v4l2_devices.cpp
)

# Phone transports (adb, libimobiledevice) shell out, so they build wherever run_process does.
target_sources(examready_platform PRIVATE
  ${EXAMREADY_ROOT}/platform/android/adb_devices.cpp
  ${EXAMREADY_ROOT}/platform/android/adb_host.cpp
  ${EXAMREADY_ROOT}/platform/ios/ios_host.cpp
)
