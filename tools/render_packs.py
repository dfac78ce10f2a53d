#!/usr/bin/env python3
"""Render Clerk's paged-media ``pack.html`` files to tagged PDFs (WeasyPrint 70).

Usage: .venv-pdf/bin/python tools/render_packs.py JOBS.json

JOBS.json::

    {"workers": 2, "cache": "/abs/cache/dir", "root": "/abs/site",   # root optional
     "jobs": [{"html": "/abs/.../pack.html", "pdf": "/abs/.../pack.pdf",
               "anchors": ["item-1", "item-1-end"], "root": "/abs/site"}]}  # root optional

stdout (one JSON document, results in job order)::

    {"results": [{"pdf": "...", "pages": 42, "anchors": {"item-1": 3, "x": null},
                  "cached": false, "seconds": 1.23, "error": null, "warnings": []}],
     "hits": 0, "misses": 1}

* PDF/UA-1 (tagged), title from <title>, language from <html lang>, bookmarks
  from CSS bookmark-level/bookmark-label, /ID derived from the content.
* Anchor pages are 1-based physical page numbers (first page holding the
  element with that id), null when no such id was laid out.
* No network: only data: URLs and file: URLs inside the tree root are fetched.
  The tree root is job["root"], else the top-level "root", else the nearest
  ancestor of the html's folder that has an ``assets/`` folder (Clerk's site
  layout), else the html's folder.
* Links to local files inside the root are written as paths relative to the
  PDF (not absolute file:// URLs of the build machine).
* Output is byte-for-byte deterministic (WeasyPrint 70 writes no dates unless
  the HTML has <meta name=dcterms.created/modified>; nothing random in PDF/UA-1)
  and independent of where the tree is: WeasyPrint sees it under a fixed
  virtual file: URL (image resource names are md5s of their URLs).
* Cache: <cache>/<key>.pdf + <key>.json, key = sha256 of the HTML, every local
  file it references (stylesheets and their url()/@import, images, objects),
  the anchors, the library/font environment and SCRIPT_VERSION.
* A failing job (missing HTML, a stylesheet that cannot be loaded, any
  WeasyPrint exception) gets "error" and its target PDF is removed; other
  WeasyPrint complaints (missing image, refused URL) go to "warnings" and
  stderr. Exit status is 0 unless the job file cannot be read (2).
"""

import concurrent.futures
import hashlib
import html.parser
import json
import logging
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.request import url2pathname

SCRIPT_VERSION = '2'
with open(os.path.abspath(__file__), 'rb') as _f:
    SCRIPT_SHA256 = hashlib.sha256(_f.read()).hexdigest()

# Options given to write_pdf(); part of the cache key.
PDF_OPTIONS = {
    'pdf_variant': 'pdf/ua-1',   # implies pdf_version 1.7 and pdf_tags=True
    'pdf_identifier': True,      # /ID = md5 of the content: stable, not random
}

_weasyprint = None


def _wp():
    global _weasyprint
    if _weasyprint is None:
        import weasyprint
        _weasyprint = weasyprint
    return _weasyprint


# --------------------------------------------------------------------------
# Paths and URLs

def file_url_to_path(url):
    parts = urlsplit(url)
    if parts.netloc not in ('', 'localhost'):
        return None
    return os.path.realpath(url2pathname(unquote(parts.path)))


def path_to_file_url(path):
    return 'file://' + quote(os.path.abspath(path))


def inside(path, root):
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:
        return False


def tree_root(job, default_root):
    html_dir = os.path.dirname(os.path.realpath(job['html']))
    root = job.get('root') or default_root
    if root:
        return os.path.realpath(root)
    folder = html_dir
    while True:
        if os.path.isdir(os.path.join(folder, 'assets')):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return html_dir
        folder = parent


# --------------------------------------------------------------------------
# Local references (for the cache key)

CSS_URL_RE = re.compile(
    r'''url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)'''
    r'''|@import\s+(?:"([^"]*)"|'([^']*)')''', re.I)
CSS_COMMENT_RE = re.compile(r'/\*.*?\*/', re.S)


def css_refs(text):
    text = CSS_COMMENT_RE.sub('', text)
    for match in CSS_URL_RE.finditer(text):
        ref = next((g for g in match.groups() if g is not None), '')
        if ref.strip():
            yield ref.strip()


