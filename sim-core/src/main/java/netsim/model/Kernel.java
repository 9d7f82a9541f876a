package netsim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulated kernel: every network namespace, the named ones under /run/netns, the initial
 * user namespace, and the model's clock and randomness.
 *
 * <p>The first namespace plays the host: like the sandbox the kernel backend makes, its lo is up
 * and nothing else is configured. Device operations that involve two namespaces (a veth pair, a
 * move) live here; each checks everything before changing anything.
 */
public final class Kernel {
  /** IFNAMSIZ - 1. */
  public static final int MAX_IFNAME = 15;

  private final KernelProfile profile;
  private final Clock clock = new Clock();
  private final EventLoop events = new EventLoop(clock);
  private final Random rng;
  private final UserNs initUserNs = UserNs.initial();
  /** The working folder of the scenario, for {@code touch} and {@code stat}. */
  private final Files files = new Files();
  /** Capability checks that failed, for explanations. */
  private final CapAudit capAudit = new CapAudit();
  private final List<NetNs> namespaces = new ArrayList<>();
  /** /run/netns, in creation order; {@code ip netns list} shows it newest first. */
  private final Map<String, NetNs> named = new LinkedHashMap<>();
  private final NetNs host;
  private final java.util.EnumSet<Fault> faults = java.util.EnumSet.noneOf(Fault.class);
  private int nextNsId = 1;
  private long nextV6Seq = 1;

  public Kernel(KernelProfile profile, long seed) {
    this.profile = profile;
    this.rng = new Random(seed);
    this.host = createNetns(initUserNs);
    setUp(host.lo(), true);
  }

  public Kernel() {
    this(KernelProfile.defaultProfile(), 1);
  }

  public KernelProfile profile() {
    return profile;
  }

  public Clock clock() {
    return clock;
  }

  /** Breaks one behaviour on purpose (see {@link Fault}); for testing the harness. */
  public void inject(Fault f) {
    faults.add(f);
  }

  public boolean has(Fault f) {
    return faults.contains(f);
  }

  /** The kernel's timers: things that happen later in simulated time. */
  public EventLoop events() {
    return events;
  }

  public Random random() {
    return rng;
  }

  public UserNs initUserNs() {
    return initUserNs;
  }

  public Files files() {
    return files;
  }

  public CapAudit capAudit() {
    return capAudit;
  }

  public NetNs host() {
    return host;
  }

  public List<NetNs> namespaces() {
    return Collections.unmodifiableList(namespaces);
  }

  // ------------------------------------------------------------------------------ namespaces

  /** A new network namespace with its lo (ifindex 1, down). */
  public NetNs createNetns(UserNs owner) {
    NetNs ns = new NetNs(this, nextNsId++, owner);
    namespaces.add(ns);
    Device lo = new Device(DeviceKind.LOOPBACK, ns, ns.allocIfindex(), "lo", Mac.ZERO,
        DevConf.fromNetnsSnapshot("lo"));
    ns.attach(lo);
    return ns;
  }

  public NetNs named(String name) {
    return named.get(name);
  }

  /** Names under /run/netns, oldest first. */
  public List<String> namedList() {
    return List.copyOf(named.keySet());
  }

  /** {@code ip netns add}: false when the name is taken. */
  public NetNs addNamed(String name, UserNs owner) {
    if (named.containsKey(name)) {
      return null;
    }
    NetNs ns = createNetns(owner);
    ns.setName(name);
    named.put(name, ns);
    return ns;
  }

  /** {@code ip netns del}: unmounts the name; with no process left in it, the namespace dies. */
  public boolean deleteNamed(String name) {
    NetNs ns = named.remove(name);
    if (ns == null) {
      return false;
    }
    destroy(ns);
    return true;
  }

  /** A namespace whose last reference went: its devices go, and others forget its id. */
  public void destroy(NetNs ns) {
    if (ns == host || !namespaces.contains(ns)) {
      return;
    }
    for (Device d : List.copyOf(ns.devices())) {
      if (!d.isLoopback() && d.ns() == ns) {
        deleteDevice(d);
      }
    }
    namespaces.remove(ns);
    for (NetNs other : namespaces) {
      other.forgetNsid(ns);
    }
  }

