#!/usr/bin/env python3
"""Benchmark: explainer against Hugo on the same synthetic corpus, on this machine.

usage: src/bench/run.py [N ...]          (default N: 100 1000 10000)
env:   RUNS=3 WARMUP=1                   measured and unmeasured runs per tool and N
       BENCH_SHARED=../shared/bench      the peer benchmark folder (gen-corpus.py)
       EDITS=0                           also time N one-page edits in `serve` (per N)
       BENCH_OUT=target/bench            where the runs' output folders go (/dev/shm: in memory,
                                         to compare the tools without this machine's disk)
       LAUNCH=script                     run explainer through src/scripts/explainer (class-data
                                         sharing, serial GC, first-tier compiler), or LAUNCH=jar
                                         for a plain `java -jar target/explainer.jar`
       JAVA_HOME                         the JDK that runs explainer (default: `java` on the PATH)
       JAVA_HOMES=/jdk/a:/jdk/b          several JDKs, each timed as its own row, all alternating
                                         with Hugo run by run (ratios from one run, one machine)

For each N it generates the corpus of ../shared/bench/gen-corpus.py twice, in Hugo's format
and in the neutral 'common' format that it turns into an explainer site (same page bodies and
front matter; a list page, 20 tag pages and N pages: N + 21 HTML files). It then times clean
builds into fresh, empty output folders, alternating Hugo and explainer run by run, and prints
the median wall time, peak memory (RSS, from wait4) and CPU time (user + system) of each
and the ratios explainer/Hugo.
Every run's output is kept until all runs are done, as ../shared/bench does: nothing is deleted
while a build is timed. (On ext4 without a journal, as on this machine, a new file skips the
inodes freed in the last minute or more, one by one: deleting each run's output before the next
made every file the next builds created slower, by an amount that grew with the runs.) Leave a
few minutes between deleting many files on that disk (this script removes its runs' outputs when
it ends) and the next benchmark run, for the same reason.
Hugo is installed from Debian (apt-get install hugo) when missing. Results are also written to
target/bench/results.txt. A benchmark measures; no test asserts these times.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PROJECT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.path.abspath(os.environ.get("BENCH_SHARED", os.path.join(PROJECT, "..", "shared", "bench")))
WORK = os.path.join(PROJECT, "target", "bench")
JAR = os.path.join(PROJECT, "target", "explainer.jar")
LAUNCHER = os.path.join(PROJECT, "src", "scripts", "explainer")
LAUNCH = os.environ.get("LAUNCH", "script")
JAVA_HOMES = [h for h in os.environ.get("JAVA_HOMES", os.environ.get("JAVA_HOME", "")).split(":") if h] or [None]
RUNS = int(os.environ.get("RUNS", "3"))
WARMUP = int(os.environ.get("WARMUP", "1"))
EDITS = int(os.environ.get("EDITS", "0"))
OUT = os.path.abspath(os.environ.get("BENCH_OUT", WORK))
TAGS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
        "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"]

SITE = """title: Bench Site
base_url: https://bench.example.org/
collections:
  home:
    folder: home
    schema: schemas/home.json
    url: /{id}/
    template: list.ftlh
    url_field: url
  pages:
    folder: pages
    schema: schemas/page.json
    references: {tags: tags}
    url: /pages/{id}/
    template: page.ftlh
    sort: [-date]
  tags:
    file: tags.yaml
    schema: schemas/tag.json
    url: /tags/{id}/
    template: tag.ftlh
"""
SCHEMAS = {
    "home.json": '{"type": "object", "properties": {"title": {"type": "string"}, "url": {"type": "string"}},'
                 ' "required": ["title"], "additionalProperties": false}',
    "page.json": '{"type": "object", "properties": {"title": {"type": "string"}, "date": {"type": "string", "format": "date"},'
                 ' "tags": {"type": "array", "items": {"type": "string"}}, "party": {"type": "string"}},'
                 ' "required": ["title", "date", "tags", "party"], "additionalProperties": false}',
    "tag.json": '{"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"], "additionalProperties": false}',
}
# The same base layout as the peers' (gen-corpus.py base_html), in FreeMarker.
TEMPLATES = {
    "base.ftlh": """<#macro frame title><!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | ${site.title}</title>
