#!/usr/bin/env python3
"""False alarms on clean news (BBC 2225, Reuters-21578), the Reuters sign-off
footer as a positive control, and a seeded 50-finding sample for manual review.

The sample is written to /tmp/eval-sample.txt (outside the repository). Manual
verdicts live in eval/review.tsv as `key kind rule verdict` rows -- a hash key,
never the finding's text -- so results.md can count them per kind.
"""

import gzip
import hashlib
import html
import os
import re
import sys
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

BBC = "bbc-news-2225"
REUTERS = "reuters-21578"
SAMPLE_PATH = "/tmp/eval-sample.txt"
QUICK_SAMPLE_PATH = "/tmp/eval-sample-quick.txt"
SAMPLE_SIZE = 50
SAMPLE_SEED = 1
# Seed 1's sample has been read five times and rules were written against
# the errors found in it, so its figure flatters the packs. Seed 2 is the
# held-out check: drawn once, judged before any rule is changed for it.
# Once rules are written against its errors it is spent too. Seed 2 was
# spent; seed 3 was drawn and judged at 583a890 and spent by 5e9e9fe and
# 4dd5f11; seed 4 was drawn at 7cbeb55 and spent by 8de5c56..540517d;
# seed 5 was drawn and judged at 540517d and spent by 8a961b1 and e968e9d;
# seed 6 was drawn and judged at 4ec31e9 and spent by 20687b7..2275528
# (eval/review-notes.md); seed 7 was drawn and judged at 18084d1 and spent
# by 383d1b1..a737335; seed 8 was drawn and judged at 6f06d65 and spent by
# 297fa62 and 0a1cdec; seed 9 was drawn and judged at a0f209e and spent
# by 5d5e06c and b8e18ab; seed 10 was drawn and judged at 06e3dcb and
# retired unspent once 14 rule commits had changed the findings it drew
# from; seed 11 was drawn and judged at 6507477 and spent by 90f1681;
# seed 12 was drawn and judged at 5634142 and spent by 2b7ea9e; seed 13 was
# drawn and judged at 38f41c0 and spent by 51d298c; seed 14 was drawn and
# judged at b335e6f and spent by cd26bae and 2cd8f4e; seed 15 was drawn
# and judged at 2cd8f4e; seed 16 was drawn and judged at 9c6dfad and
# spent by 70f8597 and 99bbf27; seed 17 was drawn and judged at c6f134b
# and spent by dc67177 and 807442c; seed 18 was drawn and judged at
# 9289b7c and spent by 8405eae; seed 19 was drawn and judged at 665a09a
# and spent by 4d50a63 and fbea056; seed 20 was drawn and judged at
# cdcfd3b, after the rules that spent 19; seed 21 was drawn and judged at
# 61243bf and spent by fcc7601, 6ad5c21 and 3d9b702; seed 22 was drawn
# and judged at 957bf48 and spent by a2f8460 and f3e3e27; seed 23 was drawn
# and judged at 846cd5c and spent by 0a44841 and bd7f5d3; seed 24 was drawn
# and judged at e4df0d9 and spent by 7cad560; seed 25 was drawn and judged
# at 15420f2 and spent by 534f4e2; seed 26 was drawn and judged at 5125380
# and spent by f510744 and 540340c; seed 27 was drawn and judged at
# e25dcda and spent by 1c2c1ad; seed 28 was drawn and judged at
# c98e463 and spent by 2892c11, 3e11e6b and 6a82bf1; seed 29 was drawn and
# judged at 0394a37 and spent by 66d21b8, e3372af and 2258b5b; seed 30 was
# drawn and judged at 6a82bf1 and spent by f65affb; seed 31 was drawn and
# judged at 733baac and spent by 7db3580, dc778b9 and f65affb; seed 32 was
# drawn and judged at 0c091a4 and spent by b5044c3 and 43af1aa; seed 33
# was drawn and judged at 82266b6 and spent by 4dd6684; seed 34 was drawn
# and judged at e1c4902 and spent by 9af16ca and 56977dc; seed 35 was
# drawn and judged at f6cfe48 and spent by 9a1ea67; seed 36 was drawn and
# judged at 866d5c2. Draw seed 37 next.
HELD_OUT_SEED = 36
HELD_OUT_SAMPLE_PATH = "/tmp/eval-sample-held-out.txt"
REVIEW_PATH = os.path.join(common.EVAL_DIR, "review.tsv")
BBC_FOOTER_MIN_DOCS = 4
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
KINDS = ("attribution", "citation", "vague-attribution", "boilerplate", "unattributed-claim", "contradiction")


