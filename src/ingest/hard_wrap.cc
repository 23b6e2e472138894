#include "ingest/hard_wrap.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "common/prose.h"

namespace provcheck {
namespace {

// Widths between these are wrap widths; a file whose widest line is longer
// holds paragraphs on lines of their own, however they break.
constexpr int kMinWrapWidth = 30;
constexpr int kMaxWrapWidth = 100;
// A greedy wrapper fills each line to the width; a line may fall short of
// the widest by a tenth (a long word moved on, a wrapper that counted tabs
// or bytes) and still have been full.
constexpr int kFullLineSlackDivisor = 10;
// Of the breaks between two lines of prose, the share that must fall where
// the next word would not fit, and the share that must fall mid-sentence.
constexpr double kMinShareFull = 0.6;
constexpr double kMinShareMidSentence = 0.5;
// One break is no evidence of a wrap width.
constexpr size_t kMinBreaks = 2;
// A sign-off after a text's last sentence ("Reuter", "AP", "-- J. Roe").
constexpr size_t kMaxSignOffWords = 2;

struct LineShape {
  size_t end = 0;  // the '\n' after the line, or the text's end
  bool blank = true;
  bool indented = false;
  bool tabular = false;
  bool list_item = false;
  bool ends_sentence = false;
  int width = 0;       // code points, trailing blanks excluded
  int first_word = 0;  // code points
  size_t words = 0;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

int CodePoints(std::string_view s) {
  return static_cast<int>(
      std::ranges::count_if(s, [](char c) { return !IsContinuationByte(c); }));
}

// "- point", "* point", "• point", "1. point", "2) point".
bool IsListItem(std::string_view s) {
  if (s.starts_with("\u2022")) return true;
  if (s.size() >= 2 && (s[0] == '-' || s[0] == '*') && IsBlank(s[1])) {
    return true;
  }
  size_t digits = 0;
  while (digits < s.size() && digits < 4 && s[digits] >= '0' &&
         s[digits] <= '9') {
    ++digits;
  }
  return digits >= 1 && digits <= 3 && digits + 1 < s.size() &&
         (s[digits] == '.' || s[digits] == ')') && IsBlank(s[digits + 1]);
}

LineShape ShapeOf(std::string_view line, size_t end) {
  LineShape shape;
  shape.end = end;
  const size_t first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) return shape;
  const size_t last = line.find_last_not_of(" \t");
  const std::string_view body = line.substr(first, last - first + 1);
  shape.blank = false;
  shape.indented = first > 0;
  shape.width = CodePoints(line.substr(0, last + 1));
  shape.ends_sentence = EndsAsASentence(body);
  shape.list_item = IsListItem(body);
  // Columns set apart by runs of spaces or a tab: a table row or a form.
  shape.tabular = body.find("   ") != std::string_view::npos ||
                  body.find('\t') != std::string_view::npos;
  shape.words = WordCount(body);
  shape.first_word = CodePoints(body.substr(0, body.find_first_of(" \t")));
  return shape;
}

// Every line's shape, or none as soon as a line of prose is wider than any
// wrap width: text of one paragraph a line, as most is, is told apart at
// its first long line (a BBC article at its third) without shaping the
// rest.
std::vector<LineShape> ShapesIfWrappable(std::string_view text) {
  std::vector<LineShape> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(ShapeOf(text.substr(begin, end - begin), end));
    const LineShape& line = lines.back();
    if (!line.blank && !line.tabular && line.width > kMaxWrapWidth) return {};
    begin = end + 1;
  }
  return lines;
}

// Whether the break after `line` may be inside a paragraph at all: two
// lines of prose, the second neither indented nor a list item.
bool IsProseBreak(const LineShape& line, const LineShape& next) {
  return !line.blank && !line.tabular && !next.blank && !next.indented &&
         !next.tabular && !next.list_item;
}

}  // namespace

size_t UnwrapHardWrappedLines(std::string& text) {
  const std::vector<LineShape> lines = ShapesIfWrappable(text);
  int widest = 0;
  for (const LineShape& line : lines) {
    if (!line.blank && !line.tabular) widest = std::max(widest, line.width);
  }
  if (widest < kMinWrapWidth) return 0;  // also when there are no shapes
  const int full_from = widest - widest / kFullLineSlackDivisor;
  auto was_full = [&](size_t i) {
    return lines[i].width + 1 + lines[i + 1].first_word > full_from;
  };

  std::vector<size_t> breaks;
  size_t full = 0;
  size_t mid_sentence = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!IsProseBreak(lines[i], lines[i + 1])) continue;
    breaks.push_back(i);
    if (was_full(i)) ++full;
    if (!lines[i].ends_sentence) ++mid_sentence;
  }
  const double n = static_cast<double>(breaks.size());
  if (breaks.size() < kMinBreaks || full < kMinShareFull * n ||
      mid_sentence < kMinShareMidSentence * n) {
    return 0;
  }

  size_t joined = 0;
  for (const size_t i : breaks) {
    const LineShape& line = lines[i];
    const LineShape& next = lines[i + 1];
    if (line.ends_sentence) {
      if (!was_full(i)) continue;  // the paragraph ended short of the width
      const bool next_ends_run =
          i + 2 >= lines.size() || lines[i + 2].blank || lines[i + 2].indented;
      if (next.words <= kMaxSignOffWords && !next.ends_sentence &&
          next_ends_run) {
        continue;
      }
    }
    text[line.end] = ' ';
    ++joined;
  }
  return joined;
}

}  // namespace provcheck
