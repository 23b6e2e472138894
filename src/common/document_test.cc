#include "provcheck/document.h"

#include <gtest/gtest.h>

#include <string>

#include "provcheck/diagnostic.h"

namespace provcheck {
namespace {

TEST(OffsetMapTest, EmptyMapIsIdentity) {
  OffsetMap map;
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.ToOriginal(0), 0u);
  EXPECT_EQ(map.ToOriginal(1234), 1234u);
}

TEST(OffsetMapTest, OffsetsBeforeFirstAnchorAreIdentity) {
  OffsetMap map;
  map.AddAnchor(10, 50);
  EXPECT_EQ(map.ToOriginal(3), 3u);
  EXPECT_EQ(map.ToOriginal(9), 9u);
}

TEST(OffsetMapTest, UsesLastAnchorAtOrBeforeOffset) {
  OffsetMap map;
  map.AddAnchor(0, 6);    // text[0..] came from original[6..]
  map.AddAnchor(5, 20);   // text[5..] came from original[20..]
  map.AddAnchor(9, 100);  // text[9..] came from original[100..]
  EXPECT_EQ(map.ToOriginal(0), 6u);
  EXPECT_EQ(map.ToOriginal(4), 10u);
  EXPECT_EQ(map.ToOriginal(5), 20u);
  EXPECT_EQ(map.ToOriginal(8), 23u);
  EXPECT_EQ(map.ToOriginal(9), 100u);
  EXPECT_EQ(map.ToOriginal(15), 106u);
}

TEST(OffsetMapTest, AnchorsMayMapSeveralTextBytesToOneOriginalByte) {
  // A decoded entity: three output bytes all come from the '&' at 7.
  OffsetMap map;
  map.AddAnchor(2, 7);
  map.AddAnchor(3, 7);
  map.AddAnchor(4, 7);
  map.AddAnchor(5, 14);
  EXPECT_EQ(map.ToOriginal(2), 7u);
  EXPECT_EQ(map.ToOriginal(3), 7u);
  EXPECT_EQ(map.ToOriginal(4), 7u);
  EXPECT_EQ(map.ToOriginal(5), 14u);
}

TEST(OffsetMapTest, RepeatedTextOffsetReplacesPreviousAnchor) {
  OffsetMap map;
  map.AddAnchor(3, 10);
  map.AddAnchor(3, 12);
  EXPECT_EQ(map.ToOriginal(3), 12u);
  EXPECT_EQ(map.ToOriginal(4), 13u);
}

TEST(LineIndexTest, LineIsTheLineWithoutItsBreak) {
  const LineIndex index("one\r\ntwo\nthree");
  EXPECT_EQ(index.Line(2), "two");
  EXPECT_EQ(index.Line(1), "one");
  EXPECT_EQ(index.Line(3), "three");
  EXPECT_EQ(LineIndex("one\n").Line(5), "");
}

TEST(LineIndexTest, FirstByteIsLineOneColumnOne) {
  LineIndex index("hello\nworld\n");
  EXPECT_EQ(index.At(0), (Position{1, 1}));
}

TEST(LineIndexTest, ByteAfterNewlineStartsNextLine) {
  LineIndex index("hello\nworld\n");
  EXPECT_EQ(index.At(5), (Position{1, 6}));  // the '\n' itself
  EXPECT_EQ(index.At(6), (Position{2, 1}));
  EXPECT_EQ(index.At(8), (Position{2, 3}));
}

TEST(LineIndexTest, ColumnCountsCodePointsNotBytes) {
  // "é" is two bytes and "€" three, but each is one column.
  const std::string text =
      "caf\xC3\xA9 \xE2\x82\xAC"
      "5";
  LineIndex index(text);
  EXPECT_EQ(index.At(text.find(' ')), (Position{1, 5}));
  EXPECT_EQ(index.At(text.find('5')), (Position{1, 7}));
}

TEST(LineIndexTest, CarriageReturnBelongsToLineEnd) {
  LineIndex index("ab\r\ncd");
  EXPECT_EQ(index.At(2), (Position{1, 3}));  // '\r'
  EXPECT_EQ(index.At(4), (Position{2, 1}));  // 'c'
}

TEST(LineIndexTest, OffsetAtEndOfTextIsAfterLastCharacter) {
  LineIndex index("ab\ncd");
  EXPECT_EQ(index.At(5), (Position{2, 3}));
  EXPECT_EQ(index.At(500), (Position{2, 3}));
}

TEST(LineIndexTest, EmptyLinesAreCounted) {
  LineIndex index("a\n\n\nb");
  EXPECT_EQ(index.At(4), (Position{4, 1}));
}

TEST(DiagnosticTest, WarningWithLineAndColumn) {
  Diagnostic d{Diagnostic::Level::kWarning, "a.md", 3, 7, "invalid UTF-8"};
  EXPECT_EQ(d.ToString(), "a.md:3:7: warning: invalid UTF-8");
}

TEST(DiagnosticTest, ErrorWithLineOnly) {
  Diagnostic d{Diagnostic::Level::kError, "a.md", 3, 0, "bad"};
  EXPECT_EQ(d.ToString(), "a.md:3: error: bad");
}

TEST(DiagnosticTest, ErrorAboutWholeFile) {
  Diagnostic d{Diagnostic::Level::kError, "missing.txt", 0, 0,
               "no such file or directory"};
  EXPECT_EQ(d.ToString(), "missing.txt: error: no such file or directory");
}

TEST(DiagnosticTest, ColumnWithoutLineIsNotShown) {
  Diagnostic d{Diagnostic::Level::kWarning, "x", 0, 4, "m"};
  EXPECT_EQ(d.ToString(), "x: warning: m");
}

}  // namespace
}  // namespace provcheck
