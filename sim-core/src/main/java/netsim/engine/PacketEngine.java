package netsim.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netsim.model.Device;
import netsim.model.DevConf;
import netsim.model.Errno;
import netsim.model.EventLoop;
import netsim.model.IfAddr;
import netsim.model.Ip4;
import netsim.model.Kernel;
import netsim.model.Mac;
import netsim.model.Neighbour;
import netsim.model.NeighTable;
import netsim.model.NetNs;
import netsim.model.RouteType;
import netsim.model.Scope;

/**
 * Walks IPv4 packets through the model the way the kernel's path takes them, recording each step:
 *
 * <pre>
 * local socket -> output route -> OUTPUT -> POSTROUTING -> neighbour -> link ->
 *   PREROUTING -> input route -> { INPUT -> local delivery (echo reply: a new packet)
 *                               | FORWARD (ttl) -> POSTROUTING -> neighbour -> link -> ...
 *                               | ip_error / martian drop }
 * </pre>
 *
 * <p>Everything is immediate except what the kernel defers: an ARP resolution nobody answers
 * gives up after {@code mcast_solicit} probes {@code retrans_time} apart (3 s) and then answers
 * the queued packets with ICMP host unreachable; a proxy ARP answer comes {@code proxy_delay}
 * late. Those run on the kernel's {@link EventLoop}.
 */
public final class PacketEngine {
  /** The middle of proxy_arp's random 0-0.8 s delay (the rtt is normalised anyway). */
  static final long PROXY_DELAY_MS = 400;
  /** Hops before the engine calls it a loop it cannot follow (TTL ends real loops first). */
  private static final int MAX_STEPS = 20_000;

  private final Kernel kernel;
  private final EventLoop loop;
  private final Hooks hooks;
  private final List<Socket> sockets = new ArrayList<>();
  /** Packets waiting for a neighbour to be resolved, per (device, address). */
  private final Map<PendingKey, List<Runnable>> pending = new HashMap<>();
  private int stepBudget = MAX_STEPS;
  /** Whether journeys keep every step's text (a trace), or only where they were lost. */
  private boolean detailed = true;

  private record PendingKey(Device dev, int addr) {}

  /** A raw ICMP socket waiting for echo replies and errors (a running ping). */
  public interface Socket {
    NetNs ns();

    /** Whether the packet is for this socket (its echo id, or an error quoting its request). */
    boolean wants(Packet p);

    /**
     * The device the socket is bound to ({@code SO_BINDTODEVICE}, ping's {@code -I DEV}), or
     * null: a bound raw socket gets only what came in on that device ({@code inet_iif}).
     */
    default Device boundDev() {
      return null;
    }

    void receive(Packet p, Journey j, long at);
  }

  public PacketEngine(Kernel kernel, Hooks hooks) {
    this.kernel = kernel;
    this.loop = kernel.events();
    this.hooks = hooks;
  }

  /** Keep every step's text (for traces), or not (for matrices: faster). */
  public void setDetailed(boolean d) {
    detailed = d;
  }

  public boolean detailed() {
    return detailed;
  }

  public void open(Socket s) {
    sockets.add(s);
  }

  public void close(Socket s) {
    sockets.remove(s);
  }

  private static String nsName(NetNs ns) {
    return ns.displayName();
  }

  private boolean budget(Journey j, NetNs ns) {
    if (--stepBudget < 0) {
      lost(j, nsName(ns), () -> "the walk is longer than " + MAX_STEPS + " steps");
      j.end(Journey.Fate.DROPPED, loop.now());
      return false;
    }
    return true;
  }

  // ------------------------------------------------------------------------------ output

  /**
   * A locally generated packet leaves {@code ns} along {@code rt} (already decided by the
   * socket's route lookup).
   */
  public void sendLocal(NetNs ns, Packet p, RouteResult rt, Journey j) {
    sendLocal(ns, p, rt, j, null);
  }

  /** As {@link #sendLocal}, from a socket bound to {@code boundDev} (null: none). */
  public void sendLocal(NetNs ns, Packet p, RouteResult rt, Journey j, Device boundDev) {
    stepBudget = MAX_STEPS;
    note(j, nsName(ns), Step.Kind.SEND, () -> p.describe());
    localOut(ns, p, rt, j, boundDev);
  }

  private void localOut(NetNs ns, Packet p, RouteResult rt, Journey j) {
    localOut(ns, p, rt, j, null);
  }

