package netsim.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netsim.netfilter.Netfilter;

/**
 * A network namespace: its devices (numbered per namespace), IPv4 addresses, routing (tables and
 * rules), neighbours, sysctls, netfilter state, and the ids it keeps for other namespaces.
 *
 * <p>Every operation checks all it needs before changing anything, and fails with a
 * {@link KernelException} that carries the kernel's errno and extack text.
 */
public final class NetNs {
  private final Kernel kernel;
  private final int id;
  private final UserNs owner;
  private String name;

  private final TreeMap<Integer, Device> byIndex = new TreeMap<>();
  private final Map<String, Device> byName = new HashMap<>();
  /** Devices in the order they arrived ({@code dev_base_head}), which address selection walks. */
  private final List<Device> arrival = new ArrayList<>();
  /** {@code net->ifindex}: where the cyclic allocation of the next index starts. */
  private int ifindexHint = 1;
  /** Ids this namespace has given to others ({@code peernet2id_alloc}), lowest free first. */
  private final Map<NetNs, Integer> nsids = new LinkedHashMap<>();
  /** The same ids the other way round, and which ids are taken (idr: the lowest free first). */
  private final Map<Integer, NetNs> peersById = new java.util.HashMap<>();
  private final java.util.BitSet usedNsids = new java.util.BitSet();

  private final Sysctls sysctls;
  private final Fib fib = new Fib();
  private final NeighTable neigh = new NeighTable(this);
  private final Netfilter netfilter = new Netfilter();
  private final InetPeers peers = new InetPeers();
  private boolean loWasUp;

  NetNs(Kernel kernel, int id, UserNs owner) {
    this.kernel = kernel;
    this.id = id;
    this.owner = owner;
    this.sysctls = new Sysctls(this);
  }

  public Kernel kernel() {
    return kernel;
  }

  /** A number that identifies the namespace for the life of the world (like its inode). */
  public int id() {
    return id;
  }

  public UserNs owner() {
    return owner;
  }

  /** The name under /run/netns, or null (the host, or a namespace made by unshare). */
  public String name() {
    return name;
  }

  void setName(String n) {
    this.name = n;
  }

  /** The name for reports: the /run/netns name, or {@code host} for the first namespace. */
  public String displayName() {
    if (name != null) {
      return name;
    }
    return this == kernel.host() ? "host" : "netns#" + id;
  }

  public Sysctls sysctls() {
    return sysctls;
  }

  public Fib fib() {
    return fib;
  }

  /** Whether policy rules were ever changed (then local and main are separate tables). */
  public boolean customRules() {
    return fib.customRules();
  }

  public NeighTable neigh() {
    return neigh;
  }

  public Netfilter netfilter() {
    return netfilter;
  }

  /** ICMP error rate-limit state, per address answered. */
  public InetPeers peers() {
    return peers;
  }

  // ------------------------------------------------------------------------------ devices

  public Device device(String n) {
    return byName.get(n);
  }

  public Device device(int ifindex) {
    return byIndex.get(ifindex);
  }

  /** Devices in ifindex order, as a link dump lists them. */
  public Collection<Device> devices() {
    return Collections.unmodifiableCollection(byIndex.values());
  }

  public Device lo() {
    return byIndex.get(1);
  }

  /** Whether lo has ever been up (its 127.0.0.1 stays after it goes down: C10). */
  public boolean loWasUp() {
    return loWasUp;
  }

  /**
   * The index the next new device gets: the first free one from the hint upward
   * ({@code xa_alloc_cyclic} in {@code dev_index_reserve}).
   */
  int peekIfindex() {
    int i = ifindexHint;
    while (byIndex.containsKey(i)) {
      i++;
    }
    return i;
  }

  int allocIfindex() {
    int i = peekIfindex();
    ifindexHint = i + 1;
    return i;
  }

