#include "sim/deploy/tensor_moves.hpp"

#include <algorithm>
#include <map>

namespace mcusim::deploy {

bool overridable(const std::string& n) {
  return !n.empty() && n.find_first_of(".= \t\n") == std::string::npos;
}

std::int64_t free_flash_bytes(const BoardStatic& st) {
  return std::max<std::int64_t>(0, static_cast<std::int64_t>(st.flash_bytes) - st.placement.totals.flash_used);
}

std::int64_t flash_for_weights(const BoardStatic& st) {
  return static_cast<std::int64_t>(st.flash_bytes) - static_cast<std::int64_t>(st.firmware_bytes) -
         st.placement.totals.spill_flash;
}

std::int64_t spare_sram_bytes(const BoardStatic& st) {
  const auto& t = st.placement.totals;
  if (t.spilled_tensors > 0) return 0;  // the arena already needs more than SRAM
  return std::max<std::int64_t>(0, static_cast<std::int64_t>(st.sram_bytes) - t.arena_bytes - t.const_sram);
}

std::vector<TensorMove> sd_tensors_to_flash(const BoardStatic& st) {
  std::vector<TensorMove> cand;
  for (const auto& t : st.placement.tensors)
    if (t.is_const && t.location == wl::Location::Sd && overridable(t.name)) cand.push_back({t.name, t.bytes});
  // Largest first (every µSD weight byte costs the same read time per inference); ties by name.
  std::stable_sort(cand.begin(), cand.end(), [](const TensorMove& a, const TensorMove& b) {
    return a.bytes != b.bytes ? a.bytes > b.bytes : a.name < b.name;
  });
  std::vector<TensorMove> out;
  std::int64_t room = free_flash_bytes(st);
  for (const auto& c : cand)
    if (c.bytes <= room) {
      out.push_back(c);
      room -= c.bytes;
    }
  return out;
}

std::vector<TensorMove> hot_weights_to_sram(const BoardStatic& st, const RunData& base,
                                            const wl::Graph& graph) {
  std::map<int, const wl::TensorPlacement*> placed;
  for (const auto& t : st.placement.tensors) placed[t.tensor] = &t;
  std::map<int, double> flash_ms;  // op index -> its flash stall time in the base run
  for (const auto& l : base.layers) flash_ms[l.index] = l.tier_ms[2];
  struct Hot {
    TensorMove move;
    double ms_per_byte;
  };
  std::vector<Hot> cand;
  std::map<std::string, bool> seen;  // a constant shared by two ops counts once
  for (std::size_t op = 0; op < graph.ops.size(); ++op) {
    auto f = flash_ms.find(static_cast<int>(op));
    if (f == flash_ms.end() || f->second <= 0) continue;
    std::vector<const wl::TensorPlacement*> consts;
    std::int64_t bytes = 0;
    for (int in : graph.ops[op].inputs) {
      auto p = placed.find(in);
      if (in < 0 || p == placed.end() || !p->second->is_const || p->second->location != wl::Location::Flash)
        continue;
      consts.push_back(p->second);
      bytes += p->second->bytes;
    }
    if (bytes == 0) continue;
    for (const auto* t : consts)
      if (overridable(t->name) && !seen[t->name]) {
        seen[t->name] = true;
        cand.push_back({{t->name, t->bytes}, f->second / static_cast<double>(bytes)});
      }
  }
  std::stable_sort(cand.begin(), cand.end(), [](const Hot& a, const Hot& b) {
    return a.ms_per_byte != b.ms_per_byte ? a.ms_per_byte > b.ms_per_byte : a.move.name < b.move.name;
  });
  std::vector<TensorMove> out;
  std::int64_t room = spare_sram_bytes(st);
  for (const auto& c : cand)
    if (c.move.bytes <= room) {
      out.push_back(c.move);
      room -= c.move.bytes;
    }
  return out;
}

std::vector<std::string> override_sets(const std::vector<TensorMove>& moves, const std::string& loc) {
  std::vector<std::string> s;
  for (const auto& m : moves) s.push_back("placement.overrides." + m.name + "=" + loc);
  return s;
}

std::int64_t total_bytes(const std::vector<TensorMove>& moves) {
  std::int64_t n = 0;
  for (const auto& m : moves) n += m.bytes;
  return n;
}

}  // namespace mcusim::deploy
