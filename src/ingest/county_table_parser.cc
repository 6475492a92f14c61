#include "ingest/county_table_parser.h"

#include <array>
#include <optional>
#include <string>

#include "base/status_macros.h"
#include "base/strings.h"
#include "fmt/format.h"
#include "ingest/delimited_reader.h"
#include "ingest/header_columns.h"
#include "ingest/text_input.h"
#include "ingest/us_states.h"

namespace downballot::ingest {
namespace {

struct Layout {
  std::optional<size_t> fips;
  std::optional<size_t> name;
  std::optional<size_t> state;
};

constexpr std::array<ColumnAlias<Layout>, 3> kAliases = {{
    {&Layout::fips, "fips"},
    {&Layout::name, "county_name"},
    {&Layout::state, "state_abbr"},
}};

constexpr std::array<RequiredColumn<Layout>, 3> kRequired = {{
    {&Layout::fips, "'fips'"},
    {&Layout::name, "'county_name'"},
    {&Layout::state, "'state_abbr'"},
}};

// Five-digit code of a county: two for the state, three for the county. The file drops leading
// zeros ("1001" is Autauga, 01001).
constexpr size_t kFipsDigits = 5;

}  // namespace

absl::StatusOr<std::vector<model::County>> ParseCountyTable(std::string_view path,
                                                            std::string_view bytes,
                                                            model::FileReport& report) {
  if (report.path.empty()) report.path = std::string(path);
  if (report.kind.empty()) report.kind = "county_fips";
  ASSIGN_OR_RETURN(const std::string text, DecodeTextFile(path, bytes, report));
  DelimitedReader reader(text, {});
  Record record;
  RETURN_IF_ERROR(ReadHeaderRecord(path, reader, record));
  ASSIGN_OR_RETURN(const HeaderColumns header, ReadHeaderColumns(path, record));
  Layout layout;
  MapColumnAliases(header, kAliases, layout);
  RETURN_IF_ERROR(MissingColumnsError(path, header.line, MissingColumns(layout, kRequired)));
  const size_t num_fields = header.names.size();

  std::vector<model::County> counties;
  while (true) {
    const absl::StatusOr<bool> next = reader.Next(record);
    if (!next.ok()) return ReaderErrorAt(path, record, next.status());
    if (!*next) break;
    ++report.rows_read;
    ASSIGN_OR_RETURN(const bool has_all_fields, CheckFieldCount(path, record, num_fields, report));
    if (!has_all_fields) continue;
    const std::string_view fips = TrimmedCell(record, layout.fips);
    const bool is_code = (fips.size() == kFipsDigits || fips.size() == kFipsDigits - 1) &&
                         fips.find_first_not_of("0123456789") == std::string_view::npos;
    if (!is_code) {
      report.Reject(record.line, "fips",
                    fmt::format("fips '{}' is not a 4- or 5-digit code", fips));
      continue;
    }
    const std::optional<std::string> state = StatePostalCode(TrimmedCell(record, layout.state));
    if (!state) {
      report.Reject(record.line, "state_abbr",
                    fmt::format("state '{}' is not one of the 50 states or DC",
                                TrimmedCell(record, layout.state)));
      continue;
    }
    const std::string_view name = TrimmedCell(record, layout.name);
    if (name.empty()) {
      report.Reject(record.line, "county_name", "county_name is empty");
      continue;
    }
    model::County county;
    county.fips = std::string(kFipsDigits - fips.size(), '0') + std::string(fips);
    county.state = *state;
    county.name = base::CollapseSpaces(name);
    counties.push_back(std::move(county));
  }
  return counties;
}

}  // namespace downballot::ingest
