#!/usr/bin/env bash
# The national registry's figures, side by side in one run: the parse floor, `check`, the
# views and `diff`, in time (wall clock and user+sys CPU) and peak memory (max RSS), at
# scale 1 and 4, and one 50 MB meetings file. docs/performance.md shows a run and how to
# read it.
#
# Commands are run in rounds, each once per round, and each figure is the median of its
# rounds: on a shared machine the load drifts over a run, and timing every run of one
# command before the next (as hyperfine does) puts that drift into the comparisons.
#
#   benches/national.sh [WORK_DIR]        (default: target/national-bench)
#
# Environment: RUNS (default 10) rounds after one warm-up round; SCALES (default "1 4");
# BASELINE=path/to/an/older/samverkan adds its `check` to every comparison.
# Needs python3 and git.
set -euo pipefail

cd "$(dirname "$0")/.."
work=${1:-target/national-bench}
runs=${RUNS:-10}
scales=${SCALES:-1 4}
today=2026-11-25
mkdir -p "$work"
work=$(cd "$work" && pwd)

cargo build --release --locked --bin samverkan --example generate --example parse_floor
bin=$PWD/target/release/samverkan
floor=$PWD/target/release/examples/parse_floor
gen=$PWD/target/release/examples/generate

for scale in $scales; do
    [ -d "$work/scale-$scale" ] || "$gen" --out "$work/scale-$scale" --scale "$scale" --seed 1
done
# One year of 666,667 meetings (about 50 MB) of one body, with only that body's county.
if [ ! -d "$work/meetings-50mb" ]; then
    "$gen" --out "$work/meetings-src" --scale 1 --seed 1 --meetings-file 666667 >/dev/null
    mkdir -p "$work/meetings-50mb"/{parties,agreements,bodies,members,meetings}
    cp "$work/meetings-src/registry.toml" "$work/meetings-50mb/"
    cp "$work/meetings-src"/parties/{region-0,forbund-0,kommun-0,kommun-21,kommun-42,kommun-63,kommun-84,kommun-105,kommun-126,kommun-147,kommun-168,kommun-189,kommun-210,kommun-231,kommun-252,kommun-273}.toml "$work/meetings-50mb/parties/"
    cp "$work/meetings-src/agreements/avtal-0.toml" "$work/meetings-50mb/agreements/"
    cp "$work/meetings-src/bodies/organ-0-0.toml" "$work/meetings-50mb/bodies/"
    # Its meetings of 2020–2026 are not copied: no minimum of meetings a year, so it checks clean.
    sed -i '/^\[meetings\]$/,$d' "$work/meetings-50mb/bodies/organ-0-0.toml"
    cp "$work/meetings-src/members/organ-0-0.toml" "$work/meetings-50mb/members/"
    cp "$work/meetings-src/meetings/2027.toml" "$work/meetings-50mb/meetings/"
    rm -rf "$work/meetings-src"
fi
# A git repository of the scale-1 registry with one file changed in the working tree.
if [ ! -d "$work/git-1" ]; then
    mkdir -p "$work/git-1"
    cp -r "$work/scale-1" "$work/git-1/registry"
    git -C "$work/git-1" init -q
    git -C "$work/git-1" add -A
    git -C "$work/git-1" -c gc.auto=0 -c user.name=bench -c user.email=bench@example.org commit -qm national
    git -C "$work/git-1" gc -q
    sed -i 's/^name = "Organ 5"$/name = "Organ fem"/' "$work/git-1/registry/bodies/organ-0-5.toml"
fi

# name<TAB>command line, one per line, in the order of the tables.
: >"$work/commands"
add() { # name, then the command line
    local name=$1
    shift
    printf '%s\t%s\n' "$name" "$*" >>"$work/commands"
}
for scale in $scales; do
    dir=$work/scale-$scale
    sv="$bin -C $dir --today $today"
    add "floor-$scale" "$floor $dir"
    add "table-floor-$scale" "$floor --table $dir"
    add "check-$scale" "$sv check"
    add "roster-$scale" "$sv roster organ-0-0"
    add "deadlines-$scale" "$sv deadlines"
    add "graph-$scale" "$sv graph"
    [ -n "${BASELINE:-}" ] && add "baseline-check-$scale" "$BASELINE -C $dir --today $today check"
