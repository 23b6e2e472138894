#ifndef PROVCHECK_SOURCE_NAME_H_
#define PROVCHECK_SOURCE_NAME_H_

#include <string>
#include <string_view>

namespace provcheck {

// Tidies a source name captured from running text: surrounding space, quotes
// and punctuation, a leading "the", a trailing possessive; inner runs of
// white space become one space.
std::string CleanSourceName(std::string_view raw);

}  // namespace provcheck

#endif  // PROVCHECK_SOURCE_NAME_H_
