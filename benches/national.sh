#!/usr/bin/env bash
# The national registry's figures, side by side in one run: the parse floor, `check`, the
# views and `diff`, in time (hyperfine: wall clock and user+sys CPU) and peak memory
# (/usr/bin/time -v), at scale 1 and 4, and one 50 MB meetings file. docs/performance.md
# shows a run and how to read it.
#
#   benches/national.sh [WORK_DIR]        (default: target/national-bench)
#
# Environment: RUNS (default 10) runs per command; SCALES (default "1 4");
# BASELINE=path/to/an/older/samverkan adds its `check` to every comparison.
# Needs hyperfine (apt-get install hyperfine), GNU time and git.
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
    cp "$work/meetings-src"/parties/{region-0,kommun-0,kommun-21,kommun-42,kommun-63,kommun-84,kommun-105,kommun-126,kommun-147,kommun-168,kommun-189,kommun-210,kommun-231,kommun-252,kommun-273}.toml "$work/meetings-50mb/parties/"
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

run() { # name, then the command line
    local name=$1
    shift
    /usr/bin/time -f "%M" -o "$work/rss-$name" "$@" >/dev/null 2>"$work/stderr-$name" || true
    echo "$name	$*" >>"$work/commands"
}

: >"$work/commands"
args=()
for scale in $scales; do
    dir=$work/scale-$scale
    sv="$bin -C $dir --today $today"
    cmds=(
        "floor-$scale" "$floor $dir"
        "table-floor-$scale" "$floor --table $dir"
        "check-$scale" "$sv check"
        "roster-$scale" "$sv roster organ-0-0"
        "deadlines-$scale" "$sv deadlines"
        "graph-$scale" "$sv graph"
    )
    [ -n "${BASELINE:-}" ] && cmds+=("baseline-check-$scale" "$BASELINE -C $dir --today $today check")
    for ((i = 0; i < ${#cmds[@]}; i += 2)); do
        args+=(-n "${cmds[i]}" "${cmds[i + 1]}")
        run "${cmds[i]}" ${cmds[i + 1]}
    done
done
big=$work/meetings-50mb
for cmd in check graph roster; do
    line="$bin -C $big --today $today $cmd"
    [ "$cmd" = roster ] && line="$line organ-0-0"
    args+=(-n "meetings-50mb-$cmd" "$line")
    run "meetings-50mb-$cmd" $line
done
if [ -n "${BASELINE:-}" ]; then
    for cmd in check graph roster; do
        line="$BASELINE -C $big --today $today $cmd"
        [ "$cmd" = roster ] && line="$line organ-0-0"
        args+=(-n "baseline-meetings-50mb-$cmd" "$line")
        run "baseline-meetings-50mb-$cmd" $line
    done
fi
reg=$work/git-1/registry
args+=(-n "git-check" "$bin -C $reg --today $today check" -n "git-diff" "$bin -C $reg --today $today diff HEAD")
run git-check "$bin" -C "$reg" --today $today check
run git-diff "$bin" -C "$reg" --today $today diff HEAD
if [ -n "${BASELINE:-}" ]; then
    args+=(-n "baseline-git-diff" "$BASELINE -C $reg --today $today diff HEAD")
    run baseline-git-diff "$BASELINE" -C "$reg" --today $today diff HEAD
fi

hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/times.json" "${args[@]}" >"$work/hyperfine.txt"

python3 - "$work" $scales <<'PY'
import json, os, subprocess, sys
work, scales = sys.argv[1], sys.argv[2:]
times = {r["command"]: r for r in json.load(open(f"{work}/times.json"))["results"]}
def cpu(name): return times[name]["user"] + times[name]["system"]
def wall(name): return times[name]["mean"]
def rss(name): return int(open(f"{work}/rss-{name}").read().split()[-1]) * 1024
def disk(path):
    used = int(subprocess.check_output(["du", "-s", "--block-size=1", path]).split()[0])
    apparent = int(subprocess.check_output(["du", "-s", "-b", path]).split()[0])
    return used, apparent
MiB = 1 << 20
print(f"machine: {os.cpu_count()} cores; load average before the run: {open('/proc/loadavg').read().split()[0]}")
print()
print("| command | wall s | CPU s (user+sys) | peak RSS MiB | RSS / disk | RSS / bytes |")
print("|---|---|---|---|---|---|")
rows = []
for scale in scales:
    used, apparent = disk(f"{work}/scale-{scale}")
    for n in ("floor", "table-floor", "check", "roster", "deadlines", "graph", "baseline-check"):
        if f"{n}-{scale}" in times:
            rows.append((f"{n}-{scale}", used, apparent))
used, apparent = disk(f"{work}/meetings-50mb")
rows += [(n, used, apparent) for n in times if "meetings-50mb" in n]
used, apparent = disk(f"{work}/git-1/registry")
rows += [(n, used, apparent) for n in ("git-check", "git-diff", "baseline-git-diff") if n in times]
for name, used, apparent in rows:
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
