#include "ingest/markdown.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "ingest/utf8.h"

namespace provcheck {
namespace {

constexpr size_t kNpos = std::string_view::npos;

enum class LineKind {
  kBlank,      // nothing but white space (after quote markers)
  kMarkup,     // entirely markup, now blank: front matter, fences, code, ...
  kParagraph,  // prose; continues the paragraph above when there is one
  kListItem,   // the first line of a list item
  kHeading,
  kTableRow,
  kHtmlBlock,  // the first line of an HTML block
  kFootnote,   // the first line of a footnote definition
};

// Kinds whose paragraph a following prose line continues.
bool Continuable(LineKind kind) {
  return kind == LineKind::kParagraph || kind == LineKind::kListItem ||
         kind == LineKind::kHtmlBlock || kind == LineKind::kFootnote;
}

bool HasInlineContent(LineKind kind) {
  return Continuable(kind) || kind == LineKind::kHeading ||
         kind == LineKind::kTableRow;
}

struct Line {
  size_t begin = 0;
  size_t end = 0;          // excludes the '\r' of "\r\n"
  size_t newline = kNpos;  // the '\n' ending the line, if any
  size_t content = 0;      // where inline content starts
  int quote_depth = 0;
  LineKind kind = LineKind::kBlank;
};

// Tags that start an HTML block which may interrupt a paragraph (CommonMark
// 4.6, kind 6).
constexpr std::string_view kHtmlBlockTags[] = {
    "address",  "article",    "aside",   "base",     "basefont", "blockquote",
    "body",     "caption",    "center",  "col",      "colgroup", "dd",
    "details",  "dialog",     "dir",     "div",      "dl",       "dt",
    "fieldset", "figcaption", "figure",  "footer",   "form",     "frame",
    "frameset", "h1",         "h2",      "h3",       "h4",       "h5",
    "h6",       "head",       "header",  "hr",       "html",     "iframe",
    "legend",   "li",         "link",    "main",     "menu",     "menuitem",
    "nav",      "noframes",   "ol",      "optgroup", "option",   "p",
    "param",    "search",     "section", "summary",  "table",    "tbody",
    "td",       "tfoot",      "th",      "thead",    "title",    "tr",
    "track",    "ul"};
static_assert(std::is_sorted(std::begin(kHtmlBlockTags),
                             std::end(kHtmlBlockTags)));

// Blocks whose whole content is code or script, up to the closing tag
// (CommonMark 4.6, kind 1).
constexpr std::string_view kRawHtmlBlockTags[] = {"pre", "script", "style",
                                                  "textarea"};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return absl::ascii_tolower(x) == absl::ascii_tolower(y);
         });
}

std::string ToLower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = absl::ascii_tolower(c);
  return lower;
}

bool IsSpaceOrTab(char c) { return c == ' ' || c == '\t'; }

