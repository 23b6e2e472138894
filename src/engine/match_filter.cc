#include "engine/match_filter.h"

#include <algorithm>
#include <array>
#include <optional>

#include "common/prose.h"
#include "provcheck/rule.h"

namespace provcheck {
namespace {

using KindMask = unsigned;

KindMask Bit(Kind kind) { return 1u << static_cast<int>(kind); }

KindMask MaskOf(const std::vector<Kind>& kinds) {
  KindMask mask = 0;
  for (Kind kind : kinds) mask |= Bit(kind);
  return mask;
}

struct Candidate {
  const RuleMatch* match;
  size_t sentence;  // the sentence holding the match's start
  bool kept = true;
  // Whether its unless-near has been decided; until then it silences
  // nothing, as it may yet be dropped itself.
  bool settled = false;
};

// A lead runs to a few words: a headline, a dateline or a byline that ends
// in a full stop ("By Jane Roe.") is no lead.
constexpr size_t kMinLeadWords = 6;
// A lead governs a brief: the wire item whose later sentences give the
// terms and figures of the announcement its lead reports. In a longer
// story the reporter's own background follows the lead as often (read
// on BBC: 4 of 10 findings the lead silenced were the writer's own), so
// `or-lead` applies only to documents of at most this many sentences.
constexpr size_t kMaxBriefSentences = 12;

std::string_view SentenceText(std::string_view text,
                              const Segmentation& segments, size_t s) {
  return text.substr(segments.sentences[s].begin, segments.sentences[s].size());
}

// The document's lead: its first sentence that ends as a sentence does
// and has kMinLeadWords, so that a headline above the story is passed
// over. npos when none does.
size_t LeadSentence(std::string_view text, const Segmentation& segments) {
  for (size_t s = 0; s < segments.sentences.size(); ++s) {
    const std::string_view sentence = SentenceText(text, segments, s);
    if (EndsAsASentence(sentence) && WordCount(sentence) >= kMinLeadWords) {
      return s;
    }
  }
  return std::string_view::npos;
}

// For each sentence, whether it stands inside a quotation: it opens with a
// quotation mark, or one opened earlier in its paragraph is still open.
// Each paragraph starts closed, and a mark that opens a sentence opens
// whatever came before: a quotation that runs over several paragraphs
// opens each with a mark and closes only the last, and scraped text often
// runs those paragraphs into one line.
std::vector<bool> InQuotation(std::string_view text,
                              const Segmentation& segments) {
  std::vector<bool> inside(segments.sentences.size(), false);
  bool open = false;
  size_t line = static_cast<size_t>(-1);
  for (size_t s = 0; s < segments.sentences.size(); ++s) {
    if (segments.sentence_line[s] != line) {
      line = segments.sentence_line[s];
      open = false;
    }
    const std::string_view sentence = SentenceText(text, segments, s);
    const bool opens =
        sentence.starts_with("\u201C") || sentence.starts_with('"');
    inside[s] = open || opens;
    for (size_t i = 0; i < sentence.size(); ++i) {
      if (sentence[i] == '"') {
        open = i == 0 || !open;
      } else if (sentence.substr(i).starts_with("\u201C")) {
        open = true;
      } else if (sentence.substr(i).starts_with("\u201D")) {
        open = false;
      }
    }
  }
  return inside;
}

// Whether a line is a list item: it opens, past any indent, with a bullet
// ("-", "–", "—", "•", "*", "·") or a number ("1.", "2)") and a space.
bool IsListItem(std::string_view line) {
  line = TrimBlanks(line);
  size_t marker = 0;
  for (std::string_view bullet :
       {"-", "\u2013", "\u2014", "\u2022", "*", "\u00B7"}) {
    if (line.starts_with(bullet)) {
      marker = bullet.size();
      break;
    }
  }
  if (marker == 0) {
    while (marker < line.size() && marker < 2 && line[marker] >= '0' &&
           line[marker] <= '9') {
      ++marker;
    }
    if (marker == 0 || marker == line.size() ||
        (line[marker] != '.' && line[marker] != ')')) {
      return false;
    }
    ++marker;
  }
  return marker < line.size() && (line[marker] == ' ' || line[marker] == '\t');
}

// Whether a line introduces a list: it ends with a colon, or, in wire copy,
// with a dash after a space ("The purchase consisted of the following
// cargoes -").
bool IntroducesList(std::string_view line) {
  line = TrimBlanks(line);
  return line.ends_with(':') || line.ends_with(" -") ||
         line.ends_with(" \u2013") || line.ends_with(" \u2014");
}

// For each sentence on a list item's line, the last sentence of the line
// that introduces its list (blank lines and the items before it passed
// over); npos for every other sentence, and for the items of a list that
// no introducing line opens.
std::vector<size_t> ListIntroductions(std::string_view text,
                                      const Segmentation& segments) {
  std::vector<size_t> last_sentence_of_line(segments.lines.size(),
                                            std::string_view::npos);
  for (size_t s = 0; s < segments.sentences.size(); ++s) {
    last_sentence_of_line[segments.sentence_line[s]] = s;
  }
  std::vector<size_t> intro_of_line(segments.lines.size(),
                                    std::string_view::npos);
  size_t intro = std::string_view::npos;
  for (size_t l = 0; l < segments.lines.size(); ++l) {
    const std::string_view line =
        text.substr(segments.lines[l].begin, segments.lines[l].size());
    if (IsListItem(line)) {
      intro_of_line[l] = intro;
    } else if (!TrimBlanks(line).empty()) {
      intro = IntroducesList(line) ? last_sentence_of_line[l]
                                   : std::string_view::npos;
    }
  }
  std::vector<size_t> intros(segments.sentences.size());
  for (size_t s = 0; s < segments.sentences.size(); ++s) {
    intros[s] = intro_of_line[segments.sentence_line[s]];
  }
  return intros;
}

bool Overlaps(const RuleMatch& a, const RuleMatch& b) {
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

std::vector<const RuleMatch*> KeptMatches(std::string_view text,
                                          const Segmentation& segments,
                                          const std::vector<RuleMatch>& matches,
                                          const Matcher* matcher) {
  std::vector<Candidate> candidates;
  candidates.reserve(matches.size());
  for (const RuleMatch& match : matches) {
    candidates.push_back(
        Candidate{&match, RangeIndexOf(segments.sentences, match.begin)});
  }

  // Findings of opt-in packs stand apart from the default packs': they are
  // resolved against the default findings but never displace, drop or merge
  // with one, and they take no part in claims or the score. So the default
  // findings and the score are the same whichever packs are enabled, as
  // `audit` (which runs the default packs only) stores them.
  auto opt_in = [](const Candidate& candidate) {
    return candidate.match->rule->opt_in;
  };

  // 1. Of overlapping findings of one kind, the earliest (then the longest)
  // stands: two attribution rules agreeing on a clause are one finding.
  // Each layer (default, opt-in) merges within itself.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) {
                     if (a.match->begin != b.match->begin) {
                       return a.match->begin < b.match->begin;
                     }
                     return a.match->end > b.match->end;
                   });
  std::array<std::array<size_t, kKindCount>, 2> kept_until{};
  for (Candidate& candidate : candidates) {
    size_t& until = kept_until[opt_in(candidate)]
                              [static_cast<int>(candidate.match->rule->kind)];
    if (candidate.match->begin < until) {
      candidate.kept = false;
    } else {
      until = candidate.match->end;
    }
  }

