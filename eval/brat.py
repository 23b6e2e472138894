"""Attribution relations from any brat-standoff corpus.

brat (https://brat.nlplab.org/standoff.html) keeps each text's annotations
in a .ann file beside it. T lines are text-bound spans: an id, a label and
character offsets (fragments of a discontinuous span joined by ';'). E lines
are events: a trigger span and role:span arguments. R lines are binary
relations: Arg1 and Arg2. Attribution corpora spell a relation in one of
three ways, and all three are read:

- an event per attribution whose roles name the cue, source and content
  (PolNeAR: "E1  Attribution:T4 Content:T3 Cue:T2 Source:T1"). Without a
  cue role, the trigger span is the cue;
- binary relations from a cue span to its source and content spans
  ("R1  Source Arg1:T2 Arg2:T1"), the other argument's label telling which
  it is;
- cue spans that nothing links, which score cue precision and recall but
  carry no source (in a file of events, such a span is an unfinished
  annotation and is left out).

Labels and role names are compared case-insensitively, with a trailing
number dropped ("Content2" is a content role), against the sets in a
Schema. Offsets count characters (Unicode code points) of the .txt file read
as is, which is how brat counts them.
"""

import os
import re
from dataclasses import dataclass, field

DEFAULT_CUE = ("cue",)
DEFAULT_SOURCE = ("source", "speaker")
DEFAULT_CONTENT = ("content", "message", "quote")
# Event triggers and span labels that stand for a whole attribution relation
# (PolNeAR marks one over the cue as the event's trigger).
DEFAULT_RELATION = ("attribution", "attribution-no-source")


def _names(values):
    return frozenset(v.strip().lower() for v in values if v.strip())


@dataclass(frozen=True)
class Schema:
    """Which labels and role names mean cue, source, content and relation."""
    cue: frozenset = field(default_factory=lambda: _names(DEFAULT_CUE))
    source: frozenset = field(default_factory=lambda: _names(DEFAULT_SOURCE))
    content: frozenset = field(default_factory=lambda: _names(DEFAULT_CONTENT))
    relation: frozenset = field(default_factory=lambda: _names(DEFAULT_RELATION))

    @classmethod
    def from_lists(cls, cue=None, source=None, content=None, relation=None):
        """From comma-separated lists; an empty or missing list keeps the default."""
        def pick(value, default):
            return _names(value.split(",")) if value else _names(default)
        return cls(pick(cue, DEFAULT_CUE), pick(source, DEFAULT_SOURCE),
                   pick(content, DEFAULT_CONTENT), pick(relation, DEFAULT_RELATION))


class AnnError(ValueError):
    """A line of a .ann file that cannot be read; names the file and line."""


_ROLE_NUMBER_RE = re.compile(r"\d+$")
# An annotation line opens with its id and a tab; notes (#) and
# equivalences (*) have their own openings.
_ID_RE = re.compile(r"(?:[TERAMN]\d+\t|#|\*\t)")


def _key(name):
    return _ROLE_NUMBER_RE.sub("", name.strip()).lower()


def _span(line, where):
    """(label, [(start, end), ...]) of a T line's second field."""
    label, _, offsets = line.partition(" ")
    frags = []
    for frag in offsets.split(";"):
        parts = frag.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            raise AnnError("%s: offsets %r are not START END pairs" % (where, offsets))
        start, end = int(parts[0]), int(parts[1])
        if end < start:
            raise AnnError("%s: span ends (%d) before it starts (%d)" % (where, end, start))
        frags.append((start, end))
    return label, frags


