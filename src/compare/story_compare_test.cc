// CompareStory on small stories written for each rule, and its sentence matching against a
// brute-force reference.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <set>

#include "compare/entity_places.h"
#include "compare/story_internal.h"
#include "witness/compare.h"

namespace witness::compare {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

Article Make(std::string id, std::string source, std::string text) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.text = std::move(text);
  return a;
}

const UniqueStatement* UniqueWith(const StoryComparison& c, uint32_t article,
                                  std::string_view words) {
  for (const UniqueStatement& u : c.coverage[article].unique) {
    if (c.Text(u.where).find(words) != std::string_view::npos) return &u;
  }
  return nullptr;
}

const Fact* FactWith(const StoryComparison& c, std::string_view words) {
  for (const Fact& f : c.facts) {
    for (const Carrier& k : f.carriers) {
      if (c.Text({k.article, k.span}).find(words) != std::string_view::npos) return &f;
    }
  }
  return nullptr;
}

std::vector<uint32_t> ArticlesOf(const Fact& f) {
  std::vector<uint32_t> v;
  for (const Carrier& k : f.carriers) v.push_back(k.article);
  std::sort(v.begin(), v.end());
  return v;
}

// A few paragraphs of filler no other article shares: random letter words.
std::string Filler(int seed) {
  std::mt19937 rng(seed * 7919 + 13);
  std::string out;
  for (int s = 0; s < 3; ++s) {
    out += "The";
    for (int w = 0; w < 9; ++w) {
      out += ' ';
      for (int l = 0; l < 7; ++l) out += static_cast<char>('a' + rng() % 26);
    }
    out += ".\n\n";
  }
  return out;
}

TEST(CompareStory, EmptyStory) {
  const StoryComparison c = CompareStory({});
  EXPECT_TRUE(c.articles.empty());
  EXPECT_TRUE(c.facts.empty());
  EXPECT_TRUE(c.copy_groups.empty());
  const nlohmann::json j = nlohmann::json::parse(ComparisonToJson(c));
  EXPECT_TRUE(j["articles"].empty());
  EXPECT_THAT(ComparisonToText(c), HasSubstr("0 articles, 0 independent accounts"));
}

TEST(CompareStory, OneArticleHasOnlyUniqueStatementsAndNoAgreement) {
  const std::vector<Article> in = {
      Make("a", "one.example",
           "Floods closed the main bridge over the river on Sunday morning.\n\n"
           "Rescue teams evacuated three villages near the dam, officials said.")};
  const StoryComparison c = CompareStory(in);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].statements, 2u);
  EXPECT_EQ(c.coverage[0].unique.size(), 2u);
  EXPECT_EQ(c.coverage[0].carried, 0u);
  EXPECT_TRUE(c.agreed.empty());
  ASSERT_EQ(c.copy_groups.size(), 1u);
  EXPECT_EQ(c.facts.size(), 2u);
}

TEST(CompareStory, IdenticalArticlesAreCopiesAndOneAccount) {
  std::string body;
  for (int i = 0; i < 6; ++i) {
    body += "The storm damaged " + std::to_string(100 + i) +
            " houses along the northern coast and cut power to the fishing towns, the "
            "regional governor told reporters on the second day of the emergency.\n\n";
  }
  const std::vector<Article> in = {Make("a", "wire.example", body),
                                   Make("b", "paper.example", body)};
  const StoryComparison c = CompareStory(in);
  ASSERT_EQ(c.copy_groups.size(), 1u);
  EXPECT_THAT(c.copy_groups[0], ElementsAre(0u, 1u));
  ASSERT_EQ(c.copies.size(), 1u);
  EXPECT_EQ(c.copies[0].report.relation, syndication::Relation::kNearCopy);
  for (const SourceCoverage& s : c.coverage) {
    EXPECT_TRUE(s.unique.empty());
    EXPECT_EQ(s.carried, s.statements);
    EXPECT_TRUE(s.omitted.empty());
    EXPECT_FALSE(s.group_exclusive.empty());
  }
  for (const Fact& f : c.facts) {
    EXPECT_EQ(f.independent, 1u);
    EXPECT_EQ(f.sources, 2u);
    ASSERT_EQ(f.carriers.size(), 2u);
    EXPECT_EQ(f.carriers[1].kind, CarryKind::kCopy);
  }
  EXPECT_TRUE(c.agreed.empty());  // one account agrees with nobody
}

