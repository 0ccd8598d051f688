#pragma once
// A minimal deterministic JSON writer for result files: keys in insertion order,
// numbers with fixed decimals, two-space indentation.
#include <sstream>
#include <string>
#include <vector>

namespace mcusim {

class JsonWriter {
 public:
  JsonWriter& begin_object(const std::string& key = "");
  JsonWriter& end_object();
  JsonWriter& begin_array(const std::string& key = "");
  JsonWriter& end_array();
  JsonWriter& field(const std::string& key, const std::string& v);
  JsonWriter& field(const std::string& key, const char* v) { return field(key, std::string(v)); }
  JsonWriter& field(const std::string& key, double v, int decimals);
  JsonWriter& field_int(const std::string& key, long long v);
  JsonWriter& field_bool(const std::string& key, bool v);
  JsonWriter& raw(const std::string& key, const std::string& json);  // pre-formatted value
  std::string str() const { return out_.str() + "\n"; }
  static std::string escape(const std::string& s);

 private:
  void prefix(const std::string& key);
  std::ostringstream out_;
  std::vector<bool> first_{true};
  int depth_ = 0;
};

}  // namespace mcusim
