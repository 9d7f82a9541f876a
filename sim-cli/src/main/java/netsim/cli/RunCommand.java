package netsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;
import netsim.sim.Explain;
import netsim.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim run [--json] FILE}: runs a scenario in the simulator and prints what each line
 * prints, as the real tools would. Exit 0 only when every line met its expectation (a line with
 * a leading {@code !} must fail), 1 otherwise, 2 when the file cannot be read.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs a scenario in the simulator, printing each line's output as the real"
        + " tools would. Exit 0 only when every line met its expectation.")
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--json", description = "One JSON object per command line: line, command,"
      + " status, stdout, stderr.")
  boolean json;

  @Option(names = "--echo", description = "Print each command, after `$ `, before its output.")
  boolean echo;

  @Option(names = "--explain", description = "After each line, why it did what it did: the"
      + " capability checks that failed, and every packet's way for each ping (lines starting"
      + " with `# `; in JSON, an \"explain\" array).")
  boolean explain;

  @Parameters(paramLabel = "FILE", description = "The scenario.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Script script;
    try {
      script = ScriptFiles.read(file);
    } catch (ScriptFiles.Unreadable e) {
      err.println(e.getMessage());
      return 2;
    }
    Simulator.Session s = new Simulator().newSession();
    ObjectMapper om = new ObjectMapper();
    List<Integer> failed = new ArrayList<>();
    for (ScriptLine l : script.lines()) {
      if (explain) {
        Explain.reset(s.kernel());
      }
      LineResult r = s.runLine(l);
      List<String> why = explain ? Explain.after(s.kernel()) : List.of();
      if (!r.ok()) {
        failed.add(r.line());
      }
      if (json) {
        ObjectNode o = om.createObjectNode();
        o.put("line", r.line());
        o.put("command", r.command());
        o.put("status", r.status());
        o.put("stdout", r.stdout());
        o.put("stderr", r.stderr());
        if (explain) {
          why.forEach(o.putArray("explain")::add);
        }
        out.println(o.toString());
      } else {
        if (echo) {
          out.println("$ " + r.command());
        }
        out.print(r.stdout());
        out.flush();
        err.print(r.stderr());
        err.flush();
        for (String w : why) {
          out.println("# " + w);
        }
      }
    }
    if (!failed.isEmpty() && !json) {
      err.println("netsim: " + failed.size() + " of " + script.lines().size()
          + " lines did not meet their expectation: line"
          + (failed.size() > 1 ? "s " : " ") + join(failed));
    }
    return failed.isEmpty() ? 0 : 1;
  }

  private static String join(List<Integer> l) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(l.get(i));
    }
    return sb.toString();
  }
}
