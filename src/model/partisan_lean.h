// FiveThirtyEight's partisan lean of a state or congressional district for one year.
#pragma once

#include <string>

namespace downballot::model {

struct PartisanLean {
  int year = 0;
  std::string state;       // postal code
  std::string district;    // "14" for NY-14, "AL" for at-large, "" for a whole state
  double dem_margin = 0;   // points; D+3 -> 3.0, R+15.21 -> -15.21
};

}  // namespace downballot::model
