#include "provcheck/ingest.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/sha256.h"
#include "ingest/hard_wrap.h"
#include "ingest/html.h"
#include "ingest/markdown.h"
#include "ingest/metadata.h"
#include "ingest/utf8.h"

namespace provcheck {
namespace {

namespace fs = std::filesystem;

// A file with invalid bytes everywhere (a Latin-1 file, say) would otherwise
// bury every other message; past this many lines one summary says the rest.
constexpr size_t kMaxUtf8WarningsPerFile = 20;

std::string Extension(std::string_view path) {
  return absl::AsciiStrToLower(fs::path(path).extension().string());
}

// One warning per line with invalid bytes, at the first of them, counting
// every byte replaced on that line.
void WarnInvalidUtf8(const std::string& path,
                     const std::vector<InvalidUtf8>& invalid,
                     Diagnostics* warnings) {
  if (warnings == nullptr || invalid.empty()) return;
  std::vector<Diagnostic> per_line;
  std::vector<size_t> bytes_per_line;
  for (const InvalidUtf8& bad : invalid) {
    if (per_line.empty() || per_line.back().line != bad.line) {
      Diagnostic d;
      d.level = Diagnostic::Level::kWarning;
      d.path = path;
      d.line = bad.line;
      d.column = bad.column;
      per_line.push_back(std::move(d));
      bytes_per_line.push_back(0);
    }
    bytes_per_line.back() += bad.bytes;
  }
  const size_t shown = std::min(per_line.size(), kMaxUtf8WarningsPerFile);
  for (size_t i = 0; i < shown; ++i) {
    per_line[i].message = absl::StrCat(
        "invalid UTF-8 (", bytes_per_line[i],
        bytes_per_line[i] == 1 ? " byte" : " bytes", " replaced by U+FFFD)");
    warnings->push_back(std::move(per_line[i]));
  }
  if (per_line.size() > shown) {
    size_t more_bytes = 0;
    for (size_t i = shown; i < per_line.size(); ++i) {
      more_bytes += bytes_per_line[i];
    }
    Diagnostic summary;
    summary.level = Diagnostic::Level::kWarning;
    summary.path = path;
    summary.message = absl::StrCat("invalid UTF-8 on ", per_line.size() - shown,
                                   " more lines (", more_bytes,
                                   more_bytes == 1 ? " byte" : " bytes",
                                   " replaced by U+FFFD)");
    warnings->push_back(std::move(summary));
  }
}

std::string PlainText(std::string_view original) {
  std::string text(original);
  std::replace(text.begin(), text.end(), '\r', ' ');
  if (text.starts_with(kUtf8Bom)) text.replace(0, kUtf8Bom.size(), "   ");
  BlankUnicodeSpaces(text);
  UnwrapHardWrappedLines(text);
  return text;
}

absl::Status ReadError(int error) {
  const std::string message =
      absl::StrCat("cannot read: ", std::generic_category().message(error));
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
      return absl::PermissionDeniedError(message);
    case EISDIR:
      return absl::FailedPreconditionError(message);
    default:
      return absl::UnavailableError(message);
  }
}

absl::StatusOr<std::string> ReadAll(std::FILE* file) {
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const size_t n = std::fread(buffer, 1, sizeof(buffer), file);
    bytes.append(buffer, n);
    if (n < sizeof(buffer)) break;
  }
  if (std::ferror(file)) return ReadError(errno);
  return bytes;
}

// Walks one directory argument; collects files with a default extension.
void WalkDirectory(const std::string& root, std::vector<std::string>* files,
                   Diagnostics* errors) {
  std::error_code ec;
  // skip_permission_denied below would also silence a directory named on
  // the command line; that one the user should hear about.
  fs::directory_iterator probe(root, ec);
  if (ec) {
    if (errors != nullptr) {
      Diagnostic d;
      d.path = root;
      d.message = absl::StrCat("cannot list directory: ", ec.message());
      errors->push_back(std::move(d));
    }
    return;
  }
  // Directory symlinks are not followed, which is what rules out loops.
  // Hidden entries (.git, .cache, editor swap files) are tool state, not
  // articles.
  fs::recursive_directory_iterator it(
      root, fs::directory_options::skip_permission_denied, ec);
  const fs::recursive_directory_iterator end;
  std::vector<std::string> found;
  while (!ec && it != end) {
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    std::error_code type_ec;
    if (name.starts_with(".")) {
      if (entry.is_directory(type_ec)) it.disable_recursion_pending();
    } else if (entry.is_regular_file(type_ec) &&
               IsDefaultExtension(entry.path().string())) {
      found.push_back(entry.path().string());
    }
    it.increment(ec);
  }
  if (ec && errors != nullptr) {
    Diagnostic d;
    d.path = root;
    d.message = absl::StrCat("cannot list directory: ", ec.message());
    errors->push_back(std::move(d));
  }
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

}  // namespace

