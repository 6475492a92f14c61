#include "base/bucket_spill.h"

#include <string>

#include "gtest/gtest.h"

namespace downballot::base {
namespace {

TEST(BucketSpillTest, ReadsEachBucketsPiecesBackInOrder) {
  BucketSpill spill(3, ::testing::TempDir());
  EXPECT_EQ(spill.bytes_written(), 0) << "no file before the first append";
  ASSERT_TRUE(spill.Append(0, "ab").ok());
  ASSERT_TRUE(spill.Append(0, "cd").ok());  // contiguous: the same piece
  ASSERT_TRUE(spill.Append(2, "XY").ok());
  ASSERT_TRUE(spill.Append(0, "ef").ok());
  EXPECT_EQ(spill.bucket_bytes(0), 6u);
  EXPECT_EQ(spill.bucket_bytes(1), 0u);
  EXPECT_EQ(spill.bytes_written(), 8);
  std::string back(spill.bucket_bytes(0), '\0');
  ASSERT_TRUE(spill.ReadBucket(0, back.data()).ok());
  EXPECT_EQ(back, "abcdef");
  spill.ForgetBucket(0);
  EXPECT_EQ(spill.bucket_bytes(0), 0u);
  std::string other(spill.bucket_bytes(2), '\0');
  ASSERT_TRUE(spill.ReadBucket(2, other.data()).ok());
  EXPECT_EQ(other, "XY");
}

TEST(BucketSpillTest, AFolderThatCannotBeUsedFailsTheFirstAppend) {
  BucketSpill spill(1, "/nonexistent/spill/folder");
  const absl::Status status = spill.Append(0, "x");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/spill/folder"), std::string::npos);
}

}  // namespace
}  // namespace downballot::base
