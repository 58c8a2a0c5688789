#!/usr/bin/env bash
# Runs the network check across one shaped link built in fresh network namespaces and checks
# its figures against the configured truth and against iperf3 on the same link.
#
#   scenario.sh lo RATE              tbf on the loopback of a fresh namespace (data and ACKs
#                                    share the one qdisc: ~2-4 % of the rate goes to ACKs)
#   scenario.sh veth RATE            two namespaces joined by a veth pair, tbf on both ends:
#                                    each direction shaped on its own, as on a real link
#   scenario.sh relay RATE [--delay-ms D] [--jitter-ms J] [--loss-up P] [--loss-down P]
#                                    two namespaces joined by the TUN impairment relay, tbf on
#                                    both TUN devices (D one way in each direction; J uniform
#                                    0..J server->client; P per direction). --queue-ms Q
#                                    shapes in the relay instead, with a Q ms drop-tail
#                                    queue (bufferbloat): loaded RTT must rise well above idle
#   --cc ALGO (veth, relay)          TCP congestion control of both namespaces (their
#                                    net.ipv4.tcp_congestion_control; default: the host's).
#                                    reno is a loss-based sender as a phone's CUBIC is, for
#                                    hosts that allow no cubic (see docs/WEBCHECK.md)
#   scenario.sh dead                 nothing listens: the check must fail fast
#   scenario.sh stall                the relay freezes mid-test: the check must end in time
#
# Environment: EXAMREADY_BIN, EXAMREADY_TESTSERVER, EXAMREADY_RELAY (built binaries);
# IPERF=0 skips iperf3; NET_NO_ASSERT=1 only prints (the benchmark);
# EXAMREADY_WEBCHECK_SERVER (an examready-server) also runs the web check's page on veth and
# relay links: the server over HTTPS in the server's namespace, headless Chromium in the
# client's, its figures as `page` in the RESULT line (bench/network's `page` set);
# EXAMREADY_WEBCHECK_SCENARIO=tap-to-verdict runs every check instead and gives the time from
# the page's load to its verdict. Prints one line
# "RESULT {json}". Exit 0 pass, 1 fail, 77 skipped (with the reason).
set -euo pipefail

skip() { echo "SKIP: $*"; exit 77; }
mode=${1:?mode}; shift
rate=${1:-}; [[ $mode == lo || $mode == veth || $mode == relay ]] && shift
delay_ms=0 jitter_ms=0 loss_up=0 loss_down=0 queue_ms=0 cc=
while (($#)); do
  case $1 in
    --delay-ms) delay_ms=$2 ;; --jitter-ms) jitter_ms=$2 ;;
    --loss-up) loss_up=$2 ;; --loss-down) loss_down=$2 ;; --queue-ms) queue_ms=$2 ;;
    --cc) cc=$2 ;;
    *) echo "unknown option $1"; exit 64 ;;
  esac
  shift 2
done

[[ $(id -u) == 0 ]] || skip "network namespaces need root"
for tool in ip tc jq unshare; do command -v $tool >/dev/null || skip "$tool is not installed"; done
unshare --net true 2>/dev/null || skip "this kernel or container does not allow new network namespaces"
for bin in "${EXAMREADY_BIN:?}" "${EXAMREADY_TESTSERVER:?}" "${EXAMREADY_RELAY:?}"; do
  [[ -x $bin ]] || { echo "missing binary $bin"; exit 1; }
done
IPERF=${IPERF:-1}
command -v iperf3 >/dev/null || IPERF=0

