package netsim.engine;

import netsim.model.Device;
import netsim.model.Errno;
import netsim.model.Fault;
import netsim.model.Fib;
import netsim.model.FibResult;
import netsim.model.Flow;
import netsim.model.IfAddr;
import netsim.model.Ip4;
import netsim.model.NetNs;
import netsim.model.Route;
import netsim.model.RouteType;
import netsim.model.Scope;

/**
 * The kernel's IPv4 route resolution: {@code ip_route_output_key_hash_rcu} for locally
 * generated traffic, {@code ip_route_input_slow} for received packets (with martian checks and
 * {@code fib_validate_source}, the rp_filter). Both {@code ip route get} and the packet engine
 * use it, so what one shows is what the other does.
 */
public final class Routing {
  private Routing() {}

  /** The table a result is reported from: without custom rules, local and main are one trie. */
  private static int reportedTable(NetNs ns, FibResult r) {
    if (r.route() == null) {
      return 0;
    }
    int t = r.route().table();
    if (!ns.customRules() && t == Fib.TABLE_LOCAL) {
      return Fib.TABLE_MAIN;
    }
    return t;
  }

  /**
   * {@code ip_route_output_key_hash_rcu}: where a packet from this namespace to {@code dst}
   * goes. {@code src} is the bound source (0: choose one), {@code oif} a device the sender
   * insists on (or null).
   */
  public static RouteResult output(NetNs ns, int dst, int src, Device oif, int mark) {
    if (src != 0) {
      if (Ip4.isMulticast(src) || src == Ip4.BROADCAST || Ip4.isZeronet(src)) {
        return RouteResult.fail(Errno.EINVAL, null);
      }
      if (oif == null && (Ip4.isMulticast(dst) || dst == Ip4.BROADCAST)) {
        Device d = ns.deviceWithAddr(src);
        if (d == null) {
          return RouteResult.fail(Errno.ENETUNREACH, null);
        }
        return make(ns, RouteType.BROADCAST, d, 0, src, dst, 0, null, null);
      }
      // __ip_dev_find: an address of a device, or any address the local table calls local
      if (ns.deviceWithAddr(src) == null && !ns.isLocal(src)) {
        return RouteResult.fail(Errno.ENETUNREACH, null);
      }
    }
    if (oif != null) {
      if (!oif.isUp()) {
        return RouteResult.fail(Errno.ENETUNREACH, null);
      }
      if (dst == Ip4.BROADCAST || Ip4.isLocalMulticast(dst)) {
        if (src == 0) {
          src = ns.selectSrc(oif, 0, Scope.LINK);
        }
        return make(ns, RouteType.BROADCAST, oif, 0, src, dst, 0, null, null);
      }
      if (src == 0 && dst == 0) {
        src = ns.selectSrc(oif, 0, Scope.HOST);
      }
    }
    if (dst == 0) {
      dst = src;
      if (dst == 0) {
        dst = Ip4.of("127.0.0.1");
        src = dst;
      }
      return make(ns, RouteType.LOCAL, ns.lo(), 0, src, dst, Fib.TABLE_MAIN, null, null);
    }
    FibResult r = ns.fib().lookup(new Flow(dst, src, null, oif, mark, 0, Scope.UNIVERSE), false);
    if (r.failed()) {
      if (oif != null) {
        // "Apparently, routing tables are wrong. Assume, that the destination is on link."
        if (src == 0) {
          src = ns.selectSrc(oif, 0, Scope.LINK);
        }
        return make(ns, RouteType.UNICAST, oif, 0, src, dst, 0, null, r);
      }
      return RouteResult.fail(r.error(), r);
    }
    Route route = r.route();
    if (route.type() == RouteType.LOCAL) {
      if (src == 0) {
        src = route.prefsrc() != 0 ? route.prefsrc() : dst;
      }
      return make(ns, RouteType.LOCAL, ns.lo(), 0, src, dst, reportedTable(ns, r), route, r);
    }
    if (src == 0) {
      // fib_result_prefsrc: the route's own src, else one chosen with the route's scope
      src = route.prefsrc() != 0 ? route.prefsrc()
          : ns.selectSrc(route.dev(), route.gateway(), route.scope());
    }
    return make(ns, route.type(), route.dev(), route.nextHop(), src, dst, reportedTable(ns, r),
        route, r);
  }

