#!/usr/bin/env python3
"""Clerk's PDF engine: lays pack HTML out with WeasyPrint 70 and writes the PDF.

Installed as .venv-pdf/bin/clerk-weasyprint by tools/pdf-setup.sh. Clerk
(Sources/ClerkRender/PDF) plans the jobs, keeps the cache, runs several of
these and decides when a pack is laid out again; this only renders. One JSON
job per line on stdin, one JSON answer per line on stdout:

  {"html": ".../pack.html", "base": ".../pack.html", "pdf": ".../.pack.pdf.tmp",
   "root": "/abs/public", "anchors": ["item-1"]}
  {"pages": 42, "anchors": {"item-1": 3}, "error": null}

Relative URLs resolve against "base" (default "html"); anchor pages are
1-based, null when not laid out. Only data: URLs and file: URLs inside "root"
are fetched, never the network. WeasyPrint sees the root under a fixed URL,
so the bytes (PDF/UA-1, /ID from the content) do not depend on where the tree
is; links to local files become paths relative to the PDF. A stylesheet that
cannot be loaded, or any exception, is an "error"; warnings go to stderr.
"""

import json
import logging
import os
import sys
from urllib.parse import quote, unquote, urlsplit
from urllib.request import url2pathname

import pydyf
import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

VIRTUAL_ROOT = 'file:///clerk-pack-root/'
PDF_OPTIONS = {'pdf_variant': 'pdf/ua-1', 'pdf_identifier': True}


def resolve_local(url, root):
    """Real path of a file: URL (virtual or real) inside root, else None."""
    url = url.split('#')[0].split('?')[0]
    if url.startswith(VIRTUAL_ROOT):
        path = os.path.join(root, url2pathname(unquote(url[len(VIRTUAL_ROOT):])))
    else:
        parts = urlsplit(url)
        path = url2pathname(unquote(parts.path)) if parts.netloc in ('', 'localhost') else None
    if path is None:
        return None
    path = os.path.realpath(path)
    return path if os.path.commonpath([path, root]) == root else None


class VirtualResponse(URLFetcherResponse):
    # .url stays virtual (a stylesheet's base URL); .path is the real file.
    real_path = None

    @property
    def path(self):
        return self.real_path


class LocalOnlyFetcher(URLFetcher):
    """data: URLs, and file: URLs inside the tree root; nothing else."""

    def __init__(self, root):
        super().__init__(allowed_protocols=('file', 'data'))
        self.root = root

    def fetch(self, url, headers=None):
        scheme = url.split(':', 1)[0].lower()
        if scheme == 'data':
            return super().fetch(url, headers)
        if scheme != 'file':
            raise ValueError(f'refused (no network access): {url}')
        path = resolve_local(url, self.root)
        if path is None:
            raise ValueError(f'refused (outside the tree root): {url}')
        response = super().fetch('file://' + quote(path), headers)
        response.__class__ = VirtualResponse
        response.real_path, response.url = path, url
        return response


def relative_links(root, pdf_dir):
    """A finisher writing links to local files as paths relative to the PDF."""
    def finisher(document, pdf):
        for obj in pdf.objects:
            if not isinstance(obj, pydyf.Dictionary) or obj.get('Subtype') != '/Link':
                continue
            action = obj.get('A')
            if not isinstance(action, pydyf.Dictionary) or action.get('S') != '/URI':
                continue
            value = getattr(action.get('URI'), 'string', None)
            path = resolve_local(value, root) if isinstance(value, str) and value.startswith('file:') else None
            if path is not None:
                fragment = urlsplit(value).fragment
                new = quote(os.path.relpath(path, pdf_dir)) + ('#' + fragment if fragment else '')
                action['URI'] = pydyf.String(new)
                if 'Contents' in obj:
                    obj['Contents'] = pydyf.String(new)
    return finisher


class Collect(logging.Handler):
    def emit(self, record):
        self.messages.append(record.getMessage())


CACHES = {}  # per tree root: images and stylesheets stay loaded between layouts


def render(job):
    root = os.path.realpath(job['root'])
    base = os.path.realpath(job.get('base') or job['html'])
    if os.path.commonpath([base, root]) != root:
        raise ValueError(f'{base} is not inside the tree root {root}')
    collect = Collect(logging.WARNING)
    collect.messages = []
    logging.getLogger('weasyprint').addHandler(collect)
    try:
        document = weasyprint.HTML(
            filename=job['html'], base_url=VIRTUAL_ROOT + quote(os.path.relpath(base, root)),
            url_fetcher=LocalOnlyFetcher(root)).render(cache=CACHES.setdefault(root, {}))
    finally:
        logging.getLogger('weasyprint').removeHandler(collect)
    missing = [m for m in collect.messages if m.startswith('Failed to load stylesheet')]
    if missing:  # without its stylesheet, a pack's page numbers mean nothing
        raise RuntimeError('; '.join(missing))
    first_page = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            first_page.setdefault(anchor, number)
    pdf_dir = os.path.dirname(os.path.abspath(job['pdf']))
    document.write_pdf(job['pdf'], finisher=relative_links(root, pdf_dir), **PDF_OPTIONS)
    return {'pages': len(document.pages), 'anchors': {a: first_page.get(a) for a in job.get('anchors', [])},
            'error': None}


def main():
    # stdout carries the answers only: anything else written to fd 1 goes to stderr.
    answers = os.fdopen(os.dup(1), 'w', encoding='utf-8')
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format='clerk-weasyprint: %(name)s: %(levelname)s: %(message)s')
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = render(json.loads(line))
        except Exception as exc:  # one bad pack must not stop the others
            answer = {'pages': None, 'anchors': None, 'error': f'{type(exc).__name__}: {exc}'.strip()}
        answers.write(json.dumps(answer) + '\n')
        answers.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main())
