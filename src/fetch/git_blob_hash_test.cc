#include "fetch/git_blob_hash.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace downballot::fetch {
namespace {

// `printf 'hello\n' | git hash-object --stdin` and the empty blob, as git computes them.
TEST(GitBlobSha1, MatchesGit) {
  EXPECT_EQ(GitBlobSha1OfBytes("hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
  EXPECT_EQ(GitBlobSha1OfBytes(""), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "downballot_git_blob_test.txt";
  std::ofstream(path, std::ios::binary) << "hello\n";
  EXPECT_EQ(*GitBlobSha1(path), "ce013625030ba8dba906f756967f9e9ca394464a");
  std::filesystem::remove(path);
  EXPECT_FALSE(GitBlobSha1(path).ok());
}

}  // namespace
}  // namespace downballot::fetch
