#!/usr/bin/env bash
# The producer API under wrk: an embedded broker, the API and a bare endpoint on the same Javalin/Jetty/TLS stack in
# one JVM (ProducerApiServer), loaded from outside by wrk over HTTPS keep-alive with every request freshly signed
# (wrk/signed-send.lua). Reports requests/s, recipients/s and the server process's CPU time per request (broker
# included, wrk excluded) for each scenario, with the load average. Run it under the benchmark lock:
#   flock /tmp/relay-bench.lock benchmarks/run-producer-api-wrk.sh [connections="64 256"] [warm-up s=90] [measured s=20]
# Each scenario is warmed up once (at the first connection count), then measured at every connection count given.
# The warm-up is long because one JVM holds the broker, Jetty, TLS and the API: its JIT compilers were still taking
# a third of the CPU 60 s into a run, and settled only after about 100 s of load (CPU per request fell from 1,340 us
# in the first 20 s to 227 us). A closed loop of 64 connections is bounded by the commit latency (about 10 ms), not
# by CPU; more connections show what the server can take.
# SCENARIOS="bare1 api1 bare100 api100" picks and orders them (api1plain: no repeatability ids); WRK_THREADS (2)
# sets wrk's threads; JAVA_OPTS and -Dapi.<key>=<value> in it reach the server (e.g. -Dapi.publish.lanes=4);
# CLASSPATH_FIRST (jars, ':'-separated) goes ahead of the built modules, e.g. an older build's API jars for a before/after.
set -euo pipefail
cd "$(dirname "$0")/.."
connections=${1:-64 256}
warmup=${2:-90}
measured=${3:-20}
scenarios=${SCENARIOS:-bare1 api1 bare100 api100}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -o -pl benchmarks -am -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
fi
run=$(mktemp -d /tmp/relay-wrk-XXXXXX)
mkfifo "$run/stdin"
java -Xmx2g ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "${CLASSPATH_FIRST:+$CLASSPATH_FIRST:}benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    io.relaysms.benchmarks.api.ProducerApiServer "$run" <"$run/stdin" >"$run/server.log" 2>&1 &
server=$!
exec 3>"$run/stdin"
trap 'exec 3>&-; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do [[ -f "$run/ready" ]] && break; kill -0 $server 2>/dev/null || { cat "$run/server.log"; exit 1; }; sleep 0.5; done
[[ -f "$run/ready" ]] || { echo "server did not start" >&2; cat "$run/server.log"; exit 1; }
key=$(cat "$run/key")
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
sys_ticks() { awk '{print $15}' "/proc/$server/stat"; }
ticks_per_second=$(getconf CLK_TCK)
results=()
for scenario in $scenarios; do
  case $scenario in
    bare*) port=$(cat "$run/bare-port") ;;
    *) port=$(cat "$run/api-port") ;;
  esac
  recipients=1; [[ $scenario == *100* ]] && recipients=100
  mode=repeatable; [[ $scenario == *plain* ]] && mode=plain
  url="https://127.0.0.1:$port"
  wrk -t"${WRK_THREADS:-2}" -c"${connections%% *}" -d"${warmup}s" -s benchmarks/wrk/signed-send.lua "$url" -- "$key" "$recipients" "$mode" >/dev/null
  for conns in $connections; do
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    cpu_before=$(cpu_ticks)
    sys_before=$(sys_ticks)
    wrk -t"${WRK_THREADS:-2}" -c"$conns" -d"${measured}s" --latency -s benchmarks/wrk/signed-send.lua "$url" -- "$key" "$recipients" "$mode" >"$run/$scenario-c$conns.txt"
    cpu_after=$(cpu_ticks)
    sys_after=$(sys_ticks)
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    total=$(awk '/requests in/ {print $1}' "$run/$scenario-c$conns.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$run/$scenario-c$conns.txt"); non2xx=${non2xx:-0}
    ok=$((total - non2xx))
    seconds=$(awk '/requests in/ {gsub("s,","",$4); print $4}' "$run/$scenario-c$conns.txt")
    p50=$(awk '$1=="50%" {print $2}' "$run/$scenario-c$conns.txt")
    p99=$(awk '$1=="99%" {print $2}' "$run/$scenario-c$conns.txt")
    results+=("$(awk -v s="$scenario" -v ok="$ok" -v bad="$non2xx" -v sec="$seconds" -v r="$recipients" -v c0="$cpu_before" \
        -v c1="$cpu_after" -v hz="$ticks_per_second" -v s0="$sys_before" -v s1="$sys_after" -v p50="$p50" -v p99="$p99" -v l0="$load_before" -v l1="$load_after" \
        -v c="$conns" 'BEGIN { cpu = (c1 - c0) / hz; printf "%-12s %6d %10.0f %12.0f %8s %8s %7d %11.0f %8.0f%% %7.0f%%   %s -> %s", s, c, ok/sec, ok*r/sec, p50, p99, bad, (ok ? cpu*1e6/ok : 0), 100*cpu/sec, (c1 > c0 ? 100*(s1-s0)/(c1-c0) : 0), l0, l1 }')")
  done
done
exec 3>&-
wait $server || true
trap - EXIT
echo
echo "producer API under wrk: $(nproc) cores, ${WRK_THREADS:-2} wrk threads, ${measured} s measured per connection count after ${warmup} s warm-up per scenario"
printf "%-12s %6s %10s %12s %8s %8s %7s %11s %9s %8s   %s\n" scenario conns requests/s recipients/s p50 p99 non-2xx "CPU us/req" "CPU use" "kernel" "load average (1/5/15 min) before -> after"
printf "%s\n" "${results[@]}"
grep '^server:' "$run/server.log" || true
echo "CPU us/req: CPU time of the server process (API, broker, bare endpoint; not wrk) per 2xx request; CPU use: of one core; kernel: share of that CPU time spent in the kernel (system time)."
echo "wrk output and server log: $run"
