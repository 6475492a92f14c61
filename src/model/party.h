// Party codes with a meaning of their own across modules (config/parties.tsv maps labels to them).
#pragma once

#include <string_view>

namespace downballot::model {

// The code of a nonpartisan contest's lines ("NP", "Nonpartisan", Arizona's "NON"): no party's
// primary, and no party line in a general.
inline constexpr std::string_view kNonpartisan = "NP";

}  // namespace downballot::model
