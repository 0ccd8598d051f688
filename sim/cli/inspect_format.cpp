// Text table and JSON for InspectReport. Both list the same fields; JSON keys are in a
// fixed order and numbers are integers (bytes, MACs), so output is byte-stable.
#include <cstdio>

#include "sim/cli/inspect_report.hpp"
#include "sim/run/json.hpp"

namespace mcusim::cli {

namespace {

std::string shape_str(const Shape& s) {
  std::string o;
  for (auto d : s) o += (o.empty() ? "" : "x") + std::to_string(d);
  return o.empty() ? "scalar" : o;
}

std::string shapes_str(const std::vector<Shape>& v) {
  std::string o;
  for (const auto& s : v) o += (o.empty() ? "" : ",") + shape_str(s);
  return o.empty() ? "-" : o;
}

std::string shapes_json(const std::vector<Shape>& v) {
  std::string o = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    o += i ? ", [" : "[";
    for (std::size_t j = 0; j < v[i].size(); ++j) o += (j ? ", " : "") + std::to_string(v[i][j]);
    o += "]";
  }
  return o + "]";
}

using ll = long long;

}  // namespace

std::string format_inspect_table(const InspectReport& r) {
  std::string out;
  char b[512];
  std::snprintf(b, sizeof b, "model: %s (%s), quantization: %s%s\n", r.model.c_str(),
                r.graph.c_str(), r.quant.c_str(),
                r.synthetic_tensors > 0 ? " [synthetic weights: the model has no weight data]" : "");
  out += b;
  std::snprintf(b, sizeof b, "%4s %-24s %-18s %-20s %-16s %11s %9s %9s %10s %10s %9s %9s %-8s\n",
                "#", "name", "op", "inputs", "output", "MACs", "params", "weight B", "WS bytes",
                "arena off", "stored B", "unpack B", "consts");
  out += b;
  for (const auto& l : r.layers) {
    std::snprintf(b, sizeof b,
                  "%4d %-24.24s %-18.18s %-20.20s %-16.16s %11llu %9lld %9lld %10lld %10lld %9lld %9lld %-8s\n",
                  l.m.index, l.m.name.c_str(), l.m.type.c_str(), shapes_str(l.inputs).c_str(),
                  shapes_str(l.outputs).c_str(), static_cast<unsigned long long>(l.m.macs),
                  static_cast<ll>(l.m.params), static_cast<ll>(l.m.weight_bytes + l.m.bias_bytes),
                  static_cast<ll>(l.m.working_set()), static_cast<ll>(l.arena_offset),
                  static_cast<ll>(l.stored), static_cast<ll>(l.unpacked), l.constants.c_str());
    out += b;
  }
  std::snprintf(b, sizeof b,
                "total: %zu layers, %llu MACs, %lld params, %lld weight+bias bytes, max working set %lld B\n",
                r.layers.size(), static_cast<unsigned long long>(r.totals.macs),
                static_cast<ll>(r.totals.params),
                static_cast<ll>(r.totals.weight_bytes + r.totals.bias_bytes),
                static_cast<ll>(r.totals.max_working_set));
  out += b;
  std::snprintf(b, sizeof b,
                "arena: %lld B (greedy-by-size, 16 B aligned, default order); live peak %lld B "
                "default order, %lld B best order (%s)\n",
                static_cast<ll>(r.arena_bytes), static_cast<ll>(r.peak_default),
                static_cast<ll>(r.peak_best), r.reorder_note.c_str());
  out += b;
  std::snprintf(b, sizeof b, "weights (%s): %lld B stored, %lld B unpacked (%lld weights)\n",
                r.quant.c_str(), static_cast<ll>(r.stored_bytes), static_cast<ll>(r.unpacked_bytes),
                static_cast<ll>(r.weight_elements));
  out += b;
  if (r.has_board) {
    std::snprintf(b, sizeof b,
                  "board %s: SRAM %llu B, flash %llu B (firmware %llu B), SD %s; constants "
                  "SRAM %lld / flash %lld / SD %lld B; %s: %s\n",
                  r.board.c_str(), static_cast<unsigned long long>(r.board_info.sram_bytes),
                  static_cast<unsigned long long>(r.board_info.flash_bytes),
                  static_cast<unsigned long long>(r.board_info.firmware_bytes),
                  r.board_info.has_sd ? "yes" : "no", static_cast<ll>(r.placement.const_sram),
                  static_cast<ll>(r.placement.const_flash), static_cast<ll>(r.placement.const_sd),
                  r.fits ? "fits" : "does not fit", r.placement_reason.c_str());
    out += b;
  }
  return out;
}

