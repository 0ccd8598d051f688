#pragma once
// A sweep spec (YAML, strictly decoded): a base run plus axes whose values are combined
// as a full grid or zipped, minus filtered points. Enumeration is deterministic: grid
// order is nested loops with the last axis varying fastest, so a point's index depends
// only on the spec and survives --jobs, --shard and --resume.
//
//   base:    {board, model, engine, config: [files], set: [k=v, ...]}
//   mode:    grid | zip                     (default grid)
//   axes:    [{key: sd.clock | board | model | engine, values: [...]}, ...]
//   filters: [{key: K, in: [...]}           keep only points whose K is listed
//             {key: K, not_in: [...]}       drop points whose K is listed
//             {exclude: {K1: v|[v..], K2: ...}}]  drop points matching every pair
//   metrics: [summary.json fields, dotted for nested ones] | all   (default: see below)
//   keep:    [run files to keep per point]  (default all; others deleted after ingest)
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace mcusim::sweep {

struct Axis {
  std::string key;
  std::vector<std::string> values;  // YAML scalar text as written
};

struct Filter {
  enum Kind { In, NotIn, Exclude } kind = In;
  // In/NotIn: one pair (key, values). Exclude: every pair must match.
  std::vector<std::pair<std::string, std::vector<std::string>>> terms;
};

struct Spec {
  std::string path, dir;  // the spec file and the directory relative paths start from
  std::string board, model, engine;
  std::vector<std::string> configs, sets;
  std::string mode = "grid";
  std::vector<Axis> axes;
  std::vector<Filter> filters;
  std::vector<std::string> metrics;  // {"all"} for every numeric field
  std::vector<std::string> keep;     // empty: keep every run file
};

struct Point {
  std::size_t index = 0;
  std::string id;                         // "p0007-1f3a9c2e": index + hash of values
  std::vector<std::string> values;        // one per axis, in axis order
  std::vector<std::string> run_args;      // `mcusim run` arguments, without --out
};

const std::vector<std::string>& default_metrics();

// Throws InputError "file:line: key: what" on any unknown key or bad value.
Spec parse_spec_text(const std::string& yaml, const std::string& origin, const std::string& dir);
Spec parse_spec_file(const std::string& path);

// Every point of the spec (filters applied), in index order.
std::vector<Point> enumerate(const Spec& spec);

// Hash of everything that decides the results: the points' run arguments, the metric
// list and the content of the base config files. Shards and resumes must agree on it.
std::string spec_hash(const Spec& spec, const std::vector<Point>& points);

// A relative model/config path is looked up beside the spec, then in the working
// directory, then in the repository root; zoo: names and absolute paths pass through.
std::string resolve_path(const std::string& p, const std::string& spec_dir);

}  // namespace mcusim::sweep