class RefParser(html.parser.HTMLParser):
    """Collects (kind, url) of everything WeasyPrint may fetch from an HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs = []       # (is_css, url)
        self.inline_css = []
        self.base = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = {k: (v or '') for k, v in attrs}
        if 'style' in attrs:
            self.inline_css.append(attrs['style'])
        if tag == 'base' and attrs.get('href') and self.base is None:
            self.base = attrs['href'].strip()
        elif tag == 'link' and attrs.get('href'):
            rel = attrs.get('rel', '').lower().split()
            self.refs.append(('stylesheet' in rel, attrs['href'].strip()))
        elif tag in ('img', 'embed', 'input', 'source', 'video', 'audio') and attrs.get('src'):
            self.refs.append((False, attrs['src'].strip()))
        elif tag == 'object' and attrs.get('data'):
            self.refs.append((False, attrs['data'].strip()))
        elif tag in ('image', 'use', 'feimage'):
            for key in ('href', 'xlink:href'):
                if attrs.get(key) and not attrs[key].startswith('#'):
                    self.refs.append((False, attrs[key].strip()))
        elif tag == 'a' and 'attachment' in attrs.get('rel', '').lower().split() and attrs.get('href'):
            self.refs.append((False, attrs['href'].strip()))
        if tag == 'style':
            self._in_style = True

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == 'style':
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.inline_css.append(data)


def local_references(html_path, html_bytes):
    """Sorted ('file', real path) / ('url', url) of all the HTML pulls in, recursively."""
    parser = RefParser()
    parser.feed(html_bytes.decode('utf-8', 'replace'))
    parser.close()
    base = path_to_file_url(html_path)
    if parser.base:
        base = urljoin(base, parser.base)
    todo = [(urljoin(base, ref), is_css) for is_css, ref in parser.refs]
    for css in parser.inline_css:
        todo.extend((urljoin(base, ref), ref.lower().endswith('.css')) for ref in css_refs(css))
    seen = set()
    found = []
    while todo:
        url, is_css = todo.pop()
        scheme = urlsplit(url).scheme.lower()
        if scheme != 'file':
            if scheme != 'data':
                found.append(('url', url))
            continue
        path = file_url_to_path(url.split('#')[0].split('?')[0])
        if path is None or path in seen:
            continue
        seen.add(path)
        found.append(('file', path))
        if is_css or path.endswith('.css'):
            try:
                with open(path, 'rb') as f:
                    text = f.read().decode('utf-8', 'replace')
            except OSError:
                continue
            css_url = path_to_file_url(path)
            todo.extend((urljoin(css_url, ref), ref.lower().split('?')[0].endswith('.css'))
                        for ref in css_refs(text))
    return sorted(found)


def environment_fingerprint():
    """Versions of everything that shapes the layout, and the installed fonts."""
    wp = _wp()
    import ctypes
    import fontTools
    import pydyf
    from weasyprint.text.ffi import pango
    parts = [
        'weasyprint ' + wp.__version__,
        'pydyf ' + pydyf.__version__,
        'fonttools ' + fontTools.version,
        f'pango {pango.pango_version()}',
    ]
    try:
        hb_version = ctypes.CDLL('libharfbuzz.so.0').hb_version_string
        hb_version.restype = ctypes.c_char_p
        parts.append('harfbuzz ' + hb_version().decode())
    except (OSError, AttributeError):
        pass
    font_dirs = ['/usr/share/fonts', '/usr/local/share/fonts',
                 os.path.expanduser('~/.fonts'), os.path.expanduser('~/.local/share/fonts')]
    for top in font_dirs:
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                try:
                    parts.append(f'{path} {os.path.getsize(path)}')
                except OSError:
                    pass
    return hashlib.sha256('\n'.join(parts).encode()).hexdigest()


def cache_key(job, env, root):
    html_path = os.path.realpath(job['html'])
    html_dir = os.path.dirname(html_path)
    with open(html_path, 'rb') as f:
        html_bytes = f.read()
    h = hashlib.sha256()

    def field(name, value):
        if isinstance(value, str):
            value = value.encode()
        h.update(name.encode() + b'\0' + str(len(value)).encode() + b'\0' + value)

    field('script', SCRIPT_VERSION)
    field('script-bytes', SCRIPT_SHA256)   # any edit of this file invalidates too
    field('env', env)
    field('options', json.dumps(PDF_OPTIONS, sort_keys=True))
    field('anchors', json.dumps(list(job['anchors'])))
    # Links to local files are rewritten relative to the PDF's folder.
    field('pdf-dir', os.path.relpath(os.path.dirname(os.path.abspath(job['pdf'])), html_dir))
    field('html-in-root', os.path.relpath(html_path, root))
    field('html', html_bytes)
    for kind, ref in local_references(html_path, html_bytes):
        if kind == 'url':
            field('url', ref)
            continue
        field('file', os.path.relpath(ref, html_dir))
        try:
            with open(ref, 'rb') as f:
                field('bytes', hashlib.sha256(f.read()).hexdigest())
        except OSError:
            field('missing', '')
    return h.hexdigest()


# --------------------------------------------------------------------------
# Rendering

# WeasyPrint sees the tree under this fixed file: URL prefix instead of its real
# location: image resource names (md5 of the URL) and link targets then do not
# depend on where the build folder is, so the PDF bytes do not either.
VIRTUAL_ROOT = 'file:///clerk-pack-root/'


def virtual_url(path, root):
    return VIRTUAL_ROOT + quote(os.path.relpath(path, root))


def resolve_local(url, root):
    """Real path of a file: URL (virtual or real) if it is inside root, else None."""
    url = url.split('#')[0].split('?')[0]
    if url.startswith(VIRTUAL_ROOT):
        path = os.path.realpath(os.path.join(root, url2pathname(unquote(url[len(VIRTUAL_ROOT):]))))
    else:
        path = file_url_to_path(url)
    if path is not None and inside(path, root):
        return path
    return None


def make_fetcher(root):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class VirtualResponse(URLFetcherResponse):
        # .url stays virtual (it is the base URL of a fetched stylesheet);
        # .path is the real file, which WeasyPrint reads images from lazily.
        real_path = None

        @property
        def path(self):
            return self.real_path

    class LocalOnlyFetcher(URLFetcher):
        """data: URLs, and file: URLs inside the tree root; nothing else."""

        def fetch(self, url, headers=None):
            scheme = url.split(':', 1)[0].lower()
            if scheme == 'data':
                return super().fetch(url, headers)
            if scheme == 'file':
                path = resolve_local(url, root)
                if path is None:
                    raise ValueError(f'refused (outside the tree root): {url}')
                response = super().fetch(path_to_file_url(path), headers)
                response.__class__ = VirtualResponse
                response.real_path = path
                response.url = url
                return response
            raise ValueError(f'refused (no network access): {url}')

    return LocalOnlyFetcher(allowed_protocols=('file', 'data'))


def relative_links_finisher(root, pdf_dir):
    """Rewrite link annotations to local files inside root as relative URIs."""
    import pydyf

    def rewrite(string):
        value = string.string if isinstance(string, pydyf.String) else None
        if not isinstance(value, str) or not value.startswith('file:'):
            return None
        path = resolve_local(value, root)
        if path is None:
            return None
        fragment = urlsplit(value).fragment
        return pydyf.String(quote(os.path.relpath(path, pdf_dir)) + ('#' + fragment if fragment else ''))

    def finisher(document, pdf):
        for obj in pdf.objects:
            if not isinstance(obj, pydyf.Dictionary) or obj.get('Subtype') != '/Link':
                continue
            action = obj.get('A')
            if isinstance(action, pydyf.Dictionary) and action.get('S') == '/URI':
                new = rewrite(action.get('URI'))
                if new is not None:
                    action['URI'] = new
                    if 'Contents' in obj:
                        obj['Contents'] = pydyf.String(new.string)
    return finisher


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        try:
            self.messages.append(record.getMessage())
        except Exception:  # pragma: no cover
            self.messages.append(str(record.msg))


def _atomic_write_copy(src, dest):
    folder = os.path.dirname(os.path.abspath(dest)) or '.'
    fd, tmp = tempfile.mkstemp(prefix='.' + os.path.basename(dest) + '.', dir=folder)
    try:
        with os.fdopen(fd, 'wb') as out, open(src, 'rb') as inp:
            shutil.copyfileobj(inp, out, 1 << 20)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _atomic_write_bytes(data, dest):
    folder = os.path.dirname(os.path.abspath(dest)) or '.'
    fd, tmp = tempfile.mkstemp(prefix='.' + os.path.basename(dest) + '.', dir=folder)
    try:
        with os.fdopen(fd, 'wb') as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# An agenda's page reference: <a class="page-ref" href="#item-5" data-end="#item-5-end">.
PAGE_REF_RE = re.compile(r'<a class="page-ref" href="#([^"]+)" data-end="#([^"]+)"')
MAX_LAYOUTS = 3


def first_pages(document):
    first_page = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            first_page.setdefault(anchor, number)
    return first_page


def lay_out(wp, html_path, root, collect):
    """Lays the pack out; when an agenda page reference spans one page, marks
    it ``page-ref--single`` (printed "Page 23", not "Pages 23 - 23") and lays
    the pack out again, until the marks match the pages (at most 3 times)."""
    with open(html_path, 'rb') as f:
        text = f.read().decode('utf-8')
    refs = PAGE_REF_RE.findall(text)
    cache = {}
    singles = set()
    source = None
    for _ in range(MAX_LAYOUTS):
        html = (wp.HTML(filename=html_path, base_url=virtual_url(html_path, root), url_fetcher=make_fetcher(root))
                if source is None else
                wp.HTML(string=source, base_url=virtual_url(html_path, root), url_fetcher=make_fetcher(root)))
        document = html.render(cache=cache)
        # A pack without its stylesheet has meaningless page numbers.
        missing_css = [m for m in collect.messages if m.startswith('Failed to load stylesheet')]
        if missing_css:
            raise RuntimeError('; '.join(missing_css))
        first_page = first_pages(document)
        found = {start for start, end in refs
                 if first_page.get(start) is not None and first_page.get(start) == first_page.get(end)}
        if found == singles:
            break
        singles = found

        def mark(match):
            if match.group(1) in singles:
                return match.group(0).replace('class="page-ref"', 'class="page-ref page-ref--single"', 1)
            return match.group(0)
        source = PAGE_REF_RE.sub(mark, text)
    return document, first_page


def render_job(job, root, key, cache_dir):
    """Render one pack (in a worker). Returns a result dict."""
    start = time.monotonic()
    wp = _wp()
    logger = logging.getLogger('weasyprint')
    collect = _Collect()
    logger.addHandler(collect)
    result = {'pdf': job['pdf'], 'pages': None, 'anchors': None, 'cached': False,
              'seconds': None, 'error': None, 'warnings': []}
    try:
        html_path = os.path.realpath(job['html'])
        if not os.path.isfile(html_path):
            raise FileNotFoundError(f'no such HTML file: {job["html"]}')
        if not inside(html_path, root):
            raise ValueError(f'{job["html"]} is not inside the tree root {root}')
        document, first_page = lay_out(wp, html_path, root, collect)
        anchors = {a: first_page.get(a) for a in job['anchors']}
        pdf_dir = os.path.dirname(os.path.abspath(job['pdf']))
        data = document.write_pdf(
            finisher=relative_links_finisher(root, pdf_dir), **PDF_OPTIONS)
        os.makedirs(pdf_dir, exist_ok=True)
        _atomic_write_bytes(data, job['pdf'])
        result.update(pages=len(document.pages), anchors=anchors)
        if cache_dir and key:
            try:
                os.makedirs(cache_dir, exist_ok=True)
                _atomic_write_bytes(data, os.path.join(cache_dir, key + '.pdf'))
                meta = {'pages': result['pages'], 'anchors': anchors, 'bytes': len(data),
                        'sha256': hashlib.sha256(data).hexdigest(),
                        'warnings': list(dict.fromkeys(collect.messages))}
                _atomic_write_bytes(json.dumps(meta).encode(), os.path.join(cache_dir, key + '.json'))
            except OSError as exc:
                collect.messages.append(f'cache not written: {exc}')
    except Exception as exc:  # one bad pack must not stop the others
        message = f'{type(exc).__name__}: {exc}'.strip()
        result['error'] = message
        print(f'render_packs: {job["pdf"]}: {message}', file=sys.stderr)
        if not isinstance(exc, (OSError, RuntimeError, ValueError)):
            traceback.print_exc(file=sys.stderr)
        try:
            os.unlink(job['pdf'])    # no stale PDF for a pack that failed
        except OSError:
            pass
    finally:
        logger.removeHandler(collect)
    result['warnings'] = list(dict.fromkeys(collect.messages))  # each once, though laid out again
    result['seconds'] = round(time.monotonic() - start, 3)
    return result


def from_cache(job, key, cache_dir):
    start = time.monotonic()
    meta_path = os.path.join(cache_dir, key + '.json')
    pdf_path = os.path.join(cache_dir, key + '.pdf')
    try:
        with open(meta_path, 'rb') as f:
            meta = json.load(f)
        if os.path.getsize(pdf_path) != meta['bytes']:
            return None
        os.makedirs(os.path.dirname(os.path.abspath(job['pdf'])), exist_ok=True)
        _atomic_write_copy(pdf_path, job['pdf'])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return {'pdf': job['pdf'], 'pages': meta['pages'],
            'anchors': {a: meta['anchors'].get(a) for a in job['anchors']},
            'cached': True, 'seconds': round(time.monotonic() - start, 3), 'error': None,
            'warnings': meta.get('warnings', [])}


def _worker_init():
    # Worker stdout is stderr already (fd 1 was redirected before forking).
    logging.getLogger('weasyprint').setLevel(logging.WARNING)


def _run(args):
    index, job, root, key, cache_dir = args
    return index, render_job(job, root, key, cache_dir)


# --------------------------------------------------------------------------

def read_jobs(path):
    with open(path, 'rb') as f:
        request = json.load(f)
    if not isinstance(request, dict) or not isinstance(request.get('jobs'), list):
        raise ValueError('expected an object with a "jobs" list')
    for number, job in enumerate(request['jobs']):
        if not (isinstance(job, dict) and isinstance(job.get('html'), str)
                and isinstance(job.get('pdf'), str)):
            raise ValueError(f'job {number}: needs "html" and "pdf" strings')
        anchors = job.setdefault('anchors', [])
        if not isinstance(anchors, list) or not all(isinstance(a, str) for a in anchors):
            raise ValueError(f'job {number}: "anchors" must be a list of strings')
    return request


def main(argv):
    if len(argv) != 2:
        print('usage: render_packs.py JOBS.json', file=sys.stderr)
        return 2
    try:
        request = read_jobs(argv[1])
    except (OSError, ValueError) as exc:
        print(f'render_packs: cannot read job file {argv[1]}: {exc}', file=sys.stderr)
        return 2

    # Keep stdout for the JSON answer only: anything else written to fd 1
    # (library chatter, C-level warnings, workers) goes to stderr.
    sys.stdout.flush()
    answer = os.fdopen(os.dup(1), 'w', encoding='utf-8')
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format='render_packs: %(name)s: %(levelname)s: %(message)s')

    jobs = request['jobs']
    cache_dir = request.get('cache') or None
    try:
        workers = max(1, int(request.get('workers') or 1))
    except (TypeError, ValueError):
        workers = 1
    env = environment_fingerprint()
    results = [None] * len(jobs)
    todo = []
    hits = misses = 0
    for index, job in enumerate(jobs):
        try:
            root = tree_root(job, request.get('root'))
            key = cache_key(job, env, root) if cache_dir else None
        except OSError as exc:
            misses += 1
            print(f'render_packs: {job["pdf"]}: {type(exc).__name__}: {exc}', file=sys.stderr)
            results[index] = {'pdf': job['pdf'], 'pages': None, 'anchors': None, 'cached': False,
                              'seconds': 0.0, 'error': f'{type(exc).__name__}: {exc}', 'warnings': []}
            try:
                os.unlink(job['pdf'])
            except OSError:
                pass
            continue
        hit = from_cache(job, key, cache_dir) if key else None
        if hit is not None:
            hits += 1
            results[index] = hit
        else:
            misses += 1
            todo.append((index, job, root, key, cache_dir))

    # Biggest packs first, so the pool does not end on one long job.
    todo.sort(key=lambda t: -_size(t[1]['html']))
    workers = min(workers, len(todo))
    if workers <= 1:
        _worker_init()
        for item in todo:
            index, result = _run(item)
            results[index] = result
    elif todo:
        context = multiprocessing.get_context('fork')
        crashed = []
        with concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=context, initializer=_worker_init) as pool:
            futures = {pool.submit(_run, item): item for item in todo}
            for future in concurrent.futures.as_completed(futures):
                try:
                    index, result = future.result()
                    results[index] = result
                except Exception:   # a worker died (segfault, out of memory):
                    crashed.append(futures[future])   # the whole pool is gone
        # Retry those one by one, each in a fresh process, so only the job that
        # really kills its process fails.
        for item in sorted(crashed, key=lambda t: t[0]):
            index, job = item[:2]
            with concurrent.futures.ProcessPoolExecutor(
                    1, mp_context=context, initializer=_worker_init) as pool:
                try:
                    results[index] = pool.submit(_run, item).result()[1]
                except Exception as exc:
                    results[index] = {
                        'pdf': job['pdf'], 'pages': None, 'anchors': None, 'cached': False,
                        'seconds': None, 'warnings': [],
                        'error': f'renderer process died: {type(exc).__name__}: {exc}'}
                    try:
                        os.unlink(job['pdf'])
                    except OSError:
                        pass

    json.dump({'results': results, 'hits': hits, 'misses': misses}, answer, indent=1)
    answer.write('\n')
    answer.flush()
    return 0


def _size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