# ---------------------------------------------------------------- readers

def load_bbc(root, limit=None):
    """[(name, text, footer line numbers)], exact duplicates dropped (first kept).
    A footer is a line that recurs in >= BBC_FOOTER_MIN_DOCS distinct articles
    (the columnist bylines the corpus README describes)."""
    seen, docs = set(), []
    for cat in sorted(os.listdir(root)):
        d = os.path.join(root, cat)
        if not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            with open(os.path.join(d, fn), "rb") as f:
                data = f.read()
            digest = hashlib.sha1(data).digest()
            if digest in seen:
                continue
            seen.add(digest)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            docs.append(("%s-%s" % (cat, fn), text))
    if limit:
        docs = docs[:limit]
    df = Counter()
    for _, text in docs:
        df.update(set(ln.strip() for ln in text.split("\n") if ln.strip()))
    out = []
    for name, text in docs:
        footers = {i for i, ln in enumerate(text.split("\n"), 1)
                   if ln.strip() and df[ln.strip()] >= BBC_FOOTER_MIN_DOCS}
        out.append((name, text, footers))
    return out


def decode_sgml(s):
    return CONTROL_RE.sub("", html.unescape(s))


def reflow(body):
    """Wrapped wire copy to one paragraph per line: an indented line or a blank
    line starts a paragraph; a bare 'Reuter' sign-off is always its own line."""
    paras, cur = [], None
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            if cur:
                paras.append(cur)
            cur = None
            continue
        if cur is None or line[:1].isspace() or stripped.lower() == "reuter":
            if cur:
                paras.append(cur)
            cur = stripped
        else:
            cur += " " + stripped
    if cur:
        paras.append(cur)
    return paras


RECORD_RE = re.compile(r"<REUTERS([^>]*)>(.*?)</REUTERS>", re.S)


def load_reuters(root, limit_files=None):
    """[(name, text, footer line numbers)]: headline, blank line, dateline + body
    paragraphs one per line; the footer is a final 'Reuter'/'REUTER' line."""
    files = sorted(f for f in os.listdir(root) if f.endswith(".sgm.gz"))
    if limit_files:
        files = files[:limit_files]
    out = []
    for fn in files:
        with gzip.open(os.path.join(root, fn), "rb") as f:
            raw = f.read().decode("latin-1")
        for m in RECORD_RE.finditer(raw):
            attrs, rec = m.group(1), m.group(2)
            body = re.search(r"<BODY>(.*?)</BODY>", rec, re.S)
            if not body:
                continue
            newid = re.search(r'NEWID="(\d+)"', attrs)
            title = re.search(r"<TITLE>(.*?)</TITLE>", rec, re.S)
            dateline = re.search(r"<DATELINE>(.*?)</DATELINE>", rec, re.S)
            paras = reflow(decode_sgml(body.group(1)))
            if not paras:
                continue
            if dateline and decode_sgml(dateline.group(1)).strip():
                paras[0] = " ".join(decode_sgml(dateline.group(1)).split()) + " " + paras[0]
            lines = []
            if title and decode_sgml(title.group(1)).strip():
                lines += [" ".join(decode_sgml(title.group(1)).split()), ""]
            lines += paras
            footers = {len(lines)} if lines[-1].strip().lower() == "reuter" else set()
            out.append(("%s.txt" % (newid.group(1) if newid else len(out)), "\n".join(lines) + "\n", footers))
    return out


# ---------------------------------------------------------------- scoring

