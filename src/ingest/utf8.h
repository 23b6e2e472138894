// UTF-8 validation and repair for input bytes.
#ifndef PROVCHECK_INGEST_UTF8_H_
#define PROVCHECK_INGEST_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck {

// One ill-formed subsequence that was replaced by U+FFFD.
struct InvalidUtf8 {
  size_t offset = 0;  // byte offset of the U+FFFD in the repaired text
  int line = 0;       // 1-based
  int column = 0;     // 1-based, in code points of the repaired text
  size_t bytes = 0;   // how many input bytes the U+FFFD stands for
};

struct RepairedUtf8 {
  std::string text;
  std::vector<InvalidUtf8> invalid;  // in input order
};

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing
// above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Replaces each maximal subpart of an ill-formed subsequence by one U+FFFD, as
// the Unicode standard (section 3.9) and the WHATWG decoder do, so that the
// number of replacements matches what browsers and editors show. Valid input
// (the common case) is returned as is, without a copy.
RepairedUtf8 RepairUtf8(std::string bytes);

// Code points other than ASCII white space that read as a word break: the
// no-break space, the typographic spaces U+2000-U+200A, the narrow no-break,
// medium mathematical and ideographic spaces.
bool IsUnicodeSpace(char32_t code_point);

// Overwrites each IsUnicodeSpace code point of well-formed UTF-8 `text` with
// as many ASCII spaces as it has bytes. Rules write a word break as `\s`,
// which RE2 reads as ASCII white space only, so "Trump<U+00A0>said" (text
// copied from a web page) hid the speaker; blanking byte for byte keeps
// the analysis text aligned with the original, with no offset map.
void BlankUnicodeSpaces(std::string& text);

}  // namespace provcheck

#endif  // PROVCHECK_INGEST_UTF8_H_
