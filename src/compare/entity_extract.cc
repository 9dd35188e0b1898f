// EntityIndex: name chunks, their classes, entities with canonical names, learned roles.
#include "compare/entity_extract.h"

#include <algorithm>

namespace witness::quotes::internal {
namespace {

constexpr uint32_t kFunctionCats =
    kPronoun | kDeterminer | kClauseWord | kConjunction | kPreposition | kAux | kStarter;

std::string LowerKey(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x99 ||
         static_cast<unsigned char>(w[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  return out;
}

// "Putin's" -> "Putin", "Jones'" -> "Jones".
std::string_view StripPossessive(std::string_view w) {
  if (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) {
    return w.substr(0, w.size() - 2);
  }
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.substr(0, w.size() - 4);
  if (w.size() > 1 && w.back() == '\'') return w.substr(0, w.size() - 1);
  return w;
}

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s->find(from, pos)) != std::string::npos) {
    s->replace(pos, from.size(), to);
    pos += to.size();
  }
}

// Nouns for a kind of company or organisation, which a name standing right after them
// ("the pollster Kvist Analyse") is an instance of. Not "group" or "party" (a group of
// people, a party of people), and none that also names a person's job ("operator", "carrier").
bool IsCompanyNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "agency",   "airline",      "bank",        "broadcaster", "carmaker",
      "company",  "conglomerate", "consultancy", "firm",        "insurer",
      "lender",   "manufacturer", "newspaper",   "pollster",    "publisher",
      "retailer", "startup",      "start-up",    "supermarket", "tabloid",
  };
  for (std::string_view n : kNouns) {
    if (w == n) return true;
  }
  return false;
}

}  // namespace

std::string EntityIndex::Key(std::string_view name) {
  std::string k = LowerKey(name);
  ReplaceAll(&k, "\xE2\x80\x99", "'");  // "Dockworkers’ Union" = "Dockworkers' Union"
  if (k.size() > 2 && k.compare(k.size() - 2, 2, "'s") == 0) k.resize(k.size() - 2);
  ReplaceAll(&k, "isation", "ization");
  ReplaceAll(&k, "defence", "defense");
  ReplaceAll(&k, "centre", "center");
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  return k;
}

EntityIndex::EntityIndex(const Doc& doc, const Gazetteer& gazetteer) : doc_(doc), gaz_(gazetteer) {}

bool EntityIndex::IsInitialPosition(uint32_t t) const {
  if (doc_.toks[t].Has(kSentStart)) return true;
  if (t == 0) return true;
  const Tok& p = doc_.toks[t - 1];
  if (p.kind != text::TokenKind::kPunct) return false;
  if (p.Has(kOpenParen | kColon | kDashPunct)) return true;
  const char32_t c = doc_.Punct(t - 1);
  return c == '"' || c == 0x201C || c == 0x2018 || c == '\'' || c == 0x00AB || c == 0x201E;
}

bool EntityIndex::IsNameTok(uint32_t t, bool initial) const {
  const Tok& k = doc_.toks[t];
  if (!k.Has(kCapital) || k.Has(kHyphenLower)) return false;
  if (k.Is(kTime | kFunctionCats) && !k.Is(kTitle)) {
    // "Will Doyle", "May Smith": a capitalised function word inside a sentence before a name.
    const bool before_name = !initial && t + 1 < doc_.toks.size() &&
                             doc_.toks[t + 1].Has(kCapital) && doc_.toks[t].Is(kAux | kTime) &&
                             !doc_.toks[t + 1].Is(kTime | kFunctionCats);
    if (!before_name) return false;
  }
  // Contractions are not names: "I've", "We're", "Don't" (but "O'Brien", "D'Souza" are).
  const std::string_view w = doc_.Str(t);
  size_t apos = w.find('\'');
  size_t alen = 1;
  if (apos == std::string_view::npos) {
    apos = w.find("\xE2\x80\x99");
    alen = 3;
  }
  if (apos != std::string_view::npos) {
    const std::string_view tail = w.substr(apos + alen);
    if (tail == "ve" || tail == "ll" || tail == "re" || tail == "d" || tail == "m" || tail == "t")
      return false;
  }
  // "Here's", "That's": a function word with 's.
  if (const LexEntry* lex = PossessiveBase(t);
      lex != nullptr && (lex->cats & kFunctionCats) && !(lex->cats & kTitle)) {
    return false;
  }
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() && w.substr(w.size() - suf.size()) == suf;
  };
  if (ends("n't") || ends("n\xE2\x80\x99t")) return false;
  return true;
}

