#include "base/money.h"

#include <gtest/gtest.h>

namespace downballot::base {
namespace {

TEST(ParseCents, AcceptsFecAmounts) {
  struct Case {
    const char* input;
    Cents want;
  };
  const Case cases[] = {{"500", 50000},   {"-8530", -853000}, {"1880.5", 188050},
                        {"12.34", 1234},  {"-0.01", -1},      {".5", 50},
                        {"0", 0},         {"849000", 84900000}, {"+7", 700}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(ParseCents(c.input), c.want);
  }
}

TEST(ParseCents, RejectsAnythingElse) {
  for (const char* input : {"12.3.4", "1,000", "", "12.345", "abc", "-", ".", "1e5", " 5",
                            "99999999999999999999"}) {
    SCOPED_TRACE(input);
    EXPECT_FALSE(ParseCents(input).has_value());
  }
}

TEST(FormatDollars, PrintsTwoDecimals) {
  EXPECT_EQ(FormatDollars(123450), "1234.50");
  EXPECT_EQ(FormatDollars(-5), "-0.05");
  EXPECT_EQ(FormatDollars(0), "0.00");
}

}  // namespace
}  // namespace downballot::base
