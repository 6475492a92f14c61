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

NormalizedOffice Normalize(std::string_view state, int year, std::string_view office_raw,
                           std::string_view district_raw, std::string_view county) {
  return NormalizeOffice(OfficeTable::Default(), OfficeContext{state, year, false, county},
                         office_raw, district_raw);
}

// New York cases: the rules that were New York's code are now ny.tsv and offices.tsv.
void Check(const Case& c, std::string_view state = "NY") {
  SCOPED_TRACE(testing::Message() << c.office_raw << " | " << c.district_raw << " | " << c.county);
  const NormalizedOffice got = Normalize(state, 2018, c.office_raw, c.district_raw, c.county);
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
      {"U.S. Senate", "NYC", "Richmond", "U.S. Senate", "Class 1", OfficeLevel::kFederal, ""},
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
      // Broome 2018 writes districts as floats; "124.0" is the same seat as "124".
      {"State Assembly", "124.0", "Broome", "State Assembly", "124", OfficeLevel::kState, ""},
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
      {"STATE SUPREME COURT JUSTICE", "", "Onondaga", "Supreme Court Justice", "",
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
    const NormalizedOffice got = Normalize("NY", 2018, label, "", "Albany");
    EXPECT_EQ(got.office, "");
    EXPECT_EQ(got.district, "");
    EXPECT_EQ(got.jurisdiction, "");
  }
}

TEST(OfficeNormalizer, KeepsUnmatchedOfficesReadableLocalAndFlagged) {
  const Case cases[] = {
      {"WATER DISTRICT COMMISSIONER", "", "Erie", "Water District Commissioner", "",
       OfficeLevel::kOther, "Erie"},
      {"Special--Hospital Authority", "3", "Appling", "Special--Hospital Authority", "3",
       OfficeLevel::kOther, "Appling"},
  };
  for (const Case& c : cases) Check(c);
  EXPECT_EQ(Normalize("NY", 2018, "WATER DISTRICT COMMISSIONER", "", "Erie").rule, "");
  EXPECT_NE(Normalize("NY", 2018, "Sheriff", "", "Erie").rule, "");
}

TEST(OfficeNormalizer, ReadsVoteForNAsTheSeatsElected) {
  const NormalizedOffice justices =
      Normalize("NY", 2018, "STATE SUPREME COURT JUSTICE (VOTE FOR 4)", "", "Onondaga");
  EXPECT_EQ(justices.office, "Supreme Court Justice");
  EXPECT_EQ(justices.seats, 4);
  EXPECT_TRUE(justices.is_seats_from_data);
  const NormalizedOffice committee =
      Normalize("NY", 2018, "COUNTY COMMITTEE - TOWN OF CICERO DISTRICT 22", "", "Onondaga");
  EXPECT_EQ(committee.seats, 2);  // ny.tsv: two members per election district
  EXPECT_FALSE(committee.is_seats_from_data);
  EXPECT_EQ(committee.body, "County Committee");
  EXPECT_EQ(Normalize("NY", 2018, "Female County Committee", "41050", "Kings").seats, 1);
  EXPECT_EQ(Normalize("NY", 2018, "Town Council (Vote for Two)", "", "Erie").seats, 2);
  EXPECT_EQ(Normalize("NY", 2018, "Judicial Delegate", "77", "Bronx").seats, 0);  // it varies
}

TEST(OfficeNormalizer, NamesTheSenateSeatByItsClass) {
  EXPECT_EQ(Normalize("NY", 2018, "U.S. Senate", "", "Albany").district, "Class 1");
  EXPECT_EQ(Normalize("NY", 2016, "U.S. Senate", "", "Albany").district, "Class 3");
  // Minnesota 2018 elected both seats: the regular one (class 1) and a special one (class 2).
  EXPECT_EQ(Normalize("MN", 2018, "U.S. Senate", "", "Hennepin").district, "Class 1");
  EXPECT_EQ(Normalize("MN", 2018, "U.S. Senate Special", "", "Hennepin").district, "Class 2");
  EXPECT_EQ(NormalizeOffice(OfficeTable::Default(), OfficeContext{"MS", 2018, true, "Hinds"},
                            "U.S. Senate", "")
                .district,
            "Class 2");
}

