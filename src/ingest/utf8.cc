#include "ingest/utf8.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

namespace provcheck {
namespace {

// Decodes the sequence starting at `i`. Returns its length when it is
// well-formed; otherwise returns 0 and sets `*subpart` to the length of the
// maximal subpart, the longest prefix that could still have begun a
// well-formed sequence (at least 1). The ranges are Table 3-7 of the Unicode
// standard; restricting the second byte is what rules out overlongs,
// surrogates and code points above U+10FFFF.
size_t SequenceLength(std::string_view s, size_t i, size_t* subpart) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t trail = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    trail = 1;
  } else if (b0 == 0xE0) {
    trail = 2;
    lo = 0xA0;
  } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
    trail = 2;
  } else if (b0 == 0xED) {
    trail = 2;
    hi = 0x9F;
  } else if (b0 == 0xF0) {
    trail = 3;
    lo = 0x90;
  } else if (b0 >= 0xF1 && b0 <= 0xF3) {
    trail = 3;
  } else if (b0 == 0xF4) {
    trail = 3;
    hi = 0x8F;
  } else {
    *subpart = 1;
    return 0;
  }
  for (size_t k = 1; k <= trail; ++k) {
    if (i + k >= s.size()) {
      *subpart = k;
      return 0;
    }
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < lo || b > hi) {
      *subpart = k;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  return trail + 1;
}

// Offset of the first ill-formed byte, or npos. Skips ASCII eight bytes at a
// time because almost all input is ASCII and valid.
size_t FirstInvalid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, sizeof(word));
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    size_t subpart = 0;
    const size_t length = SequenceLength(s, i, &subpart);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  return FirstInvalid(bytes) == std::string_view::npos;
}

RepairedUtf8 RepairUtf8(std::string bytes) {
  RepairedUtf8 result;
  if (FirstInvalid(bytes) == std::string_view::npos) {
    result.text = std::move(bytes);
    return result;
  }
  const std::string_view in = bytes;
  std::string& out = result.text;
  out.reserve(in.size() + 16);
  int line = 1;
  int column = 1;  // of the next code point written
  size_t i = 0;
  while (i < in.size()) {
    size_t subpart = 0;
    const size_t length = SequenceLength(in, i, &subpart);
    if (length == 0) {
      result.invalid.push_back(InvalidUtf8{out.size(), line, column, subpart});
      out.append(kReplacementCharacter);
      ++column;
      i += subpart;
      continue;
    }
    out.append(in.substr(i, length));
    if (in[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return result;
}

bool IsUnicodeSpace(char32_t code_point) {
  return code_point == 0xA0 || (code_point >= 0x2000 && code_point <= 0x200A) ||
         code_point == 0x202F || code_point == 0x205F || code_point == 0x3000;
}

void BlankUnicodeSpaces(std::string& text) {
  // Every such space starts with 0xC2, 0xE2 or 0xE3; ASCII text, the common
  // case, is one pass of comparisons with nothing written.
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead != 0xC2 && lead != 0xE2 && lead != 0xE3) continue;
    char32_t code_point = 0;
    size_t length = 0;
    if (lead == 0xC2 && i + 1 < text.size()) {
      code_point = static_cast<unsigned char>(text[i + 1]) & 0x3F;
      code_point |= 0x80;  // 0xC2 0x80-0xBF is U+0080-U+00BF
      length = 2;
    } else if (lead != 0xC2 && i + 2 < text.size()) {
      code_point = ((lead & 0x0F) << 12) |
                   ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                   (static_cast<unsigned char>(text[i + 2]) & 0x3F);
      length = 3;
    }
    if (length != 0 && IsUnicodeSpace(code_point)) {
      text.replace(i, length, length, ' ');
      i += length - 1;
    }
  }
}

}  // namespace provcheck