  // ------------------------------------------------------------------------------ devices

  /** {@code dev_valid_name}. */
  public static boolean validName(String n) {
    if (n.isEmpty() || n.length() > MAX_IFNAME || n.equals(".") || n.equals("..")) {
      return false;
    }
    for (char c : n.toCharArray()) {
      if (c == '/' || c == ':' || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code dev_alloc_name} for a pattern such as {@code veth%d}: the lowest free number. */
  public static String allocName(NetNs ns, String pattern, String alsoTaken) {
    for (int i = 0; ; i++) {
      String n = pattern.replace("%d", Integer.toString(i));
      if (ns.device(n) == null && !n.equals(alsoTaken)) {
        return n;
      }
    }
  }

  private DevConf newConf(NetNs ns, int mtu) {
    return DevConf.forNewDevice(ns.sysctls().dflt(), mtu);
  }

  /**
   * A veth pair: the peer registers first, so it gets the lower index when both are in one
   * namespace (A3). The namespace that creates it records an id for the peer's (A8).
   */
  public Device[] createVeth(NetNs ns, String name, long mac, NetNs peerNs, String peerName,
      long peerMac) {
    return createVeth(ns, name, mac, 0, peerNs, peerName, peerMac, 0);
  }

  /**
   * A veth pair whose ends ask for ifindexes ({@code index N}; 0 takes the next free one). As in
   * {@code veth_newlink}, the peer gets the index asked for it only when the device asks for one
   * too; an index asked for is taken as is and moves no counter; one in use fails the
   * registration ({@code dev_index_reserve}: EBUSY).
   */
  public Device[] createVeth(NetNs ns, String name, long mac, int index, NetNs peerNs,
      String peerName, long peerMac, int peerIndex) {
    if (ns.device(name) != null || peerNs.device(peerName) != null
        || (ns == peerNs && name.equals(peerName))) {
      throw new KernelException(Errno.EEXIST);
    }
    int askedPeer = index > 0 ? peerIndex : 0;
    if ((index > 0 && ns.device(index) != null)
        || (askedPeer > 0 && peerNs.device(askedPeer) != null)
        || (index > 0 && ns == peerNs && index == askedPeer)) {
      throw new KernelException(Errno.EBUSY);
    }
    long pm = peerMac >= 0 ? peerMac : Mac.random(rng);
    long dm = mac >= 0 ? mac : Mac.random(rng);
    int pIndex = askedPeer > 0 ? askedPeer : peerNs.allocIfindex();
    Device peer = new Device(DeviceKind.VETH, peerNs, pIndex, peerName, pm,
        newConf(peerNs, DeviceKind.VETH.defaultMtu));
    peerNs.attach(peer);
    int dIndex = index > 0 ? index : ns.allocIfindex();
    Device dev = new Device(DeviceKind.VETH, ns, dIndex, name, dm,
        newConf(ns, DeviceKind.VETH.defaultMtu));
    ns.attach(dev);
    dev.setPeer(peer);
    peer.setPeer(dev);
    // veth_newlink turns both carriers off once both are registered: linkwatch judges each end
    // with its peer known, in the namespace it is in now (A10)
    dev.linkwatch();
    peer.linkwatch();
    if (peerNs != ns) {
      ns.nsidAlloc(peerNs);
    }
    return new Device[] {dev, peer};
  }

  /** A device of a kind with no peer (bridge, dummy). */
  public Device createSimple(NetNs ns, DeviceKind kind, String name, long mac) {
    return createSimple(ns, kind, name, mac, 0);
  }

  /** A device of a kind with no peer, at the ifindex asked for (0: the next free one). */
  public Device createSimple(NetNs ns, DeviceKind kind, String name, long mac, int index) {
    if (ns.device(name) != null) {
      throw new KernelException(Errno.EEXIST);
    }
    if (index > 0 && ns.device(index) != null) {
      throw new KernelException(Errno.EBUSY);
    }
    long m = mac >= 0 ? mac : Mac.random(rng);
    Device d = new Device(kind, ns, index > 0 ? index : ns.allocIfindex(), name, m,
        newConf(ns, kind.defaultMtu));
    ns.attach(d);
    return d;
  }

  /** Deletes a device; deleting either end of a veth deletes both (A13). */
  public void deleteDevice(Device d) {
    if (d.isLoopback()) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    Device peer = d.peer();
    unregister(d);
    if (peer != null) {
      unregister(peer);
    }
  }

  private void unregister(Device d) {
    NetNs ns = d.ns();
    if (d.isUp()) {
      setUp(d, false);
    }
    for (Device port : List.copyOf(d.ports())) {
      setMaster(port, null);
    }
    if (d.master() != null) {
      setMaster(d, null);
    }
    d.mutableAddrs().clear();
    ns.fibDisableIp(d, true);
    ns.detach(d);
  }

  /**
   * {@code dev_change_net_namespace}: the device goes down, loses its addresses and routes,
   * arrives with the target's default conf, keeps its index if free there, and may take a new
   * name in the same step.
   */
  public void moveDevice(Device d, NetNs target, String newName) {
    if (d.isLoopback() || d.kind == DeviceKind.BRIDGE) {
      // NETIF_F_NETNS_LOCAL
      throw new KernelException(Errno.EINVAL, "The interface netns is immutable");
    }
    String name = newName != null ? newName : d.name();
    if (target == d.ns()) {
      if (newName != null && !newName.equals(d.name())) {
        rename(d, newName);
      }
      return;
    }
    if (target.device(name) != null) {
      throw new KernelException(Errno.EEXIST,
          "An interface with the same name exists in the target netns");
    }
    NetNs from = d.ns();
    if (d.isUp()) {
      setUp(d, false);
    }
    if (d.master() != null) {
      setMaster(d, null);
    }
    d.mutableAddrs().clear();
    from.fibDisableIp(d, true);
    from.detach(d);
    int index = target.indexForMove(d.ifindex());
    d.setNs(target, index);
    d.setName(name);
    d.setConf(newConf(target, d.mtu()));
    d.setLinkLocal6Since(-1);
    target.attach(d);
    from.nsidAlloc(target);
    Device peer = d.peer();
    if (peer != null && peer.ns() != target) {
      target.nsidAlloc(peer.ns());
    }
  }

  public void rename(Device d, String newName) {
    if (d.ns().device(newName) != null) {
      throw new KernelException(Errno.EEXIST);
    }
    d.ns().rename(d, newName);
  }

  public void setMac(Device d, long mac) {
    d.setMac(mac);
    if (d.kind == DeviceKind.BRIDGE) {
      bridgeChange(d, b -> b.macSetByHand(mac));
    }
    if (d.bridgePort() != null) {
      bridgeChange(d.master(), Bridge::portMacChanged);
    }
  }

  public void setMtu(Device d, int mtu) {
    if (mtu > d.kind.maxMtu && d.kind.maxMtu > 0) {
      throw new KernelException(Errno.EINVAL, "mtu greater than device maximum");
    }
    if (mtu < d.kind.minMtu) {
      throw new KernelException(Errno.EINVAL, "mtu less than device minimum");
    }
    d.setMtu(mtu);
    if (d.kind == DeviceKind.BRIDGE) {
      Bridge.of(d).mtuSetByHand();
    }
    if (d.bridgePort() != null) {
      Bridge.of(d.master()).portMtuChanged();
    }
  }

  public void setTxqlen(Device d, int q) {
    d.setTxqlen(q);
  }

  /**
   * {@code dev_open} / {@code dev_close} with what the kernel does around them: a veth's carrier
   * follows both ends; NETDEV_UP re-adds the routes of the device's addresses (and lo gets
   * 127.0.0.1/8); NETDEV_DOWN removes every route through the device except host-scope ones,
   * and its neighbours and IPv6 addresses.
   */
  public void setUp(Device d, boolean up) {
    if (d.isUp() == up) {
      return;
    }
    NetNs ns = d.ns();
    d.setUpFlag(up);
    if (up) {
      d.setV6Flushed(false);
      if (d.kind == DeviceKind.VETH && d.peer() != null && d.peer().isUp()) {
        d.setCarrier(true);
        d.peer().setCarrier(true);
      }
      if (d.isLoopback()) {
        ns.markLoUp();
        if (d.addrs().stream().noneMatch(a -> a.local() == Ip4.of("127.0.0.1"))) {
          d.conf().setAllExplicit();
          ns.addAddress(d, new NetNs.AddrRequest(Ip4.of("127.0.0.1"), 8, Scope.HOST, "lo", 0, 0,
              false));
        }
      }
      for (IfAddr a : d.addrs()) {
        ns.fibAddIfaddr(d, a);
      }
      if (d.kind == DeviceKind.BRIDGE) {
        bridgeChange(d, b -> b.opened(clock.now()));
      }
      portChanged(d);
      if (d.peer() != null) {
        portChanged(d.peer());
      }
    } else {
      if (d.kind == DeviceKind.VETH && d.peer() != null) {
        d.setCarrier(false);
        d.peer().setCarrier(false);
        carrierLost(d.peer());
      }
      ns.fibDisableIp(d, false);
      d.setLinkLocal6Since(-1);
      if (d.kind == DeviceKind.BRIDGE) {
        bridgeChange(d, Bridge::stopped);
      }
      portChanged(d);
    }
    linkLocal6Check(d);
    if (d.peer() != null) {
      linkLocal6Check(d.peer());
    }
    // the command's link events are handled (linkwatch) before anything else looks
    d.linkwatch();
    if (d.peer() != null) {
      d.peer().linkwatch();
    }
  }

  /** Carrier went away under an up device: its neighbours go (arp_evict_nocarrier). */
  private void carrierLost(Device d) {
    d.ns().neigh().flushDevice(d, true);
    portChanged(d);
  }

  /** IPv6 gives an up, running device its link-local address once (addrconf_dev_config). */
  private void linkLocal6Check(Device d) {
    if (d.isLoopback()) {
      return;
    }
    if (d.isUp() && d.carrierOk() && d.operUp() && !d.hasLinkLocal6()) {
      d.setLinkLocal6Since(clock.now());
      d.setLinkLocal6Seq(nextV6Seq++);
    }
  }

  /** {@code ipv4_devconf_setall}: once an address is added, conf.default no longer flows in. */
  public void addressAdded(Device d) {
    d.conf().setAllExplicit();
  }

  /** {@code ip addr flush} of IPv6: lo loses ::1, others their link-local address. */
  public void flushIpv6(Device d, Scope scope) {
    if (d.isLoopback()) {
      if (scope == null || scope == Scope.HOST) {
        d.setV6Flushed(true);
      }
    } else if (scope == null || scope == Scope.LINK) {
      d.setLinkLocal6Since(-1);
    }
  }

  // ------------------------------------------------------------------------------ bridges

  /**
   * {@code do_set_master}: the old master lets the device go first, even when the new one then
   * refuses it; a master that is not a bridge refuses with EOPNOTSUPP. Null releases the device.
   */
  public void setMaster(Device port, Device bridge) {
    Device old = port.master();
    if (old == bridge) {
      return;
    }
    if (old != null) {
      bridgeChange(old, b -> b.removePort(port));
      old.mutablePorts().remove(port);
      port.setMaster(null);
    }
    if (bridge != null) {
      if (bridge.kind != DeviceKind.BRIDGE) {
        throw new KernelException(Errno.EOPNOTSUPP);
      }
      bridge.mutablePorts().add(port);
      port.setMaster(bridge);
      try {
        bridgeChange(bridge, b -> b.addPort(port));
      } catch (KernelException e) {
        bridge.mutablePorts().remove(port);
        port.setMaster(null);
        throw e;
      }
    }
  }

  /** A port's state may have changed: the bridge re-checks it (br_port_carrier_check). */
  private void portChanged(Device port) {
    Bridge.Port p = port.bridgePort();
    if (p != null) {
      bridgeChange(port.master(), b -> b.portChanged(p));
    }
  }

  /** Runs a change in a bridge, then what the bridge's carrier change sets off. */
  private void bridgeChange(Device br, java.util.function.Consumer<Bridge> change) {
    boolean had = br.carrierOk();
    change.accept(Bridge.of(br));
    if (had && !br.carrierOk() && br.isUp()) {
      br.ns().neigh().flushDevice(br, true);
    }
    linkLocal6Check(br);
    br.linkwatch();
  }
}
