#include "config/process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace provcheck {
namespace {

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }
  int get() const { return fd_; }
  void Reset(int fd) {
    Close();
    fd_ = fd;
  }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

absl::Status Errno(const std::string& what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

}  // namespace

absl::StatusOr<ProcessResult> RunProcess(const std::vector<std::string>& argv,
                                         const std::string& input,
                                         const std::string& directory) {
  if (argv.empty()) return absl::InvalidArgumentError("no program to run");
  // Standard input is a socket so that a child which exits without reading
  // it gives EPIPE to send(MSG_NOSIGNAL) rather than a SIGPIPE that would
  // kill provcheck (and ignoring SIGPIPE would be process-wide state).
  int in_pair[2], out_pipe[2], err_pipe[2], exec_pipe[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0) {
    return Errno("socketpair");
  }
  Fd in_parent(in_pair[0]), in_child(in_pair[1]);
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) return Errno("pipe");
  Fd out_parent(out_pipe[0]), out_child(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) return Errno("pipe");
  Fd err_parent(err_pipe[0]), err_child(err_pipe[1]);
  // Closed by a successful exec; carries errno when exec fails.
  if (::pipe2(exec_pipe, O_CLOEXEC) != 0) return Errno("pipe");
  Fd exec_parent(exec_pipe[0]), exec_child(exec_pipe[1]);

  std::vector<char*> args;
  for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) return Errno("fork");
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec.
    int error = 0;
    if (!directory.empty() && ::chdir(directory.c_str()) != 0) {
      error = errno;
    } else if (::dup2(in_child.get(), 0) < 0 ||
               ::dup2(out_child.get(), 1) < 0 ||
               ::dup2(err_child.get(), 2) < 0) {
      error = errno;
    } else {
      ::execvp(args[0], args.data());
      error = errno;
    }
    [[maybe_unused]] ssize_t ignored =
        ::write(exec_child.get(), &error, sizeof error);
    ::_exit(127);
  }
  in_child.Close();
  out_child.Close();
  err_child.Close();
  exec_child.Close();

  int exec_error = 0;
  const ssize_t got = ::read(exec_parent.get(), &exec_error, sizeof exec_error);
  if (got == static_cast<ssize_t>(sizeof exec_error)) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return absl::FailedPreconditionError(
        absl::StrCat("cannot run ", argv[0], ": ", std::strerror(exec_error)));
  }

  ProcessResult result;
  size_t written = 0;
  if (input.empty()) in_parent.Close();
  char buffer[8192];
  while (out_parent.get() >= 0 || err_parent.get() >= 0) {
    pollfd fds[3];
    int count = 0;
    auto watch = [&](const Fd& fd, short events) {
      if (fd.get() >= 0) fds[count++] = pollfd{fd.get(), events, 0};
    };
    watch(out_parent, POLLIN);
    watch(err_parent, POLLIN);
    watch(in_parent, POLLOUT);
    if (::poll(fds, count, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < count; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_parent.get()) {
        const ssize_t sent =
            ::send(in_parent.get(), input.data() + written,
                   input.size() - written, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) written += static_cast<size_t>(sent);
        if ((sent < 0 && errno != EAGAIN && errno != EINTR) ||
            written == input.size()) {
          in_parent.Close();
        }
        continue;
      }
      Fd& source = fds[i].fd == out_parent.get() ? out_parent : err_parent;
      std::string& sink = &source == &out_parent ? result.out : result.err;
      const ssize_t n = ::read(source.get(), buffer, sizeof buffer);
      if (n > 0) {
        sink.append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        source.Close();
      }
    }
  }
  in_parent.Close();
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace provcheck
