#include "witness/status.h"

#include <gtest/gtest.h>

namespace witness {
namespace {

TEST(StatusTest, OkHasNoMessage) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_EQ(s.Annotate("ctx"), s);
}

TEST(StatusTest, ErrorCarriesCodeAndMessage) {
  Status s = Status::InvalidArgument("a.jsonl:3: expected '}'");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.ToString(), "invalid argument: a.jsonl:3: expected '}'");
  EXPECT_EQ(s.Annotate("ingest").message(), "ingest: a.jsonl:3: expected '}'");
}

TEST(StatusTest, FromCodeAndWithMessage) {
  for (Status::Code c : {Status::Code::kInvalidArgument, Status::Code::kNotFound,
                         Status::Code::kIoError, Status::Code::kCorruption,
                         Status::Code::kUnsupported, Status::Code::kResourceExhausted,
                         Status::Code::kInternal}) {
    const Status s = Status::FromCode(c, "m");
    EXPECT_EQ(s.code(), c);
    EXPECT_EQ(s.message(), "m");
    EXPECT_EQ(s.WithMessage("n").code(), c);
    EXPECT_EQ(s.WithMessage("n").message(), "n");
  }
  EXPECT_EQ(Status::FromCode(Status::Code::kOk, "ignored"), Status::OK());
  EXPECT_EQ(Status::OK().WithMessage("ignored"), Status::OK());
  EXPECT_EQ(Status::NotFound("x"), Status::FromCode(Status::Code::kNotFound, "x"));
}

TEST(StatusOrTest, HoldsValueOrStatus) {
  StatusOr<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
  StatusOr<int> e = Status::NotFound("article x");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), Status::Code::kNotFound);
}

Status FailsThrough() {
  WITNESS_RETURN_IF_ERROR(Status::IoError("disk"));
  return Status::OK();
}

TEST(StatusTest, ReturnIfErrorPropagates) {
  EXPECT_EQ(FailsThrough().code(), Status::Code::kIoError);
}

TEST(StatusOrDeathTest, ValueOfErrorAborts) {
  StatusOr<int> e = Status::Internal("x");
  EXPECT_DEATH((void)e.value(), "");
}

}  // namespace
}  // namespace witness
