// src/compare/entity_places.h: countries, subdivisions and demonyms from Debian's iso-codes.
//
// The gazetteer reads iso_3166-1.json and iso_3166-2.json from $WITNESS_ISO_CODES_DIR, else
// /usr/share/iso-codes/json, once per process. Names are keyed by their lower-case form.
// Countries get their short name ("Iran, Islamic Republic of" -> "Iran"), common and
// official names, a few aliases everyone writes ("Russia", "Britain", "U.S.") and demonyms
// derived from the short name by suffix rules ("Kazakhstan" -> "Kazakh", "Russia" ->
// "Russian", "Ukraine" -> "Ukrainian") plus a short list of irregular ones ("French").
// When the files are absent or unreadable the gazetteer holds only those aliases and the
// irregular demonyms; nothing fails.
#ifndef WITNESS_SRC_COMPARE_ENTITY_PLACES_H_
#define WITNESS_SRC_COMPARE_ENTITY_PLACES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace witness::quotes::internal {

struct Place {
  enum class Kind : uint8_t { kCountry, kSubdivision, kDemonym };
  Kind kind = Kind::kCountry;
  std::string code;     // "KZ", "US-NH"; for a demonym the country's alpha-2
  std::string country;  // alpha-2 of the country
  std::string name;     // display name: the country's short name, the subdivision's name
};

class Gazetteer {
 public:
  // The process-wide gazetteer (loaded on first use; thread-safe).
  static const Gazetteer& Get();
  // A gazetteer from an explicit folder (tests); `loaded` tells whether the files were read.
  static Gazetteer Load(const std::string& dir);

  // The place named `lower` (lower case, curly apostrophes as '), or nullptr.
  const Place* Find(std::string_view lower) const;
  // The country (alpha-2, "KZ") or subdivision ("KZ-ALA") with that code as iso-codes names
  // it, or nullptr (also when the files were not read).
  const Place* FindCode(std::string_view code) const;
  bool loaded() const { return loaded_; }
  size_t size() const { return places_.size(); }

 private:
  void Add(std::string_view name, const Place& place, bool overwrite);
  void AddCountry(const std::string& alpha2, const std::string& name, const std::string& common,
                  const std::string& official);
  void AddBuiltins();
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Place, Hash, std::equal_to<>> places_;
  std::unordered_map<std::string, Place, Hash, std::equal_to<>> by_code_;
  bool loaded_ = false;
};

// Demonym candidates of a one-word country name by suffix rules, lower case:
// "kazakhstan" -> {"kazakh", "kazakhstani"}; exposed for tests.
void DeriveDemonyms(std::string_view lower_name, std::string out[4], int* n);

}  // namespace witness::quotes::internal

#endif  // WITNESS_SRC_COMPARE_ENTITY_PLACES_H_