std::string format_inspect_json(const InspectReport& r) {
  JsonWriter j;
  j.begin_object();
  j.field("model", r.model).field("graph", r.graph).field("quant", r.quant);
  j.field_int("synthetic_weight_tensors", r.synthetic_tensors);
  j.begin_array("layers");
  for (const auto& l : r.layers) {
    j.begin_object();
    j.field_int("index", l.m.index).field("name", l.m.name).field("op", l.m.type);
    j.raw("inputs", shapes_json(l.inputs)).raw("outputs", shapes_json(l.outputs));
    j.field_int("macs", static_cast<ll>(l.m.macs)).field_int("params", l.m.params);
    j.field_int("weight_bytes", l.m.weight_bytes).field_int("bias_bytes", l.m.bias_bytes);
    j.field_int("working_set", l.m.working_set()).field_int("arena_offset", l.arena_offset);
    j.field_int("stored_bytes", l.stored).field_int("unpacked_bytes", l.unpacked);
    j.field("constants", l.constants);
    j.end_object();
  }
  j.end_array();
  j.begin_object("totals");
  j.field_int("layers", static_cast<ll>(r.layers.size()));
  j.field_int("macs", static_cast<ll>(r.totals.macs)).field_int("params", r.totals.params);
  j.field_int("weight_bytes", r.totals.weight_bytes).field_int("bias_bytes", r.totals.bias_bytes);
  j.field_int("max_working_set", r.totals.max_working_set);
  j.field_int("arena_bytes", r.arena_bytes);
  j.field_int("peak_default_order", r.peak_default).field_int("peak_best_order", r.peak_best);
  j.field_bool("best_order_exhaustive", r.best_exhaustive).field("reorder_note", r.reorder_note);
  j.end_object();
  j.begin_object("weights");
  j.field_int("elements", r.weight_elements);
  j.field_int("stored_bytes", r.stored_bytes).field_int("unpacked_bytes", r.unpacked_bytes);
  j.begin_object("unpack_work");
  for (const auto& kv : r.unpack_work) j.field_int(kv.first, static_cast<ll>(kv.second));
  j.end_object();
  j.begin_object("kernel_work");
  for (const auto& kv : r.kernel_work) j.field_int(kv.first, static_cast<ll>(kv.second));
  j.end_object();
  j.end_object();
  if (r.has_board) {
    j.begin_object("placement");
    j.field("board", r.board);
    j.field_int("sram_bytes", static_cast<ll>(r.board_info.sram_bytes));
    j.field_int("flash_bytes", static_cast<ll>(r.board_info.flash_bytes));
    j.field_int("firmware_bytes", static_cast<ll>(r.board_info.firmware_bytes));
    j.field_bool("has_sd", r.board_info.has_sd);
    j.field_int("const_sram", r.placement.const_sram).field_int("const_flash", r.placement.const_flash);
    j.field_int("const_sd", r.placement.const_sd).field_int("arena_bytes", r.placement.arena_bytes);
    j.field_bool("fits", r.fits).field("reason", r.placement_reason);
    j.end_object();
  }
  j.end_object();
  return j.str();
}

}  // namespace mcusim::cli
