package netsim.sim;

import java.util.List;
import netsim.run.LineResult;
import netsim.script.ScriptParser;

/** Test helper: runs scenario text in a fresh simulator. */
public final class Sim {
  private Sim() {}

  public static List<LineResult> run(String text) {
    return new Simulator().run(ScriptParser.parse("test.sh", text));
  }

  /** The result of the last line. */
  public static LineResult last(String text) {
    List<LineResult> r = run(text);
    return r.get(r.size() - 1);
  }

  /** A session after running the text, to look at or probe. */
  public static Simulator.Session session(String text) {
    Simulator.Session s = new Simulator().newSession();
    s.runAll(ScriptParser.parse("test.sh", text));
    return s;
  }

  public static final String ROUTER = """
      ip netns add h1
      ip netns add r
      ip netns add h2
      ip -n r link add r1 type veth peer name h1e netns h1
      ip -n r link add r2 type veth peer name h2e netns h2
      ip -n r addr add 10.0.1.1/24 dev r1
      ip -n h1 addr add 10.0.1.2/24 dev h1e
      ip -n r addr add 10.0.2.1/24 dev r2
      ip -n h2 addr add 10.0.2.2/24 dev h2e
      ip -n r link set r1 up
      ip -n r link set r2 up
      ip -n r link set lo up
      ip -n h1 link set h1e up
      ip -n h1 link set lo up
      ip -n h2 link set h2e up
      ip -n h2 link set lo up
      ip -n h1 route add default via 10.0.1.1
      ip -n h2 route add default via 10.0.2.1
      """;
}