const LexEntry* EntityIndex::PossessiveBase(uint32_t t) const {
  if (!doc_.toks[t].Has(kPossessive)) return nullptr;
  char buf[32];
  const std::string_view base = LowerAscii(StripPossessive(doc_.Str(t)), buf, sizeof(buf));
  return base.empty() ? nullptr : Lookup(base);
}

bool EntityIndex::WordIs(uint32_t t, uint32_t cats) const {
  if (doc_.toks[t].Is(cats)) return true;
  const LexEntry* lex = PossessiveBase(t);
  return lex != nullptr && (lex->cats & cats) != 0;
}

bool EntityIndex::AnyOrgKeyword(uint32_t first, uint32_t last) const {
  for (uint32_t i = first; i <= last; ++i) {
    if (doc_.toks[i].Is(kOrgKeyword)) return true;
  }
  return false;
}

bool EntityIndex::OrgNameAt(uint32_t t, uint32_t sent_end) const {
  for (uint32_t i = t; i < sent_end && i < t + 5 && IsNameTok(i, false); ++i) {
    if (doc_.toks[i].Is(kOrgKeyword)) return true;
  }
  return false;
}

const Place* EntityIndex::PlaceOf(uint32_t first, uint32_t last) const {
  std::string key = Key(CoreText(first, last));
  // Short all-caps aliases ("US", "UK") only in capitals: "Us" is a pronoun.
  if (key.size() <= 3 &&
      !(doc_.toks[first].Has(kAllCaps) || doc_.Str(first).find('.') != std::string_view::npos)) {
    return nullptr;
  }
  return gaz_.Find(key);
}

std::string EntityIndex::CountryOf(uint32_t t) const {
  const Tok& k = doc_.toks[t];
  if (k.kind != text::TokenKind::kWord || !k.Has(kCapital)) return "";
  // Cached per token: the lookup lower-cases and hashes, and callers ask often.
  if (country_cache_.size() != doc_.toks.size()) country_cache_.assign(doc_.toks.size(), nullptr);
  static const std::string kNone;
  if (country_cache_[t] != nullptr) return *country_cache_[t];
  const std::string* result = &kNone;
  std::string key = Key(StripPossessive(doc_.Str(t)));
  if (!(key.size() <= 3 && !k.Has(kAllCaps) && doc_.Str(t).find('.') == std::string_view::npos)) {
    const Place* p = gaz_.Find(key);
    if (p != nullptr && p->kind != Place::Kind::kSubdivision) result = &p->country;
  }
  country_cache_[t] = result;
  return *result;
}

std::string EntityIndex::Initials(uint32_t first, uint32_t last) const {
  std::string s;
  for (uint32_t k = first; k <= last; ++k) {
    if (doc_.toks[k].Is(kConnector) || doc_.toks[k].Is(kDeterminer)) continue;
    if (doc_.toks[k].kind != text::TokenKind::kWord) continue;  // "Dockworkers' Union"
    const std::string_view w = doc_.Str(k);
    if (!w.empty()) s += static_cast<char>(w[0] >= 'A' && w[0] <= 'Z' ? w[0] + 32 : w[0]);
  }
  return s;
}

