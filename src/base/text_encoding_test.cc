#include "base/text_encoding.h"

#include <gtest/gtest.h>

namespace downballot::base {
namespace {

TEST(TextEncoding, KeepsValidUtf8AndReadsStrayBytesAsLatin1) {
  EXPECT_TRUE(IsValidUtf8("Do\xC3\xB1" "a Ana"));
  EXPECT_FALSE(IsValidUtf8("Blank\xA0Votes"));
  EXPECT_EQ(ToUtf8Lenient("Blank\xA0Votes"), "Blank\xC2\xA0Votes");
  EXPECT_EQ(ToUtf8Lenient("Do\xD0" "a"), "Do\xC3\x90" "a");
  // A mojibake sequence from a real 538 file: \xcc\xb1 is valid UTF-8 (U+0331) and is kept.
  EXPECT_EQ(ToUtf8Lenient("Osme\xCC\xB1" "a"), "Osme\xCC\xB1" "a");
  EXPECT_TRUE(IsValidUtf8(ToUtf8Lenient("Ch\xCC\xC1vez")));
}

TEST(TextEncoding, StripsBom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBF" "county"), "county");
  EXPECT_EQ(StripBom("county"), "county");
}

}  // namespace
}  // namespace downballot::base
