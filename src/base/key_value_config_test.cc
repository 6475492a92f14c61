#include "base/key_value_config.h"

#include <gtest/gtest.h>

namespace downballot::base {
namespace {

TEST(KeyValueConfig, ParsesCommentsAndAppliesNumbers) {
  const auto values = ParseKeyValues("# weights\nopen_seat = 2.5  # why\n\nsafe_seat=1\n", "w.conf");
  ASSERT_TRUE(values.ok()) << values.status();
  double open_seat = 0;
  double safe_seat = 0;
  ASSERT_TRUE(ApplyNumericFields(*values, {{"open_seat", &open_seat}, {"safe_seat", &safe_seat}},
                                 "w.conf")
                  .ok());
  EXPECT_DOUBLE_EQ(open_seat, 2.5);
  EXPECT_DOUBLE_EQ(safe_seat, 1);
}

TEST(KeyValueConfig, ErrorsNameTheFileLineAndKey) {
  const auto missing_equals = ParseKeyValues("a = 1\nbroken line\n", "w.conf");
  ASSERT_FALSE(missing_equals.ok());
  EXPECT_EQ(missing_equals.status().message(), "w.conf:2: expected 'key = value', got 'broken line'");
  EXPECT_FALSE(ParseKeyValues("a=1\na=2\n", "w.conf").ok());
  double a = 0;
  const auto values = ParseKeyValues("b = 1\n", "w.conf");
  EXPECT_FALSE(ApplyNumericFields(*values, {{"a", &a}}, "w.conf").ok());
  const auto not_number = ParseKeyValues("a = lots\n", "w.conf");
  EXPECT_FALSE(ApplyNumericFields(*not_number, {{"a", &a}}, "w.conf").ok());
}

}  // namespace
}  // namespace downballot::base
