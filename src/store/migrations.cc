#include "store/migrations.h"

#include <array>
#include <string_view>

#include "base/check.h"
#include "base/status_macros.h"
#include "fmt/format.h"

namespace downballot::store {
namespace {

// Migration N takes the store from version N-1 to N. Never edit a released migration: add one.
// docs/store.md describes every table.
constexpr std::array<std::string_view, kSchemaVersion> kMigrations = {
    R"sql(
CREATE TABLE source_file (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  content_hash  TEXT NOT NULL UNIQUE,
  bytes         INTEGER NOT NULL,
  rows_read     INTEGER NOT NULL,
  rows_stored   INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  ingested_at   TEXT NOT NULL
);
CREATE TABLE row_reject (
  file_id INTEGER NOT NULL REFERENCES source_file(id),
  line    INTEGER NOT NULL,
  field   TEXT NOT NULL,
  reason  TEXT NOT NULL
);
CREATE TABLE file_note (
  file_id INTEGER NOT NULL REFERENCES source_file(id),
  note    TEXT NOT NULL
);
-- One file's result rows summed per race, county, level of detail, kind, candidate, party
-- line and raw spelling: rebuilding races reads these thousands of tallies instead of sorting
-- every precinct line (bench/RESULTS.md).
CREATE TABLE result_tally (
  id                INTEGER PRIMARY KEY,
  file_id           INTEGER NOT NULL REFERENCES source_file(id),
  election_date     TEXT NOT NULL,
  state             TEXT NOT NULL,
  stage             TEXT NOT NULL,
  race_party        TEXT NOT NULL,
  office            TEXT NOT NULL,
  district          TEXT NOT NULL,
  jurisdiction      TEXT NOT NULL,
  level             TEXT NOT NULL,
  county            TEXT NOT NULL,
  is_precinct_level INTEGER NOT NULL,
  kind              TEXT NOT NULL,
  candidate         TEXT NOT NULL,
  party             TEXT NOT NULL,
  office_raw        TEXT NOT NULL,
  party_raw         TEXT NOT NULL,
  votes             INTEGER NOT NULL
);
-- Every stored line of a results file (provenance: file and line); its normalised fields are
-- those of its tally.
CREATE TABLE result_row (
  file_id          INTEGER NOT NULL REFERENCES source_file(id),
  line             INTEGER NOT NULL,
  tally_id         INTEGER NOT NULL REFERENCES result_tally(id),
  precinct         TEXT NOT NULL,
  votes            INTEGER NOT NULL,
  is_votes_missing INTEGER NOT NULL
);
CREATE TABLE primary_candidacy (
  id             INTEGER PRIMARY KEY,
  file_id        INTEGER NOT NULL REFERENCES source_file(id),
  line           INTEGER NOT NULL,
  cycle          INTEGER NOT NULL,
  party          TEXT NOT NULL,
  candidate      TEXT NOT NULL,
  state          TEXT NOT NULL,
  district       TEXT NOT NULL,
  office_type    TEXT NOT NULL,
  race_type      TEXT NOT NULL,
  primary_date   TEXT,
  primary_status TEXT NOT NULL,
  runoff_status  TEXT NOT NULL,
  general_status TEXT NOT NULL,
  partisan_lean  REAL,
  primary_pct    REAL,
  won_primary    INTEGER
);
CREATE TABLE endorsement (
  candidacy_id INTEGER NOT NULL REFERENCES primary_candidacy(id),
  endorser     TEXT NOT NULL,
  value        TEXT NOT NULL CHECK (value IN ('yes', 'no', 'not_tracked'))
);
CREATE TABLE partisan_lean (
  file_id    INTEGER NOT NULL REFERENCES source_file(id),
  year       INTEGER NOT NULL,
  state      TEXT NOT NULL,
  district   TEXT NOT NULL,
  dem_margin REAL NOT NULL
);
-- Derived from result_row by the race roll-up; rebuilt whole whenever results change.
CREATE TABLE race (
  id                    TEXT PRIMARY KEY,
  seat_id               TEXT NOT NULL,
  state                 TEXT NOT NULL,
  election_date         TEXT NOT NULL,
  stage                 TEXT NOT NULL,
  party                 TEXT NOT NULL,
  office                TEXT NOT NULL,
  district              TEXT NOT NULL,
  jurisdiction          TEXT NOT NULL,
  level                 TEXT NOT NULL,
  candidate_votes       INTEGER NOT NULL,
  write_in_votes        INTEGER NOT NULL,
  blank_void            INTEGER NOT NULL,
  ballots_for_office    INTEGER NOT NULL,
  ballots_cast          INTEGER NOT NULL,
  margin_votes          INTEGER NOT NULL,
  margin_share          REAL NOT NULL,
  field_size            INTEGER NOT NULL,
  is_contested          INTEGER NOT NULL,
  has_incumbent         INTEGER NOT NULL,
  is_open_seat          INTEGER NOT NULL,
  incumbent             TEXT NOT NULL,
  completeness          TEXT NOT NULL,
  counties              TEXT NOT NULL,
  num_precinct_counties INTEGER NOT NULL,
  num_county_counties   INTEGER NOT NULL
);
CREATE INDEX race_seat ON race(seat_id);
CREATE TABLE race_candidate (
  race_id      TEXT NOT NULL REFERENCES race(id),
  name         TEXT NOT NULL,
  votes        INTEGER NOT NULL,
  share        REAL NOT NULL,
  rank         INTEGER NOT NULL,
  is_winner    INTEGER NOT NULL,
  is_incumbent INTEGER NOT NULL,
  PRIMARY KEY (race_id, name)
);
CREATE TABLE race_candidate_line (
  race_id TEXT NOT NULL,
  name    TEXT NOT NULL,
  party   TEXT NOT NULL,
  votes   INTEGER NOT NULL
);
CREATE INDEX race_candidate_line_race ON race_candidate_line(race_id);
CREATE TABLE reconciliation_mismatch (
  race_id            TEXT NOT NULL,
  county             TEXT NOT NULL,
  candidate          TEXT NOT NULL,
  county_file_votes  INTEGER NOT NULL,
  precinct_sum_votes INTEGER NOT NULL
);
-- Set in the same transaction as any change to result_row, cleared when races are rebuilt, so
-- a kill between the two is repaired by the next query.
CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO store_state VALUES ('races_stale', '0');
)sql",
    // 2: the FEC master and summary files (cn, cm, ccl, weball/webl) and itpas2 committee-to-
    // candidate contributions, each row tied to its source_file. `cycle` is the two-year period
    // the file covers (2020 for 2019-20). Amounts are integer cents. FEC ids are not unique keys:
    // cn.txt 2020 lists H8GA04117 twice.
    R"sql(
CREATE TABLE fec_candidate (
  file_id              INTEGER NOT NULL REFERENCES source_file(id),
  cycle                INTEGER NOT NULL,
  cand_id              TEXT NOT NULL,
  name                 TEXT NOT NULL,
  party                TEXT NOT NULL,
  election_year        INTEGER NOT NULL,
  office_state         TEXT NOT NULL,
  office               TEXT NOT NULL,
  office_district      TEXT NOT NULL,
  incumbent_challenger TEXT NOT NULL,
  status               TEXT NOT NULL,
  principal_committee  TEXT NOT NULL,
  state                TEXT NOT NULL,
  zip                  TEXT NOT NULL
);
CREATE INDEX fec_candidate_cand ON fec_candidate(cand_id, cycle);
CREATE TABLE fec_committee (
  file_id          INTEGER NOT NULL REFERENCES source_file(id),
  cycle            INTEGER NOT NULL,
  cmte_id          TEXT NOT NULL,
  name             TEXT NOT NULL,
  treasurer        TEXT NOT NULL,
  state            TEXT NOT NULL,
  zip              TEXT NOT NULL,
  designation      TEXT NOT NULL,
  type             TEXT NOT NULL,
  party            TEXT NOT NULL,
  filing_frequency TEXT NOT NULL,
  org_type         TEXT NOT NULL,
  connected_org    TEXT NOT NULL,
  cand_id          TEXT NOT NULL
);
CREATE INDEX fec_committee_cmte ON fec_committee(cmte_id, cycle);
CREATE TABLE fec_linkage (
  file_id            INTEGER NOT NULL REFERENCES source_file(id),
  cycle              INTEGER NOT NULL,
  cand_id            TEXT NOT NULL,
  cand_election_year INTEGER NOT NULL,
  fec_election_year  INTEGER NOT NULL,
  cmte_id            TEXT NOT NULL,
  cmte_type          TEXT NOT NULL,
  cmte_designation   TEXT NOT NULL,
  linkage_id         INTEGER NOT NULL
);
CREATE INDEX fec_linkage_cand ON fec_linkage(cand_id, cycle);
CREATE INDEX fec_linkage_cmte ON fec_linkage(cmte_id, cycle);
CREATE TABLE fec_candidate_summary (
  file_id                       INTEGER NOT NULL REFERENCES source_file(id),
  cycle                         INTEGER NOT NULL,
  cand_id                       TEXT NOT NULL,
  name                          TEXT NOT NULL,
  incumbent_challenger          TEXT NOT NULL,
  party_code                    TEXT NOT NULL,
  party                         TEXT NOT NULL,
  total_receipts                INTEGER NOT NULL,
  transfers_from_authorized     INTEGER NOT NULL,
  total_disbursements           INTEGER NOT NULL,
  transfers_to_authorized       INTEGER NOT NULL,
  cash_on_hand_start            INTEGER NOT NULL,
  cash_on_hand_end              INTEGER NOT NULL,
  candidate_contributions       INTEGER NOT NULL,
  candidate_loans               INTEGER NOT NULL,
  other_loans                   INTEGER NOT NULL,
  candidate_loan_repayments     INTEGER NOT NULL,
  other_loan_repayments         INTEGER NOT NULL,
  debts_owed_by                 INTEGER NOT NULL,
  individual_contributions      INTEGER NOT NULL,
  office_state                  TEXT NOT NULL,
  office_district               TEXT NOT NULL,
  special_election_status       TEXT NOT NULL,
  primary_election_status       TEXT NOT NULL,
  runoff_election_status        TEXT NOT NULL,
  general_election_status       TEXT NOT NULL,
  general_election_percent      TEXT NOT NULL,
  other_committee_contributions INTEGER NOT NULL,
  party_contributions           INTEGER NOT NULL,
  coverage_end_date             TEXT,
  individual_refunds            INTEGER NOT NULL,
  committee_refunds             INTEGER NOT NULL
);
CREATE INDEX fec_candidate_summary_cand ON fec_candidate_summary(cand_id, cycle);
CREATE TABLE fec_committee_contribution (
  file_id          INTEGER NOT NULL REFERENCES source_file(id),
  line             INTEGER NOT NULL,
  cycle            INTEGER NOT NULL,
  cmte_id          TEXT NOT NULL,
  amendment        TEXT NOT NULL,
  report_type      TEXT NOT NULL,
  primary_general  TEXT NOT NULL,
  image_num        TEXT NOT NULL,
  transaction_type TEXT NOT NULL,
  entity_type      TEXT NOT NULL,
  name             TEXT NOT NULL,
  city             TEXT NOT NULL,
  state            TEXT NOT NULL,
  zip              TEXT NOT NULL,
  employer         TEXT NOT NULL,
  occupation       TEXT NOT NULL,
  transaction_date TEXT,
  amount_cents     INTEGER NOT NULL,
  other_id         TEXT NOT NULL,
  cand_id          TEXT NOT NULL,
  tran_id          TEXT NOT NULL,
  file_num         INTEGER NOT NULL,
  memo_code        TEXT NOT NULL,
  memo_text        TEXT NOT NULL,
  sub_id           INTEGER NOT NULL
);
CREATE INDEX fec_committee_contribution_cand ON fec_committee_contribution(cand_id, cycle);
CREATE INDEX fec_committee_contribution_cmte ON fec_committee_contribution(cmte_id, cycle);
)sql",
    // 3: individual contributions summed per committee, donor and receipt kind (docs/money.md).
    R"sql(
CREATE TABLE fec_donor_receipts (
  file_id       INTEGER NOT NULL REFERENCES source_file(id),
  cycle         INTEGER NOT NULL,
  cmte_id       TEXT NOT NULL,
  donor_key     TEXT NOT NULL,
  name          TEXT NOT NULL,
  state         TEXT NOT NULL,
  zip5          TEXT NOT NULL,
  employer      TEXT NOT NULL,
  occupation    TEXT NOT NULL,
  kind          TEXT NOT NULL,
  rows          INTEGER NOT NULL,
  counted_cents INTEGER NOT NULL,
  gross_cents   INTEGER NOT NULL
);
CREATE INDEX fec_donor_receipts_cmte ON fec_donor_receipts(cmte_id, cycle);
)sql",
    // 4: candidacy attributes (incumbent, elected official, self-funder, vote counts) and
    // party-committee endorsements; MEDSL general returns; saved forecast models and their
    // evaluations. Candidacies loaded before version 4 lack the new columns, so they and their
    // source files are forgotten and the next ingest loads those files again.
    R"sql(