def finding_key(corpus, name, f):
    s = "%s/%s:%d:%d:%s:%s" % (corpus, name, f["line"], f["column"], f["rule"], f.get("text", ""))
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def run_corpus(corpus, docs, jobs):
    """One lint run with the opt-in packs on: score() keeps their findings
    apart, so the default figures are what a default run gives."""
    tmp = common.tmpdir(corpus.split("-")[0])
    try:
        for name, text, _ in docs:
            common.write_text(os.path.join(tmp, name), text)
        res, secs = common.run_provcheck([tmp], jobs=jobs, extra=common.opt_in_args())
        return common.findings_by_name(res, tmp), secs
    finally:
        common.cleanup(tmp)


WIRE_MARKER_RE = re.compile(r"^\s*(?:more|reuters?)\s*$", re.I)


def score(corpus, docs, found):
    """Counts of the default packs' findings (and the review pool they are
    drawn from); the opt-in packs' findings are only counted, by rule, in
    the last value, so enabling them moves no default figure and no sample."""
    c = Counter()
    by_kind = Counter()
    bp_rules, rules, opt_in = Counter(), Counter(), Counter()
    pool = []
    for name, text, footers in docs:
        lines = text.split("\n")
        nonempty = {i for i, ln in enumerate(lines, 1) if ln.strip()}
        c["docs"] += 1
        c["lines"] += len(nonempty)
        c["words"] += len(text.split())
        c["footers"] += len(footers)
        c["article_lines"] += len(nonempty - footers)
        flagged = set()
        for f in found.get(name, []):
            if common.is_opt_in(f):
                opt_in[f["rule"]] += 1
                continue
            by_kind[f["kind"]] += 1
            rules[f["rule"]] += 1
            if f["kind"] == "boilerplate":
                flagged.update(common.finding_lines(f))
                if not set(common.finding_lines(f)) <= footers:
                    bp_rules[f["rule"]] += 1
            ctx = lines[f["line"] - 1] if 0 < f["line"] <= len(lines) else ""
            pool.append((corpus, name, f, ctx, lines))
        flagged &= nonempty
        c["bp_lines_article"] += len(flagged - footers)
        # What the flagged non-footer lines are: a one-word wire marker
        # ("MORE" ends a take of a story that continues; a "REUTER" sign-off
        # that is not the last line) is furniture the footer labelling misses;
        # anything else is a sentence.
        markers = {i for i in flagged - footers if WIRE_MARKER_RE.match(lines[i - 1])}
        c["bp_lines_marker"] += len(markers)
        c["footers_flagged"] += len(flagged & footers)
    return c, by_kind, bp_rules, rules, pool, opt_in


def add_rows(sec, label, c, by_kind, footer_label, opt_in=None):
    per = 1000.0 / max(1, c["lines"])
    sec.row("%s: documents / non-empty lines / words" % label, "%d/%d/%d" % (c["docs"], c["lines"], c["words"]))
    sec.row("%s: all findings per 1k words" % label, 1000.0 * sum(by_kind.values()) / max(1, c["words"]), "",
            "lines differ in length across corpora; this rate does not")
    for k in KINDS:
        sec.row("%s: %s findings per 1k lines" % (label, k), by_kind.get(k, 0) * per, "",
                "%d" % by_kind.get(k, 0), head=k in ("vague-attribution", "unattributed-claim", "attribution"))
    # What an opt-in pack would add on clean news: the cost of turning it on
    # for copy it was not meant for.
    for pack in common.OPT_IN_PACKS:
        n = sum(v for r, v in (opt_in or {}).items() if r.startswith(pack + "."))
        sec.row("%s: %s (opt-in) findings per 1k lines" % (label, pack), n * per,
                "default vague-attribution: %.1f" % (by_kind.get("vague-attribution", 0) * per),
                "%d; off by default" % n, head=True)
    sec.row("%s: boilerplate-flagged article lines per 1k" % label,
            1000.0 * c["bp_lines_article"] / max(1, c["article_lines"]), "goal ~0",
            "%d of %d (footers excluded)" % (c["bp_lines_article"], c["article_lines"]), head=True)
    sentences = c["bp_lines_article"] - c["bp_lines_marker"]
    sec.row("%s: boilerplate-flagged article lines: wire markers / sentences" % label,
            "%d/%d" % (c["bp_lines_marker"], sentences), "",
            "one-word MORE/REUTER lines not at the end are wire furniture; sentences per 1k: %.3f"
            % (1000.0 * sentences / max(1, c["article_lines"])))
    sec.row("%s: %s flagged" % (label, footer_label),
            c["footers_flagged"] / c["footers"] if c["footers"] else 0.0,
            "goal 1.0" if label == "Reuters" else "",
            "%d/%d" % (c["footers_flagged"], c["footers"]), head=label == "Reuters")


