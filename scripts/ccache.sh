# Sourced by scripts/build.sh, scripts/windows-build and scripts/fuzz: compile through ccache
# when it is there, keyed so that every checkout of the project shares one cache. CI builds
# a fresh clone in a new directory each time; with absolute paths (and, under -g, the working
# directory) in the hash, none of the previous clone's objects would be found and every CI
# run would build cold.
# base_dir makes paths under the checkout relative before hashing; hash_dir=false leaves the
# directory out (the price: an object's debug info may name another clone's directory).
# The limit is raised from 5 GB so that the release, sanitizer, Windows and WebAssembly
# objects never push each other out (two whole CI runs stored 0.42 GB compressed; disk is
# cheaper than a cold CI run).
# The variables are exported so that the WebAssembly sub-build (webcheck/CMakeLists.txt), run
# by the native build, inherits them.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-20G}
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