ALTER TABLE primary_candidacy ADD COLUMN incumbent INTEGER;
ALTER TABLE primary_candidacy ADD COLUMN incumbent_challenger INTEGER;
ALTER TABLE primary_candidacy ADD COLUMN elected_official INTEGER;
ALTER TABLE primary_candidacy ADD COLUMN self_funder INTEGER;
ALTER TABLE primary_candidacy ADD COLUMN primary_votes INTEGER;
ALTER TABLE primary_candidacy ADD COLUMN runoff_votes INTEGER;
ALTER TABLE primary_candidacy ADD COLUMN runoff_pct REAL;
ALTER TABLE endorsement ADD COLUMN is_party_committee INTEGER NOT NULL DEFAULT 0;
DELETE FROM endorsement;
DELETE FROM primary_candidacy;
DELETE FROM row_reject WHERE file_id IN (SELECT id FROM source_file WHERE kind = 'fte_candidates');
DELETE FROM file_note WHERE file_id IN (SELECT id FROM source_file WHERE kind = 'fte_candidates');
DELETE FROM source_file WHERE kind = 'fte_candidates';
CREATE INDEX endorsement_candidacy ON endorsement(candidacy_id);
CREATE TABLE general_return (
  file_id         INTEGER NOT NULL REFERENCES source_file(id),
  line            INTEGER NOT NULL,
  year            INTEGER NOT NULL,
  state           TEXT NOT NULL,
  office          TEXT NOT NULL,
  district        TEXT NOT NULL,
  is_special      INTEGER NOT NULL,
  stage           TEXT NOT NULL,
  county          TEXT NOT NULL,
  candidate       TEXT NOT NULL,
  party_raw       TEXT NOT NULL,
  party           TEXT NOT NULL,
  is_write_in     INTEGER NOT NULL,
  mode            TEXT NOT NULL,
  candidate_votes INTEGER NOT NULL,
  total_votes     INTEGER NOT NULL
);
CREATE TABLE forecast_model (
  id              INTEGER PRIMARY KEY,
  created_at      TEXT NOT NULL,
  train_cycles    TEXT NOT NULL,
  ridge           REAL NOT NULL,
  num_races       INTEGER NOT NULL,
  num_candidates  INTEGER NOT NULL,
  log_likelihood  REAL NOT NULL,
  model_json      TEXT NOT NULL
);
CREATE TABLE forecast_evaluation (
  id              INTEGER PRIMARY KEY,
  created_at      TEXT NOT NULL,
  cycles          TEXT NOT NULL,
  method          TEXT NOT NULL,
  num_races       INTEGER NOT NULL,
  num_candidates  INTEGER NOT NULL,
  log_loss        REAL NOT NULL,
  brier           REAL NOT NULL,
  evaluation_json TEXT NOT NULL
);
)sql",
    // 5: itcont totals packed, one row per committee and file (model/donor_receipts_codec.h):
    // fec_donor_receipts took ~21 s to write the 6.7M totals of a 10M-row itcont
    // (bench/RESULTS.md). SQL cannot pack its rows, so the itcont files loaded before are
    // forgotten and the next ingest loads them again. The table goes first (with its index):
    // its rows reference the source_file rows deleted after it.
    R"sql(
