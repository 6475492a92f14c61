#include "model/primary_candidacy.h"

namespace downballot::model {

std::string_view ToString(Endorsement endorsement) {
  switch (endorsement) {
    case Endorsement::kYes:
      return "yes";
    case Endorsement::kNo:
      return "no";
    case Endorsement::kNotTracked:
      return "not_tracked";
  }
  return "not_tracked";
}

std::optional<Endorsement> ParseEndorsementValue(std::string_view text) {
  if (text == "yes") return Endorsement::kYes;
  if (text == "no") return Endorsement::kNo;
  if (text == "not_tracked") return Endorsement::kNotTracked;
  return std::nullopt;
}

}  // namespace downballot::model
