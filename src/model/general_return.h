// General-election returns (MEDSL constituency and county files) and the contests built from them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace downballot::model {

// One line of a constituency-level return: one candidate on one party line, in one voting mode
// (and, in MEDSL's county files, one county).
struct GeneralReturn {
  int64_t line = 0;  // line in the source file, for provenance
  int year = 0;
  std::string state;     // postal code: "NY"
  std::string office;    // normalised: "U.S. House", "U.S. Senate", else as written
  std::string district;  // "1", "AL" for at-large, "" for a statewide office
  bool is_special = false;
  std::string stage;      // lowercase as written: "gen"; a runoff is its own contest
  std::string county;     // county name in MEDSL's *_county files; "" in constituency files
  std::string candidate;  // "" for MEDSL's NA write-in and blank/void totals
  std::string party_raw;  // the party line as written: "working families"; "" for NA
  std::string party;      // canonical code (ingest::NormalizeParty): "WOR"; "" for NA
  bool is_write_in = false;
  std::string mode;  // "total", "absentee", "election day", ...
  int64_t candidate_votes = 0;
  int64_t total_votes = 0;  // the file's total for the whole contest, repeated on each line
};

// Votes one candidate received on one party line of a general election.
struct LineVotes {
  std::string candidate;  // "" for write-in or blank totals
  std::string party;      // canonical code (ingest::NormalizeParty): "DEM", "WOR", "CON"
  std::string party_raw;  // as written
  bool is_write_in = false;
  int64_t votes = 0;
};

// One general-election contest, from whichever source had it: the OpenElections races of the
// store ("openelections") or MEDSL's constituency files ("medsl").
struct GeneralContest {
  std::string contest_id;   // a race id, or "medsl.2018.ny.u-s-house.1"
  std::string source;       // "openelections" or "medsl"
  std::string source_file;  // path of the file the lines came from ("" for derived races)
  int year = 0;
  std::string state;
  std::string office;
  std::string district;
  bool is_special = false;
  std::string stage;  // "gen" (MEDSL), another stage such as "runoff", "" if unstated
  int64_t reported_total_votes = 0;  // the file's total for the contest; 0 when it gives none
  bool is_complete = true;           // false when only some of the contest's counties are loaded
  int seats = 1;                     // members elected; a margin means little when several win
  std::vector<LineVotes> lines;
};

}  // namespace downballot::model
