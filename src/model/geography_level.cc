#include "model/geography_level.h"

#include <array>
#include <utility>

namespace downballot::model {
namespace {

constexpr std::array<std::pair<GeographyLevel, std::string_view>, 3> kNames = {{
    {GeographyLevel::kContest, "contest"},
    {GeographyLevel::kCounty, "county"},
    {GeographyLevel::kPrecinct, "precinct"},
}};

}  // namespace

std::string_view ToString(GeographyLevel level) {
  for (const auto& [value, name] : kNames) {
    if (value == level) return name;
  }
  return "unknown";
}

std::optional<GeographyLevel> ParseGeographyLevel(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

}  // namespace downballot::model
