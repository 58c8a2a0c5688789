// The database as the web check's WebAssembly module carries it: the browser knows a phone by
// its model code alone (User-Agent Client Hints, the User-Agent), never by its codename, so
// the rows only a codename finds are left out, and so are the codenames the public sources
// give. The verified rows keep theirs: the page reports the matched row's codename, which
// rules name to recognise one phone sold under several names (xyb.redmi-note-9-hardware; a
// test holds every codename a shipped rule names to a verified row). Lookups by model code
// answer exactly as on the whole file; the module is 24 KB smaller (brotli).
#pragma once

#include <string>
#include <string_view>

namespace examready::devices::generator {

// `devices_tsv` (either form) without comment lines and rows without a model code, and with
// the codenames of generated rows emptied.
std::string web_cut(std::string_view devices_tsv);

}  // namespace examready::devices::generator
