// report: printers turn results into one output format each. A printer never
// re-analyses text, so a new format touches only its own file.
#ifndef PROVCHECK_PRINTER_H_
#define PROVCHECK_PRINTER_H_

#include <array>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "provcheck/engine.h"

namespace provcheck {

struct RunSummary {
  int documents = 0;
  int unreadable = 0;  // inputs that could not be read or were binary
  std::array<int, 3> findings_by_severity{};  // indexed by Severity
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual void Begin() {}
  // Called once per document, in input order, as soon as it is analysed, so
  // output streams and memory stays flat on large corpora.
  virtual void PrintDocument(const DocumentResult& result) = 0;
  virtual void End(const RunSummary& summary) = 0;
};

// `path:line:col: severity: message [rule-id]`, grouped per file, then a
// one-line summary. `color` adds ANSI colours (for a terminal).
std::unique_ptr<Printer> MakeTextPrinter(std::ostream& out, bool color);

// The JSON contract of spec/json-output.md (schema 1).
std::unique_ptr<Printer> MakeJsonPrinter(std::ostream& out,
                                         std::string tool_version);

}  // namespace provcheck

#endif  // PROVCHECK_PRINTER_H_
