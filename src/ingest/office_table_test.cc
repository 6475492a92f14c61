#include "ingest/office_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/office_words.h"

namespace downballot::ingest {
namespace {

constexpr std::string_view kHeader =
    "state\tmatch\toffice\tlevel\tdistrict\tscope\tseats\tbody\tsource\n";

absl::StatusOr<OfficeTable> ParseOne(std::string_view name, std::string text) {
  const std::vector<OfficeTable::Source> sources = {{std::string(name), std::move(text)}};
  return OfficeTable::Parse(sources);
}

std::string MatchedOffice(const OfficeTable& table, std::string_view state, std::string_view text) {
  size_t end = 0;
  const OfficeRule* rule = table.Match(state, OfficeWords(text), end);
  return rule == nullptr ? "<none>" : rule->office;
}

TEST(OfficeTable, OnlyOfficeRulesTakeEveryState) {
  const auto table = ParseOne("c.tsv", "state\tclasses\tsource\n*\t1\tx\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("c.tsv:2: state '*' is for office rules and bodies only"),
            std::string::npos)
      << table.status();
}

constexpr std::string_view kBodiesHeader = "state\tcounty\tbody\tunit\tmembers\tsource\n";

TEST(OfficeTable, TheMostSpecificBodyLineSizesABody) {
  const std::vector<OfficeTable::Source> sources = {
      {"mine.tsv", std::string(kBodiesHeader) + "NY\tKings\tCounty Committee\tprecinct\t4\tmine\n"},
      {"bodies.tsv", std::string(kBodiesHeader) +
                         "*\t*\tCounty Committee\tprecinct\t?\tevery state\n"
                         "NY\t*\tCounty Committee\tprecinct\t2\tElection Law\n"
                         "NY\t*\tState Committee\tdistrict\t2\tElection Law\n"}};
  const auto table = OfficeTable::Parse(sources);
  ASSERT_TRUE(table.ok()) << table.status();
  const model::PartyBodyRule* kings = table->BodyRule("NY", "Kings", "County Committee");
  ASSERT_NE(kings, nullptr);
  EXPECT_EQ(kings->members_per_unit, 4);
  EXPECT_EQ(kings->location, "mine.tsv:2");
  const model::PartyBodyRule* albany = table->BodyRule("NY", "Albany", "County Committee");
  ASSERT_NE(albany, nullptr);
  EXPECT_EQ(albany->members_per_unit, 2);
  const model::PartyBodyRule* ohio = table->BodyRule("OH", "Franklin", "County Committee");
  ASSERT_NE(ohio, nullptr);
  EXPECT_EQ(ohio->members_per_unit, 0);  // "?": the party's rules vary
  const model::PartyBodyRule* state = table->BodyRule("NY", "", "State Committee");
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->unit, model::BodyUnit::kDistrict);
  EXPECT_EQ(table->BodyRule("NY", "Kings", "Judicial Convention"), nullptr);
}

TEST(OfficeTable, APartySeatsBodyMustBeSized) {
  const auto table = ParseOne(
      "t.tsv", std::string(kHeader) +
                   "*\tcounty committee*\tCounty Committee\tparty\tcell\tcounty\t?\tCC\tx\n");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("t.tsv:2: body 'CC' has no line in a bodies file"),
            std::string::npos)
      << table.status();
  const auto bad_unit = ParseOne("b.tsv", std::string(kBodiesHeader) + "NY\t*\tCC\tward\t2\tx\n");
  ASSERT_FALSE(bad_unit.ok());
  EXPECT_NE(bad_unit.status().message().find("b.tsv:2: unit 'ward' must be precinct or district"),
            std::string::npos)
      << bad_unit.status();
}

TEST(OfficeTable, EveryBodyOfTheBuiltInTableIsSized) {
  for (const OfficeRule& rule : OfficeTable::Default().rules()) {
    if (rule.body.empty()) continue;
    EXPECT_NE(
        OfficeTable::Default().BodyRule(rule.state.empty() ? "NY" : rule.state, "Kings", rule.body),
        nullptr)
        << rule.location;
  }
}

TEST(OfficeTable, AStatesSenateClassesComeFromTheFirstSourceListingIt) {
  const std::vector<OfficeTable::Source> sources = {
      {"mine.tsv", "state\tclasses\tsource\nNY\t3\tmine\n"},
      {"built-in.tsv", "state\tclasses\tsource\nNY\t1,3\tbuilt in\nOH\t1,3\tbuilt in\n"}};
  const auto table = OfficeTable::Parse(sources);
  ASSERT_TRUE(table.ok()) << table.status();
  // 2018 elected class 1: mine.tsv says New York has no class 1 seat, and it is not merged.
  EXPECT_EQ(table->SenateClass("NY", 2018, false), 0);
  EXPECT_EQ(table->SenateClass("OH", 2018, false), 1);
}

TEST(OfficeTable, TheProjectsOwnFilesParse) {
  const auto table = OfficeTable::Parse(OfficeTable::DefaultSources());
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_GT(table->rules().size(), 100u);
  for (const OfficeRule& rule : table->rules()) {
    SCOPED_TRACE(rule.location);
    EXPECT_FALSE(rule.source.empty());
    EXPECT_EQ(rule.level == model::OfficeLevel::kParty, !rule.body.empty()) << rule.office;
  }
}

