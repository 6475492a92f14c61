// The project's industry rules (config/industry_rules.tsv), compiled into the binary so the
// `money` command works without the source tree.
#pragma once

#include <string_view>

namespace downballot::money {

// The text of config/industry_rules.tsv as of the build.
[[nodiscard]] std::string_view DefaultIndustryRules();

}  // namespace downballot::money
