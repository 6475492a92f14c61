#include "analysis/candidate_name.h"

#include <gtest/gtest.h>

#include <string>

namespace downballot::analysis {
namespace {

TEST(NameMatchKey, BuildsFirstLastKey) {
  struct Case {
    std::string name;
    std::string input;
    std::string want;
  };
  const Case cases[] = {
      {"middle initial dropped", "Andrew M. Cuomo", "andrew cuomo"},
      {"plain", "Andrew Cuomo", "andrew cuomo"},
      {"upper case", "ANDREW CUOMO", "andrew cuomo"},
      {"last comma first", "Cuomo, Andrew M.", "andrew cuomo"},
      {"initial without period", "Thomas P DiNapoli", "thomas dinapoli"},
      {"suffix with comma", "John Smith, Jr.", "john smith"},
      {"suffix without comma", "John Smith III", "john smith"},
      {"last first then suffix", "SMITH, JOHN, JR", "john smith"},
      {"fec style with nickname", "CRAMER, ROBERT E \"BUD\" JR", "robert cramer"},
      {"parenthesised disambiguator", "Anthony White (Alabama)", "anthony white"},
      {"hyphen splits", "Alexandria Ocasio-Cortez", "alexandria cortez"},
      {"apostrophe joins", "Beto O'Rourke", "beto orourke"},
      {"leading initial dropped", "J. Gary Pretlow", "gary pretlow"},
      {"single-letter first name kept", "A Smith", "a smith"},
      {"title dropped", "Dr. Jane Roe", "jane roe"},
      {"middle name dropped", "Andrew Mark Cuomo", "andrew cuomo"},
      {"latin-1 capitals folded", "JOSÉ PERALTA", "jose peralta"},
      {"accents dropped", "Nydia M. Velázquez", "nydia velazquez"},
      {"particle joined", "Kevin de León", "kevin deleon"},
      {"particle already joined", "Kevin DeLeon", "kevin deleon"},
      {"particle as a first name", "Van Taylor", "van taylor"},
      {"particle in a first name", "Du Wayne Gregory", "duwayne gregory"},
      {"nickname of the table", "Steve Ferrara", "stephen ferrara"},
      {"full name of the table", "Stephen L Ferrara", "stephen ferrara"},
      {"single-quoted nickname dropped", "L.S. 'CASEY' CAGLE", "ls cagle"},
      {"curly double quotes",
       "Robert \xE2\x80\x9C"
       "Bud\xE2\x80\x9D Cramer",
       "robert cramer"},
      {"unbalanced quote kept", "Jim \"Bud Smith", "james smith"},
      {"one word", "Cher", "cher"},
      {"extra spaces", "  andrew   cuomo ", "andrew cuomo"},
      {"empty", "", ""},
      {"punctuation only", "., ()", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(NameMatchKey(c.input), c.want);
  }
}

TEST(NicknameKey, NamesTheCandidateByTheQuotedNickname) {
  EXPECT_EQ(NicknameKey("L.S. 'CASEY' CAGLE"), "casey cagle");
  EXPECT_EQ(NicknameKey("CRAMER, ROBERT E \"BUD\" JR"), "bud cramer");
  EXPECT_EQ(NicknameKey("Beto O'Rourke"), "");
  EXPECT_EQ(NicknameKey("James \"007\" Bond IV"), "");
  EXPECT_EQ(NicknameKey("Andrew Cuomo"), "");
}

TEST(CandidateKey, DropsARunningMate) {
  EXPECT_EQ(CandidateKey("Andrew M Cuomo/ Kathy C Hochul"), "andrew cuomo");
  EXPECT_TRUE(IsNearMatch("lee zeldin", "lee zeldn"));
  EXPECT_TRUE(IsNearMatch("hiral tipirneni", "hirai tipirneni"));
  EXPECT_FALSE(IsNearMatch("mark venesky", "paul becallo"));
  EXPECT_FALSE(IsNearMatch("lee zeldin", "lee zeldin"));
  EXPECT_TRUE(IsNearMatch("chrsitian valiente", "christian valiente"));
  EXPECT_TRUE(IsNearMatch("torn ohalleran", "tom ohalleran"));
  EXPECT_TRUE(IsNearMatch("m avigdor", "morton avigdor"));
  // Two members of one family running for County Committee are not a typo of each other.
  EXPECT_FALSE(IsNearMatch("paul becallo", "rosemary becallo"));
  EXPECT_FALSE(IsNearMatch("thomas molnar", "timothy molnar"));
  EXPECT_TRUE(IsSameLastNameAndInitial("dd adams", "denise adams"));
  EXPECT_FALSE(IsSameLastNameAndInitial("dd adams", "jenny adams"));
}

TEST(NameMatchKey, SeparatesDifferentPeople) {
  EXPECT_NE(NameMatchKey("John Smith"), NameMatchKey("Jane Smith"));
  EXPECT_NE(NameMatchKey("Ann Lee"), NameMatchKey("Ann Leeds"));
}

TEST(SpellingKey, IgnoresCaseAndPunctuationButKeepsInitials) {
  struct Case {
    std::string name;
    std::string input;
    std::string want;
  };
  const Case cases[] = {
      {"upper case with period", "KATE M. BROWNING", "kate m browning"},
      {"no period", "Kate M Browning", "kate m browning"},
      {"county with period", "St. Lawrence", "st lawrence"},
      {"county upper case", "ST LAWRENCE", "st lawrence"},
      {"nbsp-free runs collapse", "Blank -- Void", "blank void"},
      {"accents dropped", "José", "jose"},
      {"other scripts kept as written", "Ελένη", "Ελένη"},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(SpellingKey(c.input), c.want);
  }
  EXPECT_NE(SpellingKey("Kate Browning"), SpellingKey("Kate M. Browning"));
}

}  // namespace
}  // namespace downballot::analysis
