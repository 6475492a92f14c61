// Transitional: VoteTally now lives in model/vote_tally.h (the store produces it).
#pragma once

#include "model/vote_tally.h"

namespace downballot::analysis {
using VoteTally = model::VoteTally;
}  // namespace downballot::analysis
