// Identifiers in a report: the random report id, the short code derived from it,
// the salted device-id hash, and UTC timestamps.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace examready::reports {

// 128 random bits (getrandom), base64url without padding: 22 characters.
std::string new_report_id();

// "7KQ2-M9XD": the first 40 bits of SHA-256(report_id) in Crockford base32 (no I, L, O, U),
// so a code can be read over the phone without ambiguity and computed offline.
std::string short_code(std::string_view report_id);

// Accepts what a person types: lower case, no hyphen, O for 0, I/L for 1.
// Returns the canonical "XXXX-XXXX" form, or nullopt if it cannot be a code.
std::optional<std::string> normalize_code(std::string_view typed);

// A stable, non-reversible device id: SHA-256 of a product salt, this installation's secret
// and the hardware id (machine-id, adb serial, UDID), first 128 bits in hex. The raw id never
// leaves the probe, and without the secret (kept on the machine that ran the check) nobody
// who knows a serial can find its reports. The same phone checked from two installations
// gets two ids.
std::string device_id_hash(std::string_view stable_id, std::string_view installation_secret);

// 256 random bits in hex, made once per installation (platform/files.h keeps it).
std::string new_installation_secret();
// Whether `text` has that form: 64 lower-case hex digits (the web check's page makes its own).
bool is_installation_secret(std::string_view text);

// "2026-11-24T08:30:00Z" (seconds precision, UTC).
std::string format_utc(std::chrono::system_clock::time_point time);
std::string utc_now();
std::optional<std::chrono::system_clock::time_point> parse_utc(std::string_view text);
// An exam date "YYYY-MM-DD" (a real calendar date, 1970-2200) as noon UTC that day.
std::optional<std::chrono::system_clock::time_point> parse_exam_date(std::string_view text);

}  // namespace examready::reports
