// ingest: paths in, Documents out.
#ifndef PROVCHECK_INGEST_H_
#define PROVCHECK_INGEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provcheck/diagnostic.h"
#include "provcheck/document.h"

namespace provcheck {

// The format a path is read as, by its extension (.md/.markdown, .html/.htm;
// anything else is plain text).
Format FormatForPath(std::string_view path);

// True for the extensions a directory walk picks up by default.
bool IsDefaultExtension(std::string_view path);

// Expands the command line's paths: files stay as given, directories are
// walked recursively (sorted, default extensions only), "-" stays "-". A path
// that does not exist becomes an error diagnostic and is left out.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& args,
                                     Diagnostics* errors);

// Builds a Document from raw bytes. Invalid UTF-8 is replaced by U+FFFD with
// one warning per offending line; NUL bytes mean a binary file and fail.
absl::StatusOr<Document> DocumentFromBytes(std::string path, std::string bytes,
                                           Format format,
                                           Diagnostics* warnings);

// Reads a file ("-" reads stdin, as plain text) and builds its Document.
absl::StatusOr<Document> ReadDocument(const std::string& path,
                                      Diagnostics* warnings);

}  // namespace provcheck

#endif  // PROVCHECK_INGEST_H_
