// How long the upload goes on after its live rate settled.
//
// The collector counts an upload's bytes when it reads them, and over TLS a read comes once
// per record (16 KiB): the part of its series that every stream is complete in therefore
// ends at the slowest stream's last whole record before the cut-off. Stopped the moment the
// rate settled, the window the figure is read from came out shorter than the one judged
// live: 1.0-1.25 s instead of 1.5 s at 1.5 Mbit/s, and at 1 Mbit/s sometimes under the 1 s a
// figure needs. A margin sized by the mean stream's rate (one record per stream's share of
// the rate) still left one run in three short at 1.5 Mbit/s, because the streams do not
// share the link evenly and the slowest one's records come later.
//
// So the upload runs on until the kernel says every stream had a whole record's bytes
// acknowledged since the rate settled (any such span holds a record's end, so the server
// read a record after that moment), then `kSlack_s` more for the server's read and bin, and
// never more than `kMax_s` (a stream held in loss recovery must not hold up the check).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace examready::probe::net {

class UploadRunOn {
 public:
  // A TLS 1.3 record with a full 16 KiB payload, as it goes over the wire.
  static constexpr std::uint64_t kTlsRecordBytes = 16384 + 29;
  static constexpr double kSlack_s = 0.1;
  static constexpr double kMax_s = 1.25;

  // `acked`: each stream's bytes acknowledged when the rate settled, at `settled_s`.
  UploadRunOn(std::vector<std::uint64_t> acked, double settled_s)
      : at_settle_(std::move(acked)), settled_s_(settled_s) {}

  // Whether the upload may stop at `now_s`, each stream having `acked` bytes acknowledged
  // (the streams in the order given to the constructor).
  bool done(std::span<const std::uint64_t> acked, double now_s);

 private:
  std::vector<std::uint64_t> at_settle_;
  double settled_s_;
  std::optional<double> every_stream_recorded_s_;
};

}  // namespace examready::probe::net
