// The cue-verb table and the function words of speaker detection, and the lookup table that
// joins them with the entity words of entity_lexicon.cc.
#include "compare/speaker_lexicon.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

namespace witness::quotes::internal {
namespace {

// One cue verb: its lemma, its forms, and how it attributes. Forms: past (also the past
// participle unless given), third person singular, -ing. `extra` lists other forms
// separated by spaces (irregular participles, spelling variants).
struct CueRow {
  const char* lemma;
  const char* past;
  const char* third;
  const char* ing;
  uint8_t flags;  // kInvert | kClause | kThatClause | kObject | kQuoteOnly (for finite forms)
  const char* extra;
};

constexpr uint8_t I = kInvert, C = kClause, T = kThatClause, O = kObject, Q = kQuoteOnly;

// Verbs that introduce what someone said, wrote or thought. The data here is the whole
// lexicon; add a row to teach a new cue.
constexpr CueRow kCueRows[] = {
    {"say", "said", "says", "saying", I | C | T, ""},
    {"tell", "told", "tells", "telling", O | C | T, ""},
    {"add", "added", "adds", "adding", I | T | C, ""},
    {"write", "wrote", "writes", "writing", I | T, "written"},
    {"tweet", "tweeted", "tweets", "tweeting", I | T, ""},
    {"post", "posted", "posts", "posting", T, ""},
    {"ask", "asked", "asks", "asking", I | O, ""},
    {"reply", "replied", "replies", "replying", I | T, ""},
    {"respond", "responded", "responds", "responding", I | T, ""},
    {"answer", "answered", "answers", "answering", I | T, ""},
    {"continue", "continued", "continues", "continuing", I, ""},
    {"explain", "explained", "explains", "explaining", I | T, ""},
    {"note", "noted", "notes", "noting", I | T, ""},
    {"warn", "warned", "warns", "warning", I | T | O, ""},
    {"insist", "insisted", "insists", "insisting", I | T | C, ""},
    {"argue", "argued", "argues", "arguing", I | T | C, ""},
    {"claim", "claimed", "claims", "claiming", I | T | C, ""},
    {"state", "stated", "states", "stating", I | T, ""},
    {"declare", "declared", "declares", "declaring", I | T, ""},
    {"announce", "announced", "announces", "announcing", I | T, ""},
    {"vow", "vowed", "vows", "vowing", I | T, ""},
    {"promise", "promised", "promises", "promising", I | T, ""},
    {"pledge", "pledged", "pledges", "pledging", I | T, ""},
    {"admit", "admitted", "admits", "admitting", I | T | C, ""},
    {"acknowledge", "acknowledged", "acknowledges", "acknowledging", I | T, ""},
    {"concede", "conceded", "concedes", "conceding", I | T, ""},
    {"confirm", "confirmed", "confirms", "confirming", I | T, ""},
    {"deny", "denied", "denies", "denying", T, ""},
    {"report", "reported", "reports", "reporting", T, ""},
    {"recall", "recalled", "recalls", "recalling", I | T, ""},
    {"complain", "complained", "complains", "complaining", I | T, ""},
    {"contend", "contended", "contends", "contending", I | T | C, ""},
    {"assert", "asserted", "asserts", "asserting", I | T | C, ""},
    {"maintain", "maintained", "maintains", "maintaining", T, ""},
    {"suggest", "suggested", "suggests", "suggesting", I | T, ""},
    {"predict", "predicted", "predicts", "predicting", I | T | C, ""},
    {"stress", "stressed", "stresses", "stressing", I | T, ""},
    {"emphasise", "emphasised", "emphasises", "emphasising", I | T,
     "emphasize emphasized emphasizes emphasizing"},
    {"reiterate", "reiterated", "reiterates", "reiterating", I | T, ""},
    {"urge", "urged", "urges", "urging", I | O, ""},
    {"charge", "charged", "charges", "charging", I | T, ""},
    {"counter", "countered", "counters", "countering", I | T, ""},
    {"allege", "alleged", "alleges", "alleging", I | T | C, ""},
    {"testify", "testified", "testifies", "testifying", T, ""},
    {"conclude", "concluded", "concludes", "concluding", I | T, ""},
    {"observe", "observed", "observes", "observing", I | T, ""},
    {"remark", "remarked", "remarks", "remarking", I | T, ""},
    {"boast", "boasted", "boasts", "boasting", I | T, ""},
    {"brag", "bragged", "brags", "bragging", I | T, ""},
    {"quip", "quipped", "quips", "quipping", I | Q, ""},
    {"joke", "joked", "jokes", "joking", I | Q, ""},
    {"exclaim", "exclaimed", "exclaims", "exclaiming", I | Q, ""},
    {"shout", "shouted", "shouts", "shouting", I | Q, ""},
    {"yell", "yelled", "yells", "yelling", I | Q, ""},
    {"scream", "screamed", "screams", "screaming", I | Q, ""},
    {"chant", "chanted", "chants", "chanting", I | Q, ""},
    {"whisper", "whispered", "whispers", "whispering", I | Q, ""},
    {"muse", "mused", "muses", "musing", I | Q, ""},
    {"snap", "snapped", "snaps", "snapping", I | Q, ""},
    {"retort", "retorted", "retorts", "retorting", I | Q, ""},
    {"interject", "interjected", "interjects", "interjecting", I | Q, ""},
    {"call", "called", "calls", "calling", O | Q, ""},
    {"describe", "described", "describes", "describing", O | Q, ""},
    {"dub", "dubbed", "dubs", "dubbing", O | Q, ""},
    {"label", "labelled", "labels", "labelling", O | Q, "labeled labeling"},
    {"term", "termed", "terms", "terming", O | Q, ""},
    {"read", "read", "reads", "reading", Q, ""},
    {"cite", "cited", "cites", "citing", O | Q, ""},
    {"quote", "quoted", "quotes", "quoting", O | Q, ""},
    {"accuse", "accused", "accuses", "accusing", O | Q, ""},
    {"praise", "praised", "praises", "praising", O | Q, ""},
    {"blame", "blamed", "blames", "blaming", O | Q, ""},
    {"believe", "believed", "believes", "believing", T | C, ""},
    {"think", "thought", "thinks", "thinking", T | C, ""},
    {"estimate", "estimated", "estimates", "estimating", T, ""},
    {"reveal", "revealed", "reveals", "revealing", T, ""},
    {"disclose", "disclosed", "discloses", "disclosing", T, ""},
    {"agree", "agreed", "agrees", "agreeing", T, ""},
    {"demand", "demanded", "demands", "demanding", I | T, ""},
    {"threaten", "threatened", "threatens", "threatening", T, ""},
    {"fume", "fumed", "fumes", "fuming", I | Q, ""},
    {"scoff", "scoffed", "scoffs", "scoffing", I | Q, ""},
    {"lament", "lamented", "laments", "lamenting", I | T, ""},
    {"acknowledge", "acknowledged", "acknowledges", "acknowledging", I | T, ""},
    {"proclaim", "proclaimed", "proclaims", "proclaiming", I | T, ""},
    {"caution", "cautioned", "cautions", "cautioning", I | T, ""},
    {"advise", "advised", "advises", "advising", O, ""},
    {"inform", "informed", "informs", "informing", O, ""},
    {"assure", "assured", "assures", "assuring", O, ""},
};

struct WordCats {
  const char* words;  // space-separated
  uint32_t cats;
};

// Function words of speaker detection.
constexpr WordCats kFunctionWords[] = {
    {"he", kPronoun | kMale | kStarter},
    {"she", kPronoun | kFemale | kStarter},
    {"they", kPronoun | kPlural | kStarter},
    {"we", kPronoun | kPlural | kFirstPerson | kStarter},
    {"i", kPronoun | kFirstPerson | kStarter},
    {"it", kPronoun | kStarter},
    {"you", kPronoun | kStarter},
    {"him his", kMale},
    {"her hers", kFemale | kDeterminer},
    {"the a an this these those its their our my your", kDeterminer | kStarter},
    {"that", kDeterminer | kClauseWord | kStarter},
    {"whether if how why what when where who whom whose which", kClauseWord | kStarter},
    {"also later then again further previously earlier once repeatedly recently often just "
     "simply quickly reportedly publicly privately never not already still even only first "
     "finally since soon subsequently separately",
     kSkip},
    {"has had have would will could should may might must can did does do shall", kAux | kSkip},
    {"is was were been being are be am", kAux | kPassiveAux},
    {"in on at during for with from by after before over about into under between against "
     "through via without within amid among across toward towards than like as of to",
     kPreposition},
    {"and but or nor so yet while although though because however", kConjunction | kStarter},
    {"today yesterday tonight tomorrow week weekend month year night morning afternoon evening",
     kTime},
    {"there here not nothing everyone someone anyone", kStarter},
    {"some many most all both each every no any other another such one two three four five "
     "several few more less",
     kStarter | kQuantifier},
};

struct Table {
  std::unordered_map<std::string_view, LexEntry> map;
  std::deque<std::string> storage;
  std::vector<std::string> lemmas;
  std::vector<std::string> roles{""};
  uint16_t according_to = 0;
  struct Pair {
    std::string a, b;
    uint8_t role;
  };
  std::vector<Pair> pairs;  // two-word roles: "prime minister"

