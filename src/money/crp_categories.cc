#include "money/crp_categories.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "fmt/format.h"

namespace downballot::money {
namespace {

// Column count of the header `Catcode Catname Catorder Industry Sector Sector Long`.
constexpr size_t kNumColumns = 6;
constexpr size_t kCatcodeChars = 5;
constexpr std::string_view kHeaderStart = "Catcode\tCatname";

// Splits one line on tabs, honouring double-quoted fields. OpenSecrets quotes a field only when
// it contains a comma, so a quote in the middle of an unquoted field is kept as a literal.
absl::StatusOr<std::vector<std::string>> SplitQuotedTabs(std::string_view line,
                                                         std::string_view where) {
  std::vector<std::string> fields;
  size_t pos = 0;
  while (true) {
    std::string field;
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      bool closed = false;
      while (pos < line.size()) {
        char c = line[pos++];
        if (c != '"') {
          field.push_back(c);
        } else if (pos < line.size() && line[pos] == '"') {
          field.push_back('"');
          ++pos;
        } else {
          closed = true;
          break;
        }
      }
      if (!closed) {
        return absl::InvalidArgumentError(fmt::format("{}: unterminated quoted field", where));
      }
      if (pos < line.size() && line[pos] != '\t') {
        return absl::InvalidArgumentError(
            fmt::format("{}: text after a closing quote in field {}", where, fields.size() + 1));
      }
    } else {
      size_t end = line.find('\t', pos);
      if (end == std::string_view::npos) end = line.size();
      field.assign(line.substr(pos, end - pos));
      pos = end;
    }
    fields.push_back(std::move(field));
    if (pos >= line.size()) break;
    ++pos;  // the tab
  }
  return fields;
}

}  // namespace

absl::StatusOr<std::vector<CrpCategory>> ParseCrpCategories(std::string_view text,
                                                            std::string_view source) {
  std::vector<CrpCategory> categories;
  absl::flat_hash_set<std::string> seen;
  bool in_body = false;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A UTF-8 BOM would hide the header from the prefix test below.
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (!in_body) {
      // The licence preamble varies between releases, so find the header rather than count lines.
      in_body = line.substr(0, kHeaderStart.size()) == kHeaderStart;
      continue;
    }
    if (line.find_first_not_of("\t ") == std::string_view::npos) continue;
    std::string where = fmt::format("{}:{}", std::string(source), line_no);
    absl::StatusOr<std::vector<std::string>> fields = SplitQuotedTabs(line, where);
    if (!fields.ok()) return fields.status();
    if (fields->size() < kNumColumns) {
      return absl::InvalidArgumentError(
          fmt::format("{}: expected {} fields, got {}", where, kNumColumns, fields->size()));
    }
    CrpCategory category{.catcode = std::move((*fields)[0]),
                         .name = std::move((*fields)[1]),
                         .industry = std::move((*fields)[3]),
                         .sector = std::move((*fields)[4]),
                         .sector_long = std::move((*fields)[5])};
    if (category.catcode.size() != kCatcodeChars) {
      return absl::InvalidArgumentError(fmt::format("{}: catcode '{}' is not {} characters", where,
                                                    category.catcode, kCatcodeChars));
    }
    if (!seen.insert(category.catcode).second) {
      return absl::InvalidArgumentError(
          fmt::format("{}: catcode {} appears twice", where, category.catcode));
    }
    categories.push_back(std::move(category));
  }
  if (!in_body) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: no header line starting 'Catcode<TAB>Catname' found", std::string(source)));
  }
  return categories;
}

bool IsFinanceSector(const CrpCategory& category) { return category.sector == kFinanceSector; }

}  // namespace downballot::money
