// A county of the United States, as the FIPS table names it: the identity of a county's returns
// across files that spell it differently.
#pragma once

#include <string>

namespace downballot::model {

struct County {
  std::string fips;   // five digits, zero-padded: "36055"
  std::string state;  // postal code: "NY"
  std::string name;   // as the table writes it: "Monroe County", "Doña Ana County"
};

}  // namespace downballot::model
