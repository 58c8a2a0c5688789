#!/usr/bin/env bash
# bench/network: the network check's figures against the configured truth and iperf3 on the
# same shaped links (tests/net/scenario.sh builds them), run after run, printed as ratios.
#
# Usage: run.sh [REPEATS] [sweep|impairments|page|all]     (root for namespaces)
#   sweep        rates 1-100 Mbit/s on a veth pair shaped by tbf in each direction, and the
#                relay with 40 ms RTT (with and without 1 % loss each way): throughput both
#                ways against the ceiling (rate x 1448/1514 payload per frame on veth,
#                1448/1500 on the relay's TUN), iperf3 -P 4 beside it, worst cases at the end
#   impairments  delay, jitter, loss and a deep queue on the relay: RTT, jitter, loss and
#                loaded latency against the truth
#   page         the web check's page (headless Chromium, examready-server over HTTPS, named by
#                EXAMREADY_WEBCHECK_SERVER) on veth and relay links, beside the native check and
#                iperf3: throughput both ways against the ceiling, how each phase ended, time
# REPEATS (default 3) runs of each link; about 16 s per run (the check, then iperf3 both ways),
# about 40 s with the page. BENCH_CC=reno runs the veth and relay links with that TCP
# congestion control in both namespaces (scenario.sh --cc): a loss-based sender, as phones'
# CUBIC, where the host's default is BBR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scenario=$here/../../tests/net/scenario.sh
repeats=${1:-3}
what=${2:-all}

sweep=()
for rate in 1 1.5 2 3 4 8 12 20 35 50 100; do sweep+=("veth ${rate}mbit"); done
for rate in 2 6 20; do sweep+=("relay ${rate}mbit --delay-ms 20 --loss-up 0.01 --loss-down 0.01"); done
for rate in 1 6 50; do sweep+=("relay ${rate}mbit --delay-ms 20"); done
impairments=(
  "lo 2mbit" "lo 10mbit" "lo 50mbit" "relay 2mbit"
  "relay 10mbit --delay-ms 20 --loss-up 0.01 --loss-down 0.01"
  "relay 50mbit --delay-ms 10" "relay 50mbit --delay-ms 50"
  "relay 50mbit --delay-ms 10 --jitter-ms 20"
  "relay 50mbit --loss-up 0.01 --loss-down 0.01" "relay 50mbit --loss-up 0.02 --loss-down 0.02"
  "relay 10mbit --queue-ms 300"
)
page=("veth 1mbit" "veth 2mbit" "veth 5mbit" "veth 12mbit" "veth 50mbit" "relay 6mbit --delay-ms 20"
      "relay 6mbit --delay-ms 20 --loss-up 0.01 --loss-down 0.01")
case $what in
  sweep | impairments | page | all) ;;
  *) echo "unknown set $what (sweep, impairments, page or all)" >&2; exit 64 ;;
esac
# Only the page set runs the page (scenario.sh does whenever the variable is set).
webcheck_server=${EXAMREADY_WEBCHECK_SERVER:-}
unset EXAMREADY_WEBCHECK_SERVER
if [[ $what == page && -z $webcheck_server ]]; then
  echo "the page set needs EXAMREADY_WEBCHECK_SERVER (an examready-server)" >&2
  exit 64
fi

# The raw results (one scenario RESULT line per run): kept where BENCH_RESULTS says;
# BENCH_REPRINT=1 prints the tables of a kept file again without measuring.
results=${BENCH_RESULTS:-$(mktemp)}
[[ -n ${BENCH_RESULTS:-} ]] || trap 'rm -f "$results"' EXIT
reprint=${BENCH_REPRINT:-0}
[[ $reprint == 1 ]] || : > "$results"
measure() {  # SET LINK...: REPEATS runs of each, tagged with their set
  local set=$1 link line r env=(env) cc
  shift
  [[ $set == page ]] && env+=(EXAMREADY_WEBCHECK_SERVER="$webcheck_server")
  for link in "$@"; do
    cc=()
    [[ -n ${BENCH_CC:-} && $link != lo* ]] && cc=(--cc "$BENCH_CC")
    for ((r = 0; r < repeats; r++)); do
      # shellcheck disable=SC2086  # $link is the scenario's argument list
      line=$(NET_NO_ASSERT=1 "${env[@]}" "$scenario" $link "${cc[@]}" | grep '^RESULT ' || true)
      if [[ -z $line ]]; then echo "$link: no result (skipped?)" >&2; continue; fi
      jq -c --arg set "$set" '. + {set: $set}' <<< "${line#RESULT }" >> "$results"
      printf '.' >&2
    done
  done
  echo >&2
}
if [[ $reprint != 1 ]]; then
  if [[ $what == sweep || $what == all ]]; then measure sweep "${sweep[@]}"; fi
  if [[ $what == impairments || $what == all ]]; then measure impairments "${impairments[@]}"; fi
  if [[ $what == page || ( $what == all && -n $webcheck_server ) ]]; then measure page "${page[@]}"; fi
