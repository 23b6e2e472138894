// Which of a document's rule matches stand as findings. Rules overlap and
// answer each other by design, so the matches a Matcher finds are
// candidates, settled here in three steps:
//
//  1. of overlapping matches of one kind, the earliest (then the longest)
//     stands: two attribution rules agreeing on a clause are one finding;
//  2. `yields-to`: a match gives way to an overlapping one of a stronger
//     kind;
//  3. `unless-near`: a match is dropped when a sentence within the rule's
//     reach holds a finding of a kind it names (and, with `release-period`,
//     when an earlier sentence is a release of a period the match's
//     sentence names). `or-sole-body` is settled later, by the engine,
//     since it needs the names the speaker tracker resolves.
//
// Opt-in packs' matches are settled against the default packs' but never
// displace, drop or merge with one, so the default findings are the same
// whichever packs are enabled.
#ifndef PROVCHECK_ENGINE_MATCH_FILTER_H_
#define PROVCHECK_ENGINE_MATCH_FILTER_H_

#include <string_view>
#include <vector>

#include "provcheck/matcher.h"
#include "provcheck/segment.h"

namespace provcheck {

// The matches that stand, ordered by start and, for equal starts, longest
// first (ties in the matcher's order). `matcher`, the one that found them,
// answers for rules with a `release-period`; without it those rules reach
// no further than their unless-near says.
std::vector<const RuleMatch*> KeptMatches(std::string_view text,
                                          const Segmentation& segments,
                                          const std::vector<RuleMatch>& matches,
                                          const Matcher* matcher = nullptr);

}  // namespace provcheck

#endif  // PROVCHECK_ENGINE_MATCH_FILTER_H_
