#include "ingest/office_normalizer.h"

#include <gtest/gtest.h>

namespace downballot::ingest {
namespace {

using model::OfficeLevel;

struct Case {
  const char* office_raw;
  const char* district_raw;
  const char* county;
  const char* office;
  const char* district;
  OfficeLevel level;
  const char* jurisdiction;
  const char* party_from_office = "";
};

void Check(const Case& c) {
  SCOPED_TRACE(testing::Message() << c.office_raw << " | " << c.district_raw << " | " << c.county);
  const NormalizedOffice got = NormalizeOffice(c.office_raw, c.district_raw, c.county);
  EXPECT_EQ(got.office, c.office);
  EXPECT_EQ(got.district, c.district);
  EXPECT_EQ(got.level, c.level) << model::ToString(got.level);
  EXPECT_EQ(got.jurisdiction, c.jurisdiction);
  EXPECT_EQ(got.party_from_office, c.party_from_office);
}

TEST(OfficeNormalizer, NormalisesFederalAndStatewideOffices) {
  const Case cases[] = {
      {"President", "", "Albany", "President", "", OfficeLevel::kFederal, ""},
      {"President", "NYC", "Richmond", "President", "", OfficeLevel::kFederal, ""},
      {"U.S. Senate", "NYC", "Richmond", "U.S. Senate", "", OfficeLevel::kFederal, ""},
      {"U.S. House", "14", "Bronx", "U.S. House", "14", OfficeLevel::kFederal, ""},
      {"U.S. House", "07", "Kings", "U.S. House", "7", OfficeLevel::kFederal, ""},
      {"U S House", "23", "Tompkins", "U.S. House", "23", OfficeLevel::kFederal, ""},
      {"U.S. House 1st Congress", "", "Suffolk", "U.S. House", "1", OfficeLevel::kFederal, ""},
      {"U.S. House 2nd Congress", "2", "Suffolk", "U.S. House", "2", OfficeLevel::kFederal, ""},
      {"Representative in Congress", "District 14", "Queens", "U.S. House", "14",
       OfficeLevel::kFederal, ""},
      {"GOVERNOR", "", "Onondaga", "Governor", "", OfficeLevel::kState, ""},
      {"Governor and Lieutenant Governor", "", "Erie", "Governor", "", OfficeLevel::kState, ""},
      {"Lt. Governor", "", "Albany", "Lieutenant Governor", "", OfficeLevel::kState, ""},
      {"LIEUTENANT GOVERNOR", "", "Onondaga", "Lieutenant Governor", "", OfficeLevel::kState, ""},
      {"ATTORNEY GENERAL", "", "Onondaga", "Attorney General", "", OfficeLevel::kState, ""},
      {"Comptroller", "", "Erie", "Comptroller", "", OfficeLevel::kState, ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(OfficeNormalizer, NormalisesLegislativeSeatsAndTheirDistricts) {
  const Case cases[] = {
      {"State Senate", "53", "Onondaga", "State Senate", "53", OfficeLevel::kState, ""},
      {"State Senate - 53RD DISTRICT", "", "Onondaga", "State Senate", "53", OfficeLevel::kState,
       ""},
      {"State Assembly", "62", "Richmond", "State Assembly", "62", OfficeLevel::kState, ""},
      {"Assembly", "108", "Albany", "State Assembly", "108", OfficeLevel::kState, ""},
      {"Member of Assembly", "144", "Orleans", "State Assembly", "144", OfficeLevel::kState, ""},
      {"State Assembly 2nd Assembly Distric", "2", "Suffolk", "State Assembly", "2",
       OfficeLevel::kState, ""},
      {"130th Assembly District", "", "Oswego", "State Assembly", "130", OfficeLevel::kState, ""},
      {"State House", "118", "Herkimer", "State Assembly", "118", OfficeLevel::kState, ""},
      {"Member of the City Council", "17", "Bronx", "City Council", "17", OfficeLevel::kMunicipal,
       "New York City"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(OfficeNormalizer, NormalisesPartyPositions) {
  const Case cases[] = {
      {"C - Member of State Committee 1st CD", "1", "Suffolk", "State Committee", "1st CD",
       OfficeLevel::kParty, "", "CON"},
      {"F - Member of State Committee 8th AD", "8", "Suffolk", "State Committee", "8th AD",
       OfficeLevel::kParty, "", "REF"},
      {"Female State Committee", "77", "Bronx", "State Committee (Female)", "77",
       OfficeLevel::kParty, ""},
      {"Male State Committee", "42", "Kings", "State Committee (Male)", "42", OfficeLevel::kParty,
       ""},
      {"County Committee", "78038", "Bronx", "County Committee", "78038", OfficeLevel::kParty,
       "Bronx"},
      {"Female County Committee", "41050", "Kings", "County Committee (Female)", "41050",
       OfficeLevel::kParty, "Kings"},
      {"COUNTY COMMITTEE - TOWN OF CICERO DISTRICT 8", "", "Onondaga", "County Committee",
       "Town of Cicero District 8", OfficeLevel::kParty, "Onondaga"},
      {"COUNTY COMMITTEE - CITY OF SYRACUSE WARD 5 DISTRICT 3", "", "Onondaga", "County Committee",
       "City of Syracuse Ward 5 District 3", OfficeLevel::kParty, "Onondaga"},
      {"Member of County Committee Islip ED# 13", "", "Suffolk", "County Committee", "Islip ED 13",
       OfficeLevel::kParty, "Suffolk"},
      // Suffolk's office text is cut at 40 characters; its district cell is the full code.
      {"Member of County Committee Islip ED# 13", "3131", "Suffolk", "County Committee", "3131",
       OfficeLevel::kParty, "Suffolk"},
      {"District Leader", "64RH", "Richmond", "District Leader", "64RH", OfficeLevel::kParty,
       "Richmond"},
      {"Female District Leader", "31A", "Queens", "District Leader (Female)", "31A",
       OfficeLevel::kParty, "Queens"},
      {"Delegate to Judicial Convention", "77", "Bronx", "Judicial Delegate", "77",
       OfficeLevel::kParty, ""},
      {"Alternate Delegate to the Judicial Convention", "53", "Kings",
       "Alternate Judicial Delegate", "53", OfficeLevel::kParty, ""},
      {"DELEGATES TO THE 5TH JUDICIAL DISTRICT CONVENTION - 129TH ASSEMBLY DISTRICT", "",
       "Onondaga", "Judicial Delegate", "129", OfficeLevel::kParty, ""},
      {"Alternate Delegate to the 5th Judicial District Convention 130th Assembly District", "",
       "Oswego", "Alternate Judicial Delegate", "130", OfficeLevel::kParty, ""},
      {"C - Delegates to the 10th JD Convention", "3", "Suffolk", "Judicial Delegate", "3",
       OfficeLevel::kParty, "", "CON"},
      {"R - Alt. Delegates to the 10th JD Conven", "8", "Suffolk", "Alternate Judicial Delegate",
       "8", OfficeLevel::kParty, "", "REP"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(OfficeNormalizer, NormalisesJudicialCountyAndMunicipalOffices) {
  const Case cases[] = {
      {"STATE SUPREME COURT JUSTICE (VOTE FOR 4)", "", "Onondaga", "Supreme Court Justice", "",
       OfficeLevel::kJudicial, ""},
      {"Justice of the Supreme Court 6th Judicial District", "", "Tompkins",
       "Supreme Court Justice", "6", OfficeLevel::kJudicial, ""},
      {"Judge of the Civil Court - County", "12", "Kings", "Civil Court Judge - County", "12",
       OfficeLevel::kJudicial, "Kings"},
      {"Judge of the Civil Court - District", "1203", "Kings", "Civil Court Judge - District",
       "1203", OfficeLevel::kJudicial, "Kings"},
      {"Family Court Judge", "", "Suffolk", "Family Court Judge", "", OfficeLevel::kJudicial,
       "Suffolk"},
      {"Oswego County Family Court Judge", "", "Oswego", "Family Court Judge", "",
       OfficeLevel::kJudicial, "Oswego"},
      {"Judge of Surrogate's Court", "", "Suffolk", "Surrogate's Court Judge", "",
       OfficeLevel::kJudicial, "Suffolk"},
      {"CITY COURT JUDGE", "", "Onondaga", "City Court Judge", "", OfficeLevel::kJudicial,
       "Onondaga"},
      // Suffolk's district cell holds the town code (5 = Smithtown); the text names the seat.
      {"District Court Judge 4th District Town", "5", "Suffolk", "District Court Judge", "4",
       OfficeLevel::kJudicial, "Suffolk"},
      {"Hastings Town Justice", "", "Oswego", "Town Justice", "Town of Hastings",
       OfficeLevel::kJudicial, "Oswego"},
      {"Oswego County Sheriff", "", "Oswego", "Sheriff", "", OfficeLevel::kCounty, "Oswego"},
      {"District Attorney", "", "Kings", "District Attorney", "", OfficeLevel::kCounty, "Kings"},
      {"County Legislator", "14", "Tompkins", "County Legislature", "14", OfficeLevel::kCounty,
       "Tompkins"},
      {"Councilman Town of Huntington", "2", "Suffolk", "Town Council", "Town of Huntington",
       OfficeLevel::kMunicipal, "Suffolk"},
      {"Receiver of Taxes Town of Huntington", "2", "Suffolk", "Receiver of Taxes",
       "Town of Huntington", OfficeLevel::kMunicipal, "Suffolk"},
      {"Volney Town Clerk", "", "Oswego", "Town Clerk", "Town of Volney", OfficeLevel::kMunicipal,
       "Oswego"},
      {"Mayor", "", "Kings", "Mayor", "", OfficeLevel::kMunicipal, "New York City"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(OfficeNormalizer, TurnoutLabelsInTheOfficeColumnHaveNoOffice) {
  for (const char* label : {"Ballots Cast", "Registered Voters", "BALLOTS CAST"}) {
    SCOPED_TRACE(label);
    const NormalizedOffice got = NormalizeOffice(label, "", "Albany");
    EXPECT_EQ(got.office, "");
    EXPECT_EQ(got.district, "");
    EXPECT_EQ(got.jurisdiction, "");
  }
}

TEST(OfficeNormalizer, KeepsUnknownOfficesReadableAndLocal) {
  const Case cases[] = {
      {"WATER DISTRICT COMMISSIONER", "", "Erie", "Water District Commissioner", "",
       OfficeLevel::kMunicipal, "Erie"},
      {"Soil and Water County Board", "3", "Erie", "Soil and Water County Board", "3",
       OfficeLevel::kCounty, "Erie"},
  };
  for (const Case& c : cases) Check(c);
}

TEST(OfficeNormalizer, ReadsPlainAndOrdinalDistrictNumbers) {
  struct NumberCase {
    const char* text;
    const char* want;
  };
  const NumberCase cases[] = {{"14th", "14"}, {"07", "7"},  {"53RD", "53"}, {"1st", "1"},
                              {"0", "0"},     {"64RH", ""}, {"NYC", ""},    {"", ""}};
  for (const NumberCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PlainDistrictNumber(c.text), c.want);
  }
}

}  // namespace
}  // namespace downballot::ingest