bool IsWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Lenient decoding for the flanking rules; the input is repaired UTF-8.
char32_t DecodeAt(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return b0;
  size_t trail;
  char32_t cp;
  if (b0 >= 0xF0) {
    trail = 3;
    cp = b0 & 0x07;
  } else if (b0 >= 0xE0) {
    trail = 2;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xC0) {
    trail = 1;
    cp = b0 & 0x1F;
  } else {
    return 0xFFFD;
  }
  for (size_t k = 1; k <= trail; ++k) {
    if (i + k >= s.size()) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  return cp;
}

// The code point before `i`; a line end at the start of the text, as
// CommonMark treats it.
char32_t CodePointBefore(std::string_view s, size_t i) {
  if (i == 0) return '\n';
  size_t b = i - 1;
  while (b > 0 && i - b < 4 &&
         (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) {
    --b;
  }
  return DecodeAt(s, b);
}

char32_t CodePointAt(std::string_view s, size_t i) {
  return i >= s.size() ? U'\n' : DecodeAt(s, i);
}

// White space for the emphasis flanking rules: ASCII white space, the
// spaces the analysis text blanks (IsUnicodeSpace, utf8.h), and three it
// leaves alone: the Ogham space mark and the line and paragraph separators.
bool IsFlankingSpace(char32_t cp) {
  return (cp < 0x80 && IsWhitespace(static_cast<char>(cp))) ||
         IsUnicodeSpace(cp) || cp == 0x1680 || cp == 0x2028 || cp == 0x2029;
}

// ASCII punctuation plus the Unicode punctuation prose uses around emphasis:
// curly quotes, dashes, guillemets, CJK punctuation.
bool IsUnicodePunct(char32_t cp) {
  if (cp < 0x80) return absl::ascii_ispunct(static_cast<char>(cp));
  return cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 ||
         cp == 0xBB || cp == 0xBF || (cp >= 0x2010 && cp <= 0x2027) ||
         (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x303F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F);
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsWhitespace(s.back())) s.remove_suffix(1);
  return s;
}

// Link labels match case-insensitively with white space collapsed.
std::string NormalizeLabel(std::string_view label) {
  std::string out;
  bool space = false;
  for (const char c : label) {
    if (IsWhitespace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(c));
  }
  return out;
}

// Offset of `needle` (lower case) in s[from, to), ignoring ASCII case.
size_t FindIgnoreCase(std::string_view s, std::string_view needle, size_t from,
                      size_t to) {
  if (to < needle.size()) return kNpos;
  for (size_t i = from; i + needle.size() <= to; ++i) {
    if (absl::ascii_tolower(s[i]) == needle[0] &&
        EqualsIgnoreCase(s.substr(i, needle.size()), needle)) {
      return i;
    }
  }
  return kNpos;
}

// Blanks the inline markup of one paragraph, heading or table row, spanning
// [begin, end) of `out`. Works on text whose block markup is already blank,
// so quote and list markers between the lines read as white space.
class InlineBlanker {
 public:
  InlineBlanker(std::string& out, std::string_view snapshot,
                const std::unordered_set<std::string>& labels, size_t begin,
                size_t end)
      : out_(out),
        snapshot_(snapshot),
        labels_(labels),
        begin_(begin),
        end_(end) {}

  void Run() {
    IndexBackticks();
    MatchBrackets();
    size_t i = begin_;
    while (i < end_) {
      switch (out_[i]) {
        case '\\':
          i = Escape(i);
          break;
        case '`':
          i = CodeSpan(i);
          break;
        case '<':
          i = Angle(i);
          break;
        case '!':
          i = (i + 1 < end_ && out_[i + 1] == '[') ? Bracket(i + 1, true)
                                                   : i + 1;
          break;
        case '[':
          i = Bracket(i, false);
          break;
        case '*':
        case '_':
        case '~':
          i = DelimiterRun(i);
          break;
        default:
          ++i;
      }
    }
    ProcessEmphasis();
  }

 private:
  struct CachedSearch {
    std::string needle;
    bool ignore_case = false;
    size_t from = 0;
    size_t result = kNpos;
  };

  struct Delimiter {
    size_t pos;
    size_t length;
    size_t remaining;  // not yet matched; an opener loses chars from its right
    char ch;
    bool can_open;
    bool can_close;
  };

  void Blank(size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) {
      if (out_[k] != '\n') out_[k] = ' ';
    }
  }

  size_t SkipWhitespace(size_t i) const {
    while (i < end_ && IsWhitespace(out_[i])) ++i;
    return i;
  }

  // Finds `needle` in [from, end_). Unclosed comments or tags repeated
  // through a paragraph would each search to its end; remembering the last
  // answer per needle keeps that linear: it stays right for any later start
  // up to the match (or anywhere, when there was none).
  size_t Find(std::string_view needle, size_t from,
              bool ignore_case = false) const {
    for (CachedSearch& cached : searches_) {
      if (cached.needle == needle && cached.ignore_case == ignore_case &&
          from >= cached.from &&
          (cached.result == kNpos || from <= cached.result)) {
        return cached.result;
      }
    }
    const size_t result =
        ignore_case ? FindIgnoreCase(out_, needle, from, end_)
                    : std::string_view(out_).substr(0, end_).find(needle, from);
    auto it = std::find_if(
        searches_.begin(), searches_.end(), [&](const CachedSearch& c) {
          return c.needle == needle && c.ignore_case == ignore_case;
        });
    if (it == searches_.end()) {
      searches_.push_back(CachedSearch{std::string(needle), ignore_case});
      it = searches_.end() - 1;
    }
    it->from = from;
    it->result = result;
    return result;
  }

  // Code spans can be closed by any later run of the same length, so the
  // runs are indexed once instead of searched for from every opener.
  void IndexBackticks() {
    for (size_t i = begin_; i < end_;) {
      if (out_[i] != '`') {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < end_ && out_[j] == '`') ++j;
      runs_.emplace_back(j - i, i);
      i = j;
    }
    std::sort(runs_.begin(), runs_.end());
  }

  size_t FindBacktickRun(size_t length, size_t from) const {
    auto it = std::lower_bound(runs_.begin(), runs_.end(),
                               std::make_pair(length, from));
    if (it == runs_.end() || it->first != length) return kNpos;
    return it->second;
  }

  // Pairs brackets up front so each '[' finds its ']' in constant time; a
  // search per '[' would be quadratic on text full of unmatched brackets.
  void MatchBrackets() {
    std::vector<size_t> open;
    for (size_t i = begin_; i < end_; ++i) {
      const char c = out_[i];
      if (c == '\\') {
        ++i;
      } else if (c == '[') {
        open.push_back(i);
      } else if (c == ']' && !open.empty()) {
        brackets_[open.back()] = i;
        open.pop_back();
      }
    }
  }

  bool Defined(std::string_view label) const {
    return !labels_.empty() && labels_.count(NormalizeLabel(label)) > 0;
  }

  size_t Escape(size_t i) {
    if (i + 1 >= end_) return i + 1;
    const char next = out_[i + 1];
    if (absl::ascii_ispunct(next)) {
      out_[i] = ' ';
      return i + 2;  // the escaped character is literal text
    }
    if (next == '\n' || next == '\r') out_[i] = ' ';  // hard line break
    return i + 1;
  }

  size_t CodeSpan(size_t i) {
    size_t j = i;
    while (j < end_ && out_[j] == '`') ++j;
    const size_t length = j - i;
    const size_t close = FindBacktickRun(length, j);
    if (close == kNpos) return j;  // unmatched backticks are literal
    Blank(i, close + length);
    return close + length;
  }

  size_t Angle(size_t i) {
    const size_t end = InlineHtmlEnd(i);
    if (end == kNpos) return i + 1;  // "a < b"
    Blank(i, end);
    // An inline script or style element: its content is not prose either.
    const std::string_view tag_text = snapshot_.substr(i + 1, end - i - 1);
    for (const std::string_view name : {"script", "style"}) {
      if (tag_text.size() > name.size() &&
          EqualsIgnoreCase(tag_text.substr(0, name.size()), name) &&
          !absl::ascii_isalnum(tag_text[name.size()])) {
        const std::string closing = "</" + std::string(name);
        const size_t close = Find(closing, end, /*ignore_case=*/true);
        if (close == kNpos) return end;
        const size_t gt = Find(">", close);
        const size_t stop = gt == kNpos ? end_ : gt + 1;
        Blank(end, stop);
        return stop;
      }
    }
    return end;
  }

  // The end of the raw HTML, autolink or comment at out_[i] == '<', or kNpos.
  size_t InlineHtmlEnd(size_t i) const {
    const std::string_view rest = std::string_view(out_).substr(i, end_ - i);
    auto past = [&](std::string_view terminator, size_t from) {
      const size_t at = Find(terminator, from);
      return at == kNpos ? kNpos : at + terminator.size();
    };
    if (rest.starts_with("<!--")) return past("-->", i + 2);
    if (rest.starts_with("<?")) return past("?>", i + 2);
    if (rest.starts_with("<![CDATA[")) return past("]]>", i + 9);
    if (rest.size() > 2 && rest[1] == '!' && absl::ascii_isalpha(rest[2])) {
      return past(">", i + 2);
    }
    if (rest.size() > 2 && rest[1] == '/' && absl::ascii_isalpha(rest[2])) {
      size_t j = i + 3;
      while (j < end_ && (absl::ascii_isalnum(out_[j]) || out_[j] == '-')) ++j;
      j = SkipWhitespace(j);
      return j < end_ && out_[j] == '>' ? j + 1 : kNpos;
    }
    if (rest.size() < 2 || !absl::ascii_isalpha(rest[1])) return kNpos;
    const size_t autolink = AutolinkEnd(i);
    if (autolink != kNpos) return autolink;
    return OpenTagEnd(i);
  }

  // <scheme:anything-without-spaces> or <user@example.com>.
  size_t AutolinkEnd(size_t i) const {
    size_t j = i + 1;
    while (j < end_ && (absl::ascii_isalnum(out_[j]) || out_[j] == '+' ||
                        out_[j] == '.' || out_[j] == '-')) {
      ++j;
    }
    const bool scheme =
        j - (i + 1) >= 2 && j - (i + 1) <= 32 && j < end_ && out_[j] == ':';
    bool at_sign = false;
    for (j = i + 1; j < end_; ++j) {
      const char c = out_[j];
      if (c == '>') break;
      if (IsWhitespace(c) || c == '<') return kNpos;
      if (c == '@') at_sign = true;
    }
    if (j >= end_ || !(scheme || at_sign)) return kNpos;
    return j + 1;
  }

  size_t OpenTagEnd(size_t i) const {
    size_t j = i + 1;
    while (j < end_ && (absl::ascii_isalnum(out_[j]) || out_[j] == '-')) ++j;
    while (true) {
      const size_t space_begin = j;
      j = SkipWhitespace(j);
      if (j >= end_) return kNpos;
      if (out_[j] == '>') return j + 1;
      if (out_[j] == '/') {
        return j + 1 < end_ && out_[j + 1] == '>' ? j + 2 : kNpos;
      }
      // Attributes must be separated by white space.
      if (j == space_begin) return kNpos;
      const char first = out_[j];
      if (!absl::ascii_isalpha(first) && first != '_' && first != ':') {
        return kNpos;
      }
      while (j < end_ && (absl::ascii_isalnum(out_[j]) || out_[j] == '_' ||
                          out_[j] == '.' || out_[j] == ':' || out_[j] == '-')) {
        ++j;
      }
      const size_t k = SkipWhitespace(j);
      if (k >= end_ || out_[k] != '=') continue;
      j = SkipWhitespace(k + 1);
      if (j >= end_) return kNpos;
      if (out_[j] == '"' || out_[j] == '\'') {
        const size_t close = Find(std::string_view(&out_[j], 1), j + 1);
        if (close == kNpos) return kNpos;
        j = close + 1;
      } else {
        const size_t value_begin = j;
        while (j < end_ && !IsWhitespace(out_[j]) && out_[j] != '"' &&
               out_[j] != '\'' && out_[j] != '=' && out_[j] != '<' &&
               out_[j] != '>' && out_[j] != '`') {
          ++j;
        }
        if (j == value_begin) return kNpos;
      }
    }
  }

  // The end of "(destination "title")" starting at out_[p] == '(', or kNpos.
  size_t InlineDestinationEnd(size_t p) const {
    size_t j = SkipWhitespace(p + 1);
    if (j >= end_) return kNpos;
    if (out_[j] == '<') {
      ++j;
      while (j < end_ && out_[j] != '>' && out_[j] != '\n' && out_[j] != '<') {
        j += out_[j] == '\\' ? 2 : 1;
      }
      if (j >= end_ || out_[j] != '>') return kNpos;
      ++j;
    } else {
      int depth = 0;
      while (j < end_) {
        const char c = out_[j];
        if (c == '\\' && j + 1 < end_) {
          j += 2;
          continue;
        }
        if (IsWhitespace(c) || absl::ascii_iscntrl(c)) break;
        if (c == '(') {
          ++depth;
        } else if (c == ')') {
          if (depth == 0) break;
          --depth;
        }
        ++j;
      }
      if (depth != 0) return kNpos;
    }
    size_t k = SkipWhitespace(j);
    if (k < end_ && k > j &&
        (out_[k] == '"' || out_[k] == '\'' || out_[k] == '(')) {
      const char close = out_[k] == '(' ? ')' : out_[k];
      ++k;
      while (k < end_ && out_[k] != close) k += out_[k] == '\\' ? 2 : 1;
      if (k >= end_) return kNpos;
      k = SkipWhitespace(k + 1);
    }
    return k < end_ && out_[k] == ')' ? k + 1 : kNpos;
  }

  // Handles a '[' (for an image, the one after '!'). A link keeps its text and
  // loses the brackets and destination; an image goes entirely, since its alt
  // text is not prose; brackets that form no link are kept, because prose
  // uses them for attributions like "[Reuters]".
  size_t Bracket(size_t open, bool image) {
    const size_t start = image ? open - 1 : open;
    auto match = brackets_.find(open);
    if (match == brackets_.end()) return open + 1;
    const size_t close = match->second;
    const std::string_view text =
        std::string_view(out_).substr(open + 1, close - open - 1);
    if (!image && text.size() > 1 && text[0] == '^' &&
        std::none_of(text.begin(), text.end(), IsWhitespace)) {
      Blank(start, close + 1);  // footnote reference
      return close + 1;
    }
    const size_t after = close + 1;
    size_t link_end = kNpos;
    if (after < end_ && out_[after] == '(') {
      link_end = InlineDestinationEnd(after);
    }
    if (link_end == kNpos && after < end_ && out_[after] == '[') {
      auto reference = brackets_.find(after);
      if (reference != brackets_.end()) {
        std::string_view label = std::string_view(out_).substr(
            after + 1, reference->second - after - 1);
        if (NormalizeLabel(label).empty()) label = text;  // collapsed: [x][]
        if (Defined(label)) link_end = reference->second + 1;
      }
    }
    if (link_end == kNpos && Defined(text)) link_end = after;  // shortcut
    if (link_end == kNpos) return open + 1;
    if (image) {
      Blank(start, link_end);
      return link_end;
    }
    out_[open] = ' ';
    Blank(close, link_end);
    return open + 1;  // the link text is scanned like any other
  }

  // Records a run of '*', '_' or '~' with CommonMark's flanking rules, read
  // from the snapshot so that markup blanked meanwhile does not count as
  // white space.
  size_t DelimiterRun(size_t i) {
    const char ch = out_[i];
    size_t j = i;
    while (j < end_ && out_[j] == ch) ++j;
    const size_t length = j - i;
    if (ch == '~' && length > 2) return j;
    const char32_t before = CodePointBefore(snapshot_, i);
    const char32_t after = CodePointAt(snapshot_, j);
    const bool before_space = IsFlankingSpace(before);
    const bool after_space = IsFlankingSpace(after);
    const bool before_punct = IsUnicodePunct(before);
    const bool after_punct = IsUnicodePunct(after);
    const bool left =
        !after_space && (!after_punct || before_space || before_punct);
    const bool right =
        !before_space && (!before_punct || after_space || after_punct);
    Delimiter d{i, length, length, ch, left, right};
    if (ch == '_') {
      // snake_case_names keep their underscores.
      d.can_open = left && (!right || before_punct);
      d.can_close = right && (!left || after_punct);
    }
    delimiters_.push_back(d);
    return j;
  }

  // Pairs delimiter runs as CommonMark does, minus the rule of three: each
  // closer takes the nearest opener of its kind, and openers of other kinds
  // between them are dropped because emphasis must nest. One stack per kind
  // keeps this linear.
  void ProcessEmphasis() {
    std::vector<size_t> stacks[3];
    auto stack_for = [&](char ch) -> std::vector<size_t>& {
      return stacks[ch == '*' ? 0 : ch == '_' ? 1 : 2];
    };
    for (size_t k = 0; k < delimiters_.size(); ++k) {
      Delimiter& d = delimiters_[k];
      std::vector<size_t>& stack = stack_for(d.ch);
      while (d.can_close && d.remaining > 0 && !stack.empty()) {
        Delimiter& o = delimiters_[stack.back()];
        if (d.ch == '~' && o.length != d.length) break;
        const size_t n = std::min(o.remaining, d.remaining);
        Blank(o.pos + o.remaining - n, o.pos + o.remaining);
        const size_t used = d.length - d.remaining;
        Blank(d.pos + used, d.pos + used + n);
        o.remaining -= n;
        d.remaining -= n;
        for (std::vector<size_t>& other : stacks) {
          while (!other.empty() && delimiters_[other.back()].pos > o.pos) {
            other.pop_back();
          }
        }
        if (o.remaining == 0) stack.pop_back();
      }
      if (d.can_open && d.remaining > 0) stack.push_back(k);
    }
  }

  std::string& out_;
  std::string_view snapshot_;
  const std::unordered_set<std::string>& labels_;
  size_t begin_;
  size_t end_;
  std::vector<std::pair<size_t, size_t>> runs_;  // (length, offset)
  std::unordered_map<size_t, size_t> brackets_;  // '[' offset -> ']' offset
  std::vector<Delimiter> delimiters_;
  mutable std::vector<CachedSearch> searches_;
};

