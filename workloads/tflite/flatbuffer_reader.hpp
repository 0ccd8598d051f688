#pragma once
// A minimal, bounds-checked FlatBuffers reader (wire rules: FORMAT_NOTES.md §2).
// Hand-rolled so the importer needs no flatc/generated code; there is no verifier,
// so every load is range-checked here and every failure is one InputError line:
// "<path>: <what> at byte <offset>".
#include <cstdint>
#include <string>

namespace mcusim::wl::fb {

// The file bytes plus the path used in error messages. Loads are byte-wise
// little-endian, so unaligned weights (often only 4-byte aligned) are fine.
class Bytes {
 public:
  Bytes(const std::uint8_t* p, std::size_t n, std::string path)
      : p_(p), n_(n), path_(std::move(path)) {}
  [[noreturn]] void fail(const std::string& what, std::uint64_t at) const;
  // Throws "<what>: truncated" unless [at, at+len) lies inside the file.
  void need(std::uint64_t at, std::uint64_t len, const std::string& what) const;
  std::uint64_t load(std::uint64_t at, int len, const std::string& what) const;
  std::uint8_t u8(std::uint64_t at, const std::string& what) const {
    return static_cast<std::uint8_t>(load(at, 1, what));
  }
  std::uint16_t u16(std::uint64_t at, const std::string& what) const {
    return static_cast<std::uint16_t>(load(at, 2, what));
  }
  std::uint32_t u32(std::uint64_t at, const std::string& what) const {
    return static_cast<std::uint32_t>(load(at, 4, what));
  }
  std::int32_t i32(std::uint64_t at, const std::string& what) const {
    return static_cast<std::int32_t>(u32(at, what));
  }
  std::int64_t i64(std::uint64_t at, const std::string& what) const {
    return static_cast<std::int64_t>(load(at, 8, what));
  }
  float f32(std::uint64_t at, const std::string& what) const;
  std::size_t size() const { return n_; }
  const std::uint8_t* data() const { return p_; }
  const std::string& path() const { return path_; }

 private:
  const std::uint8_t* p_;
  std::size_t n_;
  std::string path_;
};

class Vector;

// A table: position T, its vtable at T - soffset(T). A default-constructed Table
// is "absent" (the field was not written); accessors on it return defaults.
class Table {
 public:
  Table() = default;
  // Validates the soffset, the vtable and the inline size before any field read.
  static Table at(const Bytes& b, std::uint64_t pos, const std::string& what);
  bool present() const { return b_ != nullptr; }
  std::uint64_t pos() const { return pos_; }
  // Absolute position of field `id` (checked to hold `len` bytes), or 0 if absent.
  std::uint64_t field(int id, int len) const;
  std::uint64_t u(int id, int len, std::uint64_t def) const;
  std::int32_t i32(int id, std::int32_t def) const {
    return static_cast<std::int32_t>(u(id, 4, static_cast<std::uint32_t>(def)));
  }
  std::uint32_t u32(int id, std::uint32_t def) const {
    return static_cast<std::uint32_t>(u(id, 4, def));
  }
  std::int8_t i8(int id, std::int8_t def) const {
    return static_cast<std::int8_t>(u(id, 1, static_cast<std::uint8_t>(def)));
  }
  std::uint8_t u8(int id, std::uint8_t def) const {
    return static_cast<std::uint8_t>(u(id, 1, def));
  }
  bool boolean(int id, bool def) const { return u(id, 1, def ? 1 : 0) != 0; }
  Table table(int id, const std::string& what) const;        // absent -> !present()
  Vector vector(int id, int elem, const std::string& what) const;  // absent -> empty
  std::string string(int id, const std::string& what) const;  // absent -> ""
  const std::string& what() const { return what_; }

 private:
  // Follows the uoffset stored at `at` (relative to `at`), range-checked.
  std::uint64_t deref(std::uint64_t at, const std::string& what) const;
  const Bytes* b_ = nullptr;
  std::uint64_t pos_ = 0, vt_ = 0;
  std::uint16_t vt_size_ = 0, tbl_size_ = 0;
  std::string what_;
  friend class Vector;
};

// A vector of fixed-size elements (scalars, or uoffsets to tables/strings).
class Vector {
 public:
  Vector() = default;
  Vector(const Bytes* b, std::uint64_t start, std::uint32_t count, int elem, std::string what)
      : b_(b), start_(start), count_(count), elem_(elem), what_(std::move(what)) {}
  std::uint32_t size() const { return count_; }
  std::uint64_t elem_pos(std::uint32_t i) const { return start_ + std::uint64_t{i} * elem_; }
  std::int32_t i32(std::uint32_t i) const { return b_->i32(elem_pos(i), what_); }
  std::uint8_t u8(std::uint32_t i) const { return b_->u8(elem_pos(i), what_); }
  std::int64_t i64(std::uint32_t i) const { return b_->i64(elem_pos(i), what_); }
  float f32(std::uint32_t i) const { return b_->f32(elem_pos(i), what_); }
  Table table(std::uint32_t i, const std::string& what) const;

 private:
  const Bytes* b_ = nullptr;
  std::uint64_t start_ = 0;
  std::uint32_t count_ = 0;
  int elem_ = 1;
  std::string what_;
};

}  // namespace mcusim::wl::fb
