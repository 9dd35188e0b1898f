// The sample story (shared/data/seeds: five reports of the 10 Jan 2022 CSTO meeting) compared
// as `witness compare` compares it: each file read and cleaned as ingest does. Expectations
// checked by reading the five files:
//   000 Bloomberg wire (dateline NUR-SULTAN (BLOOMBERG)); 001 Straits Times: the same
//   Bloomberg text plus AFP material; 002 Financial Times; 003 Reuters; 004 Business Standard:
//   the Bloomberg text again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "witness/compare.h"
#include "witness/ingest.h"
#include "witness/pipeline.h"

namespace witness::compare {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const fs::path kSeeds = fs::path(WITNESS_SHARED_DATA) / "seeds";

class CompareSeeds : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::is_directory(kSeeds)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(kSeeds)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Article> articles;
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      StatusOr<Article> a = ParsePlainText(ss.str(), p.string());
      if (!a.ok()) continue;
      FinishArticle(&*a, "seeds");
      if (!PrepareArticle(&*a, nullptr, PipelineOptions{}).ok()) continue;
      a->id = p.filename().string().substr(0, 3);  // "000".."004"
      a->source = "outlet-" + a->id;
      articles.push_back(std::move(*a));
    }
    if (articles.size() != 5) return;
    story_ = new StoryComparison(CompareStory(articles));
  }
  static void TearDownTestSuite() {
    delete story_;
    story_ = nullptr;
  }
  void SetUp() override {
    if (!fs::is_directory(kSeeds)) GTEST_SKIP() << "seed data not found at " << kSeeds.string();
    ASSERT_NE(story_, nullptr) << "the five seed files did not all read as articles";
  }

  const StoryComparison& c() const { return *story_; }

  // The fact whose representative or a carrier's text contains `words`, or nullptr.
  const Fact* FactWith(std::string_view words) const {
    for (const Fact& f : c().facts) {
      for (const Carrier& k : f.carriers) {
        if (c().Text({k.article, k.span}).find(words) != std::string_view::npos) return &f;
      }
    }
    return nullptr;
  }
  std::vector<uint32_t> Articles(const Fact& f) const {
    std::vector<uint32_t> v;
    for (const Carrier& k : f.carriers) v.push_back(k.article);
    std::sort(v.begin(), v.end());
    return v;
  }
  const UniqueStatement* UniqueWith(uint32_t article, std::string_view words) const {
    for (const UniqueStatement& u : c().coverage[article].unique) {
      if (c().Text(u.where).find(words) != std::string_view::npos) return &u;
    }
    return nullptr;
  }
  const StoryEntity* Entity(std::string_view name) const {
    for (const StoryEntity& e : c().entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  const figures::FigureGroup* FigureGroup(std::string_view key) const {
    for (const figures::FigureGroup& g : c().figure_groups) {
      if (g.key == key) return &g;
    }
    return nullptr;
  }
  // "article:text" of each claim of a figure group.
  std::vector<std::string> Claims(const figures::FigureGroup& g) const {
    std::vector<std::string> v;
    for (uint32_t i : g.claims) {
      v.push_back(std::to_string(c().figure_article[i]) + ":" + c().figures[i].figure.text);
    }
    return v;
  }

  static StoryComparison* story_;
};

StoryComparison* CompareSeeds::story_ = nullptr;

TEST_F(CompareSeeds, PutinsSentenceInThreeTranslationsIsOneQuoteGroup) {
  const quotes::QuoteGroup* found = nullptr;
  for (const quotes::QuoteGroup& g : c().quote_groups) {
    for (const quotes::QuoteVariant& v : g.variants) {
      if (v.text.find("disturb the situation in our homes") != std::string::npos) found = &g;
    }
  }
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->speaker, "Vladimir Putin");
  // Which articles carry which translation.
  std::map<std::string, std::set<uint32_t>> by_wording;
  for (const quotes::QuoteVariant& v : found->variants) {
    for (size_t m : v.members) {
      const StoryQuote& q = c().quotes[m];
      const std::string_view words = c().Text({q.article, q.quote.content});
      for (std::string_view w :
           {"disturb the situation in our homes", "destabilise the situation in our home",
            "will not allow the situation to be rocked at home"}) {
        if (words.find(w) != std::string_view::npos) by_wording[std::string(w)].insert(q.article);
      }
    }
  }
  EXPECT_THAT(by_wording["disturb the situation in our homes"], ElementsAre(0u, 1u, 4u));
  EXPECT_THAT(by_wording["destabilise the situation in our home"], ElementsAre(2u));
  EXPECT_THAT(by_wording["will not allow the situation to be rocked at home"], ElementsAre(3u));
  // The FT wording differs from the Bloomberg one by words the diff names.
  bool diff_names_destabilise = false;
  for (const quotes::QuoteVariant& v : found->variants) {
    for (const quotes::DiffOp& op : v.diff) {
      if (op.op == quotes::DiffOp::Op::kReplace && op.from == "disturb" && op.to == "destabilise") {
        diff_names_destabilise = true;
      }
    }
  }
  EXPECT_TRUE(diff_names_destabilise);
}

