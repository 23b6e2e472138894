// facts check / facts add: the reference ledger, validated like the rules.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "provcheck/facts.h"

namespace provcheck::cli {

int RunFactsCheck(const FactsOptions& options) {
  const std::string dir = ResolveRulesDir(options.rules_dir) + "/facts";
  auto ledger = LoadLedger(dir);
  if (!ledger.ok()) {
    std::cerr << ledger.status().message() << '\n';
    return kExitError;
  }
  std::cout << ledger->facts.size() << " facts, " << ledger->events.size()
            << " event classes, " << ledger->person_mentions.size()
            << " mention patterns: all valid (" << dir << ")\n";
  return kExitClean;
}

int RunFactsAdd(const FactsOptions& options) {
  const std::string dir = ResolveRulesDir(options.rules_dir) + "/facts";
  Fact fact;
  fact.id = options.id;
  fact.event = options.event;
  fact.entities = options.entities;
  fact.date_text = options.date;
  fact.quantity_text = options.quantity;
  fact.person = options.person;
  fact.source = options.source;
  fact.checked = options.checked;
  const std::string text = FormatFact(fact);

  // The new fact must be valid together with the whole ledger: same parser,
  // same checks (known event class, unique id, a date that normalises).
  const std::string file =
      options.file.empty() ? dir + "/added.facts" : options.file;
  std::string existing;
  {
    std::ifstream in(file, std::ios::binary);
    existing.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto ledger = LoadLedger(dir);
  if (!ledger.ok()) {
    std::cerr << ledger.status().message() << '\n';
    return kExitError;
  }
  // The ledger's event classes on one line, so that an error in the new
  // fact is reported at its own line number, counted from its `fact` line.
  std::string vocabulary;
  for (const EventClass& event : ledger->events) {
    vocabulary += "event " + event.name + " \"\" ";
  }
  vocabulary += "\n";
  auto parsed =
      ParseLedger(vocabulary + text, "<new fact>");  // line 1 is the vocabulary
  if (!parsed.ok()) {
    std::cerr << parsed.status().message() << '\n';
    return kExitError;
  }
  for (const Fact& other : ledger->facts) {
    if (other.id == fact.id) {
      std::cerr << other.location.file << ":" << other.location.line << ":"
                << other.location.column << ": error: fact " << fact.id
                << " is already in the ledger\n";
      return kExitError;
    }
  }
  std::ofstream out(file, std::ios::app | std::ios::binary);
  if (!existing.empty() && existing.back() != '\n') out << '\n';
  out << (existing.empty() ? "" : "\n") << text;
  if (!out) {
    std::cerr << file << ": error: cannot write\n";
    return kExitError;
  }
  std::cout << "added fact " << fact.id << " to " << file << '\n';
  return kExitClean;
}

}  // namespace provcheck::cli
