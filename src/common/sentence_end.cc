#include "common/sentence_end.h"

namespace provcheck {

bool EndsAsASentence(std::string_view text) {
  while (!text.empty()) {
    const char last = text.back();
    if (last == ' ' || last == '\t' || last == '"' || last == '\'' ||
        last == ')' || last == ']') {
      text.remove_suffix(1);
    } else if (text.ends_with("\u201D") || text.ends_with("\u2019")) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  if (text.ends_with("\u2026")) return true;
  return !text.empty() &&
         (text.back() == '.' || text.back() == '!' || text.back() == '?');
}

}  // namespace provcheck
