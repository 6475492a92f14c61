// Which contest of an election cycle a set of returns belongs to.
#pragma once

#include <optional>
#include <string_view>

namespace downballot::model {

enum class ElectionStage { kPrimary, kGeneral, kSpecial, kRunoff };

// "primary", "general", "special", "runoff".
[[nodiscard]] std::string_view ToString(ElectionStage stage);
[[nodiscard]] std::optional<ElectionStage> ParseElectionStage(std::string_view text);

}  // namespace downballot::model
