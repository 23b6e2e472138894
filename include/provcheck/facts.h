// The reference ledger: verified facts a fact-checking desk maintains, and the
// event vocabulary claims are keyed by. Data, not code (rules/facts/*.facts):
//
//   event offensive "offensive|seized|seizure|captured|recaptured"
//   mention person "(?:Secretary of
//   State|Minister)\s+(?P<name>\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){1,2})"
//
//   fact karabakh-offensive-2023 {
//     event     offensive
//     entities  "Nagorno-Karabakh" "Azerbaijan"
//     date      "19–20 September 2023"
//     source    "Reuters, 20 September 2023; UN OCHA flash update No. 3"
//     checked   2024-05-02
//   }
//   fact antony-blinken {
//     person    "Antony Blinken"
//     source    "US Department of State biography"
//     checked   2024-05-02
//   }
//
// An `event` line names a class of event and the RE2 pattern of its trigger
// words; a `mention` line says how person names are found in running text
// (a capture named `name`). A fact is either an event (event, entities,
// date and/or quantity) or a person's canonical spelling.
#ifndef PROVCHECK_FACTS_H_
#define PROVCHECK_FACTS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provcheck/normalize.h"
#include "provcheck/rule.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace provcheck {

struct EventClass {
  std::string name;
  std::string pattern;  // RE2, matched case-insensitively on word bounds
};

struct Fact {
  std::string id;
  std::string event;                  // an EventClass name; empty for a person
  std::vector<std::string> entities;  // who or where it involves
  std::string date_text;              // as written in the ledger
  std::optional<DateInterval> date;
  std::string quantity_text;
  std::optional<QuantityMention> quantity;
  std::string person;   // canonical spelling, for a person fact
  std::string source;   // where the desk verified it
  std::string checked;  // ISO date the desk checked it
  SourceLocation location;
};

struct Ledger {
  std::vector<EventClass> events;
  std::vector<std::string> person_mentions;  // RE2 patterns with (?P<name>)
  std::vector<Fact> facts;
};

// Parses one .facts file. Errors are "file:line:col: error: …" with the line
// and a caret, like the rule language's; a date or quantity that does not
// normalise, an unknown event class and a duplicate id are errors too.
absl::StatusOr<Ledger> ParseLedger(std::string_view text,
                                   std::string_view file_name);

// Loads every *.facts file under `dir` (sorted) into one ledger; a missing
// directory is an empty ledger.
absl::StatusOr<Ledger> LoadLedger(const std::string& dir);

// One fact written back in the ledger's syntax, for `provcheck facts add`.
std::string FormatFact(const Fact& fact);

}  // namespace provcheck

#endif  // PROVCHECK_FACTS_H_
