package netsim.script;

import java.util.List;

/** A parsed scenario: its name (the file it came from) and its command lines in order. */
public record Script(String file, List<ScriptLine> lines) {
  public Script {
    lines = List.copyOf(lines);
  }

  /** The lines up to and including file line {@code upto} (lines that start after it are left out). */
  public Script upto(int upto) {
    return new Script(file, lines.stream().filter(l -> l.line() <= upto).toList());
  }
}
