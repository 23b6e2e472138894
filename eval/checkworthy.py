#!/usr/bin/env python3
"""Check-worthy sentences (CLEF 2019 CheckThat! Task 1) against unattributed-claim findings.

Each transcript is linted as one document, a sentence per line, so a
finding's line is the gold sentence's index. The transcripts are speech:
the speaker is the source of every sentence and nobody writes "according
to", so what this measures is the check-worthy half of the rule (a figure,
a date, a quotation), with the "no source in reach" half mostly idle. The
gold is narrower than that: fact-checkers picked a few claims per debate
(2-3 % of sentences), not every sentence with a figure.
"""

import os
import random
import sys
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

CORPUS = "clef2019-checkworthiness"
# training/ is where rules may be designed; test_annotated/ is the official
# 2019 test set, scored only for a release figure (as PolNeAR test is).
SPLITS = (("training", "dev"), ("test_annotated", "test"))
CLAIM_KINDS = ("unattributed-claim", "attribution", "vague-attribution", "citation")
ANCHOR_MAP = 0.166   # best 2019 primary run (Copenhagen), the corpus README
TIE_SHUFFLES = 200   # random orders of tied sentences averaged for MAP


def parse_tsv(text):
    """[(speaker, sentence, label)] of one transcript. Test files end lines
    with CRLF and some training files lack a final newline; blank lines and
    rows with fewer than four fields are skipped."""
    rows = []
    for line in text.splitlines():
        fields = line.rstrip("\r").split("\t")
        if len(fields) < 4 or not fields[3].strip():
            continue
        rows.append((fields[1], " ".join(fields[2].split()), int(fields[3].strip())))
    return rows


def load(root, splits):
    """[(split label, transcript name, rows)] for each folder in SPLITS."""
    out = []
    for folder, label in SPLITS:
        if label not in splits:
            continue
        path = os.path.join(root, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(".tsv"):
                with open(os.path.join(path, name), encoding="utf-8") as f:
                    out.append((label, name[:-4], parse_tsv(f.read())))
    return out


def flagged(findings, kinds):
    """Set of 1-based lines holding a finding of one of KINDS."""
    out = set()
    for f in findings:
        if f["kind"] in kinds:
            out.update(common.finding_lines(f))
    return out


def average_precision(labels, ranked):
    """AP of one ranking: RANKED is a list of 0-based indexes into LABELS (0/1)."""
    hits, total = 0, 0.0
    for rank, i in enumerate(ranked, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    positives = sum(labels)
    return total / positives if positives else 0.0


def flagged_first_ap(labels, flags, rng):
    """AP when the flagged sentences are ranked above the rest. provcheck gives
    yes/no, not a score, so within each group the order is random: the mean
    over TIE_SHUFFLES orders (a fixed RNG) is the expected AP."""
    on = [i for i in range(len(labels)) if i + 1 in flags]
    off = [i for i in range(len(labels)) if i + 1 not in flags]
    total = 0.0
    for _ in range(TIE_SHUFFLES):
        rng.shuffle(on)
        rng.shuffle(off)
        total += average_precision(labels, on + off)
    return total / TIE_SHUFFLES


def score(transcripts, findings_by_name, kinds, seed=7):
    """Per split: class-1 counts, and the mean AP of flagged-first and of
    random rankings (the baseline a MAP figure must beat)."""
    out = defaultdict(Counter)
    aps = defaultdict(lambda: {"ours": [], "random": []})
    rng = random.Random(seed)
    for split, name, rows in transcripts:
        labels = [label for _, _, label in rows]
        flags = flagged(findings_by_name.get(name, []), kinds)
        c = out[split]
        for i, label in enumerate(labels, 1):
            hit = i in flags
            c["sentences"] += 1
            c["positives"] += label
            c["tp"] += hit and label
            c["fp"] += hit and not label
            c["fn"] += label and not hit
        if sum(labels):
            aps[split]["ours"].append(flagged_first_ap(labels, flags, rng))
            aps[split]["random"].append(flagged_first_ap(labels, set(), rng))
    maps = {split: {k: sum(v) / len(v) if v else 0.0 for k, v in d.items()} for split, d in aps.items()}
    return out, maps


def evaluate(quick=False, release=False, jobs=2):
    """Class-1 P/R/F1 and flagged-first MAP of unattributed-claim findings on CLEF 2019."""
    sec, root = common.corpus_section("Check-worthy claims: CLEF 2019 CheckThat! Task 1", CORPUS)
    if not root:
        return sec
    start = time.time()
    splits = ("dev", "test") if release else ("dev",)
    transcripts = load(root, splits)
    if quick:
        transcripts = transcripts[:4]
    if not transcripts:
        return sec.skip("no .tsv transcripts under %s" % root)
    tmp = common.tmpdir("clef")
    try:
        folder = os.path.join(tmp, "transcripts")
        os.makedirs(folder)
        for _, name, rows in transcripts:
            common.write_text(os.path.join(folder, name + ".txt"),
                              "".join(sentence + "\n" for _, sentence, _ in rows))
        result, seconds = common.run_provcheck([folder], jobs=jobs)
    except common.ProvcheckError as e:
        return sec.skip(str(e))
    finally:
        common.cleanup(tmp)
    by_name = {os.path.splitext(os.path.basename(path))[0]: f for path, f in result.items()}
    measures = (("unattributed-claim findings", ("unattributed-claim",)),
                ("any claim finding (sourced or not)", CLAIM_KINDS))
    labels = {"dev": "training (design here)", "test": "TEST (2019 test set)"}
    # Each measure is scored once, for every split at a time.
    scored = [(title, kinds, score(transcripts, by_name, kinds)) for title, kinds in measures]
    for split in splits:
        for title, kinds, (counts, maps) in scored:
            c = counts[split]
            if not c["sentences"]:
                continue
            p, r, f = common.prf(c["tp"], c["fp"], c["fn"])
            prevalence = c["positives"] / c["sentences"]
            main = kinds == ("unattributed-claim",)
            sec.row("CLEF %s: %s, class-1 P / R / F1" % (labels[split], title), "%.3f/%.3f/%.3f" % (p, r, f),
                    "prevalence %.3f" % prevalence,
                    "%d/%d/%d TP/FP/FN; precision %.1fx prevalence" % (c["tp"], c["fp"], c["fn"],
                                                                       p / prevalence if prevalence else 0),
                    head=main and (split == "test" or not release))
            if main:
                sec.row("CLEF %s: MAP, flagged sentences first" % labels[split], maps[split]["ours"],
                        "best 2019 primary run %.3f; random order %.3f" % (ANCHOR_MAP, maps[split]["random"]),
                        "%d transcripts, %d sentences" % (sum(1 for t in transcripts if t[0] == split),
                                                          c["sentences"]),
                        head=split == "test" or not release)
    sec.notes.append("Each transcript is one document, a gold sentence per line (speaker names left out). A "
                     "sentence is flagged when a finding of the kinds named touches its line. The gold marks the "
                     "claims fact-checkers chose to check, a few per debate, so precision is bounded by how many "
                     "sentences with a figure or a date they left alone; read it against the prevalence. MAP: "
                     "provcheck says yes or no, so its ranking puts the flagged sentences first, each group in "
                     "random order (mean of %d orders); the 2019 systems ranked by a learned score. training/ is "
                     "the design half; test_annotated/ is scored only with --release." % TIE_SHUFFLES)
    sec.details.append("provcheck run time %.1fs for %d transcripts" % (seconds, len(transcripts)))
    sec.seconds = time.time() - start
    return sec


if __name__ == "__main__":
    common.standalone(evaluate)
