#include "config/git.h"

#include <charconv>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "config/process.h"

namespace provcheck {
namespace {

namespace fs = std::filesystem;

// Git's names are relative to the repository root and unquoted only when
// core.quotePath is off and the name has no control characters or quotes;
// this undoes the C-style quoting git falls back to.
std::string Unquote(std::string_view name) {
  if (name.size() < 2 || name.front() != '"' || name.back() != '"') {
    return std::string(name);
  }
  name = name.substr(1, name.size() - 2);
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] != '\\' || i + 1 >= name.size()) {
      out.push_back(name[i]);
      continue;
    }
    const char c = name[++i];
    if (c >= '0' && c <= '7' && i + 2 < name.size()) {
      out.push_back(static_cast<char>(
          ((c - '0') << 6) | ((name[i + 1] - '0') << 3) | (name[i + 2] - '0')));
      i += 2;
    } else if (c == 'n') {
      out.push_back('\n');
    } else if (c == 't') {
      out.push_back('\t');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// "12" or "12,3" -> (start, count); a missing count is 1.
std::pair<int, int> ParseRange(std::string_view text) {
  int start = 0, count = 1;
  const size_t comma = text.find(',');
  std::string_view first = text.substr(0, comma);
  std::from_chars(first.data(), first.data() + first.size(), start);
  if (comma != std::string_view::npos) {
    std::string_view second = text.substr(comma + 1);
    std::from_chars(second.data(), second.data() + second.size(), count);
  }
  return {start, count};
}

std::string Canonical(const std::string& path) {
  // weakly_canonical leaves a relative path relative when none of it exists.
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(path), ec);
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  if (ec) canonical = absolute.lexically_normal();
  return canonical.string();
}

absl::StatusOr<std::string> Git(const std::vector<std::string>& args,
                                const std::string& input = "") {
  std::vector<std::string> argv = {"git", "-c", "core.quotePath=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  absl::StatusOr<ProcessResult> run = RunProcess(argv, input);
  if (!run.ok()) return run.status();
  if (run->exit_code != 0) {
    std::string message = run->err;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return absl::FailedPreconditionError(
        absl::StrCat("git ", args[0], " failed: ", message));
  }
  return run->out;
}

std::vector<std::string> SplitNul(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t end = text.find('\0');
    out.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

std::string FindRepositoryRoot(const std::string& dir) {
  std::error_code ec;
  fs::path current = fs::absolute(fs::path(dir), ec).lexically_normal();
  while (!current.empty()) {
    if (fs::exists(current / ".git", ec)) return current.string();
    fs::path parent = current.parent_path();
    if (parent == current) break;
    current = std::move(parent);
  }
  return "";
}

std::set<std::string> GitIgnoredPaths(const std::vector<std::string>& paths) {
  std::set<std::string> ignored;
  std::string input;
  for (const std::string& path : paths) {
    if (path == "-") continue;
    absl::StrAppend(&input, path, std::string(1, '\0'));
  }
  if (input.empty()) return ignored;
  absl::StatusOr<ProcessResult> run =
      RunProcess({"git", "check-ignore", "--stdin", "-z"}, input);
  // 1 means nothing is ignored; 128, not a repository (or a path outside
  // it): either way there is nothing to skip.
  if (!run.ok() || run->exit_code != 0) return ignored;
  for (std::string& path : SplitNul(run->out)) ignored.insert(std::move(path));
  return ignored;
}

DiffLines ParseUnifiedDiff(std::string_view diff) {
  DiffLines lines;
  std::vector<std::pair<int, int>>* current = nullptr;
  while (!diff.empty()) {
    const size_t end = diff.find('\n');
    const std::string_view line = diff.substr(0, end);
    diff.remove_prefix(end == std::string_view::npos ? diff.size() : end + 1);
    if (line.starts_with("diff --git ")) {
      current = nullptr;
    } else if (line.starts_with("+++ ")) {
      std::string name = Unquote(line.substr(4));
      if (name == "/dev/null") {
        current = nullptr;
      } else {
        if (name.starts_with("b/")) name.erase(0, 2);
        current = &lines[name];
      }
    } else if (line.starts_with("@@ ") && current != nullptr) {
      // @@ -old[,n] +new[,m] @@
      const size_t plus = line.find(" +");
      if (plus == std::string_view::npos) continue;
      const size_t stop = line.find(' ', plus + 2);
      const auto [start, count] =
          ParseRange(line.substr(plus + 2, stop - (plus + 2)));
      if (count > 0) current->emplace_back(start, start + count - 1);
    }
  }
  return lines;
}

ChangedLines::ChangedLines(std::string root, DiffLines lines,
                           std::set<std::string> untracked)
    : root_(Canonical(root)),
      lines_(std::move(lines)),
      untracked_(std::move(untracked)) {}

absl::StatusOr<ChangedLines> ChangedLines::Since(
    const std::string& revision, const std::vector<std::string>& paths) {
  absl::StatusOr<std::string> root = Git({"rev-parse", "--show-toplevel"});
  if (!root.ok()) return root.status();
  while (!root->empty() && root->back() == '\n') root->pop_back();
  if (!Git({"rev-parse", "--verify", "--quiet", revision + "^{commit}"}).ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--diff-base: unknown revision \"", revision, "\""));
  }
  absl::StatusOr<std::string> base = Git({"merge-base", revision, "HEAD"});
  if (!base.ok()) return base.status();
  while (!base->empty() && base->back() == '\n') base->pop_back();
  // Paths are left out of the diff: it is one process for any number of
  // documents, and renamed files keep their history.
  absl::StatusOr<std::string> diff =
      Git({"diff", "-U0", "--no-color", "--no-ext-diff", "-M",
           "--src-prefix=a/", "--dst-prefix=b/", *base});
  if (!diff.ok()) return diff.status();
  std::vector<std::string> args = {
      "ls-files", "-z", "--others", "--exclude-standard", "--full-name", "--"};
  for (const std::string& path : paths) {
    if (path != "-") args.push_back(path);
  }
  std::set<std::string> untracked;
  if (args.size() > 6) {
    absl::StatusOr<std::string> others = Git(args);
    if (!others.ok()) return others.status();
    for (std::string& name : SplitNul(*others)) untracked.insert(name);
  }
  return ChangedLines(*root, ParseUnifiedDiff(*diff), std::move(untracked));
}

std::string ChangedLines::Key(const std::string& path) const {
  const fs::path relative =
      fs::path(Canonical(path)).lexically_relative(fs::path(root_));
  return relative.generic_string();
}

bool ChangedLines::Changed(const std::string& path, int first, int last) const {
  if (path == "-") return true;
  const std::string key = Key(path);
  if (untracked_.contains(key)) return true;
  auto it = lines_.find(key);
  if (it == lines_.end()) return false;
  for (const auto& [start, stop] : it->second) {
    if (start <= last && first <= stop) return true;
  }
  return false;
}

bool ChangedLines::Touched(const std::string& path) const {
  if (path == "-") return true;
  const std::string key = Key(path);
  return untracked_.contains(key) || lines_.contains(key);
}

}  // namespace provcheck
