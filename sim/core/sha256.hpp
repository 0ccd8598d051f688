#pragma once
// SHA-256 (FIPS 180-4), for the provenance of fitted parameters.
#include <string>

namespace mcusim {

std::string sha256_hex(const std::string& data);
std::string sha256_file(const std::string& path);  // InputError if unreadable

}  // namespace mcusim