DROP TABLE fec_donor_receipts;
DELETE FROM row_reject WHERE file_id IN
  (SELECT id FROM source_file WHERE kind = 'fec_individual_contributions');
DELETE FROM file_note WHERE file_id IN
  (SELECT id FROM source_file WHERE kind = 'fec_individual_contributions');
DELETE FROM source_file WHERE kind = 'fec_individual_contributions';
CREATE TABLE fec_committee_donors (
  file_id INTEGER NOT NULL REFERENCES source_file(id),
  cycle   INTEGER NOT NULL,
  cmte_id TEXT NOT NULL,
  entries INTEGER NOT NULL,
  rows    INTEGER NOT NULL,
  packed  BLOB NOT NULL
);
CREATE INDEX fec_committee_donors_cmte ON fec_committee_donors(cmte_id, cycle);
)sql",
    // 6: results read by the office table (config/offices), with each tally's level of geography,
    // seats elected, sub-tabulation and office rule; MEDSL Senate seats told apart by class; the
    // county table (FIPS); races with seats, aliases, set-aside counties and sources. Results
    // and MEDSL files loaded before were read by older rules, so they are forgotten and the
    // next ingest loads them again; derived races are rebuilt.
    R"sql(
DROP TABLE result_row;
DROP TABLE result_tally;
DROP TABLE general_return;
DELETE FROM row_reject WHERE file_id IN
  (SELECT id FROM source_file WHERE kind IN ('openelections', 'medsl_returns'));
