package netsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netsim.sim.Prober;
import netsim.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim matrix FILE [--upto LINE] [--from NS,...] [--to ADDR,...]}: after the scenario,
 * whether each source namespace can ping each address, one line per pair as the seed tutorial
 * prints it: {@code OK from testns1 ping to 192.168.20.101}. Each probe is
 * {@code ping -c1 -W1 ADDR} run in that namespace; {@code --why} adds where each NG was lost,
 * {@code --json} gives one object per pair. Exit 0; 2 when the file or a namespace is unknown.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
    description = "Prints OK/NG for each pair of source namespace and address, as"
        + " `ping -c1 -W1 ADDR` in that namespace would answer after the scenario.")
public final class MatrixCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The scenario.")
  Path file;

  @Option(names = "--upto", paramLabel = "LINE",
      description = "Run the scenario only up to and including this line.")
  int upto;

  @Option(names = "--from", split = ",", paramLabel = "NS",
      description = "Source namespaces, in order (default: every namespace, then host).")
  List<String> from = new ArrayList<>();

  @Option(names = "--to", split = ",", paramLabel = "ADDR",
      description = "Destinations, in order (default: every IPv4 address outside lo).")
  List<String> to = new ArrayList<>();

  @Option(names = "--why", description = "After each NG, where and why the probe was lost.")
  boolean why;

  @Option(names = "--json", description = "One JSON object per pair: from, to, verdict, and"
      + " for an NG where it was lost.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Simulator.Session s = World.build(file, upto, err);
    if (s == null) {
      return 2;
    }
    Prober prober = new Prober(s);
    List<String> sources = from.isEmpty() ? prober.defaultSources() : from;
    for (String src : sources) {
      if (prober.namespace(src) == null) {
        err.println("netsim: no network namespace called \"" + src + "\" (use a name from"
            + " /run/netns, or host)");
        return 2;
      }
    }
    List<String> targets = to.isEmpty() ? prober.defaultTargets() : to;
    ObjectMapper om = new ObjectMapper();
    for (String src : sources) {
      for (String dst : targets) {
        Prober.Probe p = prober.probe(src, dst, false);
        if (json) {
          ObjectNode o = om.createObjectNode();
          o.put("from", src);
          o.put("to", dst);
          o.put("verdict", p.ok() ? "OK" : "NG");
          if (!p.ok()) {
            o.put("lost_at", p.lostAt());
          }
          out.println(o.toString());
          continue;
        }
        String line = (p.ok() ? "OK" : "NG") + " from " + src + " ping to " + dst;
        String lost = why && !p.ok() ? p.lostAt() : null;
        out.println(lost == null ? line : line + " (lost " + lost + ")");
      }
    }
    out.flush();
    return 0;
  }
}
