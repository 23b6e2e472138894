#include "engine/article_extent.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "absl/strings/ascii.h"
#include "common/prose.h"

namespace provcheck {
namespace {

// Runs of digits (with their separators: 1,648 and 119.3 are one each).
size_t NumberCount(std::string_view line) {
  size_t numbers = 0;
  bool in_number = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool digit = absl::ascii_isdigit(static_cast<unsigned char>(c));
    const bool joins =
        (c == ',' || c == '.') && in_number && i + 1 < line.size() &&
        absl::ascii_isdigit(static_cast<unsigned char>(line[i + 1]));
    if (digit && !in_number) ++numbers;
    in_number = digit || joins;
  }
  return numbers;
}

// The first and last line of the article: of the blocks of body lines
// (`body`, ascending; more than `max_gap` other non-empty lines apart are
// two blocks), the one with the most words from its first line to its last.
std::pair<size_t, size_t> ArticleBlock(const std::vector<size_t>& words,
                                       const std::vector<size_t>& body,
                                       size_t max_gap) {
  std::pair<size_t, size_t> best{body.front(), body.front()};
  size_t best_words = 0;
  size_t first = body.front();
  for (size_t k = 0; k < body.size(); ++k) {
    const bool block_ends =
        k + 1 == body.size() ||
        static_cast<size_t>(std::count_if(
            words.begin() + body[k] + 1, words.begin() + body[k + 1],
            [](size_t n) { return n > 0; })) > max_gap;
    if (!block_ends) continue;
    const size_t sum = std::accumulate(words.begin() + first,
                                       words.begin() + body[k] + 1, size_t{0});
    if (sum > best_words) {
      best_words = sum;
      best = {first, body[k]};
    }
    if (k + 1 < body.size()) first = body[k + 1];
  }
  return best;
}

}  // namespace

std::vector<bool> LinesOutsideArticle(std::string_view text,
                                      const std::vector<TextRange>& lines,
                                      const ArticleExtentOptions& options) {
  std::vector<bool> outside(lines.size(), false);
  std::vector<size_t> words(lines.size());
  std::vector<size_t> body;  // indexes of body lines
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = text.substr(lines[i].begin, lines[i].size());
    words[i] = WordCount(line);
    if ((words[i] >= options.body_words && EndsAsASentence(line)) ||
        words[i] >= options.long_words) {
      body.push_back(i);
    }
  }
  if (body.empty()) return outside;

  auto [best_first, best_last] =
      ArticleBlock(words, body, options.max_gap_lines);
  // Short sentences run on from the article's block are its own text told
  // in short paragraphs (a scene, a list of events); furniture next to an
  // article seldom ends as a sentence ends, and when it does, it stands
  // apart from the prose by a line that does not.
  auto prose = [&](size_t i) {
    const std::string_view line = text.substr(lines[i].begin, lines[i].size());
    return words[i] >= options.prose_words && EndsAsASentence(line);
  };
  for (size_t i = best_first; i-- > 0;) {
    if (words[i] == 0) continue;
    if (!prose(i)) break;
    best_first = i;
  }
  for (size_t i = best_last + 1; i < lines.size(); ++i) {
    if (words[i] == 0) continue;
    if (!prose(i)) break;
    best_last = i;
  }

  auto non_empty = [&](size_t from, size_t to) {
    std::vector<size_t> found;
    for (size_t i = from; i < to; ++i) {
      if (words[i] > 0) found.push_back(i);
    }
    return found;
  };
  const std::vector<size_t> before = non_empty(0, best_first);
  // A page's header is words: a menu, a title, a search box. Lines with
  // figures before the prose are a table's (a wire story's earnings table
  // opens it), so they do not make the text a page.
  const size_t menu_lines = static_cast<size_t>(
      std::count_if(before.begin(), before.end(), [&](size_t i) {
        const std::string_view line =
            text.substr(lines[i].begin, lines[i].size());
        return std::none_of(line.begin(), line.end(), [](char c) {
          return absl::ascii_isdigit(static_cast<unsigned char>(c));
        });
      }));
  if (menu_lines < options.min_lines_before) return outside;
  // More than a stray paragraph or two of prose before the article (a
  // cookie notice, a teaser) means a sequence of entries: a live blog, a
  // list of questions, posts between embedded tweets. Its short lines are
  // the entries' own.
  const size_t prose_before = static_cast<size_t>(std::count_if(
      body.begin(), body.end(), [&](size_t i) { return i < best_first; }));
  if (prose_before > options.max_prose_lines_before) return outside;
  // A row with figures, or a line an extractor wrote as a table's cells
  // ("| Player | Plays |", or one cell a line, "Plays |"): extractors keep
  // a table only when it stands in the main content, so its rows are the
  // article's, whatever their words.
  auto table_row = [&](size_t i) {
    const std::string_view line =
        TrimBlanks(text.substr(lines[i].begin, lines[i].size()));
    return !line.empty() && (NumberCount(line) >= options.table_numbers ||
                             line.front() == '|' || line.back() == '|');
  };
  for (const std::vector<size_t>& region :
       {before, non_empty(best_last + 1, lines.size())}) {
    if (region.size() < options.min_region_lines) continue;
    // A region that is as much table rows as words is a run of tables (a
    // wire story's supply report), and its short lines are the tables'
    // labels ("Corn (Mln Tonnes)"); a page's menus and teasers seldom
    // carry three figures a line.
    const size_t rows = static_cast<size_t>(
        std::count_if(region.begin(), region.end(), table_row));
    if (2 * rows >= region.size()) continue;
    for (size_t i : region) {
      if (words[i] < options.short_words && !table_row(i)) outside[i] = true;
    }
  }
  return outside;
}

}  // namespace provcheck