TEST_F(CompareSeeds, DeathTollsDivergeAndTheRetractionIsNoted) {
  const figures::FigureGroup* g = FigureGroup("death|people");
  ASSERT_NE(g, nullptr);
  const std::vector<std::string> claims = Claims(*g);
  EXPECT_THAT(claims, Contains("0:More than two dozen"));
  EXPECT_THAT(claims, Contains("1:At least two dozen"));
  EXPECT_THAT(claims, Contains("2:At least 164"));
  EXPECT_EQ(g->verdict, figures::Verdict::kDiverge);
  ASSERT_EQ(g->retracted.size(), 1u);
  const figures::Figure& r = c().figures[g->retracted[0]].figure;
  EXPECT_EQ(c().figure_article[g->retracted[0]], 1u);  // the Straits Times' AFP paragraph
  EXPECT_EQ(r.text, "more than 164");
  EXPECT_EQ(r.status_cue_text, "retracted");
  EXPECT_EQ(r.attribution.source, "the information ministry");
  // The FT repeats the retracted value.
  std::vector<uint32_t> echoes;
  for (uint32_t e : g->echoes_retracted) echoes.push_back(c().figure_article[e]);
  EXPECT_THAT(echoes, Contains(2u));
}

TEST_F(CompareSeeds, DetentionsAgreeAtAbout8000AndTroopsAgree) {
  const figures::FigureGroup* d = FigureGroup("detention|people");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->verdict, figures::Verdict::kAgree);
  const std::vector<std::string> claims = Claims(*d);
  EXPECT_THAT(claims, Contains("0:about 8,000"));
  EXPECT_THAT(claims, Contains("2:almost 8,000"));
  EXPECT_THAT(claims, Contains("3:Thousands"));
  const figures::FigureGroup* t = FigureGroup("forces|troop");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->verdict, figures::Verdict::kAgree);
  EXPECT_THAT(Claims(*t), ElementsAre("1:just over 2,000", "2:2,030"));
}

TEST_F(CompareSeeds, TokayevHasOneNameAcrossTheStory) {
  const StoryEntity* t = Entity("Kassym-Jomart Tokayev");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, quotes::EntityKind::kPerson);
  EXPECT_EQ(t->role, "president");
  EXPECT_EQ(t->country, "KZ");
  EXPECT_EQ(t->articles.size(), 5u);
  std::set<std::string> forms;
  for (const EntityForm& f : t->forms) forms.insert(f.text);
  EXPECT_TRUE(forms.count("Tokayev"));
  EXPECT_TRUE(forms.count("Mr Tokayev"));
  EXPECT_TRUE(forms.count("the Kazakh leader") || forms.count("The Kazakh leader"));
  // No second entity for him under a shorter name.
  for (const StoryEntity& e : c().entities) {
    if (&e == t) continue;
    EXPECT_EQ(e.name.find("Tokayev"), std::string::npos) << e.name;
  }
  const StoryEntity* p = Entity("Vladimir Putin");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->articles.size(), 5u);
  EXPECT_EQ(p->role, "president");
}

TEST_F(CompareSeeds, PlacesAreNormalisedByIsoCode) {
  const StoryEntity* kz = Entity("Kazakhstan");
  ASSERT_NE(kz, nullptr);
  EXPECT_EQ(kz->kind, quotes::EntityKind::kPlace);
  EXPECT_EQ(kz->code, "KZ");
  EXPECT_EQ(kz->articles.size(), 5u);
  std::set<std::string> forms;
  for (const EntityForm& f : kz->forms) forms.insert(f.text);
  EXPECT_TRUE(forms.count("Kazakh"));  // the demonym counts as a mention of the country
  // "US" (000), "United States" (001), "U.S." (004): one entity.
  const StoryEntity* us = Entity("United States");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->code, "US");
  std::vector<uint32_t> in;
  for (const EntityInArticle& a : us->articles) in.push_back(a.article);
  EXPECT_THAT(in, ElementsAre(0u, 1u, 4u));
  for (const StoryEntity& e : c().entities) {
    if (e.kind == quotes::EntityKind::kPlace && &e != us) EXPECT_NE(e.code, "US") << e.name;
  }
  const StoryEntity* almaty = Entity("Almaty");  // a subdivision (city) of Kazakhstan
  ASSERT_NE(almaty, nullptr);
  EXPECT_EQ(almaty->code, "KZ-ALA");
}

TEST_F(CompareSeeds, TheBloombergCopiesAreOneAccount) {
  ASSERT_EQ(c().copy_groups.size(), 3u);
  EXPECT_THAT(c().copy_groups[0], ElementsAre(0u, 1u, 4u));
  EXPECT_THAT(c().copy_groups[1], ElementsAre(2u));
  EXPECT_THAT(c().copy_groups[2], ElementsAre(3u));
}