  /** {@code __mkroute_output}. */
  private static RouteResult make(NetNs ns, RouteType type, Device dev, int gw, int src, int dst,
      int table, Route route, FibResult fib) {
    if (Ip4.isLoopback(src) && dev != null && !dev.isLoopback()) {
      return RouteResult.fail(Errno.EINVAL, fib);
    }
    if (dst == Ip4.BROADCAST) {
      type = RouteType.BROADCAST;
    } else if (Ip4.isMulticast(dst)) {
      type = RouteType.MULTICAST;
    } else if (Ip4.isZeronet(dst)) {
      return RouteResult.fail(Errno.EINVAL, fib);
    }
    // a broadcast never goes through a gateway; a multicast only through a route more specific
    // than /4 ("If multicast route do not exist use default one, but do not gateway")
    if (type == RouteType.BROADCAST
        || (type == RouteType.MULTICAST && route != null && route.dst().len() < 4)) {
      gw = 0;
    }
    return new RouteResult(type, dev, gw, src, table, route, fib, null);
  }

  // ------------------------------------------------------------------------------ input

  /** Why an input route lookup ended where it did. */
  public enum InputVerdict {
    /** For us: deliver locally. */
    LOCAL,
    /** A broadcast for us. */
    BROADCAST,
    /** A multicast to a group the ingress device has joined. */
    MULTICAST,
    /** Forward through {@link RouteResult#dev()}. */
    FORWARD,
    /** No route, or forwarding is off on the ingress device: ip_error (error in result). */
    UNREACHABLE,
    /** Martian source, or rp_filter refused it: dropped silently. */
    MARTIAN_SOURCE,
    /** Martian destination: dropped silently. */
    MARTIAN_DESTINATION
  }

  /**
   * The outcome of an input lookup, with the route when forwarding; {@code redirect} when the
   * packet leaves by the device it came in on towards a sender on that link (IPSKB_DOREDIRECT).
   */
  public record Input(InputVerdict verdict, RouteResult route, Errno error, String why,
      boolean redirect) {
    Input(InputVerdict verdict, RouteResult route, Errno error, String why) {
      this(verdict, route, error, why, false);
    }
  }