  /** A device moving in keeps its index if free here, else takes the next cyclic one (A4). */
  int indexForMove(int wanted) {
    return byIndex.containsKey(wanted) ? allocIfindex() : wanted;
  }

  void attach(Device d) {
    addrIndex = null;
    arrival.add(d);
    byIndex.put(d.ifindex(), d);
    byName.put(d.name(), d);
    sysctls.deviceAdded(d);
  }

  void detach(Device d) {
    addrIndex = null;
    arrival.remove(d);
    byIndex.remove(d.ifindex());
    byName.remove(d.name());
    sysctls.deviceRemoved(d);
    neigh.flushDevice(d);
  }

  void rename(Device d, String newName) {
    byName.remove(d.name());
    String old = d.name();
    d.setName(newName);
    byName.put(newName, d);
    sysctls.deviceRenamed(old, d);
    // inetdev_changename: the first address takes the new name; each other one the new name
    // with its old label's ":suffix", or ":N" (its position from 1) when it had none
    List<IfAddr> as = d.mutableAddrs();
    for (int i = 0; i < as.size(); i++) {
      IfAddr a = as.get(i);
      String label = newName;
      if (i > 0) {
        int colon = a.label().indexOf(':');
        String dot = colon >= 0 ? a.label().substring(colon) : ":" + (i + 1);
        label = dot.length() + newName.length() < Kernel.MAX_IFNAME + 1 ? newName + dot
            : newName.substring(0, Math.max(0, Kernel.MAX_IFNAME - dot.length())) + dot;
      }
      as.set(i, a.withLabel(label));
    }
  }

  void markLoUp() {
    loWasUp = true;
  }

  // ------------------------------------------------------------------------------ nsids

  /** The id this namespace holds for {@code peer}, or -1 ({@code peernet2id}). */
  public int nsidOf(NetNs peer) {
    Integer i = nsids.get(peer);
    return i == null ? -1 : i;
  }

  /** {@code peernet2id_alloc}: the existing id, or the lowest free one. */
  public int nsidAlloc(NetNs peer) {
    Integer i = nsids.get(peer);
    if (i != null) {
      return i;
    }
    int n = usedNsids.nextClearBit(0);
    putNsid(peer, n);
    return n;
  }

  /** Sets an id by hand ({@code ip netns set}); false when the peer already has one. */
  public boolean nsidSet(NetNs peer, int nsid) {
    if (nsids.containsKey(peer) || peersById.containsKey(nsid)) {
      return false;
    }
    putNsid(peer, nsid);
    return true;
  }

  private void putNsid(NetNs peer, int nsid) {
    nsids.put(peer, nsid);
    peersById.put(nsid, peer);
    if (nsid >= 0) {
      usedNsids.set(nsid);
    }
  }

  public NetNs peerByNsid(int nsid) {
    return peersById.get(nsid);
  }

  public Map<NetNs, Integer> nsids() {
    return Collections.unmodifiableMap(nsids);
  }

  void forgetNsid(NetNs dead) {
    Integer id = nsids.remove(dead);
    if (id != null) {
      peersById.remove(id);
      if (id >= 0) {
        usedNsids.clear(id);
      }
    }
  }

  // ------------------------------------------------------------------------------ addresses

  /** Every IPv4 address of the namespace, device by device in ifindex order. */
  public List<IfAddr> allAddrs() {
    List<IfAddr> out = new ArrayList<>();
    for (Device d : byIndex.values()) {
      out.addAll(d.addrs());
    }
    return out;
  }

  /** Local address to the first device (in ifindex order) holding it; null when stale. */
  private IntObjectMap<Device> addrIndex;

  void addrsChanged() {
    addrIndex = null;
  }