TEST(CompareStory, ParaphraseAcrossSpellingsAndCountryNames) {
  if (!quotes::internal::Gazetteer::Get().loaded()) GTEST_SKIP() << "iso-codes JSON not installed";
  const std::vector<Article> in = {
      Make("a", "a.example",
           "Kazakh authorities suspended internet access for several days at the height of "
           "the protests against the government.\n\n" +
               Filler(1)),
      Make("b", "b.example",
           "Kazakhstan's authorities suspended internet access for several days at the height "
           "of protests against the government, destabilising the country.\n\n" +
               Filler(2))};
  const StoryComparison c = CompareStory(in);
  const Fact* f = FactWith(c, "suspended internet access");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(ArticlesOf(*f), ElementsAre(0u, 1u));
  EXPECT_EQ(f->independent, 2u);
  EXPECT_EQ(f->carriers[1].kind, CarryKind::kParaphrase);
  EXPECT_GE(f->carriers[1].score, 0.8f);
  EXPECT_THAT(c.agreed, Contains(static_cast<uint32_t>(f - c.facts.data())));
  EXPECT_EQ(UniqueWith(c, 0, "suspended"), nullptr);
  EXPECT_NE(UniqueWith(c, 0, "The"), nullptr);  // the filler is each article's own
}

TEST(CompareStory, ContentTermsFoldSpellingsAccentsAndCountries) {
  text::Analyzer an;
  using internal::ContentTerm;
  const auto word = text::TokenKind::kWord;
  EXPECT_EQ(ContentTerm("colour", false, word, &an), ContentTerm("color", false, word, &an));
  EXPECT_EQ(ContentTerm("destabilise", false, word, &an),
            ContentTerm("destabilize", false, word, &an));
  EXPECT_EQ(ContentTerm("d'\u00E9tat", false, word, &an), ContentTerm("d'etat", false, word, &an));
  EXPECT_EQ(ContentTerm("the", false, word, &an), "");
  EXPECT_EQ(ContentTerm("mr", false, word, &an), "");
  EXPECT_EQ(ContentTerm("8,000", false, text::TokenKind::kNumber, &an), "8,000");
  EXPECT_FLOAT_EQ(internal::TermWeight("said"), 1.0f / 3);
  EXPECT_FLOAT_EQ(internal::TermWeight("monday"), 1.0f / 3);
  EXPECT_FLOAT_EQ(internal::TermWeight("coup"), 1.0f);
  if (!quotes::internal::Gazetteer::Get().loaded()) GTEST_SKIP() << "iso-codes JSON not installed";
  EXPECT_EQ(ContentTerm("kazakh", true, word, &an), "@KZ");
  EXPECT_EQ(ContentTerm("kazakhstan's", true, word, &an), "@KZ");
  EXPECT_EQ(ContentTerm("russian-led", true, word, &an), "@RU");
  EXPECT_NE(ContentTerm("us", false, word, &an), "@US");  // the pronoun, lower case
  EXPECT_EQ(ContentTerm("u.s.", true, word, &an), "@US");

  // Two-word country names and hyphen parts, in a sentence.
  const std::string text = "The United States backed pro-Russian fuel-price talks.";
  const text::Segmentation seg = text::Segment(text);
  internal::TermTable table;
  internal::ArticleTerms at;
  internal::BuildArticleTerms(text, seg, &an, &table, &at);
  ASSERT_EQ(at.sentences.size(), 1u);
  std::vector<std::string> expected = {"@US", "@RU", ContentTerm("fuel", false, word, &an),
                                       ContentTerm("price", false, word, &an)};
  for (const std::string& e : expected) {
    const uint32_t id = table.Intern(e);
    EXPECT_TRUE(std::binary_search(at.sentences[0].terms.begin(), at.sentences[0].terms.end(), id))
        << e;
  }
}