tmp=$(mktemp -d)
pids=()
netns=()
cleanup() {
  for pid in "${pids[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for ns in "${netns[@]}"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# Runs "$@" in the client namespace (A) or the server namespace (B). The measuring programs
# (probe, test server, iperf3 alike) run at nice -10: this 2-core machine is shared with other
# builds, and a sender descheduled for 100 ms idles a 2 Mbit/s link whose send buffer holds
# only ~60 ms. The relay is the link itself and gets the same.
# Command prefixes (arrays, not functions, so that "$!" of a background job is the program
# itself: nice and ip netns exec both exec their command).
A=(nice -n -10) B=(nice -n -10)
in_a() { "${A[@]}" "$@"; }
in_b() { "${B[@]}" "$@"; }

wait_listen() {  # bounded: 100 x 50 ms
  for _ in $(seq 100); do in_b ss -Hltn "sport = :$1" | grep -q . && return 0; sleep 0.05; done
  echo "server did not start listening on :$1"; exit 1
}

# A tc rate (RATE kbit or mbit, decimals allowed: 1.5mbit, 1500kbit) in Mbit/s.
mbit_of() { awk -v r="$1" 'BEGIN{m = r ~ /kbit$/ ? 1e-3 : 1; sub(/[km]bit$/, "", r); print r * m}'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN{exit !(a >= b)}'; }

tbf() {  # DEV RATE LATENCY: burst sized for the rate, as in RECIPES.md §7
  local burst=16kb latency=$3 mbit
  mbit=$(mbit_of "$2")
  at_least "$mbit" 50 && burst=32kb
  # 50 ms of 2 Mbit/s is 12 KB: with the burst, 19 packets for four streams, so tail drops
  # end in retransmission timeouts that idle the link (iperf3's figure wanders by ±8 %
  # too). Real slow links (DSL, 4G) buffer far more; 150 ms keeps the queue at 50 packets.
  at_least 5 "$mbit" && [[ ${latency%ms} -lt 150 ]] && latency=150ms
  "${@:4}" tc qdisc add dev "$1" root tbf rate "$2" burst $burst latency $latency
}

case $mode in
  lo | dead)
    if [[ -z ${EXAMREADY_IN_NS:-} ]]; then
      exec unshare --net env EXAMREADY_IN_NS=1 "$0" "$mode" ${rate:+"$rate"}
    fi
    ip link set lo up
    ip link set lo mtu 1500  # tbf drops 64 KiB GSO packets otherwise
    # Nor 16 KiB ones: a bottleneck queue sees single frames, and a GSO burst dropped whole
    # (11 segments at once) sends TCP into timeouts that idle a slow link: 0.88-0.94 of the
    # ceiling at 2 Mbit/s with GSO, 0.97 without.
    ip link set lo gso_max_size 1500 2>/dev/null || true
    server_ip=127.0.0.1
    frame_ratio=$(awk 'BEGIN{print 1448/1514}')
    [[ $mode == dead ]] || tbf lo "$rate" 50ms
    ;;
  veth)
    ns_a=erA$$ ns_b=erB$$
    A+=(ip netns exec $ns_a) B+=(ip netns exec $ns_b)
    ip netns add $ns_a && netns+=($ns_a)
    ip netns add $ns_b && netns+=($ns_b)
    ip link add vethA netns $ns_a type veth peer name vethB netns $ns_b
    for side in "$ns_a vethA 10.78.0.1" "$ns_b vethB 10.78.0.2"; do
      read -r ns dev ip4 <<< "$side"
      ip -n "$ns" link set lo up
      ip -n "$ns" addr add "$ip4/24" dev "$dev"
      # Single frames at the bottleneck, as on lo (an iproute2 without it: GSO stays on).
      ip -n "$ns" link set "$dev" gso_max_size 1500 2>/dev/null || true
      ip -n "$ns" link set "$dev" up
      tbf "$dev" "$rate" 50ms ip netns exec "$ns"
    done
    server_ip=10.78.0.2
    frame_ratio=$(awk 'BEGIN{print 1448/1514}')
    ;;
  relay | stall)
    [[ -e /dev/net/tun ]] || skip "/dev/net/tun is missing"
    ns_a=erA$$ ns_b=erB$$
    A+=(ip netns exec $ns_a) B+=(ip netns exec $ns_b)
    ip netns add $ns_a && netns+=($ns_a)
    ip netns add $ns_b && netns+=($ns_b)
    [[ $mode == stall ]] && rate=20mbit
    nice -n -10 "$EXAMREADY_RELAY" $ns_a tunA $ns_b tunB --delay-ms "$delay_ms" --jitter-ms "$jitter_ms" \
      --loss-up "$loss_up" --loss-down "$loss_down" --max-seconds 120 \
      $([[ $queue_ms != 0 ]] && echo --rate-mbit "$(mbit_of "$rate")" --queue-ms "$queue_ms") > "$tmp/relay.out" 2> "$tmp/relay.err" &
    relay_pid=$!
    pids+=($relay_pid)
    for _ in $(seq 100); do grep -qs ready "$tmp/relay.out" && break; sleep 0.05; done
    grep -q ready "$tmp/relay.out" || { cat "$tmp/relay.err"; exit 1; }
    ip -n $ns_a link set lo up
    ip -n $ns_b link set lo up
    ip -n $ns_a addr add 10.77.0.1/24 dev tunA
    ip -n $ns_b addr add 10.77.0.2/24 dev tunB
    ip -n $ns_a link set tunA up
    ip -n $ns_b link set tunB up
    server_ip=10.77.0.2
    frame_ratio=$(awk 'BEGIN{print 1448/1500}')  # TUN carries bare IP packets
    if [[ $queue_ms == 0 ]]; then
      tbf tunA "$rate" 50ms ip netns exec $ns_a
      tbf tunB "$rate" 50ms ip netns exec $ns_b
    fi
    ;;
  *) echo "unknown mode $mode"; exit 64 ;;
