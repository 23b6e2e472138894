#include "engine/speaker_names.h"

#include "gtest/gtest.h"

namespace provcheck {
namespace {

TEST(NamesSomeoneTest, ACapitalPastTheDeterminerNamesSomeone) {
  EXPECT_TRUE(NamesSomeone("The Wall Street Journal"));
  EXPECT_FALSE(NamesSomeone("the paper"));
  EXPECT_FALSE(NamesSomeone("Her campaign"));
}

TEST(DescribesSeveralTest, AnEnglishPluralDescribesSeveral) {
  EXPECT_TRUE(DescribesSeveral("two institutes"));
  EXPECT_FALSE(DescribesSeveral("the press"));
  EXPECT_FALSE(DescribesSeveral("the census"));
}

TEST(SurnameOfShortFormTest, ATitleOrAnEmployersPossessiveLeavesTheSurname) {
  EXPECT_EQ(SurnameOfShortForm("Funaro"), "Funaro");
  EXPECT_EQ(SurnameOfShortForm("Mr Funaro"), "Funaro");
  EXPECT_EQ(SurnameOfShortForm("Data Resources' Wyss"), "Wyss");
  EXPECT_EQ(SurnameOfShortForm("Dilson Funaro"), "");
}

TEST(IsFullNameTest, TwoWordsEndingInACapitalisedWordThatIsNoShortForm) {
  EXPECT_TRUE(IsFullName("Dilson Funaro"));
  EXPECT_TRUE(IsFullName("Finance Minister Dilson Funaro"));
  EXPECT_FALSE(IsFullName("Mr Funaro"));
  EXPECT_FALSE(IsFullName("John F."));
  EXPECT_FALSE(IsFullName("Funaro"));
}

TEST(IsFullNameTest, TwoNamesJoinedAreNoOnesFullName) {
  EXPECT_FALSE(IsFullName("Nationwide and Halifax"));
  EXPECT_FALSE(IsFullName("Tote King and Manuel Millan"));
  EXPECT_FALSE(IsFullName("Marks & Spencer"));
}

TEST(FullNameOfTest, AShortFormTakesTheFullNameGivenForItsSurname) {
  const absl::flat_hash_map<std::string, std::string> full_names = {
      {"Funaro", "Dilson Funaro"}};
  const std::string* full = FullNameOf("Mr Funaro", full_names);
  ASSERT_NE(full, nullptr);
  EXPECT_EQ(*full, "Dilson Funaro");
  EXPECT_EQ(FullNameOf("Lavrov", full_names), nullptr);
}

TEST(GenderOfCourtesyFormTest, TheTitleGivesTheGender) {
  EXPECT_EQ(GenderOfCourtesyForm("Mrs Hassan"), Gender::kFemale);
  EXPECT_EQ(GenderOfCourtesyForm("Lord Falconer"), Gender::kMale);
  EXPECT_EQ(GenderOfCourtesyForm("Dr Roe"), Gender::kUnknown);
  EXPECT_EQ(GenderOfCourtesyForm("Dilson Funaro"), Gender::kUnknown);
}

TEST(GenderOfPronounTest, HeAndSheAskAGender) {
  EXPECT_EQ(GenderOfPronoun("He"), Gender::kMale);
  EXPECT_EQ(GenderOfPronoun("she"), Gender::kFemale);
  EXPECT_EQ(GenderOfPronoun("it"), Gender::kUnknown);
}

TEST(SpeaksForOneUnnamedTest, OneUnnamedPersonBeforeOrAfterTheVerb) {
  EXPECT_TRUE(SpeaksForOneUnnamed("A Seiko Epson official said"));
  EXPECT_TRUE(SpeaksForOneUnnamed("said a dealer at one European bank"));
  EXPECT_FALSE(SpeaksForOneUnnamed("according to a leaked official report"));
  EXPECT_FALSE(SpeaksForOneUnnamed("There is a very strong argument"));
  EXPECT_FALSE(SpeaksForOneUnnamed("analysts said"));
}

TEST(NamesTwoPeopleTest, TwoFullNamesJoinedByAndAreTwoPeople) {
  const absl::flat_hash_set<std::string> surnames = {"Bush"};
  EXPECT_TRUE(NamesTwoPeople("Jeb Bush and Chris Christie", surnames));
}

TEST(NamesTwoPeopleTest, ABodysNameOrATitleWithAndIsNot) {
  const absl::flat_hash_set<std::string> surnames = {"Bush", "Peabody"};
  EXPECT_FALSE(NamesTwoPeople("Kidder Peabody and Co", surnames));
  EXPECT_FALSE(NamesTwoPeople(
      "Philippines Trade and Industry Secretary Jose Concepcion", surnames));
}

TEST(NamesTwoPeopleTest, TheFirstMustBeCalledBySurnameAlone) {
  EXPECT_FALSE(NamesTwoPeople("Jeb Bush and Chris Christie", {}));
}

}  // namespace
}  // namespace provcheck
