package netsim.engine;

/**
 * One thing that happened to a packet, in one namespace, and what decided it: the route or rule
 * chosen, the neighbour that answered, the device crossed, the netfilter rule, the sysctl or link
 * state that stopped it.
 *
 * @param ns the namespace (its /run/netns name, or {@code host})
 * @param kind what kind of step
 * @param detail what happened, in the kernel's terms
 * @param lost whether the packet ended here without being delivered
 */
public record Step(String ns, Kind kind, String detail, boolean lost) {

  /** The stages of the kernel's path, in the order a packet can meet them. */
  public enum Kind {
    SEND, OUTPUT_ROUTE, NETFILTER, NEIGHBOUR, TRANSMIT, BRIDGE, RECEIVE, INPUT_ROUTE, FORWARD,
    DELIVER, ICMP, DROP
  }

  public static Step of(String ns, Kind kind, String detail) {
    return new Step(ns, kind, detail, false);
  }

  public static Step drop(String ns, String detail) {
    return new Step(ns, Kind.DROP, detail, true);
  }

  @Override
  public String toString() {
    return "[" + ns + "] " + kind.name().toLowerCase().replace('_', ' ') + ": " + detail;
  }
}
