#!/usr/bin/env python3
"""Contradiction detection on perturbed real news, and cross-check scaling.

  eval/perturb.py               BBC 2225 + Reuters-21578 pairs, scaling at 1k/10k/100k
                                documents; writes eval/contradictions.md
  eval/perturb.py --quick       300 BBC articles, one Reuters file, scaling at 1k/10k;
                                prints only (unless --output)
  eval/perturb.py --no-scale    pairs only          eval/perturb.py --scale-only

Method, in short (eval/contradictions.md has the long form):

  1. Candidates are found in Python with the ledger's own vocabulary
     (rules/facts/*.facts): sentences naming an event (the `event` trigger
     patterns) with a date expression or a number, and person names after a
     title (the `mention person` pattern). The C++ claim keying is mirrored
     (entities = capitalised phrases, date/quantity nearest the trigger,
     quantities compared only when dated) so that each candidate is also
     marked "keyable" or not, and misses can be explained by reason.
  2. Pairs are written under /tmp: perturbed (A + A' with exactly one change:
     a date moved by one year, a number in an event sentence doubled or
     halved, a titled person's given name respelt with Jaro-Winkler >= 0.9 and
     no prefix relation), unperturbed (A + identical copy) and format-only
     (A + a copy with one date or number rewritten with the same meaning).
  3. provcheck is run on batches of pairs packed so that no pair's changed
     claim shares a key with another pair of the batch, and every
     contradiction finding is then checked through its `related` paths: one
     whose related sides all lie in other pairs is dropped (it would not exist
     in a run of its pair alone), and one whose related list is full (3) with
     only other pairs' sides is ambiguous, so its pair is run again alone.
     That makes the batched result equal to running each pair alone (checked
     on a sample with --verify), at a fraction of the start-up cost.
  4. Scaling: N synthetic documents (2-3 sentences: an event trigger, two
     entities from a pool, a date, a titled person) timed with
     /usr/bin/time -f '%e %M'.

Corpora are read from ../shared/eval-data (or $PROVCHECK_EVAL_DATA); an
absent corpus is skipped with a message. The binary is build/provcheck (or
$PROVCHECK); it and the rules are copied to /tmp at the start so that a
rebuild during the run cannot mix two binaries. No article text is written
into the repository: pairs live under /tmp, and the results file holds
figures and generic descriptions only. Python 3 standard library only.
"""

import argparse
import collections
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

BBC = "bbc-news-2225"
REUTERS = "reuters-21578"
RESULTS = os.path.join(common.EVAL_DIR, "contradictions.md")
MISSES_PATH = "/tmp/provcheck-perturb-misses.txt"
NOTES_MARKER = "<!-- notes: kept when the file is regenerated -->"

TYPES = ("date", "quantity", "name")
RULE_OF = {"date": "contradiction.event-date", "quantity": "contradiction.quantity",
           "name": "contradiction.name-variant"}
TYPE_OF_RULE = {v: k for k, v in RULE_OF.items()}
MAX_RELATED = 3          # kMaxRelated in src/contradict/cross_check.cc
BATCH_PAIRS = 300        # pairs per provcheck run

# ---------------------------------------------------------------- vocabulary

# RE2 Unicode classes the facts files may use, as Python approximations.
LU = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"   # Latin Extended-A both cases
LL = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"


def re2_to_python(pattern):
    return (pattern.replace(r"\p{Lu}", "[%s]" % LU).replace(r"\p{Ll}", "[%s]" % LL)
            .replace(r"\p{L}", r"[^\W\d_]").replace(r"\p{M}", ""))


FACT_LINE_RE = re.compile(r'^\s*(event\s+(\w+)|mention\s+person)\s+"(.*)"\s*$')


def load_vocabulary(rules_dir):
    """({class: compiled trigger}, [compiled person-mention patterns]) from *.facts."""
    events, mentions = {}, []
    facts = os.path.join(rules_dir, "facts")
    for fn in sorted(os.listdir(facts)):
        if not fn.endswith(".facts"):
            continue
        with open(os.path.join(facts, fn), encoding="utf-8") as f:
            for line in f:
                m = FACT_LINE_RE.match(line)
                if not m:
                    continue
                pat = re2_to_python(m.group(3))
                if m.group(2):
                    events[m.group(2)] = re.compile(r"\b(?:%s)\b" % pat, re.I)
                else:
                    mentions.append(re.compile(pat))
    return events, mentions


# ---------------------------------------------------------------- sentences

ABBREV = set("""mr mrs ms dr st gen sen rep gov lt col sgt capt prof jr sr inc corp co ltd
jan feb mar apr jun jul aug sep sept oct nov dec no vs etc e.g i.e u.s u.k u.n
approx dept est fig mt ft""".split())
SPLIT_RE = re.compile(r"[.!?]+[\"'\u2019\u201d)\]]*\s+(?=[\"'\u2018\u201c(\[]?[%s0-9\u00a3$\u20ac])" % LU)


