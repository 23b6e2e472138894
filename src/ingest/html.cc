#include "ingest/html.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "ingest/utf8.h"

namespace provcheck {
namespace {

struct NamedReference {
  std::string_view name;
  char32_t code_point;
};

// The HTML 4 set plus the HTML5 names that news sites actually use (quotes,
// dashes, spaces, Central European letters). Sorted bytewise for lookup.
constexpr NamedReference kNamedReferences[] = {
    {"AElig", 0x00C6},   {"AMP", 0x0026},
    {"Aacute", 0x00C1},  {"Abreve", 0x0102},
    {"Acirc", 0x00C2},   {"Agrave", 0x00C0},
    {"Alpha", 0x0391},   {"Aogon", 0x0104},
    {"Aring", 0x00C5},   {"Atilde", 0x00C3},
    {"Auml", 0x00C4},    {"Beta", 0x0392},
    {"COPY", 0x00A9},    {"Cacute", 0x0106},
    {"Ccaron", 0x010C},  {"Ccedil", 0x00C7},
    {"Chi", 0x03A7},     {"Dagger", 0x2021},
    {"Dcaron", 0x010E},  {"Delta", 0x0394},
    {"ETH", 0x00D0},     {"Eacute", 0x00C9},
    {"Ecaron", 0x011A},  {"Ecirc", 0x00CA},
    {"Egrave", 0x00C8},  {"Eogon", 0x0118},
    {"Epsilon", 0x0395}, {"Eta", 0x0397},
    {"Euml", 0x00CB},    {"GT", 0x003E},
    {"Gamma", 0x0393},   {"Gbreve", 0x011E},
    {"Hat", 0x005E},     {"Iacute", 0x00CD},
    {"Icirc", 0x00CE},   {"Idot", 0x0130},
    {"Igrave", 0x00CC},  {"Iota", 0x0399},
    {"Iuml", 0x00CF},    {"Kappa", 0x039A},
    {"LT", 0x003C},      {"Lambda", 0x039B},
    {"Lstrok", 0x0141},  {"MediumSpace", 0x205F},
    {"Mu", 0x039C},      {"Nacute", 0x0143},
    {"Ncaron", 0x0147},  {"NewLine", 0x000A},
    {"NoBreak", 0x2060}, {"Ntilde", 0x00D1},
    {"Nu", 0x039D},      {"OElig", 0x0152},
    {"Oacute", 0x00D3},  {"Ocirc", 0x00D4},
    {"Odblac", 0x0150},  {"Ograve", 0x00D2},
    {"Omega", 0x03A9},   {"Omicron", 0x039F},
    {"Oslash", 0x00D8},  {"Otilde", 0x00D5},
    {"Ouml", 0x00D6},    {"Phi", 0x03A6},
    {"Pi", 0x03A0},      {"Prime", 0x2033},
    {"Psi", 0x03A8},     {"QUOT", 0x0022},
    {"REG", 0x00AE},     {"Rcaron", 0x0158},
    {"Rho", 0x03A1},     {"Sacute", 0x015A},
    {"Scaron", 0x0160},  {"Scedil", 0x015E},
    {"Sigma", 0x03A3},   {"THORN", 0x00DE},
    {"TRADE", 0x2122},   {"Tab", 0x0009},
    {"Tau", 0x03A4},     {"Tcaron", 0x0164},
    {"Tcedil", 0x0162},  {"Theta", 0x0398},
    {"Uacute", 0x00DA},  {"Ucirc", 0x00DB},
    {"Udblac", 0x0170},  {"Ugrave", 0x00D9},
    {"Upsilon", 0x03A5}, {"Uring", 0x016E},
    {"Uuml", 0x00DC},    {"Xi", 0x039E},
    {"Yacute", 0x00DD},  {"Yuml", 0x0178},
    {"Zacute", 0x0179},  {"Zcaron", 0x017D},
    {"Zdot", 0x017B},    {"ZeroWidthSpace", 0x200B},
    {"Zeta", 0x0396},    {"aacute", 0x00E1},
    {"abreve", 0x0103},  {"acirc", 0x00E2},
    {"acute", 0x00B4},   {"aelig", 0x00E6},
    {"agrave", 0x00E0},  {"alefsym", 0x2135},
    {"alpha", 0x03B1},   {"amp", 0x0026},
    {"and", 0x2227},     {"ang", 0x2220},
    {"angle", 0x2220},   {"aogon", 0x0105},
    {"apos", 0x0027},    {"aring", 0x00E5},
    {"ast", 0x002A},     {"asymp", 0x2248},
    {"atilde", 0x00E3},  {"auml", 0x00E4},
    {"bdquo", 0x201E},   {"beta", 0x03B2},
    {"brvbar", 0x00A6},  {"bsol", 0x005C},
    {"bull", 0x2022},    {"bullet", 0x2022},
    {"cacute", 0x0107},  {"cap", 0x2229},
    {"caret", 0x2041},   {"ccaron", 0x010D},
    {"ccedil", 0x00E7},  {"cedil", 0x00B8},
    {"cent", 0x00A2},    {"centerdot", 0x00B7},
    {"check", 0x2713},   {"chi", 0x03C7},
    {"circ", 0x02C6},    {"clubs", 0x2663},
    {"colon", 0x003A},   {"comma", 0x002C},
    {"commat", 0x0040},  {"cong", 0x2245},
    {"copy", 0x00A9},    {"crarr", 0x21B5},
    {"cross", 0x2717},   {"cup", 0x222A},
    {"curren", 0x00A4},  {"dArr", 0x21D3},
    {"dagger", 0x2020},  {"darr", 0x2193},
    {"dash", 0x2010},    {"dcaron", 0x010F},
    {"deg", 0x00B0},     {"delta", 0x03B4},
    {"diams", 0x2666},   {"div", 0x00F7},
    {"divide", 0x00F7},  {"dollar", 0x0024},
    {"eacute", 0x00E9},  {"ecaron", 0x011B},
    {"ecirc", 0x00EA},   {"egrave", 0x00E8},
    {"empty", 0x2205},   {"emsp", 0x2003},
    {"emsp13", 0x2004},  {"emsp14", 0x2005},
    {"ensp", 0x2002},    {"eogon", 0x0119},
    {"epsilon", 0x03B5}, {"equals", 0x003D},
    {"equiv", 0x2261},   {"eta", 0x03B7},
    {"eth", 0x00F0},     {"euml", 0x00EB},
    {"euro", 0x20AC},    {"excl", 0x0021},
    {"exist", 0x2203},   {"fnof", 0x0192},
    {"forall", 0x2200},  {"frac12", 0x00BD},
    {"frac13", 0x2153},  {"frac14", 0x00BC},
    {"frac15", 0x2155},  {"frac18", 0x215B},
    {"frac23", 0x2154},  {"frac34", 0x00BE},
    {"frac38", 0x215C},  {"frac58", 0x215D},
    {"frac78", 0x215E},  {"frasl", 0x2044},
    {"gamma", 0x03B3},   {"gbreve", 0x011F},
    {"ge", 0x2265},      {"grave", 0x0060},
    {"gt", 0x003E},      {"hArr", 0x21D4},
    {"hairsp", 0x200A},  {"half", 0x00BD},
    {"harr", 0x2194},    {"hearts", 0x2665},
    {"hellip", 0x2026},  {"horbar", 0x2015},
    {"hyphen", 0x2010},  {"iacute", 0x00ED},
    {"icirc", 0x00EE},   {"iexcl", 0x00A1},
    {"igrave", 0x00EC},  {"image", 0x2111},
    {"imath", 0x0131},   {"infin", 0x221E},
    {"int", 0x222B},     {"iota", 0x03B9},
    {"iquest", 0x00BF},  {"isin", 0x2208},
    {"iuml", 0x00EF},    {"kappa", 0x03BA},
    {"lArr", 0x21D0},    {"lambda", 0x03BB},
    {"lang", 0x27E8},    {"laquo", 0x00AB},
    {"larr", 0x2190},    {"lceil", 0x2308},
    {"lcub", 0x007B},    {"ldquo", 0x201C},
    {"ldquor", 0x201E},  {"le", 0x2264},
    {"lfloor", 0x230A},  {"lowast", 0x2217},
    {"lowbar", 0x005F},  {"loz", 0x25CA},
    {"lpar", 0x0028},    {"lrm", 0x200E},
    {"lsaquo", 0x2039},  {"lsqb", 0x005B},
    {"lsquo", 0x2018},   {"lsquor", 0x201A},
    {"lstrok", 0x0142},  {"lt", 0x003C},
    {"macr", 0x00AF},    {"mdash", 0x2014},
    {"micro", 0x00B5},   {"middot", 0x00B7},
    {"minus", 0x2212},   {"mldr", 0x2026},
    {"mu", 0x03BC},      {"nabla", 0x2207},
    {"nacute", 0x0144},  {"nbsp", 0x00A0},
    {"ncaron", 0x0148},  {"ndash", 0x2013},
    {"ne", 0x2260},      {"ni", 0x220B},
    {"nldr", 0x2025},    {"not", 0x00AC},
    {"notin", 0x2209},   {"nsub", 0x2284},
    {"ntilde", 0x00F1},  {"nu", 0x03BD},
    {"num", 0x0023},     {"numsp", 0x2007},
    {"oacute", 0x00F3},  {"ocirc", 0x00F4},
    {"odblac", 0x0151},  {"oelig", 0x0153},
    {"ograve", 0x00F2},  {"oline", 0x203E},
    {"omega", 0x03C9},   {"omicron", 0x03BF},
    {"oplus", 0x2295},   {"or", 0x2228},
    {"ordf", 0x00AA},    {"ordm", 0x00BA},
    {"oslash", 0x00F8},  {"otilde", 0x00F5},
    {"otimes", 0x2297},  {"ouml", 0x00F6},
    {"para", 0x00B6},    {"part", 0x2202},
    {"percnt", 0x0025},  {"period", 0x002E},
    {"permil", 0x2030},  {"perp", 0x22A5},
    {"phi", 0x03C6},     {"pi", 0x03C0},
    {"piv", 0x03D6},     {"plus", 0x002B},
    {"plusmn", 0x00B1},  {"pm", 0x00B1},
    {"pound", 0x00A3},   {"prime", 0x2032},
    {"prod", 0x220F},    {"prop", 0x221D},
    {"psi", 0x03C8},     {"puncsp", 0x2008},
    {"quest", 0x003F},   {"quot", 0x0022},
    {"rArr", 0x21D2},    {"radic", 0x221A},
    {"rang", 0x27E9},    {"raquo", 0x00BB},
    {"rarr", 0x2192},    {"rcaron", 0x0159},
    {"rceil", 0x2309},   {"rcub", 0x007D},
    {"rdquo", 0x201D},   {"rdquor", 0x201D},
    {"real", 0x211C},    {"reg", 0x00AE},
    {"rfloor", 0x230B},  {"rho", 0x03C1},
    {"rlm", 0x200F},     {"rpar", 0x0029},
    {"rsaquo", 0x203A},  {"rsqb", 0x005D},
    {"rsquo", 0x2019},   {"rsquor", 0x2019},
    {"sacute", 0x015B},  {"sbquo", 0x201A},
    {"scaron", 0x0161},  {"scedil", 0x015F},
    {"sdot", 0x22C5},    {"sect", 0x00A7},
    {"semi", 0x003B},    {"shy", 0x00AD},
    {"sigma", 0x03C3},   {"sigmaf", 0x03C2},
    {"sim", 0x223C},     {"sol", 0x002F},
    {"spades", 0x2660},  {"star", 0x2606},
    {"starf", 0x2605},   {"sub", 0x2282},
    {"sube", 0x2286},    {"sum", 0x2211},
    {"sup", 0x2283},     {"sup1", 0x00B9},
    {"sup2", 0x00B2},    {"sup3", 0x00B3},
    {"supe", 0x2287},    {"szlig", 0x00DF},
    {"tau", 0x03C4},     {"tcaron", 0x0165},
    {"tcedil", 0x0163},  {"there4", 0x2234},
    {"theta", 0x03B8},   {"thetasym", 0x03D1},
    {"thinsp", 0x2009},  {"thorn", 0x00FE},
    {"tilde", 0x02DC},   {"times", 0x00D7},
    {"trade", 0x2122},   {"uArr", 0x21D1},
    {"uacute", 0x00FA},  {"uarr", 0x2191},
    {"ucirc", 0x00FB},   {"udblac", 0x0171},
    {"ugrave", 0x00F9},  {"uml", 0x00A8},
    {"upsih", 0x03D2},   {"upsilon", 0x03C5},
    {"uring", 0x016F},   {"uuml", 0x00FC},
    {"verbar", 0x007C},  {"vert", 0x007C},
    {"weierp", 0x2118},  {"xi", 0x03BE},
    {"yacute", 0x00FD},  {"yen", 0x00A5},
    {"yuml", 0x00FF},    {"zacute", 0x017A},
    {"zcaron", 0x017E},  {"zdot", 0x017C},
    {"zeta", 0x03B6},    {"zwj", 0x200D},
    {"zwnj", 0x200C},
};

constexpr bool NameLess(const NamedReference& a, const NamedReference& b) {
  return a.name < b.name;
}
static_assert(std::is_sorted(std::begin(kNamedReferences),
                             std::end(kNamedReferences), NameLess));

// Numeric references to 0x80-0x9F mean Windows-1252, as in browsers; old CMS
// output writes &#146; for a right single quote.
constexpr char32_t kWindows1252[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Elements whose content is not parsed as markup and is not prose.
constexpr std::string_view kRawTextDropped[] = {
    "iframe", "noembed", "noframes", "noscript",
    "script", "style",   "textarea", "xmp"};

// Elements whose content is markup but not prose; they may nest. A
// <select>'s options are a form's choices (archive months, categories,
// languages), never shown together: kept, they ran into one long line that
// read as the page's longest paragraph, and so hid the widget around it
// from the furniture test.
constexpr std::string_view kNestedDropped[] = {"datalist", "math", "select",
                                               "svg", "template"};

// Elements that begin and end a line of analysis text. td and th are handled
// apart: they separate cells within the row's line.
constexpr std::string_view kBlockElements[] = {
    "address", "article", "aside",    "blockquote", "body",   "br",
    "caption", "center",  "dd",       "details",    "dialog", "div",
    "dl",      "dt",      "fieldset", "figcaption", "figure", "footer",
    "form",    "h1",      "h2",       "h3",         "h4",     "h5",
    "h6",      "head",    "header",   "hgroup",     "hr",     "html",
    "legend",  "li",      "main",     "menu",       "nav",    "ol",
    "p",       "pre",     "section",  "summary",    "table",  "tbody",
    "tfoot",   "thead",   "tr",       "ul"};

static_assert(std::is_sorted(std::begin(kRawTextDropped),
                             std::end(kRawTextDropped)));
static_assert(std::is_sorted(std::begin(kNestedDropped),
                             std::end(kNestedDropped)));
static_assert(std::is_sorted(std::begin(kBlockElements),
                             std::end(kBlockElements)));

// A line shorter than this is a heading, a label or a menu item, not a
// paragraph of the page's prose.
constexpr int kMinProseChars = 100;

// Elements that never hold content, so no end tag closes them.
constexpr std::string_view kVoidElements[] = {
    "area",   "base", "br",   "col",   "embed",  "hr",    "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr"};

// Elements that are page furniture. <header> is not among them: inside an
// <article> or <main> it holds the headline and byline; nor is <footer>
// there (FurnitureOf).
constexpr std::string_view kFurnitureElements[] = {"aside", "footer", "form",
                                                   "menu", "nav"};

// ARIA landmark roles of furniture.
constexpr std::string_view kFurnitureRoles[] = {
    "banner",  "complementary", "contentinfo", "menu",
    "menubar", "navigation",    "search"};

// Words of a class or id that name furniture, matched as a word or a word's
// start ("sidebar-widget", "shareButtons", "relatedPosts", "navbar"). The
// vocabulary is the one Readability, trafilatura and jusText use; it lives
// here beside the element lists because it describes how pages are marked
// up, not how news is written, and ingest reads it before any rule pack is
// loaded.
constexpr std::string_view kFurnitureWords[] = {
    "advert",     "breadcrumb", "comment",  "consent",   "cookie",  "copyright",
    "disqus",     "gdpr",       "masthead", "menu",      "modal",   "nav",
    "newsletter", "outbrain",   "paginat",  "popular",   "popup",   "promo",
    "recommend",  "related",    "share",    "sharing",   "sidebar", "signup",
    "skyscraper", "social",     "sponsor",  "subscribe", "taboola", "trending",
    "widget"};

// Whole words only: as prefixes these would catch "adjust", "ctas",
// "railway", "tagline".
constexpr std::string_view kFurnitureWholeWords[] = {
    "ad",   "ads", "cta",  "login", "pager",
    "rail", "rss", "skip", "tags",  "toolbar"};

// Position words: furniture only when no word of the element says it
// belongs to the content ("article-footer" may hold the last paragraph,
// "entry-header" the headline, "article-teaser" the standfirst).
constexpr std::string_view kPositionWords[] = {"banner", "footer", "header",
                                               "teaser", "topbar"};
constexpr std::string_view kContentWords[] = {
    "article", "body", "content", "entry", "main", "post", "story", "text"};

static_assert(std::is_sorted(std::begin(kVoidElements),
                             std::end(kVoidElements)));
static_assert(std::is_sorted(std::begin(kFurnitureElements),
                             std::end(kFurnitureElements)));
static_assert(std::is_sorted(std::begin(kFurnitureRoles),
                             std::end(kFurnitureRoles)));
static_assert(std::is_sorted(std::begin(kFurnitureWords),
                             std::end(kFurnitureWords)));
static_assert(std::is_sorted(std::begin(kFurnitureWholeWords),
                             std::end(kFurnitureWholeWords)));
static_assert(std::is_sorted(std::begin(kPositionWords),
                             std::end(kPositionWords)));
static_assert(std::is_sorted(std::begin(kContentWords),
                             std::end(kContentWords)));

template <size_t N>
bool Contains(const std::string_view (&set)[N], std::string_view name) {
  return std::binary_search(std::begin(set), std::end(set), name);
}

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

bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool IsAsciiAlpha(char c) { return absl::ascii_isalpha(c); }

// Code points that read as a word break: they collapse like spaces, so that
// "10&nbsp;percent" is matched by rules written with a plain space.
bool IsSpaceLike(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         IsUnicodeSpace(cp);
}

// Invisible formatting characters. Dropping them keeps words whole
// ("fact&shy;check" is "factcheck" to a reader and to a rule).
bool IsInvisible(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
         cp == 0xFEFF;
}

size_t EncodeUtf8(char32_t cp, char* buf) {
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  buf[0] = static_cast<char>(0xF0 | (cp >> 18));
  buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

char32_t LookupNamed(std::string_view name) {
  auto it = std::lower_bound(
      std::begin(kNamedReferences), std::end(kNamedReferences), name,
      [](const NamedReference& r, std::string_view n) { return r.name < n; });
  if (it == std::end(kNamedReferences) || it->name != name) return 0;
  return it->code_point;
}

char32_t SanitizeNumeric(char32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0xFFFD;
  }
  if (value >= 0x80 && value <= 0x9F) return kWindows1252[value - 0x80];
  return value;
}

// Decodes the character reference at html[pos] == '&'. Returns the number of
// bytes it spans, or 0 when there is none and the '&' is literal.
size_t DecodeReference(std::string_view html, size_t pos, char32_t* cp) {
  size_t i = pos + 1;
  if (i < html.size() && html[i] == '#') {
    ++i;
    const bool hex = i < html.size() && (html[i] == 'x' || html[i] == 'X');
    if (hex) ++i;
    const size_t digits_begin = i;
    char32_t value = 0;
    for (; i < html.size(); ++i) {
      const char c = html[i];
      int digit;
      if (c >= '0' && c <= '9') {
        digit = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        break;
      }
      // Saturate instead of overflowing; anything this big is invalid.
      if (value <= 0x10FFFF) value = value * (hex ? 16 : 10) + digit;
    }
    if (i == digits_begin) return 0;
    if (i < html.size() && html[i] == ';') ++i;
    *cp = SanitizeNumeric(value);
    return i - pos;
  }
  const size_t name_begin = i;
  while (i < html.size() && i - name_begin <= 32 &&
         absl::ascii_isalnum(html[i])) {
    ++i;
  }
  if (i == name_begin || i - name_begin > 32) return 0;
  const std::string_view name = html.substr(name_begin, i - name_begin);
  const char32_t value = LookupNamed(name);
  if (value == 0) return 0;
  if (i < html.size() && html[i] == ';') {
    *cp = value;
    return i + 1 - pos;
  }
  // Browsers still accept the Latin-1 names without a semicolon ("&copy 2024",
  // "&amp" in old pages); newer names need it.
  if (value <= 0xFF && name != "apos") {
    *cp = value;
    return i - pos;
  }
  return 0;
}

// Splits a class or id token into lower-case words at punctuation and at
// camelCase humps: "relatedPosts__item" -> related, posts, item. The words
// are views into `lowered`; both are the caller's, so that a page's
// thousands of start tags reuse one buffer.
void NameWords(std::string_view token, std::string& lowered,
               std::vector<std::string_view>& words) {
  lowered.assign(token);
  for (char& c : lowered) c = absl::ascii_tolower(c);
  words.clear();
  size_t begin = std::string_view::npos;
  for (size_t i = 0; i <= token.size(); ++i) {
    const bool word_char = i < token.size() && absl::ascii_isalnum(token[i]);
    const bool hump = word_char && begin != std::string_view::npos &&
                      absl::ascii_isupper(token[i]) &&
                      absl::ascii_islower(token[i - 1]);
    if (begin != std::string_view::npos && (!word_char || hump)) {
      words.push_back(std::string_view(lowered).substr(begin, i - begin));
      begin = std::string_view::npos;
    }
    if (word_char && begin == std::string_view::npos) begin = i;
  }
}

bool IsFurnitureWord(std::string_view word) {
  if (Contains(kFurnitureWholeWords, word)) return true;
  // An opinion section's "commentary" is the article, not its comments.
  if (word.starts_with("commentar")) return false;
  auto it = std::upper_bound(std::begin(kFurnitureWords),
                             std::end(kFurnitureWords), word);
  return it != std::begin(kFurnitureWords) && word.starts_with(*(it - 1));
}

// Calls fn(token) for each white-space separated token of a class or id.
template <typename Fn>
void ForEachToken(std::string_view value, Fn fn) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && IsHtmlSpace(value[i])) ++i;
    const size_t begin = i;
    while (i < value.size() && !IsHtmlSpace(value[i])) ++i;
    if (i > begin) fn(value.substr(begin, i - begin));
  }
}