  /**
   * The device holding this local address, or null ({@code inet_lookup_ifaddr_rcu}: a hash,
   * since routers with many devices ask it for every packet).
   */
  public Device deviceWithAddr(int a) {
    IntObjectMap<Device> idx = addrIndex;
    if (idx == null) {
      idx = new IntObjectMap<>();
      for (Device d : byIndex.values()) {
        for (IfAddr ia : d.addrs()) {
          if (idx.get(ia.local()) == null) {
            idx.put(ia.local(), d);
          }
        }
      }
      addrIndex = idx;
    }
    return idx.get(a);
  }

  /** What {@code ip addr add} asks for. */
  public record AddrRequest(
      int local, int prefixLen, Scope scope, String label, int broadcast, int metric,
      boolean noPrefixRoute) {}

  /**
   * {@code __inet_insert_ifa}: an address in the subnet of an existing primary (same mask)
   * becomes its secondary; a primary goes after the last primary of equal or wider scope.
   * Then {@code fib_add_ifaddr} adds its routes.
   */
  public void addAddress(Device dev, AddrRequest r) {
    boolean secondary = false;
    int mask = Ip4.mask(r.prefixLen());
    for (IfAddr a : dev.addrs()) {
      if (a.mask() == mask && ((a.local() ^ r.local()) & mask) == 0) {
        if (a.local() == r.local()) {
          throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned");
        }
        if (a.scope() != r.scope()) {
          throw new KernelException(Errno.EINVAL, "ipv4: Invalid scope value");
        }
        secondary = true;
      }
    }
    IfAddr ifa = new IfAddr(r.local(), r.prefixLen(), r.scope(), secondary, r.label(),
        r.broadcast(), r.metric(), r.noPrefixRoute());
    List<IfAddr> list = dev.mutableAddrs();
    if (secondary) {
      list.add(ifa);
    } else {
      int pos;
      pos = lastPrimaryPos(list, ifa);
      list.add(pos, ifa);
    }
    fibAddIfaddr(dev, ifa);
  }

  private static int lastPrimaryPos(List<IfAddr> list, IfAddr ifa) {
    int pos = 0;
    for (int i = 0; i < list.size(); i++) {
      IfAddr a = list.get(i);
      if (!a.secondary() && ifa.scope().value <= a.scope().value) {
        pos = i + 1;
      }
    }
    return pos;
  }

  /** The primary address of this subnet on the device ({@code inet_ifa_byprefix}). */
  private static IfAddr primaryOf(Device dev, int prefix, int mask) {
    for (IfAddr a : dev.addrs()) {
      if (!a.secondary() && a.mask() == mask && a.network() == prefix) {
        return a;
      }
    }
    return null;
  }

  /** {@code fib_add_ifaddr}: the local route always; prefix and broadcast routes when up. */
  void fibAddIfaddr(Device dev, IfAddr ifa) {
    IfAddr prim = ifa;
    if (ifa.secondary()) {
      prim = primaryOf(dev, ifa.network(), ifa.mask());
      if (prim == null) {
        return;
      }
    }
    fibMagicAdd(RouteType.LOCAL, Prefix.host(ifa.local()), prim, dev, 0);
    if (!dev.isUp()) {
      return;
    }
    if (ifa.broadcast() != 0 && ifa.broadcast() != Ip4.BROADCAST) {
      fibMagicAdd(RouteType.BROADCAST, Prefix.host(ifa.broadcast()), prim, dev, 0);
    }
    int prefix = ifa.network();
    if (!Ip4.isZeronet(prefix) && !ifa.secondary()
        && (prefix != ifa.local() || ifa.prefixLen() < 32)) {
      if (!ifa.noPrefixRoute()) {
        fibMagicAdd(dev.isLoopback() ? RouteType.LOCAL : RouteType.UNICAST,
            new Prefix(prefix, ifa.prefixLen()), prim, dev, ifa.metric());
      }
      if (ifa.prefixLen() < 31) {
        fibMagicAdd(RouteType.BROADCAST, Prefix.host(prefix | ~ifa.mask()), prim, dev, 0);
      }
    }
  }

