#ifndef PROVCHECK_FINDING_H_
#define PROVCHECK_FINDING_H_

#include <cstddef>
#include <string>
#include <vector>

#include "provcheck/document.h"
#include "provcheck/rule.h"

namespace provcheck {

// Another place a finding points at (the other side of a contradiction).
struct RelatedLocation {
  std::string path;
  int line = 0;
  std::string text;
};

struct Finding {
  std::string rule_id;
  Kind kind = Kind::kAttribution;
  Severity severity = Severity::kInfo;
  size_t begin = 0;  // byte range in the document's analysis text
  size_t end = 0;
  Position start;  // in the original file; `stop` is exclusive
  Position stop;
  std::string message;
  std::string text;    // the matched text
  std::string source;  // who a claim is attributed to, when the rule says
  std::string role;    // "Azerbaijani analyst", kept apart from the name
  std::vector<RelatedLocation> related;
};

}  // namespace provcheck

#endif  // PROVCHECK_FINDING_H_
