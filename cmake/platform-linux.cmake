# Linux sources of the platform library (included from platform/CMakeLists.txt).
target_sources(examready_platform PRIVATE
  ${EXAMREADY_ROOT}/platform/linux/command.cpp
  ${EXAMREADY_ROOT}/platform/linux/file_holders.cpp
  ${EXAMREADY_ROOT}/platform/linux/local_host.cpp
  ${EXAMREADY_ROOT}/platform/linux/camera_devices.cpp
)