esac

if [[ -n $cc ]]; then
  [[ $mode == veth || $mode == relay ]] || { echo "--cc needs the veth or relay link"; exit 64; }
  for ns in "${netns[@]}"; do
    ip netns exec "$ns" sysctl -qw net.ipv4.tcp_congestion_control="$cc" ||
      skip "congestion control $cc is not allowed here ($(sysctl -n net.ipv4.tcp_allowed_congestion_control))"
  done
fi

if [[ $mode != dead ]]; then
  "${B[@]}" "$EXAMREADY_TESTSERVER" $server_ip 8080 9000 > "$tmp/server.log" 2>&1 &
  pids+=($!)
  wait_listen 8080
fi

start_ns=$(date +%s%N)
if [[ $mode == stall ]]; then
  "${A[@]}" "$EXAMREADY_BIN" check --only network --server http://$server_ip:8080 --json > "$tmp/out.json" &
  probe_pid=$!
  sleep 3  # inside the download phase
  kill -STOP "$relay_pid"
  wait "$probe_pid" || true
  kill -CONT "$relay_pid"
else
  in_a "$EXAMREADY_BIN" check --only network --server http://$server_ip:8080 --json > "$tmp/out.json" || true
fi
elapsed_s=$(awk -v a="$start_ns" -v b="$(date +%s%N)" 'BEGIN{printf "%.2f", (b-a)/1e9}')

# Throughput is asserted on the plain shaped links and on the 40 ms RTT + 1 % loss link.
assert_tput=0
[[ $mode == lo || $mode == veth ]] && assert_tput=1
[[ $mode == relay && $delay_ms == 20 && $loss_up == 0.01 ]] && assert_tput=1
iperf_down=0 iperf_up=0
if [[ $IPERF == 1 && ( $assert_tput == 1 || ${NET_NO_ASSERT:-0} == 1 ) && ( $mode == lo || $mode == veth || $mode == relay ) ]]; then
  for dir in up down; do
    "${B[@]}" iperf3 -s -1 -B $server_ip -p 5201 > /dev/null 2>&1 &
    ipid=$!
    pids+=($ipid)
    wait_listen 5201
    in_a timeout 20 iperf3 -c $server_ip -p 5201 -P 4 -t 3 -O 1 -J $([[ $dir == down ]] && echo -R) \
      > "$tmp/iperf_$dir.json" || true
    wait "$ipid" 2>/dev/null || true
    value=$(jq '.end.sum_received.bits_per_second // 0' "$tmp/iperf_$dir.json" 2>/dev/null || echo 0)
    if [[ $dir == up ]]; then iperf_up=$value; else iperf_down=$value; fi
  done
fi

