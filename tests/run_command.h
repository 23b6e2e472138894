// Runs the built provcheck binary the way a user would, for end-to-end tests.
#ifndef PROVCHECK_TESTS_RUN_COMMAND_H_
#define PROVCHECK_TESTS_RUN_COMMAND_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace provcheck::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `provcheck ARGS` in the source tree (so fixture paths stay relative)
// through the shell; ARGS is shell text.
inline CommandResult RunProvcheck(const std::string& args,
                                  const std::string& stdin_text = "") {
  static int counter = 0;
  const std::string stem = ::testing::TempDir() + "provcheck-e2e-" +
                           std::to_string(::getpid()) + "-" +
                           std::to_string(counter++);
  const std::string in_path = stem + ".in", out_path = stem + ".out",
                    err_path = stem + ".err";
  std::ofstream(in_path) << stdin_text;
  const std::string command = std::string("cd '") + PROVCHECK_SOURCE_DIR +
                              "' && '" + PROVCHECK_BINARY + "' " + args +
                              " <'" + in_path + "' >'" + out_path + "' 2>'" +
                              err_path + "'";
  const int status = std::system(command.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFileOrEmpty(out_path);
  result.err = ReadFileOrEmpty(err_path);
  std::remove(in_path.c_str());
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return result;
}

}  // namespace provcheck::testing

#endif  // PROVCHECK_TESTS_RUN_COMMAND_H_
