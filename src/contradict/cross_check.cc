#include "provcheck/cross_check.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "absl/container/flat_hash_set.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace provcheck {
namespace {

// Capitalised words that start sentences or name times, not entities.
constexpr std::string_view kNotEntities[] = {
    "a",         "after",    "an",      "and",       "april",    "as",
    "at",        "august",   "before",  "but",       "december", "during",
    "earlier",   "february", "friday",  "he",        "her",      "his",
    "however",   "in",       "it",      "its",       "january",  "july",
    "june",      "last",     "later",   "march",     "may",      "meanwhile",
    "monday",    "november", "october", "on",        "one",      "saturday",
    "september", "she",      "since",   "sunday",    "that",     "the",
    "their",     "then",     "these",   "they",      "this",     "thursday",
    "today",     "tuesday",  "until",   "wednesday", "when",     "while",
    "yesterday", "mid",      "early",   "late",      "sept",     "sep",
    "jan",       "feb",      "mar",     "apr",       "jun",      "jul",
    "aug",       "oct",      "nov",     "dec",       "year",     "this"};

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string Entity(std::string_view raw) {
  std::string entity = Lower(raw);
  for (std::string_view possessive : {"'s", "\u2019s"}) {
    if (entity.size() > possessive.size() && entity.ends_with(possessive)) {
      entity.resize(entity.size() - possessive.size());
    }
  }
  return entity;
}

std::string Surname(std::string_view name) {
  const size_t space = name.find_last_of(' ');
  return Lower(space == std::string_view::npos ? name : name.substr(space + 1));
}

std::optional<int32_t> ReferenceDay(const DocumentMetadata& metadata) {
  const std::string& date = metadata.published;
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  const int year = std::atoi(date.substr(0, 4).c_str());
  const int month = std::atoi(date.substr(5, 2).c_str());
  const int day = std::atoi(date.substr(8, 2).c_str());
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  return DayNumber(year, month, day);
}

size_t SharedEntities(const std::vector<std::string>& a,
                      const std::vector<std::string>& b) {
  size_t shared = 0;
  for (const std::string& entity : a) {
    if (std::find(b.begin(), b.end(), entity) != b.end()) ++shared;
  }
  return shared;
}

int32_t Gap(const DateInterval& a, const DateInterval& b) {
  if (a.Overlaps(b)) return 0;
  return a.last < b.first ? b.first - a.last : a.first - b.last;
}

std::string Capitalised(std::string text) {
  if (!text.empty()) {
    text[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  }
  return text;
}

}  // namespace

struct ClaimExtractor::Patterns {
  std::vector<std::pair<std::string, std::unique_ptr<RE2>>> events;
  // The event patterns together, indexed as `events`: one scan says which
  // classes a sentence speaks of, where a scan per class cost the corpus a
  // pass per class, for the few sentences that hold an event.
  std::unique_ptr<RE2::Set> any_event;
  // Each mention pattern with the index of its `name` group, found once.
  std::vector<std::pair<std::unique_ptr<RE2>, int>> person_mentions;
  RE2 capitalised{
      R"((\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*))"};
};

ClaimExtractor::ClaimExtractor() = default;
ClaimExtractor::~ClaimExtractor() = default;

absl::StatusOr<std::unique_ptr<ClaimExtractor>> ClaimExtractor::Create(
    const Ledger& ledger) {
  std::unique_ptr<ClaimExtractor> extractor(new ClaimExtractor());
  extractor->patterns_ = std::make_unique<Patterns>();
  RE2::Options options;
  options.set_log_errors(false);
  auto any_event = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const EventClass& event : ledger.events) {
    const std::string regex = "(?i)\\b((?:" + event.pattern + "))\\b";
    auto pattern = std::make_unique<RE2>(regex, options);
    if (!pattern->ok()) {
      return absl::InvalidArgumentError("event " + event.name + ": " +
                                        pattern->error());
    }
    if (any_event->Add(regex, nullptr) < 0) {
      return absl::InternalError("event " + event.name +
                                 ": compiles alone but not in a set");
    }
    extractor->patterns_->events.emplace_back(event.name, std::move(pattern));
  }
  if (!ledger.events.empty()) {
    if (!any_event->Compile()) {
      return absl::ResourceExhaustedError(
          "the ledger's event patterns are too large to compile together");
    }
    extractor->patterns_->any_event = std::move(any_event);
  }
  for (const std::string& mention : ledger.person_mentions) {
    auto pattern = std::make_unique<RE2>(mention, options);
    if (!pattern->ok()) return absl::InvalidArgumentError(pattern->error());
    const auto group = pattern->NamedCapturingGroups().find("name");
    if (group == pattern->NamedCapturingGroups().end()) {
      return absl::InvalidArgumentError("a mention pattern has no name group");
    }
    const int index = group->second;
    extractor->patterns_->person_mentions.emplace_back(std::move(pattern),
                                                       index);
  }
  return extractor;
}

