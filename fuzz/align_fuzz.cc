// Fuzzes the syndication stack on arbitrary bytes: AlignRaw on two texts cut from the input
// (spans must lie inside the raw bytes), Relate on their normalised forms, MinHash and the LSH
// index (add, query, remove), and the signature and index deserialisers on the raw input.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "witness/sketch.h"
#include "witness/syndication.h"
#include "witness/text.h"

using namespace witness;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  // Two texts: split at the first 0xFF byte, else in the middle.
  size_t cut = in.find('\xFF');
  if (cut == std::string_view::npos) cut = size / 2;
  const std::string_view a = in.substr(0, cut), b = in.substr(std::min(cut + 1, size));

  for (const syndication::Passage& p : syndication::AlignRaw(a, b)) {
    if (p.a.begin > p.a.end || p.a.end > a.size() || p.b.begin > p.b.end || p.b.end > b.size()) {
      std::abort();
    }
  }
  Article x, y;
  x.id = "x";
  y.id = "y";
  x.text = text::Normalize(a).text;
  y.text = text::Normalize(b).text;
  const auto ps = syndication::Align(x.text, y.text);
  const syndication::PairReport r = syndication::Relate(x, y, ps);
  if (r.shared_a < 0 || r.shared_a > 1.0001 || r.shared_b < 0 || r.shared_b > 1.0001) std::abort();

  sketch::MinHasher hasher;
  const sketch::Signature sa = hasher.Compute(x.text), sb = hasher.Compute(y.text);
  sketch::LshIndex index;
  std::vector<sketch::Match> matches;
  (void)index.QueryAndAdd(1, sa, &matches);
  (void)index.QueryAndAdd(2, sb, &matches);
  index.Query(sa, &matches);
  if (!index.Remove(1) || index.Contains(1)) std::abort();

  (void)sketch::DeserializeSignature(in);
  auto idx = sketch::LshIndex::Deserialize(in);
  if (idx.ok()) idx->Query(sb, &matches);

  syndication::SyndicationIndex si;
  (void)si.Add(x);
  (void)si.Add(y);
  (void)si.Groups();
  return 0;
}