TEST_F(CompareSeeds, FtAndReutersHaveUniqueSentencesAndTheCopiesShareTheirs) {
  // FT alone: the 164 toll with three children (Bloomberg's "two dozen" sentence is close
  // but its figures disagree), and the "as many as 20,000" terrorists.
  const UniqueStatement* toll = UniqueWith(2, "At least 164 people were killed");
  ASSERT_NE(toll, nullptr);
  ASSERT_TRUE(toll->has_closest);
  EXPECT_TRUE(toll->closest.figures_differ);
  EXPECT_NE(UniqueWith(2, "as many as 20,000"), nullptr);
  // Reuters alone: thousands detained and buildings torched; the statehood quote.
  EXPECT_NE(UniqueWith(3, "some public buildings were torched"), nullptr);
  EXPECT_NE(UniqueWith(3, "The threat to Kazakhstan's statehood"), nullptr);
  // The Bloomberg wire (000) has nothing of its own: its copies carry every sentence.
  EXPECT_TRUE(c().coverage[0].unique.empty());
  EXPECT_EQ(c().coverage[0].carried, c().coverage[0].statements);
  // ...and what only the copies say is listed as theirs.
  const Fact* internet = FactWith("Kazakh authorities suspended Internet access");
  ASSERT_NE(internet, nullptr);
  EXPECT_THAT(Articles(*internet), ElementsAre(0u, 1u, 4u));
  EXPECT_EQ(internet->independent, 1u);
  for (const Carrier& k : internet->carriers) {
    if (k.article != internet->where.article) EXPECT_EQ(k.kind, CarryKind::kCopy);
  }
  const auto& exclusive = c().coverage[0].group_exclusive;
  EXPECT_NE(std::find(exclusive.begin(), exclusive.end(),
                      static_cast<uint32_t>(internet - c().facts.data())),
            exclusive.end());
  // The Straits Times' AFP material is its own.
  EXPECT_NE(UniqueWith(1, "Karim Masimov"), nullptr);
  EXPECT_NE(UniqueWith(1, "just over 2,000 troops"), nullptr);
}

TEST_F(CompareSeeds, AgreedFactsAndOmissions) {
  // Putin's "events in Kazakhstan aren't the first" sentence: every account carries it.
  const Fact* first = FactWith("far from the last attempt");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->independent, 3u);
  EXPECT_THAT(Articles(*first), ElementsAre(0u, 1u, 2u, 3u, 4u));
  const uint32_t first_index = static_cast<uint32_t>(first - c().facts.data());
  EXPECT_THAT(c().agreed, Contains(first_index));
  // Every agreed fact has two accounts or more.
  for (uint32_t f : c().agreed) EXPECT_GE(c().facts[f].independent, 2u);
  // Bloomberg and the FT report Tokayev calling it an attempted coup; Reuters does not.
  const Fact* coup = FactWith("an attempted coup");
  ASSERT_NE(coup, nullptr);
  EXPECT_THAT(Articles(*coup), Contains(2u));
  EXPECT_THAT(c().coverage[3].omitted, Contains(static_cast<uint32_t>(coup - c().facts.data())));
  // No article leaves out a fact it carries.
  for (const SourceCoverage& s : c().coverage) {
    for (uint32_t f : s.omitted)
      EXPECT_THAT(Articles(c().facts[f]), ::testing::Not(Contains(s.article)));
  }
}

TEST_F(CompareSeeds, SpansPointIntoTheArticlesAndJsonIsValid) {
  for (const Statement& s : c().statements) {
    ASSERT_LT(s.where.article, c().articles.size());
    ASSERT_LE(s.where.span.end, c().articles[s.where.article].text.size());
    EXPECT_FALSE(c().Text(s.where).empty());
  }
  for (const Fact& f : c().facts) {
    for (const Carrier& k : f.carriers) {
      ASSERT_LE(k.span.end, c().articles[k.article].text.size());
      EXPECT_LE(k.span.begin, k.span.end);
    }
  }
  const nlohmann::json j = nlohmann::json::parse(ComparisonToJson(c()));
  EXPECT_EQ(j["articles"].size(), 5u);
  EXPECT_EQ(j["copy_groups"].size(), 3u);
  EXPECT_EQ(j["facts"].size(), c().facts.size());
  // A unique statement's JSON text is the bytes its offsets name.
  const auto& u = j["coverage"][2]["unique"][0];
  EXPECT_EQ(u["text"].get<std::string>(),
            c().articles[2].text.substr(u["begin"].get<size_t>(),
                                        u["end"].get<size_t>() - u["begin"].get<size_t>()));
  const std::string txt = ComparisonToText(c(), 0);
  EXPECT_THAT(txt, HasSubstr("5 articles, 3 independent accounts"));
  EXPECT_THAT(txt, HasSubstr("people killed [diverge]"));
  EXPECT_THAT(txt, HasSubstr("retracted \"more than 164\" in [2]"));
  EXPECT_THAT(txt, HasSubstr("Kassym-Jomart Tokayev (person"));
}

}  // namespace
}  // namespace witness::compare