def parse_ann(text, schema=None, path="<ann>", problems=None):
    """Relations in one .ann: [{"cue", "source", "content"}], each a list of
    (start, end) fragments ("source" None when no source is annotated).

    A line that cannot be read is skipped; its message ("PATH:LINE: ...") is
    appended to PROBLEMS when given, else raised as AnnError.
    """
    schema = schema or Schema()
    spans = {}
    events, relations = [], []
    for number, line in enumerate(text.splitlines(), 1):
        where = "%s:%d" % (path, number)
        try:
            if line.strip() and not _ID_RE.match(line):
                # Most often the rest of a span's text that ran over a line
                # break in the T line before it.
                raise AnnError("%s: not an annotation line (ID<TAB>...); skipped" % where)
            # _ID_RE has checked the id and its tab, so parts[1] exists.
            parts = line.split("\t")
            if line.startswith("T"):
                spans[parts[0]] = _span(parts[1], where)
            elif line.startswith("E"):
                if ":" not in parts[1]:
                    raise AnnError("%s: an E line needs a trigger TYPE:ID" % where)
                args = [item.partition(":")[::2] for item in parts[1].split()]
                events.append((args[0], args[1:]))
            elif line.startswith("R"):
                args = dict(item.partition(":")[::2] for item in parts[1].split()[1:])
                if "Arg1" not in args or "Arg2" not in args:
                    raise AnnError("%s: an R line needs Arg1:ID and Arg2:ID" % where)
                relations.append((args["Arg1"], args["Arg2"]))
        except AnnError as e:
            if problems is None:
                raise
            problems.append(str(e))

    def label_of(span_id):
        return _key(spans[span_id][0]) if span_id in spans else None

    cue_labels = schema.cue | schema.relation
    out = []
    cues_used = set()
    for (trigger_type, trigger), roles in events:
        found = {"cue": [], "source": [], "content": []}
        for role, span_id in roles:
            if span_id not in spans:
                continue  # an argument that is itself an event, or missing
            for kind in found:
                if _key(role) in getattr(schema, kind):
                    found[kind].append(span_id)
        is_attribution = _key(trigger_type) in schema.relation or found["cue"] or found["source"]
        if not is_attribution:
            continue
        cue_ids = found["cue"] or ([trigger] if trigger in spans else [])
        if not cue_ids:
            continue
        cues_used.update(cue_ids + [trigger])
        out.append(_relation(spans, cue_ids, found["source"], found["content"]))

    linked = {}  # cue span id -> {"source": [...], "content": [...]}
    for arg1, arg2 in relations:
        for cue_id, other in ((arg1, arg2), (arg2, arg1)):
            if label_of(cue_id) in cue_labels and cue_id not in cues_used:
                slot = linked.setdefault(cue_id, {"source": [], "content": []})
                if label_of(other) in schema.source:
                    slot["source"].append(other)
                elif label_of(other) in schema.content:
                    slot["content"].append(other)
                break
    # In a file whose relations are events, a cue span that no event names
    # is an annotation left unfinished (PolNeAR has a few), not a relation.
    from_events = bool(out)
    for span_id in spans:  # T lines in file order
        if span_id in cues_used or label_of(span_id) not in cue_labels:
            continue
        if from_events and span_id not in linked:
            continue
        slot = linked.get(span_id, {"source": [], "content": []})
        out.append(_relation(spans, [span_id], slot["source"], slot["content"]))
    return out


def _relation(spans, cue_ids, source_ids, content_ids):
    def frags(ids):
        return [f for i in ids for f in spans[i][1]]
    return {"cue": frags(cue_ids), "source": frags(source_ids) or None, "content": frags(content_ids)}


def find_pairs(root):
    """[(name, txt path, ann path)] for every NAME.ann under ROOT with a
    NAME.txt beside it, in path order; and the messages for .ann files
    that have none. NAME is the path relative to ROOT without extension."""
    pairs, problems = [], []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for fn in sorted(files):
            if not fn.endswith(".ann"):
                continue
            ann = os.path.join(folder, fn)
            txt = ann[:-4] + ".txt"
            name = os.path.relpath(ann[:-4], root)
            if os.path.isfile(txt):
                pairs.append((name, txt, ann))
            else:
                problems.append("%s: no text file %s beside it; skipped" % (ann, os.path.basename(txt)))
    return pairs, problems


def check_offsets(rels, text_len, path):
    """Messages for relations whose spans run past the text's end."""
    out = []
    for rel in rels:
        for frags in (rel["cue"], rel["source"] or [], rel["content"]):
            for start, end in frags:
                if end > text_len:
                    out.append("%s: span %d-%d runs past the text's end (%d characters); "
                               "offsets must count characters of the .txt as is" % (path, start, end, text_len))
                    return out
    return out