# The web check's figures on the same link: examready-server over HTTPS (a certificate for
# the server's address; Chromium pins its key), the page driven by check_selenium.py. Sets
# $page to its RESULT's JSON, or null with the reason on stderr: the page is an extra here,
# its failure does not void the native check's figures.
page_figures() {
  local dir=$tmp/page spki token=helpdesk-token-$RANDOM$RANDOM
  mkdir -p "$dir"
  page=null
  if ! openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=$server_ip" \
      -addext "subjectAltName=IP:$server_ip" -keyout "$dir/server.key" -out "$dir/server.pem" 2>/dev/null ||
     ! spki=$(openssl x509 -in "$dir/server.pem" -pubkey -noout | openssl pkey -pubin -outform der |
              openssl dgst -sha256 -binary | base64); then
    echo "the page gave no figures: could not make a certificate" >&2
    return 0
  fi
  "${B[@]}" env EXAMREADY_HELPDESK_TOKENS=$token "$EXAMREADY_WEBCHECK_SERVER" --db "sqlite:$dir/reports.db" \
    --listen $server_ip:8443 --quiet --rules xiaoyibang --tls-cert "$dir/server.pem" \
    --tls-key "$dir/server.key" 2> "$dir/server.log" &
  pids+=($!)
  for _ in $(seq 100); do in_b ss -Hltn "sport = :8443" | grep -q . && break; sleep 0.05; done
  # SIGINT: check_selenium.py's `finally` quits Chromium, which deleting the namespace would not.
  in_a env HOME="$dir" timeout -s INT -k 10 120 /usr/bin/python3 "$(dirname "$0")/../webcheck/check_selenium.py" \
    "${EXAMREADY_WEBCHECK_SCENARIO:-network}" https://$server_ip:8443 - "$token" "$spki" "$dir" "$dir" "$dir" \
    > "$dir/out" 2>&1 || true
  page=$(sed -n 's/^RESULT //p' "$dir/out")
  if [[ -z $page ]]; then
    page=null
    echo "the page gave no figures: $(tail -3 "$dir/out") $(tail -3 "$dir/server.log")" >&2
  fi
}
page=null
if [[ -n ${EXAMREADY_WEBCHECK_SERVER:-} && ( $mode == veth || $mode == relay ) ]]; then
  page_figures
fi

