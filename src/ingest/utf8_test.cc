#include "ingest/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace provcheck {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(IsValidUtf8Test, AcceptsAsciiAndMultibyte) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII text that is longer than eight"));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"));
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(IsValidUtf8Test, RejectsIllFormedSequences) {
  EXPECT_FALSE(IsValidUtf8("abc\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("12345678\x80"));      // after the ASCII fast path
}

TEST(RepairUtf8Test, ValidInputIsReturnedUnchanged) {
  const std::string text =
      "D\xC3\xA9j\xC3\xA0 vu \xE2\x80\x94 \xF0\x9F\x98\x80";
  RepairedUtf8 r = RepairUtf8(text);
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.invalid.empty());
}

TEST(RepairUtf8Test, LeadByteFollowedByAsciiBecomesOneReplacement) {
  RepairedUtf8 r = RepairUtf8("\xC3\x28");
  EXPECT_EQ(r.text, kFffd + "(");
  ASSERT_EQ(r.invalid.size(), 1u);
  EXPECT_EQ(r.invalid[0].line, 1);
  EXPECT_EQ(r.invalid[0].column, 1);
  EXPECT_EQ(r.invalid[0].bytes, 1u);
  EXPECT_EQ(r.invalid[0].offset, 0u);
}

TEST(RepairUtf8Test, ReportsLineAndColumnInCodePoints) {
  // Line 2 starts with "né" (2 code points, 3 bytes), then the bad byte.
  RepairedUtf8 r = RepairUtf8("first\nn\xC3\xA9\xC3\x28x");
  EXPECT_EQ(r.text, "first\nn\xC3\xA9" + kFffd + "(x");
  ASSERT_EQ(r.invalid.size(), 1u);
  EXPECT_EQ(r.invalid[0].line, 2);
  EXPECT_EQ(r.invalid[0].column, 3);
  EXPECT_EQ(r.invalid[0].offset, 9u);
}

TEST(RepairUtf8Test, ColumnsAfterReplacementCountTheReplacement) {
  RepairedUtf8 r = RepairUtf8(
      "\x80"
      "a\x80");
  ASSERT_EQ(r.invalid.size(), 2u);
  EXPECT_EQ(r.invalid[0].column, 1);
  EXPECT_EQ(r.invalid[1].column, 3);
}

TEST(RepairUtf8Test, TruncatedSequenceIsOneReplacement) {
  // E2 82 is the start of "€" (E2 82 AC): one maximal subpart.
  RepairedUtf8 r = RepairUtf8("a\xE2\x82z");
  EXPECT_EQ(r.text, "a" + kFffd + "z");
  ASSERT_EQ(r.invalid.size(), 1u);
  EXPECT_EQ(r.invalid[0].bytes, 2u);
}

TEST(RepairUtf8Test, TruncatedSequenceAtEndOfInput) {
  RepairedUtf8 r = RepairUtf8("ok\xF0\x9F\x98");
  EXPECT_EQ(r.text, "ok" + kFffd);
  ASSERT_EQ(r.invalid.size(), 1u);
  EXPECT_EQ(r.invalid[0].bytes, 3u);
}

TEST(RepairUtf8Test, EachStrayContinuationByteIsItsOwnReplacement) {
  RepairedUtf8 r = RepairUtf8("\x80\xBF");
  EXPECT_EQ(r.text, kFffd + kFffd);
  EXPECT_EQ(r.invalid.size(), 2u);
}

TEST(RepairUtf8Test, OverlongEncodingIsRejected) {
  // C0 and E0 80 can only start overlongs, so no byte forms a subpart with
  // the next: one U+FFFD per byte, as the WHATWG decoder produces.
  EXPECT_EQ(RepairUtf8("\xC0\xAF").text, kFffd + kFffd);
  EXPECT_EQ(RepairUtf8("\xE0\x80\xAF").text, kFffd + kFffd + kFffd);
}

TEST(RepairUtf8Test, SurrogateIsRejected) {
  EXPECT_EQ(RepairUtf8("\xED\xA0\x80").text, kFffd + kFffd + kFffd);
  // ED 9F BF is U+D7FF, just below the surrogates, and valid.
  EXPECT_EQ(RepairUtf8("\xED\x9F\xBF").text, "\xED\x9F\xBF");
}

TEST(RepairUtf8Test, CodePointAboveMaximumIsRejected) {
  EXPECT_EQ(RepairUtf8("\xF4\x90\x80\x80").text, kFffd + kFffd + kFffd + kFffd);
  EXPECT_EQ(RepairUtf8("\xF5\x80").text, kFffd + kFffd);
  EXPECT_EQ(RepairUtf8("\xFF").text, kFffd);
}

TEST(RepairUtf8Test, ValidFourByteSequenceIsKept) {
  const std::string emoji = "\xF0\x9F\x98\x80";
  RepairedUtf8 r = RepairUtf8("x" + emoji + "\xFF");
  EXPECT_EQ(r.text, "x" + emoji + kFffd);
  ASSERT_EQ(r.invalid.size(), 1u);
  EXPECT_EQ(r.invalid[0].column, 3);
}

TEST(BlankUnicodeSpacesTest, NoBreakSpaceBecomesTwoSpaces) {
  std::string text = "Trump\xC2\xA0said";
  BlankUnicodeSpaces(text);
  EXPECT_EQ(text, "Trump  said");
}

TEST(BlankUnicodeSpacesTest, ThreeByteSpacesBecomeThreeSpaces) {
  // U+2009 thin, U+202F narrow no-break, U+3000 ideographic.
  std::string text =
      "19\xE2\x80\x89Sept\xE2\x80\xAF"
      "a\xE3\x80\x80"
      "b";
  BlankUnicodeSpaces(text);
  EXPECT_EQ(text, "19   Sept   a   b");
}

TEST(BlankUnicodeSpacesTest, OtherCodePointsWithTheSameLeadBytesAreKept) {
  // U+00A9 copyright, U+2014 em dash, U+201C quote, U+200B zero-width
  // space (inside a word, so no break), U+3001 ideographic comma.
  const std::string kept =
      "\xC2\xA9 a\xE2\x80\x94"
      "b \xE2\x80\x9C"
      "c d\xE2\x80\x8B"
      "e "
      "\xE3\x80\x81";
  std::string text = kept;
  BlankUnicodeSpaces(text);
  EXPECT_EQ(text, kept);
}

TEST(BlankUnicodeSpacesTest, TruncatedSequenceAtTheEndIsLeftAlone) {
  std::string text = "a\xC2";
  BlankUnicodeSpaces(text);
  EXPECT_EQ(text, "a\xC2");
}

}  // namespace
}  // namespace provcheck