class MarkdownBlanker {
 public:
  explicit MarkdownBlanker(std::string_view markdown) : out_(markdown) {}

  std::string Run() {
    has_bom_ = out_.starts_with(kUtf8Bom);
    if (has_bom_) Blank(0, kUtf8Bom.size());
    SplitLines();
    FindFrontMatter();
    for (size_t k = 0; k < lines_.size(); ++k) ClassifyLine(k);
    // Flanking rules must see the text before any inline markup is blanked.
    const std::string snapshot = out_;
    std::vector<bool> join(lines_.size(), false);
    for (size_t k = 0; k + 1 < lines_.size(); ++k) {
      const Line& a = lines_[k];
      const Line& b = lines_[k + 1];
      // A prose line continues the paragraph above it, also lazily, without
      // the quote markers of the lines before.
      join[k] = Continuable(a.kind) && b.kind == LineKind::kParagraph &&
                (b.quote_depth == a.quote_depth || b.quote_depth == 0);
    }
    for (size_t k = 0; k < lines_.size(); ++k) {
      if (!HasInlineContent(lines_[k].kind)) continue;
      size_t last = k;
      while (join[last]) ++last;
      InlineBlanker(out_, snapshot, link_labels_, lines_[k].content,
                    lines_[last].end)
          .Run();
      k = last;
    }
    for (size_t k = 0; k < lines_.size(); ++k) {
      if (join[k]) out_[lines_[k].newline] = ' ';
    }
    std::replace(out_.begin(), out_.end(), '\r', ' ');
    return std::move(out_);
  }

