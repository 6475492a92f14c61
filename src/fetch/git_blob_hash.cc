#include "fetch/git_blob_hash.h"

#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <vector>

#include "fmt/format.h"

namespace downballot::fetch {
namespace {

using DigestContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

DigestContext StartBlob(uint64_t size) {
  DigestContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_DigestInit_ex(context.get(), EVP_sha1(), nullptr);
  const std::string header = fmt::format("blob {}", size);
  EVP_DigestUpdate(context.get(), header.data(), header.size() + 1);  // with its '\0'
  return context;
}

std::string FinishHex(const DigestContext& context) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest, &length);
  std::string hex;
  for (unsigned int at = 0; at < length; ++at) hex += fmt::format("{:02x}", digest[at]);
  return hex;
}

}  // namespace

std::string GitBlobSha1OfBytes(std::string_view bytes) {
  const DigestContext context = StartBlob(bytes.size());
  EVP_DigestUpdate(context.get(), bytes.data(), bytes.size());
  return FinishHex(context);
}

absl::StatusOr<std::string> GitBlobSha1(const std::filesystem::path& path) {
  std::error_code error;
  const uint64_t size = std::filesystem::file_size(path, error);
  std::ifstream in(path, std::ios::binary);
  if (error || !in) {
    return absl::InternalError(fmt::format("{}: cannot read to check it", path.string()));
  }
  const DigestContext context = StartBlob(size);
  std::vector<char> block(size_t{1} << 20);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    EVP_DigestUpdate(context.get(), block.data(), static_cast<size_t>(in.gcount()));
  }
  return FinishHex(context);
}

}  // namespace downballot::fetch