  // 2. yields-to: a finding gives way to an overlapping one of a stronger
  // kind. Candidates are sorted by start, so the scan stops early. Default
  // findings look only at default ones; then an opt-in finding looks at
  // both, and also gives way to a default finding of its own kind, which
  // already says what it would.
  auto yield = [&candidates](Candidate& candidate) {
    const bool from_opt_in = candidate.match->rule->opt_in;
    const KindMask yields = MaskOf(candidate.match->rule->yields_to);
    for (const Candidate& other : candidates) {
      if (other.match->begin >= candidate.match->end) break;
      const bool other_opt_in = other.match->rule->opt_in;
      if (&other == &candidate || !other.kept ||
          (other_opt_in && !from_opt_in)) {
        continue;
      }
      const KindMask mask = from_opt_in && !other_opt_in
                                ? yields | Bit(candidate.match->rule->kind)
                                : yields;
      if ((mask & Bit(other.match->rule->kind)) &&
          Overlaps(*other.match, *candidate.match)) {
        candidate.kept = false;
        return;
      }
    }
  };

  // 3. unless-near: a finding is dropped when a sentence within reach in the
  // same paragraph holds one of the named kinds.
  auto kinds_by_sentence = [&](bool with_opt_in) {
    std::vector<KindMask> kinds(segments.sentences.size(), 0);
    for (const Candidate& candidate : candidates) {
      if (candidate.kept &&
          (candidate.settled || candidate.match->rule->unless_near.empty()) &&
          (with_opt_in || !opt_in(candidate)) &&
          candidate.sentence < kinds.size()) {
        const KindMask kind = Bit(candidate.match->rule->kind);
        kinds[candidate.sentence] |= kind;
        const Governs governs = candidate.match->rule->governs;
        if (governs != Governs::kOwnSentence) {
          const size_t line = segments.sentence_line[candidate.sentence];
          for (size_t s = candidate.sentence + 1;
               s < kinds.size() && (governs == Governs::kRestOfDocument ||
                                    segments.sentence_line[s] == line);
               ++s) {
            kinds[s] |= kind;
          }
        }
      }
    }
    return kinds;
  };
  // Each computed once, and only if a rule asks.
  std::vector<bool> in_quotation;
  std::vector<size_t> list_intro;
  std::optional<size_t> lead;
  auto lead_sentence = [&] {
    if (!lead.has_value()) lead = LeadSentence(text, segments);
    return *lead;
  };
  // The story's releases: each sentence, in order, that holds a finding of
  // the kinds the rule answers to and a release figure, with the periods it
  // reports (one rule asks; computed for the first of its candidates).
  struct Release {
    size_t sentence;
    std::vector<std::string_view> periods;
  };
  const Rule* release_rule = nullptr;
  std::vector<Release> releases;
  auto drop_unless_near = [&](Candidate& candidate,
                              const std::vector<KindMask>& kinds) {
    const Rule& rule = *candidate.match->rule;
    if (!candidate.kept || rule.unless_near.empty() ||
        candidate.sentence >= kinds.size()) {
      return;
    }
    const KindMask wanted = MaskOf(rule.unless_near);
    // The first sentence within the rule's reach before `at`.
    auto reach_from = [&](size_t at) {
      return at >= static_cast<size_t>(rule.reach) ? at - rule.reach : 0;
    };
    // Whether a sentence within the rule's reach of `at` holds a wanted kind.
    auto in_reach = [&](size_t at) {
      const size_t line = segments.sentence_line[at];
      const size_t from = reach_from(at);
      const size_t to = std::min(kinds.size() - 1, at + rule.reach);
      for (size_t s = from; s <= to; ++s) {
        if ((rule.reach_across_paragraphs ||
             segments.sentence_line[s] == line) &&
            (kinds[s] & wanted)) {
          return true;
        }
      }
      return false;
    };
    if (in_reach(candidate.sentence)) {
      candidate.kept = false;
      return;
    }
    if (rule.reach_list) {
      if (list_intro.empty()) list_intro = ListIntroductions(text, segments);
      const size_t intro = list_intro[candidate.sentence];
      if (intro != std::string_view::npos && in_reach(intro)) {
        candidate.kept = false;
        return;
      }
    }
    const size_t first = reach_from(candidate.sentence);
    if (rule.reach_quote_run && in_quotation.empty()) {
      in_quotation = InQuotation(text, segments);
    }
    if (rule.reach_quote_run && in_quotation[candidate.sentence]) {
      // The first sentence of the quoted run holding sentence `s`.
      auto run_start = [&](size_t s) {
        while (s > 0 && in_quotation[s - 1]) --s;
        return s;
      };
      // The run, and the sentence before it, where the speaker is named.
      // When that sentence is a narrator's between two runs ("'...,' he
      // said. But the world number 14 was pleased. 'I had a chance ...'"),
      // it bridges them: the speaker of the run before, or the one the
      // bridge describes, speaks on. One bridge only.
      size_t start = run_start(candidate.sentence);
      if (start >= 2 && in_quotation[start - 2]) start = run_start(start - 2);
      for (size_t s = start > 0 ? start - 1 : 0; s < first; ++s) {
        if (kinds[s] & wanted) {
          candidate.kept = false;
          return;
        }
      }
    }
    if (rule.lead_reach > 0 &&
        segments.sentences.size() <= kMaxBriefSentences) {
      const size_t first_sentence = lead_sentence();
      if (first_sentence < kinds.size() &&
          candidate.sentence > first_sentence &&
          candidate.sentence - first_sentence <=
              static_cast<size_t>(rule.lead_reach) &&
          (kinds[first_sentence] & wanted)) {
        candidate.kept = false;
        return;
      }
    }
    if (rule.release_period.has_value() && matcher != nullptr) {
      if (release_rule != &rule) {
        release_rule = &rule;
        releases.clear();
        for (size_t s = 0; s < kinds.size(); ++s) {
          if (!(kinds[s] & wanted)) continue;
          const std::string_view sentence = SentenceText(text, segments, s);
          if (!matcher->HoldsReleaseFigure(rule, sentence)) continue;
          std::vector<std::string_view> periods =
              matcher->ReleasePeriods(rule, sentence);
          if (!periods.empty()) releases.push_back({s, std::move(periods)});
        }
      }
      if (releases.empty() || releases.front().sentence >= candidate.sentence) {
        return;
      }
      for (std::string_view period : matcher->ReleasePeriods(
               rule, SentenceText(text, segments, candidate.sentence))) {
        for (const Release& release : releases) {
          if (release.sentence >= candidate.sentence) break;
          if (std::find(release.periods.begin(), release.periods.end(),
                        period) != release.periods.end()) {
            candidate.kept = false;
            return;
          }
        }
      }
    }
  };