# ---------------------------------------------------------------- sample

def draw_sample(pool, n=SAMPLE_SIZE, seed=SAMPLE_SEED):
    """Stratified by kind: N split as evenly as the kinds allow, seeded.
    Within a kind, the findings whose seeded hash of their key is smallest
    are drawn, so a rule change swaps only the items it adds or removes and
    the verdicts already in eval/review.tsv keep counting."""
    pool = sorted(pool, key=lambda x: (x[0], x[1], x[2]["line"], x[2]["column"], x[2]["rule"]))
    by_kind = defaultdict(list)
    for item in pool:
        by_kind[item[2]["kind"]].append(item)
    kinds = sorted(by_kind)
    quota = {k: 0 for k in kinds}
    left = n
    while left > 0 and any(quota[k] < len(by_kind[k]) for k in kinds):
        for k in kinds:
            if left and quota[k] < len(by_kind[k]):
                quota[k] += 1
                left -= 1
    def rank(item):
        key = finding_key(item[0], item[1], item[2])
        return hashlib.sha1(("%d:%s" % (seed, key)).encode("utf-8")).hexdigest()
    out = []
    for k in kinds:
        out += sorted(by_kind[k], key=rank)[:quota[k]]
    return out


def write_sample(sample, path=SAMPLE_PATH, seed=SAMPLE_SEED):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# provcheck eval sample: %d findings, seed %d, stratified by kind. Data text: do not copy into the repo.\n"
                "# Record verdicts in eval/review.tsv as: key<TAB>kind<TAB>rule<TAB>right|wrong\n\n"
                % (len(sample), seed))
        for i, (corpus, name, fd, ctx, lines) in enumerate(sample, 1):
            key = finding_key(corpus, name, fd)
            f.write("[%d] key=%s kind=%s rule=%s at %s/%s:%d:%d\n" % (
                i, key, fd["kind"], fd["rule"], corpus, name, fd["line"], fd["column"]))
            if fd.get("source"):
                f.write("    source : %s\n" % fd["source"])
            f.write("    finding: %s\n" % fd.get("text", ""))
            for rel in fd.get("related", []):
                f.write("    related: %s:%s %s\n" % (rel.get("path", ""), rel.get("line", ""),
                                                   rel.get("message", "")))
            li = fd["line"] - 1
            prev = next((lines[j] for j in range(li - 1, -1, -1) if lines[j].strip()), "")
            nxt = next((lines[j] for j in range(li + 1, len(lines)) if lines[j].strip()), "")
            f.write("    prev   : %s\n    line   : %s\n    next   : %s\n\n" % (prev[:400], ctx[:1200], nxt[:400]))


def read_review(path=REVIEW_PATH):
    out = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 4 and not line.startswith("#") and parts[0] != "key":
                    out[parts[0]] = (parts[1], parts[2], parts[3].strip().lower())
    return out


def review_rows(sec, sample, label="manual sample"):
    review = read_review()
    per = defaultdict(lambda: [0, 0, 0])     # kind -> [right, judged, in sample]
    for corpus, name, fd, _, _ in sample:
        k = fd["kind"]
        per[k][2] += 1
        v = review.get(finding_key(corpus, name, fd))
        if v:
            per[k][1] += 1
            per[k][0] += v[2] == "right"
    for k in sorted(per):
        right, judged, total = per[k]
        sec.row("%s: %s right / judged / drawn" % (label, k), "%d/%d/%d" % (right, judged, total), head=True)
    tot = [sum(v[i] for v in per.values()) for i in range(3)]
    sec.row("%s: all right / judged / drawn" % label, "%d/%d/%d" % tuple(tot), "",
            "judged = verdicts in eval/review.tsv for this exact sample")


