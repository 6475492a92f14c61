#include "model/party_body.h"

#include <string>

#include "base/strings.h"

namespace downballot::model {

std::string_view ToString(BodyUnit unit) {
  switch (unit) {
    case BodyUnit::kPrecinct:
      return "precinct";
    case BodyUnit::kDistrict:
      return "district";
  }
  return "precinct";
}

std::optional<BodyUnit> ParseBodyUnit(std::string_view text) {
  if (text == "precinct") return BodyUnit::kPrecinct;
  if (text == "district") return BodyUnit::kDistrict;
  return std::nullopt;
}

std::string MakeBodyId(const BodyKey& key) {
  std::string id = base::Slugify(key.state) + '.' + base::Slugify(key.party);
  for (const std::string* part : {&key.area, &key.body}) {
    if (part->empty()) continue;
    id += '.';
    id += base::Slugify(*part);
  }
  return id;
}

}  // namespace downballot::model