  private void localOut(NetNs ns, Packet p, RouteResult rt, Journey j, Device boundDev) {
    if (!budget(j, ns)) {
      return;
    }
    int dst0 = p.dst();
    RouteResult first = rt;
    note(j, nsName(ns), Step.Kind.OUTPUT_ROUTE, () -> describeRoute(first, dst0));
    Hooks.Verdict v = hook(ns, Hooks.Hook.OUTPUT, p, null, rt.dev(), rt.nextHop(p.dst()), j);
    if (v == null) {
      return;
    }
    p = v.packet();
    if (p.dst() != dst0) {
      // ip_route_me_harder: a DNAT in OUTPUT sends the packet where its new address routes
      // (with the socket's device as the flow's oif, as ip_route_me_harder does)
      RouteResult again = Routing.output(ns, p.dst(), p.src(), boundDev, p.mark());
      if (again.failed()) {
        int d = p.dst();
        lost(j, nsName(ns), () -> "no route after DNAT: " + again.whyFailed(d));
        j.end(Journey.Fate.DROPPED, loop.now());
        return;
      }
      int d = p.dst();
      note(j, nsName(ns), Step.Kind.OUTPUT_ROUTE, () -> "rerouted after DNAT: "
          + describeRoute(again, d));
      rt = again;
    }
    if (rt.type() == RouteType.LOCAL || (rt.dev() != null && rt.dev().isLoopback())) {
      Device lo = ns.lo();
      if (!lo.isUp()) {
        lost(j, nsName(ns), () -> "local delivery goes through lo, which is down");
        j.end(Journey.Fate.DROPPED, loop.now());
        return;
      }
      Hooks.Verdict post = hook(ns, Hooks.Hook.POSTROUTING, p, null, lo, p.dst(), j);
      if (post == null) {
        return;
      }
      note(j, nsName(ns), Step.Kind.TRANSMIT, () -> "looped back through lo");
      RouteType type = rt.type();
      if (type != RouteType.LOCAL && type != RouteType.BROADCAST) {
        // the looped-back packet keeps its output route; only a local or broadcast one
        // (RTCF_LOCAL) delivers it, any other has dst_discard for input
        lost(j, nsName(ns), () -> "looped back through lo with a " + type.text
            + " route, which does not deliver locally (dst_discard)");
        j.end(Journey.Fate.DROPPED, loop.now());
        return;
      }
      if (type == RouteType.BROADCAST) {
        // it keeps its broadcast route (RTCF_LOCAL): no input route, no source check
        loopedBack(ns, rt, post.packet(), j);
        return;
      }
      // what loops back "came in" on the route's own device for sockets (rt_iif: the local
      // route's device, as ip_route_output_key_hash_rcu keeps it)
      Device saved = loopIif;
      loopIif = rt.route() != null && rt.route().dev() != null ? rt.route().dev() : lo;
      try {
        receive(ns, lo, post.packet(), j, false);
      } finally {
        loopIif = saved;
      }
      return;
    }
    // ip_mc_output: a clone of a multicast (IP_MULTICAST_LOOP is on by default) or of a
    // broadcast passes POSTROUTING first and comes back in on the device (dev_loopback_xmit),
    // ahead of the original's frame; like a broadcast frame it is never forwarded
    boolean loops = (rt.type() == RouteType.MULTICAST || rt.type() == RouteType.BROADCAST)
        && rt.dev() != null && !rt.dev().isLoopback();
    Journey copy = null;
    Hooks.Verdict copyPost = null;
    if (loops) {
      Packet q = p;
      copy = new Journey("looped-back copy", q, j.detailed());
      replies.add(copy);
      Device dev = rt.dev();
      note(copy, nsName(ns), Step.Kind.SEND, () -> q.describe() + " (the copy that loops back"
          + " in on " + dev.name() + ")");
      copyPost = hook(ns, Hooks.Hook.POSTROUTING, p, null, dev, rt.nextHop(p.dst()), copy);
    }
    Hooks.Verdict post = hook(ns, Hooks.Hook.POSTROUTING, p, null, rt.dev(),
        rt.nextHop(p.dst()), j);
    if (copyPost != null) {
      loopedBack(ns, rt, copyPost.packet(), copy);
    }
    if (post == null) {
      return;
    }
    neighOutput(ns, rt.dev(), rt.nextHop(post.packet().dst()), post.packet(), j);
  }

  /**
   * The looped-back clone of a multicast or broadcast comes in on the route's device with that
   * output route still attached, so no input route is looked up: PREROUTING, then local delivery
   * if the route is RTCF_LOCAL (a broadcast, or a group the device has joined), else dropped.
   */
  private void loopedBack(NetNs ns, RouteResult rt, Packet p, Journey j) {
    Device dev = rt.dev();
    note(j, nsName(ns), Step.Kind.TRANSMIT, () -> "looped back in on " + dev.name());
    Hooks.Verdict pre = hook(ns, Hooks.Hook.PREROUTING, p, dev, null, 0, j);
    if (pre == null) {
      return;
    }
    if (rt.type() != RouteType.BROADCAST && !dev.hasJoined(p.dst())) {
      lost(j, nsName(ns), () -> dev.name() + " has not joined group " + Ip4.format(p.dst())
          + ": the copy's route does not deliver locally (dst_discard)");
      j.end(Journey.Fate.DROPPED, loop.now());
      return;
    }
    note(j, nsName(ns), Step.Kind.INPUT_ROUTE, () -> Ip4.format(p.dst())
        + " is local (the copy keeps its output route, RTCF_LOCAL)");
    Hooks.Verdict v = hook(ns, Hooks.Hook.INPUT, pre.packet(), dev, null, 0, j);
    if (v == null) {
      return;
    }
    localDeliver(ns, dev, v.packet(), j, true);
  }