// The attributes of a start tag that place an element in the page.
struct Attributes {
  std::string_view class_name;
  std::string_view id;
  std::string role;  // lower-cased
  std::string_view itemprop;
};

// Why an element's class or id marks it as furniture ("class 'share-bar'"),
// or "" when they do not.
std::string FurnitureByName(const Attributes& attributes) {
  bool content = false;
  bool embedded = false;
  std::string strong, positional;
  std::string lowered;
  std::vector<std::string_view> words;
  auto scan = [&](std::string_view label, std::string_view value) {
    ForEachToken(value, [&](std::string_view token) {
      // WordPress and others tag an article wrapper with its taxonomy
      // ("category-social-media", "tag-cookies"): that names the subject.
      if (token.starts_with("category-") || token.starts_with("tag-")) {
        return;
      }
      NameWords(token, lowered, words);
      // "no-share", "has-sidebar", "with-comments" describe what the
      // element lacks or holds, and a wrapper that holds a sidebar holds
      // the article too.
      if (!words.empty() && (words[0] == "no" || words[0] == "has" ||
                             words[0] == "with" || words[0] == "without")) {
        return;
      }
      // Page builders (Elementor) call every block of a page, the article
      // text included, a "widget".
      const bool builder = !words.empty() && words[0] == "elementor";
      for (std::string_view word : words) {
        if (builder && word == "widget") continue;
        // An embedded post ("social-media-embed") is quoted content: for a
        // provenance check, a cited source.
        if (word.starts_with("embed")) embedded = true;
        if (Contains(kContentWords, word)) content = true;
        std::string* why = IsFurnitureWord(word)            ? &strong
                           : Contains(kPositionWords, word) ? &positional
                                                            : nullptr;
        if (why != nullptr && why->empty()) {
          *why = std::string(label) + " '" + std::string(token) + "'";
        }
      }
    });
  };
  scan("class", attributes.class_name);
  scan("id", attributes.id);
  if (embedded) return std::string();
  if (!strong.empty()) return strong;
  return content ? std::string() : positional;
}

