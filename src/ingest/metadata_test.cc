#include "ingest/metadata.h"

#include "gtest/gtest.h"

namespace provcheck {
namespace {

TEST(FrontMatterTest, ReturnsTheYamlBlockBetweenFences) {
  EXPECT_EQ(FrontMatter("---\ntitle: A\n---\nBody"), "title: A\n");
}

TEST(FrontMatterTest, IsEmptyWithoutALeadingFence) {
  EXPECT_EQ(FrontMatter("Body\n---\ntitle: A\n---\n"), "");
  EXPECT_EQ(FrontMatter("---\ntitle: never closed\n"), "");
}

TEST(ReadKeyValueMetadataTest, KeepsKnownKeysAndStripsQuotes) {
  DocumentMetadata metadata;
  ReadKeyValueMetadata(
      "Title: \"Harbour plan approved\"\npublisher: Coastline Weekly\n"
      "date: 2024-03-14\nurl: https://example.org/a\nauthor: X\n",
      &metadata);
  EXPECT_EQ(metadata.title, "Harbour plan approved");
  EXPECT_EQ(metadata.publisher, "Coastline Weekly");
  EXPECT_EQ(metadata.published, "2024-03-14");
  EXPECT_EQ(metadata.url, "https://example.org/a");
}

TEST(ReadKeyValueMetadataTest, FirstPlaceThatSaysWins) {
  DocumentMetadata metadata;
  metadata.title = "From front matter";
  ReadKeyValueMetadata("title: From sidecar\n", &metadata);
  EXPECT_EQ(metadata.title, "From front matter");
}

TEST(ReadHtmlMetadataTest, ReadsOpenGraphCanonicalAndTitle) {
  DocumentMetadata metadata;
  ReadHtmlMetadata(
      "<html><head><title> Page title </title>"
      "<meta property=\"og:site_name\" content=\"Daily Example\">"
      "<meta property=\"article:published_time\" content=\"2023-09-19\">"
      "<link rel=\"canonical\" href=\"https://example.com/story\">"
      "</head><body>text</body></html>",
      &metadata);
  EXPECT_EQ(metadata.title, "Page title");
  EXPECT_EQ(metadata.publisher, "Daily Example");
  EXPECT_EQ(metadata.published, "2023-09-19");
  EXPECT_EQ(metadata.url, "https://example.com/story");
}

}  // namespace
}  // namespace provcheck
