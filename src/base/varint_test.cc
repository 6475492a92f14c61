#include "base/varint.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace downballot::base {
namespace {

TEST(Varint, TakesSevenBitsAByteLowFirst) {
  std::string out;
  AppendVarint(out, 0);
  AppendVarint(out, 127);
  AppendVarint(out, 128);
  AppendVarint(out, 300);
  EXPECT_EQ(out, std::string("\x00\x7f\x80\x01\xac\x02", 6));
  out.clear();
  AppendVarint(out, std::numeric_limits<uint64_t>::max());
  EXPECT_EQ(out.size(), kMaxVarintBytes);
  EXPECT_EQ(static_cast<unsigned char>(out.back()), 0x01);
}

}  // namespace
}  // namespace downballot::base
