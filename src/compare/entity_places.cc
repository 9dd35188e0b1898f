// The iso-codes gazetteer (see entity_places.h).
#include "compare/entity_places.h"

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace witness::quotes::internal {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  // Curly apostrophes as ' (the lexicon's form).
  std::string r;
  r.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (i + 2 < out.size() && static_cast<unsigned char>(out[i]) == 0xE2 &&
        static_cast<unsigned char>(out[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(out[i + 2]) == 0x99 ||
         static_cast<unsigned char>(out[i + 2]) == 0x98)) {
      r += '\'';
      i += 2;
    } else {
      r += out[i];
    }
  }
  return r;
}

// "Iran, Islamic Republic of" -> "Iran"; "Holy See (Vatican City State)" -> "Holy See".
std::string ShortName(std::string_view name) {
  size_t cut = name.find(", ");
  if (cut == std::string_view::npos) cut = name.find(" (");
  return std::string(name.substr(0, cut));
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Names everyone writes that iso-codes spells otherwise.
struct Alias {
  const char* name;
  const char* alpha2;
};
constexpr Alias kAliases[] = {
    {"Russia", "RU"},
    {"Britain", "GB"},
    {"Great Britain", "GB"},
    {"UK", "GB"},
    {"U.K.", "GB"},
    {"US", "US"},
    {"U.S.", "US"},
    {"USA", "US"},
    {"U.S.A.", "US"},
    {"America", "US"},
    {"United States of America", "US"},
    {"Czech Republic", "CZ"},
    {"Vatican", "VA"},
    {"Palestine", "PS"},
    {"Congo", "CG"},
    {"DR Congo", "CD"},
    {"Ivory Coast", "CI"},
    {"Burma", "MM"},
    {"Holland", "NL"},
    {"Korea", "KR"},
    {"Macedonia", "MK"},
    {"Swaziland", "SZ"},
    {"Turkey", "TR"},
};

// Demonyms no suffix rule finds.
constexpr Alias kIrregularDemonyms[] = {
    {"American", "US"},     {"British", "GB"},      {"French", "FR"},      {"Chinese", "CN"},
    {"Dutch", "NL"},        {"Swiss", "CH"},        {"Greek", "GR"},       {"Thai", "TH"},
    {"Irish", "IE"},        {"Spanish", "ES"},      {"Turkish", "TR"},     {"Polish", "PL"},
    {"Swedish", "SE"},      {"Danish", "DK"},       {"Finnish", "FI"},     {"Japanese", "JP"},
    {"Vietnamese", "VN"},   {"Lebanese", "LB"},     {"Portuguese", "PT"},  {"Israeli", "IL"},
    {"Iraqi", "IQ"},        {"Pakistani", "PK"},    {"Saudi", "SA"},       {"Yemeni", "YE"},
    {"Kuwaiti", "KW"},      {"Qatari", "QA"},       {"Bangladeshi", "BD"}, {"Omani", "OM"},
    {"Filipino", "PH"},     {"Norwegian", "NO"},    {"Belgian", "BE"},     {"Czech", "CZ"},
    {"Slovak", "SK"},       {"Afghan", "AF"},       {"Uzbek", "UZ"},       {"Tajik", "TJ"},
    {"Kyrgyz", "KG"},       {"Turkmen", "TM"},      {"Belarusian", "BY"},  {"Welsh", "GB"},
    {"Scottish", "GB"},     {"English", "GB"},      {"Icelandic", "IS"},   {"Emirati", "AE"},
    {"South Korean", "KR"}, {"North Korean", "KP"}, {"Sudanese", "SD"},    {"Senegalese", "SN"},
    {"Congolese", "CD"},    {"Maltese", "MT"},      {"Cypriot", "CY"},     {"Peruvian", "PE"},
    {"Argentine", "AR"},    {"Argentinian", "AR"},  {"Venezuelan", "VE"},  {"Mexican", "MX"},
    {"Moroccan", "MA"},     {"Ukrainian", "UA"},    {"Iranian", "IR"},     {"Syrian", "SY"},
};

}  // namespace

