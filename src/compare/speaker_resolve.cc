// Resolver: speaker phrases to entities, in text order (rules in witness/quotes.h).
#include "compare/speaker_resolve.h"

#include <algorithm>

namespace witness::quotes::internal {
namespace {

constexpr size_t kMaxLookBack = 2000;  // timeline events a resolution may visit

}  // namespace

void Resolver::Record(uint32_t t, int32_t e) {
  // Resolution runs in text order, so the speakers stay sorted by position.
  spoken_.push_back({t, e, true});
}

template <typename Fn>
void Resolver::Backward(uint32_t t, size_t max, Fn fn) const {
  const auto& a = ent_->timeline();
  const auto& b = spoken_;
  auto before = [t](const std::vector<EntityIndex::Event>& v) {
    return static_cast<size_t>(
        std::lower_bound(v.begin(), v.end(), t,
                         [](const EntityIndex::Event& x, uint32_t p) { return x.tok < p; }) -
        v.begin());
  };
  size_t ia = before(a), ib = before(b);
  for (size_t n = 0; n < max && (ia > 0 || ib > 0); ++n) {
    const EntityIndex::Event& ev =
        (ib == 0 || (ia > 0 && a[ia - 1].tok >= b[ib - 1].tok)) ? a[--ia] : b[--ib];
    if (!fn(ev)) return;
  }
}

template <typename Fn>
void Resolver::Forward(uint32_t t, size_t max, Fn fn) const {
  const auto& a = ent_->timeline();
  const auto& b = spoken_;
  auto from = [t](const std::vector<EntityIndex::Event>& v) {
    return static_cast<size_t>(
        std::lower_bound(v.begin(), v.end(), t,
                         [](const EntityIndex::Event& x, uint32_t p) { return x.tok < p; }) -
        v.begin());
  };
  size_t ia = from(a), ib = from(b);
  for (size_t n = 0; n < max && (ia < a.size() || ib < b.size()); ++n) {
    const EntityIndex::Event& ev =
        (ib >= b.size() || (ia < a.size() && a[ia].tok <= b[ib].tok)) ? a[ia++] : b[ib++];
    if (!fn(ev)) return;
  }
}

int32_t Resolver::Pronoun(uint32_t t) {
  const Tok& k = doc_.toks[t];
  if (k.Is(kFirstPerson) || k.Is(kPlural) || doc_.Str(t) == "it" || doc_.Str(t) == "It" ||
      doc_.Str(t) == "you" || doc_.Str(t) == "You") {
    return -1;  // the author, a group, an organisation: not resolved
  }
  const int want = k.Is(kMale) ? 1 : k.Is(kFemale) ? 2 : 0;
  auto& facts = ent_->facts();
  const uint32_t sent = k.sentence;
  const uint32_t window_sent = sent >= 3 ? sent - 3 : 0;
  auto compatible = [&](int32_t e) {
    const int g = facts[e].gender;
    return ent_->entities()[e].kind == EntityKind::kPerson && (want == 0 || g == 0 || g == want) &&
           (!ent_->Weak(e) || spoke_.count(e) > 0);
  };
  int32_t found = -1;
  // 1: a salient person (speaker or subject) in this or the previous three sentences.
  Backward(t, kMaxLookBack, [&](const EntityIndex::Event& ev) {
    if (doc_.toks[ev.tok].sentence < window_sent) return false;
    if (ev.salient && compatible(ev.entity)) {
      found = ev.entity;
      return false;
    }
    return true;
  });
  // 2: the most recent compatible person.
  if (found < 0) {
    Backward(t, kMaxLookBack, [&](const EntityIndex::Event& ev) {
      if (!compatible(ev.entity)) return true;
      found = ev.entity;
      return false;
    });
  }
  if (found >= 0 && want != 0 && facts[found].gender == 0) {
    // Learn the gender when the window held no other person.
    bool alone = true;
    Backward(t, kMaxLookBack, [&](const EntityIndex::Event& ev) {
      if (doc_.toks[ev.tok].sentence < window_sent) return false;
      if (ev.entity != found && ent_->entities()[ev.entity].kind == EntityKind::kPerson)
        alone = false;
      return alone;
    });
    if (alone) facts[found].gender = want;
  }
  return found;
}

int32_t Resolver::Description(const SpeakerNP& np) {
  const auto& toks = doc_.toks;
  uint8_t role = 0;
  std::string country;
  bool former = false;
  char b1[32], b2[32];
  for (uint32_t k = np.first; k <= np.last; ++k) {
    if (toks[k].Is(kFormer)) former = true;
    if (country.empty()) country = ent_->CountryOf(k);
    if (toks[k].Is(kRole | kTitle) && toks[k].lex->role != 0) {
      role = toks[k].lex->role;
      if (k > np.first) {
        const uint8_t two =
            TwoWordRole(LowerAscii(doc_.Str(k - 1), b1, 32), LowerAscii(doc_.Str(k), b2, 32));
        if (two != 0) role = two;
      }
    }
  }
  if (role == 0) return -1;
  auto& facts = ent_->facts();
  auto matches = [&](int32_t e) {
    const EntityFacts& f = facts[e];
    return f.role != 0 && RolesCompatible(role, f.role) && f.former == former &&
           (country.empty() || f.country == country);
  };
  int32_t found = -1;
  auto visit = [&](const EntityIndex::Event& ev) {
    if (!matches(ev.entity)) return true;
    found = ev.entity;
    return false;
  };
  Backward(np.first, kMaxLookBack, visit);
  if (found >= 0) return found;
  Forward(np.first, kMaxLookBack, visit);
  if (found >= 0) return found;
  // Any person with that role (roles may have been learned without a timeline entry).
  for (size_t e = 0; e < facts.size() && e < kMaxLookBack; ++e) {
    if (ent_->entities()[e].kind == EntityKind::kPerson && matches(static_cast<int32_t>(e))) {
      return static_cast<int32_t>(e);
    }
  }
  return -1;
}

int32_t Resolver::Resolve(const SpeakerNP& np) {
  if (!np.ok()) return -1;
  int32_t e = -1;
  switch (np.form) {
    case MentionForm::kPronoun:
      e = Pronoun(np.first);
      break;
    case MentionForm::kDescription:
      e = Description(np);
      break;
    case MentionForm::kName:
    case MentionForm::kAcronym: {
      const int32_t chunk = ent_->ChunkAt(np.last);
      if (chunk >= 0 && ent_->chunks()[chunk].entity >= 0) {
        e = ent_->chunks()[chunk].entity;
      } else {
        e = ent_->ResolveName(np.first, np.last, np.first, true);
      }
      if (e >= 0 && ent_->entities()[e].kind == EntityKind::kOther) {
        ent_->entities()[e].kind = EntityKind::kPerson;  // it speaks
      }
      break;
    }
  }
  if (e >= 0) {
    spoke_.insert(e);
    if (ent_->entities()[e].kind == EntityKind::kPerson) Record(np.first, e);
    // An apposition teaches a role: "Smith, a spokesman for X, said".
    if (np.appo_first != kNoTok && np.appo_first <= np.appo_last) {
      const auto& toks = doc_.toks;
      for (uint32_t k = np.appo_first; k <= np.appo_last; ++k) {
        if (toks[k].Is(kRole | kTitle) && toks[k].lex->role != 0) {
          std::string country;
          bool former = false;
          for (uint32_t m = np.appo_first; m <= np.appo_last; ++m) {
            if (country.empty()) country = ent_->CountryOf(m);
            if (toks[m].Is(kFormer)) former = true;
          }
          ent_->LearnRole(e, toks[k].lex->role, country, former);
          break;
        }
      }
    }
  }
  return e;
}

}  // namespace witness::quotes::internal
