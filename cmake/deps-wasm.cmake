# The core's dependencies for the browser build (Debian's emscripten): header-only libraries
# only, seen through a folder of links so that emscripten never sees /usr/include itself
# (glibc's headers would hide a platform dependency; RECIPES.md §9).
set(wasm_include ${CMAKE_BINARY_DIR}/wasm-include)
file(MAKE_DIRECTORY ${wasm_include})
foreach(lib nlohmann toml++ fmt valijson)
  if(NOT EXISTS /usr/include/${lib})
    message(FATAL_ERROR "the browser build needs /usr/include/${lib} (scripts/deps.sh installs it)")
  endif()
  file(CREATE_LINK /usr/include/${lib} ${wasm_include}/${lib} SYMBOLIC)
endforeach()

add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${wasm_include})
add_library(tomlplusplus::tomlplusplus INTERFACE IMPORTED)
target_include_directories(tomlplusplus::tomlplusplus SYSTEM INTERFACE ${wasm_include})
target_compile_definitions(tomlplusplus::tomlplusplus INTERFACE TOML_HEADER_ONLY=1)
add_library(fmt::fmt INTERFACE IMPORTED)
target_include_directories(fmt::fmt SYSTEM INTERFACE ${wasm_include})
target_compile_definitions(fmt::fmt INTERFACE FMT_HEADER_ONLY)
add_library(valijson INTERFACE)
target_include_directories(valijson SYSTEM INTERFACE ${wasm_include})