TEST(OfficeNormalizer, ReadsOtherStatesOffices) {
  const Case az[] = {
      {"State Representative", "7", "Apache", "State House", "7", OfficeLevel::kState, ""},
      {"Corporation Commissioner", "", "Arizona", "Corporation Commissioner", "",
       OfficeLevel::kState, ""},
      {"Supertendent of Public Instruction", "", "Apache", "Superintendent of Public Instruction",
       "", OfficeLevel::kState, ""},
      {"PROPOSITION 125", "", "Apache", "Proposition 125", "", OfficeLevel::kMeasure, "Apache"},
      {"Retain Justice Supreme-Bolick", "", "Apache", "Retain Justice Supreme-Bolick", "",
       OfficeLevel::kMeasure, "Apache"},
      {"Justice of the Peace Dist. 1 Round Valley", "", "Apache", "Justice of the Peace", "1",
       OfficeLevel::kJudicial, "Apache"},
  };
  for (const Case& c : az) Check(c, "AZ");
  EXPECT_EQ(Normalize("AZ", 2018, "State Representative", "7", "Apache").seats, 2);
  const Case ga[] = {
      {"State Senator, District 18", "", "Houston", "State Senate", "18", OfficeLevel::kState, ""},
      {"U.S. Representative, District 12", "", "Appling", "U.S. House", "12", OfficeLevel::kFederal,
       ""},
      {"Public Service Commission, District 3", "", "Cherokee", "Public Service Commissioner", "3",
       OfficeLevel::kState, ""},
      {"Public Service Commission", "3", "APPLING", "Public Service Commissioner", "3",
       OfficeLevel::kState, ""},
      // Not a party chair: Georgia county files write the county commission as "CC".
      {"CC, CHAIRMAN", "", "Cherokee", "County Commission Chair", "", OfficeLevel::kCounty,
       "Cherokee"},
      {"CC, D1", "", "Cherokee", "County Commission", "1", OfficeLevel::kCounty, "Cherokee"},
      {"Superior Court Judge", "Blue Ridge Circuit (Harris)", "Cherokee", "Superior Court Judge",
       "Blue Ridge Circuit (Harris)", OfficeLevel::kJudicial, ""},
      {"Supreme Court Justice", "Boggs", "Cherokee", "Supreme Court Justice", "Boggs",
       OfficeLevel::kJudicial, ""},
  };
  for (const Case& c : ga) Check(c, "GA");
  const Case nc[] = {
      {"NC STATE SENATE DISTRICT 42 (REP)", "", "Alexander", "State Senate", "42",
       OfficeLevel::kState, "", "REP"},
      {"US HOUSE OF REPRESENTATIVES DISTRICT 05 (DEM)", "05", "Ashe", "U.S. House", "5",
       OfficeLevel::kFederal, "", "DEM"},
      {"NC HOUSE OF REPRESENTATIVES DISTRICT 090 (REP)", "090", "Alleghany", "State House", "90",
       OfficeLevel::kState, "", "REP"},
      {"ALLEGHANY COUNTY BOARD OF COMMISSIONERS (REP)", "", "Alleghany", "County Commission", "",
       OfficeLevel::kCounty, "Alleghany", "REP"},
      {"ALLEGHANY COUNTY BOARD OF EDUCATION (DEM)", "", "Alleghany", "Board of Education", "",
       OfficeLevel::kCounty, "Alleghany", "DEM"},
      {"HAYWOOD COUNTY TAX COLLECTOR (REP)", "", "Haywood", "Tax Collector", "",
       OfficeLevel::kCounty, "Haywood", "REP"},
      {"DISTRICT ATTORNEY DISTRICT 17 (REP)", "", "Caswell", "District Attorney", "17",
       OfficeLevel::kCounty, "", "REP"},
      {"CITY OF LINCOLNTON CITY COUNCIL WARD 1 (DEM)", "", "Lincoln", "City Council",
       "City of Lincolnton Ward 1", OfficeLevel::kMunicipal, "Lincoln", "DEM"},
      {"One Quarter Cent Sales Tax", "", "Wake", "One Quarter Cent Sales Tax", "",
       OfficeLevel::kMeasure, "Wake"},
  };
  for (const Case& c : nc) Check(c, "NC");
  const Case wi[] = {
      {"Dane County Circuit Court, Branch 8", "", "Dane", "Circuit Court Judge", "Branch 8",
       OfficeLevel::kJudicial, "Dane"},
      {"Buffalo-Pepin County Circuit Court", "", "Pepin", "Circuit Court Judge", "",
       OfficeLevel::kJudicial, "Buffalo-Pepin"},
      {"State Assembly", "42", "Columbia", "State Assembly", "42", OfficeLevel::kState, ""},
  };
  for (const Case& c : wi) Check(c, "WI");
  const Case fl[] = {
      {"Circuit Judge", "8th Judicial Circuit, Group 11", "Alachua", "Circuit Court Judge",
       "8th Judicial Circuit, Group 11", OfficeLevel::kJudicial, ""},
      {"County Court Judge", "Group 2", "Alachua", "County Court Judge", "Group 2",
       OfficeLevel::kJudicial, "Alachua"},
      {"State House", "20", "Alachua", "State House", "20", OfficeLevel::kState, ""},
  };
  for (const Case& c : fl) Check(c, "FL");
}

