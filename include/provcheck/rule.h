// Rules are data: rule packs (rules/*.rules) are parsed into these types, and
// nothing about a particular rule lives in C++.
#ifndef PROVCHECK_RULE_H_
#define PROVCHECK_RULE_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace provcheck {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

// The finding vocabulary of spec/json-output.md, then kMention: a person the
// text names, whom a later "he" or "she" may mean. A mention is never
// reported, stored or scored; the engine's antecedent tracker reads it. It
// comes last, so that the kinds a finding can carry are the first
// kReportedKindCount values.
enum class Kind {
  kAttribution,
  kCitation,
  kVagueAttribution,
  kBoilerplate,
  kContradiction,
  kUnattributedClaim,
  kMention,
};
inline constexpr int kKindCount = 7;          // the values of Kind
inline constexpr int kReportedKindCount = 6;  // the kinds findings carry

// Where a pattern runs: each line (a paragraph), each sentence, or the whole
// analysis text at once (for patterns that look across lines; use (?m)).
enum class Scope { kLine, kSentence, kDocument };

// How far a finding stands for other rules' unless-near (see Rule::governs).
enum class Governs { kOwnSentence, kParagraph, kRestOfDocument };

std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);
std::string_view KindName(Kind kind);
std::optional<Kind> ParseKind(std::string_view name);
std::string_view ScopeName(Scope scope);
std::optional<Scope> ParseScope(std::string_view name);

// Where something was written in a rule file, for error messages.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Pattern {
  std::string regex;
  SourceLocation location;
};

// `release-period "FIGURE" "PERIOD"` (see Rule::release_period).
struct ReleasePeriod {
  Pattern figure;  // what makes a sentence a release: a figure
  Pattern period;  // a period it reports; its `period` capture, if any, is
                   // the text compared, else the whole match
};

struct RuleExample {
  std::string text;
  bool must_match = true;  // false for a `counter` example
  // Captures the match must produce, e.g. {"source", "Togroul Djuvarli"}.
  std::vector<std::pair<std::string, std::string>> captures;
  SourceLocation location;
};

// The `reject` targets that are no capture: the text before the match, the
// text after it, and the paragraph (the line) that holds it.
inline constexpr std::string_view kRejectBefore = "before";
inline constexpr std::string_view kRejectAfter = "after";
inline constexpr std::string_view kRejectParagraph = "paragraph";

