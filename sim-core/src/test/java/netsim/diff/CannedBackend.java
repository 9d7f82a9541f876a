package netsim.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netsim.run.Backend;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;

/**
 * A backend for tests that answers every line with status 0 and stdout {@code "<command>\n"},
 * except the lines (by file line number) it is given a result for.
 */
record CannedBackend(String name, Map<Integer, LineResult> answers) implements Backend {

  @Override
  public List<LineResult> run(Script script) {
    List<LineResult> out = new ArrayList<>();
    for (ScriptLine l : script.lines()) {
      if (l.isRefused()) {
        out.add(LineResult.refused(l));
      } else {
        out.add(answers.getOrDefault(l.line(),
            new LineResult(l.line(), l.text(), 0, l.text() + "\n", "")));
      }
    }
    return out;
  }
}
