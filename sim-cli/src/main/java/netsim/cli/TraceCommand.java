package netsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netsim.engine.Journey;
import netsim.engine.Step;
import netsim.sim.Explain;
import netsim.sim.Prober;
import netsim.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim trace FILE --from NS --to ADDR [--upto LINE] [--json]}: one probe's way, request
 * and reply, step by step in the kernel's terms, and for a failure the step that lost it. Exit
 * 0 when the probe got a reply, 1 when not, 2 on bad input.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
    description = "Shows one `ping -c1 -W1` probe's way after the scenario: every step the"
        + " request and the reply took, and what decided each one.")
public final class TraceCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The scenario.")
  Path file;

  @Option(names = "--from", required = true, paramLabel = "NS", description = "Source.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "ADDR", description = "Destination.")
  String to;

  @Option(names = "--upto", paramLabel = "LINE", description = "Run the scenario up to here.")
  int upto;

  @Option(names = "--json", description = "Print the trace as JSON.")
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
    if (prober.namespace(from) == null) {
      err.println("netsim: no network namespace called \"" + from + "\"");
      return 2;
    }
    Prober.Probe p = prober.probe(from, to);
    if (json) {
      ObjectMapper om = new ObjectMapper();
      ObjectNode o = om.createObjectNode();
      o.put("from", from);
      o.put("to", to);
      o.put("verdict", p.ok() ? "OK" : "NG");
      o.put("ping_status", p.status());
      ArrayNode packets = o.putArray("packets");
      for (Journey j : p.journeys()) {
        ObjectNode jo = packets.addObject();
        jo.put("packet", j.label());
        jo.put("header", j.packet().describe());
        jo.put("fate", j.fate().name());
        ArrayNode steps = jo.putArray("steps");
        for (Step st : j.steps()) {
          ObjectNode so = steps.addObject();
          so.put("ns", st.ns());
          so.put("kind", st.kind().name());
          so.put("detail", st.detail());
          so.put("lost", st.lost());
        }
      }
      if (!p.ok()) {
        o.put("lost_at", p.lostAt());
      }
      out.println(o.toPrettyString());
      out.flush();
      return p.ok() ? 0 : 1;
    }
    out.println("probe: ping -c1 -W1 " + to + " in " + from);
    for (Journey j : p.journeys()) {
      out.println();
      Explain.journey(j).forEach(out::println);
    }
    out.println();
    if (p.ok()) {
      out.println("verdict: OK (a reply came back)");
    } else {
      String lost = p.lostAt();
      out.println("verdict: NG" + (lost == null ? "" : " (lost " + lost + ")")
          + (p.journeys().stream().anyMatch(j -> j.label().equals("reply"))
              ? "" : "; nothing came back"));
    }
    out.flush();
    return p.ok() ? 0 : 1;
  }
}
