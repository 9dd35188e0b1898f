// Collation and word diffs, the diff checked against a plain LCS reference.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "witness/quotes.h"

namespace witness::quotes {
namespace {

// A quote whose single part is the whole text.
QuoteInput Input(std::string id, const std::string& text, std::string speaker,
                 QuoteKind kind = QuoteKind::kDirect) {
  QuoteInput in;
  in.article_id = id;
  in.source = "src-" + id;
  in.text = text;
  in.quote.kind = kind;
  in.quote.content = {0, static_cast<uint32_t>(text.size())};
  in.quote.parts = {in.quote.content};
  in.quote.speaker_name = std::move(speaker);
  return in;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> w;
  size_t i = 0;
  while (i < s.size()) {
    size_t e = s.find(' ', i);
    if (e == std::string::npos) e = s.size();
    if (e > i) w.push_back(s.substr(i, e - i));
    i = e + 1;
  }
  return w;
}

size_t ReferenceLcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> L(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      L[i][j] = a[i - 1] == b[j - 1] ? L[i - 1][j - 1] + 1 : std::max(L[i - 1][j], L[i][j - 1]);
    }
  }
  return L[a.size()][b.size()];
}

TEST(DiffWords, ReplaceInsertDelete) {
  const auto ops = DiffWords("We won't let anyone upset the order in our towns",
                             "We won’t let anyone destabilise the order in our town today");
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[0].op, DiffOp::Op::kEqual);
  EXPECT_EQ(ops[0].from, "We won't let anyone");
  EXPECT_EQ(ops[0].to, "We won’t let anyone");  // curly apostrophe is the same word
  EXPECT_EQ(ops[1].op, DiffOp::Op::kReplace);
  EXPECT_EQ(ops[1].from, "upset");
  EXPECT_EQ(ops[1].to, "destabilise");
  EXPECT_EQ(ops[2].op, DiffOp::Op::kEqual);
  EXPECT_EQ(ops[3].op, DiffOp::Op::kReplace);
  EXPECT_EQ(ops[3].from, "towns");
  EXPECT_EQ(ops[3].to, "town today");
  EXPECT_EQ(DiffWords("a b c", "a c")[1].op, DiffOp::Op::kDelete);
  EXPECT_EQ(DiffWords("a c", "a b c")[1].op, DiffOp::Op::kInsert);
  EXPECT_TRUE(DiffWords("", "").empty());
  // Spelling variants and case are the same word.
  const auto same = DiffWords("The colour revolutions", "the color revolutions!");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].op, DiffOp::Op::kEqual);
}

TEST(DiffWords, AgreesWithAReferenceLcs) {
  std::mt19937 rng(7);
  const char* vocab[] = {"alpha", "beta", "gamma", "delta", "eps"};
  for (int round = 0; round < 300; ++round) {
    std::string a, b;
    const int na = static_cast<int>(rng() % 12), nb = static_cast<int>(rng() % 12);
    for (int i = 0; i < na; ++i) a += std::string(vocab[rng() % 5]) + " ";
    for (int i = 0; i < nb; ++i) b += std::string(vocab[rng() % 5]) + " ";
    const auto ops = DiffWords(a, b);
    // The ops rebuild both sides, and the equal words are a longest common subsequence.
    std::string ra, rb;
    size_t equal = 0;
    for (const DiffOp& op : ops) {
      if (!op.from.empty()) ra += op.from + " ";
      if (!op.to.empty()) rb += op.to + " ";
      if (op.op == DiffOp::Op::kEqual) {
        equal += Split(op.from).size();
        EXPECT_EQ(op.from, op.to);
      } else if (op.op == DiffOp::Op::kInsert) {
        EXPECT_TRUE(op.from.empty());
      } else if (op.op == DiffOp::Op::kDelete) {
        EXPECT_TRUE(op.to.empty());
      }
    }
    EXPECT_EQ(Split(ra), Split(a)) << a << " / " << b;
    EXPECT_EQ(Split(rb), Split(b)) << a << " / " << b;
    EXPECT_EQ(equal, ReferenceLcs(Split(a), Split(b))) << a << " / " << b;
  }
}

