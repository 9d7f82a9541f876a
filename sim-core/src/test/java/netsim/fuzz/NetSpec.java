package netsim.fuzz;

import java.util.List;

/**
 * A random network and what is asked of it, as small integers that {@link ScriptWriter} resolves
 * against the network it has built so far: a reference to the 7th device of a namespace that has
 * 3 is the 1st, a reference to a link when there is none writes nothing. So every value of every
 * field gives a valid script, and whatever jqwik shrinks (fewer namespaces, links, steps; smaller
 * indexes) still does.
 *
 * <p>The network: {@code nodes} network namespaces (the first may be the sandbox's own, which
 * plays the host), veth pairs between them with an address on each end from a small pool, then
 * configuration steps in order (more addresses, links up and down, routes, sysctls), then probes
 * (pings, {@code ip route get}, dumps of routes, addresses and links).
 *
 * @param nodes how many namespaces, 2 to 12
 * @param hostIsNode0 whether namespace 0 is the host (no {@code -n}) rather than a named one
 * @param indexed whether every veth end gets an ifindex of its own ({@code index N}, unique
 *     across the namespaces), rather than the next free one of its namespace
 * @param links the veth pairs, in creation order
 * @param config the configuration steps, in order
 * @param probes the questions, in order, after the configuration
 */
public record NetSpec(int nodes, boolean hostIsNode0, boolean indexed, List<Link> links,
    List<Step> config, List<Step> probes) {

  public NetSpec {
    links = List.copyOf(links);
    config = List.copyOf(config);
    probes = List.copyOf(probes);
  }

  /**
   * A veth pair from namespace {@code a} (mod nodes) to {@code b}, each end with an address in
   * pool subnet {@code subnet} (host parts {@code hostA}, {@code hostB}; subnet 0 is "no
   * address"), both ends up unless {@code downA}/{@code downB}.
   */
  public record Link(int a, int b, int subnet, int hostA, int hostB, boolean downA,
      boolean downB) {}

  /** An address: a link end's own ({@code END}), or any from the pools. */
  public record Target(Kind kind, int i, int j) {
    public enum Kind {
      /** The address of link end {@code i}. */
      END,
      /** The address at the other end of the asking namespace's device {@code i}. */
      PEER,
      /** Host {@code j} of pool subnet {@code i}. */
      POOL,
      /** The broadcast address of pool subnet {@code i}. */
      BROADCAST,
      /** One of a few special addresses ({@link Pools#SPECIAL}). */
      SPECIAL
    }
  }

  /** One line of the scenario (or none, when its references resolve to nothing). */
  public sealed interface Step {}

  /** {@code ip addr add} (or {@code del}) of pool address (subnet, host) on link end {@code end}. */
  public record Addr(int end, int subnet, int host, boolean delete) implements Step {}

  /** {@code ip link set END up|down}. */
  public record SetLink(int end, boolean up) implements Step {}

  /** {@code ip link set lo up|down} in a namespace. */
  public record SetLo(int node, boolean up) implements Step {}

  /**
   * A route change in a namespace: {@code verb} (add, replace, append, del) of pool prefix
   * {@code dst}, of {@code kind}, via gateway {@code gw}, through the namespace's device {@code
   * dev}, with pool metric {@code metric}, in pool table {@code table} ({@link Pools#TABLES};
   * 0 is main).
   */
  public record Route(int node, Verb verb, int dst, RouteKind kind, Target gw, int dev, int metric,
      int table) implements Step {}

  /** Route verbs. */
  public enum Verb { ADD, REPLACE, APPEND, DEL }

  /** What a route says. */
  public enum RouteKind { VIA, DEV, VIA_DEV, ONLINK, SRC, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW }

  /** {@code sysctl -w} of key {@code key} ({@link Pools#SYSCTLS}) for device {@code dev}. */
  public record Sysctl(int node, int key, int dev, int value) implements Step {}

  /**
   * {@code ping -c1 -W4 TARGET} ({@link ScriptWriter#PING}) from a namespace; {@code variant}
   * adds {@code -I}, {@code -t} or {@code -m}.
   */
  public record Ping(int node, Target target, int variant, int dev) implements Step {}

  /**
   * {@code ip route get TARGET} in a namespace; {@code mode} 1 adds {@code from FROM iif DEV}
   * (the input path), 2 {@code oif DEV}, 3 {@code from FROM}.
   */
  public record RouteGet(int node, Target target, int mode, Target from, int dev)
      implements Step {}

  /**
   * {@code ip rule add} (or {@code del}) in a namespace: selector {@code selector} ({@link
   * Pools#RULE_SELECTORS}) with argument {@code arg} (a prefix, device or link end, by the
   * selector), pool priority {@code prio}, pool action {@code action}. A delete with the empty
   * selector deletes by priority alone.
   */
  public record Rule(int node, int selector, int arg, int prio, int action, boolean delete)
      implements Step {}

  /**
   * A bridge in a namespace, {@code brK} (K counts the namespace's bridges), with pool address
   * (subnet, host) unless subnet is past the pool, brought up.
   */
  public record BridgeAdd(int node, int subnet, int host) implements Step {}

  /**
   * {@code ip link set END master brK}: link end {@code end} of those in namespaces that have a
   * bridge, to bridge {@code bridge} of its namespace.
   */
  public record Enslave(int end, int bridge) implements Step {}

  /**
   * {@code iptables -A} in a namespace: chain {@code chain} ({@link Pools#CHAINS}), match {@code
   * match} with argument {@code arg}, target {@code target} (by the chain's table).
   */
  public record Filter(int node, int chain, int match, int arg, int target) implements Step {}

  /** A dump ({@link Pools#DUMPS}) of a namespace's routes, addresses or links. */
  public record Dump(int node, int what) implements Step {}
}
