package netsim.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one argument vector inside the sandbox and collects its status and output; used by the
 * agent only.
 *
 * <p>stdin is {@code /dev/null}, so nothing can wait for input; stdout and stderr go to files on
 * the sandbox's own tmpfs, so a command can write as much as it likes without blocking on a full
 * pipe. A command that runs longer than the limit is killed with its whole process tree. After
 * every command, whatever is left of it is killed too: the agent is PID 1 of the sandbox's PID
 * namespace, so a process orphaned by the command becomes the agent's child, and every child of the
 * agent is a leftover (no line of the language starts anything that should outlive it), except the
 * holder of the current {@link World}, which the agent started itself.
 */
final class ProcessRunner {

  /** The most of each stream that is kept; the rest is dropped with a note. */
  static final int MAX_OUTPUT = 8 << 20;

  /** The status reported for a command killed at the time limit (as timeout(1) reports it). */
  static final int TIMED_OUT = 124;

  /** The status reported for a command that could not be started (as bash reports it). */
  static final int CANNOT_RUN = 127;

  private final Path workDir;
  private final Path outDir;
  private final Duration limit;

  /** A child of the agent that outlives lines: the holder of the current world, or -1. */
  private volatile long spared = -1;

  ProcessRunner(Path workDir, Path outDir, Duration limit) {
    this.workDir = workDir;
    this.outDir = outDir;
    this.limit = limit;
  }

  record Result(int status, String stdout, String stderr) {}

  /** Spares this child of the agent when leftovers are killed ({@link World}'s holder); -1: none. */
  void spare(long pid) {
    spared = pid;
  }

  Result run(List<String> argv) throws IOException, InterruptedException {
    File out = outDir.resolve("stdout").toFile();
    File err = outDir.resolve("stderr").toFile();
    ProcessBuilder pb =
        new ProcessBuilder(argv)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out)
            .redirectError(err);
    pb.environment().clear();
    pb.environment().putAll(AgentCommand.ENVIRONMENT);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(CANNOT_RUN, "", "netsim: cannot run `" + argv.get(0) + "`: "
          + e.getMessage() + "\n");
    }
    boolean finished = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      killTree(p.toHandle());
      p.waitFor();
    }
    killLeftovers(spared);
    String stdout = read(out.toPath());
    String stderr = read(err.toPath());
    if (!finished) {
      return new Result(TIMED_OUT, stdout, stderr + "netsim: killed after "
          + limit.toSeconds() + " s, the sandbox's limit for one line\n");
    }
    return new Result(p.exitValue(), stdout, stderr);
  }

  /** Kills a process and everything below it, children first so none escapes by reparenting. */
  private static void killTree(ProcessHandle root) {
    root.descendants().forEach(ProcessHandle::destroyForcibly);
    root.destroyForcibly();
  }

  /** Kills every remaining process of the sandbox but the agent itself and {@code spared}. */
  static void killLeftovers(long spared) {
    ProcessHandle.current().children().filter(p -> p.pid() != spared)
        .forEach(ProcessRunner::killTree);
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_OUTPUT);
      String s = new String(bytes, StandardCharsets.UTF_8);
      if (in.read() >= 0) {
        s += "\nnetsim: output cut after " + MAX_OUTPUT + " bytes\n";
      }
      return s;
    }
  }
}
