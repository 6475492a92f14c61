#include "query/params.h"

#include <gtest/gtest.h>

namespace downballot::query {
namespace {

Params One(std::string name, std::string value) {
  Params params;
  params.Set(std::move(name), std::move(value));
  return params;
}

TEST(Params, StatesAreCodesOrNames) {
  EXPECT_EQ(*One("state", "ny").State("state"), "NY");
  EXPECT_EQ(*One("state", "New York").State("state"), "NY");
  EXPECT_EQ(*One("state", "pr").State("state"), "PR");
  EXPECT_FALSE(One("state", "ZZ").State("state").ok());
  EXPECT_FALSE(One("state", "NYC").State("state").ok());
  EXPECT_FALSE(One("state", "N'").State("state").ok());
  EXPECT_EQ(*Params().State("state"), "");
}

TEST(Params, PartiesAreCodesOrNamesTheTableKnows) {
  EXPECT_EQ(*One("party", "dem").Party("party"), "DEM");
  EXPECT_EQ(*One("party", "Democrat").Party("party"), "DEM");
  EXPECT_EQ(*One("party", "Working Families").Party("party"), "WOR");
  EXPECT_EQ(*One("party", "trp").Party("party"), "TRP");  // unknown codes pass, upper-cased
  EXPECT_FALSE(One("party", "Green Mountain Peace").Party("party").ok());
  EXPECT_FALSE(One("party", "DEM'; DROP TABLE race").Party("party").ok());
}

TEST(Params, NumbersAreFiniteAndInRange) {
  EXPECT_DOUBLE_EQ(*One("ridge", "2.5").Number("ridge", 0, 10, 1), 2.5);
  EXPECT_DOUBLE_EQ(*Params().Number("ridge", 0, 10, 1), 1);
  for (const char* bad : {"-1", "11", "nan", "inf", "1e999", "2x", "", " 2"}) {
    if (std::string(bad).empty()) continue;  // empty = absent
    EXPECT_FALSE(One("ridge", bad).Number("ridge", 0, 10, 1).ok()) << bad;
  }
}

TEST(Params, IntegerListsAreCommaSeparated) {
  EXPECT_EQ(*One("train", "2016,2018").IntegerList("train", 1900, 2100),
            (std::vector<int64_t>{2016, 2018}));
  EXPECT_TRUE(Params().IntegerList("train", 1900, 2100)->empty());
  for (const char* bad : {"2016,", ",2016", "2016,,2018", "2016;2018", "18", "2016,x"}) {
    EXPECT_FALSE(One("train", bad).IntegerList("train", 1900, 2100).ok()) << bad;
  }
}

TEST(Params, UnknownAndRepeatedNamesAreRefused) {
  Params params({{"state", "NY"}, {"state", "AZ"}});
  EXPECT_FALSE(params.CheckNames({"state"}).ok());
  EXPECT_FALSE(One("bogus", "1").CheckNames({"state"}).ok());
  EXPECT_TRUE(One("state", "NY").CheckNames({"state"}).ok());
  EXPECT_FALSE(One("state", std::string(kMaxParamLength + 1, 'a')).CheckNames({"state"}).ok());
}

}  // namespace
}  // namespace downballot::query
