// The sample story (shared/data/seeds): quotes, speakers and their collation across the five
// reports. Expectations checked by reading the five files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "witness/quotes.h"
#include "witness/text.h"

namespace witness::quotes {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct Doc {
  std::string id;
  std::string text;
  Extraction ex;
};

class QuotesSeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const fs::path dir = fs::path(WITNESS_SHARED_DATA) / "seeds";
    if (!fs::is_directory(dir)) GTEST_SKIP() << "shared/data/seeds not found: " << dir;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      Doc d;
      d.id = f.filename().string().substr(0, 3);
      d.text = text::Normalize(ss.str()).text;
      d.ex = Extract(d.text);
      docs_.push_back(std::move(d));
    }
    ASSERT_EQ(docs_.size(), 5u);
    std::vector<Extraction*> all;
    for (Doc& d : docs_) all.push_back(&d.ex);
    UnifyEntityNames(all);
  }

  // The quote of document `doc` whose content contains `words`.
  const Quote* Find(size_t doc, std::string_view words) const {
    for (const Quote& q : docs_[doc].ex.quotes) {
      if (q.content.in(docs_[doc].text).find(words) != std::string_view::npos) return &q;
    }
    return nullptr;
  }

  std::vector<QuoteInput> Inputs() const {
    std::vector<QuoteInput> in;
    for (const Doc& d : docs_) {
      for (const Quote& q : d.ex.quotes) in.push_back({d.id, "seed-" + d.id, d.text, q});
    }
    return in;
  }

  // The group that holds a quote of `doc` containing `words`.
  const QuoteGroup* GroupOf(const std::vector<QuoteGroup>& groups,
                            const std::vector<QuoteInput>& in, const std::string& doc,
                            std::string_view words) const {
    for (const QuoteGroup& g : groups) {
      for (const QuoteVariant& v : g.variants) {
        for (size_t m : v.members) {
          if (in[m].article_id == doc &&
              in[m].quote.content.in(in[m].text).find(words) != std::string_view::npos) {
            return &g;
          }
        }
      }
    }
    return nullptr;
  }

  std::vector<Doc> docs_;
};

TEST_F(QuotesSeedsTest, PutinQuotesAreDirectWithTheirSpeaker) {
  // 000: "We won't let anyone disturb ...," Mr Putin told a televised video conference
  const Quote* q = Find(0, "We won't let anyone disturb");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->speaker.in(docs_[0].text), "Mr Putin");
  EXPECT_EQ(q->speaker_name, "Vladimir Putin");
  EXPECT_EQ(q->cue_lemma, "tell");
  ASSERT_EQ(q->parts.size(), 1u);
  EXPECT_EQ(q->parts[0].in(docs_[0].text),
            "We won't let anyone disturb the situation in our homes and won't allow scenarios of "
            "so-called color revolutions to be played out,");
  // 002 (curly quotes): "We won’t let anyone destabilise ...," Putin said.
  q = Find(2, "destabilise the situation in our home");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->speaker_name, "Vladimir Putin");
  // 003: "... we will not allow the situation to be rocked at home ...," he said.
  q = Find(3, "rocked at home");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.in(docs_[3].text), "he");
  EXPECT_EQ(q->speaker_name, "Vladimir Putin");
}

TEST_F(QuotesSeedsTest, TokayevThroughTitlesPronounsAndDescriptions) {
  // 001: "The main goal was obvious: ... It was an attempted coup d'etat," he said. (he = Tokayev,
  // named in the sentence before: "Mr Tokayev told the video conference that ...")
  const Quote* q = Find(1, "The main goal was obvious");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, QuoteKind::kDirect);
  EXPECT_EQ(q->speaker.in(docs_[1].text), "he");
  EXPECT_EQ(q->speaker_name, "Kassym-Jomart Tokayev");
  // 001: ..., the Kazakh leader said, vowing that the detachment would leave the country "soon".
  q = Find(1, "The CSTO has deployed just over 2,000 troops");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.in(docs_[1].text), "the Kazakh leader");
  EXPECT_EQ(q->speaker_name, "Kassym-Jomart Tokayev");
  // 003: The Kazakh leader said order had been restored ...
  q = Find(3, "order had been restored");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker_name, "Kassym-Jomart Tokayev");
  // 000: Mr Tokayev called the events "an attempted coup".
  q = Find(0, "an attempted coup");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker_name, "Kassym-Jomart Tokayev");
  // 004: Tokayev called the events “an attempted coup.” (the surname alone)
  q = Find(4, "an attempted coup");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker_name, "Kassym-Jomart Tokayev");
}

