#include "report/template.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace provcheck::report {
namespace {

using ::testing::HasSubstr;

// Renders `text` as the only template of a set, against `context`.
absl::StatusOr<std::string> RenderOne(std::string_view text,
                                      const Value& context) {
  TemplateSet set;
  if (absl::Status added = set.Add("t", text); !added.ok()) return added;
  return set.RenderToString("t", context);
}

Value One(std::string name, Value value) {
  Object object;
  object.Set(std::move(name), std::move(value));
  return Value::FromObject(std::move(object));
}

TEST(EscapeHtmlTest, ReplacesEveryCharacterThatCanOpenMarkupOrEndAnAttribute) {
  EXPECT_EQ(EscapeHtml(R"(<a href="x" title='y'>&</a>)"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
}

TEST(EscapeHtmlTest, ReplacesNulByTheReplacementCharacter) {
  EXPECT_EQ(EscapeHtml(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(TemplateTest, VariablesAreEscapedByDefault) {
  auto out = RenderOne("<p>{{text}}</p>",
                       One("text", Value::Text("<script>alert(1)</script>")));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
}

TEST(TemplateTest, TripleMustacheIsRefusedWhenTheTemplateLoads) {
  TemplateSet set;
  absl::Status status = set.Add("t", "a\n{{{raw}}}");
  EXPECT_THAT(status.message(), HasSubstr("t:2: error: unescaped output"));
}

TEST(TemplateTest, AmpersandTagIsRefusedWhenTheTemplateLoads) {
  TemplateSet set;
  EXPECT_FALSE(set.Add("t", "{{&raw}}").ok());
}

TEST(TemplateTest, MissingVariableIsAnErrorNamingTheTemplateLine) {
  auto out = RenderOne("ok\n{{nmae}}", One("name", Value::Text("x")));
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(out.status().message(), HasSubstr("t:2: error: no value named"));
}

TEST(TemplateTest, SectionRepeatsOncePerListItem) {
  Value::List items;
  for (const char* name : {"a", "b", "c"}) {
    items.push_back(One("name", Value::Text(name)));
  }
  auto out = RenderOne("{{#items}}[{{name}}]{{/items}}",
                       One("items", Value::FromList(std::move(items))));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "[a][b][c]");
}

TEST(TemplateTest, DotIsTheCurrentItem) {
  Value::List items = {Value::Text("x"), Value::Text("<y>")};
  auto out = RenderOne("{{#items}}{{.}};{{/items}}",
                       One("items", Value::FromList(std::move(items))));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "x;&lt;y&gt;;");
}

TEST(TemplateTest, LazyListMakesItsItemsOnlyWhenRendered) {
  int made = 0;
  Value lazy = Value::Lazy(3, [&](size_t i) -> absl::StatusOr<Value> {
    ++made;
    return One("n", Value::Int(static_cast<int64_t>(i)));
  });
  const Value context = One("items", lazy);
  EXPECT_EQ(made, 0);
  auto out = RenderOne("{{#items}}{{n}}{{/items}}", context);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "012");
  EXPECT_EQ(made, 3);
}

TEST(TemplateTest, LazyListErrorStopsTheRender) {
  Value lazy = Value::Lazy(2, [](size_t) -> absl::StatusOr<Value> {
    return absl::DataLossError("gone");
  });
  auto out = RenderOne("{{#items}}x{{/items}}", One("items", lazy));
  EXPECT_EQ(out.status().code(), absl::StatusCode::kDataLoss);
}

TEST(TemplateTest, InvertedSectionRendersForFalseEmptyAndMissing) {
  Object object;
  object.Set("no", Value::Bool(false));
  object.Set("empty", Value::Text(""));
  object.Set("none", Value::FromList({}));
  auto out = RenderOne(
      "{{^no}}1{{/no}}{{^empty}}2{{/empty}}{{^none}}3{{/none}}"
      "{{^missing}}4{{/missing}}",
      Value::FromObject(std::move(object)));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "1234");
}

TEST(TemplateTest, TextSectionPushesTheText) {
  auto out = RenderOne("{{#title}}<h2>{{.}}</h2>{{/title}}{{#none}}x{{/none}}",
                       One("title", Value::Text("T")));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "<h2>T</h2>");
}

TEST(TemplateTest, NamesResolveOutwardsThroughEnclosingContexts) {
  Object outer;
  outer.Set("site", Value::Text("S"));
  outer.Set("items", Value::FromList({One("name", Value::Text("a"))}));
  auto out = RenderOne("{{#items}}{{site}}/{{name}}{{/items}}",
                       Value::FromObject(std::move(outer)));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "S/a");
}

