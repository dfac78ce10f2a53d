#!/usr/bin/env python3
"""How long `clerk serve` takes to show an edit: serves an archive, waits
for the first build, appends a marked paragraph to one public item, and
times how long until its page, fetched as a browser would after the reload
event, has the mark. Puts the item back afterwards.

usage: bench_serve.py CLERK ARCHIVE [ROUNDS]
Prints one line per round and the median, in seconds."""
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return ""


def public_item(archive):
    """An item of a meeting, not exempt, long enough to matter."""
    for committee in sorted(os.listdir(archive)):
        folder = os.path.join(archive, committee)
        if not os.path.isdir(folder):
            continue
        for meeting in sorted(os.listdir(folder)):
            for name in sorted(os.listdir(os.path.join(folder, meeting))):
                match = re.match(r"([0-9]+)-[^/]+\.md$", name)
                path = os.path.join(folder, meeting, name)
                if match and os.path.isfile(path):
                    text = open(path, encoding="utf-8").read()
                    if "\naccess: exempt" not in text and text.count("\n") > 20:
                        return path, committee, meeting, int(match.group(1))
    sys.exit("no public item found in " + archive)


def main():
    clerk, archive = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    item, committee, meeting, _ = public_item(archive)
    original = open(item, "rb").read()
    stat = os.stat(item)
    anchor = f"Bench anchor {os.getpid()}"
    with open(item, "ab") as handle:
        handle.write(f"\n{anchor}\n".encode())
    log = open(os.path.join(os.environ.get("TMPDIR", "/tmp"), "clerk-bench-serve.log"), "w")
    server = subprocess.Popen(
        [clerk, "serve", archive, "--port", "0"], stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        base = server.stdout.readline().strip()
        # The item's page is the one of its meeting that shows the anchor written before serving.
        page = None
        deadline = time.time() + 600
        while page is None and time.time() < deadline:
            agenda = fetch(base + f"{committee}/{meeting}/")
            for link in sorted(set(re.findall(r'href="(item-[0-9]+\.html)"', agenda))):
                if anchor in fetch(base + f"{committee}/{meeting}/{link}"):
                    page = base + f"{committee}/{meeting}/{link}"
                    break
            if page is None:
                time.sleep(0.5)
        if page is None:
            sys.exit("the preview never served the item's page")
        times = []
        for round in range(rounds):
            mark = f"Edit mark {os.getpid()}-{round}-{time.time_ns()}"
            time.sleep(1.0)  # let the watcher settle
            with open(item, "ab") as handle:
                handle.write(f"\n{mark}\n".encode())
            start = time.time()
            while mark not in fetch(page):
                if time.time() - start > 120:
                    sys.exit("the edit never showed")
                time.sleep(0.02)
            times.append(time.time() - start)
            print(f"  round {round + 1}: the edit showed after {times[-1]:.2f} s")
        print(f"  median: {statistics.median(times):.2f} s")
    finally:
        with open(item, "wb") as handle:
            handle.write(original)
        os.utime(item, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
