#!/usr/bin/env python3
"""Hedge cue spans (Szeged Uncertainty Corpus, Wikipedia part) against vague-attribution findings.

Our rules target weasel attribution, not every hedge ("may", "if"), so low
recall here is expected; the figures are reported as they are.
"""

import hashlib
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

CORPUS = "szeged-uncertainty-wikipedia"


def half(doc_id):
    """'dev' or 'test': a fixed 50/50 split by a hash of the DocID."""
    return "dev" if hashlib.md5(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def load(root):
    """[(half, sentence text, [(start, end, cue type)])]; whitespace is mapped to
    ' ' one-for-one so offsets stay valid and each sentence stays on one line."""
    tree = ET.parse(os.path.join(root, "wiki.xml"))
    out = []
    for doc in tree.getroot().iter("Document"):
        did = doc.findtext("DocID") or ""
        for s in doc.iter("Sentence"):
            parts = [s.text or ""]
            cues = []
            for child in s:
                if child.tag == "ccue":
                    a = sum(len(p) for p in parts)
                    inner = "".join(child.itertext())
                    parts.append(inner)
                    cues.append((a, a + len(inner), (child.get("type") or "").strip(" _")))
                else:
                    parts.append("".join(child.itertext()))
                parts.append(child.tail or "")
            text = "".join(" " if ch.isspace() else ch for ch in "".join(parts))
            out.append((half(did), text, cues))
    return out


def count(sents, findings):
    """Cue-span and sentence counts per half ('dev', 'test', 'all') of the
    vague-attribution FINDINGS (line = 1-based sentence index) against the
    cues of SENTS, with recall by cue type and the missed cues' text."""
    by_line = defaultdict(list)
    for f in findings:
        if f["kind"] == "vague-attribution" and f["line"] == f["end_line"]:
            by_line[f["line"]].append((f["column"] - 1, f["end_column"] - 1, f["rule"]))
    c = defaultdict(Counter)            # half -> counts
    recall_type = defaultdict(lambda: [0, 0])
    missed = Counter()
    for i, (h, text, cues) in enumerate(sents, 1):
        preds = by_line.get(i, [])
        m = common.max_matching(len(cues), len(preds),
                                lambda a, b: cues[a][0] < preds[b][1] and preds[b][0] < cues[a][1])
        for key in (h, "all"):
            c[key]["gold"] += len(cues)
            c[key]["pred"] += len(preds)
            c[key]["tp"] += len(m)
            g, p = bool(cues), bool(preds)
            c[key]["s_tp"] += g and p
            c[key]["s_fp"] += p and not g
            c[key]["s_fn"] += g and not p
            c[key]["sents"] += 1
        for a, (_, _, typ) in enumerate(cues):
            recall_type[typ][1] += 1
            recall_type[typ][0] += a in m
            if a not in m:
                missed[common.norm_space(text[cues[a][0]:cues[a][1]])] += 1
    return c, recall_type, missed


def evaluate(quick=False, release=False, jobs=2):
    """Cue-span and sentence-level P/R/F1 of vague-attribution findings vs Szeged hedge cues."""
    sec, root = common.corpus_section("Hedge cues: Szeged Uncertainty (Wikipedia)", CORPUS)
    if not root:
        return sec
    start = time.time()
    sents = load(root)
    if quick:
        sents = [s for s in sents if s[0] == "dev"][:4000]
    tmp = common.tmpdir("szeged")
    try:
        # One run with the opt-in packs on; the default rows read the
        # findings outside them (opt-in findings never change those).
        everything, secs = common.run_on_sentences([t for _, t, _ in sents], tmp, jobs=jobs,
                                                   extra=common.opt_in_args())
    except common.ProvcheckError as e:
        return sec.skip(str(e))
    finally:
        common.cleanup(tmp)
    findings, _ = common.split_opt_in(everything)
    c, recall_type, missed = count(sents, findings)
    on, on_recall_type, _ = count(sents, everything)
    packs = "+" + "+".join(common.OPT_IN_PACKS)
    for key in ("all", "dev", "test"):
        k = c[key]
        p, r, f = common.prf(k["tp"], k["pred"] - k["tp"], k["gold"] - k["tp"])
        sp, sr, sf = common.prf(k["s_tp"], k["s_fp"], k["s_fn"])
        label = key if key == "all" else key + " half"
        sec.row("szeged %s: sentences / cues / vague findings" % label, "%d/%d/%d" % (k["sents"], k["gold"], k["pred"]))
        sec.row("szeged %s: cue-span P / R / F1 (overlap)" % label, "%.3f/%.3f/%.3f" % (p, r, f), head=key == "all")
        sec.row("szeged %s: sentence P / R / F1" % label, "%.3f/%.3f/%.3f" % (sp, sr, sf), head=key == "all")
        k = on[key]
        p, r, f = common.prf(k["tp"], k["pred"] - k["tp"], k["gold"] - k["tp"])
        sp, sr, sf = common.prf(k["s_tp"], k["s_fp"], k["s_fn"])
        sec.row("szeged %s %s (opt-in): cue-span P / R / F1 (overlap)" % (label, packs),
                "%.3f/%.3f/%.3f" % (p, r, f), "", "off by default", head=key == "all")
        sec.row("szeged %s %s (opt-in): sentence P / R / F1" % (label, packs),
                "%.3f/%.3f/%.3f" % (sp, sr, sf), "", "off by default", head=key == "all")
        if quick:
            break
    for typ, (hit, tot) in sorted(recall_type.items()):
        on_hit = on_recall_type[typ][0]
        sec.row("szeged: cue recall, %s" % typ, hit / tot if tot else 0.0, "",
                "%d/%d; %s (opt-in): %d/%d" % (hit, tot, packs, on_hit, tot))
    sec.notes.append("Cue match = character overlap, one-to-one. Szeged marks semantic hedges (may, if, "
                     "believed), not discourse weasels, so vague-attribution findings are expected to hit only "
                     "the doxastic part. Halves: md5(DocID) parity. Shares sentences with the CoNLL sample. "
                     "The opt-in rows add the findings of %s, designed on the CoNLL dev half only (never on "
                     "this corpus); it flags hedges and vague quantifiers, and Szeged counts only the hedges."
                     % ", ".join(common.OPT_IN_PACKS))
    sec.details.append("top missed hedge cues (stdout only): " + common.top_counter(missed))
    sec.seconds = time.time() - start
    return sec


if __name__ == "__main__":
    common.standalone(evaluate)