// Accumulates analysis text and the anchors that map it back. White space,
// line breaks and cell separators are held back until visible text follows,
// so that none of them is ever leading, trailing or doubled.
class TextBuilder {
 public:
  // What a line's markup said about it, as counted while it was written.
  struct LineStats {
    size_t begin = 0;          // in the text
    size_t first_visible = 0;  // the running count of visible characters
    int chars = 0;
    int link_chars = 0;
    int furniture_chars = 0;
    int furniture = -1;  // the first furniture element seen on the line
  };

  // The markup around the visible characters that follow: the furniture
  // element they are in (-1 for none) and whether they are link text.
  void SetContext(int furniture, bool link) {
    furniture_ = furniture;
    link_ = link;
  }

  // Visible characters written so far.
  size_t visible() const { return visible_; }
  const std::vector<LineStats>& lines() const { return lines_; }

  // A visible byte copied from html[src].
  void Char(char c, size_t src) {
    Flush();
    StartLine();
    Put(c, src);
    line_has_text_ = true;
    // A code point is counted at its first byte.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) Count();
  }

  // A code point decoded from the reference at html[src].
  void CodePoint(char32_t cp, size_t src) {
    if (IsSpaceLike(cp)) {
      Space(src);
      return;
    }
    if (IsInvisible(cp)) return;
    // Other control characters carry nothing a rule could use.
    if (cp < 0x20 || cp == 0x7F) {
      Space(src);
      return;
    }
    Flush();
    StartLine();
    char buf[4];
    const size_t n = EncodeUtf8(cp, buf);
    // Every byte of the character maps to the '&', not into the reference.
    for (size_t k = 0; k < n; ++k) Put(buf[k], src);
    line_has_text_ = true;
    Count();
  }

