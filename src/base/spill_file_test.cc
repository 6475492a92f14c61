#include "base/spill_file.h"

#include <unistd.h>

#include <filesystem>
#include <string>

#include "gtest/gtest.h"

namespace downballot::base {
namespace {

TEST(SpillFileTest, ReadsBackWhatWasAppendedAndLeavesNoName) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("spill_file_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  {
    absl::StatusOr<SpillFile> spill = SpillFile::Create(folder.string());
    ASSERT_TRUE(spill.ok()) << spill.status();
    absl::StatusOr<int64_t> first = spill->Append("hello ");
    absl::StatusOr<int64_t> second = spill->Append(std::string(100000, 'x'));
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(*first, 0);
    EXPECT_EQ(*second, 6);
    EXPECT_EQ(spill->size(), 100006);
    std::string back(5, '\0');
    ASSERT_TRUE(spill->ReadAt(0, back.data(), back.size()).ok());
    EXPECT_EQ(back, "hello");
    std::string tail(3, '\0');
    ASSERT_TRUE(spill->ReadAt(100003, tail.data(), tail.size()).ok());
    EXPECT_EQ(tail, "xxx");
    EXPECT_FALSE(spill->ReadAt(100004, tail.data(), tail.size()).ok());
    // The file has no name in the folder while it is open.
    EXPECT_TRUE(std::filesystem::is_empty(folder));
  }
  std::filesystem::remove_all(folder);
}

TEST(SpillFileTest, NamesTheFolderItCannotUse) {
  absl::StatusOr<SpillFile> spill = SpillFile::Create("/nonexistent/spill/folder");
  ASSERT_FALSE(spill.ok());
  EXPECT_NE(spill.status().message().find("/nonexistent/spill/folder"), std::string::npos);
}

}  // namespace
}  // namespace downballot::base
