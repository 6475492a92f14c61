// OpenSecrets' industry category table (CRP_Categories.txt): the label space for industry coding.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace downballot::money {

// One OpenSecrets category: a five-character catcode and the industry and sector it rolls up
// to. Sector is the short name ("Finance/Insur/RealEst"); sector_long the display name.
struct CrpCategory {
  std::string catcode;
  std::string name;
  std::string industry;
  std::string sector;
  std::string sector_long;
};

// The short sector name OpenSecrets gives the 39 Finance, Insurance & Real Estate (FIRE) codes.
inline constexpr std::string_view kFinanceSector = "Finance/Insur/RealEst";

// Parses the tab-delimited OpenSecrets category file. Lines before the header that starts
// `Catcode<TAB>Catname` (the licence preamble) are skipped; CRLF or LF endings, and fields
// wrapped in double quotes (`"Vegetables, fruits and tree nut"`, `""` inside a quoted field is
// one quote) are accepted; blank lines after the header are ignored. Returns the categories in
// file order. InvalidArgument, with `source:line` in the message, when the header is missing,
// a row has fewer than 6 fields, a quote is unterminated, a catcode is not five characters or
// a catcode repeats. Thread-safe; keeps no reference to `text`.
[[nodiscard]] absl::StatusOr<std::vector<CrpCategory>> ParseCrpCategories(std::string_view text,
                                                                          std::string_view source);

// True when the category belongs to the Finance/Insur/RealEst sector (METHODS.md §2).
[[nodiscard]] bool IsFinanceSector(const CrpCategory& category);

}  // namespace downballot::money
