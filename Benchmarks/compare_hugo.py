#!/usr/bin/env python3
"""Wegweiser against Hugo on the same generated corpora, side by side: `make bench`.

    compare_hugo.py BENCH WEGWEISER [--sizes 1000,5000,10000] [--runs 3] [--work DIR] [--out-root DIR]

BENCH is the shared benchmark folder (gen_corpus.py, run_hugo.sh, measure.py); its measure.py does the
timing: every build runs under `/usr/bin/time -v` after a wait for a quiet machine, with the CPU that
other processes used during the run recorded. For each size the two generators run in alternating
rounds (Wegweiser first in odd rounds, Hugo first in even ones), after one untimed warm-up each, so
that a slow spell of the shared machine falls on both. Prints a Markdown table (median, min, max of
wall time; CPU; peak RSS; pages per second; the ratios) and writes every run to
WORK/compare-<sizes>.json (compare-1000-5000-10000.json for the default sizes).
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench")
    parser.add_argument("wegweiser")
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=".build/bench/compare")
    parser.add_argument("--out-root", help="where the builds write (a tmpfs takes the disk out of the measurement)")
    parser.add_argument("--quiet-wait", type=float, default=60.0)
    parser.add_argument("--idle-cores", type=float, default=0.3)
    parser.add_argument("--sync", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.path.insert(0, os.path.abspath(args.bench))
    import measure  # the shared harness: timed(), summarize(), count_tree()

    os.makedirs(args.work, exist_ok=True)
    out_root = args.out_root or args.work
    os.makedirs(out_root, exist_ok=True)
    hugo = shutil.which("hugo")
    tools = {"wegweiser": "%s build --source {corpus} --output {out} --quiet" % shlex.quote(os.path.abspath(args.wegweiser))}
    if hugo:
        tools["hugo"] = shlex.quote(os.path.join(os.path.abspath(args.bench), "run_hugo.sh")) + " {corpus} {out} --quiet"
    else:
        print("hugo is not installed (apt-get install hugo): Wegweiser alone", flush=True)

    def log(message):
        print(message, flush=True)

    result_file = os.path.join(args.work, "compare-%s.json" % args.sizes.replace(",", "-"))
    results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "nproc": os.cpu_count(), "runs": args.runs,
               "hugo_version": subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip() if hugo else None,
               "sizes": {}}
    for size in [int(s) for s in args.sizes.split(",")]:
        corpus = os.path.join(args.work, "corpus-%d" % size)
        if not os.path.isfile(os.path.join(corpus, "site.yaml")):
            shutil.rmtree(corpus, ignore_errors=True)
            log("generating a corpus of %d items" % size)
            subprocess.run([sys.executable, os.path.join(args.bench, "gen_corpus.py"), corpus, "--items", str(size),
                            "--seed", str(args.seed)], check=True)
        entry = results["sizes"][str(size)] = {"runs": {name: [] for name in tools}}
        commands = {}
        for name, template in tools.items():
            out = os.path.join(out_root, "out-%s-%d" % (name, size))
            commands[name] = (template.format(corpus=shlex.quote(corpus), out=shlex.quote(out)), out)
        for name, (command, out) in commands.items():
            measure.timed(command, args, log, prep=lambda out=out: shutil.rmtree(out, ignore_errors=True), tag="%s warm-up" % name)
        for round_ in range(args.runs):
            order = list(commands) if round_ % 2 == 0 else list(reversed(commands))
            for name in order:
                command, out = commands[name]
                run = measure.timed(command, args, log, prep=lambda out=out: shutil.rmtree(out, ignore_errors=True),
                                    tag="N=%d %s round %d" % (size, name, round_ + 1))
                run.pop("stderr", None)
                entry["runs"][name].append(run)
        for name, (command, out) in commands.items():
            pages = sum(1 for root, _, files in os.walk(out) for f in files if f.endswith(".html"))
            summary = measure.summarize(entry["runs"][name])
            summary["html_files"] = pages
            summary["pages_per_s"] = pages / summary["wall_s"]["median"]
            summary["failed_runs"] = sum(1 for r in entry["runs"][name] if r["rc"] != 0)
            entry[name] = summary
        if "hugo" in entry:
            entry["wall_ratio"] = entry["wegweiser"]["wall_s"]["median"] / entry["hugo"]["wall_s"]["median"]
            entry["rss_ratio"] = entry["wegweiser"]["maxrss_mb"]["median"] / entry["hugo"]["maxrss_mb"]["median"]
        with open(result_file, "w") as f:
            json.dump(results, f, indent=1)

    log("\n| items | tool | wall median (min–max) | CPU | peak RSS | HTML files | pages/s | wall ratio | RSS ratio |")
    log("|---:|---|---|---:|---:|---:|---:|---:|---:|")
    for size, entry in results["sizes"].items():
        for name in tools:
            s = entry[name]
            ratios = ("%.2f" % entry["wall_ratio"], "%.2f" % entry["rss_ratio"]) if name == "wegweiser" and "wall_ratio" in entry else ("", "")
            log("| %s | %s | %.2f s (%.2f–%.2f) | %.2f s | %.0f MB | %d | %.0f | %s | %s |" % (
                size, name, s["wall_s"]["median"], s["wall_s"]["min"], s["wall_s"]["max"], s["cpu_s"]["median"],
                s["maxrss_mb"]["median"], s["html_files"], s["pages_per_s"], ratios[0], ratios[1]))
    log("\nratios: Wegweiser / Hugo (the goal: wall ≤ 0.50, RSS ≤ 0.25). Every run: %s" % result_file)


if __name__ == "__main__":
    main()
