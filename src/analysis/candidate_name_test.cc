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
      {"latin-1 capitals folded", "JOSÉ PERALTA", "josé peralta"},
      {"unbalanced quote kept", "Jim \"Bud Smith", "jim smith"},
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
      {"non-ascii kept", "José", "josé"},
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