struct Rule {
  std::string id;  // "attribution.according-to"
  std::string description;
  Kind kind = Kind::kAttribution;
  Severity severity = Severity::kInfo;
  Scope scope = Scope::kSentence;
  // RE2 patterns with the pack's named sub-patterns already expanded. A
  // capture named `span`, when it takes part, is the finding's span instead
  // of the whole match (RE2 has no lookbehind; this stands in for it).
  std::vector<Pattern> patterns;
  // Message template: "{name}" inserts a capture; "{?name:text}" inserts
  // text (itself a template) only when the capture is non-empty.
  std::string message;
  std::vector<RuleExample> examples;
  // A finding of this rule is dropped when it overlaps a finding of one of
  // these kinds ("an attribution to a named body is never vague").
  std::vector<Kind> yields_to;
  // A finding of this rule is dropped when a sentence within `reach`
  // sentences of it (same paragraph) holds a finding of one of these kinds:
  // how an unattributed claim knows that its speaker is named nearby.
  std::vector<Kind> unless_near;
  int reach = 0;
  // `within N across-paragraphs`: the sentences in reach may stand in other
  // paragraphs, as in wire copy, where every sentence is its own paragraph.
  bool reach_across_paragraphs = false;
  // `or-lead M`: the document's lead (its first sentence that ends as a
  // sentence does, past any headline) is in reach too, of findings up to M
  // sentences after it. A wire story's lead names the source of the terms
  // and figures the next few sentences give; 0 when not set.
  int lead_reach = 0;
  // `or-quote-run`: a finding on a sentence that opens with a quotation
  // mark also reaches back over the run of such sentences before it, and
  // the sentence before the run: a quotation quoted over several
  // paragraphs names its speaker once, where it starts. When that sentence
  // is a narrator's bridge after an earlier run, the reach goes on over
  // that run and the sentence before it (one bridge only).
  bool reach_quote_run = false;
  // `or-list`: a finding on an item of a list that a line ending in a
  // colon (or a wire story's " -") introduces reaches as that line's last
  // sentence does. The list finishes the introducing sentence ("In his
  // budget Mr Chidambaram has: - Pledged 102bn rupees for tsunami
  // victims"), so its items stand where it stands, however long the list.
  bool reach_list = false;
  // `or-sole-body`: in a document whose every named attribution names one
  // body (a company, a bank, a ministry, an exchange: not a person, a
  // state or a document), and which holds no vague attribution or
  // citation, that body reaches every finding after it is first named. The
  // story is its release told in the wire's words: "Hoechst AG said ...
  // World group pretax profit rose to 3.21 billion marks in 1986 ...
  // Hoechst will announce its dividend proposal on April 23."
  bool reach_sole_body = false;
  // `release-period "FIGURE" "PERIOD"`: a statistical release reaches
  // every later sentence that reports the same period, however far on. When
  // an earlier sentence holds a finding of an unless-near kind and a match
  // of FIGURE, a finding is dropped whose sentence names a PERIOD that
  // sentence names too ("Malaysia's reserves rose to 16.07 billion ringgit
  // in February ..., Bank Negara said." sources "Currency in circulation in
  // February fell to 7.43 billion ringgit" eight sentences on). The release
  // need not be the lead: a feature's third paragraph may quote the
  // results. A sentence without a figure is no release: the sport story
  // whose lead and background both say "in June" shares a month by chance.
  std::optional<ReleasePeriod> release_period;
  // `governs paragraph`: a finding of this rule counts, for every other
  // rule's unless-near, as standing in each sentence from its own to the
  // end of its paragraph. A transcript's speaker label ("CLINTON: Our
  // economy has added ...") attributes the whole turn, not its first
  // sentence alone. `governs document`: to the end of the document; a lead
  // that says what follows ("Following is the text of a statement by the
  // Bundesbank") attributes every paragraph after it.
  Governs governs = Governs::kOwnSentence;
  // `at-least N per-document`: the rule's matches in a document are kept
  // only when there are at least N of them (after rejects). A transcript
  // has two labelled turns or more; a lone "NEW DELHI:" is a dateline.
  // 0 when not set.
  int min_per_document = 0;
  // A match is dropped when a capture, cleaned, matches one of these RE2
  // patterns in full: "Azerbaijan said" names no traceable speaker. The
  // name `before` (kRejectBefore) stands for the segment's text ahead of
  // the match, as it is: the context a lookbehind would test; `after`
  // (kRejectAfter), for the segment's text past the match, the context a
  // lookahead would. The name `paragraph` (kRejectParagraph) stands for
  // the whole line that holds the match, as it is: a voice that holds for
  // a whole paragraph (a reader's "I think ...") shows in one of its
  // sentences, not in each. Any other name must be a capture of the
  // rule's patterns (Matcher::Compile says so when it is not).
  std::vector<std::pair<std::string, Pattern>> rejects;
  // `unresolved-as RULE`: when a finding's `anaphor` names no one in reach,
  // the finding is RULE's instead (its kind, id, severity and message). "A
  // spokesman said" after "Acme Corp said" is Acme's spokesman, an
  // attribution; with no body in reach it names no one, as the vague pack
  // says. Empty when not set; the matcher resolves the id
  // (Matcher::UnresolvedAs).
  std::string unresolved_as;
  SourceLocation unresolved_as_location;
  // Copied from its pack: the rule runs only when its pack is enabled, and
  // its findings stand apart from the default packs' (engine.h).
  bool opt_in = false;
  SourceLocation location;
};

struct RulePack {
  std::string name;
  std::string description;
  std::string file;
  // `pack NAME "…" opt-in`: off unless enabled by name (`--enable-pack`,
  // `[packs] NAME = true`), for checks that suit some texts and would be
  // noise on others.
  bool opt_in = false;
  std::vector<Rule> rules;
};

struct PackSelection {
  std::vector<RulePack> active;   // every default pack, the enabled opt-in ones
  std::vector<RulePack> dormant;  // opt-in packs left off
};

// Splits `packs` by whether they run. Only an opt-in pack's own name in
// `enabled` turns it on; other names (default packs, no pack) change nothing.
PackSelection SelectPacks(std::vector<RulePack> packs,
                          const std::set<std::string>& enabled);

}  // namespace provcheck

#endif  // PROVCHECK_RULE_H_