check() { jq -c '.checks[0]' "$tmp/out.json"; }
metric() { jq -r --arg m "network.$1" '.checks[0].measurements[$m].value // "null"' "$tmp/out.json"; }
rate_bps=$(awk -v m="$(mbit_of "${rate:-0mbit}")" 'BEGIN{print m * 1e6}')
ceiling=$(awk -v r="$rate_bps" -v f="${frame_ratio:-0}" 'BEGIN{print r*f}')
result=$(jq -nc \
  --arg mode "$mode" --arg rate "${rate:-}" --argjson delay "$delay_ms" --argjson jitter "$jitter_ms" \
  --argjson loss_up "$loss_up" --argjson loss_down "$loss_down" --argjson ceiling "$ceiling" \
  --argjson iperf_down "$iperf_down" --argjson iperf_up "$iperf_up" --argjson elapsed "$elapsed_s" \
  --argjson check "$(check)" --argjson page "$page" --arg cc "$cc" \
  '{mode:$mode, rate:$rate, cc:$cc, delay_ms:$delay, jitter_ms:$jitter, loss_up:$loss_up, loss_down:$loss_down,
    ceiling_bps:$ceiling, iperf_down_bps:$iperf_down, iperf_up_bps:$iperf_up, elapsed_s:$elapsed,
    status:$check.status, message:$check.message,
    download_source:($check.measurements // {} | .["network.download_bps"].source // null),
    upload_source:($check.measurements // {} | .["network.upload_bps"].source // null),
    m:($check.measurements // {} | with_entries(.value = .value.value)), page:$page}')
echo "RESULT $result"
[[ ${NET_NO_ASSERT:-0} == 1 ]] && exit 0

failures=0
expect() {  # DESCRIPTION AWK-CONDITION [VARS...]
  local what=$1 cond=$2; shift 2
  if awk "$@" "BEGIN{exit !($cond)}"; then echo "ok   $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
status=$(jq -r .status <<< "$result")
message=$(jq -r '.message // ""' <<< "$result")
echo "status=$status elapsed=${elapsed_s}s message=$message"

case $mode in
  dead)
    expect "dead server: error" "s == \"error\"" -v s="$status"
    expect "dead server: says it cannot reach the collector" "index(m, \"cannot reach\") > 0" -v m="$message"
    expect "dead server: ends within 5 s ($elapsed_s s)" "e < 5" -v e="$elapsed_s"
    ;;
  stall)
    expect "stalled link: error or timeout" "s == \"error\" || s == \"timeout\"" -v s="$status"
    expect "stalled link: message says so ($message)" "s == \"timeout\" || index(m, \"stalled\") > 0" -v s="$status" -v m="$message"
    # Frozen 3 s in, noticed 2 s later: well inside the check's 18 s deadline.
    expect "stalled link: ends within 11 s ($elapsed_s s)" "e < 11" -v e="$elapsed_s"
    ;;
  *)
    expect "check ok" "s == \"ok\"" -v s="$status"
    down=$(metric download_bps) up=$(metric upload_bps) rtt=$(metric rtt_median_ms)
    tol=0.05
    awk -v d="$delay_ms" -v l="$loss_up" 'BEGIN{exit !(d > 0 || l > 0)}' && tol=0.10
    if [[ $assert_tput == 1 ]]; then
      for pair in "download:$down:$iperf_down" "upload:$up:$iperf_up"; do
        IFS=: read -r name value ref <<< "$pair"
        expect "$name $(awk -v v="$value" 'BEGIN{printf "%.2f", v/1e6}') Mbit/s within ±$(awk -v t=$tol 'BEGIN{print t*100}')% of the ceiling $(awk -v c="$ceiling" 'BEGIN{printf "%.2f", c/1e6}')" \
          "v != \"null\" && v/c > 1 - t && v/c < 1 + t" -v v="$value" -v c="$ceiling" -v t="$tol"
        [[ $ref != 0 ]] && expect "$name within ±10% of iperf3's $(awk -v v="$ref" 'BEGIN{printf "%.2f", v/1e6}') Mbit/s" \
          "v != \"null\" && v/r > 0.9 && v/r < 1.1" -v v="$value" -v r="$ref"
      done
    fi
    if [[ $delay_ms != 0 ]]; then
      # The median of the injected delays: 2D plus the median of U(0, J).
      truth_rtt=$(awk -v d="$delay_ms" -v j="$jitter_ms" 'BEGIN{print 2 * d + j / 2}')
      expect "idle RTT $rtt ms within ±(2 ms + 10%) of $truth_rtt ms" \
        "r != \"null\" && (r - t < 0 ? t - r : r - t) <= 2 + 0.1 * t" -v r="$rtt" -v t="$truth_rtt"
    fi
    if [[ $jitter_ms != 0 ]]; then
      j=$(metric jitter_ms)
      # Consecutive independent U(0, J) delays differ by J/3 on average.
      expect "jitter $j ms within ±2 ms of $(awk -v j="$jitter_ms" 'BEGIN{printf "%.2f", j/3}') ms (uniform 0..$jitter_ms ms)" \
        "x != \"null\" && (x - j/3 < 0 ? j/3 - x : x - j/3) <= 2" -v x="$j" -v j="$jitter_ms"
    fi
    loss=$(metric packet_loss_ratio)
    truth=$(awk -v u="$loss_up" -v d="$loss_down" 'BEGIN{print (u > d ? u : d)}')
    if awk -v t="$truth" 'BEGIN{exit !(t >= 0.01)}'; then
      expect "loss $loss detected (> 0) at $truth injected" "l != \"null\" && l > 0" -v l="$loss"
      awk -v t="$truth" 'BEGIN{exit !(t >= 0.02)}' &&
        expect "loss $loss within ±1 point of $truth" "l != \"null\" && (l - t < 0 ? t - l : l - t) <= 0.01" -v l="$loss" -v t="$truth"
    fi
    if [[ $queue_ms -ge 100 ]]; then
      loaded=$(metric loaded_rtt_ms)
      expect "loaded RTT $loaded ms well above idle $rtt ms on a deep queue" \
        "l != \"null\" && l > r + 50 && l > 3 * r" -v l="$loaded" -v r="$rtt"
    fi
    ;;
esac
((failures == 0))