def sentences(text):
    """[(start, end, line number)]: sentences that never cross a line."""
    out = []
    pos, lineno = 0, 0
    for line in text.split("\n"):
        lineno += 1
        start = 0
        for m in SPLIT_RE.finditer(line):
            before = line[start:m.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in ABBREV or (len(last) == 1 and last.isalpha()):
                continue
            end = m.start() + len(m.group(0).rstrip())
            if line[start:end].strip():
                out.append((pos + start, pos + end, lineno))
            start = m.end()
        if line[start:].strip():
            s = start + len(line[start:]) - len(line[start:].lstrip())
            out.append((pos + s, pos + len(line.rstrip()), lineno))
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------- dates

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
            r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
YEAR_RE = r"(1\d{3}|20\d{2}|2100)"
NOT_AFTER = r"(?![\w\u2013-]\d|\d)"
DATE_FORMS = [
    ("day-month-year", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(%s)\s+%s\b%s" % (MONTH_RE, YEAR_RE, NOT_AFTER))),
    ("month-day-year", re.compile(r"\b(%s)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+%s\b%s" % (MONTH_RE, YEAR_RE, NOT_AFTER))),
    ("month-year", re.compile(r"\b(%s)\s+%s\b%s" % (MONTH_RE, YEAR_RE, NOT_AFTER))),
    ("in-year", re.compile(r"\b[Ii]n\s+%s\b%s" % (YEAR_RE, NOT_AFTER))),
]
# Further forms the C++ grammar also reads; used only to decide which date is
# nearest the trigger and whether a sentence is dated.
OTHER_DATE_RES = [
    re.compile(r"\b(?:since|by|until|till|from|during|before|after|through|throughout|circa|between|year|"
               r"early|mid|late)[\s-]+(1\d{3}|20\d{2})\b(?!\s+[a-z]+s\b)", re.I),
    re.compile(r"\b(?:the\s+)?(?:early\s+|mid-?|late\s+)?(1\d|20)\d0s\b", re.I),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
]


def month_number(word):
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return MONTH_ABBR.get(w)


def find_dates(s):
    """Perturbable dates in S: [dict(start, end, form, year, month, day, ystart)].
    START is where the C++ mention begins (the year for "in YYYY")."""
    found = []
    for form, rx in DATE_FORMS:
        for m in rx.finditer(s):
            d = {"form": form, "start": m.start(), "end": m.end()}
            if form == "day-month-year":
                d.update(day=int(m.group(1)), month=month_number(m.group(2)), year=int(m.group(3)), ystart=m.start(3))
            elif form == "month-day-year":
                d.update(day=int(m.group(2)), month=month_number(m.group(1)), year=int(m.group(3)), ystart=m.start(3))
            elif form == "month-year":
                d.update(day=None, month=month_number(m.group(1)), year=int(m.group(2)), ystart=m.start(2))
            else:
                d.update(day=None, month=None, year=int(m.group(1)), ystart=m.start(1), start=m.start(1))
            if d["month"] in (3, 5) and m.group(0)[:1].islower():
                continue
            if d["day"] is not None:
                try:
                    datetime.date(d["year"], d["month"], d["day"])
                except ValueError:
                    continue
            found.append(d)
    # Leftmost-longest, no overlaps (forms are listed longest first).
    found.sort(key=lambda d: (d["start"], -(d["end"] - d["start"])))
    out, last_end = [], -1
    for d in found:
        if d["start"] >= last_end:
            out.append(d)
            last_end = d["end"]
    return out


def all_date_starts(s, dates):
    starts = [d["start"] for d in dates]
    spans = [(d["start"], d["end"]) for d in dates]
    for rx in OTHER_DATE_RES:
        for m in rx.finditer(s):
            if not any(a <= m.start() < b for a, b in spans):
                starts.append(m.start(1) if m.lastindex else m.start())
    return sorted(starts)


# ---------------------------------------------------------------- quantities

NUM_RE = re.compile(r"(?<![\w.,/:\u2013-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                    r"(\s?(?:million|billion|trillion|bn|m|k|tn)\b|%|\s?(?:per\s?cent|percent)\b)?")
RANGE_BEFORE_RE = re.compile(r"(?:\d\s*(?:to|and|or|-|\u2013)\s*|between\s+|from\s+)[\u00a3$\u20ac]?$", re.I)
RANGE_AFTER_RE = re.compile(r"^\s*(?:to|and|or|-|\u2013)\s*[\u00a3$\u20ac]?\d", re.I)
OK_CAPS_BEFORE = {"about", "around", "some", "nearly", "almost", "over", "more", "up", "only", "just",
                  "another", "at", "all", "about", "roughly", "an", "the", "by", "with", "and", "but",
                  "of", "to", "in", "for", "than", "least"}


NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                "hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|scores|several")
# Other quantity starts the C++ grammar reads (number words before a counted
# noun or a hyphenated unit, any digits); used only to decide which quantity
# is nearest the trigger.
OTHER_QUANTITY_RE = re.compile(r"\b(?:%s)[\s-](?!(?:of|another|the|to|and|or|in|by|on|at|for|who|which|that)\b)[a-z]"
                               % NUMBER_WORDS, re.I)
ANY_DIGITS_RE = re.compile(r"(?<![\w.,])[\u00a3$\u20ac]?(?!(?:1[89]|20)\d\d\b)\d+(?!st\b|nd\b|rd\b|th\b|[:/-]\d)")


def quantity_starts(s, nums, date_spans):
    starts = {n["start"] for n in nums}
    for rx in (OTHER_QUANTITY_RE, ANY_DIGITS_RE):
        for m in rx.finditer(s):
            if not any(a <= m.start() < b for a, b in date_spans):
                starts.add(m.start() + (1 if m.group(0)[:1] in "\u00a3$\u20ac" else 0))
    return sorted(starts)


MONTH_BEFORE_RE = re.compile(r"\b%s\s*$" % MONTH_RE)
MONTH_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?%s(?!\w)" % MONTH_RE)
RELATIVE_AFTER_RE = re.compile(r"^\s+(?:days?|weeks?|months?|years?|decades?|centuries|century)\s+"
                               r"(?:ago|earlier|later|before|after|since)\b", re.I)


def find_numbers(s, date_spans):
    """Perturbable numbers in S (digits, not dates, years, labels or ranges)."""
    out = []
    for m in NUM_RE.finditer(s):
        a, b = m.start(), m.end()
        if any(x <= a < y for x, y in date_spans):
            continue
        digits, frac, suffix = m.group(1), m.group(2) or "", (m.group(3) or "")
        if digits.startswith("0") and len(digits) > 1:
            continue
        after = s[b:b + 3]
        if re.match(r"[\w/:-]|\.\d|st\b|nd\b|rd\b|th\b", after) and not suffix:
            continue
        if re.match(r"(?:st|nd|rd|th)\b", s[m.end(2) if frac else m.end(1):][:3]):
            continue
        if not frac and "," not in digits and len(digits) == 4 and 1000 <= int(digits) <= 2100:
            continue        # a year, or read as one
        value = float(digits.replace(",", "") + frac)
        if value == 0:
            continue
        if not frac and not suffix and (MONTH_BEFORE_RE.search(s[:a]) or MONTH_AFTER_RE.match(s[b:])):
            continue        # a day of the month ("on 5 May"), a date even without a year
        if RELATIVE_AFTER_RE.match(s[b:]):
            continue        # "20 years ago": a relative date, not a count
        before = s[:a]
        if RANGE_BEFORE_RE.search(before) or RANGE_AFTER_RE.match(s[b:]):
            continue
        prev = re.search(r"(\S+)\s*[\u00a3$\u20ac]?$", before)
        if prev and prev.group(1)[:1].isupper():
            word = prev.group(1).lower().rstrip(".,")
            sentence_initial = not before[:prev.start()].strip()
            if word not in OK_CAPS_BEFORE and not sentence_initial:
                continue        # a label: "Formula 1", "Windows 11", "No. 10"
        out.append({"start": a, "end": b, "digits": digits, "frac": frac, "suffix": suffix,
                    "value": value, "percent": "%" in suffix or "cent" in suffix})
    return out


def format_number(value, like_digits, like_frac):
    """VALUE formatted like the original (thousands commas, decimal places)."""
    places = len(like_frac) - 1 if like_frac else 0
    if places == 0 and abs(value - round(value)) > 1e-9:
        places = 1
    # Commas as in the original, and always for 1000-2100, which bare would read as a year.
    commas = "," in like_digits or (places == 0 and 1000 <= value <= 2100)
    text = ("{:,.%df}" if commas else "{:.%df}") % places
    return text.format(value)


def scaled(n):
    """The number N changed by a factor of two: doubled, or halved for
    percentages above 50 (a doubled share would be over 100)."""
    factor = 0.5 if n["percent"] and n["value"] > 50 else 2.0
    return format_number(n["value"] * factor, n["digits"], n["frac"])


# ---------------------------------------------------------------- entities, names

CAPITALISED_RE = re.compile(r"[{lu}](?:[^\W\d_]|['\u2019-])*(?:\s+(?:of\s+)?[{lu}](?:[^\W\d_]|['\u2019-])*)*"
                            .format(lu=LU))
NOT_ENTITIES = set("""a after an and april as at august before but december during earlier february
friday he her his however in it its january july june last later march may meanwhile monday november
october on one saturday september she since sunday that the their then these they this thursday today
tuesday until wednesday when while yesterday mid early late sept sep jan feb mar apr jun jul aug oct nov
dec year""".split())


def entities(s):
    """Lower-case capitalised phrases as the C++ extractor keys them."""
    out = []
    for m in CAPITALISED_RE.finditer(s):
        e = m.group(0).lower()
        for p in ("'s", "\u2019s"):
            if len(e) > len(p) and e.endswith(p):
                e = e[:-len(p)]
        if e in NOT_ENTITIES or len(e.encode("utf-8")) < 3:
            continue
        if e not in out:
            out.append(e)
    return out


# StripTitles in src/extract/names.cc, ported: qualifiers, then title runs
# (modifiers and heads ending in a head, "of" + portfolio after secretary or
# minister), nationalities or possessives only when a title follows.
QUALIFIERS = set("the former acting late outgoing incoming interim then retired new".split())
TITLE_HEADS = set("""mr mrs ms miss mx dr prof professor sir dame lord president president-elect vice-president
premier chancellor minister secretary secretary-general senator sen rep representative congressman
congresswoman gov governor general gen lt col colonel maj major capt captain adm admiral sgt sergeant
ambassador envoy mayor judge justice pope king queen prince princess sheikh ayatollah rabbi rev reverend
speaker chairman chairwoman chair ceo spokesman spokeswoman spokesperson commissioner director officer
leader chief marshal attorney lieutenant commander emir sultan patriarch archbishop bishop cardinal""".split())
TITLE_MODIFIERS = set("""prime deputy vice foreign defence defense interior finance health economy economic home
state first senior assistant under trade energy education security national supreme lieutenant attorney
executive managing chief army armed forces military staff top opposition party central bank press
field""".split())
OF_PORTFOLIO = set("""state defense defence foreign affairs the interior finance health justice treasury homeland
security commerce energy education labor labour agriculture transportation staff""".split())
NATIONALITIES = set("""us usa american uk british english scottish welsh irish french german russian ukrainian
chinese japanese indian israeli palestinian iranian iraqi syrian turkish armenian azerbaijani georgian italian
spanish polish dutch belgian swedish norwegian finnish danish canadian australian mexican brazilian argentine
egyptian saudi qatari emirati pakistani afghan korean south north eu un nato european belarusian hungarian
greek lebanese jordanian kazakh venezuelan colombian nigerian kenyan ethiopian sudanese yemeni libyan tunisian
moroccan algerian serbian croatian romanian bulgarian czech slovak austrian swiss portuguese taiwanese
vietnamese thai filipino indonesian malaysian white house kremlin state federal county""".split())


def _title_length(keys, i):
    end = i
    for j in range(i, len(keys)):
        head = keys[j] in TITLE_HEADS
        if not head and keys[j] not in TITLE_MODIFIERS:
            break
        if head:
            end = j + 1
    if end == i:
        return 0
    if keys[end - 1] in ("secretary", "minister") and end + 1 < len(keys) and keys[end] == "of" \
            and keys[end + 1] in OF_PORTFOLIO:
        end += 2
        while end < len(keys) and keys[end] in OF_PORTFOLIO:
            end += 1
    return end - i


def strip_titles(name):
    """The tokens of NAME after the C++ StripTitles."""
    tokens = name.split()
    for i, t in enumerate(tokens):
        if "," in t:
            t = t[:t.index(",")]
            tokens = tokens[:i] + ([t] if t else [])
            break
    keys = [t.replace(".", "").lower() for t in tokens]
    i = 0
    while i < len(tokens):
        for prefix in ("then-", "ex-"):
            if keys[i].startswith(prefix) and len(keys[i]) > len(prefix) \
                    and _title_length([keys[i][len(prefix):]], 0):
                keys[i] = keys[i][len(prefix):]
        if keys[i] in QUALIFIERS:
            i += 1
            continue
        n = _title_length(keys, i)
        if n:
            i += n
            continue
        j = i
        while j < len(tokens) and (keys[j] in NATIONALITIES or keys[j].endswith(("'s", "\u2019s"))):
            j += 1
        if j > i and _title_length(keys, j):
            i = j
            continue
        break
    return tokens[i:]


def jaro(a, b):
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    window = max(len(a), len(b)) // 2 - 1 if max(len(a), len(b)) // 2 > 0 else 0
    am, bm = [False] * len(a), [False] * len(b)
    m = 0
    for i, ch in enumerate(a):
        for j in range(max(0, i - window), min(len(b), i + window + 1)):
            if bm[j] or b[j] != ch:
                continue
            am[i] = bm[j] = True
            m += 1
            break
    if m == 0:
        return 0.0
    half, j = 0, 0
    for i in range(len(a)):
        if not am[i]:
            continue
        while not bm[j]:
            j += 1
        if a[i] != b[j]:
            half += 1
        j += 1
    t = half / 2.0
    return (m / len(a) + m / len(b) + (m - t) / m) / 3.0


def jaro_winkler(a, b):
    a, b = a.lower(), b.lower()
    j = jaro(a, b)
    p = 0
    while p < min(4, len(a), len(b)) and a[p] == b[p]:
        p += 1
    return j + p * 0.1 * (1.0 - j)


def is_spelling_variant(given_a, given_b):
    a, b = given_a.lower(), given_b.lower()
    if not a or not b or a == b:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if long_.startswith(short):
        return False
    return jaro_winkler(a, b) >= 0.9


VOWELS = set("aeiouy")
DOUBLING = set("bcdfglmnprstz")      # consonants English spelling doubles


def respellings(word):
    """Misspellings of a given name that a copy editor would miss: an inner
    double consonant undoubled or a single one doubled, or two adjacent
    letters after the first swapped; only those that provcheck's rule must
    call a variant of WORD (Jaro-Winkler >= 0.9, neither a prefix)."""
    out = []
    w = word
    for i in range(1, len(w) - 1):
        if w[i] == w[i + 1] and w[i].lower() not in VOWELS:
            out.append(("undouble", w[:i] + w[i + 1:]))
        elif w[i].lower() in DOUBLING and w[i - 1] != w[i] and w[i + 1] != w[i]:
            out.append(("double", w[:i + 1] + w[i] + w[i + 1:]))
    for i in range(1, len(w) - 1):
        if w[i] != w[i + 1] and w[i].isalpha() and w[i + 1].isalpha():
            out.append(("swap", w[:i] + w[i + 1] + w[i] + w[i + 2:]))
    seen, good = set(), []
    for kind, v in out:
        if v in seen or v == w:
            continue
        seen.add(v)
        if is_spelling_variant(w, v):
            good.append((kind, v))
    return good


# ---------------------------------------------------------------- candidates

class Vocab:
    def __init__(self, rules_dir):
        self.events, self.mentions = load_vocabulary(rules_dir)


def analyse(text, vocab):
    """Keyed-claim estimate and perturbation candidates of one document.

    Returns (claims, {type: [candidate]}, {"date-format": [...], "number-format": [...]}).
    A candidate: start/end (document offsets of the value), line, replacement,
    keyable (the mirror of the C++ keying says provcheck compares it), reason
    (why not, or "keyable"), keys (packing keys of the claim).
    """
    claims = 0
    cands = {t: [] for t in TYPES}
    formats = {"date-format": [], "number-format": []}
    for s0, s1, line in sentences(text):
        s = text[s0:s1]
        # Person mentions.
        for rx in vocab.mentions:
            pos = 0
            while pos < len(s):
                m = rx.search(s, pos)
                if not m:
                    break
                pos = max(m.end(), pos + 1)
                tokens = strip_titles(m.group("name"))
                if len(tokens) < 2:
                    continue
                claims += 1
                given, surname = tokens[0], tokens[-1]
                if not re.fullmatch(r"[%s][%s]+" % (LU, LL), given):
                    continue
                gstart = m.start("name") + re.search(r"(?<!\w)%s(?!\w)" % re.escape(given), m.group("name")).start()
                for kind, v in respellings(given):
                    whole_a = " ".join(tokens[:-1])
                    whole_b = v + whole_a[len(given):]
                    if not is_spelling_variant(whole_a, whole_b):
                        continue
                    cands["name"].append({
                        "start": s0 + gstart, "end": s0 + gstart + len(given), "line": line,
                        "replacement": v, "how": kind, "form": kind, "keyable": True, "reason": "keyable",
                        "keys": {"p|%s|%s" % (surname.lower(), given[:1].lower())}})
        # Events.
        triggers = {}
        for cls, rx in vocab.events.items():
            m = rx.search(s)
            if m:
                triggers[cls] = m.start()
        if not triggers:
            continue
        ents = entities(s)
        dates = find_dates(s)
        date_starts = all_date_starts(s, dates)
        date_spans = [(d["start"] if d["form"] != "in-year" else d["start"] - 3, d["end"]) for d in dates]
        nums = find_numbers(s, date_spans)
        qstarts = quantity_starts(s, nums, date_spans + [(x, x + 4) for x in date_starts])
        if ents:
            claims += len(triggers) * ((1 if date_starts else 0) + (1 if nums else 0))
        pairs = {"%s|%s|%s" % (cls, a, b) for cls in triggers for a in ents for b in ents if a < b}

        def nearest(starts, x):
            return min(starts, key=lambda p: (abs(p - x), p)) if starts else None

        for d in dates:
            reason = "keyable"
            if len(ents) < 2:
                reason = "fewer than two entities in the sentence"
            elif not any(nearest(date_starts, t) == d["start"] for t in triggers.values()):
                reason = "another date is nearer the event word"
            new_year = d["year"] + (1 if (d["year"] + d["start"]) % 2 else -1)
            if d["day"] == 29 and d["month"] == 2:
                continue
            a = s0 + d["ystart"]
            cands["date"].append({
                "start": a, "end": a + 4, "line": line, "replacement": str(new_year), "form": d["form"],
                "keyable": reason == "keyable", "reason": reason, "keys": pairs})
            if d["day"] is not None:
                iso = "%04d-%02d-%02d" % (d["year"], d["month"], d["day"])
                if d["form"] == "day-month-year":
                    alt = ["%s %d, %d" % (MONTHS[d["month"] - 1].capitalize(), d["day"], d["year"]), iso]
                else:
                    alt = ["%d %s %d" % (d["day"], MONTHS[d["month"] - 1].capitalize(), d["year"]), iso]
                for k, rep in enumerate(alt):
                    formats["date-format"].append({
                        "start": s0 + d["start"], "end": s0 + d["end"], "line": line, "replacement": rep,
                        "form": "%s->%s" % (d["form"], "iso" if k else "words"), "keys": pairs})
        for n in nums:
            reason = "keyable"
            if len(ents) < 2:
                reason = "fewer than two entities in the sentence"
            elif not date_starts:
                reason = "sentence undated (counts are compared only when dated alike)"
            elif not any(nearest(qstarts, t) == n["start"] for t in triggers.values()):
                reason = "another number is nearer the event word"
            a = s0 + n["start"]
            num_end = a + len(n["digits"]) + len(n["frac"])
            cands["quantity"].append({
                "start": a, "end": num_end, "line": line, "replacement": scaled(n),
                "form": "percent" if n["percent"] else ("scaled" if n["suffix"].strip() else "plain"),
                "keyable": reason == "keyable", "reason": reason, "keys": pairs})
            # Same number, other spelling.
            if not n["frac"] and "," in n["digits"]:
                formats["number-format"].append({"start": a, "end": num_end, "line": line,
                                                 "replacement": n["digits"].replace(",", ""),
                                                 "form": "commas dropped", "keys": pairs})
            elif not n["frac"] and len(n["digits"]) >= 5:
                formats["number-format"].append({"start": a, "end": num_end, "line": line,
                                                 "replacement": "{:,}".format(int(n["digits"])),
                                                 "form": "commas added", "keys": pairs})
            suf = n["suffix"].strip().lower()
            scale = {"million": 10 ** 6, "m": 10 ** 6, "billion": 10 ** 9, "bn": 10 ** 9}.get(suf)
            if scale and not n["percent"]:
                full = int(round(n["value"] * scale))
                formats["number-format"].append({"start": a, "end": s0 + n["end"], "line": line,
                                                 "replacement": "{:,}".format(full),
                                                 "form": "scale word spelt out", "keys": pairs})
    return claims, cands, formats


def count_claims(text, vocab):
    return analyse(text, vocab)[0]


# ---------------------------------------------------------------- corpora

def load_corpora(args):
    """[(corpus, name, text)] and notes about skipped corpora."""
    import false_alarms
    docs, notes = [], []
    want = [c.strip() for c in args.corpora.split(",") if c.strip()]
    if "bbc" in want:
        root = common.corpus_dir(BBC)
        if not root:
            notes.append("BBC corpus folder %s not found: skipped" % BBC)
        else:
            bbc = false_alarms.load_bbc(root, limit=args.limit or (300 if args.quick else None))
            docs += [("bbc", name, text) for name, text, _ in bbc]
    if "reuters" in want:
        root = common.corpus_dir(REUTERS)
        if not root:
            notes.append("Reuters corpus folder %s not found: skipped" % REUTERS)
        else:
            reu = false_alarms.load_reuters(root, limit_files=1 if args.quick else None)
            if args.limit:
                reu = reu[:args.limit]
            docs += [("reuters", name, text) for name, text, _ in reu]
    return docs, notes


# ---------------------------------------------------------------- pairs

class Pair:
    __slots__ = ("pid", "corpus", "name", "group", "type", "cand", "text_a", "text_b", "claims",
                 "hard", "soft", "dir", "kept", "ambiguous", "dropped")

    def __init__(self, pid, corpus, name, group, type_, cand, text_a, text_b):
        self.pid, self.corpus, self.name, self.group, self.type = pid, corpus, name, group, type_
        self.cand, self.text_a, self.text_b = cand, text_a, text_b
        self.claims = 0
        self.hard, self.soft = set(), set()
        self.dir = None
        self.kept, self.ambiguous, self.dropped = [], False, 0


def apply(text, cand):
    return text[:cand["start"]] + cand["replacement"] + text[cand["end"]:]


def build_pairs(docs, vocab, args):
    """All pairs, and per-type candidate statistics."""
    stats = {t: collections.Counter() for t in TYPES + ("date-format", "number-format")}
    pairs = []
    for corpus, name, text in docs:
        claims, cands, formats = analyse(text, vocab)
        article_key = "doc|%s|%s" % (corpus, name)
        all_keys = {article_key}
        for cl in list(cands.values()) + list(formats.values()):
            for c in cl:
                all_keys |= c["keys"]
        rng = random.Random("%s/%s/%d" % (corpus, name, args.seed))

        def add(group, type_, cand, text_b, k):
            p = Pair("%s-%s-%s-%d" % (corpus, name.replace(".txt", ""), type_, k),
                     corpus, name, group, type_, cand, text, text_b)
            p.claims = claims + (claims if text_b == text else count_claims(text_b, vocab))
            p.soft = all_keys
            p.hard = {article_key} | (cand["keys"] if cand and group == "perturbed" else set())
            pairs.append(p)

        add("unperturbed", "identical", None, text, 0)
        for t in TYPES:
            cl = cands[t]
            # One candidate per value position (a name may have several respellings).
            by_pos = collections.OrderedDict()
            for c in cl:
                by_pos.setdefault((c["start"], c["end"]), []).append(c)
            stats[t]["candidates"] += len(by_pos)
            stats[t]["keyable"] += sum(1 for v in by_pos.values() if v[0]["keyable"])
            chosen = list(by_pos.values())
            rng.shuffle(chosen)
            for k, options in enumerate(chosen[:args.per_type]):
                c = rng.choice(options)
                stats[t]["perturbed"] += 1
                add("perturbed", t, c, apply(text, c), k)
        for t, cl in formats.items():
            stats[t]["candidates"] += len(cl)
            cl = list(cl)
            rng.shuffle(cl)
            for k, c in enumerate(cl[:args.per_format]):
                stats[t]["perturbed"] += 1
                add("format", t, c, apply(text, c), k)
    return pairs, stats


def pack(pairs, cap=BATCH_PAIRS):
    """First-fit packing: a batch never holds a pair whose hard keys (the
    changed claim's keys, and its article) meet another pair's soft keys
    (every claim key of its article)."""
    batches = []
    hard_in = collections.defaultdict(set)     # key -> batches holding it as a hard key
    soft_in = collections.defaultdict(set)
    order = sorted(pairs, key=lambda p: (-len(p.hard), p.pid))
    start = 0                                   # batches before this one are full
    for p in order:
        banned = set()
        for k in p.hard:
            banned |= soft_in.get(k, set())
        for k in p.soft:
            banned |= hard_in.get(k, set())
        while start < len(batches) and len(batches[start]) >= cap:
            start += 1
        i = start
        while i < len(batches) and (i in banned or len(batches[i]) >= cap):
            i += 1
        if i == len(batches):
            batches.append([])
        batches[i].append(p)
        for k in p.hard:
            hard_in[k].add(i)
        for k in p.soft:
            soft_in[k].add(i)
    return batches


def write_pairs(batch, root):
    for p in batch:
        p.dir = os.path.join(root, p.pid)
        os.makedirs(p.dir, exist_ok=True)
        common.write_text(os.path.join(p.dir, "a.txt"), p.text_a)
        common.write_text(os.path.join(p.dir, "b.txt"), p.text_b)


def run_json(paths, jobs):
    res, secs = common.run_provcheck(paths, jobs=jobs, extra=("--no-config",))
    return res, secs


def classify(batch, result, is_ledger):
    """Assigns each contradiction finding to its pair: kept, dropped or ambiguous."""
    by_dir = {os.path.abspath(p.dir): p for p in batch}
    for p in batch:
        p.kept, p.ambiguous, p.dropped = [], False, 0
    for path, findings in result.items():
        apath = os.path.abspath(path)
        p = by_dir.get(os.path.dirname(apath))
        if p is None:
            continue
        side = os.path.basename(apath)[0]
        for f in findings:
            if f.get("kind") != "contradiction":
                continue
            rel = f.get("related", [])
            own = [r for r in rel if os.path.dirname(os.path.abspath(r["path"])) == os.path.abspath(p.dir)]
            ledger = [r for r in rel if is_ledger(r["path"])]
            if not own and len(rel) >= MAX_RELATED:
                p.ambiguous = True      # the own pair's side may have been crowded out
            elif own or ledger:
                p.kept.append({"side": side, "line": f["line"], "rule": f["rule"], "column": f["column"],
                               "end_column": f["end_column"], "pair": bool(own), "ledger": bool(ledger),
                               "message": f.get("message", "")})
            else:
                p.dropped += 1


def run_pairs(pairs, args, workdir, is_ledger, log):
    """Runs every pair (batched, then ambiguous pairs alone); returns run stats."""
    batches = pack(pairs)
    log("  %d pairs packed into %d batches" % (len(pairs), len(batches)))
    stats = collections.Counter(batches=len(batches))

    def run_batch(ib):
        i, batch = ib
        root = os.path.join(workdir, "batch%04d" % i)
        write_pairs(batch, root)
        res, secs = run_json([root], 1)
        classify(batch, res, is_ledger)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        return secs

    t0 = time.time()
    with ThreadPoolExecutor(max_workers=2) as pool:
        for k, secs in enumerate(pool.map(run_batch, enumerate(batches)), 1):
            stats["provcheck_seconds"] += secs
            if k % 10 == 0 or k == len(batches):
                log("  batch %d/%d (%.0fs)" % (k, len(batches), time.time() - t0))
    ambiguous = [p for p in pairs if p.ambiguous]
    stats["ambiguous"] = len(ambiguous)
    stats["dropped_findings"] = sum(p.dropped for p in pairs)
    if ambiguous:
        log("  %d ambiguous pairs: running each alone" % len(ambiguous))
        run_alone(ambiguous, workdir, "alone", is_ledger, args)
    return stats


def run_alone(pairs, workdir, tag, is_ledger, args):
    def one(ip):
        i, p = ip
        root = os.path.join(workdir, "%s%05d" % (tag, i))
        write_pairs([p], root)
        res, _ = run_json([root], 1)
        classify([p], res, is_ledger)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        return p

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, enumerate(pairs)))


