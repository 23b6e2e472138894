// Measures of a line or a sentence of prose that ingest and the engine share.
#ifndef PROVCHECK_COMMON_PROSE_H_
#define PROVCHECK_COMMON_PROSE_H_

#include <cstddef>
#include <string_view>

namespace provcheck {

// True when `text`, with trailing blanks, closing quotation marks and
// closing brackets set aside, ends in a full stop, "!", "?" or an ellipsis:
// `He left.`, `“It is over.”`, `(See below.)`. Ingest asks it of a line
// (is a hard-wrapped paragraph over?) and the engine of a line or a
// sentence (is this the article's prose, a story's lead or a headline?).
bool EndsAsASentence(std::string_view text);

// Runs of non-blank characters.
size_t WordCount(std::string_view text);

// `text` without the blanks (spaces, tabs, line ends) at either end; empty
// when it is all blanks.
std::string_view TrimBlanks(std::string_view text);

}  // namespace provcheck

#endif  // PROVCHECK_COMMON_PROSE_H_
