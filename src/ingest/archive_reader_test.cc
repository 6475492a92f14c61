#include "ingest/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "ingest/test_files.h"

namespace downballot::ingest {
namespace {

using testing::Message;

constexpr std::string_view kFec2020Dir =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/fec/cycle2020_jk3587";

using testing::TempDir;
using testing::WriteZip;

void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Reads everything in small chunks, to exercise chunk boundaries.
absl::StatusOr<std::string> ReadInChunks(ByteSource& source, size_t chunk_bytes) {
  std::string bytes;
  std::string chunk(chunk_bytes, '\0');
  for (;;) {
    absl::StatusOr<size_t> num_read = source.Read(chunk.data(), chunk.size());
    if (!num_read.ok()) return num_read.status();
    if (*num_read == 0) return bytes;
    bytes.append(chunk.data(), *num_read);
  }
}

// Pipe rows big enough to span many chunks and to compress well.
std::string SampleRows(int num_rows) {
  std::string rows;
  for (int row_idx = 0; row_idx < num_rows; ++row_idx) {
    rows += "C00432906|N|M2|P|2019|15|IND|DOE, JANE \"JJ\"|NEW YORK|NY|10001|ACME|CEO|01182019|" +
            std::to_string(row_idx) + "||SA11.1|1305860|||" + std::to_string(4000 + row_idx) + "\n";
  }
  return rows;
}

TEST(ArchiveReader, ReadsAPlainFileInChunks) {
  TempDir dir;
  const std::string path = dir.File("cn.txt");
  const std::string bytes = SampleRows(500);
  WriteFile(path, bytes);
  auto source = OpenByteSource(path);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->member_name(), "");
  EXPECT_EQ((*source)->path(), path);
  auto read = ReadInChunks(**source, 7);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, bytes);
  char byte = 0;
  EXPECT_EQ(*(*source)->Read(&byte, 1), 0u);
}

TEST(ArchiveReader, ReadsAnEmptyPlainFile) {
  TempDir dir;
  const std::string path = dir.File("empty.txt");
  WriteFile(path, "");
  auto source = OpenByteSource(path);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ(*ReadAllBytes(**source), "");
}

TEST(ArchiveReader, ShortPlainFilesAreNotMistakenForZips) {
  TempDir dir;
  for (const std::string_view bytes : {"P", "PK", "PK\x03", "PKZIP is not a zip"}) {
    SCOPED_TRACE(std::string(bytes));
    const std::string path = dir.File("short.txt");
    WriteFile(path, bytes);
    auto source = OpenByteSource(path);
    ASSERT_TRUE(source.ok()) << source.status();
    EXPECT_EQ(*ReadAllBytes(**source), bytes);
  }
}

TEST(ArchiveReader, ReadsTheFirstZipMember) {
  TempDir dir;
  const std::string path = dir.File("oth20.zip");
  const std::string rows = SampleRows(3000);
  WriteZip(path, {{"docs/", "", true}, {"itoth.txt", rows}, {"other.txt", "x\n"}});
  auto source = OpenByteSource(path);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->member_name(), "itoth.txt");
  auto read = ReadInChunks(**source, 4096);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(*read, rows);
}

TEST(ArchiveReader, ReadsANamedZipMemberByPathOrLastComponent) {
  TempDir dir;
  const std::string path = dir.File("indiv20.zip");
  WriteZip(path, {{"itcont.txt", "a\n"}, {"by_date/itcont_2020_1.txt", "b\n"}});
  for (const std::string_view member : {"by_date/itcont_2020_1.txt", "itcont_2020_1.txt"}) {
    SCOPED_TRACE(std::string(member));
    auto source = OpenByteSource(path, {.member = std::string(member)});
    ASSERT_TRUE(source.ok()) << source.status();
    EXPECT_EQ((*source)->member_name(), "by_date/itcont_2020_1.txt");
    EXPECT_EQ(*ReadAllBytes(**source), "b\n");
  }
}

TEST(ArchiveReader, MissingMemberIsNotFound) {
  TempDir dir;
  const std::string path = dir.File("indiv20.zip");
  WriteZip(path, {{"itcont.txt", "a\n"}});
  auto source = OpenByteSource(path, {.member = "itpas2.txt"});
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(Message(source.status()).find("itpas2.txt"), std::string::npos);
  EXPECT_NE(Message(source.status()).find(path), std::string::npos);
}

