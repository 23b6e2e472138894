#include "provcheck/source_name.h"

#include <array>

namespace provcheck {
namespace {

// Strips the characters that stick to a name captured from running text.
bool IsEdgeByte(std::string_view s, size_t i) {
  static constexpr std::string_view kAscii = " \t,.;:!?\"'()[]{}-";
  if (kAscii.find(s[i]) != std::string_view::npos) return true;
  return false;
}

std::string_view TrimPunctuation(std::string_view s) {
  // Curly quotes and dashes are multi-byte; strip them whole.
  static constexpr std::array<std::string_view, 7> kWide = {
      "\u201C", "\u201D", "\u2018", "\u2019", "\u2014", "\u2013", "\u00A0"};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    if (IsEdgeByte(s, 0)) {
      s.remove_prefix(1);
      changed = true;
      continue;
    }
    if (IsEdgeByte(s, s.size() - 1)) {
      s.remove_suffix(1);
      changed = true;
      continue;
    }
    for (std::string_view wide : kWide) {
      if (s.starts_with(wide)) {
        s.remove_prefix(wide.size());
        changed = true;
      } else if (s.ends_with(wide)) {
        s.remove_suffix(wide.size());
        changed = true;
      }
    }
  }
  return s;
}

}  // namespace

std::string CleanSourceName(std::string_view raw) {
  std::string_view name = TrimPunctuation(raw);
  for (std::string_view possessive : {"'s", "\u2019s"}) {
    if (name.ends_with(possessive)) {
      name.remove_suffix(possessive.size());
    }
  }
  if (name.size() > 4 && (name[0] == 'T' || name[0] == 't') &&
      name.substr(1, 3) == "he ") {
    name.remove_prefix(4);
  }
  name = TrimPunctuation(name);
  // Scraped text wraps names across runs of spaces and tabs; one space each.
  std::string clean;
  clean.reserve(name.size());
  bool in_space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n') {
      in_space = true;
      continue;
    }
    if (in_space && !clean.empty()) clean.push_back(' ');
    in_space = false;
    clean.push_back(c);
  }
  return clean;
}

}  // namespace provcheck
