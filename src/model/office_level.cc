#include "model/office_level.h"

#include <array>
#include <utility>

#include "base/strings.h"

namespace downballot::model {
namespace {

constexpr std::array<std::pair<OfficeLevel, std::string_view>, 8> kNames = {{
    {OfficeLevel::kFederal, "federal"},
    {OfficeLevel::kState, "state"},
    {OfficeLevel::kCounty, "county"},
    {OfficeLevel::kMunicipal, "municipal"},
    {OfficeLevel::kJudicial, "judicial"},
    {OfficeLevel::kParty, "party"},
    {OfficeLevel::kMeasure, "measure"},
    {OfficeLevel::kOther, "other"},
}};

}  // namespace

std::string_view ToString(OfficeLevel level) {
  for (const auto& [value, name] : kNames) {
    if (value == level) return name;
  }
  return "unknown";
}

std::optional<OfficeLevel> ParseOfficeLevel(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (base::EqualsIgnoreCase(name, text)) return value;
  }
  return std::nullopt;
}

}  // namespace downballot::model
