// POST /api/ingest: a request body of articles through the ingest pipeline, and JSON helpers.
#include <algorithm>
#include <cstring>

#include "server/api.h"
#include "witness/ingest.h"

namespace witness::server {

namespace {

using nlohmann::json;

class BodyStream : public ByteStream {
 public:
  explicit BodyStream(std::string_view body) : body_(body) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    size_t k = std::min(n, body_.size() - pos_);
    std::memcpy(buf, body_.data() + pos_, k);
    pos_ += k;
    return k;
  }

 private:
  std::string_view body_;
  size_t pos_ = 0;
};

// "name:17: reason" -> 17 when the message starts with `name`; else 0.
uint64_t LineOf(std::string_view message, std::string_view name) {
  if (message.substr(0, name.size()) != name || message.size() <= name.size() ||
      message[name.size()] != ':') {
    return 0;
  }
  uint64_t line = 0;
  for (size_t i = name.size() + 1; i < message.size() && message[i] >= '0' && message[i] <= '9';
       ++i) {
    line = line * 10 + static_cast<uint64_t>(message[i] - '0');
    if (line > (uint64_t{1} << 40)) return 0;
  }
  return line;
}

class ReportSink : public ArticleSink {
 public:
  ReportSink(IngestPipeline* pipeline, std::string name, IngestReport* report)
      : pipeline_(pipeline), name_(std::move(name)), report_(report) {}

  void Accept(Article article) override {
    if (!report_->failure.ok()) return;
    ++report_->read;
    Status rejected;
    report_->failure = pipeline_->Add(std::move(article), &rejected);
    if (!rejected.ok()) Reject(rejected);
  }
  void Reject(const Status& why) override {
    ++report_->rejected;
    Note(&report_->errors, why.message());
  }
  void Warn(const std::string& message) override { Note(&report_->warnings, message); }

 private:
  void Note(std::vector<IngestReport::Problem>* list, const std::string& message) {
    if (list->size() >= IngestReport::kMaxProblems) return;
    uint64_t line = LineOf(message, name_);
    std::string where = name_;
    std::string text = message;
    if (message.substr(0, name_.size()) == name_) {
      size_t colon = message.find(": ", name_.size());
      if (colon != std::string::npos) {
        where = message.substr(0, colon);
        text = message.substr(colon + 2);
      }
    }
    list->push_back({std::move(where), line, std::move(text)});
  }

  IngestPipeline* pipeline_;
  std::string name_;
  IngestReport* report_;
};

json ProblemsJson(const std::vector<IngestReport::Problem>& list) {
  json out = json::array();
  for (const IngestReport::Problem& p : list) {
    out.push_back({{"input", p.where},
                   {"line", p.line == 0 ? json(nullptr) : json(p.line)},
                   {"error", p.message}});
  }
  return out;
}

}  // namespace

IngestReport IngestBody(Store* writer, std::string_view body, const std::string& name,
                        const PipelineOptions& options) {
  IngestReport report;
  IngestPipeline pipeline(writer, options);
  ReportSink sink(&pipeline, name, &report);
  BodyStream stream(body);
  try {
    ReadStream(name, &stream, IngestOptions{}, &sink);
    if (report.failure.ok()) report.failure = pipeline.Flush();
  } catch (const std::bad_alloc&) {
    report.failure = Status::ResourceExhausted(name + ": out of memory while ingesting");
  } catch (const std::exception& e) {
    report.failure = Status::Internal(name + ": unexpected error while ingesting: " + e.what());
  }
  report.added = pipeline.added();
  report.unchanged = pipeline.unchanged();
  return report;
}

nlohmann::json IngestReportJson(const IngestReport& report) {
  json out = {{"read", report.read},
              {"added", report.added},
              {"unchanged", report.unchanged},
              {"rejected", report.rejected},
              {"errors", ProblemsJson(report.errors)},
              {"warnings", ProblemsJson(report.warnings)}};
  if (report.rejected > report.errors.size()) out["errors_truncated"] = true;
  return out;
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string PublicMessage(const Status& s, std::string_view db_path) {
  std::string_view m = s.message();
  if (!db_path.empty() && m.size() > db_path.size() + 2 && m.substr(0, db_path.size()) == db_path &&
      m.substr(db_path.size(), 2) == ": ") {
    m.remove_prefix(db_path.size() + 2);
  }
  return std::string(m);
}

}  // namespace witness::server