  // Steps 2 and 3 settle the default findings first; the opt-in ones are
  // then resolved against them and each other.
  for (Candidate& candidate : candidates) {
    if (candidate.kept && !opt_in(candidate) &&
        !candidate.match->rule->yields_to.empty()) {
      yield(candidate);
    }
  }
  // A finding with an unless-near is decided only after every finding of
  // the kinds it names: "Polls show she leads by 5 percent" holds a vague
  // attribution that itself gives way to a nearby attribution, and only
  // once it stands may it silence the unattributed claim. Rules that name
  // each other's kinds (none ship) are decided together, in text order.
  auto settle_unless_near = [&](bool opt_in_pass) {
    for (;;) {
      KindMask pending = 0;
      for (const Candidate& candidate : candidates) {
        if (opt_in(candidate) == opt_in_pass && !candidate.settled &&
            !candidate.match->rule->unless_near.empty()) {
          pending |= Bit(candidate.match->rule->kind);
        }
      }
      if (pending == 0) return;
      const std::vector<KindMask> kinds = kinds_by_sentence(opt_in_pass);
      bool progress = false;
      for (const bool cycle : {false, true}) {
        for (Candidate& candidate : candidates) {
          const Rule& rule = *candidate.match->rule;
          if (opt_in(candidate) != opt_in_pass || candidate.settled ||
              rule.unless_near.empty() ||
              (!cycle && (MaskOf(rule.unless_near) & pending))) {
            continue;
          }
          drop_unless_near(candidate, kinds);
          candidate.settled = true;
          progress = true;
        }
        if (progress) break;
      }
    }
  };
  settle_unless_near(false);
  for (Candidate& candidate : candidates) {
    if (candidate.kept && opt_in(candidate)) yield(candidate);
  }
  settle_unless_near(true);

  std::vector<const RuleMatch*> kept;
  kept.reserve(candidates.size());
  for (const Candidate& candidate : candidates) {
    if (candidate.kept) kept.push_back(candidate.match);
  }
  return kept;
}

}  // namespace provcheck
