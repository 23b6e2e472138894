// Paths matched the way git matches .gitignore lines, for .provcheckignore,
// the config's `ignore` and its `[[paths]]` sections: one syntax everywhere.
#ifndef PROVCHECK_CONFIG_GLOB_H_
#define PROVCHECK_CONFIG_GLOB_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck {

// `*` and `?` never cross a `/`; `**/` is any number of directories, a
// trailing `/**` everything inside; `[a-z]`, `[!a]` and `\` escapes as in
// fnmatch. The whole of `path` must match.
bool GlobMatch(std::string_view pattern, std::string_view path);

// An ordered list of gitignore lines: the last line that matches decides,
// and a path inside an ignored directory stays ignored.
class PathPatterns {
 public:
  // Parses gitignore text: blank lines and `#` comments are skipped, `!`
  // re-includes, a trailing `/` matches directories only, a pattern with a
  // slash before its end is anchored to the base directory, one without
  // matches at any depth.
  static PathPatterns Parse(std::string_view text);
  static PathPatterns FromLines(const std::vector<std::string>& lines);

  // `path` is relative to the patterns' base directory, with `/` separators.
  bool Matches(std::string_view path) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string glob;
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;
  };
  void Add(std::string_view line);
  // nullopt when no pattern speaks about `path`.
  std::optional<bool> Decide(std::string_view path, bool is_directory) const;

  std::vector<Pattern> patterns_;
};

// `path` (relative to the working directory, or absolute) relative to
// `base_dir`, '/'-separated; nullopt when it lies outside.
std::optional<std::string> RelativeTo(const std::string& base_dir,
                                      const std::string& path);

}  // namespace provcheck

#endif  // PROVCHECK_CONFIG_GLOB_H_
