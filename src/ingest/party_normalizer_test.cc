#include "ingest/party_normalizer.h"

#include <gtest/gtest.h>

#include <string>

namespace downballot::ingest {
namespace {

TEST(PartyNormalizer, MapsEverySpellingInTheDataToOneCode) {
  struct Case {
    const char* raw;
    const char* want;
  };
  const Case cases[] = {
      {"DEM", "DEM"},
      {"Dem", "DEM"},
      {"Democratic", "DEM"},
      {"DEMOCRATIC", "DEM"},
      {"D", "DEM"},
      {"Democratic Party", "DEM"},
      {"REP", "REP"},
      {"Rep", "REP"},
      {"Republican", "REP"},
      {"REPUBLICAN", "REP"},
      {"R", "REP"},
      {"CON", "CON"},
      {"Con", "CON"},
      {"Conservative", "CON"},
      {"WOR", "WOR"},
      {"Wor", "WOR"},
      {"Working Families", "WOR"},
      {"IND", "IND"},
      {"Ind", "IND"},
      {"Independence", "IND"},
      {"GRN", "GRN"},
      {"Grn", "GRN"},
      {"GRE", "GRN"},
      {"Green", "GRN"},
      {"GREEN", "GRN"},
      {"LIB", "LIB"},
      {"Lib", "LIB"},
      {"LBT", "LIB"},
      {"Lbt", "LIB"},
      {"Libertarian", "LIB"},
      {"WEP", "WEP"},
      {"Women's Equality", "WEP"},
      {"WOMEN'S EQUALITY", "WEP"},
      {"REF", "REF"},
      {"Ref", "REF"},
      {"RFM", "REF"},
      {"Reform", "REF"},
      {"REFORM", "REF"},
      {"SAM", "SAM"},
      {"Sam", "SAM"},
      {"  dem  ", "DEM"},
      // MEDSL's lowercase spellings (2018 House and Senate files).
      {"democrat", "DEM"},
      {"republican", "REP"},
      {"democratic-farmer-labor", "DEM"},
      {"Democratic-Farmer-Labor Party", "DEM"},
      {"DFL", "DEM"},
      {"democratic-npl", "DEM"},
      {"Democratic-Nonpartisan League", "DEM"},
      {"working families", "WOR"},
      {"women's equality", "WEP"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.raw);
    EXPECT_EQ(NormalizeParty(c.raw), c.want);
    EXPECT_TRUE(IsKnownParty(c.raw));
  }
}

TEST(PartyNormalizer, SplitsAPartyWrittenAtTheEndOfANameOrOffice) {
  const auto castorina = SplitPartySuffix("Ronald Castorina Jr. (Conservative)", "NY",
                                          SuffixForms::kParenthesesOrDash);
  ASSERT_TRUE(castorina.has_value());
  EXPECT_EQ(castorina->text, "Ronald Castorina Jr.");
  EXPECT_EQ(castorina->party, "CON");
  const auto cuomo =
      SplitPartySuffix("Andrew M. Cuomo - DEM", "NY", SuffixForms::kParenthesesOrDash);
  ASSERT_TRUE(cuomo.has_value());
  EXPECT_EQ(cuomo->text, "Andrew M. Cuomo");
  EXPECT_EQ(cuomo->party, "DEM");
  // An office's dash may be part of its name; a name's dash before no party is the name's.
  EXPECT_FALSE(SplitPartySuffix("Andrew M. Cuomo - DEM", "NY", SuffixForms::kParentheses));
  EXPECT_FALSE(SplitPartySuffix("Mary Smith - Jones", "NY", SuffixForms::kParenthesesOrDash));
  EXPECT_FALSE(SplitPartySuffix("Patricia (Pat) Edwards", "NC", SuffixForms::kParenthesesOrDash));
  // New York's own label: IDC is Independence there.
  const auto idc = SplitPartySuffix("Jane Roe (IDC)", "NY", SuffixForms::kParentheses);
  ASSERT_TRUE(idc.has_value());
  EXPECT_EQ(idc->party, "IND");
}

TEST(PartyNormalizer, EmptyAndWriteInLabelsHaveNoParty) {
  for (const char* raw : {"", "   ", "WRITE-IN", "Write-In", "wri", "Write In"}) {
    SCOPED_TRACE(raw);
    EXPECT_EQ(NormalizeParty(raw), "");
    EXPECT_FALSE(IsKnownParty(raw));
  }
  EXPECT_TRUE(IsWriteInPartyLabel("WRITE-IN"));
  EXPECT_TRUE(IsWriteInPartyLabel("wri"));
  EXPECT_FALSE(IsWriteInPartyLabel("WOR"));
  EXPECT_FALSE(IsWriteInPartyLabel(""));
}

TEST(PartyNormalizer, UnknownCodesAreUpperCasedAsGiven) {
  struct Case {
    const char* raw;
    const char* want;
  };
  const Case cases[] = {{"TRP", "TRP"},
                        {"REP/TRP", "REP/TRP"},
                        {"upj", "UPJ"},
                        {"Sdb", "SDB"},
                        {" Tax  Revolt ", "TAX REVOLT"},
                        // An independent candidate is not on the Independence Party's line.
                        {"independent", "INDEPENDENT"},
                        {"no party affiliation", "NO PARTY AFFILIATION"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.raw);
    EXPECT_EQ(NormalizeParty(c.raw), c.want);
    EXPECT_FALSE(IsKnownParty(c.raw));
  }
}

TEST(PartyNormalizer, FindsAPartyNamedInsideALabel) {
  struct Case {
    const char* text;
    const char* want;
  };
  const Case cases[] = {
      {"Ballots Cast - REPUBLICAN PARTY", "REP"},
      {"Blank (Dem)", "DEM"},
      {"Hillary Clinton / Tim Kaine (Democratic)", "DEM"},
      {"Void - Working Families", "WOR"},
      {"Ronald Castorina Jr. (Conservative)", "CON"},
      {"Ballots Cast", ""},
      {"Scattering", ""},
      {"Smith, D", ""},  // a one-letter segment is an initial, not a party
      {"", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PartyFromText(c.text), c.want);
  }
}

TEST(PartyNormalizer, AppliesAStatesOwnSpellingsOnlyThere) {
  // New York's 2016 county files code the Independence line "IDC"; elsewhere it is unknown.
  EXPECT_EQ(NormalizeParty("IDC", "NY"), "IND");
  EXPECT_EQ(NormalizeParty("IDC", "GA"), "IDC");
  EXPECT_TRUE(IsKnownParty("idc", "NY"));
  EXPECT_FALSE(IsKnownParty("idc"));
  EXPECT_EQ(NormalizeParty("NP"), "NP");
  EXPECT_EQ(NormalizeParty("Nonpartisan"), "NP");
}

}  // namespace
}  // namespace downballot::ingest