Format FormatForPath(std::string_view path) {
  const std::string extension = Extension(path);
  if (extension == ".md" || extension == ".markdown") return Format::kMarkdown;
  if (extension == ".html" || extension == ".htm") return Format::kHtml;
  return Format::kPlainText;
}

bool IsDefaultExtension(std::string_view path) {
  const std::string extension = Extension(path);
  return extension == ".txt" || extension == ".md" ||
         extension == ".markdown" || extension == ".html" ||
         extension == ".htm";
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& args,
                                     Diagnostics* errors) {
  std::vector<std::string> paths;
  for (const std::string& arg : args) {
    if (arg == "-") {
      paths.push_back(arg);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(arg, ec);
    if (!fs::exists(status)) {
      if (errors != nullptr) {
        Diagnostic d;
        d.path = arg;
        // A parent we may not search is reported as such, not as missing.
        d.message = status.type() == fs::file_type::not_found || !ec
                        ? "no such file or directory"
                        : ec.message();
        errors->push_back(std::move(d));
      }
      continue;
    }
    if (fs::is_directory(status)) {
      WalkDirectory(arg, &paths, errors);
    } else {
      // A file named explicitly is read whatever its extension.
      paths.push_back(arg);
    }
  }
  return paths;
}

absl::StatusOr<Document> DocumentFromBytes(std::string path, std::string bytes,
                                           Format format,
                                           Diagnostics* warnings) {
  const size_t nul = bytes.find('\0');
  if (nul != std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("binary file (NUL byte at offset ", nul, ")"));
  }
  Document doc;
  doc.path = std::move(path);
  doc.format = format;
  doc.sha256 = Sha256Hex(bytes);
  doc.raw_bytes = bytes.size();
  RepairedUtf8 repaired = RepairUtf8(std::move(bytes));
  WarnInvalidUtf8(doc.path, repaired.invalid, warnings);
  doc.original = std::move(repaired.text);
  switch (format) {
    case Format::kPlainText:
      doc.text = PlainText(doc.original);
      break;
    case Format::kMarkdown:
      doc.text = MarkdownToText(doc.original);
      BlankUnicodeSpaces(doc.text);
      ReadKeyValueMetadata(FrontMatter(doc.original), &doc.metadata);
      break;
    case Format::kHtml: {
      ReadHtmlMetadata(doc.original, &doc.metadata);
      HtmlText html = HtmlToText(doc.original);
      doc.text = std::move(html.text);
      doc.offsets = std::move(html.offsets);
      doc.structure = std::move(html.structure);
      break;
    }
  }
  return doc;
}

absl::StatusOr<Document> ReadDocument(const std::string& path,
                                      Diagnostics* warnings) {
  if (path == "-") {
    absl::StatusOr<std::string> bytes = ReadAll(stdin);
    if (!bytes.ok()) return bytes.status();
    return DocumentFromBytes(path, *std::move(bytes), Format::kPlainText,
                             warnings);
  }
  std::error_code ec;
  if (fs::is_directory(path, ec)) return ReadError(EISDIR);
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return ReadError(errno);
  absl::StatusOr<std::string> bytes = ReadAll(file);
  std::fclose(file);
  if (!bytes.ok()) return bytes.status();
  absl::StatusOr<Document> document =
      DocumentFromBytes(path, *std::move(bytes), FormatForPath(path), warnings);
  // A sidecar PATH.meta fills in what the document itself does not say.
  if (document.ok()) {
    if (std::FILE* meta = std::fopen((path + ".meta").c_str(), "rb")) {
      absl::StatusOr<std::string> text = ReadAll(meta);
      std::fclose(meta);
      if (text.ok()) ReadKeyValueMetadata(*text, &document->metadata);
    }
  }
  return document;
}

}  // namespace provcheck
