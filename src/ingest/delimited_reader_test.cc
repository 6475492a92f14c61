#include "ingest/delimited_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace downballot::ingest {
namespace {

std::vector<Record> ReadAll(std::string_view text, DelimitedReaderOptions options = {}) {
  DelimitedReader reader(text, options);
  std::vector<Record> records;
  Record record;
  while (true) {
    auto has_record = reader.Next(record);
    EXPECT_TRUE(has_record.ok()) << has_record.status();
    if (!has_record.ok() || !*has_record) break;
    records.push_back(record);
  }
  return records;
}

TEST(DelimitedReader, HandlesEveryLineEnding) {
  struct Case {
    const char* name;
    const char* text;
  };
  const Case cases[] = {
      {"lf", "a,b\n1,2\n"}, {"crlf", "a,b\r\n1,2\r\n"}, {"cr", "a,b\r1,2\r"}, {"no_final", "a,b\n1,2"}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto records = ReadAll(c.text);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[1].fields, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(records[1].line, 2);
  }
}

TEST(DelimitedReader, QuotedFieldsKeepDelimitersQuotesAndNewlines) {
  const auto records = ReadAll("name,votes\n\"Town of X, Ward 1\",\"3,437\"\n\"say \"\"hi\"\"\",\"a\nb\"\nz,1\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1].fields[0], "Town of X, Ward 1");
  EXPECT_EQ(records[1].fields[1], "3,437");
  EXPECT_EQ(records[2].fields[0], "say \"hi\"");
  EXPECT_EQ(records[2].fields[1], "a\nb");
  EXPECT_EQ(records[3].line, 5);
}

TEST(DelimitedReader, QuoteInsideFieldIsData) {
  const auto records = ReadAll("CRAMER, ROBERT E \"BUD\" JR|X\n", {.delimiter = '|', .is_quoting = false});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields[0], "CRAMER, ROBERT E \"BUD\" JR");
  const auto quoted = ReadAll("a 5\" ruler,b\n");
  EXPECT_EQ(quoted[0].fields[0], "a 5\" ruler");
}

TEST(DelimitedReader, SkipsBlankLinesAndCountsThem) {
  const auto records = ReadAll("a\n\n\nb\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].line, 4);
}

TEST(DelimitedReader, UnclosedQuoteIsAnErrorNamingTheLine) {
  DelimitedReader reader("a,b\n1,\"never closed\n", {});
  Record record;
  ASSERT_TRUE(*reader.Next(record));
  const auto second = reader.Next(record);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(record.line, 2);
  EXPECT_EQ(std::string(second.status().message()),
            "quoted field is not closed before the end of the file");
}

TEST(DelimitedReader, ReportsARecordCutWithoutNewline) {
  const auto records = ReadAll("a,b\n1,2\n3");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[1].ends_with_newline);
  EXPECT_FALSE(records[2].ends_with_newline);
}

}  // namespace
}  // namespace downballot::ingest