  private void fibMagicAdd(RouteType type, Prefix dst, IfAddr prim, Device dev, int metric) {
    int table = type == RouteType.UNICAST ? Fib.TABLE_MAIN : Fib.TABLE_LOCAL;
    Scope scope = type == RouteType.LOCAL ? Scope.HOST : Scope.LINK;
    if (!(type == RouteType.LOCAL && dst.len() == 32 && dst.addr() == prim.local())
        && addrType(prim.local()) != RouteType.LOCAL) {
      // fib_create_info's fib_valid_prefsrc: the source must be local in table local, where
      // the first route for it may be another's broadcast route (an address that is another
      // subnet's broadcast): then the prefix and broadcast routes fail, and fib_magic says
      // nothing
      return;
    }
    Route r = new Route(table, type, dst, 0, dev, Route.PROTO_KERNEL, scope, prim.local(), metric,
        0, false);
    try {
      fib.insert(r, Fib.Nlm.APPEND);
    } catch (KernelException e) {
      // an identical route is there already: fib_magic ignores the error
    }
  }

  private void fibMagicDel(RouteType type, Prefix dst, IfAddr prim, Device dev) {
    int table = type == RouteType.UNICAST ? Fib.TABLE_MAIN : Fib.TABLE_LOCAL;
    Scope scope = type == RouteType.LOCAL ? Scope.HOST : Scope.LINK;
    try {
      fib.delete(new Fib.DeleteSpec(table, dst, type, scope, Route.PROTO_KERNEL, 0, 0, dev,
          prim.local()));
    } catch (KernelException e) {
      // nothing to delete
    }
  }

  /**
   * {@code ip addr del}: the address and, when it is a primary and promote_secondaries is off,
   * the secondaries of its subnet (deleted first, as {@code __inet_del_ifa} does). Each deletion
   * runs {@code fib_del_ifaddr}; when the device has no IPv4 address left, every route through
   * it goes ({@code fib_disable_ip}).
   */
  public void deleteAddress(Device dev, IfAddr ifa) {
    List<IfAddr> list = dev.mutableAddrs();
    if (!list.contains(ifa)) {
      throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
    }
    List<IfAddr> gone = new ArrayList<>();
    if (!ifa.secondary()) {
      boolean promote = dev.conf().promoteSecondaries != 0
          || sysctls.all().promoteSecondaries != 0;
      for (IfAddr a : List.copyOf(list)) {
        if (a.secondary() && a.mask() == ifa.mask() && ifa.matches(a.local())) {
          if (promote) {
            break; // the first secondary is promoted below
          }
          gone.add(a);
        }
      }
    }
    for (IfAddr a : gone) {
      list.remove(a);
      fibDelIfaddr(dev, a);
    }
    list.remove(ifa);
    IfAddr promoted = null;
    if (!ifa.secondary()) {
      for (int i = 0; i < list.size(); i++) {
        IfAddr a = list.get(i);
        if (a.secondary() && a.mask() == ifa.mask() && ifa.matches(a.local())) {
          promoted = a.withSecondary(false);
          list.remove(i);
          list.add(lastPrimaryPos(list, promoted), promoted);
          break;
        }
      }
    }
    fibDelIfaddr(dev, ifa);
    if (promoted != null) {
      fibAddIfaddr(dev, promoted);
      for (IfAddr a : list) {
        if (a.secondary() && a.mask() == promoted.mask() && promoted.matches(a.local())) {
          fibAddIfaddr(dev, a);
        }
      }
    }
    if (list.isEmpty()) {
      fibDisableIp(dev, true);
    }
  }

