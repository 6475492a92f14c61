// Builds a candidate's money profile from the store: shared by `money` and `targets`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "money/candidate_money.h"
#include "money/crp_categories.h"
#include "money/industry_classifier.h"
#include "store/database.h"
#include "store/money_queries.h"

namespace downballot::query {

struct CodingOptions {
  std::string rules_path;       // "" = the rules compiled in (config/industry_rules.tsv)
  std::string categories_path;  // "" = $DOWNBALLOT_DATA/opensecrets/CRP_Categories*.txt
};

// The industry classifier and the OpenSecrets categories (empty when no category file is found).
struct Coding {
  std::vector<money::CrpCategory> categories;
  std::optional<money::IndustryClassifier> classifier;
  std::string categories_source;
  // ContentHash of the rules and categories read: what a derived table scored with this coding
  // records, so a table built with other files is known to be out of date.
  std::string fingerprint;
};

// Loads the rules (built in unless a path is given) and the categories. Errors name the file.
[[nodiscard]] absl::StatusOr<Coding> LoadCoding(const CodingOptions& options);

// The profile of `found` from the FEC tables of the store (docs/money.md).
[[nodiscard]] absl::StatusOr<money::MoneyProfile> BuildProfile(
    store::Database& db, const store::FecCandidateInCycle& found, const Coding& coding,
    size_t top_n);

}  // namespace downballot::query