def evaluate(quick=False, release=False, jobs=2):
    """False alarms per 1k lines on BBC and Reuters, Reuters footer recall, review sample."""
    sec = common.Section("False alarms on clean news: BBC + Reuters")
    start = time.time()
    bbc, reu = common.corpus_dir(BBC), common.corpus_dir(REUTERS)
    if not bbc and not reu:
        return sec.skip("corpus folders %s and %s not found" % (BBC, REUTERS))
    pool = []
    fp_rules = Counter()
    try:
        if bbc:
            docs = load_bbc(bbc, limit=300 if quick else None)
            found, secs = run_corpus(BBC, docs, jobs)
            c, by_kind, bp_rules, rules, p, opt_in = score("bbc", docs, found)
            add_rows(sec, "BBC", c, by_kind, "byline/footer lines (in >= %d articles)" % BBC_FOOTER_MIN_DOCS,
                     opt_in)
            sec.details.append("BBC opt-in rules firing: %s" % common.top_counter(opt_in))
            sec.details.append("BBC boilerplate rules on article lines: %s" % common.top_counter(bp_rules))
            sec.details.append("BBC rules firing: %s" % common.top_counter(rules))
            sec.notes.append("BBC: %d articles after dropping exact duplicates; provcheck %.1fs." % (c["docs"], secs))
            fp_rules.update(bp_rules)
            pool += p
        if reu:
            docs = load_reuters(reu, limit_files=1 if quick else None)
            found, secs = run_corpus(REUTERS, docs, jobs)
            c, by_kind, bp_rules, rules, p, opt_in = score("reuters", docs, found)
            add_rows(sec, "Reuters", c, by_kind, "'Reuter' sign-off lines", opt_in)
            sec.details.append("Reuters opt-in rules firing: %s" % common.top_counter(opt_in))
            sec.details.append("Reuters boilerplate rules on article lines: %s" % common.top_counter(bp_rules))
            sec.details.append("Reuters rules firing: %s" % common.top_counter(rules))
            sec.notes.append("Reuters: %d stories with a body, wrapped lines re-flowed to one paragraph per line "
                             "(indent starts a paragraph), headline + blank line first; provcheck %.1fs."
                             % (c["docs"], secs))
            fp_rules.update(bp_rules)
            pool += p
    except common.ProvcheckError as e:
        return sec.skip(str(e))
    sample = draw_sample(pool)
    sample_path = QUICK_SAMPLE_PATH if quick else SAMPLE_PATH
    write_sample(sample, sample_path)
    review_rows(sec, sample)
    sec.notes.append("Sample: %d findings drawn with seed %d, stratified by kind over BBC+Reuters findings "
                     "(written to %s, never to the repo)%s. Rules have been written against this sample's "
                     "errors over five readings, so its figure is not a held-out one."
                     % (len(sample), SAMPLE_SEED, sample_path, "; --quick draws from the subset" if quick else ""))
    if not quick:
        held_out = draw_sample(pool, seed=HELD_OUT_SEED)
        write_sample(held_out, HELD_OUT_SAMPLE_PATH, seed=HELD_OUT_SEED)
        review_rows(sec, held_out, label="held-out sample (seed %d)" % HELD_OUT_SEED)
        sec.notes.append("Held-out sample: %d findings drawn the same way with seed %d (written to %s), "
                         "judged before any rule was changed for it; the figure to hold the 90%% goal against."
                         % (len(held_out), HELD_OUT_SEED, HELD_OUT_SAMPLE_PATH))
    sec.fp_rules = fp_rules
    sec.seconds = time.time() - start
    return sec


if __name__ == "__main__":
    common.standalone(evaluate)
