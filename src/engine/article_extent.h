// Where an article's body lies in the plain text of a whole web page, and
// which short lines around it are the page's furniture.
#ifndef PROVCHECK_ENGINE_ARTICLE_EXTENT_H_
#define PROVCHECK_ENGINE_ARTICLE_EXTENT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "provcheck/segment.h"

namespace provcheck {

// The thresholds, in words and lines. The defaults were chosen on the dev
// half of the Scrapinghub benchmark's html-text pages (eval/boilerplate.py)
// and checked against BBC and Reuters, where no line may be flagged.
struct ArticleExtentOptions {
  // A body line: a paragraph of prose, which a menu, a teaser or a caption
  // seldom is. It has at least `body_words` words and ends as a sentence
  // ends, or has `long_words` words whatever its end.
  size_t body_words = 20;
  size_t long_words = 30;
  // Body lines separated by more than this many other non-empty lines are
  // parts of different blocks (the article, a comment thread, a block of
  // teasers); the block with the most words is the article.
  size_t max_gap_lines = 8;
  // A line of at least this many words that ends as a sentence ends,
  // next to the article's block or to such a line, is the article's too.
  // Chosen on the dev half of the trafilatura and newspaper outputs, where
  // news told in short paragraphs was flagged as a menu; 3 keeps "Webb
  // emerged, naked." and leaves "Sign up." to the rules.
  size_t prose_words = 3;
  // The text is a page, with furniture around its article, only when at
  // least this many lines without a figure stand before the article: an
  // article on its own opens with a headline, a standfirst or a byline, BBC
  // sport stories put fixture lists and line-ups after the body, and a
  // wire story may open with a table.
  size_t min_lines_before = 8;
  // At most this many body lines may stand before the article's block.
  size_t max_prose_lines_before = 2;
  // A region (before, after) is flagged only when it holds at least this
  // many non-empty lines, and in it only lines of fewer than `short_words`
  // words: a long paragraph outside the article may still be its text.
  size_t min_region_lines = 3;
  size_t short_words = 15;
  // A line with this many numbers is a table's row, which belongs to the
  // text it stands in (a wire story's figures), not to a page's frame.
  size_t table_numbers = 3;
};

// For each line, whether it is a short line outside the article's body in
// text that reads as a whole page. All false when no body line is found or
// too little stands before the article.
std::vector<bool> LinesOutsideArticle(std::string_view text,
                                      const std::vector<TextRange>& lines,
                                      const ArticleExtentOptions& options = {});

}  // namespace provcheck

#endif  // PROVCHECK_ENGINE_ARTICLE_EXTENT_H_
