// Identifies counties across files that spell them differently: by FIPS code when the county
// table (ingested from a FIPS file) knows the name, else by a spelling key of the name.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "model/county.h"

namespace downballot::analysis {

class CountyDirectory {
 public:
  explicit CountyDirectory(std::span<const model::County> counties);

  // The key of `county` in `state` (postal code): its FIPS code ("36055") when the directory
  // knows it, else "~" and its name key ("~monroe"). Names match ignoring case, punctuation,
  // spacing and a trailing "County", "Parish" or "Borough" ("MONROE", "Monroe County",
  // "St.Lawrence" and "ST LAWRENCE" are found). "" for an empty name. Thread-safe.
  [[nodiscard]] std::string Key(std::string_view state, std::string_view county) const;

  // True when the directory knows `county` of `state` (its key is a FIPS code). Thread-safe.
  [[nodiscard]] bool IsKnown(std::string_view state, std::string_view county) const;

  // True when the directory has counties of `state`, so an unknown name there is worth listing.
  [[nodiscard]] bool HasState(std::string_view state) const;

  // Lowercase letters and digits of a county name, accents folded, without its trailing kind of
  // county: "St. Lawrence County" -> "stlawrence", "De Kalb" -> "dekalb", "Richmond city" ->
  // "richmondcity", "Doña Ana" -> "donaana".
  [[nodiscard]] static std::string NameKey(std::string_view county);

 private:
  std::map<std::pair<std::string, std::string>, std::string> fips_;  // (state, name key) -> fips
};

}  // namespace downballot::analysis
