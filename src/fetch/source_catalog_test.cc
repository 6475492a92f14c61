#include "fetch/source_catalog.h"

#include <gtest/gtest.h>

namespace downballot::fetch {
namespace {

constexpr std::string_view kSources =
    "# comment\n"
    "name\tbase_url\twhat\n"
    "fec\thttps://www.fec.gov/files/bulk-downloads/\tFEC bulk data\n";

TEST(SourceCatalog, ParsesExpandsAndMirrors) {
  const auto catalog = ParseSourceCatalog(
      kSources, "what\tsource\tpath\tdest\nfec\tfec\t{cycle}/cn{yy}.zip\tfec/{cycle}/cn{yy}.zip\n");
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_EQ(*catalog->BaseUrl("fec"), "https://www.fec.gov/files/bulk-downloads");
  ASSERT_EQ(catalog->files.size(), 1u);
  EXPECT_EQ(ExpandCycle(catalog->files[0].path, 2020), "2020/cn20.zip");
  EXPECT_EQ(ExpandCycle("x{yy}", 2008), "x08");
  SourceCatalog mirrored = *catalog;
  ASSERT_TRUE(mirrored.SetMirror("fec", "http://127.0.0.1:9/fec/").ok());
  EXPECT_EQ(*mirrored.BaseUrl("fec"), "http://127.0.0.1:9/fec");
  const absl::Status unknown = mirrored.SetMirror("fex", "http://x");
  EXPECT_EQ(unknown.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.message().find("did you mean 'fec'?"), std::string::npos) << unknown;
}

TEST(SourceCatalog, RefusesBadRowsNamingTheLine) {
  const auto no_source = ParseSourceCatalog(kSources, "what\tsource\tpath\tdest\nx\tnope\ta\tb\n");
  EXPECT_NE(no_source.status().message().find("files.tsv:2: source 'nope'"), std::string::npos)
      << no_source.status();
  const auto escapes = ParseSourceCatalog(kSources, "what\tsource\tpath\tdest\nx\tfec\ta\t../b\n");
  EXPECT_NE(escapes.status().message().find("must stay under --dest"), std::string::npos);
  const auto short_row = ParseSourceCatalog("name\tbase_url\twhat\nfec\tftp://x\n", "");
  EXPECT_NE(short_row.status().message().find("sources.tsv:2: 2 fields"), std::string::npos)
      << short_row.status();
  const auto not_http = ParseSourceCatalog("name\tbase_url\twhat\nfec\tftp://x\ty\n", "");
  EXPECT_NE(not_http.status().message().find("http:// or https://"), std::string::npos);
}

// The shipped tables parse, and every kind but results has files.
TEST(SourceCatalog, ShippedTablesParse) {
  const auto catalog = DefaultSourceCatalog();
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  for (const std::string_view name : {"openelections_tree", "openelections_raw", "fivethirtyeight",
                                      "medsl", "fec", "fips"}) {
    EXPECT_TRUE(catalog->BaseUrl(name).ok()) << name;
  }
  for (const std::string_view kind : {"candidates", "lean", "medsl", "fips", "fec"}) {
    EXPECT_TRUE(std::any_of(catalog->files.begin(), catalog->files.end(),
                            [&](const SourceFile& file) { return file.what == kind; }))
        << kind;
  }
}

}  // namespace
}  // namespace downballot::fetch
