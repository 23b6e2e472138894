#ifndef PROVCHECK_COMMON_SHA256_H_
#define PROVCHECK_COMMON_SHA256_H_

#include <string>
#include <string_view>

namespace provcheck {

// Lower-case hex SHA-256 of `bytes` (OpenSSL's implementation).
std::string Sha256Hex(std::string_view bytes);

}  // namespace provcheck

#endif  // PROVCHECK_COMMON_SHA256_H_
