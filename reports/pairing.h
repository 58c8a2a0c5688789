// The pairing proof: what a secondary phone shows to be attached to a primary's report. It
// is derived from the primary's report id, which only the primary device (and the collector)
// knows; the code everyone may see is a one-way hash of that id. So the QR code or link the
// primary shows carries code and proof, and a stranger who only knows a code cannot attach a
// phone to it. Computable offline, natively and in the browser.
#pragma once

#include <string>
#include <string_view>

namespace examready::reports {

// 80 bits of SHA-256("examready/pair-proof/v1\n" + report_id) in Crockford base32: 16
// characters, e.g. "3QF7ZK0M9XDA4B1C".
std::string pair_proof(std::string_view primary_report_id);

// True for 16 characters of Crockford base32 (upper case).
bool is_pair_proof(std::string_view text);

}  // namespace examready::reports
