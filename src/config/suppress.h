// In-document suppressions, read from a document's original bytes (the
// analysis text has comments blanked):
//
//   Markdown, HTML:  <!-- provcheck-disable [rule …] -->
//                    <!-- provcheck-enable [rule …] -->
//                    <!-- provcheck-disable-next-line [rule …] -->
//   plain text:      provcheck: disable [rule …]           (a line of its own)
//                    provcheck: enable [rule …]
//                    provcheck: disable-next-line [rule …]
//
// A rule is an id, a pack or id prefix, or a prefix ending in ".*"; none
// means every rule. Ids may be separated by spaces or commas.
#ifndef PROVCHECK_CONFIG_SUPPRESS_H_
#define PROVCHECK_CONFIG_SUPPRESS_H_

#include <string>
#include <string_view>
#include <vector>

#include "provcheck/diagnostic.h"
#include "provcheck/document.h"

namespace provcheck {

inline constexpr char kUnusedSuppressionId[] = "provcheck.unused-suppression";

class Suppressions {
 public:
  static Suppressions Parse(std::string_view original, Format format);

  // True when a finding of `rule_id` that starts at `start` is suppressed;
  // the directives that suppress it count as used.
  bool Suppress(std::string_view rule_id, Position start);

  // True for the lines of a plain-text directive: it is prose to the rules,
  // so what they find on it is dropped.
  bool IsDirectiveLine(int line) const;

  // Each directive (each rule it names) that suppressed nothing.
  Diagnostics Unused(const std::string& path) const;

  bool empty() const { return ranges_.empty(); }

 private:
  struct Directive {
    Position at;       // where it is written
    std::string text;  // normalised, for messages
    size_t rules = 0;  // how many rules it names
  };
  struct Range {
    std::string pattern;  // empty: every rule
    Position begin;       // inclusive
    Position end;         // exclusive; line 0 means the end of the file
    bool open = false;    // a disable no enable has closed yet
    size_t directive = 0;
    bool used = false;
  };

  // `body` is the directive's text after "provcheck-" or "provcheck:";
  // `after` where the text that follows it begins; `last_line` the line it
  // ends on; `own_line` for a plain-text directive, which is a whole line.
  void Add(std::string_view body, Position at, Position after, int last_line,
           bool own_line);

  std::vector<Directive> directives_;
  std::vector<Range> ranges_;
  std::vector<int> directive_lines_;  // plain text only
};

}  // namespace provcheck

#endif  // PROVCHECK_CONFIG_SUPPRESS_H_