  uint16_t Lemma(std::string_view l) {
    for (size_t i = 0; i < lemmas.size(); ++i) {
      if (lemmas[i] == l) return static_cast<uint16_t>(i);
    }
    lemmas.emplace_back(l);
    return static_cast<uint16_t>(lemmas.size() - 1);
  }
  uint8_t Role(std::string_view r) {
    for (size_t i = 1; i < roles.size(); ++i) {
      if (roles[i] == r) return static_cast<uint8_t>(i);
    }
    roles.emplace_back(r);
    return static_cast<uint8_t>(roles.size() - 1);
  }
  LexEntry& Entry(std::string_view w) {
    auto it = map.find(w);
    if (it != map.end()) return it->second;
    storage.emplace_back(w);
    return map[storage.back()];
  }
  void AddWords(const char* words, uint32_t cats) {
    std::string_view s(words);
    while (!s.empty()) {
      const size_t sp = s.find(' ');
      std::string_view w = s.substr(0, sp);
      if (!w.empty()) Entry(w).cats |= cats;
      if (sp == std::string_view::npos) break;
      s.remove_prefix(sp + 1);
    }
  }
  void AddCue(std::string_view form, uint16_t lemma, uint8_t flags) {
    LexEntry& e = Entry(form);
    if (e.cats & kCue) return;  // the first row that names a form wins
    e.cats |= kCue;
    e.cue_lemma = lemma;
    e.cue_flags = flags;
  }
};

// Cue verbs whose base and -s forms are common nouns too: "media reports", "his claims".
bool IsNounToo(std::string_view lemma) {
  static constexpr std::string_view kNouns[] = {
      "report",  "claim",  "note",  "state",  "remark", "call",     "charge",  "promise", "demand",
      "answer",  "reply",  "quote", "tweet",  "post",   "estimate", "comment", "term",    "label",
      "counter", "pledge", "vow",   "joke",   "chant",  "shout",    "scream",  "whisper", "snap",
      "praise",  "blame",  "quip",  "stress", "retort", "caution",  "threat",  "muse",
  };
  for (std::string_view n : kNouns) {
    if (n == lemma) return true;
  }
  return false;
}

Table* BuildTable() {
  auto* t = new Table();
  t->Lemma("");  // id 0: none
  for (const CueRow& r : kCueRows) {
    const uint16_t lemma = t->Lemma(r.lemma);
    const uint8_t finite = r.flags;
    t->AddCue(r.past, lemma, finite);
    const bool noun = IsNounToo(r.lemma);
    t->AddCue(r.third, lemma, static_cast<uint8_t>(finite | (noun ? kNounForm : 0)));
    t->AddCue(r.lemma, lemma, static_cast<uint8_t>((finite & ~kInvert) | (noun ? kNounForm : 0)));
    t->AddCue(r.ing, lemma, static_cast<uint8_t>((finite & ~kInvert) | kParticiple));
    std::string_view extra(r.extra);
    while (!extra.empty()) {
      const size_t sp = extra.find(' ');
      std::string_view w = extra.substr(0, sp);
      const bool ing = w.size() > 3 && w.substr(w.size() - 3) == "ing";
      if (!w.empty()) {
        t->AddCue(w, lemma, ing ? static_cast<uint8_t>((finite & ~kInvert) | kParticiple) : finite);
      }
      if (sp == std::string_view::npos) break;
      extra.remove_prefix(sp + 1);
    }
  }
  // "according" is a cue only before "to"; the caller checks the next token.
  t->according_to = t->Lemma("according to");
  t->AddCue("according", t->according_to, 0);
  for (const WordCats& w : kFunctionWords) t->AddWords(w.words, w.cats);
  size_t n = 0;
  const WordRow* rows = EntityWordRows(&n);
  for (size_t i = 0; i < n; ++i) {
    LexEntry& e = t->Entry(rows[i].word);
    e.cats |= rows[i].cats;
    if (rows[i].role != nullptr) e.role = t->Role(rows[i].role);
  }
  struct PairRow {
    const char *a, *b, *role;
  };
  static constexpr PairRow kPairs[] = {
      {"prime", "minister", "prime minister"},     {"foreign", "minister", "foreign minister"},
      {"press", "secretary", "press secretary"},   {"vice", "president", "vice president"},
      {"supreme", "leader", "supreme leader"},     {"defence", "minister", "defence minister"},
      {"defense", "minister", "defence minister"}, {"interior", "minister", "interior minister"},
      {"finance", "minister", "finance minister"}, {"attorney", "general", "attorney general"},
      {"crown", "prince", "crown prince"},         {"head", "of", "head of state"},
      {"chief", "executive", "chief executive"},
  };
  for (const PairRow& p : kPairs) t->pairs.push_back({p.a, p.b, t->Role(p.role)});
  return t;
}

const Table& TheTable() {
  static const Table* table = BuildTable();
  return *table;
}

}  // namespace

namespace {

// The lookup table: open addressing over the words of Table::map, FNV-1a hashed. Words are
// short; this is several times faster than std::unordered_map with std::hash.
struct FastTable {
  static constexpr size_t kSlots = 4096;  // power of two, load < 0.3
  struct Slot {
    std::string_view word;
    const LexEntry* entry = nullptr;
  };
  std::vector<Slot> slots = std::vector<Slot>(kSlots);
  size_t max_len = 0;
  uint32_t first_len[128] = {};  // bit L set: some word starts with that byte and has length L

