#include "analysis/county_directory.h"

#include <array>

#include "analysis/candidate_name.h"

namespace downballot::analysis {
namespace {

// What a county name may end with that the files drop (the FIPS table writes "Monroe County",
// results files "MONROE"); Alaska's boroughs and census areas, Louisiana's parishes.
constexpr std::array<std::string_view, 7> kKindSuffixes = {
    "cityandborough", "censusarea", "municipality", "county", "parish", "borough", "municipio"};

}  // namespace

CountyDirectory::CountyDirectory(std::span<const model::County> counties) {
  for (const model::County& county : counties) {
    fips_.try_emplace({county.state, NameKey(county.name)}, county.fips);
  }
}

std::string CountyDirectory::NameKey(std::string_view county) {
  // SpellingKey folds accents and case ("Doña Ana" and "DONA ANA" meet), then spaces go.
  std::string key = SpellingKey(county);
  std::erase(key, ' ');
  if (key.starts_with("saint")) key.replace(0, 5, "st");
  for (const std::string_view suffix : kKindSuffixes) {
    if (key.size() > suffix.size() && key.ends_with(suffix)) {
      key.resize(key.size() - suffix.size());
      break;
    }
  }
  return key;
}

std::string CountyDirectory::Key(std::string_view state, std::string_view county) const {
  std::string name_key = NameKey(county);
  if (name_key.empty()) return "";
  const auto it = fips_.find({std::string(state), name_key});
  if (it != fips_.end()) return it->second;
  return "~" + name_key;
}

bool CountyDirectory::IsKnown(std::string_view state, std::string_view county) const {
  const std::string key = Key(state, county);
  return !key.empty() && !key.starts_with('~');
}

bool CountyDirectory::HasState(std::string_view state) const {
  const auto it = fips_.lower_bound({std::string(state), ""});
  return it != fips_.end() && it->first.first == state;
}

}  // namespace downballot::analysis