done
big=$work/meetings-50mb
for cmd in check graph "roster organ-0-0"; do
    add "meetings-50mb-${cmd%% *}" "$bin -C $big --today $today $cmd"
    [ -n "${BASELINE:-}" ] && add "baseline-meetings-50mb-${cmd%% *}" "$BASELINE -C $big --today $today $cmd"
done
reg=$work/git-1/registry
add git-check "$bin -C $reg --today $today check"
add git-diff "$bin -C $reg --today $today diff HEAD"
[ -n "${BASELINE:-}" ] && add baseline-git-diff "$BASELINE -C $reg --today $today diff HEAD"

python3 - "$work" "$runs" $scales <<'PY'
import os, statistics, subprocess, sys, time
work, runs, scales = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
commands = [line.rstrip("\n").split("\t") for line in open(f"{work}/commands")]
samples = {name: [] for name, _ in commands}

def measure(line):
    """One run: wall seconds, user+sys CPU seconds, peak RSS in bytes (from wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(line.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024

# One warm-up round, then `runs` rounds of every command, each round in turn.
for round in range(runs + 1):
    for name, line in commands:
        sample = measure(line)
        if round > 0:
            samples[name].append(sample)

def median(name, i): return statistics.median(s[i] for s in samples[name])
def wall(name): return median(name, 0)
def cpu(name): return median(name, 1)
def rss(name): return max(s[2] for s in samples[name])
def disk(path):
    used = int(subprocess.check_output(["du", "-s", "--block-size=1", path]).split()[0])
    apparent = int(subprocess.check_output(["du", "-s", "-b", path]).split()[0])
    return used, apparent
MiB = 1 << 20
print(f"machine: {os.cpu_count()} cores; load average after the run: {open('/proc/loadavg').read().split()[0]}; {runs} rounds, medians")
print()
print("| command | wall s | CPU s (user+sys) | peak RSS MiB | RSS / disk | RSS / bytes |")
print("|---|---|---|---|---|---|")
where = {}
for scale in scales:
    for name, _ in commands:
        if name.endswith(f"-{scale}"):
            where[name] = f"{work}/scale-{scale}"
for name, _ in commands:
    where.setdefault(name, f"{work}/meetings-50mb" if "meetings-50mb" in name else f"{work}/git-1/registry")
for name, _ in commands:
    used, apparent = disk(where[name])
    print(f"| {name} | {wall(name):.3f} | {cpu(name):.3f} | {rss(name)/MiB:.0f} | {rss(name)/used:.2f} | {rss(name)/apparent:.2f} |")
print()
print("| target | measured (CPU) | measured (wall) | met |")
print("|---|---|---|---|")
def target(what, a, b, limit):
    c, w = cpu(a) / cpu(b), wall(a) / wall(b)
    print(f"| {what} ≤ {limit} | {c:.2f} | {w:.2f} | {'yes' if c <= limit else 'no'} |")
s1 = scales[0]
target(f"check / parse floor, scale {s1}", f"check-{s1}", f"floor-{s1}", 1.15)
target(f"check / toml::Table floor, scale {s1}", f"check-{s1}", f"table-floor-{s1}", 1.15)
for v in ("roster", "deadlines", "graph"):
    target(f"{v} / check, scale {s1}", f"{v}-{s1}", f"check-{s1}", 0.8)
target("diff of one file / check", "git-diff", "git-check", 1.5)
if len(scales) > 1:
    s = scales[-1]
    target(f"check scale {s} / scale {s1}", f"check-{s}", f"check-{s1}", 4.4 * int(s) / 4)
for scale in scales:
    used, _ = disk(f"{work}/scale-{scale}")
    r = rss(f"check-{scale}") / used
    print(f"| check peak RSS / disk, scale {scale} ≤ 2 | {r:.2f} | | {'yes' if r <= 2 else 'no'} |")
PY
