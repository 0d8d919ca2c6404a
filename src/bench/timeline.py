#!/usr/bin/env python3
"""Which threads were busy when: a build's CPU samples per 100 ms, by thread, from perf.

usage: perf record -e cpu-clock -F 999 -g -o perf.data java -XX:+PreserveFramePointer \\
           -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -jar target/explainer.jar build --out /tmp/x
       perf script -i perf.data -F comm,tid,time,ip,sym | src/bench/timeline.py [FROM TO [THREAD]]

Prints one line per 100 ms: how many samples (at 999 Hz, ~100 is one busy core) went to the
main thread, the fork-join workers, the compiler (C1/C2), the VM thread (the serial collector
runs there) and others. A stretch where only `main` works is a serial part of the build: the
tail of a parallel stage, or work nobody parallelised. With FROM and TO (seconds from the first
sample) it lists instead the explainer, JDK and kernel frames most often on the stacks of THREAD
(default: main) in that window, which names what that serial part is.
"""
import collections
import sys


def group(comm):
    for prefix, name in (("java", "main"), ("ForkJoinPool", "fj"), ("C1", "C1"), ("C2", "C2"), ("VM Thread", "GC")):
        if comm.startswith(prefix):
            return name
    return comm.split()[0][:12] if comm.split() else "?"


def samples(lines):
    """(seconds from the first sample, thread group, stack frames leaf first) per sample."""
    start = None
    head = None
    stack = []
    for line in lines:
        if not line.strip():
            continue
        if line[0] in " \t":
            stack.append(line.strip().split(None, 1)[-1])
            continue
        if head is not None:
            yield head + (stack,)
        stack = []
        fields = line.split()
        times = [f for f in fields if f.endswith(":") and f[:-1].replace(".", "").isdigit()]
        if not times:
            head = None
            continue
        t = float(times[0][:-1])
        start = t if start is None else start
        head = (t - start, group(line.split(times[0])[0].strip()))
    if head is not None:
        yield head + (stack,)


def main():
    window = (float(sys.argv[1]), float(sys.argv[2])) if len(sys.argv) >= 3 else None
    thread = sys.argv[3] if len(sys.argv) >= 4 else "main"
    buckets = collections.defaultdict(collections.Counter)
    frames = collections.Counter()
    total = 0
    for at, who, stack in samples(sys.stdin):
        buckets[int(at * 10)][who] += 1
        if window and window[0] <= at < window[1] and who == thread:
            total += 1
            for frame in set(stack):
                if "dev.explainer" in frame or "java.nio" in frame or frame.startswith("__x64_sys"):
                    frames[frame] += 1
    if window:
        print(f"{total} samples of {thread} from {window[0]} to {window[1]} s")
        for frame, count in frames.most_common(25):
            print(f"{count:6d}  {frame[:150]}")
        return
    for bucket in sorted(buckets):
        print(f"{bucket / 10:5.1f} s  " + "  ".join(f"{who}={n:3d}" for who, n in sorted(buckets[bucket].items())))


if __name__ == "__main__":
    main()
