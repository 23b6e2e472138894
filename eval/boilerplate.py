#!/usr/bin/env python3
"""Boilerplate line flagging: Scrapinghub article-extraction benchmark and the
trafilatura English must-keep / must-drop snippets."""

import gzip
import hashlib
import json
import os
import re
import shutil
import sys
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SCRAPINGHUB = "scrapinghub-article-extraction-benchmark"
TRAFILATURA = "trafilatura-eval-en"
PUBLISHED_F1 = [("trafilatura", 0.958), ("newspaper4k", 0.949), ("readability.js", 0.947),
                ("boilerpipe", 0.860), ("jusText", 0.804), ("html-text (unfiltered)", 0.665)]


# ---------------------------------------------------------------- benchmark metric

WORD_RE = re.compile(r"\w+")


def shingles(text, n=4):
    """Counter of n-token shingles; a text shorter than n tokens is one shingle."""
    toks = WORD_RE.findall(text or "")
    out = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        sh = tuple(toks[i:i + n])
        if sh:
            out[sh] += 1
    return out


def shingle_tp_fp_fn(true, pred):
    """Per-document (tp, fp, fn) over 4-shingles, divided by their sum."""
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0
    for key in set(t) | set(p):
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def benchmark_f1(triples):
    """The benchmark's figure: precision and recall averaged over documents,
    F1 from the two averages. Returns (P, R, F1)."""
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    ps = [prec(*x) for x in triples if x[0] + x[1] > 0]
    rs = [rec(*x) for x in triples if x[0] + x[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# ---------------------------------------------------------------- Scrapinghub

def load_output(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    d = d.get("output", d)
    return {k: v.get("articleBody", "") or "" for k, v in d.items()}


# An extractor writes list items as "- item" and table rows as
# "| cell | cell |" (trafilatura does both); the ground truth holds the
# items' and cells' text without that markup. Looking the raw line up in
# the truth labelled 270 of trafilatura's 285 list items and 178 of its 190
# table rows boilerplate when the annotators kept them as article.
LIST_MARK_RE = re.compile(r"^(?:[-*•]|\d{1,3}[.)])\s+")
TABLE_RULE_RE = re.compile(r"^[|:\-\s]+$")


def label_line(line, gt):
    """None for a line too short to judge (under 3 characters, or an
    extractor's table rule with no text); else True when the line is
    boilerplate: neither it, nor its text without a list marker, nor every
    cell of it as a table row, is in gt (the normalised article body)."""
    text = line.strip()
    if len(text) < 3 or TABLE_RULE_RE.match(text):
        return None
    if common.norm_space(text) in gt:
        return False
    item = LIST_MARK_RE.sub("", text, count=1)
    if item != text and common.norm_space(item) in gt:
        return False
    if "|" in text:
        cells = [common.norm_space(c) for c in text.strip("|").split("|")]
        cells = [c for c in cells if c]
        if cells and all(c in gt for c in cells):
            return False
    return True


def boilerplate_lines(findings):
    out = set()
    for f in findings:
        if f["kind"] == "boilerplate":
            out.update(common.finding_lines(f))
    return out


def score_lines(pages, truth, found):
    """pages: {id: text}; returns counts, rule counters and (P, R, F1) of shingles."""
    c = Counter()
    tp_rules, fp_rules = Counter(), Counter()
    triples, triples_base = [], []
    missed = Counter()          # normalised missed line -> pages
    for pid in sorted(pages):
        seen_missed = set()
        lines = pages[pid].split("\n")
        first_line = next((i for i, line in enumerate(lines, 1) if len(line.strip()) >= 3), 0)
        gt = common.norm_space(truth[pid])
        findings = found.get(pid + ".txt", [])
        flagged = boilerplate_lines(findings)
        rules_on = {}
        for f in findings:
            if f["kind"] == "boilerplate":
                for ln in common.finding_lines(f):
                    rules_on.setdefault(ln, set()).add(f["rule"])
        kept = []
        for i, line in enumerate(lines, 1):
            hit = i in flagged
            if not hit:
                kept.append(line)
            boiler = label_line(line, gt)
            if boiler is None:
                c["trivial"] += 1
                continue
            c["lines"] += 1
            c["boiler"] += boiler
            c["boiler_first"] += boiler and i == first_line
            if hit and boiler:
                c["tp"] += 1
                tp_rules.update(rules_on.get(i, ()))
            elif hit:
                c["fp"] += 1
                fp_rules.update(rules_on.get(i, ()))
            elif boiler:
                c["fn"] += 1
                n = len(line.split())
                c["fn_words_%s" % ("1-3" if n <= 3 else "4-8" if n <= 8 else "9+")] += 1
                seen_missed.add(common.norm_space(line))
        missed.update(seen_missed)
        triples.append(shingle_tp_fp_fn(truth[pid], "\n".join(kept)))
        triples_base.append(shingle_tp_fp_fn(truth[pid], pages[pid]))
    c.missed = missed
    return c, tp_rules, fp_rules, benchmark_f1(triples), benchmark_f1(triples_base)


def run_pages(pages, jobs, tag):
    tmp = common.tmpdir(tag)
    try:
        for pid, text in pages.items():
            common.write_text(os.path.join(tmp, pid + ".txt"), text)
        res, secs = common.run_provcheck([tmp], jobs=jobs)
        return common.findings_by_name(res, tmp), secs
    finally:
        common.cleanup(tmp)


def load_truth(root, quick):
    """The benchmark's article bodies by page id, and the ids to score (the
    first 40 in --quick)."""
    with open(os.path.join(root, "ground-truth.json"), encoding="utf-8") as f:
        truth = {k: v.get("articleBody", "") or "" for k, v in json.load(f).items()}
    ids = sorted(truth)
    return truth, ids[:40] if quick else ids


def scrapinghub(sec, root, quick, jobs):
    truth, ids = load_truth(root, quick)
    for name, label in (("html-text", "unfiltered page text (html-text)"),
                        ("trafilatura", "trafilatura output (post-extractor)"),
                        ("newspaper", "newspaper output (post-extractor)")):
        path = os.path.join(root, "baseline-outputs", name + ".json")
        if not os.path.exists(path):
            continue
        pages = {k: v for k, v in load_output(path).items() if k in ids}
        found, secs = run_pages(pages, jobs, "scrapinghub")
        c, tp_rules, fp_rules, (sp, sr, sf), (bp, br, bf) = score_lines(pages, truth, found)
        p, r, f = common.prf(c["tp"], c["fp"], c["fn"])
        sec.row("%s: pages / lines (>=3 chars) / boilerplate" % label,
                "%d/%d/%d" % (len(pages), c["lines"], c["boiler"]))
        # The issue states the line goal on what an extractor leaves
        # (trafilatura, newspaper); unfiltered page text is mostly furniture
        # and is reported beside it, not in its place.
        post_extractor = name != "html-text"
        goal = "goal P>=0.90 R>=0.70" if post_extractor else "the goal is stated on post-extractor output"
        sec.row("%s: line P / R / F1" % label, "%.3f/%.3f/%.3f" % (p, r, f), goal, head=True,
                met=(p >= 0.90 and r >= 0.70) if post_extractor else None)
        # The same pages split as the HTML scorer splits them: rules for
        # plain-text furniture are designed on the dev half only.
        for half in ("dev", "test"):
            ids_half = {k for k in pages if page_half(k) == half}
            ch, *_ = score_lines({k: pages[k] for k in ids_half}, truth, found)
            ph, rh, fh = common.prf(ch["tp"], ch["fp"], ch["fn"])
            sec.row("%s (%s half): line P / R / F1" % (label, half), "%.3f/%.3f/%.3f" % (ph, rh, fh),
                    "design on this half only" if half == "dev" else "")
        if post_extractor:
            # Extractors keep the headline in their text and the
            # benchmark's article body leaves it out, so the labelling
            # counts it as boilerplate; provcheck never flags a headline.
            sec.row("%s: boilerplate lines that are the page's first line" % label,
                    "%d/%d" % (c["boiler_first"], c["boiler"]), "",
                    "the best recall leaving headlines alone: %.3f" %
                    ((c["boiler"] - c["boiler_first"]) / c["boiler"] if c["boiler"] else 0))
        sec.row("%s: shingle F1, input as is" % label, bf, "", "P %.3f R %.3f" % (bp, br))
        sec.row("%s: shingle F1, flagged lines removed" % label, sf,
                ("html-text as is %.3f; trafilatura 0.958, newspaper4k 0.949, readability 0.947, boilerpipe 0.860, "
                 "jusText 0.804" % bf) if name == "html-text" else "%s as is %.3f" % (name, bf),
                "P %.3f R %.3f" % (sp, sr), head=True)
        sec.row("%s: missed boilerplate lines of 1-3 / 4-8 / 9+ words" % label,
                "%d/%d/%d" % (c["fn_words_1-3"], c["fn_words_4-8"], c["fn_words_9+"]))
        recurring = Counter({k: v for k, v in c.missed.items() if v >= 3})
        sec.details.append("%s: missed boilerplate lines on >= 3 pages (stdout only): %s"
                           % (name, common.top_counter(recurring, 25)))
        sec.details.append("%s: boilerplate rules on true boilerplate: %s" % (name, common.top_counter(tp_rules)))
        sec.details.append("%s: boilerplate rules on article lines (FP): %s" % (name, common.top_counter(fp_rules)))
        if name == "html-text":
            sec.fp_rules = fp_rules
    sec.notes.append("Scrapinghub: a line (>= 3 chars) is boilerplate when its lower-cased, space-collapsed text "
                     "is not a substring of the likewise normalised ground truth, nor is its text without an extractor's "
                     "list marker ('- '), nor, for a table row ('| a | b |'), every cell; a table rule ('|---|') is "
                     "not judged. Shingle F1 = the benchmark's "
                     "metric (\\w+ tokens, 4-shingles with counts, per-document normalised, P and R averaged over "
                     "pages); 'input as is' reproduces the published html-text / trafilatura / newspaper figures as a check. The line goal (P >= 0.90, R >= 0.70) is held against the extractors' output, as the issue states it; unfiltered page text is reported beside it. "
                     "Published extractor F1: " + ", ".join("%s %.3f" % x for x in PUBLISHED_F1) + ".")


# ---------------------------------------------------------------- Scrapinghub, HTML read by provcheck

# A pack with one rule that matches every line of the analysis text: run
# alone, its findings are provcheck's extracted text, line by line, with each
# line's place in the HTML (the CLI has no command that prints that text).
LINES_PACK = r'''pack evallines "Every line of the analysis text (eval only)"

rule evallines.line {
  description "one line"
  kind      citation
  severity  info
  scope     line
  match     "\S(?:.*\S)?"
  message   "line"
  example   "A line."
}
'''


def page_half(pid):
    """'dev' or 'test': a fixed 50/50 split of the pages by md5 parity of the
    page id, like weasel.half() on sentences. Design on dev only."""
    return "dev" if hashlib.md5(pid.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def span(f):
    return (f["line"], f["column"]), (f["end_line"], f["end_column"])


def flagged_text_lines(lines, findings):
    """lines: the evallines findings of one page; returns, for each line, the
    set of boilerplate rules whose findings overlap it (in HTML positions)."""
    bp = sorted((span(f) + (f["rule"], f.get("message", ""))) for f in findings if f["kind"] == "boilerplate")
    out = []
    for ln in lines:
        a, b = span(ln)
        out.append({(rule, msg) for s, e, rule, msg in bp if s < b and a < e})
    return out


def why_class(message):
    """The kind of markup evidence a page-structure message gives."""
    m = re.search(r"\((inside <\w+>|role '[^']*'|class '[^']*'|id '[^']*'|link text)", message)
    if not m:
        return "?"
    w = m.group(1)
    return w if w.startswith("inside") or w.startswith("role") else w.split(" ")[0]


def scrapinghub_html(sec, root, quick, jobs):
    truth, ids = load_truth(root, quick)
    tmp = common.tmpdir("scrapinghub-html")
    rules = common.tmpdir("scrapinghub-lines")
    try:
        for pid in ids:
            with gzip.open(os.path.join(root, "html", pid + ".html.gz"), "rb") as src:
                data = src.read()
            with open(os.path.join(tmp, pid + ".html"), "wb") as dst:
                dst.write(data)
        common.write_text(os.path.join(rules, "evallines.rules"), LINES_PACK)
        res, _ = common.run_provcheck([tmp], jobs=jobs)
        found = common.findings_by_name(res, tmp)
        res, _ = common.run_provcheck([tmp], jobs=jobs, extra=["--no-config", "--rules", rules])
        text_lines = common.findings_by_name(res, tmp)
    finally:
        common.cleanup(tmp)
        shutil.rmtree(rules, ignore_errors=True)
    for part in ("dev", "test"):
        c = Counter()
        tp_why, fp_why = Counter(), Counter()
        triples, triples_base = [], []
        for pid in ids:
            if page_half(pid) != part:
                continue
            name = pid + ".html"
            lines = [f for f in text_lines.get(name, []) if f["rule"] == "evallines.line"]
            flags = flagged_text_lines(lines, found.get(name, []))
            gt = common.norm_space(truth[pid])
            kept = []
            c["pages"] += 1
            for ln, hit in zip(lines, flags):
                line = ln["text"]
                if not hit:
                    kept.append(line)
                boiler = label_line(line, gt)
                if boiler is None:
                    continue
                c["lines"] += 1
                c["boiler"] += boiler
                structure = {m for r, m in hit if r == "boilerplate.page-structure"}
                if hit and boiler:
                    c["tp"] += 1
                    tp_why.update(why_class(m) for m in structure)
                elif hit:
                    c["fp"] += 1
                    fp_why.update(why_class(m) for m in structure)
                    if part == "dev" and os.environ.get("PROVCHECK_EVAL_SHOW_FP"):
                        print("FP %s %s | %s" % (pid[:8], sorted(hit)[0][1][:60], line[:100]))
                elif boiler:
                    c["fn"] += 1
            triples.append(shingle_tp_fp_fn(truth[pid], "\n".join(kept)))
            triples_base.append(shingle_tp_fp_fn(truth[pid], "\n".join(ln["text"] for ln in lines)))
        p, r, f = common.prf(c["tp"], c["fp"], c["fn"])
        (sp, sr, sf), (bp, br, bf) = benchmark_f1(triples), benchmark_f1(triples_base)
        label = "provcheck reads the HTML (%s half)" % part
        sec.row("%s: pages / lines (>=3 chars) / boilerplate" % label,
                "%d/%d/%d" % (c["pages"], c["lines"], c["boiler"]))
        sec.row("%s: line P / R / F1" % label, "%.3f/%.3f/%.3f" % (p, r, f), head=True)
        sec.row("%s: shingle F1, extracted text as is" % label, bf, "", "P %.3f R %.3f" % (bp, br))
        sec.row("%s: shingle F1, flagged lines removed" % label, sf,
                "trafilatura 0.958, newspaper4k 0.949, readability 0.947, boilerpipe 0.860, jusText 0.804, "
                "html-text 0.665 (all pages)", "P %.3f R %.3f" % (sp, sr), head=True)
        sec.details.append("HTML %s: page-structure evidence on true boilerplate: %s"
                           % (part, common.top_counter(tp_why)))
        sec.details.append("HTML %s: page-structure evidence on article lines (FP): %s"
                           % (part, common.top_counter(fp_why)))
    sec.notes.append("Scrapinghub, HTML read by provcheck: the pages' HTML is linted as is; a line of provcheck's "
                     "own extracted text is flagged when any boilerplate finding overlaps it, and labelled as in "
                     "the html-text scorer. Shingle F1 scores the extracted text minus flagged lines. Pages are "
                     "split into dev/test halves by md5(page id) parity; the markup signal was designed on dev "
                     "only. The published extractor figures are over all 181 pages.")


# ---------------------------------------------------------------- trafilatura

def snippet_flagged(snippet, texts):
    """True when the normalised SNIPPET lies inside a flagged finding's text, or
    a flagged finding's text lies inside the snippet and covers half of it."""
    s = common.norm_space(snippet)
    if not s:
        return False
    for t in texts:
        if s in t or (len(t) >= 3 and t in s and 2 * len(t) >= len(s)):
            return True
    return False


def trafilatura(sec, root, quick, jobs):
    with open(os.path.join(root, "evaldata-en.json"), encoding="utf-8") as f:
        meta = json.load(f)
    pages = sorted(meta.items())
    if quick:
        pages = pages[:40]
    tmp = common.tmpdir("trafilatura")
    try:
        for _, m in pages:
            with gzip.open(os.path.join(root, "html", m["file"] + ".gz"), "rb") as src:
                data = src.read()
            with open(os.path.join(tmp, m["file"]), "wb") as dst:
                dst.write(data)
        res, secs = common.run_provcheck([tmp], jobs=jobs)
        found = common.findings_by_name(res, tmp)
    finally:
        common.cleanup(tmp)
    c = Counter()
    rules_drop, rules_keep = Counter(), Counter()
    for _, m in pages:
        bp = [f for f in found.get(m["file"], []) if f["kind"] == "boilerplate"]
        texts = [common.norm_space(f.get("text", "")) for f in bp]
        c["flags"] += len(bp)
        for key, hit_key, rules in (("without", "drop_hit", rules_drop), ("with", "keep_hit", rules_keep)):
            for snip in m.get(key, []):
                c[key] += 1
                if snippet_flagged(snip, texts):
                    c[hit_key] += 1
                    for f, t in zip(bp, texts):
                        if snippet_flagged(snip, [t]):
                            rules[f["rule"]] += 1
                            break
    drop = c["drop_hit"] / c["without"] if c["without"] else 0.0
    keep = c["keep_hit"] / c["with"] if c["with"] else 0.0
    sec.row("trafilatura-en: pages / boilerplate findings", "%d/%d" % (len(pages), c["flags"]))
    sec.row("trafilatura-en: must-drop snippets flagged", drop, "higher is better", "%d/%d" % (c["drop_hit"], c["without"]),
            head=True)
    sec.row("trafilatura-en: must-keep snippets flagged", keep, "lower is better", "%d/%d" % (c["keep_hit"], c["with"]),
            head=True)
    p, r, f = common.prf(c["drop_hit"], c["keep_hit"], c["without"] - c["drop_hit"])
    sec.row("trafilatura-en: snippet P / R / F1 (drop = positive)", "%.3f/%.3f/%.3f" % (p, r, f),
            "trafilatura 0.924 (other metric*)")
    sec.notes.append("trafilatura-en: provcheck reads the HTML pages directly; a snippet counts as flagged when its "
                     "normalised text lies inside a boilerplate finding's `text` (or a finding's text lies inside "
                     "the snippet and covers at least half of it). Snippets absent from provcheck's extracted text "
                     "count as not flagged. *The published 0.924 is trafilatura's F-score of KEEPING the right "
                     "text over all 990 pages, not comparable one-to-one.")
    sec.details.append("trafilatura-en rules on must-drop: %s" % common.top_counter(rules_drop))
    sec.details.append("trafilatura-en rules on must-keep (FP): %s" % common.top_counter(rules_keep))


def evaluate(quick=False, release=False, jobs=2):
    """Boilerplate line precision/recall (Scrapinghub) and snippet shares (trafilatura-en)."""
    sec = common.Section("Boilerplate: Scrapinghub benchmark + trafilatura-en")
    start = time.time()
    sh, tr = common.corpus_dir(SCRAPINGHUB), common.corpus_dir(TRAFILATURA)
    if not sh and not tr:
        return sec.skip("corpus folders %s and %s not found" % (SCRAPINGHUB, TRAFILATURA))
    try:
        if sh:
            scrapinghub(sec, sh, quick, jobs)
            scrapinghub_html(sec, sh, quick, jobs)
        else:
            sec.notes.append("Scrapinghub skipped: folder not found.")
        if tr:
            trafilatura(sec, tr, quick, jobs)
        else:
            sec.notes.append("trafilatura-en skipped: folder not found.")
    except common.ProvcheckError as e:
        return sec.skip(str(e))
    sec.seconds = time.time() - start
    return sec


if __name__ == "__main__":
    common.standalone(evaluate)
