#include "config/glob.h"

#include <filesystem>

namespace provcheck {
namespace {

namespace fs = std::filesystem;

// Matches one `[...]` class at the start of `pattern` against `c`; returns the
// class's length, or 0 when the bracket is not closed (then it is literal).
size_t MatchClass(std::string_view pattern, char c, bool* matched) {
  size_t i = 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool hit = false;
  bool first = true;
  for (; i < pattern.size(); ++i) {
    if (pattern[i] == ']' && !first) {
      *matched = hit != negate && c != '/';
      return i + 1;
    }
    first = false;
    char low = pattern[i];
    if (low == '\\' && i + 1 < pattern.size()) low = pattern[++i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' &&
        pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 2;
    }
    if (c >= low && c <= high) hit = true;
  }
  return 0;
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  while (!pattern.empty()) {
    if (pattern.starts_with("**")) {
      size_t stars = pattern.find_first_not_of('*');
      std::string_view rest =
          stars == std::string_view::npos ? "" : pattern.substr(stars);
      if (rest.empty()) return true;  // everything below
      if (rest[0] == '/') {
        // Zero or more whole directories.
        rest.remove_prefix(1);
        if (GlobMatch(rest, path)) return true;
        for (size_t i = 0; i < path.size(); ++i) {
          if (path[i] == '/' && GlobMatch(rest, path.substr(i + 1))) {
            return true;
          }
        }
        return false;
      }
      pattern = pattern.substr(stars - 1);  // other runs are a single `*`
      continue;
    }
    const char p = pattern[0];
    if (p == '*') {
      std::string_view rest = pattern.substr(1);
      for (size_t i = 0; i <= path.size(); ++i) {
        if (GlobMatch(rest, path.substr(i))) return true;
        if (i < path.size() && path[i] == '/') break;
      }
      return false;
    }
    if (path.empty()) return false;
    if (p == '?') {
      if (path[0] == '/') return false;
      pattern.remove_prefix(1);
    } else if (p == '[') {
      bool matched = false;
      const size_t length = MatchClass(pattern, path[0], &matched);
      if (length == 0) {
        if (path[0] != '[') return false;
        pattern.remove_prefix(1);
      } else {
        if (!matched) return false;
        pattern.remove_prefix(length);
      }
    } else {
      char literal = p;
      if (p == '\\' && pattern.size() > 1) {
        literal = pattern[1];
        pattern.remove_prefix(1);
      }
      if (path[0] != literal) return false;
      pattern.remove_prefix(1);
    }
    path.remove_prefix(1);
  }
  return path.empty();
}

PathPatterns PathPatterns::Parse(std::string_view text) {
  PathPatterns patterns;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    patterns.Add(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return patterns;
}

PathPatterns PathPatterns::FromLines(const std::vector<std::string>& lines) {
  PathPatterns patterns;
  for (const std::string& line : lines) patterns.Add(line);
  return patterns;
}

void PathPatterns::Add(std::string_view line) {
  // Trailing spaces go unless escaped.
  while (!line.empty() && line.back() == ' ' &&
         !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
    line.remove_suffix(1);
  }
  if (line.empty() || line[0] == '#') return;
  Pattern pattern;
  if (line[0] == '!') {
    pattern.negated = true;
    line.remove_prefix(1);
  } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
    line.remove_prefix(1);
  }
  if (line.ends_with('/')) {
    pattern.directory_only = true;
    line.remove_suffix(1);
  }
  if (line.empty()) return;
  pattern.anchored = line.find('/') != std::string_view::npos;
  if (line[0] == '/') line.remove_prefix(1);
  pattern.glob = std::string(line);
  patterns_.push_back(std::move(pattern));
}

std::optional<bool> PathPatterns::Decide(std::string_view path,
                                         bool is_directory) const {
  std::optional<bool> decision;
  const size_t slash = path.rfind('/');
  const std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (const Pattern& pattern : patterns_) {
    if (pattern.directory_only && !is_directory) continue;
    const bool hit = pattern.anchored ? GlobMatch(pattern.glob, path)
                                      : GlobMatch(pattern.glob, name);
    if (hit) decision = !pattern.negated;
  }
  return decision;
}

bool PathPatterns::Matches(std::string_view path) const {
  // As git does: once a directory is excluded nothing below it comes back.
  for (size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (Decide(path.substr(0, slash), true).value_or(false)) return true;
  }
  return Decide(path, false).value_or(false);
}

std::optional<std::string> RelativeTo(const std::string& base_dir,
                                      const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(path), ec).lexically_normal();
  const fs::path base = fs::absolute(fs::path(base_dir), ec).lexically_normal();
  if (ec) return std::nullopt;
  const fs::path relative = absolute.lexically_relative(base);
  const std::string text = relative.generic_string();
  if (relative.empty() || text == "." || text.starts_with("..")) {
    return std::nullopt;
  }
  return text;
}

}  // namespace provcheck
