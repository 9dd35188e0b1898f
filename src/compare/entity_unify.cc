// UnifyEntityNames: one canonical name per entity across the documents of a story.
//
// People: a name is renamed to the longest full name (most words) among the documents'
// people that ends with the same surname and agrees on the first name when both have one
// ("Tokayev" -> "Kassym-Jomart Tokayev", "Mr Putin"'s entity "Putin" -> "Vladimir Putin"),
// when that full name is unique. Organisations: entities that share an acronym alias, or
// whose names are equal after spelling folds ("Organisation"/"Organization"), take the name
// with the most mentions across the documents (ties: the first seen).
#include <algorithm>
#include <map>
#include <set>

#include "compare/entity_extract.h"
#include "witness/quotes.h"

namespace witness::quotes {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> w;
  size_t i = 0;
  while (i < name.size()) {
    const size_t sp = name.find(' ', i);
    const size_t end = sp == std::string_view::npos ? name.size() : sp;
    if (end > i) w.push_back(Lower(name.substr(i, end - i)));
    i = end + 1;
  }
  return w;
}

bool IsAcronym(std::string_view s) {
  if (s.size() < 2 || s.size() > 7) return false;
  for (char c : s) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

}  // namespace

void UnifyEntityNames(const std::vector<Extraction*>& docs) {
  // People: full names by surname.
  std::map<std::string, std::set<std::string>> full_by_surname;  // surname -> full names
  for (const Extraction* d : docs) {
    if (d == nullptr) continue;
    for (const Entity& e : d->entities) {
      // People, and unclassified names of two or more words (a person somewhere else with
      // that surname is the evidence: "Kassym-Jomart Tokayev spoke." alone is not).
      if (e.kind != EntityKind::kPerson && e.kind != EntityKind::kOther) continue;
      const std::vector<std::string> w = Words(e.name);
      if (w.size() >= 2 && w.size() <= 4) full_by_surname[w.back()].insert(e.name);
    }
  }
  // Organisations: groups by acronym or folded name, with mention totals per spelling.
  std::map<std::string, std::map<std::string, uint32_t>>
      org_names;                                 // group key -> name -> mentions
  std::map<std::string, std::string> org_first;  // group key -> first name seen
  auto org_keys = [](const Entity& e) {
    std::vector<std::string> keys{"n:" + internal::EntityIndex::Key(e.name)};
    for (const std::string& a : e.aliases) {
      if (IsAcronym(a)) keys.push_back("a:" + a);
    }
    if (IsAcronym(e.name)) keys.push_back("a:" + e.name);
    return keys;
  };
  // Union of keys: an entity's keys all lead to one group (the first key's).
  std::map<std::string, std::string> group_of;
  auto find = [&](std::string k) {
    while (group_of.count(k) && group_of[k] != k) k = group_of[k];
    return k;
  };
  for (const Extraction* d : docs) {
    if (d == nullptr) continue;
    for (const Entity& e : d->entities) {
      if (e.kind != EntityKind::kOrganization) continue;
      const auto keys = org_keys(e);
      std::string root = find(keys.front());
      if (!group_of.count(root)) group_of[root] = root;
      for (const std::string& k : keys) {
        const std::string r = find(k);
        if (!group_of.count(r)) {
          group_of[r] = root;
        } else if (r != root) {
          group_of[r] = root;
        }
      }
    }
  }
  for (const Extraction* d : docs) {
    if (d == nullptr) continue;
    for (const Entity& e : d->entities) {
      if (e.kind != EntityKind::kOrganization || IsAcronym(e.name)) continue;
      const std::string g = find(org_keys(e).front());
      org_names[g][e.name] += e.mentions;
      if (!org_first.count(g)) org_first[g] = e.name;
    }
  }
  for (Extraction* d : docs) {
    if (d == nullptr) continue;
    std::vector<std::string> renamed(d->entities.size());
    for (size_t i = 0; i < d->entities.size(); ++i) {
      Entity& e = d->entities[i];
      std::string name = e.name;
      if (e.kind == EntityKind::kPerson) {
        const std::vector<std::string> w = Words(e.name);
        if (!w.empty()) {
          auto it = full_by_surname.find(w.back());
          if (it != full_by_surname.end()) {
            std::string best;
            size_t best_words = w.size();
            int candidates = 0;
            for (const std::string& full : it->second) {
              const std::vector<std::string> fw = Words(full);
              if (fw.size() <= w.size()) continue;
              if (w.size() >= 2 && fw.front() != w.front()) continue;  // another first name
              if (fw.size() > best_words) {
                best = full;
                best_words = fw.size();
                candidates = 1;
              } else if (fw.size() == best_words && Lower(full) != Lower(best)) {
                ++candidates;
              }
            }
            if (candidates == 1) name = best;
          }
        }
      } else if (e.kind == EntityKind::kOrganization) {
        const std::string g = find(org_keys(e).front());
        auto it = org_names.find(g);
        if (it != org_names.end() && !it->second.empty()) {
          std::string best = org_first[g];
          uint32_t best_count = it->second.count(best) ? it->second.at(best) : 0;
          for (const auto& [n, c] : it->second) {
            if (c > best_count) {
              best = n;
              best_count = c;
            }
          }
          name = best;
        }
      }
      if (name != e.name) {
        if (std::find(e.aliases.begin(), e.aliases.end(), e.name) == e.aliases.end())
          e.aliases.push_back(e.name);
        e.name = name;
      }
    }
    for (Quote& q : d->quotes) {
      if (q.speaker_entity >= 0 && static_cast<size_t>(q.speaker_entity) < d->entities.size()) {
        q.speaker_name = d->entities[q.speaker_entity].name;
      }
    }
  }
}

}  // namespace witness::quotes
