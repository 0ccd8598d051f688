#include "workloads/tflite/flatbuffer_reader.hpp"

#include <cstring>

#include "sim/core/error.hpp"

namespace mcusim::wl::fb {

void Bytes::fail(const std::string& what, std::uint64_t at) const {
  throw InputError(path_ + ": " + what + " at byte " + std::to_string(at));
}

void Bytes::need(std::uint64_t at, std::uint64_t len, const std::string& what) const {
  // Written so that neither side can overflow: at <= n_ is checked first.
  if (at > n_ || len > n_ - at) fail(what + ": truncated or out of range", at);
}

std::uint64_t Bytes::load(std::uint64_t at, int len, const std::string& what) const {
  need(at, static_cast<std::uint64_t>(len), what);
  std::uint64_t v = 0;
  for (int i = len - 1; i >= 0; --i) v = (v << 8) | p_[at + static_cast<std::uint64_t>(i)];
  return v;
}

float Bytes::f32(std::uint64_t at, const std::string& what) const {
  const std::uint32_t bits = u32(at, what);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

Table Table::at(const Bytes& b, std::uint64_t pos, const std::string& what) {
  Table t;
  t.b_ = &b;
  t.pos_ = pos;
  t.what_ = what;
  const std::int64_t soff = b.i32(pos, what + " table");
  const std::int64_t vt = static_cast<std::int64_t>(pos) - soff;
  if (vt < 0 || static_cast<std::uint64_t>(vt) + 4 > b.size())
    b.fail(what + ": vtable out of range", pos);
  t.vt_ = static_cast<std::uint64_t>(vt);
  t.vt_size_ = b.u16(t.vt_, what + " vtable");
  t.tbl_size_ = b.u16(t.vt_ + 2, what + " vtable");
  if (t.vt_size_ < 4 || t.vt_size_ % 2 != 0) b.fail(what + ": bad vtable size", t.vt_);
  b.need(t.vt_, t.vt_size_, what + " vtable");
  if (t.tbl_size_ < 4) b.fail(what + ": bad table size", t.vt_ + 2);
  b.need(pos, t.tbl_size_, what + " table");
  return t;
}

std::uint64_t Table::field(int id, int len) const {
  if (!b_) return 0;
  const std::uint64_t slot = 4 + 2 * static_cast<std::uint64_t>(id);
  if (slot + 2 > vt_size_) return 0;  // vtable stops early: field absent
  const std::uint16_t off = b_->u16(vt_ + slot, what_ + " vtable");
  if (off == 0) return 0;
  // A field must lie inside the table's inline bytes (already range-checked).
  if (off < 4 || static_cast<std::uint32_t>(off) + static_cast<std::uint32_t>(len) > tbl_size_)
    b_->fail(what_ + ": field " + std::to_string(id) + " outside its table", vt_ + slot);
  return pos_ + off;
}

std::uint64_t Table::u(int id, int len, std::uint64_t def) const {
  const std::uint64_t at = field(id, len);
  return at ? b_->load(at, len, what_) : def;
}

std::uint64_t Table::deref(std::uint64_t at, const std::string& what) const {
  const std::uint64_t target = at + b_->u32(at, what);
  if (target >= b_->size()) b_->fail(what + ": offset out of range", at);
  return target;
}

Table Table::table(int id, const std::string& what) const {
  const std::uint64_t at = field(id, 4);
  if (!at) return Table();
  return Table::at(*b_, deref(at, what), what);
}

Vector Table::vector(int id, int elem, const std::string& what) const {
  const std::uint64_t at = field(id, 4);
  if (!at) return Vector();
  const std::uint64_t v = deref(at, what);
  const std::uint32_t count = b_->u32(v, what + " length");
  const std::uint64_t bytes = std::uint64_t{count} * static_cast<std::uint64_t>(elem);
  if (v + 4 > b_->size() || bytes > b_->size() - (v + 4))
    b_->fail(what + ": vector of " + std::to_string(count) + " elements runs past the end", v);
  return Vector(b_, v + 4, count, elem, what);
}

std::string Table::string(int id, const std::string& what) const {
  const Vector v = vector(id, 1, what);
  if (v.size() == 0) return std::string();
  return std::string(reinterpret_cast<const char*>(b_->data() + v.elem_pos(0)), v.size());
}

Table Vector::table(std::uint32_t i, const std::string& what) const {
  const std::uint64_t at = elem_pos(i);
  const std::uint64_t target = at + b_->u32(at, what);
  if (target >= b_->size()) b_->fail(what + ": offset out of range", at);
  return Table::at(*b_, target, what);
}

}  // namespace mcusim::wl::fb