TEST(CollateQuotes, TranslationsGroupAndOtherUtterancesDoNot) {
  // Three renderings of one (invented) sentence, and another sentence of the same speaker.
  const std::string a =
      "We will not let anybody upset the order in our towns and will not allow plots "
      "of so-called velvet uprisings to be staged";
  const std::string b =
      "We won't let anybody destabilise the order in our town and won't allow the "
      "so-called velvet uprising plot to be staged";
  const std::string c =
      "The steps taken by the council have plainly shown we will not allow the order to "
      "be shaken in our towns and will not allow so-called 'velvet uprisings' to happen";
  const std::string d =
      "Using online networks, efforts continue to draw our citizens into street protests";
  std::vector<QuoteInput> in = {Input("1", a, "Anna Petrova"), Input("2", a, "Anna Petrova"),
                                Input("3", b, "Petrova"), Input("4", c, "Anna Petrova"),
                                Input("5", d, "Anna Petrova")};
  const auto groups = CollateQuotes(in);
  ASSERT_EQ(groups.size(), 1u);
  const QuoteGroup& g = groups[0];
  EXPECT_EQ(g.speaker, "Anna Petrova");
  ASSERT_EQ(g.variants.size(), 3u);
  EXPECT_EQ(g.variants[0].members, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(g.variants[0].sources, (std::vector<std::string>{"src-1", "src-2"}));
  EXPECT_GE(g.similarity, 0.45f);
  // With singletons the other quote is its own group.
  CollateOptions o;
  o.singletons = true;
  EXPECT_EQ(CollateQuotes(in, o).size(), 2u);
}

TEST(CollateQuotes, SpeakersMustAgree) {
  const std::string t = "The economy will grow faster than anyone expected next year";
  std::vector<QuoteInput> in = {Input("1", t, "Jane Doe"), Input("2", t, "John Roe")};
  EXPECT_TRUE(CollateQuotes(in).empty());
  in[1].quote.speaker_name = "";  // unknown: allowed with a higher score (identical here)
  EXPECT_EQ(CollateQuotes(in).size(), 1u);
  in[1].quote.speaker_name = "Mrs Doe";  // the same surname
  EXPECT_EQ(CollateQuotes(in).size(), 1u);
}

TEST(CollateQuotes, UnnamedSpeakerKeepsItsDescription) {
  // Two outlets attribute the same sentence to a speaker that is no named entity.
  const std::string a =
      "The regional electoral office said turnout was 41.7 per cent in the district";
  const std::string b = "Turnout was 41.7 per cent in the district, a police spokesman said";
  std::vector<QuoteInput> in = {Input("1", a, ""), Input("2", a, ""), Input("3", b, "")};
  in[0].quote.speaker = in[1].quote.speaker = {0, 29};  // "The regional electoral office"
  in[2].quote.speaker = {static_cast<uint32_t>(b.find("a police")),
                         static_cast<uint32_t>(b.find(" said"))};
  std::vector<QuoteGroup> groups = CollateQuotes(in);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].speaker, "");
  EXPECT_EQ(groups[0].speaker_phrase, "the regional electoral office");  // the most common
  EXPECT_EQ(groups[0].SpeakerLabel(), "the regional electoral office");
  // A pronoun is no description; a named speaker wins over any phrase.
  for (QuoteInput& q : in) q.quote.speaker = {};  // no mention
  groups = CollateQuotes(in);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].SpeakerLabel(), "(speaker unknown)");
  const std::string c = "He said turnout was 41.7 per cent in the district";
  in = {Input("1", c, ""), Input("2", a, "Mira Holm")};
  in[0].quote.speaker = {0, 2};  // "He"
  groups = CollateQuotes(in);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].SpeakerLabel(), "Mira Holm");
  in[1].quote.speaker_name = "";
  groups = CollateQuotes(in);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].speaker_phrase, "");  // "He" is a pronoun
}

TEST(CollateQuotes, FragmentJoinsItsQuote) {
  const std::string full =
      "Their aim was plain: to seize power by force. It was an attempted coup d'etat";
  const std::string frag =
      "an attempted coup d\xE2\x80\x99\xC3\xA9tat";  // curly apostrophe, accent
  std::vector<QuoteInput> in = {Input("1", full, "Anna Petrova"),
                                Input("2", frag, "Anna Petrova", QuoteKind::kPartial)};
  const auto groups = CollateQuotes(in);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].variants[0].members, (std::vector<size_t>{0}));  // the full wording leads
}

TEST(CollateQuotes, EmptyInput) {
  EXPECT_TRUE(CollateQuotes({}).empty());
  const std::string empty, stop = "the of and";  // QuoteInput::text views these
  std::vector<QuoteInput> in = {Input("1", empty, "X"), Input("2", stop, "X")};
  EXPECT_TRUE(CollateQuotes(in).empty());
}

}  // namespace
}  // namespace witness::quotes