  void Space(size_t src) {
    if (!line_has_text_ || break_pending_ || space_pending_) return;
    space_pending_ = true;
    space_src_ = src;
  }

  void Break(size_t src) {
    space_pending_ = false;
    cell_pending_ = false;
    if (!line_has_text_ || break_pending_) return;
    break_pending_ = true;
    break_src_ = src;
  }

  void CellSeparator(size_t src) {
    if (!line_has_text_ || break_pending_) return;
    space_pending_ = false;
    cell_pending_ = true;
    cell_src_ = src;
  }

  HtmlText Finish(size_t end) {
    if (!text_.empty()) {
      Put('\n', end);
      // The end of the text is the end of the input, so that a range ending
      // with the text never maps past it.
      offsets_.AddAnchor(text_.size(), end);
    }
    HtmlText result;
    result.text = std::move(text_);
    result.offsets = std::move(offsets_);
    return result;
  }

 private:
  void StartLine() {
    if (line_has_text_) return;
    LineStats line;
    line.begin = text_.size();
    line.first_visible = visible_;
    lines_.push_back(line);
  }

  void Count() {
    ++visible_;
    LineStats& line = lines_.back();
    ++line.chars;
    if (link_) ++line.link_chars;
    if (furniture_ >= 0) {
      ++line.furniture_chars;
      if (line.furniture < 0) line.furniture = furniture_;
    }
  }