def finding_set(p):
    return sorted((k["side"], k["line"], k["column"], k["rule"], k["pair"], k["ledger"]) for k in p.kept)


def verify(pairs, n, workdir, is_ledger, args, seed):
    """Re-runs N pairs alone (half with findings when there are) and compares."""
    rng = random.Random(seed)
    with_f = [p for p in pairs if p.kept]
    without = [p for p in pairs if not p.kept]
    sample = rng.sample(with_f, min(len(with_f), n // 2))
    sample += rng.sample(without, min(len(without), n - len(sample)))
    before = {p.pid: finding_set(p) for p in sample}
    run_alone(sample, workdir, "verify", is_ledger, args)
    same = sum(1 for p in sample if finding_set(p) == before[p.pid])
    return same, len(sample)


# ---------------------------------------------------------------- scoring

def caught(p):
    rule = RULE_OF[p.type]
    return any(k["rule"] == rule and k["pair"] and k["line"] == p.cand["line"] for k in p.kept)


def score(pairs, stats):
    per = {t: collections.Counter() for t in TYPES}
    reasons = {t: collections.Counter() for t in TYPES}
    forms = {t: collections.defaultdict(lambda: [0, 0]) for t in TYPES}
    fp = {g: collections.Counter() for g in ("unperturbed", "date-format", "number-format")}
    fp_rules = {g: collections.Counter() for g in fp}
    misses = []
    for p in pairs:
        if p.group == "perturbed":
            c = per[p.type]
            hit = caught(p)
            c["perturbed"] += 1
            c["caught"] += hit
            c["keyable"] += p.cand["keyable"]
            c["keyable_caught"] += hit and p.cand["keyable"]
            c["caught_span"] += any(
                k["rule"] == RULE_OF[p.type] and k["pair"] and k["line"] == p.cand["line"] and k["side"] == "b"
                for k in p.kept)
            c["other_findings"] += sum(1 for k in p.kept if not (k["rule"] == RULE_OF[p.type] and k["pair"]
                                                                  and k["line"] == p.cand["line"]))
            forms[p.type][p.cand["form"]][0] += 1
            forms[p.type][p.cand["form"]][1] += hit
            if not hit:
                reasons[p.type][p.cand["reason"]] += 1
                misses.append(p)
            elif not p.cand["keyable"]:
                reasons[p.type]["caught although the mirror said not keyable"] += 1
                misses.append(p)
        else:
            g = "unperturbed" if p.group == "unperturbed" else p.type
            c = fp[g]
            c["pairs"] += 1
            c["claims"] += p.claims
            c["findings"] += len(p.kept)
            c["pair_findings"] += sum(1 for k in p.kept if k["pair"])
            c["ledger_findings"] += sum(1 for k in p.kept if k["ledger"] and not k["pair"])
            c["pairs_with_findings"] += bool(p.kept)
            for k in p.kept:
                fp_rules[g][k["rule"]] += 1
    return per, reasons, forms, fp, fp_rules, misses


def write_misses(misses, path=MISSES_PATH, limit=600):
    """Missed perturbations with their sentences, for manual review (outside the repo)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Missed perturbations, and catches the mirror did not expect (data text: never copy into "
                "the repository)\n\n")
        for p in misses[:limit]:
            c = p.cand
            s0, s1 = next(((a, b) for a, b, _ in sentences(p.text_a) if a <= c["start"] < b), (c["start"], c["end"]))
            delta = len(c["replacement"]) - (c["end"] - c["start"])
            f.write("[%s] %s type=%s form=%s reason=%s  %r -> %r\n  A : %s\n  A': %s\n  kept findings: %s\n\n" % (
                p.pid, "CAUGHT" if caught(p) else "MISSED", p.type, c["form"], c["reason"],
                p.text_a[c["start"]:c["end"]], c["replacement"],
                p.text_a[s0:s1], p.text_b[s0:s1 + delta], p.kept))


# ---------------------------------------------------------------- scaling

SYL = ["ka", "ro", "ven", "tal", "mir", "os", "du", "bel", "sar", "ni", "kov", "an", "gor", "lis", "te",
       "vra", "mun", "dez", "hal", "pe", "quin", "sto", "ber", "lu", "zan", "fe", "gri", "ol", "mak", "see"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Governor", "Mayor", "General", "Senator",
          "Ambassador", "Commissioner", "Dr"]
TEMPLATES = {
    "offensive": "{E1} forces captured {E2} on {date}, {title} {person} said.",
    "exodus": "{E1} said more than {n} people had fled {E2} in {monthyear}, {title} {person} said.",
    "ceasefire": "{E1} and {E2} agreed a ceasefire on {date}, according to {title} {person}.",
    "signing": "{E1} signed a trade agreement with {E2} on {date}, {title} {person} announced.",
    "election": "{E1} held an election in {E2} on {date}, {title} {person} said.",
}
# The hub variant opens the exodus sentence the way news copy often does. The
# capitalised "More" is not on the extractor's stop list, so it becomes an
# entity shared by every exodus claim: one key whose bucket grows with N.
HUB_EXODUS = "More than {n} people fled {E2} for {E1} in {monthyear}, {title} {person} said."
FILLER = ["Officials in {E1} gave no further details.",
          "{title} {person} had visited {E2} earlier in the year.",
          "Talks between {E1} and {E2} are expected to continue."]


def pool_words(rng, n, syllables):
    out, seen = [], set()
    while len(out) < n:
        w = "".join(rng.choice(SYL) for _ in range(rng.choice(syllables))).capitalize()
        if w.lower() not in seen and w.lower() not in NOT_ENTITIES:
            seen.add(w.lower())
            out.append(w)
    return out


def synth_corpus(root, n, seed, pools, hub=False, vocab=None):
    """Writes N documents; returns the mirror's claim count per key (for bucket sizes)."""
    rng = random.Random(seed)
    ents, given, surnames = pools
    per_dir = 1000
    buckets = collections.Counter()
    for i in range(n):
        d = os.path.join(root, "d%03d" % (i // per_dir))
        if i % per_dir == 0:
            os.makedirs(d, exist_ok=True)
        e1, e2 = rng.sample(ents, 2)
        cls = rng.choice(list(TEMPLATES))
        y, m, day = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
        kw = dict(E1=e1, E2=e2, date="%d %s %d" % (day, MONTHS[m - 1].capitalize(), y),
                  monthyear="%s %d" % (MONTHS[m - 1].capitalize(), y), n="{:,}".format(rng.randint(2, 900) * 100),
                  title=rng.choice(TITLES), surname=rng.choice(surnames), given=rng.choice(given))
        kw["person"] = "%s %s" % (kw["given"], kw["surname"])
        template = HUB_EXODUS if hub and cls == "exodus" else TEMPLATES[cls]
        body = [template.format(**kw)]
        fillers = rng.sample(FILLER, rng.choice((1, 2)))
        body += [f.format(**kw) for f in fillers]
        with open(os.path.join(d, "%06d.txt" % i), "w", encoding="utf-8") as f:
            f.write("Report %d from %s\n\n%s\n" % (i, e1, " ".join(body)))
        # Keys the C++ extractor gives these sentences (class and each entity).
        for e in entities(body[0]):
            buckets["d|%s|%s" % (cls, e)] += 1
            if cls == "exodus":
                buckets["q|%s|%s" % (cls, e)] += 1
        buckets["p|" + kw["surname"].lower()] += 1 + sum(1 for f in fillers if "{person}" in f)
    return buckets


def timed_run(path, jobs):
    """(wall seconds, peak RSS MB) of one lint run, output discarded."""
    cmd = ["/usr/bin/time", "-f", "%e %M", common.binary(), "lint", "--format", "json", "--fail-on", "none",
           "--no-config", "-j", str(jobs), path]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    last = proc.stderr.decode("utf-8", "replace").strip().split("\n")[-1].split()
    if proc.returncode != 0 or len(last) != 2:
        raise common.ProvcheckError("timed run failed (%d): %s" % (proc.returncode, proc.stderr[-500:]))
    return float(last[0]), int(last[1]) / 1024.0


def count_contradictions(path, jobs):
    res, _ = run_json([path], jobs)
    return sum(1 for fs in res.values() for f in fs if f.get("kind") == "contradiction"), len(res)


def scaling(variants, args, log):
    """[(variant, [row])] and the start-up time; variants = [(name, hub, sizes)]."""
    out = []
    rng = random.Random(args.seed)
    pools = (pool_words(rng, 2000, (2, 3)), pool_words(rng, 300, (2,)), pool_words(rng, 2000, (2, 3)))
    one = tempfile.mkdtemp(prefix="provcheck-eval-scale-1-", dir="/tmp")
    synth_corpus(one, 1, args.seed, pools)
    start_wall = min(timed_run(one, args.jobs)[0] for _ in range(3))
    common.cleanup(one)
    for variant, hub, sizes in variants:
        rows = []
        for n in sizes:
            root = tempfile.mkdtemp(prefix="provcheck-eval-scale-%s-%d-" % (variant, n), dir="/tmp")
            try:
                t0 = time.time()
                buckets = synth_corpus(root, n, args.seed + n, pools, hub=hub)
                log("  scaling (%s): %d documents written in %.0fs" % (variant, n, time.time() - t0))
                wall, rss = timed_run(root, args.jobs)
                log("  scaling (%s): N=%d: %.1fs, %.0f MB" % (variant, n, wall, rss))
                nfind = count_contradictions(root, args.jobs)[0] if n <= 10000 else None
                rows.append({"n": n, "wall": wall, "rss": rss, "per_1k": 1000.0 * wall / n,
                             "per_1k_net": 1000.0 * max(0.0, wall - start_wall) / n, "contradictions": nfind,
                             "largest": max(buckets.values()),
                             "comparisons": sum(m * (m - 1) // 2 for m in buckets.values())})
                if wall > 900:
                    log("  scaling (%s): N=%d took over 15 minutes; stopping" % (variant, n))
                    break
            finally:
                common.cleanup(root)
        out.append((variant, rows))
    return out, start_wall


# ---------------------------------------------------------------- environment

def snapshot_binary():
    """Copies the binary and its rules to /tmp so a rebuild cannot change them mid-run."""
    exe = common.binary()
    if not os.path.exists(exe):
        raise common.ProvcheckError("provcheck binary not found at %s (build it: scripts/build)" % exe)
    rules = os.environ.get("PROVCHECK_RULES") or os.path.join(common.REPO, "rules")
    snap = tempfile.mkdtemp(prefix="provcheck-eval-perturb-bin-", dir="/tmp")
    for attempt in range(5):
        os.makedirs(os.path.join(snap, "bin"), exist_ok=True)
        shutil.copy2(exe, os.path.join(snap, "bin", "provcheck"))
        shutil.rmtree(os.path.join(snap, "rules"), ignore_errors=True)
        shutil.copytree(rules, os.path.join(snap, "rules"))
        probe = subprocess.run([os.path.join(snap, "bin", "provcheck"), "--version"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if probe.returncode == 0:
            break
        time.sleep(10)
    else:
        raise common.ProvcheckError("the binary at %s does not run (being rebuilt?)" % exe)
    with open(os.path.join(snap, "bin", "provcheck"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:12]
    os.environ["PROVCHECK"] = os.path.join(snap, "bin", "provcheck")
    os.environ["PROVCHECK_RULES"] = os.path.join(snap, "rules")
    return snap, digest, probe.stdout.decode().strip()


def git_rev():
    try:
        out = subprocess.run(["git", "-C", common.REPO, "rev-parse", "--short", "HEAD"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        rev = out.stdout.decode().strip() or "no commit yet"
        dirty = subprocess.run(["git", "-C", common.REPO, "status", "--porcelain", "--untracked-files=no"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.strip()
        return rev + (" (working tree modified)" if dirty else "")
    except OSError:
        return "unknown"


# ---------------------------------------------------------------- report

def pct(a, b):
    return "%.1f%%" % (100.0 * a / b) if b else "-"


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(str(x) for x in r) + " |" for r in rows]
    return out


def report(ctx):
    L = []
    L.append("# Contradiction detection: perturbation evaluation")
    L.append("")
    L.append("Generated by `eval/perturb.py`%s on %s; commit %s; binary sha256 %s (%s); "
             "machine load average at start %s." % (
                 " --quick" if ctx["quick"] else "", ctx["date"], ctx["commit"], ctx["digest"],
                 ctx["version"], ctx["load"]))
    for n in ctx["notes"]:
        L.append("")
        L.append("- " + n)
    if ctx.get("per"):
        per, reasons, forms, fp, fp_rules = ctx["per"], ctx["reasons"], ctx["forms"], ctx["fp"], ctx["fp_rules"]
        cstats = ctx["cand_stats"]
        L += ["", "## Recall on one-change pairs", "",
              "Corpora: %s (%d articles). One pair per change; caught = a `contradiction` finding of the "
              "type's rule, with `related` pointing at the other document of the pair, on the changed line "
              "of A' or the original line of A." % (ctx["corpora"], ctx["ndocs"]), ""]
        rows = []
        for t in TYPES:
            c = per[t]
            rows.append([t, cstats[t]["candidates"], "%d (%s)" % (cstats[t]["keyable"], pct(cstats[t]["keyable"], cstats[t]["candidates"])),
                         c["perturbed"], c["caught"], pct(c["caught"], c["perturbed"]),
                         "%d/%d = %s" % (c["keyable_caught"], c["keyable"], pct(c["keyable_caught"], c["keyable"])),
                         c["other_findings"]])
        L += table(["type", "candidates", "keyable by the mirror", "perturbed", "caught", "recall",
                    "recall on keyable", "findings on other lines"], rows)
        L += ["", "Findings on other lines: kept findings of the pair that are not on the changed line (for names, "
              "the article's other titled mentions of the same person, set against the respelt one).", ""]
        L += ["Candidates: date = a perturbable date expression (D Month YYYY, Month D, YYYY, Month YYYY, "
              "in YYYY) in a sentence with an event trigger; quantity = a number in such a sentence; name = a "
              "titled person mention of two or more words whose given name has an admissible respelling. "
              "\"Keyable\" = the Python mirror of the C++ keying says provcheck compares it (two or more "
              "entities; the date or number nearest the trigger; quantities dated).", ""]
        L += ["### Recall by form", ""]
        rows = []
        for t in TYPES:
            for form, (n, hit) in sorted(forms[t].items(), key=lambda x: -x[1][0]):
                rows.append([t, form, n, hit, pct(hit, n)])
        L += table(["type", "form", "perturbed", "caught", "recall"], rows)
        L += ["", "### Misses by reason (generic; from the mirror of the C++ keying)", ""]
        rows = []
        for t in TYPES:
            for why, n in reasons[t].most_common():
                rows.append([t, why, n])
        L += table(["type", "reason", "pairs"], rows)
        L += ["", "## False positives on pairs that must stay clean", "",
              "A finding anywhere in these pairs is a false positive. Keyed claims are estimated by the "
              "mirror (titled two-word person mentions, plus per event sentence with an entity one date "
              "claim when dated and one quantity claim when it has a number), summed over both documents.", ""]
        rows = []
        for g, label in (("unperturbed", "unperturbed (identical copy)"), ("date-format", "format-only: date"),
                         ("number-format", "format-only: number")):
            c = fp[g]
            rows.append([label, c["pairs"], c["claims"], c["findings"], c["pair_findings"], c["ledger_findings"],
                         c["pairs_with_findings"],
                         "%.2f" % (1000.0 * c["findings"] / c["claims"]) if c["claims"] else "-"])
        tot = collections.Counter()
        for g in fp:
            tot.update(fp[g])
        rows.append(["all clean pairs", tot["pairs"], tot["claims"], tot["findings"], tot["pair_findings"],
                     tot["ledger_findings"], tot["pairs_with_findings"],
                     "%.2f" % (1000.0 * tot["findings"] / tot["claims"]) if tot["claims"] else "-"])
        L += table(["pairs", "n", "keyed claims (est.)", "findings", "across the pair", "vs the ledger",
                    "pairs with a finding", "FP per 1,000 keyed claims"], rows)
        if tot["claims"] and not tot["findings"]:
            L += ["", "No finding at all: by the rule of three, the rate is below %.2f per 1,000 keyed claims "
                  "with 95%% confidence." % (3000.0 / tot["claims"])]
        L += ["", "False positives by rule: " + "; ".join(
            "%s: %s" % (g, common.top_counter(fp_rules[g])) for g in fp_rules), ""]
        rs = ctx["run_stats"]
        L += ["## Runs", "",
              "- %d pairs in %d provcheck runs (%.0f s of provcheck wall time, two runs at a time); "
              "%d findings dropped because all their related sides were in other pairs; %d pairs ambiguous "
              "and run again alone." % (ctx["npairs"], rs["batches"], rs["provcheck_seconds"],
                                         rs["dropped_findings"], rs["ambiguous"]),
              "- Batched result against runs of single pairs: %d of %d sampled pairs identical." % ctx["verify"]]
    if ctx.get("scale"):
        L += ["", "## Linear growth (synthetic documents)", "",
              "`provcheck lint --format json --fail-on none -j %d DIR > /dev/null` under `/usr/bin/time -f "
              "'%%e %%M'`. Each document: a title line and 2-3 sentences, one with an event trigger of a random "
              "class, two entities drawn from a pool of 2,000, a date (and a count for an exodus), and a titled "
              "person (300 given names x 2,000 surnames). Variant *pool*: every capitalised phrase comes from the "
              "pools. Variant *hub*: the exodus sentence opens with \"More than ...\", and the capitalised "
              "\"More\" becomes an entity shared by a fifth of all claims, as ubiquitous names (a country, "
              "\"Government\") are in real copy. Start-up (a one-document run) %.2f s is subtracted in the net "
              "column. Largest bucket and pair comparisons are the mirror's count of claims per key (class + "
              "entity, or surname) and the sum of m(m-1)/2 over keys: what the cross-check compares."
              % (ctx["jobs"], ctx["startup"]), ""]
        rows = []
        for variant, vrows in ctx["scale"]:
            for r in vrows:
                rows.append([variant, "{:,}".format(r["n"]), "%.1f" % r["wall"], "%.0f" % r["rss"],
                             "%.2f" % r["per_1k"], "%.2f" % r["per_1k_net"], "{:,}".format(r["largest"]),
                             "{:,}".format(r["comparisons"]),
                             r["contradictions"] if r["contradictions"] is not None else "not counted"])
        L += table(["variant", "documents", "wall s", "peak RSS MB", "s per 1,000 docs", "net s per 1,000 docs",
                    "largest bucket", "pair comparisons", "contradiction findings"], rows)
    L += ["", "## Method", ""]
    L += METHOD.strip("\n").split("\n")
    return L


METHOD = """
- **Candidates** are found in Python with the ledger's own vocabulary: the `event NAME "REGEX"` and
  `mention person` lines of `rules/facts/*.facts`, matched case-insensitively on word boundaries (RE2's
  `\\p{Lu}`/`\\p{Ll}` approximated by Latin ranges). Sentences are split per line with an abbreviation list.
  The C++ keying is mirrored (capitalised phrases as entities with the same stop list; the date or
  quantity nearest the first trigger of each class; quantities keyed only in dated sentences), so each
  candidate is marked keyable or not and each miss gets a reason.
- **Changes.** Date: the year of the chosen date moved by one (+1 or -1, alternating), other parts kept.
  Quantity: the number doubled (halved for percentages over 50), formatted like the original, so that
  no wording's tolerance (about: +-10%, more than: x1.5, up to: /1.5) can overlap; numbers in ranges,
  labels ("Formula 1"), years, ordinals and numbers glued to letters are left out. Name: the first given
  name of a titled two- or three-word name respelt by undoubling an inner double consonant, doubling an
  inner consonant, or swapping two adjacent letters after the first, keeping only respellings with
  Jaro-Winkler >= 0.9 (the C++ formula) that are not a prefix of the original. At most `--per-type`
  (default 3) changes per article and type, chosen with a seeded generator.
- **Clean pairs.** Every article with an identical copy; and format-only copies (at most `--per-format`,
  default 2, per article and kind) with one date in an event sentence rewritten ("D Month YYYY" <->
  "Month D, YYYY", or ISO "YYYY-MM-DD") or one number rewritten ("1,200" -> "1200", "12000" ->
  "12,000", "1.2m"/"1.2 million" -> "1,200,000").
- **Runs.** A run of provcheck compares every document with every other, so pairs must not see each
  other. Running each pair alone is correct but costs a process start (rule compilation) per pair,
  which dominates. Instead pairs are packed into runs of at most 300 pairs so that a pair's changed
  claim (event class with each two of its sentence's entities, or surname + initial of the respelt
  name) and its article key never meet another pair of the run. Each contradiction finding is then
  attributed through `related`: kept when a related side is the other document of its own pair (then
  it also exists when the pair runs alone); when the list is full (provcheck keeps 3) and none of it is
  the own pair, the pair is ambiguous and is run again alone; otherwise kept as a ledger finding when a
  side is the ledger, and dropped when all sides lie in other pairs. The result equals per-pair runs exactly; a
  sample of pairs is re-run alone to check it (--verify).
- **Scaling.** Synthetic documents, no article text; timed with `/usr/bin/time`. Net seconds per
  1,000 documents = (wall - start-up) / N x 1,000; roughly constant across N means linear. Two
  variants separate the per-document cost from the per-bucket cost: in *pool* every key's bucket
  grows slowly (N / 10,000 claims per key), in *hub* one key holds a fifth of all claims, so the pairs
  compared within it grow as N squared. The hub variant stops at 30,000 by default (--hub-scale).
- All pairs and synthetic corpora are written under /tmp and removed afterwards (PROVCHECK_EVAL_KEEP=1
  or --keep keeps them); the binary and rules are copied to /tmp first so a concurrent rebuild cannot
  change them mid-run. Missed perturbations with their text go to /tmp/provcheck-perturb-misses.txt
  for manual review, never into the repository.
"""


def write_results(lines, path):
    notes = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
        if NOTES_MARKER in old:
            notes = old[old.index(NOTES_MARKER):]
    text = "\n".join(lines).rstrip() + "\n"
    if notes:
        text += "\n" + notes.rstrip() + "\n"
    common.write_text(path, text)


# ---------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description="\n\n".join(__doc__.split("\n\n")[:2]),
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Writes eval/contradictions.md on a full run (or --output PATH).")
    ap.add_argument("--quick", action="store_true", help="300 BBC articles, one Reuters file, scaling at 1k and 10k")
    ap.add_argument("--corpora", default="bbc,reuters", help="comma-separated: bbc, reuters (default both)")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles per corpus")
    ap.add_argument("--per-type", type=int, default=3, help="perturbations per article and type (default 3)")
    ap.add_argument("--per-format", type=int, default=2, help="format-only rewrites per article and kind (default 2)")
    ap.add_argument("--scale", default=None,
                    help="comma-separated document counts for the pool variant (default 1000,10000,100000)")
    ap.add_argument("--hub-scale", default=None,
                    help="document counts for the hub variant (default 1000,10000,30000: at 100,000 one key's "
                         "bucket makes the run quadratic in time and memory, over 13 GB)")
    ap.add_argument("--no-scale", action="store_true", help="skip the scaling runs")
    ap.add_argument("--scale-only", action="store_true", help="only the scaling runs")
    ap.add_argument("--verify", type=int, default=20, help="pairs re-run alone to check batching (default 20)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-j", "--jobs", type=int, default=2, help="provcheck threads for the scaling runs")
    ap.add_argument("--output", default=None, help="results file (default eval/contradictions.md; "
                                                   "--quick prints only unless given)")
    ap.add_argument("--keep", action="store_true", help="keep the /tmp folders")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    args.keep = args.keep or bool(os.environ.get("PROVCHECK_EVAL_KEEP"))
    t_start = time.time()

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    try:
        snap, digest, version = snapshot_binary()
    except common.ProvcheckError as e:
        print("skipped: %s" % e)
        return 0
    ctx = {"quick": args.quick, "date": datetime.date.today().isoformat(), "commit": git_rev(),
           "digest": digest, "version": version, "notes": [], "jobs": args.jobs,
           "load": "%.1f" % os.getloadavg()[0]}
    workdir = tempfile.mkdtemp(prefix="provcheck-eval-perturb-", dir="/tmp")
    try:
        if not args.scale_only:
            vocab = Vocab(os.environ["PROVCHECK_RULES"])
            docs, notes = load_corpora(args)
            ctx["notes"] += notes
            for n in notes:
                log(n)
            if not docs:
                print("skipped: no corpus found under %s" % common.data_root())
            else:
                corpora = collections.Counter(c for c, _, _ in docs)
                ctx["corpora"] = ", ".join("%s %d" % (c, n) for c, n in sorted(corpora.items()))
                ctx["ndocs"] = len(docs)
                log("%d articles; building pairs" % len(docs))
                pairs, cand_stats = build_pairs(docs, vocab, args)
                ctx["cand_stats"] = cand_stats
                ctx["npairs"] = len(pairs)
                ledger_dir = os.path.join(os.environ["PROVCHECK_RULES"], "facts")

                def is_ledger(path):
                    ap = os.path.abspath(path)
                    return ap.startswith(os.path.abspath(ledger_dir)) or ap.endswith(".facts")

                ctx["run_stats"] = run_pairs(pairs, args, workdir, is_ledger, log)
                per, reasons, forms, fp, fp_rules, misses = score(pairs, ctx["run_stats"])
                ctx["verify"] = verify(pairs, args.verify, workdir, is_ledger, args, args.seed)
                # Verification runs re-classify the sampled pairs with identical results, or
                # the sample shows where batching differs; score again from what is now stored.
                per, reasons, forms, fp, fp_rules, misses = score(pairs, ctx["run_stats"])
                ctx.update(per=per, reasons=reasons, forms=forms, fp=fp, fp_rules=fp_rules)
                write_misses(misses)
                log("missed perturbations written to %s (outside the repository)" % MISSES_PATH)
        if not args.no_scale:
            def sizes(arg, full):
                return [int(x) for x in (arg or ("1000,10000" if args.quick else full)).split(",") if x]
            variants = [("pool", False, sizes(args.scale, "1000,10000,100000")),
                        ("hub", True, sizes(args.hub_scale, "1000,10000,30000"))]
            ctx["scale"], ctx["startup"] = scaling([v for v in variants if v[2]], args, log)
    except common.ProvcheckError as e:
        print("skipped: %s" % e)
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            shutil.rmtree(snap, ignore_errors=True)
    lines = report(ctx)
    print("\n".join(lines))
    print("\n(%.0fs)" % (time.time() - t_start))
    out = args.output or (None if args.quick else RESULTS)
    if out:
        write_results(lines, out)
        log("wrote %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
