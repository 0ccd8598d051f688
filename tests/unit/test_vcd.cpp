// trace.vcd: exact value changes from ledger spans (sim/run/vcd.hpp).
#include <gtest/gtest.h>

#include "sim/run/vcd.hpp"

using namespace mcusim;

TEST(TraceVcd, PowerChangesAtSpanEdgesAndLayersInOrder) {
  Ledger l(0.1);  // 100 mW static
  const int a = l.add_device("flash"), b = l.add_device("sd card");
  // flash: 2 mW over [0, 1000) ps and 3 mW over [500, 1500): they overlap on [500, 1000).
  l.record({a, Tier::Flash, 0, "read", 0, 1000, 2e-3 * 1000e-12});
  l.record({a, Tier::Flash, 0, "read", 500, 1000, 3e-3 * 1000e-12});
  l.record({b, Tier::Sd, 1, "write", 1500, 500, 50e-3 * 500e-12});
  l.record({b, Tier::Sd, 1, "cmd", 1700, 0, 1e-9});  // zero duration: not drawn
  const std::string v = trace_vcd(l, {{0, 1500}, {1500, 2000}}, 2000);
  const std::string expected =
      "$comment mcusim: per-device and total power (mW), running layer index $end\n"
      "$timescale 1ps $end\n$scope module mcusim $end\n"
      "$var integer 32 ! layer $end\n"
      "$var real 64 \" total_mw $end\n"
      "$var real 64 # flash_mw $end\n"
      "$var real 64 $ sd_card_mw $end\n"
      "$upscope $end\n$enddefinitions $end\n"
      "#0\nr2.000000 #\nr0.000000 $\nr102.000000 \"\nb0 !\n"
      "#500\nr5.000000 #\nr105.000000 \"\n"
      "#1000\nr3.000000 #\nr103.000000 \"\n"
      "#1500\nr0.000000 #\nr50.000000 $\nr150.000000 \"\nb1 !\n"
      "#2000\nr0.000000 $\nr100.000000 \"\nbx !\n";
  EXPECT_EQ(v, expected);
  // A run that ends after its last change still marks its end time.
  const std::string longer = trace_vcd(l, {{0, 1500}, {1500, 2000}}, 2500);
  EXPECT_EQ(longer, expected + "#2500\n");
}