TEST(TemplateTest, DottedNameReadsInsideAnObject) {
  auto out = RenderOne("{{run.id}}{{#run.done}}!{{/run.done}}", One("run", [] {
                         Object run;
                         run.Set("id", Value::Int(7));
                         run.Set("done", Value::Bool(true));
                         return Value::FromObject(std::move(run));
                       }()));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "7!");
}

TEST(TemplateTest, DottedNameDoesNotClimbForItsInnerParts) {
  Object outer;
  outer.Set("id", Value::Text("outer"));
  outer.Set("run", Value::FromObject(Object()));
  auto out = RenderOne("{{run.id}}", Value::FromObject(std::move(outer)));
  EXPECT_FALSE(out.ok());
}

TEST(TemplateTest, StandaloneSectionTagsTakeTheirLineWithThem) {
  auto out = RenderOne("<ul>\n  {{#on}}\n  <li>x</li>\n  {{/on}}\n</ul>\n",
                       One("on", Value::Bool(true)));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "<ul>\n  <li>x</li>\n</ul>\n");
}

TEST(TemplateTest, InlineSectionTagsKeepSurroundingText) {
  auto out = RenderOne("a {{#on}}b{{/on}} c\n", One("on", Value::Bool(true)));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "a b c\n");
}

TEST(TemplateTest, CommentsRenderNothing) {
  auto out = RenderOne("a{{! why }}b", Value::FromObject(Object()));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "ab");
}

TEST(TemplateTest, PartialRendersWithTheCallersContext) {
  TemplateSet set;
  ASSERT_TRUE(set.Add("page", "<b>{{> name}}</b>").ok());
  ASSERT_TRUE(set.Add("name", "{{name}}").ok());
  auto out = set.RenderToString("page", One("name", Value::Text("N")));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "<b>N</b>");
}

TEST(TemplateTest, RecursivePartialRendersNestedData) {
  TemplateSet set;
  ASSERT_TRUE(
      set.Add("node", "({{label}}{{#children}}{{> node}}{{/children}})").ok());
  Object leaf;
  leaf.Set("label", Value::Text("b"));
  leaf.Set("children", Value::FromList({}));
  Object root;
  root.Set("label", Value::Text("a"));
  root.Set("children", Value::FromList({Value::FromObject(std::move(leaf))}));
  auto out = set.RenderToString("node", Value::FromObject(std::move(root)));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ(*out, "(a(b))");
}

TEST(TemplateTest, EndlessPartialRecursionIsAnError) {
  TemplateSet set;
  ASSERT_TRUE(set.Add("loop", "{{> loop}}").ok());
  EXPECT_FALSE(set.RenderToString("loop", Value::FromObject(Object())).ok());
}

TEST(TemplateTest, UnknownPartialIsFoundByCheckPartials) {
  TemplateSet set;
  ASSERT_TRUE(set.Add("page", "x\n{{> missing}}").ok());
  EXPECT_THAT(set.CheckPartials().message(),
              HasSubstr("page:2: error: partial 'missing'"));
}

TEST(TemplateTest, UnclosedSectionIsAnError) {
  TemplateSet set;
  EXPECT_THAT(set.Add("t", "{{#a}}x").message(),
              HasSubstr("{{#a}} is never closed"));
}

TEST(TemplateTest, MismatchedCloseIsAnError) {
  TemplateSet set;
  EXPECT_THAT(set.Add("t", "{{#a}}x{{/b}}").message(),
              HasSubstr("{{/b}} closes {{#a}}"));
}

TEST(TemplateTest, ListPrintedAsTextIsAnError) {
  auto out = RenderOne("{{items}}", One("items", Value::FromList({})));
  EXPECT_FALSE(out.ok());
}

TEST(ValueTest, NumberHasFixedDecimalsAndNoNegativeZero) {
  EXPECT_EQ(*Value::Number(39.46, 1).text(), "39.5");
  EXPECT_EQ(*Value::Number(-0.0, 1).text(), "0.0");
  EXPECT_EQ(*Value::Number(-2.31, 1).text(), "-2.3");
}

}  // namespace
}  // namespace provcheck::report