void DeriveDemonyms(std::string_view n, std::string out[4], int* count) {
  *count = 0;
  auto ends = [&](std::string_view suf) {
    return n.size() > suf.size() + 2 && n.substr(n.size() - suf.size()) == suf;
  };
  auto stem = [&](size_t drop) { return std::string(n.substr(0, n.size() - drop)); };
  auto add = [&](std::string s) {
    if (*count < 4) out[(*count)++] = std::move(s);
  };
  if (ends("stan")) {  // Kazakhstan -> Kazakh, Kazakhstani
    add(stem(4));
    add(std::string(n) + "i");
  } else if (ends("ia")) {  // Russia -> Russian
    add(std::string(n) + "n");
  } else if (ends("a")) {  // Cuba -> Cuban, Korea -> Korean, Canada -> Canadian
    add(std::string(n) + "n");
    add(stem(1) + "ian");
  } else if (ends("e")) {  // Ukraine -> Ukrainian, Chile -> Chilean
    add(stem(1) + "ian");
    add(std::string(n) + "an");
  } else if (ends("y")) {  // Italy -> Italian, Germany -> German
    add(stem(1) + "ian");
    add(stem(1));
  } else if (ends("o")) {  // Mexico -> Mexican
    add(stem(1) + "an");
  } else if (ends("land")) {  // Finland -> Finn... (the irregular list has the rest)
    add(std::string(n) + "er");
  } else if (ends("n")) {  // Iran -> Iranian, Japan -> (irregular)
    add(std::string(n) + "ian");
  } else if (ends("l")) {  // Brazil -> Brazilian, Israel -> (irregular)
    add(std::string(n) + "ian");
  } else if (ends("q") || ends("t")) {  // Iraq -> Iraqi, Kuwait -> Kuwaiti, Egypt -> Egyptian
    add(std::string(n) + "i");
    add(std::string(n) + "ian");
  }
}

void Gazetteer::Add(std::string_view name, const Place& place, bool overwrite) {
  if (name.empty()) return;
  std::string key = Lower(name);
  auto it = places_.find(key);
  if (it == places_.end()) {
    places_.emplace(std::move(key), place);
  } else if (overwrite) {
    it->second = place;
  }
}

void Gazetteer::AddCountry(const std::string& alpha2, const std::string& name,
                           const std::string& common, const std::string& official) {
  Place p;
  p.kind = Place::Kind::kCountry;
  p.code = alpha2;
  p.country = alpha2;
  p.name = common.empty() ? ShortName(name) : common;
  by_code_.emplace(alpha2, p);
  Add(p.name, p, true);
  Add(name, p, true);
  Add(ShortName(name), p, true);
  Add(official, p, true);
  // Demonyms of one-word names, unless they name something else already.
  if (p.name.find(' ') == std::string::npos) {
    std::string d[4];
    int n = 0;
    DeriveDemonyms(Lower(p.name), d, &n);
    Place dem = p;
    dem.kind = Place::Kind::kDemonym;
    for (int i = 0; i < n; ++i) Add(d[i], dem, false);
  }
}

void Gazetteer::AddBuiltins() {
  for (const Alias& a : kAliases) {
    Place p;
    p.kind = Place::Kind::kCountry;
    p.code = p.country = a.alpha2;
    p.name = a.name;
    // Keep the display name of a loaded country ("Russia" -> "Russian Federation" stays
    // "Russia": aliases are the names writers use, so they win for display).
    Add(a.name, p, true);
    const std::string lower = Lower(a.name);
    if (lower.size() > 4 && lower.find(' ') == std::string::npos &&
        lower.find('.') == std::string::npos) {
      std::string d[4];
      int n = 0;
      DeriveDemonyms(lower, d, &n);
      Place dem = p;
      dem.kind = Place::Kind::kDemonym;
      for (int i = 0; i < n; ++i) Add(d[i], dem, false);
    }
  }
  for (const Alias& a : kIrregularDemonyms) {
    Place p;
    p.kind = Place::Kind::kDemonym;
    p.code = p.country = a.alpha2;
    p.name = a.name;
    Add(a.name, p, true);
  }
}

Gazetteer Gazetteer::Load(const std::string& dir) {
  Gazetteer g;
  std::string raw;
  if (ReadFile(dir + "/iso_3166-1.json", &raw)) {
    try {
      const nlohmann::json j = nlohmann::json::parse(raw);
      for (const auto& c : j.at("3166-1")) {
        g.AddCountry(c.value("alpha_2", ""), c.value("name", ""), c.value("common_name", ""),
                     c.value("official_name", ""));
      }
      g.loaded_ = true;
    } catch (const std::exception&) {
      g.loaded_ = false;  // unreadable: keep what was added, fall back to the built-ins
    }
  }
  if (ReadFile(dir + "/iso_3166-2.json", &raw)) {
    try {
      const nlohmann::json j = nlohmann::json::parse(raw);
      for (const auto& s : j.at("3166-2")) {
        Place p;
        p.kind = Place::Kind::kSubdivision;
        p.code = s.value("code", "");
        p.country = p.code.substr(0, 2);
        p.name = s.value("name", "");
        // Countries win over subdivisions of the same name ("Georgia").
        g.Add(p.name, p, false);
        g.by_code_.emplace(p.code, p);
      }
    } catch (const std::exception&) {
    }
  }
  g.AddBuiltins();
  return g;
}

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = [] {
    const char* env = std::getenv("WITNESS_ISO_CODES_DIR");
    return new Gazetteer(Load(env != nullptr && *env ? env : "/usr/share/iso-codes/json"));
  }();
  return *g;
}

const Place* Gazetteer::FindCode(std::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &it->second;
}

const Place* Gazetteer::Find(std::string_view lower) const {
  auto it = places_.find(lower);
  return it == places_.end() ? nullptr : &it->second;
}

}  // namespace witness::quotes::internal