<link rel="stylesheet" href="${root}style.css">
</head>
<body>
<nav><a href="${root}index.html">Home</a><#list collections.tags as t> | <a href="${t.href}">${t.id}</a></#list></nav>
<main>
<#nested>
</main>
<footer><p>${site.title} footer. Built for benchmarking.</p></footer>
</body>
</html>
</#macro>
""",
    "page.ftlh": """<#import "base.ftlh" as b><@b.frame title=entry.title><article>
<h1>${entry.title}</h1>
<p class="meta"><time>${entry.date?string("yyyy-MM-dd")}</time> · party: ${entry.party}</p>
<ul class="tags"><#list entry.tags as t><li><a href="${t.href}">${t.id}</a></li></#list></ul>
${entry.content}
</article></@b.frame>
""",
    "list.ftlh": """<#import "base.ftlh" as b><@b.frame title="All pages"><h1>All pages</h1>
<ul>
<#list collections.pages as p><li><a href="${p.href}">${p.title}</a> <time>${p.date?string("yyyy-MM-dd")}</time></li>
</#list></ul></@b.frame>
""",
    "tag.ftlh": """<#import "base.ftlh" as b><@b.frame title="Tag: " + entry.id><h1>Tag: ${entry.id}</h1>
<ul>
<#list entry.referrers.pages![] as p><li><a href="${p.href}">${p.title}</a> <time>${p.date?string("yyyy-MM-dd")}</time></li>
</#list></ul></@b.frame>
""",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def corpus(n):
    """Both corpora for N, generated once and kept under target/bench/corpus."""
    hugo = os.path.join(WORK, "corpus", "hugo-%d" % n)
    ours = os.path.join(WORK, "corpus", "explainer-%d" % n)
    generator = os.path.join(SHARED, "gen-corpus.py")
    if not os.path.exists(generator):
        sys.exit("gen-corpus.py not found in %s; set BENCH_SHARED to the peer benchmark folder" % SHARED)
    if not os.path.isdir(hugo):
        subprocess.run([sys.executable, generator, str(n), "hugo", hugo], check=True, stdout=subprocess.DEVNULL)
    if not os.path.isdir(ours):
        common = tempfile.mkdtemp(dir=WORK)
        subprocess.run([sys.executable, generator, str(n), "common", common + "/c"], check=True, stdout=subprocess.DEVNULL)
        os.makedirs(os.path.join(ours, "content"))
        shutil.move(os.path.join(common, "c", "pages"), os.path.join(ours, "content", "pages"))
        shutil.rmtree(common)
        write(os.path.join(ours, "content", "site.yaml"), SITE)
        for name, text in SCHEMAS.items():
            write(os.path.join(ours, "content", "schemas", name), text + "\n")
        write(os.path.join(ours, "content", "tags.yaml"), "".join("- id: %s\n" % t for t in TAGS))
        write(os.path.join(ours, "content", "home", "index.md"), "---\ntitle: All pages\nurl: /\n---\n")
        for name, text in TEMPLATES.items():
            write(os.path.join(ours, "templates", name), text)
    return hugo, ours


class Variant:
    """explainer on one JDK: how to start it, and what to call it in the table."""

    def __init__(self, home):
        self.env = dict(os.environ)
        self.env.pop("JAVA_HOME", None)
        if home:
            self.env["JAVA_HOME"] = home
        java = os.path.join(home, "bin", "java") if home else "java"
        self.command = [LAUNCHER] if LAUNCH == "script" else [java, "-jar", JAR]
        version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
        self.version = version.splitlines()[0]
        self.label = "JDK " + re.search(r'version "([^"]+)"', version).group(1)


def timed(command, env=None):
    """Wall seconds, peak RSS in MiB, CPU seconds (user + system) and exit code."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    error = process.stderr.read().decode(errors="replace")
    return wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), error


