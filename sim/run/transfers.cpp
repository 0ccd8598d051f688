#include "sim/run/transfers.hpp"

#include <algorithm>
#include <memory>

#include "devices/adapters.hpp"
#include "devices/nor_flash/nor_flash_model.hpp"
#include "sim/core/error.hpp"
#include "sim/run/plan.hpp"

namespace mcusim {

std::vector<TransferSpec> decode_transfers(cfg::Section& wl, const cfg::Tree& tree,
                                           const std::string& model) {
  std::vector<TransferSpec> out;
  if (model != kTransfersModel) {
    if (wl.has("transfers")) wl.fail("transfers", "only used with `model: transfers`");
    wl.allow("transfers");
    return out;
  }
  if (wl.has("layers")) wl.fail("layers", "does not apply to `model: transfers`");
  auto list = wl.section_list("transfers");
  if (list.empty()) wl.fail("transfers", "expected at least one transfer");
  for (auto& s : list) {
    TransferSpec t;
    t.op = s.choice("op", {"read", "write"}) == "write" ? TransferSpec::Op::Write
                                                         : TransferSpec::Op::Read;
    const std::string d = s.choice("device", {"flash", "sd", "sram"});
    t.device = d == "flash" ? Location::Flash : d == "sd" ? Location::Sd : Location::Sram;
    t.bytes = s.bytes("bytes");
    t.block = s.bytes_or("block", t.bytes);
    if (t.block > t.bytes) s.fail("block", "is larger than bytes");
    const bool flash_write = t.device == Location::Flash && t.op == TransferSpec::Op::Write;
    if (s.has("prior") && !flash_write)
      s.fail("prior", "only applies to flash writes (no other device's cost depends on it)");
    t.prior_data = s.choice_or("prior", {"data", "erased"}, "data") == "data" && flash_write;
    t.origin = tree.origin(wl.key_path("transfers")) + ": " + s.path();
    s.finish();
    out.push_back(t);
  }
  return out;
}

namespace {

std::uint64_t device_base(Location l, const BoardInfo& b, const DeviceSet& dev) {
  switch (l) {
    case Location::Flash: return dev.flash_base + b.firmware_bytes;
    case Location::Sd: return kSdWindowBase;
    case Location::Sram: break;
  }
  return dev.sram_base;
}

// Room from the device base: flash beside the firmware, the card's capacity, and for
// SRAM the arena minus the one-block source buffer.
std::uint64_t device_room(Location l, const BoardInfo& b, const DeviceSet& dev,
                          std::uint64_t block) {
  switch (l) {
    case Location::Flash:
      return dev.flash_bytes > b.firmware_bytes ? dev.flash_bytes - b.firmware_bytes : 0;
    case Location::Sd: return dev.sd_bytes;
    case Location::Sram: break;
  }
  return dev.sram_bytes > block ? dev.sram_bytes - block : 0;
}

}  // namespace

TransferWork lower_transfers(const std::vector<TransferSpec>& ts, const cfg::Tree& tree,
                             const BoardInfo& board, DeviceSet& dev) {
  TransferWork w;
  std::uint64_t max_block = 0;
  for (const auto& t : ts) max_block = std::max(max_block, t.block);
  for (const auto& t : ts) {
    const std::uint64_t room = device_room(t.device, board, dev, max_block);
    if (t.bytes > room)
      throw InputError(t.origin + ": " + std::to_string(t.bytes) +
                       " B do not fit the " + location_name(t.device) + " (" +
                       std::to_string(room) + " B free from its first free address)");
  }
  // Previous data in the flash target ranges (set without cost, like the firmware
  // image flashed before the run): rebuild the flash model from the same section.
  bool preload = false;
  for (const auto& t : ts) preload = preload || t.prior_data;
  if (preload) {
    auto p = dev::decode_flash(cfg::Section::root(tree).section("flash"), board.sysclk_hz);
    auto fm = std::make_unique<dev::FlashModel>(p, board.sysclk_hz);
    for (const auto& t : ts)
      if (t.prior_data)
        fm->load_image(device_base(Location::Flash, board, dev),
                       std::vector<std::uint8_t>(t.bytes, 0x00));
    dev.flash = std::make_unique<dev::WrapModel>(std::move(fm), p.base, p.size);
  }
  // SRAM: the source buffer of writes at the arena base, SRAM targets above it.
  const std::uint64_t src = dev.sram_base;
  for (std::size_t ti = 0; ti < ts.size(); ++ti) {
    const auto& t = ts[ti];
    const bool write = t.op == TransferSpec::Op::Write;
    std::uint64_t base = device_base(t.device, board, dev);
    if (t.device == Location::Sram) base += max_block;
    std::uint64_t k = 0;
    for (std::uint64_t off = 0; off < t.bytes; off += t.block, ++k) {
      const std::uint64_t n = std::min(t.block, t.bytes - off);
      wl::LayerMetrics m;
      m.index = static_cast<int>(w.rows.size());
      m.name = "t" + std::to_string(ti) + "_" + (write ? "write_" : "read_") +
               location_name(t.device) + "_" + std::to_string(k);
      m.type = write ? "write" : "read";
      m.input_bytes = static_cast<std::int64_t>(n);   // what the block moves in...
      m.output_bytes = static_cast<std::int64_t>(n);  // ...and where it lands
      LayerWork lw;
      lw.index = m.index;
      lw.name = m.name;
      if (write) {
        lw.steps.push_back({Step::Kind::Read, 0, src, n});
        lw.steps.push_back({Step::Kind::Write, 0, base + off, n});
      } else {
        lw.steps.push_back({Step::Kind::Read, 0, base + off, n});
      }
      w.rows.push_back(m);
      w.device.push_back(location_name(t.device));
      w.work.push_back(std::move(lw));
    }
  }
  return w;
}

}  // namespace mcusim
