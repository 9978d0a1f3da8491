#!/usr/bin/env python3
"""Batch throughput of the CLI against trafilatura, in the same run (issue 20, part 4).

    python3 scripts/bench_batch.py                 # the corpus in ../shared/data/pages
    python3 scripts/bench_batch.py --runs 5 --json target/bench/batch.json

What it runs, on the same list of pages (every source.html under the corpus):

1. ours, one core: `RAYON_NUM_THREADS=1 taskset -c 0 dossier analyze --jsonl --no-progress
   PAGE...` (one process for all pages: the model loads once, HTML parsing included);
2. trafilatura, one core: `taskset -c 0 python worker.py` calling `trafilatura.extract(bytes)`
   with its defaults on each page, read from disk in the loop as ours reads it;
3. ours, every core: the same command without RAYON_NUM_THREADS and taskset.

Each is run --runs times, interleaved, and the median kept. "Pages per second per core" is the
pages divided by the CPU time (user + system) the process used: on a machine shared with other
work, CPU time does not count the time a process waited for a core, as wall time would. Both
wall and CPU figures are printed. Ours is timed from process start (model load and all);
trafilatura's import (about a second, once per process) is left out, in its favour.

trafilatura comes from PyPI: it is used from the running Python when importable, else installed
(pinned, below) into a virtual environment at target/bench/venv on first use.

Exit status 2 when the pages or the CLI are missing (the message says what to do).
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("SHARED") or os.path.join(ROOT, "..", "shared")
VENV = os.path.join(ROOT, "target", "bench", "venv")
# Pinned so that a figure can be compared with the last one. lxml_html_clean: lxml 6 moved
# lxml.html.clean out, and jusText (a trafilatura dependency) still imports it.
TRAFILATURA = ["trafilatura==2.3.1", "lxml_html_clean==0.4.7"]

WORKER = r"""
import json, sys, time
import trafilatura
paths = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
t0, c0 = time.perf_counter(), time.process_time()
extracted = 0
for p in paths:
    with open(p, "rb") as f:
        html = f.read()
    if trafilatura.extract(html) is not None:
        extracted += 1
print(json.dumps({"pages": len(paths), "extracted": extracted,
                  "wall_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0,
                  "version": trafilatura.__version__}))
"""


def die(msg):
    print(f"bench_batch: {msg}", file=sys.stderr)
    sys.exit(2)


def log(msg):
    print(f"[bench-batch] {msg}", file=sys.stderr, flush=True)


def corpus(pages_dir):
    if not os.path.isdir(pages_dir):
        die(
            f"the real pages are not at {pages_dir} (they are not part of a clone): "
            "set SHARED=/path/to/shared or pass --pages DIR"
        )
    found = []
    for d, _, files in os.walk(pages_dir):
        if "source.html" in files:
            found.append(os.path.join(d, "source.html"))
    if not found:
        die(f"no */source.html under {pages_dir}")
    return sorted(found)


def trafilatura_python(explicit):
    if explicit:
        return explicit
    probe = [sys.executable, "-c", "import trafilatura"]
    if subprocess.run(probe, capture_output=True).returncode == 0:
        return sys.executable
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py) or subprocess.run([py, "-c", "import trafilatura"], capture_output=True).returncode:
        log(f"installing {' '.join(TRAFILATURA)} from PyPI into {os.path.relpath(VENV, ROOT)} (once; ~30 s)")
        try:
            if not os.path.exists(py):
                subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
            subprocess.run([py, "-m", "pip", "install", "-q", *TRAFILATURA], check=True)
        except (subprocess.CalledProcessError, OSError) as e:
            shutil.rmtree(VENV, ignore_errors=True)
            die(f"could not install trafilatura into {VENV} ({e}). On Debian, `apt-get install python3-venv`; "
                "or pass --python PYTHON (one that can `import trafilatura`)")
    return py


def pin(cmd, cpu):
    """The command pinned to one CPU when taskset exists (else the thread count alone limits it)."""
    if shutil.which("taskset"):
        return ["taskset", "-c", str(cpu), *cmd]
    return cmd


def run_timed(cmd, env=None, stdout=None):
    """Runs cmd; returns (wall seconds, CPU seconds of the child, completed process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 1):
        die(f"{' '.join(cmd[:6])} ... exited {p.returncode}: {p.stderr.decode(errors='replace')[-500:]}")
    return wall, cpu, p


def ours(cli, pages, threads, out_path):
    env = dict(os.environ)
    cmd = [cli, "analyze", "--jsonl", "--no-progress", *pages]
    if threads == 1:
        env["RAYON_NUM_THREADS"] = "1"
        cmd = pin(cmd, 0)
    else:
        env.pop("RAYON_NUM_THREADS", None)
    with open(out_path, "wb") as out:
        wall, cpu, _ = run_timed(cmd, env=env, stdout=out)
    ok = failed = 0
    with open(out_path, "rb") as f:
        for line in f:
            if "report" in json.loads(line):
                ok += 1
            else:
                failed += 1
    return {"wall_s": wall, "cpu_s": cpu, "ok": ok, "failed": failed}


