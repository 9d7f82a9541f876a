package netsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import netsim.script.Script;
import netsim.script.ScriptParser;

/** Reading a scenario file, with a clear message (no stack trace) when it cannot be read. */
final class ScriptFiles {
  private ScriptFiles() {}

  static final class Unreadable extends Exception {
    Unreadable(String msg) {
      super(msg);
    }
  }

  static Script read(Path file) throws Unreadable {
    try {
      return ScriptParser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new Unreadable("netsim: " + file + ": No such file or directory");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new Unreadable("netsim: " + file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