  static String describeRoute(RouteResult rt, int dst) {
    StringBuilder sb = new StringBuilder();
    sb.append(Ip4.format(dst));
    if (rt.type() != RouteType.UNICAST) {
      sb.append(' ').append(rt.type().text);
    }
    if (rt.gateway() != 0) {
      sb.append(" via ").append(Ip4.format(rt.gateway()));
    }
    if (rt.dev() != null) {
      sb.append(" dev ").append(rt.dev().name());
    }
    if (rt.src() != 0) {
      sb.append(" src ").append(Ip4.format(rt.src()));
    }
    if (rt.route() != null) {
      sb.append(" (route ").append(rt.route().dst().len() == 0 ? "default" : rt.route().dst().toString()).append(" in table ")
          .append(tableName(rt.route().table()));
      if (rt.fib() != null && rt.fib().rule() != null && rt.fib().rule().priority() != 0
          && rt.fib().rule().priority() != 32766) {
        sb.append(", rule ").append(Integer.toUnsignedString(rt.fib().rule().priority()));
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static String tableName(int t) {
    return switch (t) {
      case 253 -> "default";
      case 254 -> "main";
      case 255 -> "local";
      default -> Integer.toUnsignedString(t);
    };
  }

  // ------------------------------------------------------------------------------ neighbour

  /** {@code neigh_output}: the frame needs the next hop's link-layer address. */
  private void neighOutput(NetNs ns, Device dev, int nh, Packet p, Journey j) {
    if (!budget(j, ns)) {
      return;
    }
    NeighTable nt = ns.neigh();
    Neighbour n = nt.get(dev, nh);
    Neighbour.State s = n == null ? null : nt.stateNow(n);
    boolean usable = s != null && n.hasLladdr() && s != Neighbour.State.FAILED
        && s != Neighbour.State.INCOMPLETE;
    if (usable) {
      nt.used(n);
      note(j, nsName(ns), Step.Kind.NEIGHBOUR, () -> Ip4.format(nh) + " dev " + dev.name()
          + " lladdr " + Mac.format(n.lladdr()) + " " + nt.stateNow(n));
      transmit(ns, dev, n.lladdr(), p, j);
      return;
    }
    if (Ip4.isMulticast(nh)) {
      // arp_constructor: a multicast group is NUD_NOARP, its link-layer address mapped from it
      long mac = Mac.ofGroup(nh);
      note(j, nsName(ns), Step.Kind.NEIGHBOUR, () -> Ip4.format(nh) + " dev " + dev.name()
          + " lladdr " + Mac.format(mac) + " NOARP (a multicast group)");
      transmit(ns, dev, mac, p, j);
      return;
    }
    // only a packet with no usable entry pays for the local-table lookup
    if (noArpBroadcast(ns, nh)) {
      // arp_constructor: a broadcast address of the device is NUD_NOARP, with the device's
      // broadcast address as its link-layer address
      note(j, nsName(ns), Step.Kind.NEIGHBOUR, () -> Ip4.format(nh) + " dev " + dev.name()
          + " lladdr " + Mac.format(Mac.BROADCAST) + " NOARP (a broadcast address)");
      transmit(ns, dev, Mac.BROADCAST, p, j);
      return;
    }
    PendingKey key = new PendingKey(dev, nh);
    Runnable retry = () -> neighOutput(ns, dev, nh, p, j);
    if (s == Neighbour.State.INCOMPLETE && pending.containsKey(key)) {
      note(j, nsName(ns), Step.Kind.NEIGHBOUR, () -> Ip4.format(nh) + " dev " + dev.name()
          + " INCOMPLETE: queued behind the resolution under way");
      pending.get(key).add(retry);
      failures.put(retry, new Failure(ns, p, j));
      return;
    }
    resolve(ns, dev, nh, p, j, key, retry);
  }

  /**
   * Whether the neighbour of {@code nh} is a broadcast one ({@code arp_constructor}): 0.0.0.0,
   * 255.255.255.255, or a broadcast of the local table, on whichever device (a broadcast address
   * of eth1 reached out of eth0 goes in a broadcast frame too).
   */
  private static boolean noArpBroadcast(NetNs ns, int nh) {
    return ns.addrType(nh) == RouteType.BROADCAST;
  }

  /** {@code arp_solicit}: which source address the request announces ({@code arp_announce}). */
  private static int arpSource(NetNs ns, Device dev, int target, Packet p) {
    int announce = Math.max(ns.sysctls().all().arpAnnounce, dev.conf().arpAnnounce);
    int saddr = 0;
    if (announce == 0) {
      if (ns.isLocal(p.src())) {
        saddr = p.src();
      }
    } else if (announce == 1) {
      if (ns.isLocal(p.src()) && onlink(dev, target, p.src())) {
        saddr = p.src();
      }
    }
    if (saddr == 0) {
      saddr = ns.selectSrc(dev, target, Scope.LINK);
    }
    return saddr;
  }

  private static boolean onlink(Device d, int a, int b) {
    for (IfAddr ia : d.addrs()) {
      if (ia.matches(a) && ia.matches(b)) {
        return true;
      }
    }
    return false;
  }

  /** Sends an ARP request and acts on the first answer, or gives up after the probes. */
  private void resolve(NetNs ns, Device dev, int nh, Packet p, Journey j, PendingKey key,
      Runnable retry) {
    NeighTable nt = ns.neigh();
    int sip = arpSource(ns, dev, nh, p);
    List<L2.Receiver> rcv = L2.receivers(dev, Mac.BROADCAST);
    ArpAnswer best = null;
    List<String> silent = new ArrayList<>();
    for (L2.Receiver r : rcv) {
      ArpAnswer a = arpProcess(r.dev(), sip, nh, dev.mac());
      if (a.delay >= 0) {
        if (best == null || a.delay < best.delay) {
          best = a;
        }
      } else if (a.why != null) {
        silent.add(a.why);
      }
    }
    if (best != null && dev.bridgePort() != null) {
      // the answer comes back to the port, and a port hands every frame to its bridge
      // (br_handle_frame): arp_process runs for the bridge, whose table has no entry to update
      silent.add(best.who + " answers, but the answer comes in on " + dev.name() + ", a port of "
          + dev.bridgePort().bridge().dev().name() + ", which takes it: " + dev.name()
          + "'s entry never completes");
      best = null;
    }
    long now = loop.now();
    ArpAnswer found = best;
    if (found != null && found.delay == 0) {
      nt.confirmed(dev, nh, found.mac);
      note(j, nsName(ns), Step.Kind.NEIGHBOUR, () -> "ARP who-has " + Ip4.format(nh) + " tell "
          + Ip4.format(sip) + " on " + dev.name() + ": answered by " + found.who
          + " (" + Mac.format(found.mac) + ")");
      transmit(ns, dev, found.mac, p, j);
      return;
    }
    nt.incomplete(dev, nh);
    List<Runnable> queue = new ArrayList<>();
    queue.add(retry);
    pending.put(key, queue);
    if (best != null) {
      ArpAnswer a = best;
      note(j, nsName(ns), Step.Kind.NEIGHBOUR, () -> "ARP who-has " + Ip4.format(nh) + " tell "
          + Ip4.format(sip) + " on " + dev.name() + ": " + a.who + " answers after "
          + a.delay + " ms (proxy_delay)");
      loop.at(now + a.delay, () -> {
        nt.confirmed(dev, nh, a.mac);
        List<Runnable> q = pending.remove(key);
        if (q != null) {
          q.forEach(Runnable::run);
        }
      });
      return;
    }
    int probes = Math.max(1, dev.conf().mcastSolicit);
    long giveUp = (long) probes * dev.conf().retransTimeMs;
    String why = rcv.isEmpty()
        ? (dev.isRunning() ? "nobody is on the link" : "the link has no carrier (" + dev.name()
            + (dev.isUp() ? " is up but its peer is down)" : " is down)"))
        : String.join("; ", silent.isEmpty() ? List.of("nobody answered") : silent);
    note(j, nsName(ns), Step.Kind.NEIGHBOUR, () -> "ARP who-has " + Ip4.format(nh) + " tell "
        + Ip4.format(sip) + " on " + dev.name() + ": no answer (" + why + "); asks again every "
        + dev.conf().retransTimeMs + " ms, gives up after " + probes + " probes, " + giveUp
        + " ms");
    // neigh_timer_handler: each retransmission is a new broadcast, which may find an answer now
    for (int k = 1; k < probes; k++) {
      loop.at(now + k * dev.conf().retransTimeMs, () -> reprobe(ns, dev, nh, sip, key, queue));
    }
    loop.at(now + giveUp, () -> {
      if (pending.get(key) != queue) {
        return; // a later probe was answered
      }
      pending.remove(key);
      nt.failed(dev, nh);
      // arp_error_report: each queued packet is answered with host unreachable
      failQueued(ns, dev, nh, queue);
    });
    failures.put(retry, new Failure(ns, p, j));
  }

  /** A retransmitted ARP request: an answer now releases the packets queued behind it. */
  private void reprobe(NetNs ns, Device dev, int nh, int sip, PendingKey key,
      List<Runnable> queue) {
    if (pending.get(key) != queue || dev.bridgePort() != null) {
      return;
    }
    for (L2.Receiver r : L2.receivers(dev, Mac.BROADCAST)) {
      ArpAnswer a = arpProcess(r.dev(), sip, nh, dev.mac());
      if (a.delay == 0) {
        ns.neigh().confirmed(dev, nh, a.mac);
        pending.remove(key);
        for (Runnable q : queue) {
          failures.remove(q);
          q.run();
        }
        return;
      }
    }
  }

  /** What to answer for a queued packet whose resolution failed. */
  private record Failure(NetNs ns, Packet p, Journey j) {}

  private final Map<Runnable, Failure> failures = new HashMap<>();

  private void failQueued(NetNs ns, Device dev, int nh, List<Runnable> q) {
    for (Runnable r : q) {
      Failure f = failures.remove(r);
      if (f == null) {
        continue;
      }
      lost(f.j(), nsName(ns), () -> "neighbour " + Ip4.format(nh) + " on " + dev.name()
          + " FAILED after " + dev.conf().mcastSolicit + " ARP probes");
      f.j().end(Journey.Fate.DROPPED, loop.now());
      icmpError(ns, f.p(), Packet.DEST_UNREACH, 1, false, f.j());
    }
  }

  /** An ARP answer: who, with which address, after how long (-1: none, with why). */
  private record ArpAnswer(String who, long mac, long delay, String why) {
    static ArpAnswer none(String why) {
      return new ArpAnswer(null, -1, -1, why);
    }
  }

  /** {@code arp_process} for a request received on {@code rcv}. */
  private ArpAnswer arpProcess(Device rcv, int sip, int tip, long sha) {
    NetNs ns = rcv.ns();
    String who = rcv.name() + " in " + nsName(ns);
    if (Ip4.isMulticast(tip)) {
      return ArpAnswer.none(null);
    }
    boolean localnet = rcv.conf().routeLocalnet != 0 || ns.sysctls().all().routeLocalnet != 0;
    if (Ip4.isLoopback(tip) && !localnet) {
      return ArpAnswer.none(who + " ignores requests for loopback addresses");
    }
    if (sip == 0) {
      if (ns.isLocal(tip) && arpIgnore(rcv, sip, tip) == null) {
        ns.neigh();
        return new ArpAnswer(who, rcv.mac(), 0, null);
      }
      return ArpAnswer.none(null);
    }
    Routing.Input in = Routing.input(ns, tip, sip, rcv, 0);
    switch (in.verdict()) {
      case LOCAL: {
        String ign = arpIgnore(rcv, sip, tip);
        if (ign != null) {
          return ArpAnswer.none(who + ": " + ign);
        }
        String filt = arpFilter(ns, rcv, sip, tip);
        if (filt != null) {
          return ArpAnswer.none(who + ": " + filt);
        }
        ns.neigh().heardFrom(rcv, sip, sha);
        return new ArpAnswer(who, rcv.mac(), 0, null);
      }
      case FORWARD: {
        Device out = in.route().dev();
        boolean proxy = rcv.conf().proxyArp != 0 || ns.sysctls().all().proxyArp != 0;
        if (!proxy) {
          return ArpAnswer.none(who + " does not have " + Ip4.format(tip)
              + " (and proxy_arp is off)");
        }
        if (out == rcv) {
          return ArpAnswer.none(who + " would route " + Ip4.format(tip)
              + " back out of the same device, so proxy_arp does not answer");
        }
        ns.neigh().heardFrom(rcv, sip, sha);
        long delay = rcv.conf().proxyDelay == 0 ? 0 : PROXY_DELAY_MS;
        return new ArpAnswer(who + " (proxy_arp)", rcv.mac(), delay, null);
      }
      case MARTIAN_SOURCE:
        return ArpAnswer.none(who + " refuses the request: " + in.why());
      default:
        return ArpAnswer.none(who + " does not have " + Ip4.format(tip)
            + (rcv.conf().forwarding == 0 ? "" : " and has no proxy route for it"));
    }
  }

  /** {@code arp_ignore}: max(all, dev). Null when the request may be answered. */
  private static String arpIgnore(Device rcv, int sip, int tip) {
    int mode = Math.max(rcv.ns().sysctls().all().arpIgnore, rcv.conf().arpIgnore);
    switch (mode) {
      case 0:
        return null;
      case 1:
        for (IfAddr a : rcv.addrs()) {
          if (a.local() == tip) {
            return null;
          }
        }
        return "arp_ignore=1 and " + Ip4.format(tip) + " is not on " + rcv.name();
      case 2:
        for (IfAddr a : rcv.addrs()) {
          if (a.local() == tip && (sip == 0 || a.matches(sip))) {
            return null;
          }
        }
        return "arp_ignore=2 and " + Ip4.format(tip) + " is not on " + rcv.name()
            + " in the sender's subnet";
      case 3:
        for (Device d : rcv.ns().devices()) {
          for (IfAddr a : d.addrs()) {
            if (a.local() == tip && a.scope().value <= Scope.LINK.value) {
              return null;
            }
          }
        }
        return "arp_ignore=3 and " + Ip4.format(tip) + " has host scope";
      case 8:
        return "arp_ignore=8";
      default:
        return null;
    }
  }

  /** {@code arp_filter}: the reply must leave by the device the request came in on. */
  private static String arpFilter(NetNs ns, Device rcv, int sip, int tip) {
    boolean on = rcv.conf().arpFilter != 0 || ns.sysctls().all().arpFilter != 0;
    if (!on) {
      return null;
    }
    RouteResult back = Routing.output(ns, sip, tip, null, 0);
    if (back.failed() || back.dev() != rcv) {
      return "arp_filter: the route back to " + Ip4.format(sip) + " does not use " + rcv.name();
    }
    return null;
  }

  // ------------------------------------------------------------------------------ link

  private void transmit(NetNs ns, Device dev, long dstMac, Packet p, Journey j) {
    List<L2.Receiver> rcv = L2.receivers(dev, dstMac);
    if (Mac.isMulticast(dstMac)) {
      // every device the frame reaches takes a copy (pkt_type BROADCAST or MULTICAST: never
      // forwarded, never answered with an ICMP error; a group a device has not joined is refused
      // by its input route); the first copy goes on as this journey
      if (rcv.isEmpty()) {
        lost(j, nsName(ns), () -> "the broadcast frame out of " + dev.name()
            + " reaches nobody" + (dev.isRunning() ? "" : " (" + dev.name()
            + " has no carrier)"));
        j.end(Journey.Fate.DROPPED, loop.now());
        return;
      }
      for (int i = 0; i < rcv.size(); i++) {
        Journey jj = j;
        if (i > 0) {
          jj = new Journey("copy to " + rcv.get(i).dev().name(), p, j.detailed());
          replies.add(jj);
          note(jj, nsName(ns), Step.Kind.SEND, () -> p.describe() + " (a copy of the"
              + " broadcast frame)");
        }
        cross(ns, dev, rcv.get(i), p, jj, true);
      }
      return;
    }
    L2.Receiver to = null;
    for (L2.Receiver r : rcv) {
      if (r.dev().mac() == dstMac) {
        to = r;
        break;
      }
    }
    if (to == null) {
      lost(j, nsName(ns), () -> "the frame to " + Mac.format(dstMac) + " out of "
          + dev.name() + " reaches no device with that address"
          + (dev.isRunning() ? "" : " (" + dev.name() + " has no carrier)"));
      j.end(Journey.Fate.DROPPED, loop.now());
      return;
    }
    cross(ns, dev, to, p, j, false);
  }

  /**
   * The frame crosses the link (and the bridges on the way) to receiver {@code to}; {@code
   * linkBcast}: it is a link-layer broadcast (the receiver's {@code pkt_type} is
   * PACKET_BROADCAST, not PACKET_HOST), which the input path passes on to forwarding and ICMP.
   */
  private void cross(NetNs ns, Device dev, L2.Receiver to, Packet p, Journey j,
      boolean linkBcast) {
    Device in = to.dev();
    note(j, nsName(ns), Step.Kind.TRANSMIT, () -> dev.name() + " -> " + in.name() + " ("
        + nsName(in.ns()) + ")");
    for (L2.Hop hop : to.hops()) {
      NetNs bns = hop.bridge().ns();
      note(j, nsName(bns), Step.Kind.BRIDGE, hop::describe);
      if (hop.forwarded() && brNetfilter(bns)) {
        // br_netfilter: IPv4 bridged between two ports passes PREROUTING (-i BRIDGE), FORWARD
        // (-i BRIDGE -o BRIDGE) and POSTROUTING (-o BRIDGE) in the bridge's namespace (E11)
        Device br = hop.bridge();
        Hooks.Verdict pre = hook(bns, Hooks.Hook.PREROUTING, p, br, null, 0, j);
        if (pre == null) {
          return;
        }
        if (pre.packet().dst() != p.dst()) {
          // br_nf_pre_routing_finish: a frame whose destination DNAT changed is routed by the
          // bridge's own IP stack, as if the bridge had received it
          afterBridgeDnat(bns, br, pre.packet(), j, linkBcast);
          return;
        }
        Hooks.Verdict v = hook(bns, Hooks.Hook.FORWARD, pre.packet(), br, br, 0, j);
        if (v == null) {
          return;
        }
        Hooks.Verdict post = hook(bns, Hooks.Hook.POSTROUTING, v.packet(), br, br,
            v.packet().dst(), j);
        if (post == null) {
          return;
        }
        p = post.packet();
      }
    }
    receive(in.ns(), in, p, j, linkBcast);
  }

  /**
   * Whether bridged IPv4 passes iptables in this namespace: br_netfilter is there (the kernel's
   * profile) and {@code net.bridge.bridge-nf-call-iptables} is on.
   */
  private boolean brNetfilter(NetNs ns) {
    return kernel.profile().brNetfilter()
        && ns.sysctls().intValue("net.bridge.bridge-nf-call-iptables") != 0;
  }

  // ------------------------------------------------------------------------------ input

  private void receive(NetNs ns, Device in, Packet p, Journey j, boolean linkBcast) {
    if (!budget(j, ns)) {
      return;
    }
    if (!in.isLoopback()) {
      note(j, nsName(ns), Step.Kind.RECEIVE, () -> "on " + in.name());
    }
    Hooks.Verdict pre = hook(ns, Hooks.Hook.PREROUTING, p, in, null, 0, j);
    if (pre == null) {
      return;
    }
    if (in.kind == netsim.model.DeviceKind.BRIDGE && pre.packet().dst() != p.dst()
        && brNetfilter(ns)) {
      afterBridgeDnat(ns, in, pre.packet(), j, linkBcast);
      return;
    }
    receiveRouted(ns, in, pre.packet(), j, linkBcast);
  }

  /**
   * {@code br_nf_pre_routing_finish} for a frame that reached a bridge and whose destination
   * PREROUTING changed (a DNAT, or the reply of a masqueraded connection): when the new
   * destination lies out of the same bridge, the frame stays bridged, with no TTL decrement, and
   * passes FORWARD and POSTROUTING as bridged traffic does; otherwise the bridge's namespace
   * routes it as a packet it received.
   */
  private void afterBridgeDnat(NetNs ns, Device br, Packet p, Journey j,
      boolean linkBcast) {
    Routing.Input r = Routing.input(ns, p.dst(), p.src(), br, p.mark());
    if (r.verdict() != Routing.InputVerdict.FORWARD || r.route().dev() != br) {
      note(j, nsName(ns), Step.Kind.BRIDGE, () -> "the destination was changed to "
          + Ip4.format(p.dst()) + ": " + br.name() + " hands the packet to routing");
      receiveRouted(ns, br, p, j, linkBcast);
      return;
    }
    RouteResult rt = r.route();
    int nh = rt.nextHop(p.dst());
    note(j, nsName(ns), Step.Kind.BRIDGE, () -> "the destination was changed to "
        + Ip4.format(p.dst()) + ", which is out of " + br.name() + " again: the frame stays "
        + "bridged (br_netfilter), with its TTL");
    Hooks.Verdict v = hook(ns, Hooks.Hook.FORWARD, p, br, br, nh, j);
    if (v == null) {
      return;
    }
    Hooks.Verdict post = hook(ns, Hooks.Hook.POSTROUTING, v.packet(), br, br, nh, j);
    if (post == null) {
      return;
    }
    neighOutput(ns, br, rt.nextHop(post.packet().dst()), post.packet(), j);
  }

  private void receiveRouted(NetNs ns, Device in, Packet p, Journey j, boolean linkBcast) {
    Routing.Input r = in.isLoopback() && ns.isLocal(p.dst())
        ? new Routing.Input(Routing.InputVerdict.LOCAL, null, null, "local address")
        : Routing.input(ns, p.dst(), p.src(), in, p.mark());
    switch (r.verdict()) {
      case LOCAL, BROADCAST, MULTICAST -> {
        if (!in.isLoopback()) {
          note(j, nsName(ns), Step.Kind.INPUT_ROUTE, () -> Ip4.format(p.dst())
              + " is local (" + r.why() + ")");
        }
        Hooks.Verdict v = hook(ns, Hooks.Hook.INPUT, p, in, null, 0, j);
        if (v == null) {
          return;
        }
        localDeliver(ns, in, v.packet(), j, r.verdict() != Routing.InputVerdict.LOCAL);
      }
      case FORWARD -> {
        note(j, nsName(ns), Step.Kind.INPUT_ROUTE, () -> describeRoute(r.route(), p.dst())
            + " -> forward (net.ipv4.conf." + in.name() + ".forwarding = "
            + in.conf().forwarding + ")");
        forward(ns, in, r.route(), p, j, linkBcast);
      }
      case UNREACHABLE -> {
        boolean fwd = in.conf().forwarding != 0;
        String why = fwd
            ? "no route to " + Ip4.format(p.dst()) + " (" + r.error().text + ")"
            : "forwarding is off on " + in.name() + " (net.ipv4.conf." + in.name()
                + ".forwarding = 0; net.ipv4.ip_forward = "
                + ns.sysctls().all().forwarding + ")";
        if (fwd && r.route() != null && r.route().route() != null
            && r.route().route().type().isReject()) {
          why = "route " + r.route().route().dst() + " is " + r.route().route().type().text;
        }
        String whyFinal = why;
        lost(j, nsName(ns), () -> whyFinal);
        j.end(Journey.Fate.DROPPED, loop.now());
        if (fwd && !linkBcast) { // icmp_send: no replies to link-layer broadcasts
          ipError(ns, p, r.error(), j);
        }
      }
      default -> {
        lost(j, nsName(ns), () -> r.why());
        j.end(Journey.Fate.DROPPED, loop.now());
      }
    }
  }

  /** {@code ip_forward}: TTL, FORWARD, then out through the route. */
  private void forward(NetNs ns, Device in, RouteResult rt, Packet p, Journey j,
      boolean linkBcast) {
    if (linkBcast) {
      lost(j, nsName(ns), () -> "it came in a link-layer broadcast frame, which ip_forward"
          + " drops (pkt_type is not PACKET_HOST)");
      j.end(Journey.Fate.DROPPED, loop.now());
      return;
    }
    if (p.ttl() <= 1) {
      lost(j, nsName(ns), () -> "ttl " + p.ttl() + " would reach 0: time exceeded");
      j.end(Journey.Fate.DROPPED, loop.now());
      icmpError(ns, p, Packet.TIME_EXCEEDED, 0, true, j);
      return;
    }
    Hooks.Verdict v = hook(ns, Hooks.Hook.FORWARD, p, in, rt.dev(), rt.nextHop(p.dst()), j);
    if (v == null) {
      return;
    }
    Packet out = v.packet().withTtl(v.packet().ttl() - 1);
    note(j, nsName(ns), Step.Kind.FORWARD, () -> in.name() + " -> " + rt.dev().name()
        + ", ttl " + out.ttl());
    Hooks.Verdict post = hook(ns, Hooks.Hook.POSTROUTING, out, in, rt.dev(),
        rt.nextHop(out.dst()), j);
    if (post == null) {
      return;
    }
    neighOutput(ns, rt.dev(), rt.nextHop(post.packet().dst()), post.packet(), j);
  }

  // ------------------------------------------------------------------------------ local

  private void localDeliver(NetNs ns, Device in, Packet p, Journey j, boolean broadcast) {
    long now = loop.now();
    if (p.proto() != Packet.ICMP) {
      lost(j, nsName(ns), () -> "no socket for protocol " + p.proto());
      j.end(Journey.Fate.DROPPED, now);
      return;
    }
    if (p.icmpType() == Packet.ECHO_REQUEST) {
      if (ns.sysctls().intValue("net.ipv4.icmp_echo_ignore_all") != 0) {
        lost(j, nsName(ns), () -> "net.ipv4.icmp_echo_ignore_all = 1: no reply");
        j.end(Journey.Fate.DROPPED, now);
        return;
      }
      if (broadcast && ns.sysctls().intValue("net.ipv4.icmp_echo_ignore_broadcasts") != 0) {
        lost(j, nsName(ns), () -> "net.ipv4.icmp_echo_ignore_broadcasts = 1");
        j.end(Journey.Fate.DROPPED, now);
        return;
      }
      note(j, nsName(ns), Step.Kind.DELIVER, () -> "echo request for " + Ip4.format(p.dst())
          + ": the ICMP stack answers");
      j.end(Journey.Fate.DELIVERED, now);
      // icmp_reply: from the address asked, to the sender, routed afresh
      int src = broadcast ? 0 : p.dst();
      RouteResult back = Routing.output(ns, p.src(), src, null, p.mark());
      Packet reply = new Packet(back.failed() ? src : (src != 0 ? src : back.src()), p.src(),
          ns.sysctls().intValue("net.ipv4.ip_default_ttl"), Packet.ICMP, Packet.ECHO_REPLY, 0,
          p.icmpId(), p.icmpSeq(), p.length(), 0, null);
      Journey rj = new Journey("reply", reply, detailed);
      replies.add(rj);
      note(rj, nsName(ns), Step.Kind.SEND, () -> reply.describe());
      if (back.failed()) {
        lost(rj, nsName(ns), () -> "no route back to " + Ip4.format(p.src()) + " ("
            + back.error().text + ")");
        rj.end(Journey.Fate.DROPPED, now);
        return;
      }
      localOut(ns, reply, back, rj);
      return;
    }
    if (broadcast && p.isIcmpError()) {
      // icmp_rcv takes only echo, timestamp and address messages sent to a broadcast or
      // multicast address: an error dies before any socket's error queue hears of it
      lost(j, nsName(ns), () -> "icmp_rcv drops an ICMP error sent to a broadcast or multicast"
          + " address (" + Ip4.format(p.dst()) + ")");
      j.end(Journey.Fate.DROPPED, now);
      return;
    }
    // echo replies match a bound socket by inet_iif (rt_iif for what looped back); ICMP errors
    // go to raw sockets by raw_icmp_error, which matches the device they came in on: lo
    Device iif = in.isLoopback() && loopIif != null && !p.isIcmpError() ? loopIif : in;
    Socket elsewhere = null;
    for (Socket s : List.copyOf(sockets)) {
      if (s.ns() == ns && s.wants(p)) {
        if (s.boundDev() != null && s.boundDev() != iif) {
          elsewhere = s;
          continue;
        }
        note(j, nsName(ns), Step.Kind.DELIVER, () -> "to the waiting ping");
        j.end(Journey.Fate.RECEIVED, now);
        s.receive(p, j, now);
        return;
      }
    }
    Socket bound = elsewhere;
    lost(j, nsName(ns), () -> "no socket waits for this " + (p.isIcmpError()
        ? "ICMP error" : "ICMP message") + (bound == null ? "" : " (the ping is bound to "
        + bound.boundDev().name() + ", and this came in on " + iif.name() + ")"));
    j.end(Journey.Fate.DROPPED, now);
  }

  /** The device a packet looping back through lo counts as coming in on, or null. */
  private Device loopIif;

  /** Journeys of packets the walk created (echo replies, ICMP errors), for the trace. */
  private final List<Journey> replies = new ArrayList<>();

  public List<Journey> takeCreated() {
    List<Journey> out = new ArrayList<>(replies);
    replies.clear();
    return out;
  }

  // ------------------------------------------------------------------------------ icmp errors

  /** {@code ip_error}: an ICMP error for a packet a forwarding router cannot route. */
  private void ipError(NetNs ns, Packet p, netsim.model.Errno e, Journey j) {
    int code;
    switch (e) {
      case EHOSTUNREACH -> code = 1;
      case ENETUNREACH -> code = 0;
      case EACCES -> code = 13;
      default -> {
        return;
      }
    }
    if (!ns.peers().ipErrorAllow(p.src(), loop.now())) {
      note(j, nsName(ns), Step.Kind.ICMP, () -> "no ICMP error: rate limited (ip_error)");
      return;
    }
    icmpError(ns, p, Packet.DEST_UNREACH, code, true, j);
  }

  /**
   * {@code icmp_send}: never about an ICMP error or a non-unicast source; rate limited per
   * destination for the types in icmp_ratemask unless it stays on this host; the source is the
   * one the route back to the sender picks.
   */
  Journey icmpError(NetNs ns, Packet orig, int type, int code, boolean limited, Journey j) {
    if (orig.isIcmpError() || Ip4.isMulticast(orig.src()) || orig.src() == Ip4.BROADCAST) {
      return null;
    }
    RouteType toType = ns.addrType(orig.dst());
    if (toType == RouteType.BROADCAST || toType == RouteType.MULTICAST) {
      return null; // icmp_send: no errors about broadcasts (RTCF_BROADCAST | RTCF_MULTICAST)
    }
    long now = loop.now();
    // icmp_send: an error about a packet delivered here (RTCF_LOCAL) comes from the address it
    // was sent to; any other takes the source its route back gives
    int from = toType == RouteType.LOCAL ? orig.dst() : 0;
    RouteResult back = Routing.output(ns, orig.src(), from, null, 0);
    if (back.failed()) {
      note(j, nsName(ns), Step.Kind.ICMP, () -> "no ICMP error: no route back to "
          + Ip4.format(orig.src()));
      return null;
    }
    if (back.type() == RouteType.BROADCAST) {
      // the sender's address is one the local table calls a broadcast (of another device):
      // icmp_route_lookup's relookup takes the reversed flow's input route, a local broadcast
      // one, so the error goes round through lo, and icmp_rcv drops it there [regression 018]
      back = new RouteResult(RouteType.BROADCAST, ns.lo(), 0, back.src(), back.table(),
          back.route(), back.fib(), null);
    }
    boolean local = back.type() == RouteType.LOCAL || back.dev() == ns.lo();
    if (limited && !local
        && !ns.peers().xrlimAllow(orig.src(), now,
            ns.sysctls().intValue("net.ipv4.icmp_ratelimit"))) {
      note(j, nsName(ns), Step.Kind.ICMP, () -> "no ICMP error: rate limited (icmp_ratelimit)");
      return null;
    }
    // a packet this namespace sent from 0.0.0.0 (no address to choose): the route to 0.0.0.0
    // is the loopback, from and to 127.0.0.1 (ip_route_output_key_hash_rcu), and so the error
    int to = orig.src() != 0 ? orig.src() : back.src();
    // icmp_send quotes the offending packet, up to 576 bytes in all: 20 + 8 + min(len, 548)
    Packet err = new Packet(back.src(), to,
        ns.sysctls().intValue("net.ipv4.ip_default_ttl"), Packet.ICMP, type, code, 0, 0,
        28 + Math.min(orig.length(), 548), 0, orig);
    Journey ej = new Journey("icmp error", err, detailed);
    replies.add(ej);
    note(j, nsName(ns), Step.Kind.ICMP, () -> "sends " + err.describe());
    note(ej, nsName(ns), Step.Kind.SEND, () -> err.describe());
    localOut(ns, err, back, ej);
    return ej;
  }

  /**
   * An error for a packet that never left this host (a netfilter REJECT in OUTPUT): it comes
   * back through lo.
   */
  void localReject(NetNs ns, Packet orig, int type, int code, Journey j) {
    icmpError(ns, orig, type, code, true, j);
  }

  // ------------------------------------------------------------------------------ hooks

  /** Runs a netfilter hook; null when the packet went no further. */
  private Hooks.Verdict hook(NetNs ns, Hooks.Hook h, Packet p, Device in, Device out, int nh,
      Journey j) {
    Hooks.Verdict v = hooks.run(ns, h, p, in, out, nh, loop.now());
    if (v.explanation() != null) {
      if (v.kind() != Hooks.Verdict.Kind.ACCEPT) {
        lost(j, nsName(ns), () -> h + ": " + v.explanation());
      } else {
        note(j, nsName(ns), Step.Kind.NETFILTER, () -> h + ": " + v.explanation());
      }
    }
    switch (v.kind()) {
      case ACCEPT:
        return v;
      case REJECT:
        j.end(Journey.Fate.DROPPED, loop.now());
        Journey err = icmpError(ns, p, v.rejectType(), v.rejectCode(), true, j);
        if (h == Hooks.Hook.OUTPUT && err != null && err.fate() == Journey.Fate.RECEIVED) {
          // sendmsg fails with EPERM only when the error came back to the socket; when a rule
          // drops the error too (OUTPUT or INPUT), the send looks like a silent DROP (kernel)
          j.failSend(Errno.EPERM);
        }
        return null;
      default:
        j.end(Journey.Fate.DROPPED, loop.now());
        return null;
    }
  }

  static DevConf confOf(Device d) {
    return d.conf();
  }

  /** Records a step; its text is made only when the journey keeps details. */
  private static void note(Journey j, String ns, Step.Kind kind,
      java.util.function.Supplier<String> text) {
    if (j.detailed()) {
      j.add(Step.of(ns, kind, text.get()));
    }
  }

  /**
   * Records the step where the packet was lost (always kept, with its reason: the verdict and
   * {@code matrix --why} need it; one per packet, so a matrix stays fast).
   */
  private static void lost(Journey j, String ns, java.util.function.Supplier<String> text) {
    j.add(Step.drop(ns, text.get()));
  }
}