  void Put(char c, size_t src) {
    if (src != next_src_) offsets_.AddAnchor(text_.size(), src);
    text_.push_back(c);
    next_src_ = src + 1;
  }

  void Flush() {
    if (break_pending_) {
      Put('\n', break_src_);
      break_pending_ = false;
      line_has_text_ = false;
    } else if (cell_pending_) {
      // The separator stands in for the "<td" that caused it, byte by byte.
      Put(' ', cell_src_);
      Put('|', cell_src_ + 1);
      Put(' ', cell_src_ + 2);
    } else if (space_pending_) {
      Put(' ', space_src_);
    }
    space_pending_ = false;
    cell_pending_ = false;
  }

  std::string text_;
  OffsetMap offsets_;
  size_t next_src_ = 0;  // the source offset that would need no anchor
  bool line_has_text_ = false;
  bool break_pending_ = false;
  size_t break_src_ = 0;
  bool space_pending_ = false;
  size_t space_src_ = 0;
  bool cell_pending_ = false;
  size_t cell_src_ = 0;
  std::vector<LineStats> lines_;
  size_t visible_ = 0;
  int furniture_ = -1;
  bool link_ = false;
};

class HtmlConverter {
 public:
  explicit HtmlConverter(std::string_view html) : html_(html) {}

