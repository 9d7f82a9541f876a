package netsim.bench;

import netsim.script.ScriptParser;
import netsim.sim.Simulator;

/** Generated networks for the benchmarks, as scenario scripts. */
final class Networks {
  private Networks() {}

  /** The address of namespace {@code i}'s end of its link to the router. */
  static String hostAddr(int i) {
    return "10." + (i / 250) + "." + (i % 250) + ".2";
  }

  /**
   * {@code n} namespaces n0..n(n-1), each joined by a veth pair to one forwarding router
   * namespace {@code r} on its own /24, with a default route through it.
   */
  static String star(int n) {
    StringBuilder sb = new StringBuilder();
    sb.append("ip netns add r\nip -n r link set lo up\n");
    sb.append("ip netns exec r sysctl -q -w net.ipv4.ip_forward=1\n");
    for (int i = 0; i < n; i++) {
      String net = "10." + (i / 250) + "." + (i % 250);
      String ns = "n" + i;
      sb.append("ip netns add ").append(ns).append('\n');
      sb.append("ip -n r link add r").append(i).append(" type veth peer name e netns ")
          .append(ns).append('\n');
      sb.append("ip -n r addr add ").append(net).append(".1/24 dev r").append(i).append('\n');
      sb.append("ip -n ").append(ns).append(" addr add ").append(net).append(".2/24 dev e\n");
      sb.append("ip -n r link set r").append(i).append(" up\n");
      sb.append("ip -n ").append(ns).append(" link set e up\n");
      sb.append("ip -n ").append(ns).append(" link set lo up\n");
      sb.append("ip -n ").append(ns).append(" route add default via ").append(net)
          .append(".1\n");
    }
    return sb.toString();
  }

  static Simulator.Session build(String script) {
    Simulator.Session s = new Simulator().newSession();
    s.runAll(ScriptParser.parse("bench.sh", script));
    return s;
  }
}
