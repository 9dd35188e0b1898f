// Story-wide entities: the per-article entities merged by name or ISO 3166 code, with
// demonyms counted as mentions of their country (rules in witness/compare.h, "Entities").
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "compare/entity_extract.h"
#include "compare/entity_places.h"
#include "compare/speaker_lexicon.h"
#include "compare/story_internal.h"

namespace witness::compare::internal {
namespace {

using quotes::EntityKind;
using quotes::internal::Gazetteer;
using quotes::internal::Place;

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 ||
         static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
    } else {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
    }
  }
  return out;
}

std::string_view StripPossessive(std::string_view s) {
  if (s.size() > 3 && (s.substr(s.size() - 2) == "'s")) return s.substr(0, s.size() - 2);
  if (s.size() > 5 && s.substr(s.size() - 4) == "\u2019s") return s.substr(0, s.size() - 4);
  return s;
}

bool AllCaps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

bool Acronym(std::string_view s) {
  return AllCaps(s) && (s.size() <= 5 || s.find('.') != std::string_view::npos);
}

// The code a place is merged by: a country's alpha-2 (also for a demonym), a subdivision's code.
std::string PlaceCode(const Place& p) {
  return p.kind == Place::Kind::kSubdivision ? p.code : p.country;
}

const Place* FindPlace(std::string_view written) {
  return Gazetteer::Get().Find(Lower(StripPossessive(written)));
}

// FindPlace, remembered for one story (its capitalised words repeat).
class PlaceCache {
 public:
  const Place* Find(std::string_view written) {
    auto it = cache_.find(std::string(written));
    if (it == cache_.end()) it = cache_.emplace(std::string(written), FindPlace(written)).first;
    return it->second;
  }

 private:
  std::unordered_map<std::string, const Place*> cache_;
};

// A word that opens sentences and clauses, never a given name: "Despite Trump" is Trump.
bool IsFunctionWord(std::string_view word) {
  static constexpr std::string_view kExtra[] = {
      "despite", "following", "unlike", "including", "regarding", "concerning", "besides",
      "beyond",  "upon",      "until",  "unless",    "whereas",   "meanwhile",  "thanks",
      "per",     "amid",      "asked",  "told",      "says",      "said",       "added"};
  char buf[32];
  const std::string_view lower = quotes::internal::LowerAscii(word, buf, sizeof buf);
  if (lower.empty()) return false;
  for (std::string_view x : kExtra) {
    if (x == lower) return true;
  }
  const quotes::internal::LexEntry* e = quotes::internal::Lookup(lower);
  constexpr uint32_t kFunction = quotes::internal::kPreposition | quotes::internal::kConjunction |
                                 quotes::internal::kStarter | quotes::internal::kClauseWord |
                                 quotes::internal::kDeterminer | quotes::internal::kSkip |
                                 quotes::internal::kAux | quotes::internal::kTime;
  return e != nullptr && (e->cats & kFunction) != 0 && (e->cats & quotes::internal::kTitle) == 0;
}

std::vector<std::string_view> SplitWords(std::string_view name) {
  std::vector<std::string_view> w;
  size_t i = 0;
  while (i < name.size()) {
    const size_t sp = name.find(' ', i);
    const size_t end = sp == std::string_view::npos ? name.size() : sp;
    if (end > i) w.push_back(name.substr(i, end - i));
    i = end + 1;
  }
  return w;
}

// A person's name without the function words a capitalised sentence start glued to it.
std::string CleanPersonName(std::string_view name) {
  std::vector<std::string_view> w = SplitWords(name);
  size_t first = 0;
  while (first + 1 < w.size() && IsFunctionWord(w[first])) ++first;
  std::string out;
  for (size_t i = first; i < w.size(); ++i) {
    if (!out.empty()) out += ' ';
    out.append(w[i]);
  }
  return out;
}

// People by name across the story: "first last" (lower case, possessive off) for names of two
// words or more; a surname alone joins the one full name with that surname when there is
// exactly one.
class People {
 public:
  void Add(std::string_view cleaned) {
    const std::vector<std::string_view> w = SplitWords(cleaned);
    if (!w.empty()) surnames_.insert(Lower(StripPossessive(w.back())));
    if (w.size() < 2) return;
    const std::string pair =
        Lower(StripPossessive(w.front())) + " " + Lower(StripPossessive(w.back()));
    full_by_surname_[Lower(StripPossessive(w.back()))].insert(pair);
    pairs_.insert(pair);
  }
  // "Senate Minority Leader Chuck Schumer", taken for an organisation by its first words, is
  // the person "Chuck Schumer" when the story knows a person of that surname: the last two
  // words, the first of them no title, role or organisation word. "" otherwise.
  std::string PersonInTitle(std::string_view name) const {
    const std::vector<std::string_view> w = SplitWords(name);
    if (w.size() < 3) return {};
    if (!surnames_.count(Lower(StripPossessive(w.back())))) return {};
    const std::string_view given = w[w.size() - 2];
    if (given.empty() || !(given[0] >= 'A' && given[0] <= 'Z')) return {};
    char buf[32];
    const std::string_view lower = quotes::internal::LowerAscii(given, buf, sizeof buf);
    if (lower.empty() || quotes::internal::Lookup(lower) != nullptr) return {};
    return std::string(given) + " " + std::string(w.back());
  }