TEST_F(QuotesSeedsTest, EntitiesHaveOneNormalisedName) {
  for (const Doc& d : docs_) {
    bool putin = false, tokayev = false;
    for (const Entity& e : d.ex.entities) {
      if (e.kind != EntityKind::kPerson) continue;
      EXPECT_NE(e.name, "Putin") << d.id;
      EXPECT_NE(e.name, "Tokayev") << d.id;
      putin = putin || e.name == "Vladimir Putin";
      tokayev = tokayev || e.name == "Kassym-Jomart Tokayev";
    }
    EXPECT_TRUE(putin) << d.id;
    EXPECT_TRUE(tokayev) << d.id;
  }
  // The CSTO: one name in every report (the spelling with most mentions across the story),
  // with its acronym; Kazakhstan a place from iso-codes.
  std::set<std::string> csto_names;
  for (const Doc& d : docs_) {
    for (const Entity& e : d.ex.entities) {
      if (e.kind != EntityKind::kOrganization) continue;
      const bool acronym =
          std::find(e.aliases.begin(), e.aliases.end(), "CSTO") != e.aliases.end() ||
          e.name == "CSTO";
      if (acronym) csto_names.insert(e.name);
    }
  }
  EXPECT_EQ(csto_names, (std::set<std::string>{"Collective Security Treaty Organization"}));
  bool kz = false;
  for (const Entity& e : docs_[0].ex.entities) {
    if (e.kind == EntityKind::kPlace && e.name == "Kazakhstan") kz = e.country == "KZ";
  }
  EXPECT_TRUE(kz);
  // Tokayev's role was learned from "Kazakh President Kassym-Jomart Tokayev".
  for (const Entity& e : docs_[0].ex.entities) {
    if (e.name == "Kassym-Jomart Tokayev") {
      EXPECT_EQ(e.role, "president");
      EXPECT_EQ(e.country, "KZ");
    }
  }
}

TEST_F(QuotesSeedsTest, ThreeTranslationsOfOneSentenceGroup) {
  const std::vector<QuoteInput> in = Inputs();
  const std::vector<QuoteGroup> groups = CollateQuotes(in);
  const QuoteGroup* a = GroupOf(groups, in, "000", "disturb the situation in our homes");
  const QuoteGroup* b = GroupOf(groups, in, "002", "destabilise the situation in our home");
  const QuoteGroup* c = GroupOf(groups, in, "003", "rocked at home");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, c);
  EXPECT_EQ(a->speaker, "Vladimir Putin");
  // 000, 001 and 004 carry the same wording: the reference variant.
  ASSERT_GE(a->variants.size(), 3u);
  const QuoteVariant& ref = a->variants[0];
  EXPECT_THAT(ref.text, HasSubstr("disturb the situation in our homes"));
  EXPECT_EQ(ref.article_ids, (std::vector<std::string>{"000", "001", "004"}));
  for (const DiffOp& op : ref.diff) EXPECT_EQ(op.op, DiffOp::Op::kEqual);
  // The FT's wording differs word by word: "disturb" -> "destabilise", "homes" -> "home".
  bool disturb = false;
  for (const QuoteVariant& v : a->variants) {
    if (v.article_ids != std::vector<std::string>{"002"}) continue;
    for (const DiffOp& op : v.diff) {
      if (op.op == DiffOp::Op::kReplace && op.from == "disturb" && op.to == "destabilise")
        disturb = true;
    }
  }
  EXPECT_TRUE(disturb);
}

TEST_F(QuotesSeedsTest, OfCourseQuoteGroupsAcrossAllFive) {
  const std::vector<QuoteInput> in = Inputs();
  const std::vector<QuoteGroup> groups = CollateQuotes(in);
  const QuoteGroup* g = GroupOf(groups, in, "000", "Of course, we understand");
  ASSERT_NE(g, nullptr);
  std::set<std::string> docs;
  for (const QuoteVariant& v : g->variants) docs.insert(v.article_ids.begin(), v.article_ids.end());
  EXPECT_EQ(docs, (std::set<std::string>{"000", "001", "002", "003", "004"}));
  EXPECT_EQ(g->speaker, "Vladimir Putin");
  // The other Putin group is a different utterance.
  EXPECT_NE(g, GroupOf(groups, in, "000", "disturb the situation"));
}

TEST_F(QuotesSeedsTest, TokayevAttemptedCoupQuotesGroup) {
  const std::vector<QuoteInput> in = Inputs();
  const std::vector<QuoteGroup> groups = CollateQuotes(in);
  const QuoteGroup* g = GroupOf(groups, in, "000", "an attempted coup");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->speaker, "Kassym-Jomart Tokayev");
  std::set<std::string> docs;
  for (const QuoteVariant& v : g->variants) docs.insert(v.article_ids.begin(), v.article_ids.end());
  EXPECT_TRUE(docs.count("001"));
  EXPECT_TRUE(docs.count("002"));
  EXPECT_TRUE(docs.count("004"));
  EXPECT_EQ(g, GroupOf(groups, in, "001", "It was an attempted coup"));
}

TEST_F(QuotesSeedsTest, ByteOffsetsIntoCrlfFiles) {
  // The same reports with CRLF line ends and a NUL: ExtractFromBytes finds the same quotes and
  // its offsets point at the same words in the bytes as given.
  for (const Doc& d : docs_) {
    std::string crlf;
    for (char c : d.text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    crlf.insert(0, std::string(1, '\0'));
    auto ex = ExtractFromBytes(crlf);
    ASSERT_TRUE(ex.ok());
    ASSERT_EQ(ex->quotes.size(), d.ex.quotes.size()) << d.id;
    for (size_t i = 0; i < ex->quotes.size(); ++i) {
      std::string got(ex->quotes[i].content.in(crlf));
      std::string want(d.ex.quotes[i].content.in(d.text));
      got.erase(std::remove(got.begin(), got.end(), '\r'), got.end());
      EXPECT_EQ(got, want) << d.id;
      EXPECT_EQ(ex->quotes[i].speaker.in(crlf), d.ex.quotes[i].speaker.in(d.text)) << d.id;
    }
  }
}

}  // namespace
}  // namespace witness::quotes
