#include "money/crp_categories.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>

#include "base/file_system.h"
#include "gtest/gtest.h"

namespace downballot::money {
namespace {

constexpr std::string_view kCategoriesPath =
    DOWNBALLOT_SOURCE_DIR "/../shared/data/opensecrets/CRP_Categories_2024-07-09.txt";

TEST(CrpCategories, SkipsPreambleAndHandlesCrlfAndQuotes) {
  const std::string text =
      "\"licence text, with a comma\"\t\t\t\t\t\r\n"
      "\t\t\t\t\t\r\n"
      "Catcode\tCatname\tCatorder\tIndustry\tSector\tSector Long\r\n"
      "A1400\t\"Vegetables, fruits and tree nut\"\tA01\tCrop Production\tAgribusiness\t"
      "Agribusiness\r\n"
      "F2700\tHedge Funds\tF07\tSecurities & Investment\tFinance/Insur/RealEst\t"
      "\"Finance, Insurance & Real Estate\"\r\n"
      "\r\n"
      "X1200\tRetired\tX12\tRetired\tOther\t\"Say \"\"retired\"\"\"\n";
  absl::StatusOr<std::vector<CrpCategory>> got = ParseCrpCategories(text, "cats.txt");
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_EQ(got->size(), 3u);
  EXPECT_EQ((*got)[0].catcode, "A1400");
  EXPECT_EQ((*got)[0].name, "Vegetables, fruits and tree nut");
  EXPECT_FALSE(IsFinanceSector((*got)[0]));
  EXPECT_EQ((*got)[1].sector_long, "Finance, Insurance & Real Estate");
  EXPECT_TRUE(IsFinanceSector((*got)[1]));
  EXPECT_EQ((*got)[2].sector_long, "Say \"retired\"");
}

TEST(CrpCategories, RejectsMalformedInput) {
  const std::string header = "Catcode\tCatname\tCatorder\tIndustry\tSector\tSector Long\n";
  struct Case {
    std::string name;
    std::string text;
    std::string want_in_message;
  };
  const Case cases[] = {
      {"no header", "A1000\tCrops\tA01\tCrops\tAgribusiness\tAgribusiness\n", "no header"},
      {"empty", "", "no header"},
      {"short row", header + "A1000\tCrops\tA01\n", "cats.txt:2: expected 6 fields, got 3"},
      {"unterminated quote", header + "A1000\t\"Crops\tA01\tx\ty\tz\n", "cats.txt:2: unterminated"},
      {"text after quote", header + "A1000\t\"Crops\"x\tA01\tx\ty\tz\n", "after a closing quote"},
      {"bad catcode", header + "A10\tCrops\tA01\tx\ty\tz\n", "cats.txt:2: catcode 'A10'"},
      {"duplicate", header + "A1000\ta\tb\tc\td\te\nA1000\ta\tb\tc\td\te\n", "cats.txt:3"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<std::vector<CrpCategory>> got = ParseCrpCategories(c.text, "cats.txt");
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(got.status().message().find(c.want_in_message), std::string_view::npos)
        << got.status();
  }
}

TEST(CrpCategories, RealFileHas485CodesAnd39Finance) {
  std::error_code ec;
  if (!std::filesystem::exists(std::string(kCategoriesPath), ec)) {
    GTEST_SKIP() << "shared data not present: " << kCategoriesPath;
  }
  absl::StatusOr<std::string> text = base::ReadFile(std::string(kCategoriesPath));
  ASSERT_TRUE(text.ok()) << text.status();
  absl::StatusOr<std::vector<CrpCategory>> got = ParseCrpCategories(*text, "CRP_Categories");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->size(), 485u);
  EXPECT_EQ(std::count_if(got->begin(), got->end(), IsFinanceSector), 39);
  for (std::string_view code : {"F2700", "F2800", "F1100", "F7000"}) {
    auto it = std::find_if(got->begin(), got->end(),
                           [&](const CrpCategory& c) { return c.catcode == code; });
    ASSERT_NE(it, got->end()) << code;
    EXPECT_TRUE(IsFinanceSector(*it)) << code;
  }
  auto retired = std::find_if(got->begin(), got->end(),
                              [](const CrpCategory& c) { return c.catcode == "X1200"; });
  ASSERT_NE(retired, got->end());
  EXPECT_EQ(retired->name, "Retired");
}

}  // namespace
}  // namespace downballot::money
