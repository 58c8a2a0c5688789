# Other operating systems: not built yet. Porting means adding platform/<os>/ sources
# implementing platform/host.h and platform/command.h, and a cmake/platform-<os>.cmake.
message(FATAL_ERROR "ExamReady's platform layer is implemented for Linux only so far "
                    "(${CMAKE_SYSTEM_NAME} needs platform/${CMAKE_SYSTEM_NAME}/).")
