#!/usr/bin/env bash
# bench/network: the network check's figures against the configured truth and iperf3 on the
# same shaped links (tests/net/scenario.sh builds them), printed as error ratios.
# Usage: run.sh [REPEATS]   (needs root for namespaces; ~20 s per link and repeat)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scenario=$here/../../tests/net/scenario.sh
repeats=${1:-1}
links=(
  "lo 2mbit" "lo 10mbit" "lo 50mbit" "relay 2mbit"
  "relay 10mbit --delay-ms 20 --loss-up 0.01 --loss-down 0.01"
  "relay 50mbit --delay-ms 10" "relay 50mbit --delay-ms 50"
  "relay 50mbit --delay-ms 10 --jitter-ms 20"
  "relay 50mbit --loss-up 0.01 --loss-down 0.01" "relay 50mbit --loss-up 0.02 --loss-down 0.02"
  "relay 10mbit --queue-ms 300"
)
results=()
for link in "${links[@]}"; do
  for ((r = 0; r < repeats; r++)); do
    line=$(NET_NO_ASSERT=1 "$scenario" $link | grep '^RESULT ' || true)
    if [[ -z $line ]]; then echo "$link: no result (skipped?)" >&2; continue; fi
    results+=("${line#RESULT }")
  done
done

printf '%s\n' "${results[@]}" | jq -rs '
  def mbit: if . == null then "-" else (. / 1e6 * 100 | round / 100 | tostring) end;
  def ratio(a; b): if a == null or b == null or b == 0 then "-" else (a / b * 1000 | round / 1000 | tostring) end;
  def pct(x): if x == null then "-" else (x * 10000 | round / 100 | tostring) + "%" end;
  (["link", "ceiling", "down", "iperf3 down", "down/ceil", "down/iperf3", "up", "iperf3 up", "up/ceil", "up/iperf3"] | @tsv),
  (.[] | select(.ceiling_bps > 0) |
    [ "\(.mode) \(.rate) d=\(.delay_ms) j=\(.jitter_ms) l=\(.loss_up)",
      (.ceiling_bps | mbit), (.m["network.download_bps"] | mbit), (.iperf_down_bps | mbit),
      ratio(.m["network.download_bps"]; .ceiling_bps), ratio(.m["network.download_bps"]; .iperf_down_bps),
      (.m["network.upload_bps"] | mbit), (.iperf_up_bps | mbit),
      ratio(.m["network.upload_bps"]; .ceiling_bps), ratio(.m["network.upload_bps"]; .iperf_up_bps) ] | @tsv),
  "",
  (["link", "RTT truth ms", "RTT ms", "jitter truth ms", "jitter ms", "loss truth", "loss", "loss 95% bound", "loaded RTT ms", "RPM"] | @tsv),
  (.[] | select(.ceiling_bps > 0) |
    [ "\(.mode) \(.rate) d=\(.delay_ms) j=\(.jitter_ms) l=\(.loss_up)",
      (2 * .delay_ms + .jitter_ms / 2 | tostring), (.m["network.rtt_median_ms"] * 100 | round / 100 | tostring),
      (.jitter_ms / 3 * 100 | round / 100 | tostring), (.m["network.jitter_ms"] * 100 | round / 100 | tostring),
      pct([.loss_up, .loss_down] | max), pct(.m["network.packet_loss_ratio"]), pct(.m["network.loss_upper_bound"]),
      (.m["network.loaded_rtt_ms"] * 10 | round / 10 | tostring), (.m["network.responsiveness_rpm"] | round | tostring) ] | @tsv)
' | column -t -s $'\t'
