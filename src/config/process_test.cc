#include "config/process.h"

#include <gtest/gtest.h>

namespace provcheck {
namespace {

TEST(RunProcessTest, FeedsStandardInputAndCapturesOutput) {
  absl::StatusOr<ProcessResult> run = RunProcess({"cat"}, "one\ntwo\n");
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->exit_code, 0);
  EXPECT_EQ(run->out, "one\ntwo\n");
}

TEST(RunProcessTest, CapturesStandardErrorAndTheExitCode) {
  absl::StatusOr<ProcessResult> run =
      RunProcess({"sh", "-c", "echo oops >&2; exit 3"});
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->exit_code, 3);
  EXPECT_EQ(run->err, "oops\n");
}

TEST(RunProcessTest, RunsInTheGivenDirectory) {
  absl::StatusOr<ProcessResult> run = RunProcess({"pwd"}, "", "/");
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->out, "/\n");
}

TEST(RunProcessTest, AChildThatIgnoresItsInputDoesNotKillTheParent) {
  const std::string big(1 << 20, 'x');  // more than a socket buffer
  absl::StatusOr<ProcessResult> run = RunProcess({"true"}, big);
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_EQ(run->exit_code, 0);
}

TEST(RunProcessTest, MissingProgramIsAnError) {
  EXPECT_FALSE(RunProcess({"provcheck-no-such-program"}).ok());
}

}  // namespace
}  // namespace provcheck
