#!/usr/bin/env python3
"""Unit tests of the scorers on invented strings (no corpus text, no binary).

Run: python3 eval/test_eval.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import boilerplate  # noqa: E402
import brat  # noqa: E402
import checkworthy  # noqa: E402
import common  # noqa: E402
import false_alarms  # noqa: E402
import polnear  # noqa: E402
import szeged  # noqa: E402
import weasel  # noqa: E402


def finding(line, col, end_line, end_col, kind="attribution", rule="r", **kw):
    return dict(line=line, column=col, end_line=end_line, end_column=end_col, kind=kind, rule=rule, **kw)


class CommonTest(unittest.TestCase):
    def test_offsets_count_code_points(self):
        text = "“Ünïcode” line\nsecond line\n"
        starts = common.line_starts(text)
        s, e = common.finding_offsets(finding(2, 1, 2, 7), starts)
        self.assertEqual(text[s:e], "second")
        s, e = common.finding_offsets(finding(1, 2, 1, 9), starts)
        self.assertEqual(text[s:e], "Ünïcode")

    def test_finding_lines_drop_empty_tail(self):
        self.assertEqual(list(common.finding_lines(finding(3, 1, 4, 1))), [3])
        self.assertEqual(list(common.finding_lines(finding(3, 1, 4, 2))), [3, 4])

    def test_max_matching_is_one_to_one_and_maximal(self):
        ok = {(0, 0), (0, 1), (1, 0)}
        m = common.max_matching(2, 2, lambda i, j: (i, j) in ok)
        self.assertEqual(m, {0: 1, 1: 0})
        self.assertEqual(common.max_matching(3, 1, lambda i, j: True).__len__(), 1)

    def test_prf_and_pearson(self):
        self.assertEqual(common.prf(0, 0, 0), (0.0, 0.0, 0.0))
        p, r, f = common.prf(8, 2, 8)
        self.assertAlmostEqual(p, 0.8)
        self.assertAlmostEqual(r, 0.5)
        self.assertAlmostEqual(common.pearson([1, 2, 3], [2, 4, 6]), 1.0)

    def test_opt_in_findings_are_told_apart_by_their_pack(self):
        pack = common.OPT_IN_PACKS[0]
        mine = finding(1, 1, 1, 5, kind="vague-attribution", rule=pack + ".hedge-adverb")
        default = finding(2, 1, 2, 5, kind="vague-attribution", rule="vague-attribution.impersonal")
        lookalike = finding(3, 1, 3, 5, kind="vague-attribution", rule=pack + "-extra.rule")
        self.assertEqual(common.split_opt_in([mine, default, lookalike]), ([default, lookalike], [mine]))
        self.assertEqual(common.opt_in_args()[:2], ["--enable-pack", pack])

    def test_norm_name(self):
        self.assertEqual(common.norm_name("The White House’s"), "white house")
        self.assertEqual(common.norm_name("Dr. A. Person,"), "dr a person")


ANN = ("T1\tSource 0 10\tJane Roe X\n"
       "T2\tCue 11 15\tsaid\n"
       "T3\tContent 16 30\tthat it works.\n"
       "T4\tAttribution 11 15\tsaid\n"
       "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
       "T5\tAttribution-no-source 31 36\tis seen\n"
       "E2\tAttribution-no-source:T5 \n")
TEXT = "Jane Roe X said that it works. It is seen as fine.\n"


class PolnearTest(unittest.TestCase):
    def test_parse_ann(self):
        rels = brat.parse_ann(ANN)
        self.assertEqual(len(rels), 2)
        self.assertEqual(rels[0]["cue"], [(11, 15)])
        self.assertEqual(rels[0]["source"], [(0, 10)])
        self.assertIsNone(rels[1]["source"])
        self.assertEqual(rels[1]["cue"], [(31, 36)])

    def test_matching_and_source(self):
        rels = brat.parse_ann(ANN)
        f_ok = finding(1, 1, 1, 16, text="Jane Roe X said", source="Roe X")
        f_wide = finding(1, 1, 1, 31, rule="wide", text="Jane Roe X said that it works.", source="Jane Roe X")
        doc = polnear.Doc("t", TEXT, rels, [f_ok, f_wide])
        self.assertEqual(doc.span_ok, 2)
        g, p = doc.rels[0], doc.preds
        self.assertTrue(polnear.lenient_ok(g, p[0]) and polnear.lenient_ok(g, p[1]))
        self.assertTrue(polnear.exactish_ok(g, p[0]))
        self.assertFalse(polnear.exactish_ok(g, p[1]))       # runs 4 tokens past the extent
        self.assertTrue(polnear.source_right(doc, g, p[0]))  # same head token
        s = polnear.score([doc])
        self.assertEqual((s["c"]["tp"], s["c"]["gold"], s["c"]["pred"]), (1, 2, 2))

    def test_cue_type_and_source_class(self):
        text = "Critics said “no way.” He said yes, according to her. Some critics agree."
        quote = {"cue": [(8, 12)], "source": [(0, 7)], "content": [(13, 22)]}
        self.assertEqual(polnear.cue_type(text, quote), "direct quote")
        self.assertEqual(polnear.source_class(text, quote), "group")
        he = {"cue": [(26, 30)], "source": [(23, 25)], "content": [(31, 34)]}
        self.assertEqual(polnear.cue_type(text, he), "indirect")
        self.assertEqual(polnear.source_class(text, he), "pronoun")
        acc = {"cue": [(36, 48)], "source": [(49, 52)], "content": []}
        self.assertEqual(polnear.cue_type(text, acc), "according to")

    def test_cue_class_tells_speech_from_attitude(self):
        text = "Lee has said no. Lee wants more. Lee is expected to win."
        said = {"cue": [(4, 12)], "source": [(0, 3)], "content": []}
        wants = {"cue": [(21, 26)], "source": [(17, 20)], "content": []}
        expected = {"cue": [(37, 48)], "source": [(33, 36)], "content": []}
        self.assertEqual(polnear.cue_class(text, said), "speech")
        self.assertEqual(polnear.cue_class(text, wants), "other")
        self.assertEqual(polnear.cue_class(text, expected), "other")


    def _one_relation(self, text, source, cue, f):
        rel = {"cue": [cue], "source": [source] if source else None, "content": []}
        doc = polnear.Doc("t", text, [rel], [f])
        return doc, doc.rels[0], doc.preds[0]

    def test_source_party_tag_in_gold_is_not_the_name(self):
        text = "Rep. Jane Roe (D-Ohio) said no.\n"
        right = finding(1, 1, 1, 28, text=text[:27], source="Jane Roe")
        tag = finding(1, 1, 1, 28, text=text[:27], source="D-Ohio")
        self.assertTrue(polnear.source_right(*self._one_relation(text, (0, 22), (23, 27), right)))
        self.assertFalse(polnear.source_right(*self._one_relation(text, (0, 22), (23, 27), tag)))

    def test_source_appositive_in_gold_is_not_the_name(self):
        text = "Jane Roe, a lawyer, said no.\n"
        f = finding(1, 1, 1, 25, text=text[:24], source="Jane Roe")
        self.assertTrue(polnear.source_right(*self._one_relation(text, (0, 18), (19, 23), f)))

    def test_source_appositive_words_in_gold_are_not_the_name(self):
        # The gold span runs over the appositive; a body named in it, or a
        # party tag, is not the speaker, though it ends the span.
        text = "Jane Roe, director of Acme Law, said no.\n"
        body = finding(1, 1, 1, 37, text=text[:36], source="Acme Law")
        self.assertFalse(polnear.source_right(*self._one_relation(text, (0, 30), (32, 36), body)))
        text = "Sen. Jane Roe, R-Ohio, said no.\n"
        tag = finding(1, 1, 1, 28, text=text[:27], source="R-Ohio")
        right = finding(1, 1, 1, 28, text=text[:27], source="Jane Roe")
        self.assertFalse(polnear.source_right(*self._one_relation(text, (0, 21), (23, 27), tag)))
        self.assertTrue(polnear.source_right(*self._one_relation(text, (0, 21), (23, 27), right)))

    def test_source_aside_between_dashes_in_gold_is_not_the_name(self):
        text = "Jane Roe — a teacher from Mount Pleasant — said no.\n"
        f = finding(1, 1, 1, 48, text=text[:47], source="Jane Roe")
        self.assertTrue(polnear.source_right(*self._one_relation(text, (0, 42), (43, 47), f)))

    def test_source_hyphen_inside_a_gold_name_splits_nothing(self):
        hyphen = "Alex Seitz-Wald said no.\n"
        g = finding(1, 1, 1, 21, text=hyphen[:20], source="Alex Seitz-Wald")
        doc, rel, _ = self._one_relation(hyphen, (0, 15), (16, 20), g)
        self.assertEqual(polnear.gold_source_names(doc, rel), [common.norm_name("Alex Seitz-Wald")])

    def test_source_name_after_a_described_role_in_gold(self):
        text = "Her press secretary, Jane Roe, said no.\n"
        f = finding(1, 1, 1, 36, text=text[:35], source="Jane Roe")
        self.assertTrue(polnear.source_right(*self._one_relation(text, (0, 29), (31, 35), f)))

    def test_source_pronoun_right_when_the_finding_holds_it(self):
        text = "“No,” he said. Later she said yes.\n"
        he_said = finding(1, 6, 1, 14, text="he said", source="Jane Roe")
        self.assertTrue(polnear.source_right(*self._one_relation(text, (6, 8), (9, 13), he_said)))
        # Gold "she" (the second sentence) is not in the finding's span.
        self.assertFalse(polnear.source_right(*self._one_relation(text, (21, 24), (25, 29), he_said)))

    def test_source_group_right_for_vague_or_the_same_name(self):
        text = "Democrats said no. Then critics agreed.\n"
        named = finding(1, 1, 1, 15, text="Democrats said", source="Democrats")
        vague = finding(1, 1, 1, 15, kind="vague-attribution", text="Democrats said")
        other = finding(1, 1, 1, 15, text="Democrats said", source="Senate")
        for f, want in ((named, True), (vague, True), (other, False)):
            self.assertEqual(polnear.source_right(*self._one_relation(text, (0, 9), (10, 14), f)), want)

    def test_source_indefinite_speaker_right_for_vague(self):
        text = "A senior official said no. Lee agreed.\n"
        rel = ((0, 17), (18, 22))
        vague = finding(1, 1, 1, 23, kind="vague-attribution", text="A senior official said")
        named = finding(1, 1, 1, 23, text="A senior official said", source="Lee")
        self.assertEqual(polnear.source_class(text, {"source": [rel[0]], "cue": [rel[1]], "content": []}),
                         "indefinite")
        self.assertTrue(polnear.source_right(*self._one_relation(text, rel[0], rel[1], vague)))
        self.assertFalse(polnear.source_right(*self._one_relation(text, rel[0], rel[1], named)))

class WeaselTest(unittest.TestCase):
    def test_score(self):
        flags = weasel.flagged_lines([finding(1, 1, 1, 5, kind="vague-attribution", rule="v"),
                                      finding(3, 1, 3, 5, kind="attribution")])
        tp, fp, fn, tn, _, _ = weasel.score([-1, -1, 1, 1], flags)
        self.assertEqual((tp, fp, fn, tn), (1, 0, 1, 2))


    def test_half_counts_score_one_half(self):
        sentences = ["Invented sentence number %d." % i for i in range(40)]
        rows = [(-1 if i % 2 else 1, s) for i, s in enumerate(sentences)]
        flags = {i: ["r"] for i in range(1, len(rows) + 1)}     # every sentence flagged
        for h in ("dev", "test"):
            tp, fp, fn, labels = weasel.half_counts(rows, flags, h)
            mine = [lab for lab, s in rows if weasel.half(s) == h]
            self.assertEqual(labels, mine)
            self.assertEqual((tp, fp, fn), (mine.count(-1), mine.count(1), 0))


class BoilerplateTest(unittest.TestCase):
    def test_shingle_metric(self):
        true = "one two three four five"
        self.assertEqual(boilerplate.shingle_tp_fp_fn(true, true), (1.0, 0.0, 0.0))
        tp, fp, fn = boilerplate.shingle_tp_fp_fn(true, true + " six")
        self.assertAlmostEqual(tp, 2 / 3)
        self.assertAlmostEqual(fp, 1 / 3)
        p, r, f = boilerplate.benchmark_f1([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
        self.assertAlmostEqual(p, 0.75)
        self.assertAlmostEqual(r, 1.0)

    def test_snippet_flagged(self):
        texts = [common.norm_space("Share this story  on the web")]
        self.assertTrue(boilerplate.snippet_flagged("share this story", texts))
        self.assertFalse(boilerplate.snippet_flagged("a long article sentence here", texts))
        self.assertFalse(boilerplate.snippet_flagged("share this story on the web and then a great deal more text after it", texts))

    def test_an_extractors_list_item_is_article_when_its_text_is(self):
        gt = common.norm_space("Ingredients\n1 tsp nutmeg\n2 cups flour")
        self.assertFalse(boilerplate.label_line("- 1 tsp nutmeg", gt))
        self.assertTrue(boilerplate.label_line("- Related: more recipes", gt))

    def test_a_table_row_is_article_when_every_cell_is(self):
        gt = common.norm_space("Pos Player\nDL Sione Takitaki 6 8%")
        self.assertFalse(boilerplate.label_line("| DL | Sione Takitaki |", gt))
        self.assertFalse(boilerplate.label_line("Sione Takitaki |", gt))
        self.assertTrue(boilerplate.label_line("Filed under: Khawarij |", gt))
        self.assertIsNone(boilerplate.label_line("|---|---|", gt))

    def test_html_line_is_flagged_by_an_overlapping_boilerplate_finding(self):
        lines = [finding(3, 5, 3, 9, kind="citation"), finding(3, 12, 3, 40, kind="citation"),
                 finding(9, 1, 9, 20, kind="citation")]
        found = [finding(3, 12, 3, 40, kind="boilerplate", rule="boilerplate.page-structure",
                         message="Page furniture by its markup (inside <nav>), not this article's own text"),
                 finding(9, 3, 9, 8, kind="attribution")]
        flags = boilerplate.flagged_text_lines(lines, found)
        self.assertEqual([len(f) for f in flags], [0, 1, 0])
        self.assertEqual(boilerplate.why_class(next(iter(flags[1]))[1]), "inside <nav>")
        self.assertEqual(boilerplate.why_class("Page furniture by its markup (class 'x-menu'), not"), "class")

    def test_page_half_is_stable_and_splits(self):
        ids = ["%064x" % i for i in range(200)]
        halves = [boilerplate.page_half(i) for i in ids]
        self.assertEqual(halves, [boilerplate.page_half(i) for i in ids])
        self.assertTrue(60 < halves.count("dev") < 140)


class FalseAlarmTest(unittest.TestCase):
    def test_reflow(self):
        body = "First line of a\nparagraph here.\n    Second one\ncontinues.\n Reuter\n"
        self.assertEqual(false_alarms.reflow(body),
                         ["First line of a paragraph here.", "Second one continues.", "Reuter"])

    def test_sample_is_stratified_and_seeded(self):
        pool = [("c", "d%d" % i, finding(i, 1, i, 2, kind=k, rule=k), "", [])
                for i in range(1, 40) for k in ("a", "b")] + \
               [("c", "x", finding(1, 1, 1, 2, kind="rare", rule="rare"), "", [])]
        s1 = false_alarms.draw_sample(pool, n=9)
        s2 = false_alarms.draw_sample(list(reversed(pool)), n=9)
        self.assertEqual([x[1] for x in s1], [x[1] for x in s2])
        kinds = [x[2]["kind"] for x in s1]
        self.assertEqual((kinds.count("rare"), kinds.count("a"), kinds.count("b")), (1, 4, 4))

    def test_held_out_sample_is_another_draw_of_the_same_strata(self):
        pool = [("c", "d%d" % i, finding(i, 1, i, 2, kind=k, rule=k), "", [])
                for i in range(1, 40) for k in ("a", "b")]
        tuned = false_alarms.draw_sample(pool, n=8)
        held_out = false_alarms.draw_sample(pool, n=8, seed=false_alarms.HELD_OUT_SEED)
        self.assertNotEqual(false_alarms.HELD_OUT_SEED, false_alarms.SAMPLE_SEED)
        self.assertNotEqual(sorted(x[1] for x in tuned), sorted(x[1] for x in held_out))
        kinds = [x[2]["kind"] for x in held_out]
        self.assertEqual((kinds.count("a"), kinds.count("b")), (4, 4))


    def test_opt_in_findings_are_counted_apart_from_the_default_figures(self):
        docs = [("a.txt", "Line one.\nLine two.\n", set())]
        pack = common.OPT_IN_PACKS[0]
        found = {"a.txt": [finding(1, 1, 1, 5, kind="vague-attribution", rule=pack + ".hedge-adverb"),
                           finding(2, 1, 2, 5, kind="vague-attribution", rule="vague-attribution.impersonal")]}
        c, by_kind, _, rules, pool, opt_in = false_alarms.score("bbc", docs, found)
        self.assertEqual(by_kind["vague-attribution"], 1)
        self.assertEqual(list(rules), ["vague-attribution.impersonal"])
        self.assertEqual(len(pool), 1)      # the review sample never draws an opt-in finding
        self.assertEqual(opt_in, {pack + ".hedge-adverb": 1})
        sec = common.Section("t")
        false_alarms.add_rows(sec, "BBC", c, by_kind, "footers", opt_in)
        row = [r for r in sec.rows if r[0] == "BBC: %s (opt-in) findings per 1k lines" % pack][0]
        self.assertEqual(row[1], "500.000")


class SzegedTest(unittest.TestCase):
    def test_half_is_stable(self):
        self.assertIn(szeged.half("Some_Doc_1"), ("dev", "test"))
        self.assertEqual(szeged.half("Some_Doc_1"), szeged.half("Some_Doc_1"))

    def test_count_matches_cues_by_overlap_per_half(self):
        sents = [("dev", "It may rain today.", [(3, 6, "epistemic")]),
                 ("test", "It rained today.", []),
                 ("dev", "The lake is deep.", [])]
        findings = [finding(1, 4, 1, 7, kind="vague-attribution", rule="x"),
                    finding(3, 5, 3, 9, kind="vague-attribution", rule="x"),
                    finding(2, 1, 2, 3, kind="attribution", rule="y")]
        c, recall_type, missed = szeged.count(sents, findings)
        self.assertEqual((c["dev"]["tp"], c["dev"]["pred"], c["dev"]["gold"]), (1, 2, 1))
        self.assertEqual((c["dev"]["s_tp"], c["dev"]["s_fp"], c["test"]["s_fp"]), (1, 1, 0))
        self.assertEqual(recall_type["epistemic"], [1, 1])
        self.assertEqual(missed, {})


class CheckworthyTest(unittest.TestCase):
    def test_parse_tsv_strips_crlf_and_skips_short_rows(self):
        rows = checkworthy.parse_tsv("1\tA\tTaxes rose  by 3 percent.\t1\r\n\r\n2\tB\tThanks.\t0\r\n3\tC\n")
        self.assertEqual(rows, [("A", "Taxes rose by 3 percent.", 1), ("B", "Thanks.", 0)])

    def test_average_precision_of_a_ranking(self):
        self.assertAlmostEqual(checkworthy.average_precision([0, 1, 0, 1], [1, 3, 0, 2]), 1.0)
        self.assertAlmostEqual(checkworthy.average_precision([0, 1, 0, 1], [0, 1, 2, 3]), (1 / 2 + 2 / 4) / 2)

    def test_flagged_first_ap_is_one_when_flags_are_exactly_the_positives(self):
        rng = checkworthy.random.Random(1)
        self.assertAlmostEqual(checkworthy.flagged_first_ap([0, 1, 0, 1], {2, 4}, rng), 1.0)

    def test_score_counts_sentences_by_finding_kind_per_split(self):
        transcripts = [("dev", "a", [("X", "s1", 1), ("X", "s2", 0), ("X", "s3", 1)]),
                       ("test", "b", [("Y", "t1", 0)])]
        findings = {"a": [finding(1, 1, 1, 5, kind="unattributed-claim"),
                          finding(2, 1, 2, 5, kind="unattributed-claim"),
                          finding(3, 1, 3, 5, kind="attribution")],
                    "b": [finding(1, 1, 1, 3, kind="unattributed-claim")]}
        counts, maps = checkworthy.score(transcripts, findings, ("unattributed-claim",))
        self.assertEqual((counts["dev"]["tp"], counts["dev"]["fp"], counts["dev"]["fn"]), (1, 1, 1))
        self.assertEqual((counts["test"]["fp"], counts["test"]["positives"]), (1, 0))
        self.assertNotIn("test", maps)  # no positives, no AP
        wider, _ = checkworthy.score(transcripts, findings, checkworthy.CLAIM_KINDS)
        self.assertEqual(wider["dev"]["tp"], 2)


class BratTest(unittest.TestCase):
    """The reader of any brat-standoff corpus (eval/brat.py), on invented annotations."""

    def test_event_roles_name_cue_source_and_content(self):
        rels = brat.parse_ann("T1\tSource 0 8\tJane Roe\nT2\tCue 9 13\tsaid\n"
                              "T3\tContent 14 20\tit was\nE1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n")
        self.assertEqual(rels, [{"cue": [(9, 13)], "source": [(0, 8)], "content": [(14, 20)]}])

    def test_event_without_a_cue_role_takes_its_trigger_as_the_cue(self):
        rels = brat.parse_ann("T1\tSpeaker 0 8\tJane Roe\nT2\tAttribution 9 13\tsaid\n"
                              "E1\tAttribution:T2 Speaker:T1\n")
        self.assertEqual(rels[0]["cue"], [(9, 13)])
        self.assertEqual(rels[0]["source"], [(0, 8)])

    def test_events_of_other_types_are_not_attributions(self):
        self.assertEqual(brat.parse_ann("T1\tAttack 0 6\tbombed\nT2\tTarget 7 12\tdepot\n"
                                        "E1\tAttack:T1 Target:T2\n"), [])

    def test_relation_lines_link_a_cue_to_its_source_in_either_argument_order(self):
        rels = brat.parse_ann("T1\tSource 0 8\tJane Roe\nT2\tCue 9 13\tsaid\n"
                              "T3\tContent 14 20\tit was\nR1\tSaidBy Arg1:T1 Arg2:T2\n"
                              "R2\tSays Arg1:T2 Arg2:T3\n")
        self.assertEqual(rels, [{"cue": [(9, 13)], "source": [(0, 8)], "content": [(14, 20)]}])

    def test_a_cue_span_nothing_links_is_a_relation_without_a_source(self):
        rels = brat.parse_ann("T1\tCue 9 13\tsaid\n")
        self.assertEqual(rels, [{"cue": [(9, 13)], "source": None, "content": []}])

    def test_in_a_file_of_events_an_unlinked_cue_span_is_left_out(self):
        ann = "T1\tCue 9 13\tsaid\nE1\tAttribution:T1 Cue:T1\nT2\tCue 30 34\tsaid\n"
        self.assertEqual([r["cue"] for r in brat.parse_ann(ann)], [[(9, 13)]])

    def test_labels_ignore_case_and_a_roles_trailing_number(self):
        rels = brat.parse_ann("T1\tCUE 9 13\tsaid\nT2\tcontent 14 16\tit\nT3\tContent 20 22\tis\n"
                              "E1\tAttribution:T1 Cue:T1 Content:T2 Content2:T3\n")
        self.assertEqual(rels[0]["content"], [(14, 16), (20, 22)])

    def test_discontinuous_span_keeps_every_fragment(self):
        rels = brat.parse_ann("T1\tCue 0 4;10 14\tsaid also\n")
        self.assertEqual(rels[0]["cue"], [(0, 4), (10, 14)])

    def test_schema_from_lists_replaces_only_the_lists_given(self):
        schema = brat.Schema.from_lists(cue="Trigger, Verb")
        self.assertEqual(schema.cue, frozenset({"trigger", "verb"}))
        self.assertEqual(schema.source, brat.Schema().source)
        rels = brat.parse_ann("T1\tVerb 9 13\tsaid\nT2\tCue 20 24\tsaid\n", schema)
        self.assertEqual([r["cue"] for r in rels], [[(9, 13)]])

    def test_a_bad_line_is_reported_with_its_file_and_line_and_skipped(self):
        problems = []
        rels = brat.parse_ann("T1\tCue 9 x\tsaid\nthe rest of a span's text\nT2\tCue 20 24\tsaid\n",
                              path="a.ann", problems=problems)
        self.assertEqual([r["cue"] for r in rels], [[(20, 24)]])
        self.assertEqual(len(problems), 2)
        self.assertTrue(problems[0].startswith("a.ann:1: "), problems[0])
        self.assertTrue(problems[1].startswith("a.ann:2: "), problems[1])

    def test_a_bad_line_raises_without_a_problems_list(self):
        with self.assertRaises(brat.AnnError):
            brat.parse_ann("T1\tCue 13 9\tsaid\n", path="a.ann")

    def test_spans_past_the_texts_end_are_reported(self):
        rels = brat.parse_ann("T1\tCue 9 13\tsaid\n")
        self.assertEqual(brat.check_offsets(rels, 13, "a.ann"), [])
        self.assertIn("runs past the text's end", brat.check_offsets(rels, 12, "a.ann")[0])

    def test_find_pairs_walks_folders_and_reports_an_ann_without_text(self):
        root = common.tmpdir("brat-test")
        try:
            os.makedirs(os.path.join(root, "sub"))
            for name in ("b.ann", "b.txt", "a.ann", "a.txt", os.path.join("sub", "c.ann"),
                         os.path.join("sub", "c.txt"), os.path.join("sub", "d.ann"), "notes.txt"):
                common.write_text(os.path.join(root, name), "")
            pairs, problems = brat.find_pairs(root)
            self.assertEqual([p[0] for p in pairs], ["a", "b", os.path.join("sub", "c")])
            self.assertEqual(len(problems), 1)
            self.assertIn("d.ann", problems[0])
        finally:
            common.cleanup(root)


@unittest.skipUnless(os.path.exists(common.binary()),
                     "provcheck binary not built (%s): end-to-end brat scoring skipped" % common.binary())
class BratEndToEndTest(unittest.TestCase):
    """evaluate_brat on a two-document corpus, provcheck run for real."""

    def setUp(self):
        self.root = common.tmpdir("brat-e2e")
        os.makedirs(os.path.join(self.root, "wire"))
        first = "Jane Roe said the bridge would open in May.\n"
        common.write_text(os.path.join(self.root, "first.txt"), first)
        common.write_text(os.path.join(self.root, "first.ann"),
                          "T1\tSource 0 8\tJane Roe\nT2\tCue 9 13\tsaid\nE1\tAttribution:T2 Cue:T2 Source:T1\n")
        second = "The mill will close in June, Acme Corp said on Friday.\n"
        cue = second.index("said")
        common.write_text(os.path.join(self.root, "wire", "second.txt"), second)
        common.write_text(os.path.join(self.root, "wire", "second.ann"),
                          "T1\tSpeaker 29 38\tAcme Corp\nT2\tCue %d %d\tsaid\nR1\tBy Arg1:T1 Arg2:T2\n"
                          % (cue, cue + 4))

    def tearDown(self):
        common.cleanup(self.root)

    def rows(self, sec):
        return {metric: value for metric, value, _, _ in sec.rows}

    def test_every_relation_is_found_with_its_source(self):
        sec = polnear.evaluate_brat(self.root, jobs=1)
        self.assertIsNone(sec.skipped)
        rows = self.rows(sec)
        self.assertEqual(rows["brat: articles / gold relations / predictions"], "2/2/2")
        self.assertEqual(rows["brat: cue P / R / F1 lenient"], "1.000/1.000/1.000")
        self.assertEqual(rows["brat: source accuracy (matched)"], "1.000")

    def test_a_cue_span_whose_label_is_outside_the_schema_is_not_read(self):
        # The event still counts: its trigger is an Attribution.
        schema = brat.Schema.from_lists(cue="Verb")
        sec = polnear.evaluate_brat(self.root, schema, jobs=1)
        self.assertEqual(self.rows(sec)["brat: articles / gold relations / predictions"], "2/1/2")

    def test_a_folder_without_pairs_is_skipped_with_a_message(self):
        empty = common.tmpdir("brat-empty")
        try:
            sec = polnear.evaluate_brat(empty, jobs=1)
            self.assertIn("no NAME.ann", sec.skipped)
        finally:
            common.cleanup(empty)


if __name__ == "__main__":
    unittest.main()