TEST(OfficeNormalizer, ReadsPartyOfficesOfOtherStates) {
  const Case cases[] = {
      // Texas: precinct chairs and the county chair form the county executive committee.
      {"PRECINCT 101, PRECINCT CHAIRMAN", "", "Travis", "Precinct Chair", "101",
       OfficeLevel::kParty, "Travis"},
      {"Precinct Chair, Pct 4", "", "Travis", "Precinct Chair", "4", OfficeLevel::kParty, "Travis"},
      {"COUNTY CHAIRMAN", "", "Travis", "County Chair", "", OfficeLevel::kParty, "Travis"},
  };
  for (const Case& c : cases) Check(c, "TX");
  const Case mi[] = {
      {"Delegate to County Convention Precinct 3", "", "Eaton", "Precinct Delegate", "3",
       OfficeLevel::kParty, "Eaton"},
      {"Precinct Delegate", "12", "Eaton", "Precinct Delegate", "12", OfficeLevel::kParty, "Eaton"},
  };
  for (const Case& c : mi) Check(c, "MI");
  const Case az[] = {
      {"Precinct Committeeman", "Apache Junction 4", "Pinal", "Precinct Committeeperson",
       "Apache Junction 4", OfficeLevel::kParty, "Pinal"},
  };
  for (const Case& c : az) Check(c, "AZ");
  EXPECT_EQ(Normalize("TX", 2018, "PRECINCT 101, PRECINCT CHAIRMAN", "", "Travis").body,
            "County Executive Committee");
}

TEST(OfficeNormalizer, KeepsNewYorksPartyLettersInNewYork) {
  // Suffolk's "C - " prefix is New York's (party_prefixes.tsv); elsewhere it is text.
  EXPECT_EQ(Normalize("NY", 2018, "C - Member of State Committee 1st CD", "1", "Suffolk")
                .party_from_office,
            "CON");
  EXPECT_EQ(Normalize("GA", 2018, "C - Member of State Committee 1st CD", "1", "Appling")
                .party_from_office,
            "");
}

TEST(OfficeNormalizer, ReadsPlainAndOrdinalDistrictNumbers) {
  struct NumberCase {
    const char* text;
    const char* want;
  };
  const NumberCase cases[] = {{"14th", "14"},   {"07", "7"},  {"53RD", "53"},  {"1st", "1"},
                              {"0", "0"},       {"64RH", ""}, {"NYC", ""},     {"", ""},
                              {"124.0", "124"}, {"12.5", ""}, {"124.", "124"}, {"A.0", ""}};
  for (const NumberCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(PlainDistrictNumber(c.text), c.want);
  }
}

}  // namespace
}  // namespace downballot::ingest
