// Which contest of an election cycle a set of returns belongs to.
#pragma once

#include <optional>
#include <string_view>

namespace downballot::model {

// A special election's primary is its own stage, because its party and its seat differ from the
// regular primary's; a runoff decides either a primary (kRunoff, partisan) or a general
// (kGeneralRunoff, where a state requires a majority to win office, as Georgia does).
enum class ElectionStage {
  kPrimary,
  kGeneral,
  kSpecial,         // a special general election
  kRunoff,          // a primary runoff: one party's voters, decides that party's nominee
  kSpecialPrimary,  // the primary of a special election
  kGeneralRunoff,   // a runoff after a general election
};

// "primary", "general", "special", "runoff", "special_primary", "general_runoff".
[[nodiscard]] std::string_view ToString(ElectionStage stage);
// Every stage's name, for help texts and error messages.
inline constexpr std::string_view kElectionStageNames =
    "primary, general, special, runoff, special_primary or general_runoff";
[[nodiscard]] std::optional<ElectionStage> ParseElectionStage(std::string_view text);

// True for the stages one party's voters choose in: primary, special primary and primary runoff.
// Their races carry the party (model::RaceKey::party).
[[nodiscard]] bool IsPartyStage(ElectionStage stage);

// True for the stages whose winner takes office: general, special general and general runoff.
[[nodiscard]] bool IsOfficeStage(ElectionStage stage);

// True for a runoff, of a primary or of a general: a majority wins it.
[[nodiscard]] bool IsRunoffStage(ElectionStage stage);

// True for a special election's primary or general.
[[nodiscard]] bool IsSpecialStage(ElectionStage stage);

}  // namespace downballot::model