  HtmlText Run() {
    size_t i = html_.starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
    while (i < html_.size()) {
      size_t lt = html_.find('<', i);
      if (lt == std::string_view::npos) lt = html_.size();
      if (skip_depth_ == 0) Text(i, lt);
      if (lt == html_.size()) break;
      i = Markup(lt);
    }
    HtmlText result = out_.Finish(html_.size());
    result.structure = Structure();
    return result;
  }

 private:
  void Text(size_t begin, size_t end) {
    size_t i = begin;
    while (i < end) {
      const char c = html_[i];
      if (c == '&') {
        char32_t cp = 0;
        const size_t n = DecodeReference(html_.substr(0, end), i, &cp);
        if (n > 0) {
          out_.CodePoint(cp, i);
          i += n;
          continue;
        }
      }
      if (IsHtmlSpace(c)) {
        out_.Space(i);
      } else if (c == '\xC2' && i + 1 < end && html_[i + 1] == '\xA0') {
        // A literal no-break space reads as a space, as &nbsp; does.
        out_.Space(i);
        ++i;
      } else {
        out_.Char(c, i);
      }
      ++i;
    }
  }

  // Skips the attributes of a tag whose name ends at `i`; returns the offset
  // just past its '>', or the end of input.
  size_t TagEnd(size_t i) const {
    bool after_equals = false;
    while (i < html_.size()) {
      const char c = html_[i];
      if (c == '>') return i + 1;
      if (after_equals && (c == '"' || c == '\'')) {
        const size_t close = html_.find(c, i + 1);
        if (close == std::string_view::npos) {
          // An unterminated quote would swallow the rest of the page; ending
          // the tag at the next '>' loses far less prose.
          const size_t gt = html_.find('>', i + 1);
          return gt == std::string_view::npos ? html_.size() : gt + 1;
        }
        i = close + 1;
        after_equals = false;
        continue;
      }
      if (c == '=') {
        after_equals = true;
      } else if (!IsHtmlSpace(c)) {
        after_equals = false;
      }
      ++i;
    }
    return html_.size();
  }

  // Reads a tag name starting at `i` into `name`, lower-cased; returns the
  // offset after it.
  size_t TagName(size_t i, std::string* name) const {
    const size_t begin = i;
    while (i < html_.size() && !IsHtmlSpace(html_[i]) && html_[i] != '/' &&
           html_[i] != '>') {
      ++i;
    }
    *name = ToLower(html_.substr(begin, i - begin));
    return i;
  }

  // Offset of the "</name" that closes a raw text element, or npos.
  size_t FindClosingTag(std::string_view name, size_t from) const {
    while (true) {
      const size_t lt = html_.find("</", from);
      if (lt == std::string_view::npos) return lt;
      const size_t after = lt + 2 + name.size();
      if (after <= html_.size() &&
          EqualsIgnoreCase(html_.substr(lt + 2, name.size()), name) &&
          (after == html_.size() || IsHtmlSpace(html_[after]) ||
           html_[after] == '/' || html_[after] == '>')) {
        return lt;
      }
      from = lt + 2;
    }
  }

  size_t SkipPast(std::string_view terminator, size_t from) const {
    const size_t at = html_.find(terminator, from);
    return at == std::string_view::npos ? html_.size() : at + terminator.size();
  }

  // Handles the markup at html_[pos] == '<'; returns where text resumes.
  size_t Markup(size_t pos) {
    const std::string_view rest = html_.substr(pos);
    if (rest.starts_with("<!--")) {
      // Searching from "<!" accepts the empty comments "<!-->" and "<!--->"
      // as browsers do. An unclosed comment runs to the end, as in browsers.
      return SkipPast("-->", pos + 2);
    }
    if (rest.starts_with("<![CDATA[")) return SkipPast("]]>", pos + 9);
    if (rest.starts_with("<!") || rest.starts_with("<?")) {
      return SkipPast(">", pos + 2);  // doctype, processing instruction
    }
    std::string name;
    if (rest.starts_with("</")) {
      if (rest.size() > 2 && IsAsciiAlpha(rest[2])) {
        const size_t end = TagEnd(TagName(pos + 2, &name));
        EndTag(name, pos);
        return end;
      }
      if (rest.size() > 2 && rest[2] == '>') return pos + 3;
      if (rest.size() > 2) return SkipPast(">", pos + 2);  // bogus comment
    } else if (rest.size() > 1 && IsAsciiAlpha(rest[1])) {
      const size_t name_end = TagName(pos + 1, &name);
      const size_t end = TagEnd(name_end);
      const bool self_closing =
          end >= name_end + 2 && html_[end - 1] == '>' && html_[end - 2] == '/';
      return StartTag(name, pos, name_end, end, self_closing);
    }
    // A '<' that starts no markup is text ("a < b").
    if (skip_depth_ == 0) out_.Char('<', pos);
    return pos + 1;
  }