DELETE FROM file_note WHERE file_id IN
  (SELECT id FROM source_file WHERE kind IN ('openelections', 'medsl_returns'));
DELETE FROM source_file WHERE kind IN ('openelections', 'medsl_returns');
CREATE TABLE result_tally (
  id                 INTEGER PRIMARY KEY,
  file_id            INTEGER NOT NULL REFERENCES source_file(id),
  election_date      TEXT NOT NULL,
  state              TEXT NOT NULL,
  stage              TEXT NOT NULL,
  race_party         TEXT NOT NULL,
  office             TEXT NOT NULL,
  district           TEXT NOT NULL,
  jurisdiction       TEXT NOT NULL,
  level              TEXT NOT NULL,
  office_rule        TEXT NOT NULL,
  seats              INTEGER NOT NULL,
  is_seats_from_data INTEGER NOT NULL,
  is_statewide       INTEGER NOT NULL,
  -- the file holds every county's precincts (a statewide precinct file): it covers the state
  is_whole_state_file INTEGER NOT NULL,
  county             TEXT NOT NULL,
  geography          TEXT NOT NULL,
  breakdown          TEXT NOT NULL,
  kind               TEXT NOT NULL,
  candidate          TEXT NOT NULL,
  party              TEXT NOT NULL,
  office_raw         TEXT NOT NULL,
  party_raw          TEXT NOT NULL,
  votes              INTEGER NOT NULL
);
CREATE INDEX result_tally_file ON result_tally(file_id);
CREATE INDEX result_tally_state ON result_tally(state);
CREATE TABLE result_row (
  file_id          INTEGER NOT NULL REFERENCES source_file(id),
  line             INTEGER NOT NULL,
  tally_id         INTEGER NOT NULL REFERENCES result_tally(id),
  precinct         TEXT NOT NULL,
  votes            INTEGER NOT NULL,
  is_votes_missing INTEGER NOT NULL
);
CREATE INDEX result_row_tally ON result_row(tally_id);
CREATE TABLE general_return (
  file_id         INTEGER NOT NULL REFERENCES source_file(id),
  line            INTEGER NOT NULL,
  year            INTEGER NOT NULL,
  state           TEXT NOT NULL,
  office          TEXT NOT NULL,
  district        TEXT NOT NULL,
  is_special      INTEGER NOT NULL,
  stage           TEXT NOT NULL,
  county          TEXT NOT NULL,
  candidate       TEXT NOT NULL,
  party_raw       TEXT NOT NULL,
  party           TEXT NOT NULL,
  is_write_in     INTEGER NOT NULL,
  mode            TEXT NOT NULL,
  candidate_votes INTEGER NOT NULL,
  total_votes     INTEGER NOT NULL
);
CREATE INDEX general_return_state ON general_return(state);
CREATE TABLE county (
  file_id INTEGER NOT NULL REFERENCES source_file(id),
  fips    TEXT NOT NULL,
  state   TEXT NOT NULL,
  name    TEXT NOT NULL
);
CREATE INDEX county_state ON county(state);
DROP TABLE race_candidate_line;
DROP TABLE race_candidate;
DROP TABLE race;
DROP TABLE reconciliation_mismatch;
CREATE TABLE race (
  id                    TEXT PRIMARY KEY,
  seat_id               TEXT NOT NULL,
  state                 TEXT NOT NULL,
  election_date         TEXT NOT NULL,
  stage                 TEXT NOT NULL,
  party                 TEXT NOT NULL,
  office                TEXT NOT NULL,
  district              TEXT NOT NULL,
  jurisdiction          TEXT NOT NULL,
  level                 TEXT NOT NULL,
  seats                 INTEGER NOT NULL,
  is_seats_from_data    INTEGER NOT NULL,
  candidate_votes       INTEGER NOT NULL,
  write_in_votes        INTEGER NOT NULL,
  blank_void            INTEGER NOT NULL,
  ballots_for_office    INTEGER NOT NULL,
  ballots_cast          INTEGER NOT NULL,
  margin_votes          INTEGER NOT NULL,
  margin_share          REAL NOT NULL,
  is_tied               INTEGER NOT NULL,
  field_size            INTEGER NOT NULL,
  is_contested          INTEGER NOT NULL,
  has_incumbent         INTEGER NOT NULL,
  is_open_seat          INTEGER NOT NULL,
  incumbent             TEXT NOT NULL,
  completeness          TEXT NOT NULL,
  counties              TEXT NOT NULL,
  num_precinct_counties INTEGER NOT NULL,
  num_county_counties   INTEGER NOT NULL,
  counted_from          TEXT NOT NULL,
  is_counted_from_medsl INTEGER NOT NULL,
  conflict              TEXT NOT NULL,
  decides_race_id       TEXT NOT NULL,
  decided_by_race_id    TEXT NOT NULL
);
CREATE INDEX race_seat ON race(seat_id);
CREATE INDEX race_state ON race(state);
CREATE TABLE race_candidate (
  race_id      TEXT NOT NULL REFERENCES race(id),
  name         TEXT NOT NULL,
  votes        INTEGER NOT NULL,
  share        REAL NOT NULL,
  rank         INTEGER NOT NULL,
  is_winner    INTEGER NOT NULL,
  is_incumbent INTEGER NOT NULL,
  aliases      TEXT NOT NULL,
  PRIMARY KEY (race_id, name)
);
CREATE TABLE race_candidate_line (
  race_id TEXT NOT NULL,
  name    TEXT NOT NULL,
  party   TEXT NOT NULL,
  votes   INTEGER NOT NULL
);
CREATE INDEX race_candidate_line_race ON race_candidate_line(race_id);
CREATE TABLE race_set_aside (
  race_id    TEXT NOT NULL,
  county     TEXT NOT NULL,
  candidates TEXT NOT NULL,
  votes      INTEGER NOT NULL,
  reason     TEXT NOT NULL
);
CREATE INDEX race_set_aside_race ON race_set_aside(race_id);
CREATE TABLE race_sub_tabulation (
  race_id   TEXT NOT NULL,
  breakdown TEXT NOT NULL,
  candidate TEXT NOT NULL,
  votes     INTEGER NOT NULL
);
CREATE INDEX race_sub_tabulation_race ON race_sub_tabulation(race_id);
CREATE TABLE reconciliation_mismatch (
  race_id        TEXT NOT NULL,
  county         TEXT NOT NULL,
  candidate      TEXT NOT NULL,
  counted_votes  INTEGER NOT NULL,
  other_votes    INTEGER NOT NULL,
  counted_source   TEXT NOT NULL,
  other_source     TEXT NOT NULL,
  is_against_medsl INTEGER NOT NULL
);
CREATE INDEX reconciliation_mismatch_race ON reconciliation_mismatch(race_id);
CREATE TABLE near_match (
  race_id TEXT NOT NULL,
  name_a  TEXT NOT NULL,
  name_b  TEXT NOT NULL
);
-- States whose races must be rebuilt: a results load marks its state in the same transaction,
-- so one more state rebuilds one state (races_stale = 1 still means every state).
CREATE TABLE stale_state (state TEXT PRIMARY KEY);
UPDATE store_state SET value = '1' WHERE key = 'races_stale';
)sql",
    // 7: party bodies (docs/analysis.md "Party bodies"): each tally and race names the party body
    // its seat sits on. Results files loaded before were read without it, so they are forgotten
    // and the next ingest loads them again; derived races are rebuilt.
    R"sql(
