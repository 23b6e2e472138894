#include "config/suppress.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "common/prose.h"
#include "provcheck/config.h"

namespace provcheck {
namespace {

bool Before(Position a, Position b) {
  return std::tie(a.line, a.column) < std::tie(b.line, b.column);
}

// Walks a text keeping the position (line, code-point column) of an offset.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  Position At(size_t offset) {
    if (offset < offset_) {
      offset_ = 0;
      position_ = Position{1, 1};
    }
    for (; offset_ < offset && offset_ < text_.size(); ++offset_) {
      const unsigned char c = static_cast<unsigned char>(text_[offset_]);
      if (c == '\n') {
        ++position_.line;
        position_.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++position_.column;  // a code point's first byte
      }
    }
    return position_;
  }

 private:
  std::string_view text_;
  size_t offset_ = 0;
  Position position_{1, 1};
};

enum class Form { kNone, kDisable, kEnable, kDisableNextLine };

// Splits "disable-next-line a, b" into its form and rule patterns.
Form ParseBody(std::string_view body, std::vector<std::string>* rules) {
  Form form = Form::kNone;
  for (auto [word, candidate] :
       {std::pair{std::string_view("disable-next-line"),
                  Form::kDisableNextLine},
        std::pair{std::string_view("disable"), Form::kDisable},
        std::pair{std::string_view("enable"), Form::kEnable}}) {
    if (body.starts_with(word) &&
        (body.size() == word.size() || body[word.size()] == ' ' ||
         body[word.size()] == '\t')) {
      form = candidate;
      body.remove_prefix(word.size());
      break;
    }
  }
  if (form == Form::kNone) return form;
  std::string current;
  for (char c : body) {
    if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
      if (!current.empty()) rules->push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) rules->push_back(std::move(current));
  return form;
}

bool IsFence(std::string_view line) {
  line = TrimBlanks(line);
  return line.starts_with("```") || line.starts_with("~~~");
}

}  // namespace

Suppressions Suppressions::Parse(std::string_view original, Format format) {
  Suppressions suppressions;
  Cursor cursor(original);
  if (format == Format::kPlainText) {
    size_t offset = 0;
    while (offset < original.size()) {
      size_t end = original.find('\n', offset);
      if (end == std::string_view::npos) end = original.size();
      std::string_view line = TrimBlanks(original.substr(offset, end - offset));
      if (line.starts_with("provcheck:")) {
        const Position at =
            cursor.At(offset + (original.substr(offset).find("provcheck:")));
        const Position after{at.line + 1, 1};
        suppressions.Add(TrimBlanks(line.substr(10)), at, after, at.line, true);
      }
      offset = end + 1;
    }
    return suppressions;
  }
  // Markdown and HTML: every comment, except inside a Markdown code fence
  // (where a directive is an example, not an instruction).
  std::vector<std::pair<size_t, size_t>> fences;  // byte ranges to skip
  if (format == Format::kMarkdown) {
    size_t offset = 0, fence_start = std::string_view::npos;
    while (offset < original.size()) {
      size_t end = original.find('\n', offset);
      if (end == std::string_view::npos) end = original.size();
      if (IsFence(original.substr(offset, end - offset))) {
        if (fence_start == std::string_view::npos) {
          fence_start = offset;
        } else {
          fences.emplace_back(fence_start, end);
          fence_start = std::string_view::npos;
        }
      }
      offset = end + 1;
    }
    if (fence_start != std::string_view::npos) {
      fences.emplace_back(fence_start, original.size());
    }
  }
  size_t search = 0;
  while (true) {
    const size_t open = original.find("<!--", search);
    if (open == std::string_view::npos) break;
    const size_t close = original.find("-->", open + 4);
    const size_t stop =
        close == std::string_view::npos ? original.size() : close + 3;
    search = stop;
    const bool fenced = std::any_of(fences.begin(), fences.end(), [&](auto r) {
      return open >= r.first && open < r.second;
    });
    if (fenced || close == std::string_view::npos) continue;
    const std::string_view body =
        TrimBlanks(original.substr(open + 4, close - open - 4));
    if (!body.starts_with("provcheck-")) continue;
    const Position at = cursor.At(open);
    const Position after = cursor.At(stop);
    suppressions.Add(body.substr(10), at, after, after.line, false);
  }
  return suppressions;
}

void Suppressions::Add(std::string_view body, Position at, Position after,
                       int last_line, bool own_line) {
  std::vector<std::string> rules;
  const Form form = ParseBody(body, &rules);
  if (form == Form::kNone) return;
  if (own_line) directive_lines_.push_back(at.line);
  if (form == Form::kEnable) {
    for (Range& range : ranges_) {
      if (!range.open) continue;
      if (rules.empty() ||
          std::find(rules.begin(), rules.end(), range.pattern) != rules.end()) {
        range.open = false;
        range.end = at;
      }
    }
    return;
  }
  const size_t directive = directives_.size();
  std::string text = absl::StrCat(
      "provcheck-", form == Form::kDisable ? "disable" : "disable-next-line");
  for (const std::string& rule : rules) absl::StrAppend(&text, " ", rule);
  directives_.push_back(Directive{at, std::move(text), rules.size()});
  if (rules.empty()) rules.push_back("");
  for (std::string& rule : rules) {
    Range range;
    range.pattern = std::move(rule);
    range.directive = directive;
    if (form == Form::kDisable) {
      range.begin = after;
      range.open = true;
    } else {
      range.begin = Position{last_line + 1, 1};
      range.end = Position{last_line + 2, 1};
    }
    ranges_.push_back(std::move(range));
  }
}

bool Suppressions::Suppress(std::string_view rule_id, Position start) {
  bool suppressed = false;
  for (Range& range : ranges_) {
    if (Before(start, range.begin)) continue;
    if (range.end.line > 0 && !Before(start, range.end)) continue;
    if (!range.pattern.empty() && !RulePatternMatches(range.pattern, rule_id)) {
      continue;
    }
    range.used = true;
    suppressed = true;
  }
  return suppressed;
}

bool Suppressions::IsDirectiveLine(int line) const {
  return std::find(directive_lines_.begin(), directive_lines_.end(), line) !=
         directive_lines_.end();
}

Diagnostics Suppressions::Unused(const std::string& path) const {
  Diagnostics unused;
  for (const Range& range : ranges_) {
    if (range.used) continue;
    const Directive& directive = directives_[range.directive];
    Diagnostic diagnostic;
    diagnostic.level = Diagnostic::Level::kWarning;
    diagnostic.path = path;
    diagnostic.line = directive.at.line;
    diagnostic.column = directive.at.column;
    // A directive naming several rules is reported once per idle rule.
    diagnostic.message =
        directive.rules > 1
            ? absl::StrCat("unused suppression: ", directive.text, ": ",
                           range.pattern, " suppresses nothing [",
                           kUnusedSuppressionId, "]")
            : absl::StrCat("unused suppression: ", directive.text,
                           " suppresses nothing [", kUnusedSuppressionId, "]");
    unused.push_back(std::move(diagnostic));
  }
  return unused;
}

}  // namespace provcheck
