package netsim.engine;

import netsim.model.Device;
import netsim.model.NetNs;

/**
 * Where the packet engine hands a packet to netfilter: one call per hook the kernel runs
 * ({@code NF_HOOK}), which answers whether the packet goes on (perhaps translated), is dropped,
 * or is rejected with an ICMP error.
 */
public interface Hooks {
  /** The five IPv4 hooks, in the order a forwarded packet meets three of them. */
  enum Hook { PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING }

  /** What a hook did. */
  record Verdict(Kind kind, Packet packet, int rejectType, int rejectCode, String explanation) {
    public enum Kind { ACCEPT, DROP, REJECT }

    public static Verdict accept(Packet p) {
      return new Verdict(Kind.ACCEPT, p, 0, 0, null);
    }
  }

  /**
   * Runs a hook in {@code ns} for {@code p}, which came in on {@code in} and/or goes out of
   * {@code out} towards {@code nextHop} (0 where not known yet).
   */
  Verdict run(NetNs ns, Hook hook, Packet p, Device in, Device out, int nextHop, long now);

  /** No netfilter at all: everything passes. */
  Hooks NONE = (ns, hook, p, in, out, nh, now) -> Verdict.accept(p);
}
