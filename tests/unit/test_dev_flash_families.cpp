// Wait-state tables added for the L4+/H7/U5/G0 board presets (devices/nor_flash/
// nor_flash_params.cpp): each boundary of the ST LL UTILS_SCALEx_LATENCYn_FREQ constants.
#include <gtest/gtest.h>

#include "devices/nor_flash/nor_flash_params.hpp"
#include "sim/core/error.hpp"

using namespace mcusim;
using namespace mcusim::dev;

namespace {
// Every boundary: f <= max(ws) gives ws, just above gives ws + 1, above the last throws.
void check_table(const std::string& family, const std::vector<double>& max_mhz) {
  for (std::size_t ws = 0; ws < max_mhz.size(); ++ws) {
    EXPECT_EQ(flash_wait_states(family, max_mhz[ws] * 1e6), ws) << family << " " << max_mhz[ws];
    if (ws + 1 < max_mhz.size()) {
      EXPECT_EQ(flash_wait_states(family, max_mhz[ws] * 1e6 + 1), ws + 1) << family;
    }
  }
  EXPECT_EQ(flash_wait_states(family, 1e6), 0u) << family;
  EXPECT_THROW(flash_wait_states(family, max_mhz.back() * 1e6 + 1e3), InputError) << family;
}
}  // namespace

TEST(DevFlashFamilies, L4PlusRange1Boost) {  // stm32l4xx_ll_utils.c, STM32L4R5xx branch
  check_table("l4p", {20, 40, 60, 80, 100, 120});
  EXPECT_EQ(flash_wait_states("l4p", 120e6), 5u);  // NUCLEO-L4R5ZI at 120 MHz
}

TEST(DevFlashFamilies, H7Rev0x450Vos1InAxiClock) {  // stm32h7xx_ll_utils.c, DEV_ID 0x450
  check_table("h7", {70, 140, 240});
  EXPECT_EQ(flash_wait_states("h7", 240e6), 2u);  // H743/H747 at 480 MHz: ACLK = 240 MHz
}

TEST(DevFlashFamilies, H7abVos0) {  // stm32h7xx_ll_utils.c, DEV_ID 0x480
  check_table("h7ab", {44, 88, 132, 176, 220, 264, 280});
  EXPECT_EQ(flash_wait_states("h7ab", 280e6), 6u);  // NUCLEO-H7A3ZI-Q at 280 MHz
}

TEST(DevFlashFamilies, U5Range1) {  // stm32u5xx_ll_utils.c
  check_table("u5", {32, 64, 96, 128, 160});
  EXPECT_EQ(flash_wait_states("u5", 160e6), 4u);  // NUCLEO-U575ZI-Q at 160 MHz
}

TEST(DevFlashFamilies, G0Range1) {  // stm32g0xx_ll_utils.c
  check_table("g0", {24, 48, 64});
  EXPECT_EQ(flash_wait_states("g0", 64e6), 2u);  // NUCLEO-G0B1RE at 64 MHz
}

TEST(DevFlashFamilies, OldFamiliesUnchangedAndUnknownRejected) {
  EXPECT_EQ(flash_wait_states("f7", 216e6), 7u);
  EXPECT_EQ(flash_wait_states("f0", 48e6), 1u);
  EXPECT_THROW(flash_wait_states("h7x", 100e6), InputError);
  EXPECT_THROW(flash_wait_states("", 100e6), InputError);
}
