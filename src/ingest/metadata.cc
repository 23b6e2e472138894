#include "ingest/metadata.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "re2/re2.h"

namespace provcheck {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(" \t\r");
  text = text.substr(begin, end - begin + 1);
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  return text;
}

void SetOnce(std::string* field, std::string_view value) {
  if (field->empty() && !value.empty()) *field = std::string(value);
}

// Which field a key names, or null.
std::string* FieldFor(std::string_view key, DocumentMetadata* metadata) {
  const std::string name = Lower(key);
  if (name == "title" || name == "headline" || name == "og:title") {
    return &metadata->title;
  }
  if (name == "publisher" || name == "source" || name == "site" ||
      name == "outlet" || name == "og:site_name") {
    return &metadata->publisher;
  }
  if (name == "url" || name == "link" || name == "canonical" ||
      name == "og:url") {
    return &metadata->url;
  }
  if (name == "date" || name == "published" || name == "published_at" ||
      name == "pubdate" || name == "article:published_time") {
    return &metadata->published;
  }
  return nullptr;
}

}  // namespace

void ReadKeyValueMetadata(std::string_view text, DocumentMetadata* metadata) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (std::string* field = FieldFor(Trim(line.substr(0, colon)), metadata)) {
      SetOnce(field, Trim(line.substr(colon + 1)));
    }
  }
}

std::string_view FrontMatter(std::string_view markdown) {
  if (markdown.rfind("\xEF\xBB\xBF", 0) == 0) markdown.remove_prefix(3);
  if (markdown.rfind("---", 0) != 0) return {};
  const size_t first_line_end = markdown.find('\n');
  if (first_line_end == std::string_view::npos ||
      Trim(markdown.substr(0, first_line_end)) != "---") {
    return {};
  }
  size_t position = first_line_end + 1;
  while (position < markdown.size()) {
    size_t end = markdown.find('\n', position);
    if (end == std::string_view::npos) end = markdown.size();
    const std::string_view line =
        Trim(markdown.substr(position, end - position));
    if (line == "---" || line == "...") {
      return markdown.substr(first_line_end + 1, position - first_line_end - 1);
    }
    position = end + 1;
  }
  return {};
}

void ReadHtmlMetadata(std::string_view html, DocumentMetadata* metadata) {
  // Only the head matters, and pages can be large.
  const size_t head_end =
      std::min(html.size(), html.find("</head>") == std::string_view::npos
                                ? static_cast<size_t>(64 << 10)
                                : html.find("</head>"));
  const re2::StringPiece head(html.data(), head_end);
  static const LazyRE2 kMeta = {
      R"((?is)<meta\s[^>]*?(?:property|name)\s*=\s*["']([^"']+)["'][^>]*?content\s*=\s*["']([^"']*)["'])"};
  static const LazyRE2 kCanonical = {
      R"((?is)<link\s[^>]*?rel\s*=\s*["']canonical["'][^>]*?href\s*=\s*["']([^"']+)["'])"};
  static const LazyRE2 kTitle = {R"((?is)<title[^>]*>\s*([^<]*?)\s*</title>)"};
  re2::StringPiece input = head;
  std::string key, value;
  while (RE2::FindAndConsume(&input, *kMeta, &key, &value)) {
    if (std::string* field = FieldFor(key, metadata))
      SetOnce(field, Trim(value));
  }
  std::string text;
  if (RE2::PartialMatch(head, *kCanonical, &text))
    SetOnce(&metadata->url, text);
  if (RE2::PartialMatch(head, *kTitle, &text)) SetOnce(&metadata->title, text);
}

}  // namespace provcheck
