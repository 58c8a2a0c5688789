# Writes a C++ header holding a text file as a byte array (cmake -P script).
# Inputs: INPUT (text file), OUTPUT (header), NAME (constant name), NAMESPACE.
# A byte array has none of the length limits some compilers put on string literals
# (MSVC: 16 KiB per literal piece), so files of any size embed the same way.
file(READ "${INPUT}" hex HEX)
get_filename_component(input_name "${INPUT}" NAME)
string(LENGTH "${hex}" hex_length)
math(EXPR byte_count "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# One generated line per line of text keeps the header readable.
string(REPLACE "0x0a," "0x0a,\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${input_name} by cmake/embed_text.cmake: do not edit.
#pragma once
#include <string_view>
namespace ${NAMESPACE} {
inline constexpr unsigned char ${NAME}_bytes[] = {
${bytes}0x00};
inline const std::string_view ${NAME}{reinterpret_cast<const char*>(${NAME}_bytes), ${byte_count}};
}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
