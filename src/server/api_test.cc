// The API's routes without sockets: statuses, error bodies, paging and parameter checks on an
// empty store (the real-data answers are compared with the CLI in tests/api_test.cc).
#include "server/api.h"

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "store/test_database.h"

namespace downballot::server {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  ApiResponse Get(std::string_view path,
                  std::vector<std::pair<std::string, std::string>> params = {}) {
    return HandleApi(*db_, context_, path, query::Params(std::move(params)));
  }

  std::unique_ptr<store::Database> db_ = store::testing::OpenMigrated();
  ApiContext context_{ingest::OfficeTable::Default(), {}};
};

std::string ErrorCode(const ApiResponse& response) {
  return nlohmann::json::parse(response.body)["error"]["code"].get<std::string>();
}

TEST_F(ApiTest, EmptyStoreAnswersEmptyPages) {
  const ApiResponse targets = Get("targets");
  EXPECT_EQ(targets.status, 200);
  EXPECT_EQ(nlohmann::json::parse(targets.body), nlohmann::json::array());
  EXPECT_EQ(targets.total_count, 0);
  const ApiResponse races = Get("races", {{"state", "NY"}});
  EXPECT_EQ(races.status, 200);
  EXPECT_EQ(races.total_count, 0);
  const ApiResponse summary = Get("summary");
  EXPECT_EQ(summary.status, 200);
  EXPECT_EQ(nlohmann::json::parse(summary.body)["races"], 0);
  const ApiResponse map = Get("map");
  EXPECT_EQ(
      nlohmann::json::parse(map.body),
      nlohmann::json({{"states", nlohmann::json::array()}, {"counties", nlohmann::json::array()}}));
  // Questions about data that is not loaded say what is missing.
  for (const std::string_view path : {"forecast?cycle=2018", "slates", "forecast/evaluation"}) {
    const ApiResponse response =
        path == "forecast?cycle=2018" ? Get("forecast", {{"cycle", "2018"}}) : Get(path);
    EXPECT_EQ(response.status, 409) << path;
    EXPECT_EQ(ErrorCode(response), "failed_precondition") << path;
  }
}

TEST_F(ApiTest, UnknownThingsAre404) {
  EXPECT_EQ(Get("races/ny.2018-06-26.primary.dem.nowhere").status, 404);
  EXPECT_EQ(Get("races/nope/plan").status, 404);
  EXPECT_EQ(Get("no-such-endpoint").status, 404);
  EXPECT_EQ(ErrorCode(Get("no-such-endpoint")), "not_found");
  EXPECT_EQ(Get("bodies/ny.dem.county-committee.kings/takeover").status, 404);
}

TEST_F(ApiTest, BadParametersAre400AndNameTheParameter) {
  const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>
      cases = {
          {"targets", {{"state", "New Yrok"}}},
          {"targets", {{"level", "galactic"}}},
          {"targets", {{"limit", "0"}}},
          {"targets", {{"limit", "501"}}},
          {"targets", {{"offset", "-1"}}},
          {"targets", {{"sort", "name"}}},
          {"targets", {{"open", "maybe"}}},
          {"targets", {{"stat", "NY"}}},
          {"targets", {{"state", "NY"}, {"state", "CA"}}},
          {"races", {{"date", "2018-6-26"}}},
          {"races", {{"stage", "semifinal"}}},
          {"races/x/plan", {{"take_rate", "2"}}},
          {"races/x/plan", {{"no_such_coefficient", "1"}}},
          {"races/x", {{"extra", "1"}}},
          {"bodies", {{"party", "DEM;"}}},
          {"slates", {{"by", "county"}}},
          {"leverage", {{"source", "web"}}},
          {"leverage", {{"totals", "2"}}},
          {"check", {{"state", "ZZZ"}}},
          {"forecast", {{"ridge", "1"}}},
          {"forecast", {{"cycle", "2022"}, {"ridge", "-1"}}},
          {"races/x/forecast", {{"train", "2018,"}}},
          {"forecast/evaluation", {{"cycle", "22"}}},
          {"summary", {{"state", "NY"}}},
      };
  for (const auto& [path, params] : cases) {
    const ApiResponse response = Get(path, params);
    EXPECT_EQ(response.status, 400) << path << " " << params.front().first;
    EXPECT_EQ(ErrorCode(response), "invalid_argument") << path;
    const std::string message =
        nlohmann::json::parse(response.body)["error"]["message"].get<std::string>();
    EXPECT_FALSE(message.empty());
  }
}

TEST_F(ApiTest, InjectionStringsAreDataNotSql) {
  // Every free-text parameter is bound, never spliced: the store is unchanged and answers empty.
  for (const std::string attack :
       {"' OR '1'='1", "x'); DROP TABLE race; --", "\" OR 1=1 --", "%' --"}) {
    const ApiResponse races = Get("races", {{"office", attack}, {"district", attack}});
    EXPECT_EQ(races.status, 200) << attack;
    EXPECT_EQ(races.total_count, 0) << attack;
    EXPECT_EQ(Get("races/" + attack).status, 404) << attack;
    EXPECT_EQ(Get("targets", {{"state", attack}}).status, 400) << attack;
  }
  EXPECT_EQ(Get("targets").status, 200);  // the race table is still there
}

}  // namespace
}  // namespace downballot::server
