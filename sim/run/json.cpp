#include "sim/run/json.hpp"

#include <cstdio>

#include "sim/run/atomic_writer.hpp"

namespace mcusim {

std::string JsonWriter::escape(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", c);
      o += b;
    } else {
      o += static_cast<char>(c);
    }
  }
  return o + "\"";
}

void JsonWriter::prefix(const std::string& key) {
  if (depth_ > 0) {
    out_ << (first_.back() ? "\n" : ",\n") << std::string(static_cast<std::size_t>(depth_) * 2, ' ');
    first_.back() = false;
  }
  if (!key.empty()) out_ << escape(key) << ": ";
}

JsonWriter& JsonWriter::begin_object(const std::string& key) {
  prefix(key);
  out_ << "{";
  first_.push_back(true);
  ++depth_;
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  --depth_;
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) out_ << "\n" << std::string(static_cast<std::size_t>(depth_) * 2, ' ');
  out_ << "}";
  return *this;
}

JsonWriter& JsonWriter::begin_array(const std::string& key) {
  prefix(key);
  out_ << "[";
  first_.push_back(true);
  ++depth_;
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  --depth_;
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) out_ << "\n" << std::string(static_cast<std::size_t>(depth_) * 2, ' ');
  out_ << "]";
  return *this;
}

JsonWriter& JsonWriter::field(const std::string& key, const std::string& v) {
  prefix(key);
  out_ << escape(v);
  return *this;
}

JsonWriter& JsonWriter::field(const std::string& key, double v, int decimals) {
  prefix(key);
  out_ << fixed(v, decimals);
  return *this;
}

JsonWriter& JsonWriter::field_int(const std::string& key, long long v) {
  prefix(key);
  out_ << v;
  return *this;
}

JsonWriter& JsonWriter::field_bool(const std::string& key, bool v) {
  prefix(key);
  out_ << (v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::raw(const std::string& key, const std::string& json) {
  prefix(key);
  out_ << json;
  return *this;
}

}  // namespace mcusim
