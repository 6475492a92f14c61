#include "analysis/county_directory.h"

#include <gtest/gtest.h>

#include <vector>

namespace downballot::analysis {
namespace {

TEST(CountyDirectory, FindsCountiesWhateverTheSpelling) {
  const std::vector<model::County> counties = {{"36055", "NY", "Monroe County"},
                                               {"36089", "NY", "St. Lawrence County"},
                                               {"04001", "AZ", "Apache County"},
                                               {"51760", "VA", "Richmond city"},
                                               {"51159", "VA", "Richmond County"},
                                               {"22033", "LA", "East Baton Rouge Parish"},
                                               {"35013", "NM",
                                                "Do\xC3\xB1"
                                                "a Ana County"}};
  const CountyDirectory directory(counties);
  EXPECT_EQ(directory.Key("NY", "MONROE"), "36055");
  EXPECT_EQ(directory.Key("NY", "Monroe County"), "36055");
  EXPECT_EQ(directory.Key("NY", "ST LAWRENCE"), "36089");
  EXPECT_EQ(directory.Key("NY", "St.Lawrence"), "36089");
  EXPECT_EQ(directory.Key("NY", "Saint Lawrence"), "36089");
  EXPECT_EQ(directory.Key("AZ", "APACHE"), "04001");
  EXPECT_EQ(directory.Key("VA", "Richmond City"), "51760");
  EXPECT_EQ(directory.Key("VA", "RICHMOND"), "51159");
  EXPECT_EQ(directory.Key("LA", "East Baton Rouge"), "22033");
  // Accents fold: a file that writes "DONA ANA" names Doña Ana.
  EXPECT_EQ(directory.Key("NM", "DONA ANA"), "35013");
  EXPECT_TRUE(directory.IsKnown("NM", "Dona Ana"));
  EXPECT_FALSE(directory.IsKnown("NY", "Eca"));
  // Unknown names, or a county of another state, keep a spelling key.
  EXPECT_EQ(directory.Key("NY", "Eca"), "~eca");
  EXPECT_EQ(directory.Key("GA", "Monroe"), "~monroe");
  EXPECT_EQ(directory.Key("NY", ""), "");
  EXPECT_TRUE(directory.HasState("NY"));
  EXPECT_FALSE(directory.HasState("GA"));
}

}  // namespace
}  // namespace downballot::analysis