  size_t StartTag(const std::string& name, size_t pos, size_t name_end,
                  size_t end, bool self_closing) {
    // Raw text comes first: a script inside a skipped svg still must not be
    // parsed as markup.
    if (Contains(kRawTextDropped, name)) {
      const size_t close = FindClosingTag(name, end);
      if (close == std::string_view::npos) return html_.size();
      return TagEnd(close + 2 + name.size());
    }
    if (skip_depth_ > 0) {
      if (name == skip_name_ && !self_closing) ++skip_depth_;
      return end;
    }
    if (name == "title") {
      const size_t close = FindClosingTag(name, end);
      const size_t text_end =
          close == std::string_view::npos ? html_.size() : close;
      out_.Break(pos);
      Text(end, text_end);
      out_.Break(text_end);
      return close == std::string_view::npos ? html_.size()
                                             : TagEnd(close + 2 + name.size());
    }
    if (Contains(kNestedDropped, name)) {
      if (!self_closing) {
        skip_name_ = name;
        skip_depth_ = 1;
      }
      return end;
    }
    CloseImplied(name);
    if (name == "td" || name == "th") {
      out_.CellSeparator(pos);
    } else if (Contains(kBlockElements, name)) {
      out_.Break(pos);
    }
    // A self-closed <div/> stays open in a browser; here it is closed, so
    // that a stray one with a furniture class cannot claim the rest of the
    // page.
    if (!self_closing && !Contains(kVoidElements, name)) {
      Open(name, ReadAttributes(name_end, end));
    }
    return end;
  }

  void EndTag(const std::string& name, size_t pos) {
    if (skip_depth_ > 0) {
      if (name == skip_name_ && --skip_depth_ == 0) skip_name_.clear();
      return;
    }
    if (Contains(kBlockElements, name)) out_.Break(pos);
    // An end tag with no open element of its name is ignored, as in
    // browsers; otherwise it closes every element opened inside it. The
    // count keeps this linear however deep the unclosed elements pile up.
    auto it = open_count_.find(name);
    if (it == open_count_.end() || it->second == 0) return;
    while (!stack_.empty()) {
      const bool match = stack_.back().name == name;
      Close();
      if (match) break;
    }
  }

  // The attributes of the start tag whose name ends at `i` and whose '>'
  // is just before `end`; the quoting matches TagEnd's.
  Attributes ReadAttributes(size_t i, size_t end) const {
    Attributes attributes;
    while (i < end) {
      while (i < end && (IsHtmlSpace(html_[i]) || html_[i] == '/')) ++i;
      const size_t name_begin = i;
      while (i < end && !IsHtmlSpace(html_[i]) && html_[i] != '=' &&
             html_[i] != '>' && html_[i] != '/') {
        ++i;
      }
      const std::string_view name = html_.substr(name_begin, i - name_begin);
      while (i < end && IsHtmlSpace(html_[i])) ++i;
      std::string_view value;
      if (i < end && html_[i] == '=') {
        ++i;
        while (i < end && IsHtmlSpace(html_[i])) ++i;
        if (i < end && (html_[i] == '"' || html_[i] == '\'')) {
          const char quote = html_[i];
          const size_t close = html_.find(quote, i + 1);
          const size_t value_end =
              close == std::string_view::npos || close >= end ? end - 1 : close;
          value = html_.substr(i + 1, value_end - i - 1);
          i = value_end + 1;
        } else {
          const size_t value_begin = i;
          while (i < end && !IsHtmlSpace(html_[i]) && html_[i] != '>') ++i;
          value = html_.substr(value_begin, i - value_begin);
        }
      } else if (name.empty()) {
        ++i;  // a stray '>' or '='
        continue;
      }
      if (EqualsIgnoreCase(name, "class")) {
        attributes.class_name = value;
      } else if (EqualsIgnoreCase(name, "id")) {
        attributes.id = value;
      } else if (EqualsIgnoreCase(name, "role")) {
        attributes.role = ToLower(value);
      } else if (EqualsIgnoreCase(name, "itemprop")) {
        attributes.itemprop = value;
      }
    }
    return attributes;
  }

  // The end tags a browser implies before this start tag: a block ends an
  // open <p>, an <li> the previous item of its list, a cell the previous
  // cell. The search stops at the list or table, and after a few levels,
  // so unclosed markup cannot make it quadratic.
  void CloseImplied(const std::string& name) {
    if (Contains(kBlockElements, name) && !stack_.empty() &&
        stack_.back().name == "p") {
      Close();
    }
    auto close_to = [&](std::initializer_list<std::string_view> targets,
                        std::initializer_list<std::string_view> scopes) {
      constexpr size_t kMaxSearch = 16;
      for (size_t k = 0; k < stack_.size() && k < kMaxSearch; ++k) {
        const std::string& open = stack_[stack_.size() - 1 - k].name;
        for (std::string_view scope : scopes) {
          if (open == scope) return;
        }
        for (std::string_view target : targets) {
          if (open != target) continue;
          for (size_t n = 0; n <= k; ++n) Close();
          return;
        }
      }
    };
    if (name == "li") {
      close_to({"li"}, {"ul", "ol", "menu"});
    } else if (name == "dt" || name == "dd") {
      close_to({"dt", "dd"}, {"dl"});
    } else if (name == "td" || name == "th") {
      close_to({"td", "th"}, {"tr", "table"});
    } else if (name == "tr") {
      close_to({"tr"}, {"table", "thead", "tbody", "tfoot"});
    }
  }

