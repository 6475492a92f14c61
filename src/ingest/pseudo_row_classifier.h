// Tells real candidates from the turnout, write-in and blank/void rows mixed into results files.
#pragma once

#include <optional>
#include <string_view>

#include "model/row_kind.h"

namespace downballot::ingest {

// Returns the kind of a candidate-column label. Matching is on the whole label, never on part
// of it, ignoring case, white space (NBSP included) and punctuation ("Blank/Void", "Blank &
// Void", "blank void" and "BLANK-VOID" are one label). docs/results.md lists every recognised
// spelling; "Ballots Cast - REPUBLICAN PARTY" and "Void (Dem)" match by their label part, and
// a name with a write-in label in parentheses ("Mike Smith (Write-In)") is a write-in.
// Any other text, including "Kenneth Blankenbush" and the empty string, is kCandidate: the
// caller decides what an empty name means. Thread-safe.
[[nodiscard]] model::RowKind ClassifyCandidate(std::string_view name);

// Returns the kind of an office-column label that is itself a turnout figure, as in files that
// put "Ballots Cast" or "Registered Voters" in the office column with no candidate; nullopt
// for a real office. Same matching rules as ClassifyCandidate.
[[nodiscard]] std::optional<model::RowKind> ClassifyOfficeLabel(std::string_view office);

}  // namespace downballot::ingest