std::vector<KeyedClaim> ClaimExtractor::Extract(
    const Document& document, const Segmentation& segments) const {
  std::vector<KeyedClaim> claims;
  const std::optional<int32_t> reference = ReferenceDay(document.metadata);
  const LineIndex original_lines(document.original);
  const std::string_view text = document.text;

  auto locate = [&](KeyedClaim& claim, size_t begin, size_t end,
                    const TextRange& sentence) {
    claim.path = document.path;
    claim.begin = begin;
    claim.end = end;
    std::tie(claim.start, claim.stop) =
        SpanPositions(document, original_lines, begin, end);
    claim.text = std::string(text.substr(begin, end - begin));
    claim.sentence = std::string(text.substr(sentence.begin, sentence.size()));
  };

  std::vector<re2::StringPiece> groups;  // reused across sentences
  std::vector<int> event_ids;
  for (const TextRange& range : segments.sentences) {
    const std::string_view sentence = text.substr(range.begin, range.size());
    const re2::StringPiece piece(sentence.data(), sentence.size());

    for (const auto& [mention, group] : patterns_->person_mentions) {
      re2::StringPiece input = piece;
      re2::StringPiece name;
      groups.resize(group + 1);
      while (!input.empty() &&
             mention->Match(input, 0, input.size(), RE2::UNANCHORED,
                            groups.data(), group + 1)) {
        name = groups[group];
        KeyedClaim claim;
        claim.type = KeyedClaim::Type::kPerson;
        claim.person = StripTitles(std::string_view(name.data(), name.size()));
        const size_t begin = range.begin + (name.data() - sentence.data());
        locate(claim, begin, begin + name.size(), range);
        if (claim.person.find(' ') != std::string::npos) {
          claims.push_back(std::move(claim));
        }
        const size_t consumed =
            groups[0].data() + groups[0].size() - input.data();
        input.remove_prefix(std::max<size_t>(consumed, 1));
      }
    }

    // Events: which classes the sentence speaks of, and where.
    if (!patterns_->any_event ||
        !patterns_->any_event->Match(piece, &event_ids)) {
      continue;
    }
    std::sort(event_ids.begin(), event_ids.end());       // in ledger order
    std::vector<std::pair<std::string, size_t>> events;  // class, position
    for (const int id : event_ids) {
      const auto& [name, pattern] = patterns_->events[id];
      re2::StringPiece trigger;
      if (RE2::PartialMatch(piece, *pattern, &trigger)) {
        events.emplace_back(name, trigger.data() - sentence.data());
      }
    }
    if (events.empty()) continue;

    std::vector<std::string> entities;
    {
      re2::StringPiece input = piece;
      re2::StringPiece phrase;
      while (RE2::FindAndConsume(&input, patterns_->capitalised, &phrase)) {
        std::string entity =
            Entity(std::string_view(phrase.data(), phrase.size()));
        if (std::find(std::begin(kNotEntities), std::end(kNotEntities),
                      entity) != std::end(kNotEntities) ||
            entity.size() < 3) {
          continue;
        }
        if (std::find(entities.begin(), entities.end(), entity) ==
            entities.end()) {
          entities.push_back(std::move(entity));
        }
      }
    }
    if (entities.empty()) continue;

    const std::vector<DateMention> dates = FindDates(sentence, reference);
    const std::vector<QuantityMention> quantities = FindQuantities(sentence);
    for (const auto& [event, position] : events) {
      auto nearest = [&](const auto& mentions) {
        const decltype(&mentions[0]) none = nullptr;
        auto best = none;
        size_t best_distance = SIZE_MAX;
        for (const auto& mention : mentions) {
          const size_t distance = mention.begin > position
                                      ? mention.begin - position
                                      : position - mention.begin;
          if (distance < best_distance) {
            best = &mention;
            best_distance = distance;
          }
        }
        return best;
      };
      if (const DateMention* date = nearest(dates)) {
        KeyedClaim claim;
        claim.type = KeyedClaim::Type::kEventDate;
        claim.event = event;
        claim.entities = entities;
        claim.date = date->interval;
        locate(claim, range.begin + date->begin, range.begin + date->end,
               range);
        claims.push_back(std::move(claim));
      }
      if (const QuantityMention* quantity = nearest(quantities)) {
        KeyedClaim claim;
        claim.type = KeyedClaim::Type::kQuantity;
        claim.event = event;
        claim.entities = entities;
        claim.quantity = quantity->quantity;
        if (const DateMention* date = nearest(dates))
          claim.when = date->interval;
        locate(claim, range.begin + quantity->begin,
               range.begin + quantity->end, range);
        claims.push_back(std::move(claim));
      }
    }
  }
  return claims;
}

