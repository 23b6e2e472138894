#include "common/prose.h"

#include "absl/strings/ascii.h"

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

size_t WordCount(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = absl::ascii_isspace(static_cast<unsigned char>(c));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string_view TrimBlanks(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

}  // namespace provcheck
