#include "ingest/us_states.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace downballot::ingest {
namespace {

TEST(UsStates, StatePostalCodeReadsNamesAndCodes) {
  struct Case {
    std::string_view input;
    std::optional<std::string> want;
  };
  const Case cases[] = {
      {"Alabama", "AL"},
      {"District of Columbia", "DC"},
      {"new york", "NY"},
      {"  West   Virginia ", "WV"},
      {"Wyoming", "WY"},
      {"NY", "NY"},
      {"ny", "NY"},
      {"DC", "DC"},
      {"Puerto Rico", std::nullopt},
      {"PR", std::nullopt},
      {"XX", std::nullopt},
      {"", std::nullopt},
      {"New", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(StatePostalCode(c.input), c.want);
  }
}

TEST(UsStates, StatePostalCodeCoversFiftyStatesAndDc) {
  const std::vector<std::string_view> names = {
      "Alabama",        "Alaska",         "Arizona",
      "Arkansas",       "California",     "Colorado",
      "Connecticut",    "Delaware",       "District of Columbia",
      "Florida",        "Georgia",        "Hawaii",
      "Idaho",          "Illinois",       "Indiana",
      "Iowa",           "Kansas",         "Kentucky",
      "Louisiana",      "Maine",          "Maryland",
      "Massachusetts",  "Michigan",       "Minnesota",
      "Mississippi",    "Missouri",       "Montana",
      "Nebraska",       "Nevada",         "New Hampshire",
      "New Jersey",     "New Mexico",     "New York",
      "North Carolina", "North Dakota",   "Ohio",
      "Oklahoma",       "Oregon",         "Pennsylvania",
      "Rhode Island",   "South Carolina", "South Dakota",
      "Tennessee",      "Texas",          "Utah",
      "Vermont",        "Virginia",       "Washington",
      "West Virginia",  "Wisconsin",      "Wyoming"};
  std::set<std::string> codes;
  for (std::string_view name : names) {
    const std::optional<std::string> code = StatePostalCode(name);
    ASSERT_TRUE(code.has_value()) << name;
    EXPECT_EQ(StatePostalCode(*code), code) << "a code maps to itself: " << *code;
    codes.insert(*code);
  }
  EXPECT_EQ(codes.size(), 51u);
}

TEST(UsStates, AtLargeSeatsFollowTheApportionment) {
  for (std::string_view code : {"AK", "DE", "ND", "SD", "VT", "WY"}) {
    EXPECT_TRUE(HasOneAtLargeSeat(code, 2018)) << code;
    EXPECT_TRUE(HasOneAtLargeSeat(code, 2022)) << code;
  }
  EXPECT_TRUE(HasOneAtLargeSeat("MT", 2018));
  EXPECT_FALSE(HasOneAtLargeSeat("MT", 2022));
  EXPECT_FALSE(HasOneAtLargeSeat("NY", 2018));
}

}  // namespace
}  // namespace downballot::ingest