CrossChecker::CrossChecker(const Ledger& ledger) : ledger_(ledger) {}
CrossChecker::~CrossChecker() = default;

void CrossChecker::Add(std::vector<KeyedClaim> claims) {
  for (KeyedClaim& claim : claims) {
    const size_t index = claims_.size();
    switch (claim.type) {
      case KeyedClaim::Type::kEventDate:
      case KeyedClaim::Type::kQuantity: {
        const char* prefix =
            claim.type == KeyedClaim::Type::kEventDate ? "d|" : "q|";
        // Keyed by class and each entity; a pair of claims meets in every
        // bucket they share, and is compared once (see Check).
        for (const std::string& entity : claim.entities) {
          by_key_[prefix + claim.event + "|" + entity].push_back(index);
        }
        break;
      }
      case KeyedClaim::Type::kPerson:
        by_key_["p|" + Surname(claim.person)].push_back(index);
        break;
    }
    claims_.push_back(std::move(claim));
  }
}

ContradictionMap CrossChecker::Check() const {
  // Findings per claim index, built up as disagreements are found.
  absl::flat_hash_map<size_t, Finding> findings;
  auto finding_for = [&](size_t index, const char* rule, Severity severity,
                         const std::string& message) -> Finding& {
    auto [it, inserted] = findings.try_emplace(index);
    Finding& finding = it->second;
    if (inserted) {
      const KeyedClaim& claim = claims_[index];
      finding.rule_id = rule;
      finding.kind = Kind::kContradiction;
      finding.severity = severity;
      finding.begin = claim.begin;
      finding.end = claim.end;
      finding.start = claim.start;
      finding.stop = claim.stop;
      finding.text = claim.text;
      finding.message = message;
    }
    return finding;
  };
  constexpr size_t kMaxRelated = 3;
  auto relate = [&](Finding& finding, RelatedLocation related) {
    if (finding.related.size() >= kMaxRelated) return;
    for (const RelatedLocation& existing : finding.related) {
      if (existing.path == related.path && existing.line == related.line)
        return;
    }
    finding.related.push_back(std::move(related));
  };

  // Across documents, within each key. Two claims that share several
  // entities meet in several buckets; they are compared only in the bucket
  // of their smallest shared entity, so no record of compared pairs (which
  // grew to gigabytes on large corpora) is needed.
  auto smallest_shared = [](const KeyedClaim& a, const KeyedClaim& b) {
    const std::string* smallest = nullptr;
    for (const std::string& entity : a.entities) {
      if (std::find(b.entities.begin(), b.entities.end(), entity) !=
              b.entities.end() &&
          (smallest == nullptr || entity < *smallest)) {
        smallest = &entity;
      }
    }
    return smallest;
  };
  // A spelling used in at least kMajority times as many documents as
  // another (and in kMajority or more) is taken as the right one: its
  // documents are not flagged, only the rare spelling's are. Otherwise one
  // misspelt story would put a finding on every story that spells the name
  // right.
  constexpr size_t kMajority = 3;
  for (const auto& [key, members] : by_key_) {
    const size_t bar = key.rfind('|');
    const std::string_view key_entity =
        std::string_view(key).substr(bar == std::string::npos ? 0 : bar + 1);
    absl::flat_hash_map<std::string_view, absl::flat_hash_set<std::string_view>>
        documents_by_spelling;
    if (key.starts_with("p|")) {
      for (size_t index : members) {
        documents_by_spelling[claims_[index].person].insert(
            claims_[index].path);
      }
    }
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const size_t i = members[x], j = members[y];
        const KeyedClaim& a = claims_[i];
        const KeyedClaim& b = claims_[j];
        // One story may speak of two events of a kind; only documents are
        // set against each other.
        if (a.path == b.path) continue;
        if (a.type != KeyedClaim::Type::kPerson) {
          const std::string* shared = smallest_shared(a, b);
          if (shared == nullptr || *shared != key_entity) continue;
        }
        if (a.type == KeyedClaim::Type::kEventDate) {
          const int32_t gap = Gap(a.date, b.date);
          if (gap == 0 || gap > kSameEventWindowDays ||
              SharedEntities(a.entities, b.entities) < 2) {
            continue;
          }
          for (auto [self, other] : {std::pair{i, j}, std::pair{j, i}}) {
            const KeyedClaim& c = claims_[self];
            const KeyedClaim& d = claims_[other];
            Finding& finding = finding_for(
                self, kEventDateRuleId, Severity::kError,
                Capitalised(c.event) + " dated " + c.text + " here; " + d.text +
                    " in " + d.path + ":" + std::to_string(d.start.line));
            relate(finding, {d.path, d.start.line, d.sentence});
          }
        } else if (a.type == KeyedClaim::Type::kQuantity) {
          const Quantity& p = a.quantity;
          const Quantity& q = b.quantity;
          if (p.unit != q.unit || (p.low <= q.high && q.low <= p.high) ||
              SharedEntities(a.entities, b.entities) < 2 || !a.when ||
              !b.when || !a.when->Overlaps(*b.when)) {
            continue;
          }
          for (auto [self, other] : {std::pair{i, j}, std::pair{j, i}}) {
            const KeyedClaim& c = claims_[self];
            const KeyedClaim& d = claims_[other];
            Finding& finding = finding_for(
                self, kQuantityRuleId, Severity::kError,
                Capitalised(c.event) + ": " + c.text + " here; " + d.text +
                    " in " + d.path + ":" + std::to_string(d.start.line));
            relate(finding, {d.path, d.start.line, d.sentence});
          }
        } else if (IsSpellingVariant(a.person, b.person)) {
          for (auto [self, other] : {std::pair{i, j}, std::pair{j, i}}) {
            const KeyedClaim& c = claims_[self];
            const KeyedClaim& d = claims_[other];
            const size_t mine = documents_by_spelling[c.person].size();
            const size_t theirs = documents_by_spelling[d.person].size();
            if (mine >= kMajority && mine >= kMajority * theirs) continue;
            Finding& finding = finding_for(
                self, kNameVariantRuleId, Severity::kWarning,
                "\u201C" + c.person + "\u201D here; \u201C" + d.person +
                    "\u201D in " + d.path + ":" + std::to_string(d.start.line) +
                    ": one of them is misspelt");
            relate(finding, {d.path, d.start.line, d.sentence});
          }
        }
      }
    }
  }

  // Against the ledger. Facts are few; each looks up only its own buckets.
  for (const Fact& fact : ledger_.facts) {
    const std::string ledger_text =
        (fact.person.empty() ? (fact.date ? fact.date_text : fact.quantity_text)
                             : fact.person) +
        " (" + fact.source + "; checked " + fact.checked + ")";
    const RelatedLocation related{fact.location.file, fact.location.line,
                                  ledger_text};
    if (!fact.person.empty()) {
      auto it = by_key_.find("p|" + Surname(fact.person));
      if (it == by_key_.end()) continue;
      for (size_t index : it->second) {
        const KeyedClaim& claim = claims_[index];
        if (!IsSpellingVariant(claim.person, fact.person)) continue;
        Finding& finding = finding_for(
            index, kNameVariantRuleId, Severity::kWarning,
            "\u201C" + claim.person +
                "\u201D here; the reference ledger spells it \u201C" +
                fact.person + "\u201D");
        relate(finding, related);
      }
      continue;
    }
    std::vector<std::string> fact_entities;
    for (const std::string& entity : fact.entities) {
      fact_entities.push_back(Entity(entity));
    }
    const size_t needed = std::min<size_t>(2, fact_entities.size());
    absl::flat_hash_set<size_t> seen;
    for (const std::string& entity : fact_entities) {
      for (const char* prefix : {"d|", "q|"}) {
        auto it = by_key_.find(prefix + fact.event + "|" + entity);
        if (it == by_key_.end()) continue;
        for (size_t index : it->second) {
          if (!seen.insert(index).second) continue;
          const KeyedClaim& claim = claims_[index];
          if (SharedEntities(claim.entities, fact_entities) < needed) continue;
          if (claim.type == KeyedClaim::Type::kEventDate && fact.date) {
            const int32_t gap = Gap(claim.date, *fact.date);
            if (gap == 0 || gap > kSameEventWindowDays) continue;
            Finding& finding = finding_for(
                index, kEventDateRuleId, Severity::kError,
                Capitalised(fact.event) + " dated " + claim.text + " here; " +
                    fact.date_text + " in the reference ledger");
            relate(finding, related);
          } else if (claim.type == KeyedClaim::Type::kQuantity &&
                     fact.quantity) {
            const Quantity& p = claim.quantity;
            const Quantity& q = fact.quantity->quantity;
            if (p.unit != q.unit || (p.low <= q.high && q.low <= p.high))
              continue;
            // A dated count far from the ledger's event is another event.
            if (claim.when && fact.date && Gap(*claim.when, *fact.date) > 0) {
              continue;
            }
            Finding& finding = finding_for(
                index, kQuantityRuleId, Severity::kError,
                Capitalised(fact.event) + ": " + claim.text + " here; " +
                    fact.quantity_text + " in the reference ledger");
            relate(finding, related);
          }
        }
      }
    }
  }

  ContradictionMap by_path;
  for (auto& [index, finding] : findings) {
    by_path[claims_[index].path].push_back(std::move(finding));
  }
  for (auto& [path, list] : by_path) {
    std::sort(list.begin(), list.end(), [](const Finding& a, const Finding& b) {
      return a.begin < b.begin;
    });
  }
  return by_path;
}

}  // namespace provcheck