fi

# The link's rate in Mbit/s, for both tables.
jq_lib='def rate_mbit: .rate | (if test("kbit$") then 1e-3 else 1 end) as $m | sub("[km]bit$"; "") | tonumber * $m;'

# One row per link: the probe's and iperf3's figures over the ceiling, as median [min-max]
# over the runs.
jq -rs "$jq_lib"'
  def r3: . * 1000 | round / 1000;
  def spread(xs): (xs | sort) as $s | if ($s | length) == 0 then "-"
    else "\($s[(($s | length) - 1) / 2 | floor] | r3) [\($s[0] | r3)-\($s[-1] | r3)]" end;
  def link: "\(.mode) \(.rate)" + (if .delay_ms > 0 then " rtt=\(2 * .delay_ms)ms" else "" end)
    + (if (.cc // "") != "" then " \(.cc)" else "" end)
    + (if .jitter_ms > 0 then " j=\(.jitter_ms)" else "" end)
    + (if .loss_up > 0 then " loss=\(.loss_up * 100)%" else "" end);
  def ratio(f): [.[] | f / .ceiling_bps | select(. > 0)];
  map(select(.ceiling_bps > 0))
  | group_by([.set != "sweep", .mode, (.cc // ""), .loss_up, .delay_ms, .jitter_ms, rate_mbit]) as $groups |
  (["link", "runs", "down/ceiling", "iperf3 down/ceiling", "up/ceiling", "iperf3 up/ceiling", "check s", "steady s down/up"] | @tsv),
  ($groups[] | [ (.[0] | link), length,
      spread(ratio(.m["network.download_bps"] // 0)), spread(ratio(.iperf_down_bps)),
      spread(ratio(.m["network.upload_bps"] // 0)), spread(ratio(.iperf_up_bps)),
      ([.[].elapsed_s] | max | tostring),
      "\([.[].m["network.download_steady_s"] // 0] | min)-\([.[].m["network.download_steady_s"] // 0] | max)/\([.[].m["network.upload_steady_s"] // 0] | min)-\([.[].m["network.upload_steady_s"] // 0] | max)"
    ] | @tsv)
' "$results" | column -t -s $'\t'
# On lo, data and ACKs share the one tbf: every tool reads 2-4 % under the frame ceiling there.
[[ $what != impairments && $what != all ]] || echo "(lo links read 2-4 % low for every tool: their ACKs cross the same tbf as the data)"
if [[ $what == sweep || $what == all ]]; then
  echo
  # The worst cases over the sweep, in the terms of the goals.
  jq -rs "$jq_lib"'
    def lossy: .loss_up > 0 or .loss_down > 0;
    # Figures a run did not give (an error, IPERF=0) are left out and counted, not read as 0.
    def pct(xs): if (xs | length) == 0 then "-" else (xs | max * 1000 | round / 10 | tostring) + "%" end;
    def points(xs): if (xs | length) == 0 then "-" else (xs | max * 1000 | round / 10 | tostring) end;
    map(select(.set == "sweep" and .ceiling_bps > 0)) | group_by([.mode, .rate, (.cc // ""), .delay_ms, .loss_up]) as $groups |
    ( [$groups[][]] as $all |
      def worst(sel; f): pct([$all[] | select(sel) | f | select(. > 0) | . - 1 | fabs]);
      def widest(f): points([$groups[] | [.[] | f | select(. > 0)] | select(length > 0) | max - min]);
      def missing(f): [$all[] | select((f > 0) | not)] | length;
      def down: (.m["network.download_bps"] // 0) / .ceiling_bps;
      def up: (.m["network.upload_bps"] // 0) / .ceiling_bps;
      def idown: .iperf_down_bps / .ceiling_bps;
      def iup: .iperf_up_bps / .ceiling_bps;
      "worst |error| vs ceiling, no loss:  check down \(worst(lossy | not; down))  up \(worst(lossy | not; up))   iperf3 down \(worst(lossy | not; idown))  up \(worst(lossy | not; iup))   (goal ±5%)",
      "worst |error| vs ceiling, 1% loss:  check down \(worst(lossy; down))  up \(worst(lossy; up))   iperf3 down \(worst(lossy; idown))  up \(worst(lossy; iup))   (goal ±10%)",
      "widest spread over runs of one link, points: check down \(widest(down))  up \(widest(up))   iperf3 down \(widest(idown))  up \(widest(iup))",
      "longest check on links >= 2 Mbit/s: \([$all[] | select(rate_mbit >= 2) | .elapsed_s] | max // "-") s (goal <= 10 s)",
      "runs: \($all | length), not ok: \([$all[] | select(.status != "ok")] | length), figures missing: check down \(missing(down)) up \(missing(up)), iperf3 down \(missing(idown)) up \(missing(iup))"
    )
  ' "$results"
fi

if [[ $what == impairments || $what == all ]]; then
  echo
  jq -rs '
    def pct(x): if x == null then "-" else (x * 10000 | round / 100 | tostring) + "%" end;
    (["link", "RTT truth ms", "RTT ms", "jitter truth ms", "jitter ms", "loss truth", "loss", "loss 95% bound", "loaded RTT ms", "RPM"] | @tsv),
    (.[] | select(.set == "impairments" and .ceiling_bps > 0) |
      [ "\(.mode) \(.rate) d=\(.delay_ms) j=\(.jitter_ms) l=\(.loss_up)",
        (2 * .delay_ms + .jitter_ms / 2 | tostring), (.m["network.rtt_median_ms"] // 0 | . * 100 | round / 100 | tostring),
        (.jitter_ms / 3 * 100 | round / 100 | tostring), (.m["network.jitter_ms"] // 0 | . * 100 | round / 100 | tostring),
        pct([.loss_up, .loss_down] | max), pct(.m["network.packet_loss_ratio"]), pct(.m["network.loss_upper_bound"]),
        (.m["network.loaded_rtt_ms"] // 0 | . * 10 | round / 10 | tostring), (.m["network.responsiveness_rpm"] // 0 | round | tostring) ] | @tsv)
  ' "$results" | column -t -s $'\t'
fi

if [[ $what == page || $what == all ]]; then
  echo
  # The page against the native check and iperf3 on the same link, and how its phases ended
  # (settled: the core's throughput_settled stopped it; limit: the 5 s bound did).
  jq -rs "$jq_lib"'
    def r3: . * 1000 | round / 1000;
    def spread(xs): (xs | sort) as $s | if ($s | length) == 0 then "-"
      else "\($s[(($s | length) - 1) / 2 | floor] | r3) [\($s[0] | r3)-\($s[-1] | r3)]" end;
    def ratio(f): [.[] | f / .ceiling_bps | select(. > 0)];
    def ended(f): [.[] | .page[f] // "" | if test("rate settled") then "s" elif test("low confidence") then "L" else "?" end] | join("");
    def link: "\(.mode) \(.rate)" + (if .delay_ms > 0 then " rtt=\(2 * .delay_ms)ms" else "" end)
      + (if (.cc // "") != "" then " \(.cc)" else "" end)
      + (if .loss_up > 0 then " loss=\(.loss_up * 100)%" else "" end);
    map(select(.set == "page" and .ceiling_bps > 0)) as $all
    | ($all | group_by([.mode, (.cc // ""), .loss_up, .delay_ms, rate_mbit])) as $groups |
    (["link", "runs", "page down", "check down", "iperf3 down", "page up", "check up", "iperf3 up", "ended down/up", "page network s"] | @tsv),
    ($groups[] | [ (.[0] | link), length,
        spread(ratio(.page["network.download_bps"] // 0)), spread(ratio(.m["network.download_bps"] // 0)),
        spread(ratio(.iperf_down_bps)),
        spread(ratio(.page["network.upload_bps"] // 0)), spread(ratio(.m["network.upload_bps"] // 0)),
        spread(ratio(.iperf_up_bps)),
        "\(ended("network.download_bps.source"))/\(ended("network.upload_bps.source"))",
        ([.[].page.duration_s // 0] | max | . * 10 | round / 10 | tostring)
      ] | @tsv)
  ' "$results" | column -t -s $'\t'
  echo "(figures over the ceiling, median [min-max]; ended: s settled, L at the 5 s limit, ? no figure)"
  jq -rs '
    map(select(.set == "page" and .ceiling_bps > 0)) as $all |
    def lossy: .loss_up > 0 or .loss_down > 0;
    def worst(sel; f): [$all[] | select(sel) | f | select(. > 0) | . - 1 | fabs] |
      if length == 0 then "-" else max * 1000 | round / 10 | tostring + "%" end;
    def down: (.page["network.download_bps"] // 0) / .ceiling_bps;
    def up: (.page["network.upload_bps"] // 0) / .ceiling_bps;
    "page worst |error| vs ceiling, no loss: down \(worst(lossy | not; down))  up \(worst(lossy | not; up)); 1% loss: down \(worst(lossy; down))  up \(worst(lossy; up))",
    "page runs: \($all | length), without figures: \([$all[] | select(.page == null)] | length), longest network phase: \([$all[].page.duration_s // 0] | max * 10 | round / 10) s"
  ' "$results"
fi
