#!/usr/bin/env bash
# Scaling table of docs/performance.md: one whole-process run per row, wall and CPU seconds from
# /usr/bin/time and the command's own "seconds" (the computation without JVM start-up).
# Usage: docs/bench/scaling.sh [> table.md]   (run from the repository root; needs /usr/bin/time)
set -uo pipefail
cd "$(dirname "$0")/../.."
./twostage --version >/dev/null   # build and class-data archive first
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | wall s | cpu s | computation s | E‖L(Z)‖² |"
echo "| --- | ---: | ---: | ---: | --- |"
row() {
  local out
  out=$( { /usr/bin/time -f "TIME %e %U %S" ./twostage "$@"; } 2>&1 ) || { echo "| \`$*\` | failed: $(echo "$out" | grep -v '^TIME' | tail -1) | | | |"; return; }
  local wall cpu secs value
  wall=$(echo "$out" | awk '/^TIME/ {print $2}')
  cpu=$(echo "$out" | awk '/^TIME/ {printf "%.2f", $3 + $4}')
  secs=$(echo "$out" | awk '$1 == "seconds" {print $2}')
  value=$(echo "$out" | awk -F'  +' '/E\|\|L\(Z\)\|\|\^2/ {print $3; exit}')
  echo "| \`$*\` | $wall | $cpu | $secs | $value |"
}
for n in 100000 1000000 4000000; do row limit gmm --K 4 --d 20 --method direct --samples $n; done
for d in 10 40; do row limit gmm --K 4 --d $d --method direct; done
for t in 1 2; do row limit gmm --K 4 --d 20 --method direct --threads $t; done
for k in 2 4 8; do row limit gmm --K $k --d 20 --method reduced; done
row limit gmm --K 14 --d 30 --method reduced
for d in 100 200; do row limit gmm --K 4 --d $d --method reduced; done
for t in 1 2; do row limit gmm --K 4 --d 20 --method reduced --threads $t; done
row limit spectral --k 10 --d 100
row limit spectral --k 20 --d 200
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
