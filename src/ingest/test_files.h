// Test-only helpers for the ingest tests: a per-test temporary folder, zip writing, reading a
// whole file and a status message as a string.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace downballot::ingest::testing {

// The whole content of `path`, or nullopt when it cannot be opened (the shared data is absent).
inline std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// `status.message()` as a std::string: Debian's Abseil returns absl::string_view, which neither
// gtest matchers nor fmt take directly.
inline std::string Message(const absl::Status& status) {
  return std::string(status.message().data(), status.message().size());
}

// A fresh folder per test, named after the test and the process, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("downballot_" + std::string(info->test_suite_name()) + "_" +
             std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The path of `name` inside the folder.
  [[nodiscard]] std::string File(std::string_view name) const { return (path_ / name).string(); }
  // Writes `bytes` to `name` inside the folder and returns its path.
  [[nodiscard]] std::string Write(std::string_view name, std::string_view bytes) const {
    const std::string path = File(name);
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }

 private:
  std::filesystem::path path_;
};

struct ZipMember {
  std::string name;
  std::string bytes;
  bool is_directory = false;
};

// Writes a deflated zip with libarchive's writer, as the FEC's own zips are deflated.
inline void WriteZip(const std::string& path, const std::vector<ZipMember>& members) {
  archive* writer = archive_write_new();
  ASSERT_EQ(archive_write_set_format_zip(writer), ARCHIVE_OK);
  ASSERT_EQ(archive_write_set_options(writer, "zip:compression=deflate"), ARCHIVE_OK);
  ASSERT_EQ(archive_write_open_filename(writer, path.c_str()), ARCHIVE_OK);
  for (const ZipMember& member : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, member.name.c_str());
    archive_entry_set_filetype(entry, member.is_directory ? S_IFDIR : S_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(member.bytes.size()));
    ASSERT_EQ(archive_write_header(writer, entry), ARCHIVE_OK);
    if (!member.bytes.empty()) {
      ASSERT_EQ(archive_write_data(writer, member.bytes.data(), member.bytes.size()),
                static_cast<la_ssize_t>(member.bytes.size()));
    }
    archive_entry_free(entry);
  }
  ASSERT_EQ(archive_write_close(writer), ARCHIVE_OK);
  archive_write_free(writer);
}

}  // namespace downballot::ingest::testing
