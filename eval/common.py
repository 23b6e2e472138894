"""Shared helpers for the provcheck evaluation harness (Python 3, stdlib only).

Nothing here reads or writes data text inside the repository: corpora are
read from the shared eval-data folder, temporary inputs go under /tmp, and
only figures leave this package.
"""

import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

EVAL_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(EVAL_DIR)


def data_root():
    """The shared eval-data folder: $PROVCHECK_EVAL_DATA, else ../shared/eval-data."""
    env = os.environ.get("PROVCHECK_EVAL_DATA")
    if env:
        return env
    return os.path.normpath(os.path.join(REPO, "..", "shared", "eval-data"))


def corpus_dir(name):
    """Path of one corpus folder, or None when it is absent (users' clones)."""
    path = os.path.join(data_root(), name)
    return path if os.path.isdir(path) else None


def corpus_section(title, name):
    """A Section titled TITLE for corpus NAME, and the corpus's folder. The
    folder is None when the corpus is absent, and the Section then says it
    was skipped, in the one wording every scorer uses."""
    sec = Section(title)
    root = corpus_dir(name)
    if not root:
        sec.skip("corpus folder %s not found" % name)
    return sec, root


def binary():
    return os.environ.get("PROVCHECK", os.path.join(REPO, "build", "provcheck"))


def rules_args():
    """`--rules DIR` when $PROVCHECK_RULES names a rules folder to measure
    instead of the shipped packs (eval/run --rules sets it)."""
    rules = os.environ.get("PROVCHECK_RULES")
    return ["--rules", rules] if rules else []


def tmpdir(prefix):
    """A fresh temporary folder under /tmp (never inside the repository)."""
    return tempfile.mkdtemp(prefix="provcheck-eval-" + prefix + "-", dir="/tmp")


def cleanup(path):
    if os.environ.get("PROVCHECK_EVAL_KEEP"):
        return
    shutil.rmtree(path, ignore_errors=True)


def write_text(path, text):
    """Writes text as UTF-8 with '\n' line ends kept exactly as given."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


class ProvcheckError(RuntimeError):
    pass


# Opt-in rule packs the scorers measure beside the default packs. Their
# findings never change the default findings or the score (the engine keeps
# them apart), so one run with them enabled yields both figures: the default
# one from the findings outside these packs, the opt-in one from all.
OPT_IN_PACKS = ("weasel-words",)


def opt_in_args():
    """lint arguments that enable every pack in OPT_IN_PACKS."""
    out = []
    for pack in OPT_IN_PACKS:
        out += ["--enable-pack", pack]
    return out


def is_opt_in(finding):
    """True for a finding of a rule in one of OPT_IN_PACKS."""
    return any(finding["rule"].startswith(pack + ".") for pack in OPT_IN_PACKS)


def split_opt_in(findings):
    """(default findings, opt-in findings), each in the order given."""
    default, opt_in = [], []
    for f in findings:
        (opt_in if is_opt_in(f) else default).append(f)
    return default, opt_in


def run_provcheck(paths, jobs=2, extra=()):
    """Runs `provcheck lint --format json --fail-on none -j JOBS PATHS...`.

    Returns {path as printed: [finding, ...]} and the wall time in seconds.
    """
    exe = binary()
    if not os.path.exists(exe):
        raise ProvcheckError("provcheck binary not found at %s (build it: scripts/build)" % exe)
    cmd = [exe, "lint", "--format", "json", "--fail-on", "none", "-j", str(jobs)]
    cmd += rules_args() + list(extra) + list(paths)
    start = time.time()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.time() - start
    if not proc.stdout.strip():
        raise ProvcheckError("provcheck printed no JSON (exit %d): %s"
                             % (proc.returncode, proc.stderr.decode("utf-8", "replace")[-2000:]))
    try:
        doc = json.loads(proc.stdout.decode("utf-8"))
    except ValueError as e:
        raise ProvcheckError("provcheck printed invalid JSON: %s" % e)
    out = {}
    for d in doc.get("documents", []):
        out[d["path"]] = d.get("findings", [])
    return out, elapsed


def run_on_sentences(sentences, tmp, jobs=2, extra=()):
    """Lints each sentence as a document of its own (one file each, under TMP).

    Sentence corpora are unrelated sentences: written one per line into one
    file, a rule that looks at neighbouring sentences (`unless-near`) would
    see strangers. Returns ([finding, ...], seconds), each finding's line and
    end_line replaced by the 1-based index of its sentence, so that callers
    can treat the result as one file with a sentence per line. EXTRA goes to
    lint before the paths (opt_in_args(), say).
    """
    folder = os.path.join(tmp, "sentences")
    os.makedirs(folder, exist_ok=True)
    for i, sentence in enumerate(sentences, 1):
        write_text(os.path.join(folder, "%07d.txt" % i), sentence + "\n")
    result, seconds = run_provcheck([folder], jobs=jobs, extra=extra)
    out = []
    for path, findings in result.items():
        index = int(os.path.splitext(os.path.basename(path))[0])
        for f in findings:
            if f["line"] != 1 or f["end_line"] != 1:
                continue  # a sentence file has one line; nothing else is a sentence finding
            f = dict(f, line=index, end_line=index)
            out.append(f)
    return out, seconds


def findings_by_name(result, root):
    """Re-keys run_provcheck output by path relative to ROOT (the folder given)."""
    out = {}
    for path, findings in result.items():
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        out[rel] = findings
    return out


# ---------------------------------------------------------------- positions

def line_starts(text):
    """Code-point offset of the start of each line (lines end at '\n' only)."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def finding_offsets(finding, starts):
    """(start, end) code-point offsets of a finding in the text with STARTS."""
    def off(line, col):
        line = max(1, min(line, len(starts)))
        return starts[line - 1] + col - 1
    return off(finding["line"], finding["column"]), off(finding["end_line"], finding["end_column"])