def theirs(py, list_path, worker_path):
    _, _, p = run_timed(pin([py, worker_path, list_path], 0))
    return json.loads(p.stdout.decode().strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default=os.path.join(SHARED, "data", "pages"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "dossier"))
    ap.add_argument("--python", help="a Python with trafilatura (default: found or installed)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement; the median is kept")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    pages = corpus(os.path.abspath(args.pages))
    if not os.access(args.cli, os.X_OK):
        die(f"no CLI at {args.cli}: build it with `make cli`")
    py = trafilatura_python(args.python)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    log(f"{len(pages)} pages, {sum(os.path.getsize(p) for p in pages) / 1e6:.1f} MB of HTML; "
        f"{args.runs} runs each; {cores} cores; load average {os.getloadavg()[0]:.1f}")

    tmp = tempfile.mkdtemp(prefix="bench-batch-")
    list_path = os.path.join(tmp, "pages.txt")
    with open(list_path, "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in pages))
    worker_path = os.path.join(tmp, "worker.py")
    with open(worker_path, "w", encoding="utf-8") as f:
        f.write(WORKER)
    out_path = os.path.join(tmp, "out.jsonl")

    one, every, traf = [], [], []
    try:
        for r in range(args.runs):
            one.append(ours(args.cli, pages, 1, out_path))
            traf.append(theirs(py, list_path, worker_path))
            every.append(ours(args.cli, pages, 0, out_path))
            log(f"run {r + 1}: ours {len(pages) / one[-1]['cpu_s']:.0f} pages/s/core, "
                f"trafilatura {len(pages) / traf[-1]['cpu_s']:.1f}, "
                f"ours on every core {len(pages) / every[-1]['wall_s']:.0f} pages/s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    n = len(pages)
    med = lambda runs, k: statistics.median(x[k] for x in runs)  # noqa: E731
    res = {
        "pages": n,
        "cores": cores,
        "runs": args.runs,
        "trafilatura_version": traf[0]["version"],
        "cli_pages_per_s_core": n / med(one, "cpu_s"),
        "cli_pages_per_s_core_wall": n / med(one, "wall_s"),
        "trafilatura_pages_per_s_core": n / med(traf, "cpu_s"),
        "trafilatura_pages_per_s_core_wall": n / med(traf, "wall_s"),
        "cli_pages_per_s_all_cores": n / med(every, "wall_s"),
        "cli_pages_per_s_core_all_cores": n / med(every, "cpu_s"),
        "cli_ms_per_page": 1e3 * med(one, "cpu_s") / n,
        "trafilatura_ms_per_page": 1e3 * med(traf, "cpu_s") / n,
        "cli_failed": one[0]["failed"],
        "trafilatura_extracted": traf[0]["extracted"],
        "load_average": os.getloadavg()[0],
    }
    res["ratio_trafilatura"] = res["cli_pages_per_s_core"] / res["trafilatura_pages_per_s_core"]
    res["ratio_trafilatura_wall"] = res["cli_pages_per_s_core_wall"] / res["trafilatura_pages_per_s_core_wall"]

    print(f"Batch throughput on {n} pages (median of {args.runs} runs; one core = taskset -c 0)")
    rows = [
        ("dossier analyze --jsonl, 1 thread", res["cli_pages_per_s_core"], res["cli_pages_per_s_core_wall"],
         f"{res['cli_ms_per_page']:.2f} ms/page, {res['cli_failed']} error lines"),
        (f"trafilatura {res['trafilatura_version']} extract(), 1 process", res["trafilatura_pages_per_s_core"],
         res["trafilatura_pages_per_s_core_wall"],
         f"{res['trafilatura_ms_per_page']:.2f} ms/page, {res['trafilatura_extracted']} extracted"),
    ]
    print(f"  {'':44} {'pages/s/core (CPU)':>19} {'(wall)':>8}")
    for label, cpu, wall, note in rows:
        print(f"  {label:44} {cpu:19.1f} {wall:8.1f}  {note}")
    print(f"  {'ratio (ours / trafilatura)':44} {res['ratio_trafilatura']:18.1f}x {res['ratio_trafilatura_wall']:7.1f}x"
          "  target >= 10x")
    print(f"  {f'dossier analyze --jsonl, every core ({cores})':44} {res['cli_pages_per_s_core_all_cores']:19.1f}"
          f" {res['cli_pages_per_s_all_cores']:8.1f}  (wall: pages/s in all)")
    print(f"  (load average {res['load_average']:.1f} on {os.cpu_count()} CPUs while measuring)")
    print("BENCH-BATCH " + " ".join(
        f"{k}={round(res[k], 3)}" for k in
        ("cli_pages_per_s_core", "ratio_trafilatura", "trafilatura_pages_per_s_core", "cli_pages_per_s_all_cores")))
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
