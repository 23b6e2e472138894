// What lint asks git: which paths it ignores, and which lines changed since
// a revision (for pull requests). Both run the `git` on PATH.
#ifndef PROVCHECK_CONFIG_GIT_H_
#define PROVCHECK_CONFIG_GIT_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace provcheck {

// The working tree holding `dir` (the nearest parent with a .git entry), or
// "" outside any repository. No process is started.
std::string FindRepositoryRoot(const std::string& dir);

// The subset of `paths` (as given) that git ignores, from the working
// directory's repository. Outside a repository, or without git, nothing is.
std::set<std::string> GitIgnoredPaths(const std::vector<std::string>& paths);

// 1-based line ranges [first, last] of the new side of a diff, by the
// new-side path as the diff names it.
using DiffLines = std::map<std::string, std::vector<std::pair<int, int>>>;

// Parses `git diff -U0` output. Deleted files and pure deletions add no lines.
DiffLines ParseUnifiedDiff(std::string_view diff);

// Which lines of which files changed since a revision.
class ChangedLines {
 public:
  // Diffs the working tree of the current directory's repository against the
  // merge base of `revision` and HEAD (so a branch's pull request sees only
  // its own changes). Files git does not track count as entirely new.
  static absl::StatusOr<ChangedLines> Since(
      const std::string& revision, const std::vector<std::string>& paths);

  // True when any line from `first` to `last` of `path` changed.
  bool Changed(const std::string& path, int first, int last) const;
  // True when anything in `path` changed.
  bool Touched(const std::string& path) const;

  // For tests: `lines` keyed by paths relative to `root`, `untracked` too.
  ChangedLines(std::string root, DiffLines lines,
               std::set<std::string> untracked);

 private:
  std::string Key(const std::string& path) const;

  std::string root_;  // canonical
  DiffLines lines_;
  std::set<std::string> untracked_;
};

}  // namespace provcheck

#endif  // PROVCHECK_CONFIG_GIT_H_