  /** {@code fib_del_ifaddr}, with the kernel's care not to delete routes still in use. */
  private void fibDelIfaddr(Device dev, IfAddr ifa) {
    IfAddr prim = ifa;
    int brd = ifa.local() | ~ifa.mask();
    int any = ifa.network();
    boolean subnet = false;
    if (ifa.secondary()) {
      prim = primaryOf(dev, any, ifa.mask());
      if (prim == null) {
        return;
      }
    } else if (!Ip4.isZeronet(any) && (any != ifa.local() || ifa.prefixLen() < 32)) {
      if (!ifa.noPrefixRoute()) {
        fibMagicDel(dev.isLoopback() ? RouteType.LOCAL : RouteType.UNICAST,
            new Prefix(any, ifa.prefixLen()), prim, dev);
      }
      subnet = true;
    }
    boolean localOk = false;
    boolean brdOk = false;
    boolean brd0Ok = false;
    boolean brd1Ok = false;
    boolean sameSrc = false;
    IfAddr prim1 = null;
    for (IfAddr a : dev.addrs()) {
      if (a.secondary()) {
        if (a.mask() == prim.mask() && prim.matches(a.local())) {
          prim1 = prim;
        } else {
          if (!sameSrc) {
            continue;
          }
          if (prim1 == null || a.mask() != prim1.mask() || !prim1.matches(a.local())) {
            prim1 = primaryOf(dev, a.network(), a.mask());
          }
          if (prim1 == null || prim1.local() != prim.local()) {
            continue;
          }
        }
      } else {
        if (prim.local() != a.local()) {
          continue;
        }
        prim1 = a;
        if (prim != prim1) {
          sameSrc = true;
        }
      }
      if (ifa.local() == a.local()) {
        localOk = true;
      }
      if (ifa.broadcast() == a.broadcast()) {
        brdOk = true;
      }
      if (brd == a.broadcast()) {
        brd1Ok = true;
      }
      if (any == a.broadcast()) {
        brd0Ok = true;
      }
      if (prim1 == a && a.prefixLen() < 31) {
        int brd1 = a.local() | ~a.mask();
        int any1 = a.network();
        if (!Ip4.isZeronet(any1)) {
          if (ifa.broadcast() == brd1 || ifa.broadcast() == any1) {
            brdOk = true;
          }
          if (brd == brd1 || brd == any1) {
            brd1Ok = true;
          }
          if (any == brd1 || any == any1) {
            brd0Ok = true;
          }
        }
      }
    }
    if (!brdOk) {
      fibMagicDel(RouteType.BROADCAST, Prefix.host(ifa.broadcast()), prim, dev);
    }
    if (subnet && ifa.prefixLen() < 31) {
      if (!brd1Ok) {
        fibMagicDel(RouteType.BROADCAST, Prefix.host(brd), prim, dev);
      }
      if (!brd0Ok) {
        fibMagicDel(RouteType.BROADCAST, Prefix.host(any), prim, dev);
      }
    }
    if (!localOk) {
      fibMagicDel(RouteType.LOCAL, Prefix.host(ifa.local()), prim, dev);
      if (addrType(ifa.local()) != RouteType.LOCAL) {
        // fib_sync_down_addr: routes preferring the vanished address die with it
        int gone = ifa.local();
        fib.removeIf(r -> r.prefsrc() == gone);
      }
    }
  }

  /**
   * {@code fib_disable_ip} / {@code fib_sync_down_dev}: every route through the device dies;
   * unless {@code force}, routes whose nexthop scope is "nowhere" (host-scope local routes)
   * survive.
   */
  void fibDisableIp(Device dev, boolean force) {
    fib.removeIf(r -> r.dev() == dev && (force || r.scope() != Scope.HOST));
    neigh.flushDevice(dev);
  }

  /**
   * The type of an address ({@code inet_addr_type_dev_table}): 0.0.0.0 and 255.255.255.255 are
   * broadcasts, 224.0.0.0/4 multicast, anything else what the local table says, whichever
   * device its route is on (the device only picks an l3mdev's table, which is not modelled).
   */
  public RouteType addrType(int a) {
    if (a == 0 || a == Ip4.BROADCAST) {
      return RouteType.BROADCAST;
    }
    if (Ip4.isMulticast(a)) {
      return RouteType.MULTICAST;
    }
    FibTable local = fib.table(Fib.TABLE_LOCAL);
    if (local != null) {
      Route r = local.lookup(a, null, 0, true);
      if (r != null) {
        return r.type();
      }
    }
    return RouteType.UNICAST;
  }

