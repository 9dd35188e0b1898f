#include "ingest/read_json.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "ingest/ingest_internal.h"
#include "ingest/json_util.h"
#include "ingest/streams.h"

namespace witness::ingest_internal {

namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimJson(std::string_view s) {
  while (!s.empty() && IsJsonSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsJsonSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsBlank(std::string_view s) { return TrimJson(s).empty(); }

class JsonReader {
 public:
  JsonReader(const JsonReadOptions& read, const IngestOptions& options, ArticleSink* sink)
      : read_(read), name_(read.name), options_(options), sink_(sink) {
    fallback_source_ = read.folder.empty() ? options.default_source : std::string(read.folder);
  }

  bool Run(ByteStream* stream, std::string* consumed) {
    LineReader lines(stream, options_.max_line_bytes);
    std::string raw_so_far;  // what was taken, in case the input is not JSON after all
    std::string_view line;
    uint64_t number = 0, too_long = 0;
    Status error;

    // The first non-blank line decides between JSON Lines and a JSON document.
    std::string first;
    uint64_t first_number = 0;
    while (true) {
      const LineReader::Kind k = lines.Next(&line, &number, &too_long, &error);
      if (k == LineReader::Kind::kEnd) {
        sink_->Reject(Status::InvalidArgument(name_ + ": no JSON records (only blank lines)"));
        return true;
      }
      if (k == LineReader::Kind::kError) {
        sink_->Reject(error);
        return true;
      }
      if (k == LineReader::Kind::kTooLong) {
        TooLong(number, too_long);
        return ReadLines(&lines);  // a huge first line: this is no small document
      }
      if (!IsBlank(line)) {
        first = std::string(line);
        first_number = number;
        break;
      }
      raw_so_far.append(line).push_back('\n');
    }
    const std::string_view t1 = TrimJson(first);
    std::optional<std::string> second;
    uint64_t second_number = 0;
    std::string between;  // blank lines between the first and second record lines
    bool document = !t1.empty() && t1[0] == '[';
    const bool open_object = !t1.empty() && t1[0] == '{' && IsOpenJsonLine(t1);
    bool second_pending_error = false;
    const auto read_second = [&]() {
      while (true) {
        const LineReader::Kind k = lines.Next(&line, &number, &too_long, &error);
        if (k == LineReader::Kind::kLine && IsBlank(line)) {
          between.append(line).push_back('\n');
          continue;
        }
        if (k == LineReader::Kind::kLine) {
          second = std::string(line);
          second_number = number;
        } else if (k == LineReader::Kind::kTooLong) {
          second_pending_error = true;  // reported in line mode below
          second_number = number;
        } else if (k == LineReader::Kind::kError) {
          second_pending_error = true;
        }
        return;
      }
    };
    if (open_object) {
      read_second();
      document = !second_pending_error &&
                 (!second || TrimJson(*second).empty() || TrimJson(*second)[0] != '{');
    }
    if (document) {
      std::string doc = first;
      doc.push_back('\n');
      doc += between;
      if (second) doc.append(*second).push_back('\n');
      return ReadDocument(&lines, stream, std::move(doc), first_number);
    }

    // JSON Lines. When only the content said JSON and the first two records are not JSON at
    // all, this is a text that happens to start with '{': give it back.
    if (read_.allow_plain_text_fallback && !parser_.IsJsonObjectText(t1)) {
      if (!open_object) read_second();
      const bool second_json = second && parser_.IsJsonObjectText(TrimJson(*second));
      if (!second_json && !second_pending_error) {
        consumed->swap(raw_so_far);
        consumed->append(first).push_back('\n');
        consumed->append(between);
        if (second) consumed->append(*second).push_back('\n');
        consumed->append(lines.Buffered());
        return false;
      }
    }
    Record(first, first_number);
    if (second) {
      Record(*second, second_number);
    } else if (second_pending_error) {
      if (!error.ok()) {
        sink_->Reject(error.WithMessage(error.message() + " (after line " +
                                        std::to_string(first_number) + ")"));
        return true;
      }
      TooLong(second_number, too_long);
    }
    return ReadLines(&lines);
  }

 private:
  std::string Origin(uint64_t line_number) const {
    return name_ + ":" + std::to_string(line_number);
  }

  void Record(std::string_view text, uint64_t line_number) { Emit(text, Origin(line_number)); }

  void Emit(std::string_view text, const std::string& origin) {
    warnings_.clear();
    StatusOr<Article> a = parser_.Parse(text, origin, options_, fallback_source_, &warnings_);
    if (!a.ok()) {
      sink_->Reject(a.status());
      return;
    }
    for (const std::string& w : warnings_) sink_->Warn(w);
    sink_->Accept(std::move(*a));
  }

  void TooLong(uint64_t line_number, uint64_t size) {
    sink_->Reject(Status::ResourceExhausted(
        Origin(line_number) + ": line is " + FormatBytes(size) + ", over the limit of " +
        FormatBytes(options_.max_line_bytes) + " (max_line_bytes)"));
  }

  bool ReadLines(LineReader* lines) {
    std::string_view line;
    uint64_t number = 0, too_long = 0;
    Status error;
    while (true) {
      switch (lines->Next(&line, &number, &too_long, &error)) {
        case LineReader::Kind::kEnd:
          return true;
        case LineReader::Kind::kError:
          sink_->Reject(error.WithMessage(error.message() + " (after line " +
                                          std::to_string(lines->lines_read()) + ")"));
          return true;
        case LineReader::Kind::kTooLong:
          TooLong(number, too_long);
          break;
        case LineReader::Kind::kLine:
          if (!IsBlank(line)) Record(line, number);
          break;
      }
    }
  }

  // A whole JSON document: read it (up to max_line_bytes), cut it into its top-level values and
  // parse each as one record.
  bool ReadDocument(LineReader* lines, ByteStream* stream, std::string doc, uint64_t first_line) {
    PrefixedStream rest{std::string(lines->Buffered()), stream};
    std::string tail;
    bool over = false;
    uint64_t total = 0;
    const size_t room =
        options_.max_line_bytes > doc.size() ? options_.max_line_bytes - doc.size() : 0;
    Status s = ReadAtMost(&rest, room, &tail, &over, &total, 0);
    if (!s.ok()) {
      sink_->Reject(s);
      return true;
    }
    if (over) {
      sink_->Reject(Status::ResourceExhausted(
          name_ + ": JSON document is larger than the limit of " +
          FormatBytes(options_.max_line_bytes) +
          " (max_line_bytes; write one record per line to read any size)"));
      return true;
    }
    doc += tail;
    bool complete = true;
    const std::vector<ValueRange> values = SplitTopLevelValues(doc, &complete);
    const bool array = TrimJson(doc).substr(0, 1) == "[";
    if (values.empty()) {
      sink_->Reject(Status::InvalidArgument(
          name_ + (array ? ": JSON array holds no records" : ": no JSON records")));
      return true;
    }
    if (!array && values.size() == 1) {
      Emit(std::string_view(doc).substr(values[0].begin, values[0].end - values[0].begin), name_);
      return true;
    }
    // Origins: "path:line" where the value starts; "path:line:column" (bytes, from 1) when
    // more than one value starts on that line, so that every origin names one record.
    std::vector<uint64_t> starts(values.size());
    std::vector<size_t> columns(values.size());
    uint64_t line = first_line;
    size_t counted_to = 0, line_start = 0;
    for (size_t i = 0; i < values.size(); ++i) {
      for (size_t k = counted_to; k < values[i].begin; ++k) {
        if (doc[k] == '\n') {
          ++line;
          line_start = k + 1;
        }
      }
      counted_to = values[i].begin;
      starts[i] = line;
      columns[i] = values[i].begin - line_start + 1;
    }
    for (size_t i = 0; i < values.size(); ++i) {
      const bool shared = (i > 0 && starts[i - 1] == starts[i]) ||
                          (i + 1 < values.size() && starts[i + 1] == starts[i]);
      const std::string origin =
          shared ? Origin(starts[i]) + ":" + std::to_string(columns[i]) : Origin(starts[i]);
      Emit(std::string_view(doc).substr(values[i].begin, values[i].end - values[i].begin), origin);
    }
    if (array && !complete) {
      sink_->Warn(name_ + ": JSON array is not closed (is the file cut short?)");
    }
    return true;
  }

  const JsonReadOptions& read_;
  std::string name_;
  const IngestOptions& options_;
  ArticleSink* sink_;
  std::string fallback_source_;
  JsonRecordParser parser_;
  std::vector<std::string> warnings_;
};

}  // namespace

bool ReadJsonRecords(ByteStream* stream, const JsonReadOptions& read, const IngestOptions& options,
                     ArticleSink* sink, std::string* consumed) {
  JsonReader reader(read, options, sink);
  return reader.Run(stream, consumed);
}

}  // namespace witness::ingest_internal
