#pragma once
// TLM extension marking a read transaction as a re-read sweep (Step::Kind::Reread):
// `tiles` regions of the payload's length, each swept `passes` more times. Targets
// route it to MemoryModel::reread; an ignorable extension, so a target that does not
// know it would cost the payload as one plain read.
#include <cstdint>

#include <tlm>

namespace mcusim::dev {

struct RereadExt : tlm::tlm_extension<RereadExt> {
  std::uint64_t tiles = 0, passes = 0;
  tlm::tlm_extension_base* clone() const override { return new RereadExt(*this); }
  void copy_from(const tlm::tlm_extension_base& other) override {
    *this = static_cast<const RereadExt&>(other);
  }
};

}  // namespace mcusim::dev
