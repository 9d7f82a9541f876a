package netsim.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads which namespaces a process is in, as the kernel names them ({@code net:[4026531833]}). */
final class Namespaces {

  private Namespaces() {}

  /** This process's namespace of a kind ({@code net}, {@code mnt}, {@code pid}), or null. */
  static String id(String kind) {
    return id(ProcessHandle.current().pid(), kind);
  }

  /** A process's namespace of a kind, or null when it cannot be read (gone, or a zombie). */
  static String id(long pid, String kind) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", kind)).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }
}