 private:
  struct Fence {
    char ch = 0;
    size_t length = 0;
    int quote_depth = 0;
  };

  void Blank(size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) {
      if (out_[k] != '\n') out_[k] = ' ';
    }
  }

  size_t SkipSpaces(size_t i, size_t end) const {
    while (i < end && IsSpaceOrTab(out_[i])) ++i;
    return i;
  }

  std::string_view View(size_t b, size_t e) const {
    return std::string_view(out_).substr(b, e - b);
  }

  void SplitLines() {
    size_t pos = 0;
    while (pos < out_.size()) {
      Line line;
      line.begin = pos;
      line.newline = out_.find('\n', pos);
      line.end = line.newline == kNpos ? out_.size() : line.newline;
      if (line.end > line.begin && out_[line.end - 1] == '\r') --line.end;
      line.content = line.begin;
      lines_.push_back(line);
      if (line.newline == kNpos) break;
      pos = line.newline + 1;
    }
  }

  // YAML (---) or TOML (+++) front matter, only at the very start. Without a
  // closing line it is not front matter but a thematic break and prose.
  void FindFrontMatter() {
    if (lines_.empty()) return;
    const std::string_view first =
        TrimRight(View(has_bom_ ? kUtf8Bom.size() : 0, lines_[0].end));
    if (first != "---" && first != "+++") return;
    for (size_t k = 1; k < lines_.size(); ++k) {
      const std::string_view t =
          TrimRight(View(lines_[k].begin, lines_[k].end));
      if (t == first || (first == "---" && t == "...")) {
        front_matter_lines_ = k + 1;
        return;
      }
    }
  }

  bool IsThematicBreak(size_t q, size_t end) const {
    const char c = out_[q];
    if (c != '-' && c != '*' && c != '_') return false;
    size_t count = 0;
    for (size_t i = q; i < end; ++i) {
      if (out_[i] == c) {
        ++count;
      } else if (!IsSpaceOrTab(out_[i])) {
        return false;
      }
    }
    return count >= 3;
  }

  bool IsSetextUnderline(size_t q, size_t end) const {
    const char c = out_[q];
    if (c != '=' && c != '-') return false;
    size_t i = q;
    while (i < end && out_[i] == c) ++i;
    return SkipSpaces(i, end) == end;
  }

  // A fence opener: three or more backticks (with no backtick in the info
  // string) or tildes.
  bool IsFenceOpen(size_t q, size_t end, Fence* fence) const {
    const char c = out_[q];
    if (c != '`' && c != '~') return false;
    size_t i = q;
    while (i < end && out_[i] == c) ++i;
    if (i - q < 3) return false;
    if (c == '`' && View(i, end).find('`') != kNpos) return false;
    fence->ch = c;
    fence->length = i - q;
    return true;
  }

  bool IsFenceClose(size_t p, size_t end) const {
    const size_t q = SkipSpaces(p, end);
    size_t i = q;
    while (i < end && out_[i] == fence_.ch) ++i;
    return i - q >= fence_.length && SkipSpaces(i, end) == end;
  }

  // The end of a list marker at q, or kNpos. An ordered marker other than
  // "1." may not interrupt a paragraph, so that prose wrapped before "2016.
  // was a record year" stays prose.
  size_t ListMarkerEnd(size_t q, size_t end, LineKind previous) const {
    const char c = out_[q];
    if (c == '-' || c == '+' || c == '*') {
      if (q + 1 == end) return Continuable(previous) ? kNpos : q + 1;
      return IsSpaceOrTab(out_[q + 1]) ? q + 1 : kNpos;
    }
    size_t i = q;
    while (i < end && i - q < 10 && absl::ascii_isdigit(out_[i])) ++i;
    if (i == q || i - q > 9 || i == end) return kNpos;
    if (out_[i] != '.' && out_[i] != ')') return kNpos;
    if (i + 1 < end && !IsSpaceOrTab(out_[i + 1])) return kNpos;
    const bool starts_at_one =
        View(q, i).find_first_not_of('0') == i - q - 1 && out_[i - 1] == '1';
    if (Continuable(previous) && !in_list_ && !starts_at_one) return kNpos;
    return i + 1;
  }

  // The lower-cased tag name of "<name" or "</name" at q, if it ends where a
  // tag name may end.
  std::string HtmlTagName(size_t q, size_t end) const {
    size_t i = q + 1;
    if (i < end && out_[i] == '/') ++i;
    const size_t name_begin = i;
    if (i >= end || !absl::ascii_isalpha(out_[i])) return "";
    while (i < end && absl::ascii_isalnum(out_[i])) ++i;
    if (i < end && !IsSpaceOrTab(out_[i]) && out_[i] != '>' && out_[i] != '/') {
      return "";
    }
    return ToLower(View(name_begin, i));
  }

  // What follows an HTML comment block's "-->" on its line is an HTML block
  // line if there is anything.
  void AfterComment(Line& line, size_t after) {
    if (SkipSpaces(after, line.end) == line.end) {
      line.kind = LineKind::kMarkup;
    } else {
      line.kind = LineKind::kHtmlBlock;
      line.content = after;
    }
  }

  // Reads the next line's content after its quote markers, without changing
  // anything, to spot a table's delimiter row.
  std::string_view PeekInner(size_t k) const {
    const Line& line = lines_[k];
    size_t p = line.begin;
    while (true) {
      const size_t q = SkipSpaces(p, line.end);
      if (q < line.end && out_[q] == '>') {
        p = q + 1;
      } else {
        return View(q, line.end);
      }
    }
  }

  static bool IsDelimiterRow(std::string_view row) {
    row = TrimRight(row);
    if (row.find('|') == kNpos || row.find('-') == kNpos) return false;
    size_t cells = 0;
    size_t start = 0;
    while (start <= row.size()) {
      size_t bar = row.find('|', start);
      if (bar == kNpos) bar = row.size();
      std::string_view cell = row.substr(start, bar - start);
      while (!cell.empty() && IsSpaceOrTab(cell.front())) cell.remove_prefix(1);
      while (!cell.empty() && IsSpaceOrTab(cell.back())) cell.remove_suffix(1);
      if (!cell.empty()) {
        if (cell.front() == ':') cell.remove_prefix(1);
        if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
        if (cell.empty() || cell.find_first_not_of('-') != kNpos) return false;
        ++cells;
      } else if (start != 0 && bar != row.size()) {
        return false;  // an empty cell in the middle
      }
      start = bar + 1;
    }
    return cells > 0;
  }

  // Decides what line k is and blanks its block markup.
  void ClassifyLine(size_t k) {
    Line& line = lines_[k];
    const LineKind previous = k > 0 ? lines_[k - 1].kind : LineKind::kBlank;
    if (k < front_matter_lines_) {
      Blank(line.begin, line.end);
      line.kind = LineKind::kMarkup;
      return;
    }
    if (in_comment_) {
      const size_t close = View(0, line.end).find("-->", line.begin);
      if (close == kNpos) {
        Blank(line.begin, line.end);
        line.kind = LineKind::kMarkup;
        return;
      }
      in_comment_ = false;
      Blank(line.begin, close + 3);
      AfterComment(line, close + 3);
      return;
    }
    if (!raw_close_.empty()) {
      if (FindIgnoreCase(out_, raw_close_, line.begin, line.end) != kNpos) {
        raw_close_.clear();
      }
      Blank(line.begin, line.end);
      line.kind = LineKind::kMarkup;
      return;
    }

    size_t p = line.begin;
    int depth = 0;
    while (true) {
      const size_t q = SkipSpaces(p, line.end);
      if (q >= line.end || out_[q] != '>') break;
      out_[q] = ' ';
      p = q + 1;
      ++depth;
    }
    line.quote_depth = depth;

    if (in_fence_ && depth < fence_.quote_depth) in_fence_ = false;
    if (in_fence_) {
      if (IsFenceClose(p, line.end)) in_fence_ = false;
      Blank(line.begin, line.end);
      line.kind = LineKind::kMarkup;
      return;
    }

    const size_t end = line.end;
    size_t q = SkipSpaces(p, end);
    if (q == end) {
      line.kind = LineKind::kBlank;
      in_table_ = false;
      return;
    }
    const bool indented = q > p;

    if (in_table_) {
      if (View(q, end).find('|') != kNpos) {
        if (IsDelimiterRow(View(q, end))) {
          Blank(q, end);
          line.kind = LineKind::kMarkup;
        } else {
          line.kind = LineKind::kTableRow;
          line.content = q;
        }
        return;
      }
      in_table_ = false;
    }

    if (Continuable(previous) && IsSetextUnderline(q, end)) {
      Blank(q, end);
      line.kind = LineKind::kMarkup;
      return;
    }
    if (IsThematicBreak(q, end)) {
      Blank(q, end);
      line.kind = LineKind::kMarkup;
      in_list_ = false;
      return;
    }

    const size_t marker_end = ListMarkerEnd(q, end, previous);
    const bool list_item = marker_end != kNpos;
    if (list_item) {
      Blank(q, marker_end);
      in_list_ = true;
      q = SkipSpaces(marker_end, end);
      // A task list checkbox is markup too.
      if (q + 3 <= end && out_[q] == '[' && out_[q + 2] == ']' &&
          (out_[q + 1] == ' ' || out_[q + 1] == 'x' || out_[q + 1] == 'X') &&
          (q + 3 == end || IsSpaceOrTab(out_[q + 3]))) {
        Blank(q, q + 3);
        q = SkipSpaces(q + 3, end);
      }
    } else if (previous == LineKind::kBlank && !indented) {
      in_list_ = false;
    }
    line.content = q;
    line.kind = list_item ? LineKind::kListItem : LineKind::kParagraph;
    if (q == end) return;

    if (IsFenceOpen(q, end, &fence_)) {
      fence_.quote_depth = depth;
      in_fence_ = true;
      Blank(line.begin, line.end);
      line.kind = LineKind::kMarkup;
      return;
    }

    if (out_[q] == '#') {
      size_t i = q;
      while (i < end && out_[i] == '#') ++i;
      if (i - q <= 6 && (i == end || IsSpaceOrTab(out_[i]))) {
        Blank(q, i);
        // An optional closing sequence: " ##" at the end of the line.
        const std::string_view body = TrimRight(View(i, end));
        size_t close = i + body.size();
        while (close > i && out_[close - 1] == '#') --close;
        if (close == i || IsSpaceOrTab(out_[close - 1])) {
          Blank(close, i + body.size());
        }
        line.kind = LineKind::kHeading;
        line.content = i;
        return;
      }
    }

    if (out_[q] == '<') {
      if (View(q, end).starts_with("<!--")) {
        const size_t close = View(0, end).find("-->", q + 2);
        if (close == kNpos) {
          in_comment_ = true;
          Blank(q, end);
          line.kind = LineKind::kMarkup;
        } else {
          Blank(q, close + 3);
          AfterComment(line, close + 3);
        }
        return;
      }
      const std::string tag = HtmlTagName(q, end);
      if (!tag.empty() && out_[q + 1] != '/' &&
          std::find(std::begin(kRawHtmlBlockTags), std::end(kRawHtmlBlockTags),
                    tag) != std::end(kRawHtmlBlockTags)) {
        const std::string closing = "</" + tag;
        if (FindIgnoreCase(out_, closing, q + 1, end) == kNpos) {
          raw_close_ = closing;
        }
        Blank(line.begin, line.end);
        line.kind = LineKind::kMarkup;
        return;
      }
      if (std::binary_search(std::begin(kHtmlBlockTags),
                             std::end(kHtmlBlockTags), tag)) {
        line.kind = LineKind::kHtmlBlock;
        return;
      }
    }

    if (out_[q] == '[') {
      const size_t close = View(0, end).find(']', q + 1);
      if (close != kNpos && close > q + 1 && close + 1 < end &&
          out_[close + 1] == ':') {
        if (out_[q + 1] == '^') {
          // Footnote definition: the marker goes, the note is prose.
          Blank(q, close + 2);
          line.kind = LineKind::kFootnote;
          line.content = SkipSpaces(close + 2, end);
          return;
        }
        // A link reference definition cannot interrupt a paragraph.
        if (!Continuable(previous) && SkipSpaces(close + 2, end) < end &&
            View(q + 1, close).find('[') == kNpos) {
          link_labels_.insert(NormalizeLabel(View(q + 1, close)));
          Blank(line.begin, line.end);
          line.kind = LineKind::kMarkup;
          return;
        }
      }
    }

    if (!list_item && View(q, end).find('|') != kNpos) {
      if (k + 1 < lines_.size() && IsDelimiterRow(PeekInner(k + 1))) {
        in_table_ = true;
        line.kind = LineKind::kTableRow;
        return;
      }
      if (out_[q] == '|') {
        line.kind = LineKind::kTableRow;
        return;
      }
    }
  }

  std::string out_;
  bool has_bom_ = false;
  std::vector<Line> lines_;
  std::unordered_set<std::string> link_labels_;
  size_t front_matter_lines_ = 0;
  bool in_comment_ = false;
  std::string raw_close_;  // "</script" and the like while inside one
  bool in_fence_ = false;
  Fence fence_;
  bool in_table_ = false;
  bool in_list_ = false;
};

}  // namespace

std::string MarkdownToText(std::string_view markdown) {
  return MarkdownBlanker(markdown).Run();
}

}  // namespace provcheck
