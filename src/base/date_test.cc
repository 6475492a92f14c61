#include "base/date.h"

#include <gtest/gtest.h>

namespace downballot::base {
namespace {

TEST(ParseDate, AcceptsTheFormatsElectionFilesUse) {
  struct Case {
    const char* input;
    Date want;
  };
  const Case cases[] = {{"20180626", {2018, 6, 26}},
                        {"2018-06-26", {2018, 6, 26}},
                        {"6/26/18", {2018, 6, 26}},
                        {"06/26/2018", {2018, 6, 26}},
                        {" 3/1/22 ", {2022, 3, 1}}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const auto date = ParseDate(c.input);
    ASSERT_TRUE(date.ok()) << date.status();
    EXPECT_EQ(*date, c.want);
  }
}

TEST(ParseDate, RejectsImpossibleDates) {
  for (const char* input : {"20180231", "2018-13-01", "", "june 26", "6/26", "1/2/3/4", "00000000"}) {
    SCOPED_TRACE(input);
    EXPECT_FALSE(ParseDate(input).ok());
  }
}

TEST(Date, PrintsIsoAndKnowsPresidentialYears) {
  EXPECT_EQ((Date{2018, 6, 6}).ToIso(), "2018-06-06");
  EXPECT_TRUE((Date{2016, 9, 13}).is_presidential_year());
  EXPECT_FALSE((Date{2018, 9, 13}).is_presidential_year());
}

}  // namespace
}  // namespace downballot::base
