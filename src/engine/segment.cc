// Sentence segmentation for news prose.
//
// Boundary policy. A sentence ends at a run of terminators (. ! ? U+2026, so
// "..." and "?!" are one run) plus any closing quotes or brackets glued to it,
// but only when white space follows and the next sentence visibly starts: an
// uppercase or caseless letter, a digit, a currency sign before a digit, or
// opening quotes, brackets or dashes before one of those. A lone period is
// further checked against the word it ends:
//   - a single uppercase letter is an initial (J. R. R. Tolkien): no break;
//   - titles, months and reference words (Mr., Sept., No., e.g.): no break;
//   - words that close a name (Jr., St., Ave., Bros., al.) and dotted
//     acronyms (U.S., a.m., Ph.D.) break only before a typical sentence
//     opener ("The", "He", "But"...; see abbreviations.h);
//   - Inc./Corp./Co./Ltd./etc. break before a capital unless it starts an
//     all-caps word ("Inc. CEO") or another company suffix ("Co. Ltd.");
//   - a number of at most three digits opening its sentence is a list
//     enumerator ("1. Introduction"): no break.
// A closing quote or bracket after the period skips these checks: `"No." She`
// ends a sentence. Periods inside numbers, URLs and acronyms never have white
// space after them, so they never break. Lines without a terminator (headings,
// list items) are one sentence each.
//
// The scan visits each code point a bounded number of times (the word checks
// look at most a few dozen bytes around a period), so it is linear in the
// text, and it allocates only the output vectors.

#include "provcheck/segment.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "engine/abbreviations.h"

namespace provcheck {
namespace {

using segment_internal::AbbreviationKind;
using segment_internal::FindAbbreviation;
using segment_internal::IsSentenceOpener;

constexpr size_t kNone = std::string_view::npos;

struct CodePoint {
  char32_t value;
  size_t size;  // bytes
};

// Ingest hands over valid UTF-8, but a stray byte must not derail the scan:
// it decodes as U+FFFD, one byte long.
CodePoint DecodeAt(std::string_view s, size_t i) {
  constexpr CodePoint kInvalid = {0xFFFD, 1};
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  size_t size = 0;
  char32_t value = 0;
  if ((b0 & 0xE0) == 0xC0) {
    size = 2;
    value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    size = 3;
    value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    size = 4;
    value = b0 & 0x07;
  } else {
    return kInvalid;
  }
  if (s.size() - i < size) return kInvalid;
  for (size_t k = 1; k < size; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return kInvalid;
    value = (value << 6) | (b & 0x3F);
  }
  return {value, size};
}

// Unicode White_Space, plus the zero-width space and BOM that scraped text
// carries between words and that must not be left at a sentence's edge.
bool IsSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;
}

bool IsTerminator(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;  // … ellipsis
}

// Closing quotes and brackets that belong to the sentence before them.
bool IsCloser(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
         c == 0x2019 || c == 0x201D || c == 0x00BB || c == 0x203A;
}

// Opening quotes and brackets (and Spanish ¿ ¡) that may lead a sentence.
bool IsOpener(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' ||
         c == 0x2018 || c == 0x201C || c == 0x201E || c == 0x00AB ||
         c == 0x2039 || c == 0x00BF || c == 0x00A1;
}

bool IsDash(char32_t c) {
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

bool IsCurrency(char32_t c) {
  return c == '$' || c == 0x00A3 || c == 0x00A5 || c == 0x20AC;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsAsciiLetter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Uppercase letters of the cased scripts news text is written in: Latin
// (including the Extended blocks used for Central European, Romanian and
// Vietnamese names), Greek, Cyrillic, Armenian and Georgian Asomtavruli.
bool IsUppercase(char32_t c) {
  const bool even = c % 2 == 0;
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;  // not ×
  if (c >= 0x100 && c <= 0x137) return even;
  if (c >= 0x139 && c <= 0x148) return !even;
  if (c >= 0x14A && c <= 0x177) return even;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return !even;
  if (c >= 0x1F8 && c <= 0x233) return even;
  if (c == 0x386 || (c >= 0x388 && c <= 0x38F)) return true;
  if (c >= 0x391 && c <= 0x3AB) return c != 0x3A2;
  if (c >= 0x400 && c <= 0x42F) return true;
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)) return even;
  if (c >= 0x531 && c <= 0x556) return true;
  if (c >= 0x10A0 && c <= 0x10C5) return true;
  if (c >= 0x1E00 && c <= 0x1EFF) return even;
  return false;
}

// Letters of scripts without case, where any letter may start a sentence:
// Hebrew, Arabic, Indic, Thai, Georgian Mkhedruli, Hangul, kana and CJK.
bool IsCaselessLetter(char32_t c) {
  return (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
         (c >= 0x671 && c <= 0x6D3) || (c >= 0x904 && c <= 0xDFF) ||
         (c >= 0xE01 && c <= 0xE30) || (c >= 0x10D0 && c <= 0x10FF) ||
         (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3041 && c <= 0x30FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7A3);
}

// Letters and digits, as opposed to punctuation and symbols; a stretch of
// text without any (a leading "..." or "—") is not yet a sentence of its own.
bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiLetter(c) || IsDigit(c);
  if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFFFD) return false;
  return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
         !(c >= 0xFE00 && c <= 0xFE6F) && c != 0xFEFF;
}