  /** {@code inet_addr_type}: LOCAL for the namespace's own addresses. */
  public boolean isLocal(int a) {
    return addrType(a) == RouteType.LOCAL;
  }

  // ------------------------------------------------------------------------------ routes

  /** What {@code ip route add|change|replace|...} asks for, after iproute2's own defaults. */
  public record RouteRequest(
      int table, RouteType type, Prefix dst, int gateway, Device dev, int protocol, Scope scope,
      int prefsrc, int metric, boolean onlink) {}

  /**
   * {@code inet_rtm_newroute}: creates the table (even if what follows fails), checks the request
   * as {@code fib_create_info} and {@code fib_check_nh} do, then inserts.
   */
  public Route addRoute(RouteRequest q, Fib.Nlm flags) {
    fib.tableOrCreate(q.table());
    if (q.dst().hasHostBits()) {
      throw new KernelException(Errno.EINVAL, "Invalid prefix for given prefix length");
    }
    if (q.type().error != null) {
      if (q.gateway() != 0 || q.dev() != null) {
        throw new KernelException(Errno.EINVAL,
            "Gateway, device and multipath can not be specified for this route type");
      }
    } else if (q.scope() == Scope.HOST) {
      if (q.gateway() != 0) {
        throw new KernelException(Errno.EINVAL, "Route with host scope can not have a gateway");
      }
      if (q.dev() == null) {
        throw new KernelException(Errno.ENODEV);
      }
    } else if (q.gateway() != 0) {
      checkGateway(q);
    } else {
      if (q.onlink()) {
        throw new KernelException(Errno.EINVAL,
            "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set");
      }
      if (q.dev() == null) {
        throw new KernelException(Errno.ENODEV);
      }
      if (!q.dev().isUp()) {
        throw new KernelException(Errno.ENETDOWN, "Device for nexthop is not up");
      }
    }
    if (q.prefsrc() != 0 && !validPrefsrc(q)) {
      throw new KernelException(Errno.EINVAL, "Invalid prefsrc address");
    }
    Device dev = q.dev();
    boolean gwLocal = false;
    if (q.gateway() != 0 && !q.onlink()) {
      Route via = gatewayRoute(q);
      gwLocal = via != null && via.type() == RouteType.LOCAL;
      if (dev == null && via != null) {
        dev = via.dev();
      }
    }
    Route r = new Route(q.table(), q.type(), q.dst(), q.gateway(), dev, q.protocol(), q.scope(),
        q.prefsrc(), q.metric(), 0, q.onlink(), gwLocal);
    fib.insert(r, flags);
    if (q.type() == RouteType.LOCAL) {
      fib.markCustomLocalRoute();
    }
    return r;
  }

  /** {@code fib_check_nh_v4_gw}. */
  private void checkGateway(RouteRequest q) {
    if (q.onlink()) {
      if (q.scope().value >= Scope.LINK.value) {
        throw new KernelException(Errno.EINVAL, "Nexthop has invalid scope");
      }
      if (q.dev() == null) {
        throw new KernelException(Errno.ENODEV, "Nexthop device required for onlink");
      }
      if (!q.dev().isUp()) {
        throw new KernelException(Errno.ENETDOWN, "Nexthop device is not up");
      }
      if (addrType(q.gateway()) != RouteType.UNICAST) {
        throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
      }
      return;
    }
    Route via = gatewayRoute(q);
    if (via == null || (via.type() != RouteType.UNICAST && via.type() != RouteType.LOCAL)) {
      throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
    }
    if (via.dev() == null) {
      throw new KernelException(Errno.EINVAL, "No egress device for nexthop gateway");
    }
    if (!via.dev().isUp()) {
      throw new KernelException(Errno.ENETDOWN);
    }
  }

