// Word classes for figure context, and the topics of event and counted words.
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "compare/figure_internal.h"

namespace witness::figures::internal {
namespace {

struct FlagEntry {
  const char* words;  // space-separated
  uint32_t flags;
};

const FlagEntry kFlagEntries[] = {
    {"the a an and or but nor of in on at for from to with without by as than that which who "
     "whom whose were was is are be been being have has had will would could can may might "
     "must should shall do does did not no also including according after before during "
     "since until while when where if because this these those it its their his her they "
     "them he she we you i there here so such per each every about over under more less up "
     "down out into onto off across against among amid amidst between through via ago "
     "last next some any all both either neither other another our your my me us him "
     "what how why whether though although however yet then now just only even still "
     "around near within upon toward towards despite "
     "went came took gave got saw began became become fell rose grew ran won stood sat kept "
     "brought",
     kFStop},
    {"were was is are be been being have has had will would could can may might must should "
     "shall reportedly also now already still all allegedly reported believed feared thought "
     "confirmed known so far yet then later initially previously officially just being to "
     "remain remains remained later since apparently presumed probably likely",
     kFAux},
    {"said says say told tells tell reported reports announced announces stated "
     "claimed claims estimated estimates confirmed confirms added adds noted notes wrote "
     "writes tweeted posted declared declares insisted insists revealed reveals retracted "
     "cited quoted according put puts counted counts recorded tallied",
     kFCue},
    {"january february march april may june july august september october november december "
     "jan feb mar apr jun jul aug sep sept oct nov dec",
     kFMonth},
    {"monday tuesday wednesday thursday friday saturday sunday", kFWeekday},
    {"unit units piece pieces item items round rounds pair pairs set sets head tonne tonnes "
     "ton tons barrel barrels litre litres liter liters gallon gallons kilogram kilograms kg "
     "kilo kilos pound pounds metre metres meter meters mile miles acre acres hectare "
     "hectares sq square kilometre kilometres kilometer kilometers km batch batches bag bags "
     "box boxes container containers cases case dose doses shipment shipments lot lots",
     kFMeasure},
    {"people persons person individuals individual humans human", kFPerson},
    {"retracted retract retracts retracting withdrew withdrawn withdraws withdraw "
     "rescinded rescind disavowed disavow recanted",
     kFRetract},
    {"corrected correcting correction revised revise revises revising revision amended", kFCorrect},
    {"previously initially originally earlier later subsequently first formerly", kFOrder},
    {"yesterday today tonight", kFRelTime},
    {"week weeks month months year years day days weekend night nights morning afternoon "
     "evening hour hours minute minutes decade decades century centuries quarter",
     kFTimeUnit},
    {"he she they it we i you", kFPronoun},
    {"died dead fled left held hurt lost slain shot struck hit missing injured wounded "
     "killed drowned burned burnt trapped buried stranded sent deployed born taken seen "
     "made spent paid sold bought built gone arrived",
     kFVerbIrr},
    {"that which who", kFRelPron},
    {"country nation city town state population region province island village capital "
     "home",
     kFPlace},
    {"number numbered numbering total totalled totaled totalling totaling reached reach "
     "reaches",
     kFNumberVerb},
    {"the a an its their his her our these those this that your my", kFDet},
    {"also then again already once still just now since", kFAdverb},
};

// Open addressing over lower-case words; a probe compares the stored hash and length first.
struct FlagTable {
  static constexpr size_t kSlots = 2048;  // power of two, > 2x the words
  struct Slot {
    uint32_t hash = 0;
    uint32_t flags = 0;
    std::string word;
  };
  std::vector<Slot> slots;
  static uint32_t Hash(const char* s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; ++i) {
      h ^= static_cast<uint8_t>(s[i]);
      h *= 16777619u;
    }
    return h | 1u;  // 0 marks an empty slot
  }
  FlagTable() : slots(kSlots) {
    for (const auto& e : kFlagEntries) {
      std::string_view s = e.words;
      while (!s.empty()) {
        const size_t sp = s.find(' ');
        const std::string_view w = s.substr(0, sp);
        if (!w.empty()) Add(w, e.flags);
        if (sp == std::string_view::npos) break;
        s.remove_prefix(sp + 1);
      }
    }
  }
  void Add(std::string_view w, uint32_t flags) {
    const uint32_t h = Hash(w.data(), w.size());
    size_t i = h & (kSlots - 1);
    while (slots[i].hash != 0) {
      if (slots[i].hash == h && slots[i].word == w) {
        slots[i].flags |= flags;
        return;
      }
      i = (i + 1) & (kSlots - 1);
    }
    slots[i].hash = h;
    slots[i].flags = flags;
    slots[i].word = std::string(w);
  }
  uint32_t Find(const char* w, size_t n) const {
    const uint32_t h = Hash(w, n);
    size_t i = h & (kSlots - 1);
    while (slots[i].hash != 0) {
      const Slot& s = slots[i];
      if (s.hash == h && s.word.size() == n && std::memcmp(s.word.data(), w, n) == 0) {
        return s.flags;
      }
      i = (i + 1) & (kSlots - 1);
    }
    return 0;
  }
};

const FlagTable& Flags() {
  static const FlagTable t;
  return t;
}

// Topic words, by the stem Snowball gives them (checked in figure tests).
struct StemTopic {
  const char* stem;
  Topic topic;
};
const StemTopic kStemTopics[] = {
    {"kill", Topic::kDeath},
    {"die", Topic::kDeath},
    {"dead", Topic::kDeath},
    {"death", Topic::kDeath},
    {"fatal", Topic::kDeath},
    {"perish", Topic::kDeath},
    {"slain", Topic::kDeath},
    {"toll", Topic::kDeath},
    {"bodi", Topic::kDeath},
    {"drown", Topic::kDeath},
    {"murder", Topic::kDeath},
    {"execut", Topic::kDeath},
    {"injur", Topic::kInjury},
    {"wound", Topic::kInjury},
    {"hurt", Topic::kInjury},
    {"hospitalis", Topic::kInjury},
    {"hospit", Topic::kInjury},
    {"casualti", Topic::kCasualty},
    {"detain", Topic::kDetention},
    {"arrest", Topic::kDetention},
    {"jail", Topic::kDetention},
    {"imprison", Topic::kDetention},
    {"custodi", Topic::kDetention},
    {"apprehend", Topic::kDetention},
    {"detaine", Topic::kDetention},
    {"prison", Topic::kDetention},
    {"miss", Topic::kMissing},
    {"displac", Topic::kDisplacement},
    {"evacu", Topic::kDisplacement},
    {"fled", Topic::kDisplacement},
    {"flee", Topic::kDisplacement},
    {"refuge", Topic::kDisplacement},
    {"homeless", Topic::kDisplacement},
    {"troop", Topic::kForces},
    {"soldier", Topic::kForces},
    {"peacekeep", Topic::kForces},
    {"servicemen", Topic::kForces},
    {"paratroop", Topic::kForces},
};

const std::unordered_map<std::string_view, Topic>& StemTopics() {
  static const auto* m = [] {
    auto* x = new std::unordered_map<std::string_view, Topic>();
    for (const auto& e : kStemTopics) (*x)[e.stem] = e.topic;
    return x;
  }();
  return *m;
}

}  // namespace

uint32_t FigureWordFlags(std::string_view word) {
  if (word.empty() || word.size() > 20) return 0;
  char buf[20];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    buf[i] = c;
  }
  return Flags().Find(buf, word.size());
}

std::string LowerToken(std::string_view text, const Tok& t) {
  std::string s(text.substr(t.begin, t.size()));
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

Topic TopicOfStem(std::string_view stem) {
  const auto& m = StemTopics();
  const auto it = m.find(stem);
  return it == m.end() ? Topic::kOther : it->second;
}

std::string_view CanonicalStem(std::string_view stem) {
  if (stem == "hardwar" || stem == "materiel") return "equip";
  if (stem == "servicemen" || stem == "soldier") return "troop";
  if (stem == "fatal" || stem == "death") return "death";
  return stem;
}

}  // namespace witness::figures::internal