TEST(ArchiveReader, DetectsAZipByMagicNotByName) {
  TempDir dir;
  const std::string path = dir.File("itoth.txt");
  WriteZip(path, {{"itoth.txt", "zipped\n"}});
  auto source = OpenByteSource(path);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->member_name(), "itoth.txt");
  EXPECT_EQ(*ReadAllBytes(**source), "zipped\n");
}

TEST(ArchiveReader, ZipWithoutFilesIsInvalid) {
  TempDir dir;
  const std::string path = dir.File("empty.zip");
  WriteZip(path, {{"docs/", "", true}});
  auto source = OpenByteSource(path);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(Message(source.status()).find("holds no file"), std::string::npos);
}

TEST(ArchiveReader, MissingFileIsNotFound) {
  auto source = OpenByteSource("/nonexistent/downballot/cn.txt");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(Message(source.status()).find("/nonexistent/downballot/cn.txt"), std::string::npos);
}

// A download cut short anywhere must give a clear error naming the file, never a crash nor a
// silently short read.
TEST(ArchiveReader, TruncatedZipFailsWithAClearError) {
  TempDir dir;
  const std::string whole = dir.File("whole.zip");
  const std::string rows = SampleRows(20000);
  WriteZip(whole, {{"itcont.txt", rows}});
  const std::string bytes = ReadFileBytes(whole);
  ASSERT_GT(bytes.size(), 1000u);
  for (const size_t keep :
       {size_t{10}, size_t{40}, size_t{200}, bytes.size() / 2, bytes.size() - 30}) {
    SCOPED_TRACE(keep);
    const std::string path = dir.File("indiv20.zip");
    WriteFile(path, std::string_view(bytes).substr(0, keep));
    auto source = OpenByteSource(path);
    absl::Status status = source.status();
    if (source.ok()) {
      auto read = ReadAllBytes(**source);
      status = read.status();
      if (read.ok()) {
        // Only acceptable if everything arrived (the cut fell in the central directory).
        EXPECT_EQ(*read, rows);
        continue;
      }
    }
    EXPECT_TRUE(status.code() == absl::StatusCode::kDataLoss ||
                status.code() == absl::StatusCode::kInvalidArgument)
        << status;
    EXPECT_NE(Message(status).find(path), std::string::npos) << status;
  }
}

TEST(ArchiveReader, CorruptZipDataIsDataLoss) {
  TempDir dir;
  const std::string whole = dir.File("whole.zip");
  const std::string rows = SampleRows(20000);
  WriteZip(whole, {{"itcont.txt", rows}});
  std::string bytes = ReadFileBytes(whole);
  // Scribble over the middle of the deflate stream.
  for (size_t idx = bytes.size() / 3; idx < bytes.size() / 3 + 64; ++idx) bytes[idx] = '\x5a';
  const std::string path = dir.File("corrupt.zip");
  WriteFile(path, bytes);
  auto source = OpenByteSource(path);
  ASSERT_TRUE(source.ok()) << source.status();
  auto read = ReadAllBytes(**source);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kDataLoss) << read.status();
  EXPECT_NE(Message(read.status()).find("corrupt.zip"), std::string::npos);
  // A spent source keeps returning the end rather than crashing.
  char byte = 0;
  EXPECT_TRUE((*source)->Read(&byte, 1).ok());
}

TEST(ArchiveReader, StreamsTheRealOth20Zip) {
  const std::string path = std::string(kFec2020Dir) + "/oth20.zip";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no FEC sample data";
  auto source = OpenByteSource(path);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->member_name(), "itoth.txt");
  std::string chunk(1 << 16, '\0');
  int64_t num_bytes = 0;
  int64_t num_lines = 0;
  for (;;) {
    auto num_read = (*source)->Read(chunk.data(), chunk.size());
    ASSERT_TRUE(num_read.ok()) << num_read.status();
    if (*num_read == 0) break;
    num_bytes += static_cast<int64_t>(*num_read);
    for (size_t idx = 0; idx < *num_read; ++idx) num_lines += chunk[idx] == '\n' ? 1 : 0;
  }
  EXPECT_EQ(num_bytes, 11769073);  // the member's size in the zip directory
  EXPECT_EQ(num_lines, 50921);
}

}  // namespace
}  // namespace downballot::ingest
