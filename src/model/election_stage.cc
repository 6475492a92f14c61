#include "model/election_stage.h"

#include <array>
#include <utility>

#include "base/strings.h"

namespace downballot::model {
namespace {

constexpr std::array<std::pair<ElectionStage, std::string_view>, 6> kNames = {{
    {ElectionStage::kPrimary, "primary"},
    {ElectionStage::kGeneral, "general"},
    {ElectionStage::kSpecial, "special"},
    {ElectionStage::kRunoff, "runoff"},
    {ElectionStage::kSpecialPrimary, "special_primary"},
    {ElectionStage::kGeneralRunoff, "general_runoff"},
}};

}  // namespace

std::string_view ToString(ElectionStage stage) {
  for (const auto& [value, name] : kNames) {
    if (value == stage) return name;
  }
  return "unknown";
}

std::optional<ElectionStage> ParseElectionStage(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (base::EqualsIgnoreCase(name, text)) return value;
  }
  return std::nullopt;
}

bool IsPartyStage(ElectionStage stage) {
  return stage == ElectionStage::kPrimary || stage == ElectionStage::kSpecialPrimary ||
         stage == ElectionStage::kRunoff;
}

bool IsOfficeStage(ElectionStage stage) { return !IsPartyStage(stage); }

bool IsRunoffStage(ElectionStage stage) {
  return stage == ElectionStage::kRunoff || stage == ElectionStage::kGeneralRunoff;
}

bool IsSpecialStage(ElectionStage stage) {
  return stage == ElectionStage::kSpecial || stage == ElectionStage::kSpecialPrimary;
}

}  // namespace downballot::model