  /** The route through which the gateway is reached: scope link or narrower, on the given dev. */
  private Route gatewayRoute(RouteRequest q) {
    int scope = Math.max(q.scope().value + 1, Scope.LINK.value);
    Flow f = new Flow(q.gateway(), 0, null, q.dev(), 0, 0, Scope.byValue(scope) == null
        ? Scope.LINK : Scope.byValue(scope));
    if (q.table() != Fib.TABLE_MAIN) {
      FibTable t = fib.table(q.table());
      if (t != null) {
        Route r = t.lookup(q.gateway(), q.dev(), scope, true);
        if (r != null && r.type().error == null) {
          return r;
        }
      }
    }
    FibResult res = lookupWithScope(f, scope);
    return res.failed() ? null : res.route();
  }

  private FibResult lookupWithScope(Flow f, int scope) {
    // Flow scopes are the Scope enum; gateway checks ask for scope >= LINK
    Flow g = new Flow(f.dst(), f.src(), f.iif(), f.oif(), f.mark(), f.tos(),
        scope >= Scope.HOST.value ? Scope.HOST : Scope.LINK);
    return fib.lookup(g, true);
  }

  /** {@code fib_valid_prefsrc}. */
  private boolean validPrefsrc(RouteRequest q) {
    if (q.type() == RouteType.LOCAL && q.dst().len() == 32 && q.prefsrc() == q.dst().addr()) {
      return true;
    }
    int tb = q.table() == Fib.TABLE_MAIN ? Fib.TABLE_LOCAL : q.table();
    FibTable t = fib.table(tb);
    Route r = t == null ? null : t.lookup(q.prefsrc(), null, 0, true);
    if ((r == null || r.type() != RouteType.LOCAL) && tb != Fib.TABLE_LOCAL) {
      return isLocal(q.prefsrc());
    }
    return r != null && r.type() == RouteType.LOCAL;
  }

  // ------------------------------------------------------------------------------ rules

  /**
   * {@code fib_nl_newrule}: a rule without a priority gets one below the second rule's
   * ({@code fib_default_rule_pref}); {@code table 0} takes the first empty table
   * ({@code fib_empty_table}); an identical rule already there is EEXIST.
   */
  public FibRule addRule(FibRule r, boolean userPriority) {
    List<FibRule> rules = fib.rules();
    int pref = r.priority();
    if (!userPriority) {
      pref = rules.size() >= 2 && rules.get(1).priority() != 0 ? rules.get(1).priority() - 1 : 0;
    }
    int table = r.table();
    if (table == Fib.TABLE_UNSPEC && r.action() == FibRule.Action.TO_TBL) {
      table = 1;
      while (fib.table(table) != null) {
        table++;
      }
      fib.tableOrCreate(table);
    }
    // a /0 prefix is no selector at all (the kernel keeps src_len 0 and ignores FRA_SRC)
    FibRule n = new FibRule(pref, r.not(), orAll(r.src()), orAll(r.dst()), r.iif(), r.oif(),
        r.fwmark(), r.fwmask(), r.tos(), r.action(), table, r.suppressPrefixLen(), r.protocol());
    for (FibRule old : rules) {
      if (exists(old, n)) {
        throw new KernelException(Errno.EEXIST);
      }
    }
    fib.addRule(n);
    return n;
  }

  private static Prefix orAll(Prefix p) {
    return p == null || p.len() == 0 ? null : p;
  }

