// SyndicationIndex: incremental pairs, groups, likely source, removal, lookup verification.
#include <gtest/gtest.h>

#include <map>

#include "witness/syndication.h"

namespace witness::syndication {
namespace {

const char kWire[] =
    "WASHINGTON (AP) - The Senate passed a bill on Thursday that would fund the government "
    "through the end of the year, sending the measure to the House, where leaders said they "
    "expected a vote early next week despite objections from some members.\n\n"
    "The bill includes money for disaster relief in states hit by hurricanes and wildfires this "
    "summer, as well as an extension of a program that helps low-income families pay heating "
    "bills during the winter months, according to a summary released by the committee.\n\n"
    "Negotiators worked through the night to settle disputes over spending on the border and on "
    "military construction, aides said, and the final vote came after several amendments were "
    "rejected along party lines in a series of late votes.";

const char kFlood[] =
    "Heavy rain flooded hundreds of homes in the north of the country over the weekend, forcing "
    "emergency services to evacuate several villages as rivers burst their banks and roads "
    "were closed.\n\nForecasters warned that more storms were expected through Wednesday and "
    "urged residents to avoid travel, while the army sent troops and boats to help with rescues "
    "in the worst hit districts along the coast, officials said in a statement on Sunday night.";

Article Make(std::string id, std::string text, std::string source, std::string date) {
  Article a;
  a.id = std::move(id);
  a.text = std::move(text);
  a.source = std::move(source);
  a.published = std::move(date);
  return a;
}

TEST(SyndicationIndex, PairsGroupsSourceAndRemoval) {
  SyndicationIndex index;
  std::vector<RelatedPair> found;
  ASSERT_TRUE(index.Add(Make("wire", kWire, "apnews.com", "2022-03-01T10:00Z"), &found).ok());
  EXPECT_TRUE(found.empty());
  // A reprint with a new headline and a footer, an hour later.
  const std::string reprint = std::string("Senate passes funding bill\n\n") + kWire +
                              "\n\nCopyright 2022 The Example Times.";
  ASSERT_TRUE(index.Add(Make("reprint", reprint, "example.com", "2022-03-01T11:00Z"), &found).ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].a, "reprint");
  EXPECT_EQ(found[0].b, "wire");
  EXPECT_EQ(found[0].relation, Relation::kNearCopy);
  EXPECT_FALSE(found[0].verified);
  EXPECT_EQ(found[0].origin.who, Origin::Who::kB);
  found.clear();
  ASSERT_TRUE(index.Add(Make("flood", kFlood, "example.org", "2022-03-02"), &found).ok());
  EXPECT_TRUE(found.empty());
  // Identical text from a third outlet.
  ASSERT_TRUE(index.Add(Make("mirror", kWire, "mirror.example", ""), &found).ok());
  EXPECT_EQ(found.size(), 2u);

  const auto groups = index.Groups();
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0], (std::vector<std::string>{"mirror", "reprint", "wire"}));
  EXPECT_EQ(index.LikelySource("reprint"), std::optional<std::string>("wire"));
  EXPECT_EQ(index.LikelySource("flood"), std::nullopt);
  const auto of_wire = index.PairsOf("wire");
  ASSERT_EQ(of_wire.size(), 2u);
  for (const RelatedPair& p : of_wire) EXPECT_EQ(p.a, "wire");
  EXPECT_EQ(index.Pairs().size(), 3u);

  EXPECT_EQ(index.Add(Make("wire", kWire, "", ""), nullptr).code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(index.Remove("wire"));
  EXPECT_FALSE(index.Remove("wire"));
  EXPECT_TRUE(index.PairsOf("wire").empty());
  ASSERT_EQ(index.Groups().size(), 1u);
  EXPECT_EQ(index.Groups()[0], (std::vector<std::string>{"mirror", "reprint"}));
  EXPECT_TRUE(index.Remove("mirror"));
  EXPECT_TRUE(index.Groups().empty());
  EXPECT_EQ(index.size(), 2u);
}

