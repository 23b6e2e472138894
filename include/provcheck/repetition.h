#ifndef PROVCHECK_REPETITION_H_
#define PROVCHECK_REPETITION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "provcheck/segment.h"

namespace provcheck {

// Cross-document repetition, the boilerplate signal no single page shows: a
// line that recurs word for word in many documents of one run is furniture
// (a columnist's byline, a syndication footer, a site's standing promo), not
// the article's own text.
//
// Two things keep real article text out. Short lines repeat in news for
// good reasons ("Terms were not disclosed.", "Pay April 30", table rows), so
// only lines of at least `min_words` words of letters count. And copies are
// not evidence: a story syndicated to ten sites, or a file stored twice,
// repeats every line; documents are therefore counted by their first
// paragraph and longest line together, so copies of one story count once.
struct RepetitionOptions {
  // A line must recur in at least this many distinct documents; 0 disables
  // the signal.
  int min_documents = 4;
  // Words of two or more letters; digits and punctuation do not count.
  int min_words = 8;
};

class RepeatedLines {
 public:
  explicit RepeatedLines(RepetitionOptions options = {});

  // What one document contributes: the hashes of its eligible lines and the
  // signature that identifies copies. Pure, so workers compute it in
  // parallel.
  struct DocumentLines {
    uint64_t signature = 0;
    std::vector<uint64_t> lines;  // distinct
  };
  DocumentLines Fingerprint(std::string_view text,
                            const Segmentation& segments) const;

  // Counts a document's lines, unless a copy of it was counted already.
  // Call in input order, so the counts do not depend on thread timing.
  void Count(const DocumentLines& document);

  // Which of a fingerprinted document's lines recur in at least
  // `min_documents` documents, as one hex string ("" when none): what an
  // audit must compare before it reuses the document's stored findings.
  std::string RepeatedDigest(const DocumentLines& document) const;

  // The lines of a document that recur in at least `min_documents`
  // documents: (index into segments.lines, number of documents).
  std::vector<std::pair<size_t, int>> Repeated(
      std::string_view text, const Segmentation& segments) const;

  const RepetitionOptions& options() const { return options_; }

 private:
  RepetitionOptions options_;
  absl::flat_hash_set<uint64_t> counted_signatures_;
  absl::flat_hash_map<uint64_t, int> documents_by_line_;
};

}  // namespace provcheck

#endif  // PROVCHECK_REPETITION_H_
