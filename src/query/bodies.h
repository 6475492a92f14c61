// `bodies` and `takeover BODY`: party bodies (county and state committees) with their seats, and
// the cheapest majority of one.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "analysis/body_takeover.h"
#include "analysis/party_body.h"
#include "ingest/office_table.h"
#include "nlohmann/json.hpp"
#include "query/params.h"
#include "query/party_bodies_data.h"
#include "store/database.h"

namespace downballot::query {

// Parameters: state, party. InvalidArgument naming the parameter.
[[nodiscard]] absl::StatusOr<BodiesRequest> ParseBodiesRequest(const Params& params);

// An array of the bodies, each with its units.
[[nodiscard]] nlohmann::json ToJson(const std::vector<analysis::PartyBody>& bodies);
// One body with its units and the reasons behind its seat count.
[[nodiscard]] nlohmann::json BodyJson(const analysis::PartyBody& body);

struct TakeoverRequest {
  std::string body_id;
  analysis::PlanAssumptions assumptions;
};

struct TakeoverAnswer {
  analysis::PartyBody body;
  analysis::Takeover plan;
};

// The cheapest majority of the body: NotFound (naming the bodies of its state) when unknown.
[[nodiscard]] absl::StatusOr<TakeoverAnswer> AnswerTakeover(store::Database& db,
                                                            const ingest::OfficeTable& offices,
                                                            const TakeoverRequest& request);

[[nodiscard]] nlohmann::json ToJson(const TakeoverAnswer& answer);

}  // namespace downballot::query