  // The key of a person (or of an unclassified name that names one); "" when it names none.
  std::string Key(std::string_view cleaned, bool person) const {
    const std::vector<std::string_view> w = SplitWords(cleaned);
    if (w.empty()) return {};
    if (w.size() >= 2) {
      const std::string pair =
          Lower(StripPossessive(w.front())) + " " + Lower(StripPossessive(w.back()));
      if (person || pairs_.count(pair)) return "p:" + pair;
      return {};
    }
    const std::string surname = Lower(StripPossessive(w[0]));
    auto it = full_by_surname_.find(surname);
    if (it != full_by_surname_.end() && it->second.size() == 1) return "p:" + *it->second.begin();
    return person ? "p:" + surname : std::string();
  }

 private:
  std::map<std::string, std::set<std::string>> full_by_surname_;
  std::set<std::string> pairs_;
  std::set<std::string> surnames_;  // last words of the story's people
};

struct Builder {
  StoryEntity entity;
  std::map<std::string, uint32_t> forms;
  std::map<std::string, uint32_t> names;  // doc-entity names (weighted by mentions)
  uint32_t kind_votes[4] = {0, 0, 0, 0};
  std::map<std::string, uint32_t> roles;  // "role|country|former"
  std::map<uint32_t, EntityInArticle> per_article;
  bool place = false;
  bool person = false;  // merged by a person's name key
};

}  // namespace

