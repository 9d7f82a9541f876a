package netsim.sandbox;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Processes seen from this machine's own PID namespace, for tests that kill things. */
final class Processes {

  private Processes() {}

  /** A process and all its descendants, by PID. */
  static Set<Long> tree(long pid) {
    Set<Long> pids = ProcessHandle.of(pid).stream()
        .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p),
            p.descendants()))
        .map(ProcessHandle::pid)
        .collect(Collectors.toCollection(TreeSet::new));
    return pids;
  }

  /**
   * Whether a process still runs. A zombie does not: it holds no namespace, mount or memory, only
   * an exit status for whoever reaps it (here the machine's init, in its own time).
   */
  static boolean isLive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Waits up to 10 s for all of these processes to end; fails naming those left. */
  static void awaitGone(Set<Long> pids) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      Set<Long> live = pids.stream().filter(Processes::isLive)
          .collect(Collectors.toCollection(TreeSet::new));
      if (live.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail("these processes of the sandbox outlived it: " + live);
      }
      Thread.sleep(50);
    }
  }

  /** Every PID on the machine whose namespace of this kind is {@code ns}. */
  static Set<Long> inNamespace(String kind, String ns) throws IOException {
    try (var dirs = Files.list(Path.of("/proc"))) {
      return dirs.map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .filter(pid -> ns.equals(Namespaces.id(pid, kind)))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Every PID on the machine whose mount table mentions this text (an nsfs mount, say). */
  static Set<Long> mounting(String text) throws IOException {
    try (var dirs = Files.list(Path.of("/proc"))) {
      return dirs.map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(Long::parseLong)
          .filter(pid -> {
            try {
              return Files.readString(Path.of("/proc", Long.toString(pid), "mountinfo"))
                  .contains(text);
            } catch (IOException e) {
              return false;
            }
          })
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
