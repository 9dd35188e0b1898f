// ScoreClustering: pairwise and BCubed precision, recall and F1 of a clustering.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "witness/stories.h"

namespace witness::stories {
namespace {

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double Pairs(double n) { return n * (n - 1) / 2; }

}  // namespace

StatusOr<ClusteringScores> ScoreClustering(const std::vector<std::string>& truth,
                                           const std::vector<std::string>& predicted) {
  if (truth.size() != predicted.size())
    return Status::InvalidArgument("ScoreClustering: " + std::to_string(truth.size()) +
                                   " true labels but " + std::to_string(predicted.size()) +
                                   " predicted");
  ClusteringScores s;
  s.items = truth.size();
  if (truth.empty()) return s;
  std::unordered_map<std::string, double> a, b;             // cluster sizes: truth, predicted
  std::map<std::pair<std::string, std::string>, double> n;  // contingency table
  for (size_t i = 0; i < truth.size(); ++i) {
    a[truth[i]] += 1;
    b[predicted[i]] += 1;
    n[{truth[i], predicted[i]}] += 1;
  }
  s.truth_clusters = a.size();
  s.predicted_clusters = b.size();
  double together_both = 0, together_pred = 0, together_truth = 0;
  double bp = 0, br = 0;
  for (const auto& [key, nij] : n) {
    together_both += Pairs(nij);
    bp += nij * nij / b[key.second];
    br += nij * nij / a[key.first];
  }
  for (const auto& [k, v] : b) together_pred += Pairs(v);
  for (const auto& [k, v] : a) together_truth += Pairs(v);
  s.pair_precision = together_pred > 0 ? together_both / together_pred : 1.0;
  s.pair_recall = together_truth > 0 ? together_both / together_truth : 1.0;
  s.pair_f1 = F1(s.pair_precision, s.pair_recall);
  const double items = static_cast<double>(truth.size());
  s.bcubed_precision = bp / items;
  s.bcubed_recall = br / items;
  s.bcubed_f1 = F1(s.bcubed_precision, s.bcubed_recall);
  return s;
}

}  // namespace witness::stories