TEST(CompareStory, OnePersonUnderAllTheirNames) {
  const std::vector<Article> in = {
      Make("a", "a.example",
           "Despite Trump saying talks had come a long way, Democrats were gloomy. Trump said "
           "the wall was needed.\n\n" +
               Filler(10)),
      Make("b", "b.example",
           "President Donald J. Trump met congressional leaders on Friday. Mr. Trump told "
           "reporters he would not give up.\n\n" +
               Filler(11)),
      Make("c", "c.example",
           "Donald Trump said the shutdown could last a long time, the president told "
           "reporters.\n\n" +
               Filler(12))};
  const StoryComparison c = CompareStory(in);
  const StoryEntity* trump = nullptr;
  size_t named = 0;
  for (const StoryEntity& e : c.entities) {
    if (e.name.find("Trump") == std::string::npos) continue;
    ++named;
    trump = &e;
  }
  ASSERT_EQ(named, 1u);
  EXPECT_EQ(trump->kind, quotes::EntityKind::kPerson);
  EXPECT_EQ(trump->articles.size(), 3u);
  EXPECT_THAT(trump->name, ::testing::AnyOf("Donald Trump", "Donald J. Trump"));
  // Quote speakers carry the story's name.
  for (const StoryQuote& q : c.quotes) {
    if (!q.quote.speaker_name.empty() && q.quote.speaker_name.find("Trump") != std::string::npos) {
      EXPECT_EQ(q.quote.speaker_name, trump->name);
    }
  }
}

TEST(CompareStory, PeopleBehindTitles) {
  const std::vector<Article> in = {
      Make("a", "a.example",
           "Looking for a resolution, Senate Majority Leader Mitch McConnell said the talks "
           "would go on.\n\n" +
               Filler(13)),
      Make("b", "b.example",
           "\"We are hopeful,\" McConnell said after the meeting at the White House.\n\n" +
               Filler(14))};
  const StoryComparison c = CompareStory(in);
  std::vector<const StoryEntity*> found;
  for (const StoryEntity& e : c.entities) {
    if (e.name.find("McConnell") != std::string::npos) found.push_back(&e);
  }
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->name, "Mitch McConnell");
  EXPECT_EQ(found[0]->kind, quotes::EntityKind::kPerson);
  EXPECT_EQ(found[0]->articles.size(), 2u);
}

TEST(CompareStory, DisagreeingFiguresAreNotCarried) {
  const std::vector<Article> in = {
      Make("a", "a.example",
           "At least 24 people were killed in clashes with police in the capital, officials "
           "said on Monday.\n\n" +
               Filler(3)),
      Make("b", "b.example",
           "At least 164 people were killed in clashes with police in the capital, officials "
           "said on Monday.\n\n" +
               Filler(4))};
  const StoryComparison c = CompareStory(in);
  const UniqueStatement* a = UniqueWith(c, 0, "At least 24 people");
  const UniqueStatement* b = UniqueWith(c, 1, "At least 164 people");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(a->has_closest);
  EXPECT_TRUE(a->closest.figures_differ);
  EXPECT_EQ(a->closest.article, 1u);
  EXPECT_GE(a->closest.score, 0.5f);  // the words alone would carry it
  EXPECT_TRUE(c.agreed.empty());
}