def finding_lines(finding):
    """The 1-based line numbers a finding touches (end line excluded when its
    end column is 1, i.e. the span stops at the line break)."""
    first, last = finding["line"], finding["end_line"]
    if last > first and finding["end_column"] <= 1:
        last -= 1
    return range(first, last + 1)


# ---------------------------------------------------------------- text

TOKEN_RE = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")


def tokens(text):
    """[(start, end)] of word and punctuation tokens in TEXT."""
    return [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


PUNCT_RE = re.compile(r"[^\w\s]+")
SPACE_RE = re.compile(r"\s+")


def norm_space(text):
    return SPACE_RE.sub(" ", text).strip().lower()


def norm_name(text):
    """Lower case, punctuation dropped, leading 'the' dropped, spaces collapsed."""
    t = PUNCT_RE.sub(" ", text.replace("’s", "").replace("'s", "")).lower()
    t = SPACE_RE.sub(" ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


# ---------------------------------------------------------------- scoring

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def pearson(xs, ys):
    n = len(xs)
    if n < 2:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return float("nan")
    return sxy / math.sqrt(sxx * syy)


def max_matching(n_left, n_right, ok):
    """Maximum bipartite matching (Kuhn). OK(i, j) says left i may match right j.

    Returns {left index: right index}. Each side is matched at most once.
    """
    adj = [[j for j in range(n_right) if ok(i, j)] for i in range(n_left)]
    match_right = [-1] * n_right

    def try_left(i, seen):
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if match_right[j] < 0 or try_left(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))
    for i in range(n_left):
        if adj[i]:
            try_left(i, set())
    return {i: j for j, i in enumerate(match_right) if i >= 0}


# ---------------------------------------------------------------- reporting

def fmt(x, digits=3):
    if x is None:
        return "-"
    if isinstance(x, float):
        if math.isnan(x):
            return "n/a"
        return ("%." + str(digits) + "f") % x
    return str(x)


class Section:
    """One evaluation's figures.

    rows:    (metric, ours, anchor or goal, note) -- figures only, go to results.md
    notes:   short notes about method/caveats -- go to results.md
    details: stdout-only lines (may name cue words or rule ids)
    """

    def __init__(self, title):
        self.title = title
        self.rows = []
        self.head = []
        self.notes = []
        self.details = []
        self.skipped = None
        self.seconds = 0.0

    def row(self, metric, ours, anchor="", note="", head=False, met=None):
        """Adds a figure. HEAD puts it in the headline table; MET is True/False
        when the figure has a goal, None otherwise."""
        value = fmt(ours) if not isinstance(ours, str) else ours
        self.rows.append((metric, value, anchor, note))
        if head:
            self.head.append((metric, value, anchor, met))

    def skip(self, why):
        self.skipped = why
        return self


def print_sections(sections, out=sys.stdout):
    w = max([len(r[0]) for s in sections for r in s.rows] + [30])
    for s in sections:
        print("", file=out)
        print("== %s" % s.title + ("  (%.0fs)" % s.seconds if s.seconds else ""), file=out)
        if s.skipped:
            print("   skipped: %s" % s.skipped.strip(), file=out)
            continue
        for metric, ours, anchor, note in s.rows:
            line = "   %-*s %10s" % (w, metric, ours)
            if anchor:
                line += "   [%s]" % anchor
            if note:
                line += "   %s" % note
            print(line, file=out)
        for d in s.details:
            print("   " + d, file=out)


def top_counter(counter, n=15):
    return ", ".join("%s (%d)" % (k, v) for k, v in counter.most_common(n)) or "none"


def standalone(evaluate, argv=None):
    """Entry point shared by the modules: `python3 eval/X.py [--quick] [--release]`."""
    import argparse
    ap = argparse.ArgumentParser(description=evaluate.__doc__)
    ap.add_argument("--quick", action="store_true", help="small subset")
    ap.add_argument("--release", action="store_true", help="also score held-out test data")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    start = time.time()
    sections = evaluate(quick=args.quick, release=args.release, jobs=args.jobs)
    if isinstance(sections, Section):
        sections = [sections]
    print_sections(sections)
    print("\n(%.0fs)" % (time.time() - start))
