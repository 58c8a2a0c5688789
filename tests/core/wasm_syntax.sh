#!/usr/bin/env bash
# The core library compiles for the browser: every source of examready_core through Debian's
# emscripten (em++ -fsyntax-only, C++20, warnings as errors) with nothing on the include path
# but the project, its generated headers and the header-only libraries it may use. A POSIX or
# Linux header, an OS call or a library with a binary part in the core fails here.
# Usage: wasm_syntax.sh SOURCES_LIST GENERATED_DIR SOURCE_ROOT
set -euo pipefail
list=$1 generated=$2 root=$3
command -v em++ >/dev/null || { echo "em++ not found: apt-get install emscripten" >&2; exit 1; }
work=$(mktemp -d /tmp/wasm-syntax.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Only these header-only libraries, never /usr/include itself (glibc's headers would hide a
# platform dependency).
mkdir -p "$work/include"
for lib in nlohmann toml++ fmt valijson; do ln -s "/usr/include/$lib" "$work/include/$lib"; done
export NODE_PATH=/usr/share/nodejs  # em++'s own JavaScript tools (RECIPES.md §9)

compile() {
  em++ -std=c++20 -fsyntax-only -fexceptions -Wall -Wextra -Wpedantic -Werror \
    -DFMT_HEADER_ONLY -DTOML_HEADER_ONLY=1 -DEXAMREADY_VERSION='"wasm-syntax"' \
    -I"$root" -I"$generated" -isystem "$work/include" "$1" 2>&1 && echo "ok  $1" || echo "FAIL $1"
}
export -f compile
export root generated work

sources=()
while IFS= read -r src; do
  case $src in *.cpp) ;; *) continue ;; esac
  [[ $src = /* ]] || src="$root/core/$src"
  sources+=("$src")
done < "$list"
[ ${#sources[@]} -gt 10 ] || { echo "expected the core's sources in $list, got ${#sources[@]}" >&2; exit 1; }

out=$(printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -I{} bash -c 'compile "$@"' _ {})
echo "$out"
if grep -q '^FAIL' <<<"$out"; then exit 1; fi
echo "the core's ${#sources[@]} sources compile for wasm32-unknown-emscripten"

# emscripten emulates POSIX, so <unistd.h> would compile there too: the headers the core
# includes directly must be the C++ standard library's or the header-only libraries', and
# the project headers it reaches must be the core's own.
std_headers=" algorithm any array atomic bit bitset cassert cctype cerrno cfloat charconv chrono
  cinttypes climits clocale cmath compare concepts cstddef cstdint cstdio cstdlib cstring ctime
  deque exception filesystem functional initializer_list iomanip ios iosfwd iostream istream
  iterator limits list locale map memory mutex new numbers numeric optional ostream queue random
  ranges ratio regex set shared_mutex span sstream stack stdexcept string string_view
  system_error tuple type_traits typeinfo unordered_map unordered_set utility valarray variant
  vector "
std_headers=" $(echo $std_headers) "  # one space between names
project_headers=$(printf '%s\n' "${sources[@]}" | xargs em++ -std=c++20 -MM -DFMT_HEADER_ONLY \
  -DTOML_HEADER_ONLY=1 -I"$root" -I"$generated" -isystem "$work/include" 2>/dev/null |
  tr ' \\' '\n\n' | grep -E '\.(h|hpp|def)$' | sort -u)
bad=0
while IFS= read -r header; do
  [[ $header == "$generated"/* ]] && continue
  case ${header#"$root"/} in
    core/*|rules/*|webcheck/*|reports/ids.h|reports/report.h|reports/schema.h) ;;
    reports/pairing.h|reports/schema_limits.h|reports/schema_validator.h) ;;
    *) echo "core reaches a non-core header: $header" >&2; bad=1 ;;
  esac
done <<<"$project_headers"
for file in "${sources[@]}" $project_headers; do
  while IFS= read -r name; do
    case $name in nlohmann/*|toml++/*|fmt/*|valijson/*) continue ;; esac
    [[ $std_headers == *" $name "* ]] || { echo "$file includes <$name>: not standard C++" >&2; bad=1; }
  done < <(grep -hoE '^#\s*include\s*<[^>]+>' "$file" | sed -E 's/.*<([^>]+)>/\1/')
done
[ $bad -eq 0 ] || exit 1
echo "and include only standard C++, header-only libraries and the core's own headers"
