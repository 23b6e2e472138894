// The rule language: one pack per file, parsed with Boost.Spirit X3.
//
//   pack attribution "Claims attributed to named sources"
//
//   define CUE    = "(?:said|says|told)"
//   define PERSON = "(?P<source>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+)"
//
//   rule attribution.according-to {
//     description "…"
//     kind      attribution
//     severity  info
//     scope     sentence
//     match     "(?i:according to)\s+{PERSON}"
//     message   "Claim attributed to {source}"
//     example   "… according to analyst Togroul Djuvarli."  source = "Togroul
//     Djuvarli" counter   "The launch went according to plan." reject    source
//     "(?i:he|she|they)"    # drop a match whose capture is this
//   }
//
// A pack that should run only when asked for says so after its description:
//
//   pack weasel-words "Vague quantities and hedges" opt-in
//
// Optional fields: `yields-to KIND, …` (drop when overlapping a finding of
// those kinds), `unless-near KIND, … within N` (drop when a sentence within N
// of it holds one), `reject CAPTURE "regex"` (repeatable), and scope
// `document` for patterns that look across lines.
//
// `{NAME}` (upper-case identifier) inside a pattern or define expands to an
// earlier define, so a pack reads like a grammar; regex quantifiers such as
// {1,3} are left alone. `#` starts a comment. Strings are double-quoted with
// C-style escapes for \" and \\ only: every other backslash reaches RE2 as it
// is written, so patterns need no double escaping.
#ifndef PROVCHECK_RULE_PARSER_H_
#define PROVCHECK_RULE_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provcheck/rule.h"

namespace provcheck {

// Parses one pack. On a syntax error the status message is
// "file:line:col: error: expected …" followed by the offending line and a
// caret under the column.
absl::StatusOr<RulePack> ParseRulePack(std::string_view source,
                                       std::string_view file_name);

// Reads and parses every *.rules file under `dir` (sorted, recursively).
// Either every pack loads or none does: the first error is returned.
absl::StatusOr<std::vector<RulePack>> LoadRulePacks(const std::string& dir);

}  // namespace provcheck

#endif  // PROVCHECK_RULE_PARSER_H_
