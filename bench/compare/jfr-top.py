#!/usr/bin/env python3
"""Where a process's CPU went, from a flight recording (bench/compare.sh with COMPARE_JFR): the share of execution
samples per top frame (self), and per package seen anywhere on the stack (inclusive, counted once per sample).
Usage: jfr-top.py <recording.jfr> [rows]      (needs the JDK's `jfr` on PATH or in $JAVA_HOME/bin)"""
import collections
import json
import os
import shutil
import subprocess
import sys

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 15
jfr = shutil.which("jfr") or os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr")
out = subprocess.run([jfr, "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]


def package(frame):
    parts = frame["method"]["type"]["name"].replace("/", ".").split(".")[:-1]
    # the first three or four segments name the library: org.springframework.security, reactor.netty.http, ...
    return ".".join(parts[:4] if parts[0] in ("org", "com", "io") else parts[:3])


def method(frame):
    m = frame["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


self_methods = collections.Counter()
self_packages = collections.Counter()
inclusive = collections.Counter()
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    if not frames:
        continue
    self_methods[method(frames[0])] += 1
    self_packages[package(frames[0])] += 1
    for p in {package(f) for f in frames}:
        inclusive[p] += 1
n = sum(self_methods.values()) or 1
print(f"{path}: {n} execution samples")
for title, counter in (("self, by method", self_methods), ("self, by package", self_packages),
                       ("inclusive, by package", inclusive)):
    print(f"  {title}:")
    for key, count in counter.most_common(rows):
        print(f"    {100 * count / n:5.1f}%  {key}")
