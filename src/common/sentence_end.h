// Whether a stretch of text ends as a sentence does.
#ifndef PROVCHECK_COMMON_SENTENCE_END_H_
#define PROVCHECK_COMMON_SENTENCE_END_H_

#include <string_view>

namespace provcheck {

// True when `text`, with trailing blanks, closing quotation marks and
// closing brackets set aside, ends in a full stop, "!", "?" or an ellipsis:
// `He left.`, `“It is over.”`, `(See below.)`. Ingest asks it of a line
// (is a hard-wrapped paragraph over?) and the engine of a sentence (is
// this a story's lead or its headline?).
bool EndsAsASentence(std::string_view text);

}  // namespace provcheck

#endif  // PROVCHECK_COMMON_SENTENCE_END_H_
