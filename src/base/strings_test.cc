#include "base/strings.h"

#include <gtest/gtest.h>

namespace downballot::base {
namespace {

TEST(Strings, TrimAndCollapse) {
  EXPECT_EQ(Trim("  a b \r\n"), "a b");
  EXPECT_EQ(CollapseSpaces(" Blank\xC2\xA0 Votes  "), "Blank Votes");
  EXPECT_EQ(CollapseSpaces(""), "");
  // Control characters are export debris: North Carolina's party cells hold NUL bytes.
  EXPECT_EQ(Trim(std::string_view("\0", 1)), "");
  EXPECT_EQ(CollapseSpaces(std::string_view("DEM\0\x7F", 5)), "DEM");
}

TEST(Strings, ParseByteSizeTakesUnits) {
  EXPECT_EQ(ParseByteSize("65536"), 65536);
  EXPECT_EQ(ParseByteSize("64K"), 65536);
  EXPECT_EQ(ParseByteSize("512M"), int64_t{512} << 20);
  EXPECT_EQ(ParseByteSize("1G"), int64_t{1} << 30);
  EXPECT_EQ(ParseByteSize("2gb"), int64_t{2} << 30);
  EXPECT_EQ(ParseByteSize("3 GiB"), int64_t{3} << 30);
  EXPECT_EQ(ParseByteSize("1T"), int64_t{1} << 40);
  EXPECT_EQ(ParseByteSize(""), std::nullopt);
  EXPECT_EQ(ParseByteSize("G"), std::nullopt);
  EXPECT_EQ(ParseByteSize("-1G"), std::nullopt);
  EXPECT_EQ(ParseByteSize("1.5G"), std::nullopt);
  EXPECT_EQ(ParseByteSize("1X"), std::nullopt);
  EXPECT_EQ(ParseByteSize("99999999999T"), std::nullopt);
}

TEST(Strings, ParseIntIsStrict) {
  EXPECT_EQ(ParseInt("3437"), 3437);
  EXPECT_EQ(ParseInt("-85"), -85);
  EXPECT_FALSE(ParseInt("3,437").has_value());
  EXPECT_FALSE(ParseInt("12x").has_value());
  EXPECT_FALSE(ParseInt("").has_value());
  EXPECT_FALSE(ParseInt("99999999999999999999999").has_value());
}

TEST(Strings, ParseDouble) {
  EXPECT_DOUBLE_EQ(*ParseDouble("-28.879999"), -28.879999);
  EXPECT_FALSE(ParseDouble("R+15").has_value());
}

TEST(Strings, BaseNameIsTheLastPathComponent) {
  EXPECT_EQ(BaseName("data/2018/20181106__ny__general.csv"), "20181106__ny__general.csv");
  EXPECT_EQ(BaseName("C:\\data\\cn.txt"), "cn.txt");
  EXPECT_EQ(BaseName("cn.txt"), "cn.txt");
  EXPECT_EQ(BaseName("dir/"), "");
}

TEST(Strings, SlugifyAndCase) {
  EXPECT_EQ(Slugify("U.S. House"), "u-s-house");
  EXPECT_EQ(Slugify("  Town of Cicero District 8 "), "town-of-cicero-district-8");
  EXPECT_TRUE(EqualsIgnoreCase("Dem", "DEM"));
  EXPECT_TRUE(StartsWithIgnoreCase("Public Counter", "public"));
  EXPECT_TRUE(ContainsIgnoreCase("Ballots Cast - REPUBLICAN", "republican"));
  EXPECT_EQ(Split("a,,b", ',').size(), 3u);
}

}  // namespace
}  // namespace downballot::base

#include <cstdio>
#include <fstream>

#include "base/file_system.h"

namespace downballot::base {
namespace {

TEST(ContentHash, StreamingHashOfAFileEqualsTheHashOfItsBytes) {
  std::string bytes(3 << 20, 'x');  // three chunks
  bytes[12345] = '|';
  const std::string path = ::testing::TempDir() + "/downballot_hash_test.bin";
  std::ofstream(path, std::ios::binary) << bytes;
  const auto streamed = ContentHashOfFile(path);
  ASSERT_TRUE(streamed.ok()) << streamed.status();
  EXPECT_EQ(*streamed, ContentHash(bytes));
  EXPECT_EQ(ContentHashOfFile(path + ".missing").status().code(), absl::StatusCode::kNotFound);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace downballot::base

namespace downballot::base {
namespace {

TEST(EditDistance, CountsEditsWithAdjacentSwapsAsOne) {
  EXPECT_EQ(EditDistance("Christian", "Chrsitian"), 1u);
  EXPECT_EQ(EditDistance("Tom", "Torn"), 2u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("racse", "races"), 1u);
  EXPECT_EQ(EditDistance("same", "same"), 0u);
}

TEST(DidYouMean, NearestChoiceOrTheOnlyOneStarted) {
  const std::vector<std::string_view> levels = {"federal", "state", "county", "party"};
  EXPECT_EQ(DidYouMean("sate", levels), "; did you mean 'state'?");
  EXPECT_EQ(DidYouMean("FEDERL", levels), "; did you mean 'federal'?");
  EXPECT_EQ(DidYouMean("coun", levels), "; did you mean 'county'?");
  EXPECT_EQ(DidYouMean("galactic", levels), "");
  EXPECT_EQ(SplitList("primary, general or runoff"),
            (std::vector<std::string_view>{"primary", "general", "runoff"}));
}

}  // namespace
}  // namespace downballot::base