  /**
   * {@code ip_route_input_rcu} for a multicast destination: without multicast routing, only a
   * group the device has joined is taken ({@code ip_route_input_mc}, after {@code
   * ip_mc_validate_source}), and delivered here; any other group is refused.
   */
  private static Input multicastInput(NetNs ns, int dst, int src, Device in) {
    if (!in.hasJoined(dst)) {
      return new Input(InputVerdict.MARTIAN_DESTINATION, null, Errno.EINVAL,
          in.name() + " has not joined group " + Ip4.format(dst));
    }
    boolean localnet = in.conf().routeLocalnet != 0 || ns.sysctls().all().routeLocalnet != 0;
    if (Ip4.isLoopback(src) && !localnet) {
      return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL,
          "martian source " + Ip4.format(src) + " (route_localnet is 0)");
    }
    // (ip_mc_validate_source refuses 0.0.0.0 outside 224.0.0.0/24, where no group is joined)
    String why = src == 0 ? null : validateSource(ns, src, 0, in, null);
    if (why != null) {
      return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL, why);
    }
    return new Input(InputVerdict.MULTICAST,
        new RouteResult(RouteType.MULTICAST, ns.lo(), 0, 0, Fib.TABLE_MAIN, null, null, null),
        null, "group " + Ip4.format(dst) + ", which " + in.name() + " has joined");
  }

  /**
   * {@code ip_route_input_slow}: what the namespace does with a packet from {@code src} to
   * {@code dst} that arrived on {@code in}.
   */
  public static Input input(NetNs ns, int dst, int src, Device in, int mark) {
    if (Ip4.isMulticast(src) || src == Ip4.BROADCAST) {
      return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL,
          "martian source " + Ip4.format(src));
    }
    if (Ip4.isMulticast(dst)) {
      return multicastInput(ns, dst, src, in);
    }
    if (dst == Ip4.BROADCAST || (src == 0 && dst == 0)) {
      // brd_input: a source other than 0.0.0.0 is validated as for any broadcast (one of our
      // own addresses is a martian)
      String why = src == 0 ? null : validateSource(ns, src, 0, in, null);
      if (why != null) {
        return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL, why);
      }
      return new Input(InputVerdict.BROADCAST, null, null, "limited broadcast");
    }
    if (Ip4.isZeronet(src)) {
      return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL,
          "martian source " + Ip4.format(src));
    }
    if (Ip4.isZeronet(dst)) {
      return new Input(InputVerdict.MARTIAN_DESTINATION, null, Errno.EINVAL,
          "martian destination " + Ip4.format(dst));
    }
    boolean localnet = in.conf().routeLocalnet != 0 || ns.sysctls().all().routeLocalnet != 0;
    if (Ip4.isLoopback(dst) && !localnet) {
      return new Input(InputVerdict.MARTIAN_DESTINATION, null, Errno.EINVAL,
          "martian destination " + Ip4.format(dst) + " (route_localnet is 0)");
    } else if (!Ip4.isLoopback(dst) && Ip4.isLoopback(src) && !localnet) {
      return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL,
          "martian source " + Ip4.format(src) + " (route_localnet is 0)");
    }
    boolean fwd = in.conf().forwarding != 0 && !ns.kernel().has(Fault.FORWARDING_IGNORED);
    FibResult r = ns.fib().lookup(new Flow(dst, src, in, null, mark, 0, Scope.UNIVERSE), false);
    if (r.failed()) {
      Errno e = fwd ? r.error() : Errno.EHOSTUNREACH;
      return new Input(InputVerdict.UNREACHABLE,
          new RouteResult(RouteType.UNREACHABLE, null, 0, 0, reportedTable(ns, r), r.route(), r,
              e), e, fwd ? "no route" : "forwarding is off on " + in.name());
    }
    Route route = r.route();
    if (route.type() == RouteType.BROADCAST) {
      String why = validateSource(ns, src, 0, in, null);
      if (why != null) {
        return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL, why);
      }
      return new Input(InputVerdict.BROADCAST,
          new RouteResult(RouteType.BROADCAST, ns.lo(), 0, 0, reportedTable(ns, r), route, r,
              null), null, "broadcast");
    }
    if (route.type() == RouteType.LOCAL) {
      String why = validateSource(ns, src, dst, in, null);
      if (why != null) {
        return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL, why);
      }
      return new Input(InputVerdict.LOCAL,
          new RouteResult(RouteType.LOCAL, ns.lo(), 0, 0, reportedTable(ns, r), route, r, null),
          null, "local address");
    }
    if (!fwd) {
      return new Input(InputVerdict.UNREACHABLE,
          new RouteResult(RouteType.UNREACHABLE, null, 0, 0, reportedTable(ns, r), route, r,
              Errno.EHOSTUNREACH), Errno.EHOSTUNREACH, "forwarding is off on " + in.name());
    }
    if (route.type() != RouteType.UNICAST) {
      return new Input(InputVerdict.MARTIAN_DESTINATION, null, Errno.EINVAL,
          "route type " + route.type().text);
    }
    String why = validateSource(ns, src, dst, in, route.dev());
    if (why != null) {
      return new Input(InputVerdict.MARTIAN_SOURCE, null, Errno.EINVAL, why);
    }
    RouteResult rr = new RouteResult(RouteType.UNICAST, route.dev(), route.nextHop(), 0,
        reportedTable(ns, r), route, r, null);
    boolean redirect = route.dev() == in
        && (in.conf().sendRedirects() || ns.sysctls().all().sendRedirects())
        && sourceOnLink(ns, src, in)
        && (sharedMedia(in) || onlink(in, src, route.nextHop()));
    return new Input(InputVerdict.FORWARD, rr, null, "forward", redirect);
  }

  /**
   * {@code fib_validate_source}: null when the source is acceptable on {@code in}, else why not.
   * With rp_filter (max of all and the device) 1, the best route back to the source must leave
   * by {@code in}; with 2, some route back must exist; with 0, only a source that is one of our
   * own addresses is refused (unless accept_local).
   */
  static String validateSource(NetNs ns, int src, int dst, Device in, Device oif) {
    int rpf = Math.max(ns.sysctls().all().rpFilter, in.conf().rpFilter);
    boolean acceptLocal = in.conf().acceptLocal != 0 || ns.sysctls().all().acceptLocal != 0;
    boolean hairpin = oif == in && (in.conf().sendRedirects() || ns.sysctls().all().sendRedirects());
    if (rpf == 0 && !hairpin) {
      if (acceptLocal) {
        return null;
      }
      if (!ns.customRules() && !ns.fib().customLocalRoutes()) {
        if (ns.deviceWithAddr(src) != null) {
          return "martian source " + Ip4.format(src) + ": it is an address of this namespace";
        }
        return null;
      }
    }
    // __fib_validate_source: look the source up as a destination, as if sent from dst
    FibResult r = ns.fib().lookup(new Flow(src, dst, null, null, 0, 0, Scope.UNIVERSE), false);
    boolean noAddr = in.addrs().isEmpty();
    if (r.failed()) {
      return rpf != 0 ? "rp_filter: no route back to " + Ip4.format(src) : null;
    }
    Route back = r.route();
    if (back.type() != RouteType.UNICAST) {
      if (back.type() != RouteType.LOCAL || !acceptLocal) {
        return "martian source " + Ip4.format(src) + ": it is an address of this namespace";
      }
    }
    if (back.dev() == in || (back.type() == RouteType.LOCAL && in.isLoopback())) {
      return null;
    }
    if (noAddr) {
      return rpf != 0 ? "rp_filter: " + in.name() + " has no address" : null;
    }
    if (rpf == 1) {
      return "rp_filter=1: the route back to " + Ip4.format(src) + " leaves by "
          + (back.dev() == null ? "nothing" : back.dev().name()) + ", not " + in.name();
    }
    return null;
  }

  /** The best route back to {@code src} is a direct one through {@code in} (nh scope host). */
  private static boolean sourceOnLink(NetNs ns, int src, Device in) {
    FibResult r = ns.fib().lookup(new Flow(src, 0, null, null, 0, 0, Scope.UNIVERSE), false);
    return !r.failed() && r.route().dev() == in && r.route().nextHop() == 0
        && r.route().type() == RouteType.UNICAST;
  }

  private static boolean sharedMedia(Device d) {
    return !"0".equals(d.conf().get(netsim.model.DevConf.Group.IPV4_CONF, "shared_media"));
  }

  /** {@code inet_addr_onlink}. */
  private static boolean onlink(Device d, int a, int b) {
    for (IfAddr ia : d.addrs()) {
      if (ia.matches(a) && (b == 0 || ia.matches(b))) {
        return true;
      }
    }
    return false;
  }

  /** The address a device answers ARP from / the primary in a subnet; convenience for steps. */
  static int primaryIn(Device d, int addr) {
    for (IfAddr a : d.addrs()) {
      if (!a.secondary() && a.matches(addr)) {
        return a.local();
      }
    }
    return 0;
  }
}