def html_files(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def edit_latency(variant, ours, edits):
    """Times one-page edits in `serve`: the rebuild work it reports, per edit."""
    process = subprocess.Popen(variant.command + ["serve", "--port", "0", "--source", ours],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=variant.env)
    try:
        for line in process.stdout:
            if line.startswith("Serving"):
                break
        page = os.path.join(ours, "content", "pages", "p00001.md")
        original = open(page, encoding="utf-8").read()
        times = []
        for i in range(edits):
            with open(page, "w", encoding="utf-8") as f:
                f.write(original.replace("\n\n", "\n\nEdited %d.\n\n" % i, 1))
            for line in process.stdout:
                match = re.match(r"Rebuilt (\d+) of (\d+) pages in (\d+) ms", line)
                if match:
                    times.append(int(match.group(3)))
                    break
            time.sleep(0.3)
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
        return times
    finally:
        process.terminate()
        process.wait()


def main():
    ns = [int(a) for a in sys.argv[1:]] or [100, 1000, 10000]
    if not shutil.which("hugo"):
        print("Installing Hugo from Debian (apt-get install hugo) ...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=True)
    if not os.path.exists(JAR):
        subprocess.run(["mvn", "-q", "-B", "-DskipTests", "package"], cwd=PROJECT, check=True)
    os.makedirs(WORK, exist_ok=True)
    variants = [Variant(home) for home in JAVA_HOMES]
    os.makedirs(OUT, exist_ok=True)
    outputs = tempfile.mkdtemp(dir=OUT, prefix="explainer-bench-runs-")
    try:
        measure(ns, variants, outputs)
    finally:
        shutil.rmtree(outputs, ignore_errors=True)


def measure(ns, variants, outputs):
    """Times every N; each run's output goes to a new folder under outputs, kept until the end."""
    if LAUNCH == "script":
        # The launcher writes its start-up archive on its first run after the jar changes: not a run to time.
        _, first = corpus(min(ns))
        for variant in variants:
            out = tempfile.mkdtemp(dir=outputs)
            subprocess.run(variant.command + ["build", "--source", first, "--out", out + "/ours"], check=True,
                           stdout=subprocess.DEVNULL, env=variant.env)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    lines = ["# %s; %d cores; hugo %s; %s; runs=%d warmup=%d; explainer via %s; outputs in %s" % (
        time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), os.cpu_count(), hugo_version,
        "; ".join(v.version for v in variants), RUNS, WARMUP,
        "src/scripts/explainer" if LAUNCH == "script" else "java -jar", OUT)]
    lines.append("%8s %-14s %10s %10s %7s  %10s %10s %7s  %12s  %10s %10s" % (
        "pages", "explainer on", "ours s", "hugo s", "ratio", "ours MiB", "hugo MiB", "ratio", "ours ms/page",
        "ours cpu s", "hugo cpu s"))
    print("\n".join(lines), flush=True)
    for n in ns:
        hugo, ours = corpus(n)
        results = {"hugo": []}
        results.update({v.label: [] for v in variants})
        for i in range(WARMUP + RUNS):
            out = tempfile.mkdtemp(dir=outputs)
            runs = [("hugo", "hugo", ["hugo", "--quiet", "--source", hugo, "--destination", out + "/hugo", "--cacheDir", out + "/cache"], None)]
            runs += [(v.label, "ours%d" % k, v.command + ["build", "--source", ours, "--out", out + "/ours%d" % k], v.env)
                     for k, v in enumerate(variants)]
            for label, folder, command, env in runs:
                wall, mib, cpu, code, error = timed(command, env)
                if code != 0:
                    sys.exit("%s failed on N=%d:\n%s" % (label, n, error))
                if i >= WARMUP:
                    results[label].append((wall, mib, cpu))
                count = html_files(os.path.join(out, folder))
                if count != n + 21:
                    sys.exit("N=%d: expected %d HTML files from %s, got %d" % (n, n + 21, label, count))
        hugo_wall, hugo_mib, hugo_cpu = (statistics.median(r[k] for r in results["hugo"]) for k in range(3))
        for variant in variants:
            wall, mib, cpu = (statistics.median(r[k] for r in results[variant.label]) for k in range(3))
            line = "%8d %-14s %10.3f %10.3f %7.2f  %10.1f %10.1f %7.2f  %12.3f  %10.2f %10.2f" % (
                n, variant.label, wall, hugo_wall, wall / hugo_wall, mib, hugo_mib, mib / hugo_mib, 1000 * wall / n,
                cpu, hugo_cpu)
            if EDITS:
                edits = edit_latency(variant, ours, EDITS)
                warm = edits[len(edits) // 2:]
                line += "   serve edit ms: median %d, last half %d (%s)" % (
                    statistics.median(edits), statistics.median(warm), " ".join(map(str, edits)))
            print(line, flush=True)
            lines.append(line)
    with open(os.path.join(WORK, "results.txt"), "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
