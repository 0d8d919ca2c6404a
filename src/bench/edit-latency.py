#!/usr/bin/env python3
"""The live preview's edit latency, on the real site and on the benchmark corpus, repeatably.

usage: src/bench/edit-latency.py [real] [N ...]     (default: real 10000)
env:   SESSIONS=3          serve sessions per site, each a new JVM
       EDITS=20            one-page edits per session on an N-page corpus (as run.py's EDITS)
       REAL_EDITS=25       edits per session on the real site
       JAVA_HOME, LAUNCH, BENCH_SHARED    as for run.py

real: a copy of content/ and templates/ (the project's own files are never touched) is served
with `serve --port 0`; each edit changes the `context` of the first quote of quotes.yaml, which
re-renders the pages that show that quote. N: the corpus of run.py (../shared/bench/gen-corpus.py
in explainer's format), edited as run.py's EDITS does (a line added to one page's body), with
run.py's own code. For each edit it reads serve's "Rebuilt X of Y pages in Z ms (W ms after the
save ...)": Z is the rebuild's work, W adds the watcher's quiet period (40 ms) and the wait for the
rebuild thread. It prints, per session and over all sessions, the median, the median of the second
half (once the JIT has compiled the rebuild path), the range or quartiles, and the load average
before and after (other processes on the machine's cores show in these times: run it when the
machine is quiet, and more than once). Results are appended to
target/bench/edit-latency.txt. To compare two checkouts, copy this file and run.py into the other
one's src/bench/ and run it there with the same arguments: it runs that checkout's jar.
"""
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench_run", os.path.join(HERE, "run.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

SESSIONS = int(os.environ.get("SESSIONS", "3"))
EDITS = int(os.environ.get("EDITS", "20"))
REAL_EDITS = int(os.environ.get("REAL_EDITS", "25"))
REBUILT = re.compile(r"Rebuilt (\d+) of (\d+) pages in (\d+) ms \((\d+) ms after the save")


def real_site_session(variant, edits):
    """One serve session on a fresh copy of the real site: (pages rebuilt, of, work ms, after-save ms) per edit."""
    copy = tempfile.mkdtemp(dir=bench.WORK, prefix="real-site-")
    try:
        for folder in ("content", "templates"):
            shutil.copytree(os.path.join(bench.PROJECT, folder), os.path.join(copy, folder))
        quotes = os.path.join(copy, "content", "quotes.yaml")
        original = open(quotes, encoding="utf-8").read()
        match = re.search(r"^  context: (.*)$", original, re.M)
        if not match:
            sys.exit("no quote with a context in content/quotes.yaml")
        process = subprocess.Popen(variant.command + ["serve", "--port", "0", "--source", copy],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=variant.env)
        try:
            for line in process.stdout:
                if line.startswith("Serving"):
                    break
            results = []
            for i in range(edits):
                edited = original[:match.start(1)] + match.group(1) + " Edit %d." % i + original[match.end(1):]
                with open(quotes, "w", encoding="utf-8") as f:
                    f.write(edited)
                for line in process.stdout:
                    found = REBUILT.match(line)
                    if found:
                        results.append(tuple(int(g) for g in found.groups()))
                        break
                    if "error" in line:
                        sys.exit("serve reported a problem: " + line)
                time.sleep(0.3)
            return results
        finally:
            process.terminate()
            process.wait()
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def summary(times):
    """'median M, second half H, range A-B' of a list of milliseconds."""
    return "median %d, second half %d, range %d-%d" % (
        statistics.median(times), statistics.median(times[len(times) // 2:]), min(times), max(times))


def main():
    sites = sys.argv[1:] or ["real", "10000"]
    os.makedirs(bench.WORK, exist_ok=True)
    if not os.path.exists(bench.JAR):
        subprocess.run(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=bench.PROJECT, check=True)
    variants = [bench.Variant(home) for home in bench.JAVA_HOMES]
    if bench.LAUNCH == "script":
        # The launcher writes its start-up archive on its first build after the jar changes: not a run to time.
        for variant in variants:
            subprocess.run(variant.command + ["check", "--source", bench.PROJECT], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=variant.env)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=bench.PROJECT, capture_output=True, text=True).stdout.strip()
    commit = commit or os.environ.get("COMMIT", bench.PROJECT)
    lines = ["# %s; commit %s; %d cores; load average %.2f %.2f %.2f; sessions=%d; explainer via %s" % (
        time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), commit or "?", os.cpu_count(), *os.getloadavg(), SESSIONS,
        "src/scripts/explainer" if bench.LAUNCH == "script" else "java -jar")]
    print(lines[0], flush=True)
    for site in sites:
        for variant in variants:
            work, warm, after, rebuilt, medians, halves = [], [], [], set(), [], []
            for session in range(SESSIONS):
                if site == "real":
                    results = real_site_session(variant, REAL_EDITS)
                    rebuilt.update("%d of %d" % (r[0], r[1]) for r in results)
                    times = [r[2] for r in results]
                    after.extend(r[3] for r in results)
                else:
                    _, ours = bench.corpus(int(site))
                    times = bench.edit_latency(variant, ours, EDITS)
                work.extend(times)
                warm.extend(times[len(times) // 2:])
                medians.append(statistics.median(times))
                halves.append(statistics.median(times[len(times) // 2:]))
                line = "%s, %s, session %d: work ms %s (%s)" % (site, variant.label, session + 1, summary(times),
                                                               " ".join(map(str, times)))
                print(line, flush=True)
                lines.append(line)
            quartiles = statistics.quantiles(work, n=4)
            line = "%s, %s, %d sessions: work ms median %d, quartiles %g-%g (session medians %s), second half %d (sessions %s)%s%s" % (
                site, variant.label, SESSIONS, statistics.median(work), quartiles[0], quartiles[2],
                " ".join("%g" % m for m in medians),
                statistics.median(warm),
                " ".join("%g" % h for h in halves),
                "; after the save ms median %d" % statistics.median(after) if after else "",
                "; pages rebuilt per edit: " + ", ".join(sorted(rebuilt)) if rebuilt else "")
            print(line, flush=True)
            lines.append(line)
    lines.append("# load average after: %.2f %.2f %.2f" % os.getloadavg())
    print(lines[-1], flush=True)
    with open(os.path.join(bench.WORK, "edit-latency.txt"), "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
