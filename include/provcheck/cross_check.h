// cross-check: the one corpus-wide stage. Claims that can disagree (an event's
// date, an event's quantity, a person's name) are keyed, indexed in a hash
// map, and compared only within their key, so n documents cost
// O(n · claims), not O(n²). The ledger's facts take part as one more side.
#ifndef PROVCHECK_CROSS_CHECK_H_
#define PROVCHECK_CROSS_CHECK_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "provcheck/document.h"
#include "provcheck/facts.h"
#include "provcheck/finding.h"
#include "provcheck/normalize.h"
#include "provcheck/segment.h"

namespace provcheck {

// A claim reduced to what can be compared.
struct KeyedClaim {
  enum class Type { kEventDate, kQuantity, kPerson };
  Type type = Type::kEventDate;
  std::string event;                  // event class
  std::vector<std::string> entities;  // lower case, possessive dropped
  DateInterval date;
  Quantity quantity;
  // For a quantity: the date its sentence gives, if any. Two counts of one
  // kind of event are compared only when they are dated alike (a story may
  // set this year's evacuation beside an earlier one).
  std::optional<DateInterval> when;
  std::string person;  // titles stripped, as written
  // Where the differing value stands.
  std::string path;
  size_t begin = 0;  // analysis-text bytes
  size_t end = 0;
  Position start;
  Position stop;
  std::string text;      // the value as written ("September 2022")
  std::string sentence;  // its sentence, for `related`
};

// Finds keyed claims in documents; built once from the ledger's vocabulary.
class ClaimExtractor {
 public:
  static absl::StatusOr<std::unique_ptr<ClaimExtractor>> Create(
      const Ledger& ledger);
  ~ClaimExtractor();

  std::vector<KeyedClaim> Extract(const Document& document,
                                  const Segmentation& segments) const;

 private:
  struct Patterns;
  ClaimExtractor();
  std::unique_ptr<Patterns> patterns_;
};

// The rule ids of contradiction findings: built in, since no pattern can
// compare documents.
inline constexpr char kEventDateRuleId[] = "contradiction.event-date";
inline constexpr char kQuantityRuleId[] = "contradiction.quantity";
inline constexpr char kNameVariantRuleId[] = "contradiction.name-variant";

// Findings of kind `contradiction`, by document path.
using ContradictionMap = absl::flat_hash_map<std::string, std::vector<Finding>>;

class CrossChecker {
 public:
  // `ledger_file_of` names the file each fact came from, for `related`.
  explicit CrossChecker(const Ledger& ledger);
  ~CrossChecker();

  void Add(std::vector<KeyedClaim> claims);
  size_t size() const { return claims_.size(); }

  // Every added claim that disagrees with a claim of another document or
  // with the ledger, as a finding at its value's span with `related`
  // pointing at the other side(s).
  ContradictionMap Check() const;

 private:
  const Ledger& ledger_;
  std::vector<KeyedClaim> claims_;
  absl::flat_hash_map<std::string, std::vector<size_t>> by_key_;
};

// Two dates of one event this far apart are taken to be two events, not one
// misdated: a wrong year or day is a mistake, a decade is another offensive.
inline constexpr int32_t kSameEventWindowDays = 2 * 366;

}  // namespace provcheck

#endif  // PROVCHECK_CROSS_CHECK_H_
