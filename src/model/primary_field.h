// The candidates of one primary as the forecast sees them: a choice set with named features.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace downballot::model {

struct FieldCandidate {
  std::string name;
  int64_t source_line = 0;     // line of the candidacy in its source file
  std::vector<double> features;  // in the order of PrimaryField's feature names
  std::optional<bool> won;     // nullopt while the outcome is unknown
};

struct PrimaryField {
  std::string race_id;
  int cycle = 0;
  std::string state;
  std::string party;
  std::string office;
  std::string district;
  std::vector<FieldCandidate> candidates;
};

}  // namespace downballot::model
