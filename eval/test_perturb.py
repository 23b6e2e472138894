#!/usr/bin/env python3
"""Unit tests of eval/perturb.py on invented strings (no corpus text, no binary).

Run: python3 eval/test_perturb.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import perturb  # noqa: E402

RULES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rules")


class VocabularyTest(unittest.TestCase):
    def test_unicode_classes_translate(self):
        rx = perturb.re2_to_python(r"Mr\s+(?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2})")
        import re
        m = re.search(rx, "said Mr Émile Zola today")
        self.assertEqual(m.group("name"), "Émile Zola")

    @unittest.skipUnless(os.path.isdir(os.path.join(RULES, "facts")), "no rules/facts")
    def test_loads_the_ledger_vocabulary(self):
        events, mentions = perturb.load_vocabulary(RULES)
        self.assertIn("offensive", events)
        self.assertTrue(events["ceasefire"].search("a TRUCE was agreed"))
        self.assertFalse(events["signing"].search("the signature"))       # word boundaries
        self.assertTrue(mentions)


class DateTest(unittest.TestCase):
    def forms(self, s):
        return [(d["form"], d["year"], d["month"], d["day"]) for d in perturb.find_dates(s)]

    def test_four_forms(self):
        self.assertEqual(self.forms("on 19 September 2023 and"), [("day-month-year", 2023, 9, 19)])
        self.assertEqual(self.forms("on September 19, 2023 and"), [("month-day-year", 2023, 9, 19)])
        self.assertEqual(self.forms("in September 2022 the"), [("month-year", 2022, 9, None)])
        self.assertEqual(self.forms("elected in 1987, he"), [("in-year", 1987, None, None)])

    def test_not_dates(self):
        self.assertEqual(self.forms("the march 2004 plan"), [])       # lower-case "march" is the verb
        self.assertEqual(self.forms("in 2004-05 season"), [])
        self.assertEqual(self.forms("on 31 February 2004"), [("month-year", 2004, 2, None)])
        self.assertEqual(self.forms("in 2500"), [])

    def test_in_year_mention_starts_at_the_year(self):
        d = perturb.find_dates("elected in 1987")[0]
        self.assertEqual("elected in 1987"[d["start"]:d["end"]], "1987")


class NumberTest(unittest.TestCase):
    def values(self, s):
        return [n["value"] for n in perturb.find_numbers(s, [])]

    def test_numbers(self):
        self.assertEqual(self.values("about 1,200 people fled"), [1200])
        self.assertEqual(self.values("a \u00a31.5bn deal"), [1.5])
        self.assertEqual(self.values("80% of voters"), [80])

    def test_not_perturbable(self):
        self.assertEqual(self.values("between 5,000 and 6,000 people"), [])
        self.assertEqual(self.values("a 4-3 win at 10:30"), [])
        self.assertEqual(self.values("the 2004 election"), [])
        self.assertEqual(self.values("he drove in Formula 1 races"), [])
        self.assertEqual(self.values("the 21st summit"), [])

    def test_dates_and_relative_times_are_not_counts(self):
        self.assertEqual(self.values("the vote on 5 May."), [])
        self.assertEqual(self.values("on May 5 they voted"), [])
        self.assertEqual(self.values("signed more than 20 years ago"), [])

    def test_scaled_keeps_the_format(self):
        n = perturb.find_numbers("about 1,200 people", [])[0]
        self.assertEqual(perturb.scaled(n), "2,400")
        n = perturb.find_numbers("a 1.5bn deal", [])[0]
        self.assertEqual(perturb.scaled(n), "3.0")
        n = perturb.find_numbers("80% of voters", [])[0]
        self.assertEqual(perturb.scaled(n), "40")          # halved: a doubled share would pass 100
        n = perturb.find_numbers("of 600 banks", [])[0]
        self.assertEqual(perturb.scaled(n), "1,200")       # bare 1200 would read as a year


class NameTest(unittest.TestCase):
    def test_jaro_winkler_matches_the_textbook(self):
        self.assertAlmostEqual(perturb.jaro_winkler("MARTHA", "MARHTA"), 0.961, places=3)
        self.assertAlmostEqual(perturb.jaro_winkler("DIXON", "DICKSONX"), 0.813, places=3)

    def test_variant_rule(self):
        self.assertTrue(perturb.is_spelling_variant("Anthony", "Antony"))
        self.assertFalse(perturb.is_spelling_variant("Anton", "Antony"))      # prefix
        self.assertFalse(perturb.is_spelling_variant("Martin", "Martina"))
        self.assertFalse(perturb.is_spelling_variant("Tony", "tony"))         # same name

    def test_respellings_are_variants(self):
        for name in ("Anthony", "Tony", "Philip", "Katherine", "Sergei", "Jo"):
            for kind, v in perturb.respellings(name):
                self.assertTrue(perturb.is_spelling_variant(name, v), (name, v))
                self.assertEqual(v[0], name[0])
        self.assertIn(("undouble", "Philip"), perturb.respellings("Phillip"))

    def test_strip_titles(self):
        self.assertEqual(perturb.strip_titles("Prince Saud Al-Faisal"), ["Saud", "Al-Faisal"])
        self.assertEqual(perturb.strip_titles("US Secretary of State Colin Powell"), ["Colin", "Powell"])
        self.assertEqual(perturb.strip_titles("Judith French"), ["Judith", "French"])
        self.assertEqual(perturb.strip_titles("Antony Blinken, the secretary"), ["Antony", "Blinken"])

    def test_entities_mirror(self):
        self.assertEqual(perturb.entities("The army of Westland captured Rivertown's port on Monday."),
                         ["westland", "rivertown"])
        self.assertEqual(perturb.entities("The Bank of England and Mr Tony Blair met."),
                         ["the bank of england", "mr tony blair"])
        self.assertEqual(perturb.entities("In September 2022 Azerbaijan attacked."), ["in september", "azerbaijan"])


class SentenceTest(unittest.TestCase):
    def test_split(self):
        text = "Headline\n\nMr. Smith went to Washington. He said \"no.\" Then U.S. officials left.\n"
        got = [text[a:b] for a, b, _ in perturb.sentences(text)]
        self.assertEqual(got, ["Headline", "Mr. Smith went to Washington.", "He said \"no.\"",
                               "Then U.S. officials left."])
        self.assertEqual([ln for _, _, ln in perturb.sentences(text)], [1, 3, 3, 3])


class PairTest(unittest.TestCase):
    def pair(self, pid, hard, soft):
        p = perturb.Pair(pid, "c", pid, "perturbed", "date", None, "", "")
        p.hard, p.soft = set(hard), set(soft) | set(hard)
        return p

    def test_pack_keeps_hard_keys_apart(self):
        ps = [self.pair("a", {"doc|a", "k1"}, {"k2"}), self.pair("b", {"doc|b"}, {"k1"}),
              self.pair("c", {"doc|c"}, {"k3"}), self.pair("d", {"doc|d", "k2"}, set())]
        batches = perturb.pack(ps, cap=10)
        for b in batches:
            for p in b:
                for q in b:
                    if p is not q:
                        self.assertFalse(p.hard & q.soft, (p.pid, q.pid))
        self.assertEqual(sum(len(b) for b in batches), 4)

    def test_classify(self):
        p = self.pair("x", {"doc|x"}, set())
        p.dir = "/tmp/run/x"
        p.cand = {"line": 3}
        own = {"path": "/tmp/run/x/b.txt", "line": 3, "text": ""}
        other = [{"path": "/tmp/run/y%d/a.txt" % i, "line": 1, "text": ""} for i in range(3)]
        f = dict(kind="contradiction", rule="contradiction.event-date", line=3, column=1, end_column=5)
        res = {"/tmp/run/x/a.txt": [dict(f, related=[own]), dict(f, related=other[:1]),
                                    dict(f, kind="attribution", related=[])]}
        perturb.classify([p], res, lambda path: path.endswith(".facts"))
        self.assertEqual(len(p.kept), 1)
        self.assertEqual(p.dropped, 1)
        self.assertFalse(p.ambiguous)
        self.assertTrue(perturb.caught(p))
        perturb.classify([p], {"/tmp/run/x/a.txt": [dict(f, related=other)]}, lambda path: False)
        self.assertTrue(p.ambiguous)
        self.assertFalse(perturb.caught(p))

    def test_analyse_finds_one_of_each(self):
        vocab = perturb.Vocab(RULES)
        text = ("Title\n\nThe army of Westland captured Rivertown on 3 May 2005 with 1,200 soldiers, "
                "Prime Minister Tony Blair said.\n")
        claims, cands, formats = perturb.analyse(text, vocab)
        self.assertEqual({text[c["start"]:c["end"]] for c in cands["date"]}, {"2005"})
        self.assertEqual({text[c["start"]:c["end"]] for c in cands["quantity"]}, {"1,200"})
        self.assertEqual({text[c["start"]:c["end"]] for c in cands["name"]}, {"Tony"})
        self.assertTrue(all(c["keyable"] for t in cands for c in cands[t]))
        self.assertEqual(claims, 3)
        self.assertIn("May 3, 2005", {c["replacement"] for c in formats["date-format"]})
        self.assertIn("1200", {c["replacement"] for c in formats["number-format"]})
        changed = perturb.apply(text, cands["date"][0])
        self.assertEqual(len(changed), len(text))
        self.assertNotEqual(changed, text)


if __name__ == "__main__":
    unittest.main()