// The word just after an ambiguous period, looked at to decide whether it
// starts a new sentence. Only ASCII letters matter: every word it is compared
// against is ASCII.
struct NextWord {
  std::string_view letters;
  bool followed_by_period = false;
};

// Segments one line, text[begin, end), appending to `out`.
class LineSegmenter {
 public:
  LineSegmenter(std::string_view text, size_t begin, size_t end,
                size_t line_index, Segmentation& out)
      : text_(text.substr(0, end)),
        begin_(begin),
        line_index_(line_index),
        out_(out) {}

  void Run();

 private:
  // Whether the text at `pos` (a non-space) visibly starts a sentence.
  bool StartsSentence(size_t pos) const;
  // Whether a terminator run [run_begin, run_end), with closers up to
  // `close_end` and next non-space at `next`, ends the current sentence.
  bool IsBoundary(size_t run_begin, size_t run_end, size_t close_end,
                  size_t next) const;
  // Whether the lone period at `period` ends the sentence, judging by the
  // word it closes.
  bool PeriodEndsSentence(size_t period, size_t next) const;
  NextWord WordAt(size_t pos) const;
  void Emit(size_t end);

  std::string_view text_;  // the whole text, cut off at the line's end
  size_t begin_;
  size_t line_index_;
  Segmentation& out_;

  size_t sentence_start_ = kNone;
  size_t word_start_ = 0;  // first byte after the latest white space
  bool has_word_char_ = false;
};

void LineSegmenter::Run() {
  const size_t end = text_.size();
  size_t last_end = begin_;  // end of the latest non-space code point
  size_t pos = begin_;
  word_start_ = begin_;
  while (pos < end) {
    const CodePoint cp = DecodeAt(text_, pos);
    if (IsSpace(cp.value)) {
      pos += cp.size;
      word_start_ = pos;
      continue;
    }
    if (sentence_start_ == kNone) sentence_start_ = pos;
    if (!IsTerminator(cp.value)) {
      has_word_char_ = has_word_char_ || IsWordChar(cp.value);
      pos += cp.size;
      last_end = pos;
      continue;
    }
    const size_t run_begin = pos;
    while (pos < end) {
      const CodePoint t = DecodeAt(text_, pos);
      if (!IsTerminator(t.value)) break;
      pos += t.size;
    }
    const size_t run_end = pos;
    while (pos < end) {
      const CodePoint t = DecodeAt(text_, pos);
      if (!IsCloser(t.value)) break;
      pos += t.size;
    }
    const size_t close_end = pos;
    last_end = close_end;
    // Periods inside numbers, URLs and acronyms have no space after them.
    if (close_end == end || !IsSpace(DecodeAt(text_, close_end).value)) {
      continue;
    }
    size_t next = close_end;
    while (next < end) {
      const CodePoint t = DecodeAt(text_, next);
      if (!IsSpace(t.value)) break;
      next += t.size;
    }
    if (next < end && IsBoundary(run_begin, run_end, close_end, next)) {
      Emit(close_end);
    }
  }
  if (sentence_start_ != kNone) Emit(last_end);
}

void LineSegmenter::Emit(size_t end) {
  out_.sentences.push_back({sentence_start_, end});
  out_.sentence_line.push_back(line_index_);
  sentence_start_ = kNone;
  has_word_char_ = false;
}

bool LineSegmenter::StartsSentence(size_t pos) const {
  // Skip a few opening quotes, brackets or dashes ("(“The", "— The"); a dash
  // may be set off by spaces. The bound keeps the look-ahead constant.
  constexpr int kMaxLead = 6;
  bool after_dash = false;
  for (int i = 0; i < kMaxLead && pos < text_.size(); ++i) {
    const CodePoint cp = DecodeAt(text_, pos);
    if (IsDash(cp.value)) {
      after_dash = true;
    } else if (!IsOpener(cp.value) && !(after_dash && IsSpace(cp.value))) {
      break;
    }
    pos += cp.size;
  }
  if (pos >= text_.size()) return false;
  const CodePoint cp = DecodeAt(text_, pos);
  if (IsUppercase(cp.value) || IsCaselessLetter(cp.value) ||
      IsDigit(cp.value)) {
    return true;
  }
  const size_t after = pos + cp.size;
  return IsCurrency(cp.value) && after < text_.size() &&
         IsDigit(static_cast<unsigned char>(text_[after]));
}