TEST(CompareStory, WhatTwoAccountsSayAndTheThirdLeavesOut) {
  const std::vector<Article> in = {
      Make("a", "a.example",
           "The central bank raised its interest rate by half a percentage point on Tuesday "
           "to fight inflation, the governor said.\n\n"
           "Shares of mortgage lenders slid after the decision.\n\n" +
               Filler(5)),
      Make("b", "b.example",
           "On Tuesday the central bank raised interest rates by half a point in a bid to "
           "fight stubborn inflation.\n\n"
           "Economists had expected a smaller move from the bank.\n\n" +
               Filler(6)),
      Make("c", "c.example",
           "Economists had expected a smaller move from the central bank this month.\n\n"
           "Consumer prices rose at the fastest pace in a decade last year.\n\n" +
               Filler(7))};
  const StoryComparison c = CompareStory(in);
  ASSERT_EQ(c.copy_groups.size(), 3u);
  const Fact* rates = FactWith(c, "raised its interest rate");
  ASSERT_NE(rates, nullptr);
  EXPECT_THAT(ArticlesOf(*rates), ElementsAre(0u, 1u));
  const uint32_t fi = static_cast<uint32_t>(rates - c.facts.data());
  EXPECT_THAT(c.agreed, Contains(fi));  // 2 of 3 accounts
  EXPECT_THAT(c.coverage[2].omitted, Contains(fi));
  // "Economists had expected a smaller move" is b's and c's: a leaves it out; b has both.
  const Fact* move = FactWith(c, "smaller move");
  ASSERT_NE(move, nullptr);
  EXPECT_THAT(ArticlesOf(*move), ElementsAre(1u, 2u));
  EXPECT_THAT(c.coverage[0].omitted, ElementsAre(static_cast<uint32_t>(move - c.facts.data())));
  EXPECT_TRUE(c.coverage[1].omitted.empty());
  EXPECT_NE(UniqueWith(c, 0, "mortgage lenders"), nullptr);
  EXPECT_NE(UniqueWith(c, 2, "fastest pace"), nullptr);
}

TEST(CompareStory, QuotesInOtherWordsCarryTheirSentences) {
  const std::vector<Article> in = {
      Make("a", "a.example",
           "\"We will not let anyone disturb the situation in our homes or allow colour "
           "revolutions to be played out,\" President Vladimir Putin said.\n\n" +
               Filler(8)),
      Make("b", "b.example",
           "\"We won't let anyone destabilise the situation in our home and won't allow the "
           "colour revolution scenario to play out,\" Putin said.\n\n" +
               Filler(9))};
  const StoryComparison c = CompareStory(in);
  bool grouped = false;
  for (const quotes::QuoteGroup& g : c.quote_groups) {
    std::set<uint32_t> arts;
    for (const auto& v : g.variants) {
      for (size_t m : v.members) arts.insert(c.quotes[m].article);
    }
    if (arts.size() == 2) {
      grouped = true;
      EXPECT_EQ(g.speaker, "Vladimir Putin");
    }
  }
  EXPECT_TRUE(grouped);
  const Fact* f = FactWith(c, "situation in our home");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(ArticlesOf(*f), ElementsAre(0u, 1u));
}

TEST(CompareStory, BadTextAndIdsAreRepairedAndRenamed) {
  const std::vector<Article> in = {
      Make("", "a.example", "Broken bytes \xFF\xFE in a sentence about the harbour closure today."),
      Make("x", "b.example", "The harbour closure lasted until noon, the port authority said."),
      Make("x", "c.example", "")};
  const StoryComparison c = CompareStory(in);
  ASSERT_EQ(c.articles.size(), 3u);
  EXPECT_EQ(c.articles[0].id, "#0");
  EXPECT_EQ(c.articles[1].id, "x");
  EXPECT_EQ(c.articles[2].id, "x#2");
  EXPECT_TRUE(c.articles[0].repaired);
  EXPECT_TRUE(text::IsValidUtf8(c.articles[0].text));
  EXPECT_FALSE(c.articles[1].repaired);
  EXPECT_EQ(c.articles[2].statements, 0u);
  for (const Statement& s : c.statements)
    EXPECT_LE(s.where.span.end, c.articles[s.where.article].text.size());
  EXPECT_NO_THROW((void)nlohmann::json::parse(ComparisonToJson(c)));
}

// ---- Sentence matching against brute force ---------------------------------------------