  static uint32_t Hash(std::string_view w) {
    uint32_t h = 2166136261u;
    for (unsigned char c : w) h = (h ^ c) * 16777619u;
    return h;
  }
};

const FastTable& TheFastTable() {
  static const FastTable* table = [] {
    auto* f = new FastTable();
    for (const auto& [word, entry] : TheTable().map) {
      size_t i = FastTable::Hash(word) & (FastTable::kSlots - 1);
      while (f->slots[i].entry != nullptr) i = (i + 1) & (FastTable::kSlots - 1);
      f->slots[i] = {word, &entry};
      f->max_len = std::max(f->max_len, word.size());
      const unsigned char c = static_cast<unsigned char>(word[0]);
      if (c < 128 && word.size() < 32) f->first_len[c] |= 1u << word.size();
    }
    return f;
  }();
  return *table;
}

}  // namespace

bool MaybeWord(char first_lower, size_t len) {
  const FastTable& t = TheFastTable();
  const unsigned char c = static_cast<unsigned char>(first_lower);
  return c < 128 && len < 32 && (t.first_len[c] >> len & 1u) != 0;
}

const LexEntry* Lookup(std::string_view lower_word) {
  const FastTable& t = TheFastTable();
  if (lower_word.size() > t.max_len || lower_word.empty()) return nullptr;
  size_t i = FastTable::Hash(lower_word) & (FastTable::kSlots - 1);
  while (t.slots[i].entry != nullptr) {
    if (t.slots[i].word == lower_word) return t.slots[i].entry;
    i = (i + 1) & (FastTable::kSlots - 1);
  }
  return nullptr;
}

std::string_view LowerAscii(std::string_view word, char* buf, size_t cap) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (n >= cap) return {};
    if (c < 0x80) {
      buf[n++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c == 0xE2 && i + 2 < word.size() &&
               static_cast<unsigned char>(word[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(word[i + 2]) == 0x99 ||
                static_cast<unsigned char>(word[i + 2]) == 0x98)) {
      buf[n++] = '\'';  // U+2019 / U+2018 as an apostrophe
      i += 2;
    } else {
      return {};
    }
  }
  return std::string_view(buf, n);
}

std::string_view CueLemma(uint16_t id) {
  const Table& t = TheTable();
  return id < t.lemmas.size() ? std::string_view(t.lemmas[id]) : std::string_view();
}

uint16_t AccordingToLemma() { return TheTable().according_to; }

std::string_view RoleName(uint8_t id) {
  const Table& t = TheTable();
  return id < t.roles.size() ? std::string_view(t.roles[id]) : std::string_view();
}

bool RolesCompatible(uint8_t described, uint8_t known) {
  if (described == 0 || known == 0) return false;
  if (described == known) return true;
  const std::string_view d = RoleName(described), k = RoleName(known);
  // "leader" names whoever leads: heads of state and of government, party and group leaders.
  static constexpr std::string_view kLeaders[] = {"president", "prime minister", "chancellor",
                                                  "premier",   "king",           "queen",
                                                  "emir",      "supreme leader", "leader"};
  auto is_leader = [](std::string_view r) {
    for (std::string_view l : kLeaders) {
      if (r == l) return true;
    }
    return false;
  };
  if (d == "leader" || d == "head of state") return is_leader(k);
  if (k == "leader") return is_leader(d);
  if (d == "spokesperson" || k == "spokesperson") return d == k;
  return false;
}

uint8_t TwoWordRole(std::string_view first, std::string_view second) {
  for (const auto& p : TheTable().pairs) {
    if (p.a == first && p.b == second) return p.role;
  }
  return 0;
}

}  // namespace witness::quotes::internal