bool LineSegmenter::IsBoundary(size_t run_begin, size_t run_end,
                               size_t close_end, size_t next) const {
  if (!has_word_char_ || !StartsSentence(next)) return false;
  const bool lone_period = run_end == run_begin + 1 && text_[run_begin] == '.';
  // "!", "?", an ellipsis, or a quote closed after the period: the writer
  // marked the end unmistakably.
  if (!lone_period || close_end != run_end) return true;
  return PeriodEndsSentence(run_begin, next);
}

NextWord LineSegmenter::WordAt(size_t pos) const {
  constexpr int kMaxLead = 4;
  for (int i = 0; i < kMaxLead && pos < text_.size(); ++i) {
    const CodePoint cp = DecodeAt(text_, pos);
    if (!IsOpener(cp.value)) break;
    pos += cp.size;
  }
  // Longer than any word compared against; stop early to stay O(1).
  constexpr size_t kMaxLetters = 16;
  size_t end = pos;
  while (end < text_.size() && end - pos <= kMaxLetters &&
         IsAsciiLetter(static_cast<unsigned char>(text_[end]))) {
    ++end;
  }
  return {text_.substr(pos, end - pos),
          end < text_.size() && text_[end] == '.'};
}

// "U.S", "a.m", "Ph.D", "a.k.a": letters in groups of one or two, joined by
// periods (the final period is not part of `word`).
bool IsDottedAcronym(std::string_view word) {
  size_t periods = 0;
  size_t group_size = 0;
  for (const char c : word) {
    if (c == '.') {
      if (group_size == 0) return false;
      ++periods;
      group_size = 0;
    } else if (IsAsciiLetter(static_cast<unsigned char>(c)) && group_size < 2) {
      ++group_size;
    } else {
      return false;
    }
  }
  return group_size > 0 && periods > 0;
}

bool IsAllCaps(std::string_view word) {
  return word.size() >= 2 &&
         std::ranges::all_of(word, [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool LineSegmenter::PeriodEndsSentence(size_t period, size_t next) const {
  // Abbreviations and initials are short; a long word ends the sentence, and
  // the bound keeps the backward look constant.
  constexpr size_t kMaxWord = 64;
  size_t start = word_start_;
  if (period - start > kMaxWord) return true;
  // Strip leading quotes, brackets and dashes: `(Mr.`, `“Dr.`, `—Gen.`.
  while (start < period) {
    const CodePoint cp = DecodeAt(text_, start);
    if (!IsOpener(cp.value) && !IsDash(cp.value)) break;
    start += cp.size;
  }
  std::string_view word = text_.substr(start, period - start);
  if (word.empty()) return true;
  // "ex-Gov.", "and/or Mr.": only the last part is the abbreviation.
  if (const size_t cut = word.find_last_of("-/");
      cut != std::string_view::npos) {
    word.remove_prefix(cut + 1);
    if (word.empty()) return true;
  }

  if (const CodePoint cp = DecodeAt(word, 0);
      cp.size == word.size() && IsUppercase(cp.value)) {
    return false;  // an initial
  }
  if (start == sentence_start_ && word.size() <= 3 &&
      std::ranges::all_of(word, [](char c) { return c >= '0' && c <= '9'; })) {
    return false;  // a list enumerator
  }
  const NextWord following = WordAt(next);
  const bool opener_follows =
      !following.followed_by_period && IsSentenceOpener(following.letters);
  if (const auto* abbreviation = FindAbbreviation(word)) {
    switch (abbreviation->kind) {
      case AbbreviationKind::kTitle:
      case AbbreviationKind::kMonth:
      case AbbreviationKind::kReference:
        return false;
      case AbbreviationKind::kNameEnd:
        return opener_follows;
      case AbbreviationKind::kTrailing: {
        const auto* after = FindAbbreviation(following.letters);
        const bool suffix_follows =
            after != nullptr && after->kind == AbbreviationKind::kTrailing;
        return !suffix_follows && !IsAllCaps(following.letters);
      }
    }
  }
  if (IsDottedAcronym(word)) return opener_follows;
  return true;
}

}  // namespace

Segmentation Segment(std::string_view text) {
  Segmentation out;
  out.lines.reserve(static_cast<size_t>(std::ranges::count(text, '\n')) + 1);
  size_t begin = 0;
  while (true) {
    const size_t newline = text.find('\n', begin);
    size_t end = newline == std::string_view::npos ? text.size() : newline;
    // CR LF text is not expected, but its CR is no part of the line.
    if (end > begin && text[end - 1] == '\r') --end;
    const size_t line_index = out.lines.size();
    out.lines.push_back({begin, end});
    LineSegmenter(text, begin, end, line_index, out).Run();
    if (newline == std::string_view::npos) break;
    begin = newline + 1;
  }
  return out;
}

size_t RangeIndexOf(const std::vector<TextRange>& ranges, size_t offset) {
  auto it = std::upper_bound(
      ranges.begin(), ranges.end(), offset,
      [](size_t value, const TextRange& range) { return value < range.begin; });
  return it == ranges.begin() ? 0
                              : static_cast<size_t>(it - ranges.begin() - 1);
}

}  // namespace provcheck