TEST(SyndicationIndex, LookupVerifiesPassageByPassage) {
  std::map<std::string, Article> store;
  SyndicationIndex index;
  index.SetLookup([&](std::string_view id) -> StatusOr<Article> {
    auto it = store.find(std::string(id));
    if (it == store.end()) return Status::NotFound(std::string(id));
    return it->second;
  });
  auto add = [&](Article a, std::vector<RelatedPair>* out) {
    store[a.id] = a;
    return index.Add(a, out);
  };
  std::vector<RelatedPair> found;
  ASSERT_TRUE(add(Make("wire", kWire, "apnews.com", ""), &found).ok());
  const std::string merged = std::string(kWire) + "\n\n" + kFlood;
  ASSERT_TRUE(add(Make("merged", merged, "example.com", ""), &found).ok());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].verified);
  EXPECT_EQ(found[0].relation, Relation::kContains);
  EXPECT_GT(found[0].shared_b, 0.9);
  EXPECT_EQ(found[0].origin.who, Origin::Who::kB);
}

TEST(SyndicationIndex, RestoreFromStoredSignaturesAndPairs) {
  SyndicationIndex live;
  std::vector<RelatedPair> pairs;
  const Article wire = Make("wire", kWire, "apnews.com", "2022-03-01");
  const Article copy = Make("copy", std::string("Headline\n\n") + kWire, "example.com", "");
  ASSERT_TRUE(live.Add(wire, &pairs).ok());
  ASSERT_TRUE(live.Add(copy, &pairs).ok());
  ASSERT_EQ(pairs.size(), 1u);
  // What a database would keep: signatures as blobs, pairs as rows.
  sketch::MinHasher h;
  const std::string blob_wire = sketch::SerializeSignature(h.Compute(wire.text));
  const std::string blob_copy = sketch::SerializeSignature(h.Compute(copy.text));
  SyndicationIndex reopened;
  reopened.Reserve(2);
  ASSERT_TRUE(reopened.Restore(wire, *sketch::DeserializeSignature(blob_wire)).ok());
  ASSERT_TRUE(reopened.Restore(copy, *sketch::DeserializeSignature(blob_copy)).ok());
  EXPECT_TRUE(reopened.Pairs().empty());  // Restore looks for nothing
  ASSERT_TRUE(reopened.RestorePair(pairs[0]).ok());
  EXPECT_EQ(reopened.Groups(), live.Groups());
  EXPECT_EQ(reopened.LikelySource("copy"), live.LikelySource("copy"));
  RelatedPair bad = pairs[0];
  bad.b = "missing";
  EXPECT_EQ(reopened.RestorePair(bad).code(), Status::Code::kNotFound);
  // New articles find restored ones.
  ASSERT_TRUE(reopened.Add(Make("third", kWire, "third.example", ""), &pairs).ok());
  EXPECT_EQ(reopened.PairsOf("third").size(), 2u);
}

TEST(SyndicationIndex, BadInput) {
  SyndicationIndex index;
  std::vector<RelatedPair> found;
  EXPECT_EQ(index.Add(Make("", kWire, "", ""), &found).code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE(index.Add(Make("empty", "", "", ""), &found).ok());
  ASSERT_TRUE(index.Add(Make("empty2", "", "", ""), &found).ok());
  ASSERT_TRUE(index.Add(Make("one", "word", "", ""), &found).ok());
  EXPECT_TRUE(found.empty());  // empty texts match nothing
  ASSERT_TRUE(index.Add(Make("one2", "word", "", ""), &found).ok());
  ASSERT_EQ(found.size(), 1u);  // identical, however short: a near-copy
  EXPECT_EQ(found[0].b, "one");
  EXPECT_EQ(found[0].relation, Relation::kNearCopy);
  sketch::MinHashOptions other;
  other.num_perm = 64;
  sketch::MinHasher h(other);
  EXPECT_EQ(index.AddWithSignature(Make("x", "", "", ""), h.Compute(kWire), &found).code(),
            Status::Code::kInvalidArgument);
  EXPECT_FALSE(index.Contains("x"));
}

}  // namespace
}  // namespace witness::syndication