std::string EntityIndex::CoreText(uint32_t first, uint32_t last) const {
  std::string s(doc_.Str(first, last));
  // Strip a possessive from the last word.
  std::string_view lw = doc_.Str(last);
  std::string_view stripped = StripPossessive(lw);
  if (stripped.size() != lw.size()) s.resize(s.size() - (lw.size() - stripped.size()));
  // Collapse inner whitespace (names split over a line break).
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

void EntityIndex::CutChunks() {
  const auto& toks = doc_.toks;
  chunk_of_.assign(toks.size(), -1);
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t t = 0;
  while (t < n) {
    const bool initial = IsInitialPosition(t);
    if (!IsNameTok(t, initial)) {
      ++t;
      continue;
    }
    const uint32_t sent_end = doc_.SentEnd(t);
    NameChunk c;
    c.first = t;
    uint32_t j = t;
    while (true) {
      if (toks[j].Has(kPossessive)) break;  // "Russia's President" is two chunks
      uint32_t next = j + 1;
      if (toks[j].Has(kInitial) && next < sent_end && doc_.Punct(next) == '.') ++next;
      if (next >= sent_end) break;
      // A token must follow without a line break in between ("Name\nName" are two lines).
      if (doc_.text.substr(toks[j].span.end, toks[next].span.begin - toks[j].span.end).find('\n') !=
          std::string_view::npos) {
        break;
      }
      if (IsNameTok(next, false)) {
        j = next;
        continue;
      }
      // A plural possessive inside an organisation's name: "Harlsund Dockworkers' Union",
      // "Workers’ Party" (the apostrophe is a token of its own, glued to the word).
      if (next + 1 < sent_end && (doc_.Punct(next) == '\'' || doc_.Punct(next) == 0x2019) &&
          toks[next].span.begin == toks[j].span.end) {
        const std::string_view w = doc_.Str(j);
        if (!w.empty() && (w.back() == 's' || w.back() == 'S') && toks[next + 1].Is(kOrgKeyword) &&
            IsNameTok(next + 1, false)) {
          j = next + 1;
          continue;
        }
      }
      // Connectors between capitalised words: "Bank of America", "Council of the X".
      if (toks[next].Is(kConnector) && next + 1 < sent_end) {
        uint32_t after = next + 1;
        if (doc_.Str(next) == "of" && after < sent_end && doc_.Str(after) == "the") ++after;
        if (after < sent_end && IsNameTok(after, false) && !toks[after].Is(kTitle)) {
          // "Anton Brisk of the Ostrevian Labour Alliance": a name of two or more words
          // without an organisation keyword, "of", then an organisation are two names.
          if (doc_.Str(next) == "of" && j > c.first && !AnyOrgKeyword(c.first, j) &&
              OrgNameAt(after, sent_end)) {
            break;
          }
          j = after;
          continue;
        }
      }
      break;
    }
    c.last = j;
    // A possessive determiner is no part of a name: "His Civic Union", "Their Party".
    if (c.first < c.last) {
      char buf[8];
      const std::string_view w = LowerAscii(doc_.Str(c.first), buf, sizeof(buf));
      if (w == "his" || w == "her" || w == "its" || w == "their" || w == "our" || w == "my" ||
          w == "your") {
        ++c.first;
      }
    }
    // At the start of a sentence a verb may be capitalised: "Using Internet ...".
    if (initial && c.first < c.last && !toks[c.first].Is(kTitle)) {
      const std::string_view w = doc_.Str(c.first);
      if (toks[c.first].Is(kCue) || (w.size() > 4 && w.substr(w.size() - 3) == "ing")) ++c.first;
    }
    // A lone capitalised word at the start of a sentence is an ordinary word unless
    // something marks it as a name: it stays provisional (Build keeps it only when it names a
    // known entity or speaks).
    c.provisional = c.first == c.last && IsInitialPosition(c.first) &&
                    !toks[c.first].Has(kPossessive | kAllCaps) && !toks[c.first].Is(kTitle);
    Classify(&c);
    const int32_t idx = static_cast<int32_t>(chunks_.size());
    for (uint32_t k = c.first; k <= c.last; ++k) chunk_of_[k] = idx;
    chunks_.push_back(c);
    t = j + 1;
  }
}

void EntityIndex::Classify(NameChunk* c) {
  const auto& toks = doc_.toks;
  bool titled = false;
  c->core_first = CoreStart(c->first, c->last, &titled);
  // Organisation keywords anywhere in the name (after any title): "Executive Office of the
  // President" is an office even though "Executive" can open a title.
  for (uint32_t i = c->core_first; i <= c->last; ++i) {
    if (WordIs(i, kOrgKeyword)) {
      c->kind = EntityKind::kOrganization;
      return;
    }
  }
  if (titled && c->core_first <= c->last) {
    c->kind = EntityKind::kPerson;
    return;
  }
  // A name before a lower-case "party" is the party: "the opposition Green Coast party".
  if (c->last + 1 < toks.size() && !toks[c->last + 1].Has(kCapital) &&
      doc_.Str(c->last + 1) == "party") {
    c->kind = EntityKind::kOrganization;
    return;
  }
  // A name right after a lower-case noun for a kind of company names that company: "the
  // Velmora firm Kvist Analyse", "polling company Norstat", "the carmaker Quillon".
  if (c->first > 0 && !toks[c->first - 1].Has(kCapital) && IsCompanyNoun(doc_.Str(c->first - 1))) {
    c->kind = EntityKind::kOrganization;
    return;
  }
  const Place* place = PlaceOf(c->core_first, c->last);
  if (place != nullptr) {
    c->kind = place->kind == Place::Kind::kDemonym ? EntityKind::kOther : EntityKind::kPlace;
    return;
  }
  if (c->core_first == c->last && toks[c->last].Has(kAllCaps)) {
    // An acronym: two to five capitals, five only with at most one vowel ("UNHCR", not
    // "PHOTO" or a dateline "MOSCOW").
    const std::string_view word = StripPossessive(doc_.Str(c->last));
    const size_t len = word.size();
    size_t vowels = 0;
    for (char ch : word) vowels += ch == 'A' || ch == 'E' || ch == 'I' || ch == 'O' || ch == 'U';
    if (len >= 2 && (len <= 4 || (len == 5 && vowels <= 1))) {
      c->kind = EntityKind::kOrganization;
      c->acronym = true;
      c->weak = true;
      return;
    }
  }
  const uint32_t words = c->last - c->core_first + 1;
  if (words >= 2 && words <= 4) {
    for (uint32_t i = c->core_first; i <= c->last; ++i) {
      if (toks[i].Has(kAllCaps) || !CountryOf(i).empty()) return;  // "Central Asian": no
      if (WordIs(i, kNotPersonWord)) return;  // "Glide Plus", "Harlsund North", "Coast’s"
    }
    c->kind = EntityKind::kPerson;
    c->weak = true;
  }
}

uint32_t EntityIndex::CoreStart(uint32_t first, uint32_t last, bool* titled) const {
  const auto& toks = doc_.toks;
  // Leading titles, demonyms, countries and "former": "Kazakh President", "Mr",
  // "U.S. Secretary of State".
  uint32_t k = first;
  *titled = false;
  while (k < last) {
    const Tok& tk = toks[k];
    if (tk.Is(kTitle) || tk.Is(kFormer)) {
      *titled = *titled || tk.Is(kTitle);
      ++k;
      // "Secretary of State": the connector and its word belong to the title.
      if (*titled && k + 1 < last && doc_.Str(k) == "of") {
        ++k;
        if (k + 1 < last && toks[k].Is(kDeterminer)) ++k;
        ++k;
      }
      continue;
    }
    if (!*titled && k + 1 <= last && !CountryOf(k).empty() && toks[k + 1].Is(kTitle)) {
      ++k;
      continue;
    }
    break;
  }
  if (*titled) return k;
  // A title inside: "Atlantic City Mayor Don Guardian", "White House Press Secretary Josh
  // Earnest": the name is what follows the last title (one to three words).
  for (uint32_t m = last; m-- > first;) {
    if (!toks[m].Is(kTitle) || toks[m].Is(kOrgKeyword)) continue;
    if (last - m > 3) break;
    for (uint32_t j = m + 1; j <= last; ++j) {
      if (toks[j].Is(kOrgKeyword | kConnector)) return first;
    }
    *titled = true;
    return m + 1;
  }
  return first;
}

int32_t EntityIndex::NewEntity(std::string name, EntityKind kind) {
  Entity e;
  e.name = std::move(name);
  e.kind = kind;
  entities_.push_back(std::move(e));
  facts_.emplace_back();
  last_seen_.push_back(0);
  weak_.push_back(0);
  return static_cast<int32_t>(entities_.size() - 1);
}

void EntityIndex::LearnRole(int32_t e, uint8_t role, const std::string& country, bool former) {
  if (e < 0 || role == 0) return;
  EntityFacts& f = facts_[e];
  // A current role beats a former one; a role with a country beats one without.
  if (f.role != 0 && !f.former && former) return;
  if (f.role != 0 && !f.country.empty() && country.empty() && f.former == former) return;
  f.role = role;
  f.country = country;
  f.former = former;
  entities_[e].role = std::string(RoleName(role));
  entities_[e].country = country;
  entities_[e].former = former;
}

void EntityIndex::Build() {
  CutChunks();
  const auto& toks = doc_.toks;
  // Pass A: full forms (two or more words) and organisations, places, acronyms.
  for (NameChunk& c : chunks_) {
    const uint32_t words = c.last - c.core_first + 1;
    if (c.core_first > c.last) continue;
    const std::string core = CoreText(c.core_first, c.last);
    if (c.kind == EntityKind::kPlace) {
      const Place* p = PlaceOf(c.core_first, c.last);
      const std::string key = "@" + p->code;
      auto it = by_key_.find(key);
      c.entity = it != by_key_.end() ? it->second
                                     : (by_key_[key] = NewEntity(p->name, EntityKind::kPlace));
      entities_[c.entity].country = p->country;
      continue;
    }
    if (c.kind == EntityKind::kOrganization) {
      // "Long Name (ACRO)": the acronym names the same organisation when its letters are
      // the initials of the name or of its tail ("Council of the Collective Security Treaty
      // Organization (CSTO)": the tail is the CSTO, and the name).
      uint32_t from = c.core_first;
      std::string acro;
      if (!c.acronym && c.last + 3 < toks.size() && toks[c.last + 1].Has(kOpenParen) &&
          toks[c.last + 2].Has(kAllCaps) && toks[c.last + 3].Has(kCloseParen)) {
        acro = Key(doc_.Str(c.last + 2));
        uint32_t f = c.core_first;
        while (f <= c.last && (toks[f].Is(kConnector | kDeterminer) || Initials(f, c.last) != acro))
          ++f;
        if (f <= c.last) {
          from = f;
        } else {
          acro.clear();
        }
      }
      const std::string name = CoreText(from, c.last);
      const std::string key = Key(name);
      auto it = by_key_.find(key);
      c.entity = it != by_key_.end() ? it->second : (by_key_[key] = NewEntity(name, c.kind));
      if (!acro.empty() && by_key_.find(acro) == by_key_.end()) by_key_[acro] = c.entity;
      // A company of two words whose second is its kind ("Quillon Mobility", "Tata Motors",
      // "Deutsche Bank") is also named by its first word alone ("Quillon said").
      if (from + 1 == c.last && toks[c.last].Is(kOrgKeyword) &&
          !toks[from].Is(kOrgKeyword | kTitle | kConnector | kDeterminer) &&
          CountryOf(from).empty()) {
        by_key_.emplace(Key(StripPossessive(doc_.Str(from))), c.entity);
      }
      continue;
    }
    if (c.kind == EntityKind::kPerson && words >= 2) {
      const std::string key = Key(core);
      auto it = by_key_.find(key);
      if (it != by_key_.end()) {
        c.entity = it->second;
        if (!c.weak) weak_[c.entity] = false;
      } else {
        c.entity = by_key_[key] = NewEntity(core, EntityKind::kPerson);
        weak_[c.entity] = c.weak;
        EntityFacts& f = facts_[c.entity];
        f.surname = Key(StripPossessive(doc_.Str(c.last)));
        f.first = Key(doc_.Str(c.core_first));
        f.words = words;
        by_surname_[f.surname].push_back(c.entity);
        by_first_[f.first].push_back(c.entity);
      }
    }
  }
  // Middle names: "Hillary Rodham Clinton" and "Hillary Clinton" are one person.
  std::vector<int32_t> redirect(entities_.size(), -1);
  for (size_t e = 0; e < entities_.size(); ++e) {
    EntityFacts& f = facts_[e];
    if (entities_[e].kind != EntityKind::kPerson || f.words < 3) continue;
    auto it = by_key_.find(f.first + " " + f.surname);
    if (it == by_key_.end() || it->second == static_cast<int32_t>(e)) continue;
    const int32_t shorter = it->second;
    if (redirect[shorter] >= 0) continue;
    redirect[shorter] = static_cast<int32_t>(e);
    it->second = static_cast<int32_t>(e);
  }
  // Drop the merged shorter forms from the surname and first-name lists (one pass each).
  auto drop = [&](std::unordered_map<std::string, std::vector<int32_t>>* lists) {
    for (auto& [key, list] : *lists) {
      list.erase(
          std::remove_if(list.begin(), list.end(), [&](int32_t x) { return redirect[x] >= 0; }),
          list.end());
    }
  };
  drop(&by_surname_);
  drop(&by_first_);
  for (NameChunk& c : chunks_) {
    if (c.entity >= 0 && redirect[c.entity] >= 0) c.entity = redirect[c.entity];
  }
  // Pass B, in text order: single names, mentions, the timeline, roles.
  for (NameChunk& c : chunks_) {
    if (c.core_first > c.last) continue;  // a title alone ("President"): a description
    if (c.entity < 0) {
      // "Putin said" names someone; "Sources said", "Officials told" (plurals) do not.
      const std::string_view word = doc_.Str(c.last);
      const bool cue_next = c.last + 1 < toks.size() && toks[c.last + 1].Is(kCue) &&
                            !(c.provisional && !word.empty() && word.back() == 's');
      const bool evidence = (c.kind != EntityKind::kOther && !c.provisional) ||
                            (c.provisional && (cue_next || c.kind == EntityKind::kPlace));
      c.entity = ResolveName(c.first, c.last, c.first, evidence);
      if (c.entity >= 0 && c.kind == EntityKind::kOther) c.kind = entities_[c.entity].kind;
    } else {
      last_seen_[c.entity] = c.first;
      entities_[c.entity].mentions++;
    }
    if (c.entity < 0) continue;
    Entity& e = entities_[c.entity];
    const std::string form = CoreText(c.first, c.last);
    if (form != e.name && std::find(e.aliases.begin(), e.aliases.end(), form) == e.aliases.end() &&
        e.aliases.size() < 16) {
      e.aliases.push_back(form);
    }
    mentions_.push_back({{toks[c.first].span.begin, toks[c.last].span.end},
                         c.entity,
                         c.acronym ? MentionForm::kAcronym : MentionForm::kName});
    if (e.kind == EntityKind::kPerson) {
      const bool salient = c.first <= doc_.SentFirst(c.first) + 1 ||
                           (c.last + 1 < toks.size() && toks[c.last + 1].Is(kCue));
      timeline_.push_back({c.first, c.entity, salient});
      for (uint32_t k = c.first; k < c.core_first; ++k) {
        if (toks[k].Is(kMale)) facts_[c.entity].gender = 1;
        if (toks[k].Is(kFemale)) facts_[c.entity].gender = 2;
      }
    }
    LearnFromContext(c);
  }
}

void EntityIndex::Finish(const std::vector<uint8_t>& spoke) {
  // Two capitalised words are a person only with some support: a title, a role, a second
  // mention, or speech. Others ("Saturday Night", "Dear Reader") become kOther.
  for (size_t e = 0; e < entities_.size(); ++e) {
    Entity& en = entities_[e];
    if (en.kind != EntityKind::kPerson || !weak_[e]) continue;
    if (en.mentions >= 2 || facts_[e].role != 0 || (e < spoke.size() && spoke[e])) continue;
    en.kind = EntityKind::kOther;
  }
}

int32_t EntityIndex::ResolveName(uint32_t first, uint32_t last, uint32_t at, bool speaker) {
  const auto& toks = doc_.toks;
  bool titled = false;
  const uint32_t core = CoreStart(first, last, &titled);
  int32_t e = -1;
  const std::string name = CoreText(core, last);
  const std::string key = Key(name);
  auto pick = [&](const std::vector<int32_t>& cands) {
    int32_t best = -1;
    uint32_t best_seen = 0;
    for (size_t i = 0; i < cands.size() && i < 64; ++i) {
      const int32_t c = cands[i];
      if (last_seen_[c] <= at && entities_[c].mentions > 0 &&
          (best < 0 || last_seen_[c] >= best_seen)) {
        best = c;
        best_seen = last_seen_[c];
      }
    }
    return best >= 0 ? best : cands.front();
  };
  auto it = by_key_.find(key);
  if (it != by_key_.end()) {
    e = it->second;
  } else if (core == last) {
    auto s = by_surname_.find(key);
    if (s != by_surname_.end() && !s->second.empty()) {
      e = pick(s->second);
    } else if (auto f = by_first_.find(key);
               f != by_first_.end() && !f->second.empty() && !titled) {
      e = pick(f->second);
    }
  }
  if (e < 0) {
    const int32_t chunk = ChunkAt(first);
    const EntityKind kind = chunk >= 0 ? chunks_[chunk].kind : EntityKind::kOther;
    if (!speaker && !titled && kind == EntityKind::kOther) return -1;
    // Something that speaks is a person, unless its name says it is a place or product:
    // then it is an organisation ("Green Coast said": a party).
    EntityKind k = titled || kind == EntityKind::kOther ? EntityKind::kPerson : kind;
    if (!titled && kind == EntityKind::kOther) {
      for (uint32_t i = core; i <= last; ++i) {
        if (toks[i].Is(kNotPersonWord)) k = EntityKind::kOrganization;
      }
    }
    e = by_key_[key] = NewEntity(name, k);
    if (k == EntityKind::kPerson) {
      EntityFacts& f = facts_[e];
      f.surname = key;
      f.words = 1;
      if (core == last) by_surname_[key].push_back(e);
    }
  }
  last_seen_[e] = std::max(last_seen_[e], at);
  entities_[e].mentions++;
  return e;
}

// Roles from titles ("Kazakh President Kassym-Jomart Tokayev", "Russia's President Vladimir
// Putin", "Kazakhstan's president Kassym-Jomart Tokayev") and appositions ("Kassym-Jomart
// Tokayev, Kazakhstan's president,").
void EntityIndex::LearnFromContext(const NameChunk& c) {
  const auto& toks = doc_.toks;
  if (c.entity < 0 || entities_[c.entity].kind != EntityKind::kPerson) return;
  const uint32_t sent_first = doc_.SentFirst(c.first);
  uint8_t role = 0;
  std::string country;
  bool former = false;
  // Titles inside the chunk.
  for (uint32_t k = c.first; k < c.core_first; ++k) {
    if (toks[k].Is(kFormer)) former = true;
    if (toks[k].Is(kTitle) && toks[k].lex->role != 0) {
      role = toks[k].lex->role;
      char b1[32], b2[32];
      if (k > c.first) {
        const uint8_t two =
            TwoWordRole(LowerAscii(doc_.Str(k - 1), b1, 32), LowerAscii(doc_.Str(k), b2, 32));
        if (two != 0) role = two;
      }
    }
    if (country.empty()) country = CountryOf(k);
  }
  // Lower-case roles just before: "Kazakhstan's president Kassym-Jomart Tokayev".
  uint32_t b = c.first;
  if (role == 0 && b > sent_first && toks[b - 1].Is(kRole | kTitle) &&
      toks[b - 1].Has(kLowerStart)) {
    role = toks[b - 1].lex->role;
    --b;
  }
  // What stands before the title: a possessive country, a demonym, "former".
  for (int back = 0; back < 3 && b > sent_first; ++back) {
    const uint32_t p = b - 1;
    if (toks[p].Is(kFormer)) {
      former = true;
    } else if (country.empty() && !CountryOf(p).empty()) {
      country = CountryOf(p);
    } else if (!toks[p].Is(kDeterminer)) {
      break;
    }
    b = p;
  }
  if (role != 0) LearnRole(c.entity, role, country, former);
  // Apposition: NAME , [det] [former] [COUNTRY's|demonym] ROLE [of COUNTRY] ,
  if (c.last + 2 < toks.size() && toks[c.last + 1].Has(kComma)) {
    const uint32_t end = std::min<uint32_t>(doc_.SentEnd(c.last), c.last + 10);
    uint8_t arole = 0;
    std::string acountry;
    bool aformer = false;
    for (uint32_t k = c.last + 2; k < end; ++k) {
      const Tok& tk = toks[k];
      if (tk.Has(kComma) || tk.Has(kTerminal) || tk.Is(kClauseWord)) break;
      if (tk.Is(kFormer)) aformer = true;
      if (acountry.empty()) acountry = CountryOf(k);
      if (tk.Is(kRole | kTitle) && tk.lex->role != 0 && arole == 0) {
        arole = tk.lex->role;
        char b1[32], b2[32];
        if (k > c.last + 2) {
          const uint8_t two =
              TwoWordRole(LowerAscii(doc_.Str(k - 1), b1, 32), LowerAscii(doc_.Str(k), b2, 32));
          if (two != 0) arole = two;
        }
      }
    }
    if (arole != 0) LearnRole(c.entity, arole, acountry, aformer);
  }
}

}  // namespace witness::quotes::internal