  /**
   * {@code rule_exists} (for NLM_F_EXCL, which {@code ip rule add} sets): action, table,
   * priority, devices, mark and the rest must be equal, but {@code not} is not compared, and
   * the new rule's source, destination and tos only when it gives them
   * ({@code fib4_rule_compare}): "pref 100 lookup 5" exists when "from X pref 100 lookup 5" does.
   */
  private static boolean exists(FibRule r, FibRule n) {
    return r.action() == n.action() && r.table() == n.table() && r.priority() == n.priority()
        && java.util.Objects.equals(r.iif(), n.iif())
        && java.util.Objects.equals(r.oif(), n.oif()) && r.fwmark() == n.fwmark()
        && r.fwmask() == n.fwmask() && r.suppressPrefixLen() == n.suppressPrefixLen()
        && r.protocol() == n.protocol()
        && (n.src() == null || n.src().len() == 0 || n.src().equals(r.src()))
        && (n.dst() == null || n.dst().len() == 0 || n.dst().equals(r.dst()))
        && (n.tos() == 0 || r.tos() == n.tos());
  }

  /** {@code rule_find}: the first rule matching every selector the request gives. */
  public FibRule deleteRule(FibRule q, boolean userPriority, boolean actionGiven) {
    for (FibRule r : fib.rules()) {
      if (actionGiven && r.action() != q.action()) {
        continue;
      }
      if (q.table() != 0 && r.table() != q.table()) {
        continue;
      }
      if (userPriority && r.priority() != q.priority()) {
        continue;
      }
      if (q.iif() != null && !q.iif().equals(r.iif())) {
        continue;
      }
      if (q.oif() != null && !q.oif().equals(r.oif())) {
        continue;
      }
      if (q.fwmark() != 0 && r.fwmark() != q.fwmark()) {
        continue;
      }
      if (q.fwmask() != 0 && q.fwmask() != -1 && r.fwmask() != q.fwmask()) {
        continue;
      }
      if (q.suppressPrefixLen() != -1 && r.suppressPrefixLen() != q.suppressPrefixLen()) {
        continue;
      }
      if (q.protocol() != 0 && r.protocol() != q.protocol()) {
        continue;
      }
      if (orAll(q.src()) != null && !q.src().equals(r.src())) {
        continue;
      }
      if (orAll(q.dst()) != null && !q.dst().equals(r.dst())) {
        continue;
      }
      if (q.tos() != 0 && r.tos() != q.tos()) {
        continue;
      }
      fib.removeRule(r);
      return r;
    }
    throw new KernelException(Errno.ENOENT);
  }

  public Route deleteRoute(Fib.DeleteSpec s) {
    if (s.dst().hasHostBits()) {
      throw new KernelException(Errno.EINVAL, "Invalid prefix for given prefix length");
    }
    return fib.delete(s);
  }

  // ------------------------------------------------------------------------------ source

  /**
   * {@code inet_select_addr}: a source address for traffic leaving {@code dev} through a nexthop
   * of scope {@code scope}, towards {@code dst} (the gateway, or 0 for a direct route): the
   * device's first primary address within scope that covers {@code dst} (or its first at all),
   * else, weak host, the first primary of any device in arrival order (lo first) that is neither
   * link scope nor wider than asked. 0 when there is none.
   */
  public int selectSrc(Device dev, int dst, Scope scope) {
    int addr = 0;
    if (dev != null) {
      int localnetScope = (dev.conf().routeLocalnet != 0 || sysctls.all().routeLocalnet != 0)
          ? Scope.LINK.value : Scope.HOST.value;
      for (IfAddr a : dev.addrs()) {
        if (a.secondary() || Math.min(a.scope().value, localnetScope) > scope.value) {
          continue;
        }
        if (dst == 0 || a.matches(dst)) {
          return a.local();
        }
        if (addr == 0) {
          addr = a.local();
        }
      }
      if (addr != 0) {
        return addr;
      }
    }
    for (Device d : arrival) {
      for (IfAddr a : d.addrs()) {
        if (!a.secondary() && a.scope() != Scope.LINK && a.scope().value <= scope.value) {
          return a.local();
        }
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return "NetNs(" + displayName() + ")";
  }
}