// A story of `n` articles: sentences drawn from a shared pool, each with some words dropped
// or replaced, in a shuffled order.
std::vector<Article> RandomStory(int n, uint32_t seed) {
  static const char* kPool[] = {
      "The ministry said rescue crews reached the flooded valley villages late on Sunday",
      "Heavy rain washed away two bridges and the main road to the northern province",
      "More than forty families spent the night in a school gym near the river",
      "The governor asked the army for helicopters to carry food and medicine",
      "Weather forecasters expect more storms across the region later this week",
      "Farmers lost most of the rice harvest in the lowland districts",
      "Power was restored to the capital after a blackout of twelve hours",
      "Opposition leaders criticised the slow response of the national government",
      "Insurance companies estimate the damage at several hundred million dollars",
      "Schools in the valley will stay closed until the water recedes",
  };
  static const char* kSwap[] = {"officials", "residents", "quickly", "eastern", "volunteers"};
  std::mt19937 rng(seed);
  auto edit = [&](std::string s) {  // drop or replace a word or two
    for (int e = static_cast<int>(rng() % 3); e > 0; --e) {
      const size_t sp = s.find(' ', rng() % s.size());
      if (sp == std::string::npos) continue;
      const size_t next = s.find(' ', sp + 1);
      if (next == std::string::npos) continue;
      s.replace(sp + 1, next - sp - 1, kSwap[rng() % 5]);
    }
    return s;
  };
  std::vector<Article> out;
  for (int a = 0; a < n; ++a) {
    // Pool sentences in pairs (0 1, 2 3, ...): a pair is two sentences, or one sentence
    // joining both (which other articles then carry with two adjacent sentences).
    std::vector<int> pairs(5);
    std::iota(pairs.begin(), pairs.end(), 0);
    std::shuffle(pairs.begin(), pairs.end(), rng);
    std::string text;
    const int take = 2 + static_cast<int>(rng() % 4);
    for (int k = 0; k < take; ++k) {
      const std::string first = edit(kPool[2 * pairs[k]]);
      std::string second = edit(kPool[2 * pairs[k] + 1]);
      if (rng() % 3 == 0) {
        second[0] = static_cast<char>(second[0] - 'A' + 'a');
        text += first + ", and " + second + ". ";
      } else {
        text += first + ". " + second + ". ";
      }
      if (rng() % 3 == 0) text += "\n\n";
    }
    out.push_back(Make("r" + std::to_string(a), "s" + std::to_string(a), text));
  }
  return out;
}

// How many sentences of its article a carrier spans.
size_t SentenceCount(const StoryComparison& c, const Carrier& car) {
  const text::Segmentation seg = text::Segment(c.articles[car.article].text);
  size_t n = 0;
  for (const text::Sentence& s : seg.sentences) {
    if (s.span.begin >= car.span.begin && s.span.end <= car.span.end) ++n;
  }
  return n;
}

// The best carrier of each statement in each other article, computed the slow way: every
// sentence and every pair of adjacent sentences, idf over all sentences.
struct Reference {
  double score = 0;
  text::Span span;
};
std::map<std::pair<uint32_t, uint32_t>, Reference> BruteForce(const StoryComparison& c,
                                                              const CompareOptions& o) {
  text::Analyzer an;
  internal::TermTable table;
  std::vector<text::Segmentation> segs(c.articles.size());
  std::vector<internal::ArticleTerms> arts(c.articles.size());
  for (size_t i = 0; i < c.articles.size(); ++i) {
    segs[i] = text::Segment(c.articles[i].text);
    internal::BuildArticleTerms(c.articles[i].text, segs[i], &an, &table, &arts[i]);
  }
  std::map<uint32_t, int> df;
  int total = 0;
  for (const auto& a : arts) {
    for (const auto& s : a.sentences) {
      ++total;
      for (uint32_t t : s.terms) ++df[t];
    }
  }
  auto idf = [&](uint32_t t) {
    return std::max(0.1, std::log((total + 1.0) / (df[t] + 0.5))) * table.weight(t);
  };
  std::map<std::pair<uint32_t, uint32_t>, Reference> out;
  uint32_t statement = 0;
  for (uint32_t a = 0; a < arts.size(); ++a) {
    for (const auto& s : arts[a].sentences) {
      if (s.terms.size() < o.min_statement_terms) continue;
      double weight = 0;
      for (uint32_t t : s.terms) weight += idf(t);
      for (uint32_t b = 0; b < arts.size(); ++b) {
        if (b == a) continue;
        // One sentence: the best score (the earliest on ties).
        auto shared = [&](const std::vector<uint32_t>& terms, double* w, uint32_t* n) {
          *w = 0;
          *n = 0;
          for (uint32_t x : s.terms) {
            if (std::find(terms.begin(), terms.end(), x) != terms.end()) {
              *w += idf(x);
              ++*n;
            }
          }
        };
        Reference best;
        const auto& sents = arts[b].sentences;
        for (const auto& t : sents) {
          double w;
          uint32_t n;
          shared(t.terms, &w, &n);
          if (n >= o.min_shared_terms && w / weight > best.score) best = {w / weight, t.span};
        }
        // Two adjacent sentences, when no single one carries the statement.
        if (best.score < o.carry_threshold) {
          Reference window;
          for (size_t k = 0; k + 1 < sents.size(); ++k) {
            std::vector<uint32_t> both = sents[k].terms;
            both.insert(both.end(), sents[k + 1].terms.begin(), sents[k + 1].terms.end());
            std::sort(both.begin(), both.end());
            both.erase(std::unique(both.begin(), both.end()), both.end());
            double w, wp, wq;
            uint32_t n, np, nq;
            shared(both, &w, &n);
            shared(sents[k].terms, &wp, &np);
            shared(sents[k + 1].terms, &wq, &nq);
            if (np == 0 || nq == 0 || n < o.min_shared_terms) continue;
            if (w - wp < 0.2 * weight || w - wq < 0.2 * weight) continue;
            if (w / weight > window.score + 1e-9) {
              window = {w / weight, {sents[k].span.begin, sents[k + 1].span.end}};
            }
          }
          if (window.score > best.score + 1e-9) best = window;
        }
        out[{statement, b}] = best;
      }
      ++statement;
    }
  }
  return out;
}

