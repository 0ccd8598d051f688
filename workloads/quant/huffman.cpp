#include "workloads/quant/huffman.hpp"

#include <algorithm>
#include <queue>
#include <tuple>

namespace mcusim::wl::quant {

std::vector<int> huffman_code_lengths(const std::vector<std::uint64_t>& freq) {
  const std::size_t n = freq.size();
  std::vector<int> len(n, 0);
  // Node: (weight, creation id). Parent links give each leaf's depth at the end.
  using Item = std::pair<std::uint64_t, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> q;
  std::vector<std::size_t> parent;
  std::vector<std::size_t> leaf_node(n, SIZE_MAX);
  for (std::size_t s = 0; s < n; ++s) {
    if (freq[s] == 0) continue;
    leaf_node[s] = parent.size();
    q.push({freq[s], parent.size()});
    parent.push_back(SIZE_MAX);
  }
  if (parent.empty()) return len;
  if (parent.size() == 1) {
    for (std::size_t s = 0; s < n; ++s)
      if (freq[s] > 0) len[s] = 1;
    return len;
  }
  while (q.size() > 1) {
    const Item a = q.top();
    q.pop();
    const Item b = q.top();
    q.pop();
    const std::size_t id = parent.size();
    parent.push_back(SIZE_MAX);
    parent[a.second] = parent[b.second] = id;
    q.push({a.first + b.first, id});
  }
  // Depth of a node = depth of its parent + 1; parents have larger ids than children.
  std::vector<int> depth(parent.size(), 0);
  for (std::size_t i = parent.size(); i-- > 0;)
    if (parent[i] != SIZE_MAX) depth[i] = depth[parent[i]] + 1;
  for (std::size_t s = 0; s < n; ++s)
    if (leaf_node[s] != SIZE_MAX) len[s] = depth[leaf_node[s]];
  return len;
}

std::vector<std::uint64_t> canonical_codes(const std::vector<int>& lengths) {
  int max_len = 0;
  for (int l : lengths) max_len = std::max(max_len, l);
  std::vector<std::uint64_t> count(static_cast<std::size_t>(max_len) + 1, 0),
      next(static_cast<std::size_t>(max_len) + 2, 0);
  for (int l : lengths)
    if (l > 0) ++count[static_cast<std::size_t>(l)];
  std::uint64_t code = 0;
  for (int b = 1; b <= max_len; ++b) {
    code = (code + count[static_cast<std::size_t>(b - 1)]) << 1;
    next[static_cast<std::size_t>(b)] = code;
  }
  std::vector<std::uint64_t> out(lengths.size(), 0);
  for (std::size_t s = 0; s < lengths.size(); ++s)
    if (lengths[s] > 0) out[s] = next[static_cast<std::size_t>(lengths[s])]++;
  return out;
}

std::uint64_t encoded_bits(const std::vector<std::uint64_t>& freq, const std::vector<int>& lengths) {
  std::uint64_t bits = 0;
  for (std::size_t s = 0; s < freq.size() && s < lengths.size(); ++s)
    bits += freq[s] * static_cast<std::uint64_t>(lengths[s]);
  return bits;
}

}  // namespace mcusim::wl::quant