std::vector<StoryEntity> BuildStoryEntities(const StoryComparison& story,
                                            const std::vector<quotes::Extraction>& extractions,
                                            const std::vector<const text::Segmentation*>& segs,
                                            std::vector<std::vector<int32_t>>* doc_to_story) {
  const Gazetteer& gaz = Gazetteer::Get();
  PlaceCache places;
  std::vector<Builder> builders;
  std::unordered_map<std::string, uint32_t> by_key;
  auto builder_for = [&](const std::string& key) -> Builder& {
    auto it = by_key.find(key);
    if (it == by_key.end()) {
      it = by_key.emplace(key, static_cast<uint32_t>(builders.size())).first;
      builders.emplace_back();
    }
    return builders[it->second];
  };
  auto count_mention = [](Builder& b, uint32_t article, Span span, std::string_view form) {
    ++b.entity.mentions;
    EntityInArticle& in = b.per_article[article];
    if (in.mentions == 0 || span.begin < in.first.begin) in.first = span;
    in.article = article;
    ++in.mentions;
    if (!form.empty()) ++b.forms[std::string(form)];
  };

  const size_t n = std::min({extractions.size(), segs.size(), story.articles.size()});
  People people;
  for (uint32_t a = 0; a < n; ++a) {
    for (const quotes::Entity& e : extractions[a].entities) {
      if (e.kind == EntityKind::kPerson) people.Add(CleanPersonName(e.name));
    }
  }
  // Names of people behind titles that made them organisations.
  std::vector<std::vector<std::string>> titled(n);
  for (uint32_t a = 0; a < n; ++a) {
    for (const quotes::Entity& e : extractions[a].entities) {
      titled[a].push_back(e.kind == EntityKind::kPerson || e.kind == EntityKind::kPlace
                              ? std::string()
                              : people.PersonInTitle(e.name));
    }
    for (const std::string& t : titled[a]) {
      if (!t.empty()) people.Add(t);
    }
  }
  if (doc_to_story != nullptr) doc_to_story->assign(n, {});
  for (uint32_t a = 0; a < n; ++a) {
    const quotes::Extraction& ex = extractions[a];
    const std::string_view text = story.articles[a].text;
    // Each document entity's story builder.
    std::vector<int32_t> story_of(ex.entities.size(), -1);
    for (size_t i = 0; i < ex.entities.size(); ++i) {
      const quotes::Entity& e = ex.entities[i];
      std::string key;
      std::string name = e.name;
      int b_person_votes = 0;  // a person behind a title
      const Place* p = nullptr;
      if (e.kind == EntityKind::kPlace || e.kind == EntityKind::kOther) p = FindPlace(e.name);
      if (p != nullptr) {
        key = "@" + PlaceCode(*p);
      } else if (!titled[a][i].empty()) {
        name = titled[a][i];
        key = people.Key(name, true);
        ++b_person_votes;
      } else if (e.kind == EntityKind::kPerson || e.kind == EntityKind::kOther) {
        name = CleanPersonName(e.name);
        key = people.Key(name, e.kind == EntityKind::kPerson);
        if (key.empty()) {
          name = e.name;
          key = "n:" + quotes::internal::EntityIndex::Key(e.name);
        }
      } else {
        key = "n:" + quotes::internal::EntityIndex::Key(e.name);
      }
      Builder& b = builder_for(key);
      story_of[i] = static_cast<int32_t>(by_key[key]);
      if (key.rfind("p:", 0) == 0) b.person = true;
      if (p != nullptr) {
        b.place = true;
        b.entity.code = PlaceCode(*p);
        b.entity.country = p->country;
        ++b.kind_votes[static_cast<int>(EntityKind::kPlace)];
      } else if (b_person_votes > 0) {
        ++b.kind_votes[static_cast<int>(EntityKind::kPerson)];
      } else {
        ++b.kind_votes[static_cast<int>(e.kind) & 3];
      }
      b.names[name] += std::max<uint32_t>(1, e.mentions);
      if (!e.role.empty()) {
        ++b.roles[e.role + "|" + e.country + "|" + (e.former ? "1" : "0")];
      }
    }
    if (doc_to_story != nullptr) (*doc_to_story)[a] = story_of;  // builder indices for now
    // Mentions, and the tokens that already belong to a place's mention.
    const text::Segmentation& seg = *segs[a];
    std::vector<uint8_t> in_place(seg.tokens.size(), 0);
    for (const quotes::Mention& m : ex.mentions) {
      if (m.entity < 0 || static_cast<size_t>(m.entity) >= story_of.size()) continue;
      if (m.span.end > text.size() || m.span.begin > m.span.end) continue;
      Builder& b = builders[story_of[m.entity]];
      const bool pronoun = m.form == quotes::MentionForm::kPronoun;
      count_mention(b, a, m.span, pronoun ? std::string_view() : m.span.in(text));
      if (b.place) {
        auto it =
            std::lower_bound(seg.tokens.begin(), seg.tokens.end(), m.span.begin,
                             [](const text::Token& t, uint32_t o) { return t.span.begin < o; });
        for (; it != seg.tokens.end() && it->span.begin < m.span.end; ++it) {
          in_place[static_cast<size_t>(it - seg.tokens.begin())] = 1;
        }
      }
    }
    // Demonyms and country names the extractor did not take as mentions of their place:
    // "Kazakh President ...", "Russian-led", "the U.S.-backed".
    std::string joined;
    for (uint32_t t = 0; t < seg.tokens.size(); ++t) {
      const text::Token& tok = seg.tokens[t];
      if (tok.kind != text::TokenKind::kWord || in_place[t]) continue;
      const std::string_view word = tok.span.in(text);
      if (word.empty() || !(word[0] >= 'A' && word[0] <= 'Z')) continue;
      const Place* p = nullptr;
      uint32_t used = 1;
      Span span = tok.span;
      // Two words: "South Korean", "New Zealand".
      if (t + 1 < seg.tokens.size() && seg.tokens[t + 1].kind == text::TokenKind::kWord) {
        const std::string_view next = seg.tokens[t + 1].span.in(text);
        if (!next.empty() && next[0] >= 'A' && next[0] <= 'Z' &&
            seg.tokens[t + 1].span.begin == tok.span.end + 1) {
          joined.assign(word);
          joined += ' ';
          joined.append(next);
          p = places.Find(joined);
          if (p != nullptr) {
            used = 2;
            span = {tok.span.begin, seg.tokens[t + 1].span.end};
          }
        }
      }
      if (p == nullptr) p = places.Find(word);
      if (p == nullptr) {
        const size_t dash = word.find('-');
        if (dash != std::string_view::npos && dash >= 3) {
          p = places.Find(word.substr(0, dash));
          span = {tok.span.begin, tok.span.begin + static_cast<uint32_t>(dash)};
        }
      }
      if (p == nullptr || p->country.empty()) continue;
      if (p->kind == Place::Kind::kSubdivision) continue;  // only the extractor's places
      const std::string code = p->country;
      Builder& b = builder_for("@" + code);
      if (!b.place) {
        b.place = true;
        b.entity.code = code;
        b.entity.country = code;
      }
      ++b.kind_votes[static_cast<int>(EntityKind::kPlace)];
      count_mention(b, a, span, span.in(text));
      t += used - 1;
    }
  }

  std::vector<StoryEntity> out;
  std::vector<uint32_t> builder_of;  // per entry of `out`
  out.reserve(builders.size());
  for (uint32_t bi = 0; bi < builders.size(); ++bi) {
    Builder& b = builders[bi];
    if (b.per_article.empty()) continue;  // entities that were never mentioned
    StoryEntity& e = b.entity;
    // Kind: the most voted of person, organisation, place; other when none.
    int best = static_cast<int>(EntityKind::kOther);
    uint32_t votes = 0;
    for (int k = 0; k < 3; ++k) {
      if (b.kind_votes[k] > votes) {
        best = k;
        votes = b.kind_votes[k];
      }
    }
    e.kind = static_cast<EntityKind>(best);
    if (b.place) e.kind = EntityKind::kPlace;
    // Name.
    if (b.place) {
      // The iso-codes name when the story writes it; else the story's most used full form.
      const Place* iso = gaz.FindCode(e.code);
      std::string name;
      uint32_t count = 0;
      for (const auto& [form, c] : b.forms) {
        const std::string_view f = StripPossessive(form);
        if (Acronym(f) || AllCaps(f)) continue;
        const Place* p = FindPlace(f);
        if (p == nullptr || p->kind == Place::Kind::kDemonym) continue;
        if (PlaceCode(*p) != e.code) continue;
        if (iso != nullptr && f == iso->name) {
          name = iso->name;
          break;
        }
        if (c > count) {
          name.assign(f);
          count = c;
        }
      }
      if (name.empty() && iso != nullptr) name = iso->name;
      if (name.empty() && !b.names.empty()) name = b.names.begin()->first;
      if (name.empty() && !b.forms.empty()) name = b.forms.begin()->first;
      e.name = name;
    } else {
      // The most used name (all capitals only when nothing else: "REUTERS"); for a person,
      // among the names of two words or more when there is one ("Tokayev" -> the full name).
      std::string name;
      uint32_t count = 0;
      bool full = false;
      for (const auto& [candidate, c] : b.names) {
        const bool caps = AllCaps(candidate) && candidate.size() > 5;
        const uint32_t weight = caps ? 0 : c;
        const bool cand_full = b.person && SplitWords(candidate).size() >= 2;
        if (name.empty() || cand_full > full ||
            (cand_full == full &&
             (weight > count || (weight == count && candidate.size() > name.size())))) {
          name = candidate;
          count = weight;
          full = cand_full;
        }
      }
      e.name = name;
    }
    // Role.
    uint32_t role_votes = 0;
    for (const auto& [r, c] : b.roles) {
      if (c <= role_votes) continue;
      role_votes = c;
      const size_t p1 = r.find('|'), p2 = r.find('|', p1 + 1);
      e.role = r.substr(0, p1);
      if (!b.place) e.country = r.substr(p1 + 1, p2 - p1 - 1);
      e.former = r.substr(p2 + 1) == "1";
    }
    // Forms, most used first.
    for (const auto& [f, c] : b.forms) e.forms.push_back({f, c});
    std::stable_sort(e.forms.begin(), e.forms.end(),
                     [](const EntityForm& x, const EntityForm& y) { return x.count > y.count; });
    std::vector<std::string_view> outlets;
    for (const auto& [article, in] : b.per_article) {
      e.articles.push_back(in);
      outlets.push_back(story.articles[article].source);
    }
    std::sort(outlets.begin(), outlets.end());
    e.sources =
        static_cast<uint32_t>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
    out.push_back(std::move(e));
    builder_of.push_back(bi);
  }
  std::vector<uint32_t> order(out.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t xi, uint32_t yi) {
    const StoryEntity& x = out[xi];
    const StoryEntity& y = out[yi];
    if (x.articles.size() != y.articles.size()) return x.articles.size() > y.articles.size();
    if (x.mentions != y.mentions) return x.mentions > y.mentions;
    return x.name < y.name;
  });
  std::vector<StoryEntity> sorted;
  sorted.reserve(out.size());
  std::vector<int32_t> final_of_builder(builders.size(), -1);
  for (uint32_t i : order) {
    final_of_builder[builder_of[i]] = static_cast<int32_t>(sorted.size());
    sorted.push_back(std::move(out[i]));
  }
  if (doc_to_story != nullptr) {
    for (std::vector<int32_t>& doc : *doc_to_story) {
      for (int32_t& x : doc) x = x >= 0 ? final_of_builder[x] : -1;
    }
  }
  return sorted;
}

}  // namespace witness::compare::internal