DELETE FROM result_row;
DELETE FROM result_tally;
DELETE FROM row_reject WHERE file_id IN (SELECT id FROM source_file WHERE kind = 'openelections');
DELETE FROM file_note WHERE file_id IN (SELECT id FROM source_file WHERE kind = 'openelections');
DELETE FROM source_file WHERE kind = 'openelections';
ALTER TABLE result_tally ADD COLUMN body TEXT NOT NULL DEFAULT '';
ALTER TABLE race ADD COLUMN body TEXT NOT NULL DEFAULT '';
UPDATE store_state SET value = '1' WHERE key = 'races_stale';
)sql",
    // 8: the ranked targets as a derived table (store/target_table.h), so a filtered page of a
    // national store is read through an index instead of ranking every race per request. The
    // documents sit in their own table so filtering and ranking scan narrow rows.
    R"sql(
CREATE TABLE target (
  score_order        INTEGER PRIMARY KEY,
  seat_id            TEXT NOT NULL,
  party              TEXT NOT NULL,
  state              TEXT NOT NULL,
  jurisdiction       TEXT NOT NULL,
  level              TEXT NOT NULL,
  is_open            INTEGER NOT NULL,
  score              REAL NOT NULL,
  win_number         INTEGER NOT NULL,
  ballots_for_office INTEGER NOT NULL,
  field_size         INTEGER NOT NULL
);
CREATE TABLE target_document (
  score_order INTEGER PRIMARY KEY,
  document    TEXT NOT NULL
);
CREATE INDEX target_state ON target(state, score_order);
CREATE INDEX target_level ON target(level, score_order);
CREATE INDEX target_party ON target(party, score_order);
CREATE INDEX target_win_number ON target(win_number, score_order);
CREATE INDEX target_ballots ON target(ballots_for_office, score_order);
INSERT OR REPLACE INTO store_state VALUES ('targets_built_for', '');
)sql",
    // 9: a race's FEC links read the candidates of its state only.
    R"sql(
CREATE INDEX fec_candidate_office_state ON fec_candidate(office_state);
)sql",
};

}  // namespace

absl::Status Migrate(Database& db, int target_version) {
  DOWNBALLOT_CHECK(target_version <= kSchemaVersion);
  ASSIGN_OR_RETURN(const int64_t version, db.QueryInt("PRAGMA user_version"));
  if (version > kSchemaVersion) {
    return absl::FailedPreconditionError(
        fmt::format("{}: store has schema version {}, newer than this downballot ({})", db.path(),
                    version, kSchemaVersion));
  }
  for (int64_t next = version + 1; next <= target_version; ++next) {
    ASSIGN_OR_RETURN(auto transaction, Transaction::Begin(db));
    RETURN_IF_ERROR(db.Exec(kMigrations[static_cast<size_t>(next - 1)]));
    RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA user_version = {}", next)));
    RETURN_IF_ERROR(transaction.Commit());
  }
  return absl::OkStatus();
}

}  // namespace downballot::store
