#!/usr/bin/env python3
"""Where a build's CPU goes, by part: reads `perf script` output (samples
with call stacks, from `perf record -g`) on stdin and prints each part's
share of the samples. Used by tools/profile.sh.

A sample belongs to the kernel when its innermost frame is the kernel's;
else to markdown parsing when any frame is cmark-gfm's or the parser's;
else to the part of the innermost frame whose type names one (the audit,
the templates, the writer, the loader, the pages); else to "other".
"""
import collections
import itertools
import re
import sys

# Checked in this order against the owner of each frame ("Module.Type",
# from the Swift symbol), innermost first.
PARTS = [
    ("audit", r"^ClerkAudit\."),
    ("render: templates", r"^ClerkRender\.(CompiledTemplates|TemplateSet|FragmentCache|TemplateValue|HTMLEscape|TemplateFormat)$"),
    ("write: files and digests", r"^ClerkRender\.(OutputTree|WrittenFile)$|^Crypto\.|sha256"),
    ("write: record, manifests, stamps", r"^ClerkBuild\.(IncrementalRecord|TreeManifest|TreeStamp|OutputTimes|Publish|RecordedSummaries|KeptBuild)$|^ClerkIntegrity\.|^ClerkCore\.PrettyJSON$"),
    ("load: keys", r"^ClerkBuild\.(ReusePlan|Inputs|InputTree|ContentFacts|ArchiveKey|RecordedFiles|ExecutableDigest)$"),
    ("load: files, YAML, checks, plans", r"^ClerkCore\.(MeetingLoader|ArchiveLoader|ContentFiles|YAMLReader|YAMLFields|FrontMatter|MeetingChecker|MeetingPlanner|ItemText|StandingItems|TreeWalk|FileStamp|ExemptionRegister|AgendaNumbering)$|^Yams\."),
    ("render: pages and outputs", r"^ClerkRender\.|^Markdown\.RenderedHTML$|^ClerkBuild\.(RenderMeetings|RenderArchivePages)$"),
]
# The parser's own types (a type named after its module, `MarkdownDocument`,
# is mangled with a substitution: matched in the symbol's first characters).
PARSE_TYPES = re.compile(r"^\$s8Markdown.{0,6}(Document|CmarkTree|CmarkNode|HTMLPostProcessor|RenderPlan|ComplexityGuard|SourceText|LinkCollector|HeadingCollector|PlainTextCollector|StatusBadge|FootnoteInliner)")
COMPILED = [(name, re.compile(pattern)) for name, pattern in PARTS]


def owner(symbol):
    """ "Module.Type" of a Swift symbol ($s, then two names, each after its
    length); the plain name of a C one; None for the runtime's own."""
    if not symbol.startswith("$s"):
        return None if symbol.startswith("swift") or symbol.startswith("_swift") else symbol
    names = []
    rest = symbol[2:]
    for _ in range(2):
        match = re.match(r"(\d+)", rest)
        if not match:
            break
        length = int(match.group(1))
        start = len(match.group(1))
        names.append(rest[start:start + length])
        rest = rest[start + length:]
    return ".".join(names) if names else None


def part(frames):
    symbol, dso = frames[0]
    if "kernel" in dso:
        return "kernel"
    for symbol, dso in frames:
        if "libcmark" in dso or PARSE_TYPES.search(symbol):
            return "load: markdown parse (cmark-gfm and Clerk's HTML pass)"
    for symbol, _ in frames:
        name = owner(symbol)
        if not name:
            continue
        for part_name, pattern in COMPILED:
            if pattern.search(name):
                return part_name
    return "other (runtime, allocator, threads)"


def main():
    counts = collections.Counter()
    frames = []
    # A blank line ends each sample (one more after the last).
    for line in itertools.chain(sys.stdin, ["\n"]):
        if not line.strip():
            if frames:
                counts[part(frames)] += 1
            frames = []
        elif line[0] in " \t":
            match = re.match(r"\s*[0-9a-f]+ (.*) \((.*)\)\s*$", line)
            if match:
                frames.append((match.group(1).split("+0x")[0], match.group(2)))
    total = sum(counts.values())
    if total == 0:
        sys.exit("no samples with call stacks on stdin")
    for name, count in counts.most_common():
        print("%5.1f%%  %s" % (100.0 * count / total, name))
    print("%d samples" % total)


if __name__ == "__main__":
    main()