TEST(OfficeTable, MatchesPhrasesAnchorsAbsencesAndPrefixes) {
  const std::string text =
      std::string(kHeader) +
      "# a comment\n"
      "*\tlieutenant|lt governor\tLieutenant Governor\tstate\tnone\tstatewide\t1\t-\tx\n"
      "*\t^governor & !county\tGovernor\tstate\tnone\tstatewide\t1\t-\tx\n"
      "*\tcounty committee*\tCounty Committee\tparty\tcell\tcounty\t?\t-\tx\n";
  const auto table = ParseOne("t.tsv", text);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(MatchedOffice(*table, "NY", "Lt. Governor"), "Lieutenant Governor");
  EXPECT_EQ(MatchedOffice(*table, "NY", "GOVERNOR"), "Governor");
  EXPECT_EQ(MatchedOffice(*table, "NY", "County Governor"), "<none>");
  EXPECT_EQ(MatchedOffice(*table, "NY", "Vice Governor"), "<none>");
  EXPECT_EQ(MatchedOffice(*table, "NY", "County Committeewoman"), "County Committee");
  EXPECT_EQ(table->rules()[2].seats, 0);
  EXPECT_EQ(table->rules()[2].location, "t.tsv:5");
  size_t end = 0;
  ASSERT_NE(table->Match("NY", OfficeWords("COUNTY COMMITTEE - TOWN OF CICERO"), end), nullptr);
  EXPECT_EQ(end, 2u);
}

TEST(OfficeTable, StateRulesComeBeforeEveryStatesRules) {
  const std::string general =
      std::string(kHeader) + "*\tstate house\tState House\tstate\tnumber\tdistrict\t1\t-\tx\n";
  const std::string new_york =
      std::string(kHeader) + "NY\tstate house\tState Assembly\tstate\tnumber\tdistrict\t1\t-\tx\n";
  const std::vector<OfficeTable::Source> sources = {{"offices.tsv", general}, {"ny.tsv", new_york}};
  const auto table = OfficeTable::Parse(sources);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(MatchedOffice(*table, "NY", "State House"), "State Assembly");
  EXPECT_EQ(MatchedOffice(*table, "MI", "State House"), "State House");
}

TEST(OfficeTable, RejectsMalformedFilesNamingFileAndLine) {
  struct Case {
    const char* name;
    std::string text;
    const char* want;
  };
  const Case cases[] = {
      {"no header", "*\tx\n", "t.tsv:1: header must be"},
      {"level", std::string(kHeader) + "*\tx\tX\tgalactic\tnone\tstatewide\t1\t-\ts\n",
       "t.tsv:2: level 'galactic' is not one of"},
      {"district", std::string(kHeader) + "*\tx\tX\tstate\tsomewhere\tstatewide\t1\t-\ts\n",
       "t.tsv:2: district 'somewhere' is not one of none"},
      {"scope", std::string(kHeader) + "*\tx\tX\tstate\tnone\tplanet\t1\t-\ts\n",
       "t.tsv:2: scope 'planet' is not one of"},
      {"seats", std::string(kHeader) + "*\tx\tX\tstate\tnone\tstatewide\ttwo\t-\ts\n",
       "t.tsv:2: seats 'two' must be a count"},
      {"state", std::string(kHeader) + "New York\tx\tX\tstate\tnone\tstatewide\t1\t-\ts\n",
       "t.tsv:2: state 'New York' must be a two-letter code"},
      {"fields", std::string(kHeader) + "*\tx\tX\tstate\n", "t.tsv:2: expected 9 tab-separated"},
      {"capitals in match",
       std::string(kHeader) + "*\tCounty\tX\tstate\tnone\tstatewide\t1\t-\ts\n",
       "t.tsv:2: match word 'County' must be lowercase"},
      {"absent first", std::string(kHeader) + "*\t!county\tX\tstate\tnone\tstatewide\t1\t-\ts\n",
       "t.tsv:2: the first match term must be"},
      {"empty", "", "t.tsv: no header line"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto table = ParseOne("t.tsv", c.text);
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(table.status().message().find(c.want), std::string::npos) << table.status();
  }
}

TEST(OfficeTable, ReadsPrefixesCitiesAndSenateClasses) {
  const std::vector<OfficeTable::Source> sources = {
      {"p.tsv", "state\tprefix\tparty\tsource\nNY\tC\tCON\tx\n"},
      {"c.tsv", "state\tcity\tcounties\tsource\nNY\tNew York City\tBronx,New York\tx\n"},
      {"s.tsv", "state\tclasses\tsource\nNY\t1,3\tx\nMN\t1,2\tx\n"}};
  const auto table = OfficeTable::Parse(sources);
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->PartyOfPrefix("NY", 'C'), "CON");
  EXPECT_EQ(table->PartyOfPrefix("GA", 'C'), "");
  EXPECT_EQ(table->CityOf("NY", "NEW YORK"), "New York City");
  EXPECT_EQ(table->CityOf("NY", "Erie"), "");
  EXPECT_EQ(table->SenateClass("NY", 2018, false), 1);
  EXPECT_EQ(table->SenateClass("NY", 2016, false), 3);
  EXPECT_EQ(table->SenateClass("NY", 2020, false), 0);  // no NY seat is up in 2020
  EXPECT_EQ(table->SenateClass("MN", 2018, true), 2);
  EXPECT_EQ(table->SenateClass("NY", 2017, false), 0);
  EXPECT_EQ(table->SenateClass("TX", 2018, false), 0);  // not in this table
}

TEST(OfficeTable, DefaultSenateClassesCoverEveryStateTwice) {
  const OfficeTable& table = OfficeTable::Default();
  int num_states = 0;
  for (const char* state :
       {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
        "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT",
        "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"}) {
    SCOPED_TRACE(state);
    int classes = 0;
    for (const int year : {2018, 2020, 2022}) classes += table.SenateClass(state, year, false) != 0;
    EXPECT_EQ(classes, 2);
    ++num_states;
  }
  EXPECT_EQ(num_states, 50);
}

}  // namespace
}  // namespace downballot::ingest
