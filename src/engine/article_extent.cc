#include "engine/article_extent.h"

#include <algorithm>

namespace provcheck {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

size_t WordCount(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (char c : line) {
    const bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Ends with . ! ? or a closing quotation mark (" ' ” ’), as a sentence
// ends.
bool EndsAsASentence(std::string_view line) {
  while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' ||
      last == '\'') {
    return true;
  }
  // ” is E2 80 9D, ’ is E2 80 99 in UTF-8.
  return line.size() >= 3 && line.substr(line.size() - 3, 2) == "\xE2\x80" &&
         (line.back() == '\x9D' || line.back() == '\x99');
}

// Runs of digits (with their separators: 1,648 and 119.3 are one each).
size_t NumberCount(std::string_view line) {
  size_t numbers = 0;
  bool in_number = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool digit = c >= '0' && c <= '9';
    const bool joins = (c == ',' || c == '.') && in_number &&
                       i + 1 < line.size() && line[i + 1] >= '0' &&
                       line[i + 1] <= '9';
    if (digit && !in_number) ++numbers;
    in_number = digit || joins;
  }
  return numbers;
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

  // Blocks of body lines, and the one with the most words from its first
  // line to its last.
  size_t best_first = body.front(), best_last = body.front();
  size_t best_words = 0;
  auto words_between = [&](size_t first, size_t last) {
    size_t sum = 0;
    for (size_t i = first; i <= last; ++i) sum += words[i];
    return sum;
  };
  size_t first = body.front();
  for (size_t k = 0; k < body.size(); ++k) {
    const bool block_ends =
        k + 1 == body.size() ||
        static_cast<size_t>(std::count_if(
            words.begin() + body[k] + 1, words.begin() + body[k + 1],
            [](size_t n) { return n > 0; })) > options.max_gap_lines;
    if (!block_ends) continue;
    if (const size_t sum = words_between(first, body[k]); sum > best_words) {
      best_words = sum;
      best_first = first;
      best_last = body[k];
    }
    if (k + 1 < body.size()) first = body[k + 1];
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
        return std::none_of(line.begin(), line.end(),
                            [](char c) { return c >= '0' && c <= '9'; });
      }));
  if (menu_lines < options.min_lines_before) return outside;
  // More than a stray paragraph or two of prose before the article (a
  // cookie notice, a teaser) means a sequence of entries: a live blog, a
  // list of questions, posts between embedded tweets. Its short lines are
  // the entries' own.
  const size_t prose_before = static_cast<size_t>(std::count_if(
      body.begin(), body.end(), [&](size_t i) { return i < best_first; }));
  if (prose_before > options.max_prose_lines_before) return outside;
  for (const std::vector<size_t>& region :
       {before, non_empty(best_last + 1, lines.size())}) {
    if (region.size() < options.min_region_lines) continue;
    for (size_t i : region) {
      if (words[i] < options.short_words &&
          NumberCount(text.substr(lines[i].begin, lines[i].size())) <
              options.table_numbers) {
        outside[i] = true;
      }
    }
  }
  return outside;
}

}  // namespace provcheck