  // Why an element marks furniture ("inside <nav>", "role 'navigation'",
  // "class 'related-posts'"), or "".
  static std::string FurnitureOf(const std::string& name,
                                 const Attributes& attributes,
                                 bool in_content) {
    if (Contains(kFurnitureElements, name) ||
        (name == "header" && !in_content)) {
      // An article's own <footer> may hold its last paragraph; what else
      // sits there (a share bar, tags) is named by its class.
      if (name == "footer" && in_content) return "";
      return "inside <" + name + ">";
    }
    if (Contains(kFurnitureRoles, attributes.role)) {
      return "role '" + attributes.role + "'";
    }
    return FurnitureByName(attributes);
  }

  void Open(const std::string& name, const Attributes& attributes) {
    OpenElement element;
    element.name = name;
    if (!stack_.empty()) {
      element.furniture = stack_.back().furniture;
      element.in_content = stack_.back().in_content;
      element.link = stack_.back().link;
    }
    if (name == "a") element.link = true;
    const bool content = name == "article" || name == "main" ||
                         attributes.role == "main" ||
                         attributes.role == "article" ||
                         EqualsIgnoreCase(attributes.itemprop, "articleBody");
    if (content || name == "h1") {
      // The article, and the page's headline, are never furniture, whatever
      // wraps them; nor do their own classes count (a WordPress <article>
      // carries "has-comments" and its tags).
      element.furniture = -1;
      element.in_content = element.in_content || content;
    } else if (name != "html" && name != "body") {
      // The classes of <html> and <body> describe the page, not a region.
      std::string why = FurnitureOf(name, attributes, element.in_content);
      if (!why.empty()) {
        element.furniture = static_cast<int>(furniture_.size());
        furniture_.push_back(Furniture{std::move(why), out_.visible(), 0});
        element.owns_furniture = true;
      }
    }
    ++open_count_[name];
    stack_.push_back(std::move(element));
    out_.SetContext(stack_.back().furniture, stack_.back().link);
  }

  void Close() {
    OpenElement& element = stack_.back();
    if (element.owns_furniture) {
      furniture_[element.furniture].end = out_.visible();
    }
    --open_count_[element.name];
    stack_.pop_back();
    if (stack_.empty()) {
      out_.SetContext(-1, false);
    } else {
      out_.SetContext(stack_.back().furniture, stack_.back().link);
    }
  }

  // What the markup says about each line, once the whole page is read.
  std::vector<LineStructure> Structure() {
    while (!stack_.empty()) Close();
    const size_t total = out_.visible();
    const std::vector<TextBuilder::LineStats>& lines = out_.lines();
    // The page's prose: paragraphs of some length that are mostly not link
    // text. `prose_before[i]` counts the prose characters of the lines
    // before line i, so a region's share is two binary searches away.
    const TextBuilder::LineStats* longest = nullptr;
    std::vector<size_t> line_starts;
    std::vector<size_t> prose_before = {0};
    line_starts.reserve(lines.size());
    prose_before.reserve(lines.size() + 1);
    for (const TextBuilder::LineStats& line : lines) {
      const bool mostly_text = 2 * line.link_chars < line.chars;
      if (mostly_text && (longest == nullptr || line.chars > longest->chars)) {
        longest = &line;
      }
      line_starts.push_back(line.first_visible);
      prose_before.push_back(
          prose_before.back() +
          (mostly_text && line.chars >= kMinProseChars ? line.chars : 0));
    }
    auto prose_in = [&](size_t begin, size_t end) {
      auto index = [&](size_t at) {
        return std::lower_bound(line_starts.begin(), line_starts.end(), at) -
               line_starts.begin();
      };
      return prose_before[index(end)] - prose_before[index(begin)];
    };
    // A furniture element that holds half the page, or the longest
    // paragraph and most of the prose, is the page's layout (an ASP.NET
    // <form>, a "content-with-sidebar" wrapper), not furniture. The longest
    // paragraph alone is not enough: on a recipe or a short story the
    // longest one may be a reader's comment.
    std::vector<bool> wrapper(furniture_.size(), false);
    for (size_t k = 0; k < furniture_.size(); ++k) {
      const Furniture& f = furniture_[k];
      wrapper[k] = 2 * (f.end - f.begin) > total ||
                   (longest != nullptr &&
                    f.begin < longest->first_visible + longest->chars &&
                    longest->first_visible < f.end &&
                    2 * prose_in(f.begin, f.end) > prose_before.back());
    }
    std::vector<LineStructure> structure;
    structure.reserve(lines.size());
    for (const TextBuilder::LineStats& line : lines) {
      LineStructure entry;
      entry.begin = line.begin;
      entry.chars = line.chars;
      entry.link_chars = line.link_chars;
      if (line.furniture >= 0 && 2 * line.furniture_chars > line.chars &&
          !wrapper[line.furniture]) {
        entry.furniture = furniture_[line.furniture].why;
      }
      structure.push_back(std::move(entry));
    }
    return structure;
  }

  struct OpenElement {
    std::string name;
    int furniture = -1;           // the furniture element it is in, or -1
    bool owns_furniture = false;  // it is that element
    bool in_content = false;      // inside <article> or <main>
    bool link = false;            // inside <a>
  };

  // A furniture element, by the visible characters it spans.
  struct Furniture {
    std::string why;
    size_t begin = 0;
    size_t end = 0;
  };

  std::string_view html_;
  TextBuilder out_;
  std::vector<OpenElement> stack_;
  absl::flat_hash_map<std::string, int> open_count_;
  std::vector<Furniture> furniture_;
  std::string skip_name_;  // the dropped element we are inside, if any
  int skip_depth_ = 0;     // how deeply skip_name_ is nested
};

}  // namespace

HtmlText HtmlToText(std::string_view html) { return HtmlConverter(html).Run(); }

}  // namespace provcheck