// Every paraphrase carrier the comparison shows (facts' carriers, unique statements' closest
// wordings) is the reference's best one- or two-sentence carrier, with its score; and every
// statement the reference says another article carries is not unique (unless figures differ).
void CheckAgainstReference(const StoryComparison& c, const CompareOptions& o, bool complete) {
  const auto ref = BruteForce(c, o);
  size_t checked = 0, carried = 0, windows = 0;
  auto check = [&](uint32_t statement, const Carrier& car) {
    if (car.kind != CarryKind::kParaphrase) return;
    auto it = ref.find({statement, car.article});
    ASSERT_NE(it, ref.end());
    EXPECT_EQ(car.span, it->second.span) << c.Text(c.statements[statement].where);
    EXPECT_NEAR(car.score, it->second.score, 1e-4);
    if (SentenceCount(c, car) == 2) ++windows;
    ++checked;
  };
  for (const Fact& f : c.facts) {
    for (size_t k = 1; k < f.carriers.size(); ++k) check(f.statement, f.carriers[k]);
  }
  for (const SourceCoverage& s : c.coverage) {
    for (const UniqueStatement& u : s.unique) {
      if (u.has_closest) check(u.statement, u.closest);
    }
  }
  EXPECT_GT(checked, complete ? 10u : 0u);
  if (!complete) return;
  EXPECT_GT(windows, 0u);
  for (const auto& [key, r] : ref) {
    if (r.score < o.carry_threshold) continue;
    ++carried;
    const Statement& s = c.statements[key.first];
    for (const UniqueStatement& u : c.coverage[s.where.article].unique) {
      if (u.statement == key.first) {
        EXPECT_TRUE(u.has_closest && u.closest.figures_differ) << c.Text(s.where);
      }
    }
  }
  EXPECT_GT(carried, 10u);
}

TEST(CompareStoryReference, MatchingEqualsBruteForce) {
  const std::vector<Article> story = RandomStory(8, 7);
  const CompareOptions o;
  CheckAgainstReference(CompareStory(story, o), o, true);
}

TEST(CompareStoryReference, FrequentTermsLeftOutOfCandidatesStillScoreExactly) {
  const std::vector<Article> story = RandomStory(10, 11);
  CompareOptions o;
  o.max_postings = 3;  // most terms seed nothing; scores are recomputed in full
  CheckAgainstReference(CompareStory(story, o), o, false);
}

}  // namespace
}  // namespace witness::compare
