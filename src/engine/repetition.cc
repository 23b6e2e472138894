#include "provcheck/repetition.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace provcheck {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

// A byte of a letter: ASCII letters, and every byte of a non-ASCII code
// point (accented letters; the rare non-letter symbol does not matter here).
bool IsLetterByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

struct LineKey {
  uint64_t hash = 0;
  int words = 0;     // runs of two or more letter bytes
  size_t chars = 0;  // of the normalised text
};

// FNV-1a over the line with ASCII case folded and runs of space collapsed,
// so re-wrapped or re-cased copies of a footer hash alike. A fixed function
// rather than absl::Hash, whose seed may differ between processes.
LineKey KeyOf(std::string_view line) {
  constexpr uint64_t kOffset = 14695981039346656037ull;
  constexpr uint64_t kPrime = 1099511628211ull;
  LineKey key;
  key.hash = kOffset;
  bool pending_space = false;
  int letters = 0;
  auto add = [&](unsigned char byte) {
    key.hash = (key.hash ^ byte) * kPrime;
    ++key.chars;
  };
  for (char c : line) {
    if (IsSpace(c)) {
      pending_space = key.chars > 0;
    } else {
      if (pending_space) add(' ');
      pending_space = false;
      add(static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a'
                                                            : c));
    }
    if (IsLetterByte(c)) {
      ++letters;
    } else {
      if (letters >= 2) ++key.words;
      letters = 0;
    }
  }
  if (letters >= 2) ++key.words;
  return key;
}

template <typename Visit>
void ForEachLine(std::string_view text, const Segmentation& segments,
                 Visit visit) {
  bool title = true;
  for (size_t i = 0; i < segments.lines.size(); ++i) {
    const TextRange& range = segments.lines[i];
    const std::string_view line = text.substr(range.begin, range.size());
    const LineKey key = KeyOf(line);
    if (key.chars == 0) continue;
    visit(i, key, title);
    title = false;
  }
}

}  // namespace

RepeatedLines::RepeatedLines(RepetitionOptions options) : options_(options) {}

RepeatedLines::DocumentLines RepeatedLines::Fingerprint(
    std::string_view text, const Segmentation& segments) const {
  DocumentLines document;
  if (options_.min_documents <= 0) return document;
  // Copies share their first paragraph and their longest line. Either
  // alone can be the furniture itself: a promo above the story, or a
  // footer longer than a short story's paragraphs.
  size_t longest = 0;
  uint64_t longest_hash = 0;
  uint64_t first_paragraph_hash = 0;
  bool seen_first_paragraph = false;
  ForEachLine(text, segments, [&](size_t, const LineKey& key, bool title) {
    if (key.chars > longest) {
      longest = key.chars;
      longest_hash = key.hash;
    }
    if (!title && !seen_first_paragraph) {
      first_paragraph_hash = key.hash;
      seen_first_paragraph = true;
    }
    // A headline recurs in follow-up stories; it is not furniture.
    if (!title && key.words >= options_.min_words) {
      document.lines.push_back(key.hash);
    }
  });
  document.signature = longest_hash * 31 + first_paragraph_hash;
  std::sort(document.lines.begin(), document.lines.end());
  document.lines.erase(
      std::unique(document.lines.begin(), document.lines.end()),
      document.lines.end());
  return document;
}

void RepeatedLines::Count(const DocumentLines& document) {
  if (document.lines.empty()) return;
  if (!counted_signatures_.insert(document.signature).second) return;
  for (uint64_t line : document.lines) ++documents_by_line_[line];
}

std::string RepeatedLines::RepeatedDigest(const DocumentLines& document) const {
  std::string digest;
  for (uint64_t line : document.lines) {
    auto it = documents_by_line_.find(line);
    if (it != documents_by_line_.end() &&
        it->second >= options_.min_documents) {
      absl::StrAppend(&digest, absl::Hex(line, absl::kZeroPad16));
    }
  }
  return digest;
}

std::vector<std::pair<size_t, int>> RepeatedLines::Repeated(
    std::string_view text, const Segmentation& segments) const {
  std::vector<std::pair<size_t, int>> out;
  if (options_.min_documents <= 0 || documents_by_line_.empty()) return out;
  ForEachLine(text, segments,
              [&](size_t index, const LineKey& key, bool title) {
                if (title || key.words < options_.min_words) return;
                auto it = documents_by_line_.find(key.hash);
                if (it != documents_by_line_.end() &&
                    it->second >= options_.min_documents) {
                  out.emplace_back(index, it->second);
                }
              });
  return out;
}

}  // namespace provcheck
