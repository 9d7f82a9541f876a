package netsim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge driver's state for one bridge device (net/bridge), with STP off as a new bridge has
 * it: the ports and their states, the bridge id (which is the bridge's MAC), its carrier, its MTU,
 * and the forwarding database.
 *
 * <p>What the kernel does, and so what this class does:
 *
 * <ul>
 *   <li>A port is enabled ({@code br_stp_enable_port}) when the bridge is up and the port is up
 *       with its operstate up; STP being off, it forwards at once. Otherwise it is disabled, and
 *       its learned addresses are forgotten.
 *   <li>{@code br_port_state_selection} gives the bridge carrier exactly when some port forwards.
 *       It runs only when a port is enabled or disabled, or the bridge id changes; so a new bridge
 *       keeps the carrier it was born with (up with no ports: {@code UNKNOWN}), and so does a
 *       bridge that goes up while all its ports are down.
 *   <li>The bridge id is the lowest MAC of the ports ({@code br_stp_recalculate_bridge_id}),
 *       recomputed when a port joins, leaves or changes its MAC, and it is the bridge's MAC: with
 *       no ports left that is 00:00:00:00:00:00. A MAC set by hand stays.
 *   <li>The bridge's MTU follows the lowest port MTU ({@code br_mtu_auto_adjust}) until one is set
 *       by hand.
 * </ul>
 */
public final class Bridge {
  /** The default ageing time of learned addresses (300 s). */
  public static final long AGEING_MS = 300_000;
  /** forward_delay: 15 s. With STP off the port forwards at once, but the timer still runs. */
  public static final long FORWARD_DELAY_MS = 15_000;
  /** The first garbage collection of the FDB runs HZ/10 after the bridge opens. */
  public static final long GC_FIRST_MS = 100;

  /** Port states ({@code BR_STATE_*}), as iproute2 names them. */
  public enum PortState {
    DISABLED("disabled"), LISTENING("listening"), LEARNING("learning"),
    FORWARDING("forwarding"), BLOCKING("blocking");

    public final String text;

    PortState(String text) {
      this.text = text;
    }
  }

  /** A port ({@code struct net_bridge_port}). */
  public static final class Port {
    private final Device dev;
    private final Bridge bridge;
    private final int portNo;
    private PortState state = PortState.DISABLED;
    private long enabledAt = -1;

    Port(Device dev, Bridge bridge, int portNo) {
      this.dev = dev;
      this.bridge = bridge;
      this.portNo = portNo;
    }

    public Device dev() {
      return dev;
    }

    public Bridge bridge() {
      return bridge;
    }

    /** {@code port_no}: the lowest free number from 1. */
    public int portNo() {
      return portNo;
    }

    /** {@code port_id}: priority 32 in the top bits, then the number. */
    public int portId() {
      return 0x8000 | portNo;
    }

    public PortState state() {
      return state;
    }

    public boolean forwarding() {
      return state == PortState.FORWARDING;
    }

    /** {@code port_cost}: from the link speed; a veth says 10000 Mb/s, which costs 2. */
    public int cost() {
      return dev.kind == DeviceKind.VETH ? 2 : 100;
    }

    /** When the forward delay timer was last armed (the port's enabling), or -1. */
    public long enabledAt() {
      return enabledAt;
    }
  }

  /** A forwarding database entry learned from a frame's source address. */
  public record FdbEntry(long mac, Port port, long updated) {}

  private final Device dev;
  private final List<Port> ports = new ArrayList<>();
  private final Map<Long, FdbEntry> fdb = new HashMap<>();
  /** {@code bridge_id.addr}: all zeros until the first port joins. */
  private long bridgeIdAddr;
  /** The MAC was set by hand ({@code NET_ADDR_SET}): it no longer follows the ports. */
  private boolean macSet;
  /** BROPT_MTU_SET_BY_USER. */
  private boolean mtuSet;
  /** Some port has ever joined ({@code br_set_gso_limits} has run). */
  private boolean hadPorts;
  /** When the bridge last opened (its gc work was scheduled), or -1 while it is down. */
  private long openedAt = -1;

  private Bridge(Device dev) {
    this.dev = dev;
  }

  /** The bridge state of a bridge device, made on first use. */
  public static Bridge of(Device br) {
    if (br.kind != DeviceKind.BRIDGE) {
      throw new IllegalArgumentException(br + " is not a bridge");
    }
    Bridge b = br.bridgeState();
    if (b == null) {
      b = new Bridge(br);
      br.setBridgeState(b);
    }
    return b;
  }

  public Device dev() {
    return dev;
  }

  public List<Port> ports() {
    return java.util.Collections.unmodifiableList(ports);
  }

  public long bridgeIdAddr() {
    return bridgeIdAddr;
  }

  public boolean hadPorts() {
    return hadPorts;
  }

  public long openedAt() {
    return openedAt;
  }

  // ------------------------------------------------------------------------------ ports

  /**
   * {@code br_add_if}: the checks, then the port joins disabled, the bridge id and MTU are
   * recomputed, and the port is enabled if it can forward.
   */
  void addPort(Device port) {
    if (port.isLoopback() || port.kind.linkType == null || !port.kind.linkType.equals("ether")
        || port.mac() == 0 || Mac.isMulticast(port.mac())) {
      throw new KernelException(Errno.EINVAL);
    }
    if (port.kind == DeviceKind.BRIDGE) {
      throw new KernelException(Errno.ELOOP, "Can not enslave a bridge to a bridge");
    }
    int no = 1;
    while (true) {
      final int n = no;
      if (ports.stream().noneMatch(p -> p.portNo == n)) {
        break;
      }
      no++;
    }
    Port p = new Port(port, this, no);
    ports.add(p);
    port.setBridgePort(p);
    hadPorts = true;
    recalculateBridgeId();
    mtuAutoAdjust();
    if (dev.isUp() && port.isUp() && port.operUp()) {
      enable(p);
    }
  }

  /** {@code br_del_if}: the port is disabled, leaves, and the bridge id and MTU follow. */
  void removePort(Device port) {
    Port p = port.bridgePort();
    if (p == null || p.bridge != this) {
      return;
    }
    disable(p);
    ports.remove(p);
    port.setBridgePort(null);
    fdb.values().removeIf(e -> e.port() == p);
    recalculateBridgeId();
    mtuAutoAdjust();
  }

  /** The bridge opens ({@code br_stp_enable_bridge}): ports that can forward are enabled. */
  void opened(long now) {
    openedAt = now;
    for (Port p : ports) {
      if (p.dev.isUp() && p.dev.operUp()) {
        enable(p);
      }
    }
  }

  /** The bridge stops ({@code br_stp_disable_bridge}): every port that is not yet disabled. */
  void stopped() {
    openedAt = -1;
    for (Port p : ports) {
      if (p.state != PortState.DISABLED) {
        disable(p);
      }
    }
  }

  /**
   * A port went up or down, or its carrier changed (NETDEV_UP, NETDEV_DOWN, NETDEV_CHANGE:
   * {@code br_port_carrier_check}). Nothing happens while the bridge is down.
   */
  void portChanged(Port p) {
    if (!dev.isUp()) {
      return;
    }
    boolean can = p.dev.isUp() && p.dev.operUp();
    if (can && p.state == PortState.DISABLED) {
      enable(p);
    } else if (!can && p.state != PortState.DISABLED) {
      disable(p);
    }
  }

  /** A port's MAC changed (NETDEV_CHANGEADDR). */
  void portMacChanged() {
    recalculateBridgeId();
  }

  /** A port's MTU changed (NETDEV_CHANGEMTU). */
  void portMtuChanged() {
    mtuAutoAdjust();
  }

  /** {@code br_set_mac_address}: the bridge id takes the new MAC, and keeps it. */
  void macSetByHand(long mac) {
    macSet = true;
    changeBridgeId(mac);
  }

  /** {@code br_change_mtu}: the MTU no longer follows the ports. */
  void mtuSetByHand() {
    mtuSet = true;
  }

  private void enable(Port p) {
    // br_init_port puts it in blocking; with STP off, state selection makes it forward
    p.state = PortState.BLOCKING;
    p.enabledAt = dev.ns().kernel().clock().now();
    stateSelection();
  }

  private void disable(Port p) {
    p.state = PortState.DISABLED;
    p.enabledAt = -1;
    fdb.values().removeIf(e -> e.port() == p);
    stateSelection();
  }

  /** {@code br_port_state_selection}: enabled ports forward; carrier iff some port forwards. */
  private void stateSelection() {
    int live = 0;
    for (Port p : ports) {
      if (p.state == PortState.DISABLED) {
        continue;
      }
      p.state = PortState.FORWARDING;
      live++;
    }
    dev.setCarrier(live > 0);
  }

  private void recalculateBridgeId() {
    if (macSet) {
      return;
    }
    long addr = 0;
    boolean any = false;
    for (Port p : ports) {
      if (!any || Long.compareUnsigned(p.dev.mac(), addr) < 0) {
        addr = p.dev.mac();
        any = true;
      }
    }
    if (addr == bridgeIdAddr) {
      return;
    }
    changeBridgeId(addr);
  }

  /** {@code br_stp_change_bridge_id}: the id and the MAC change, then state selection. */
  private void changeBridgeId(long addr) {
    bridgeIdAddr = addr;
    dev.setMac(addr);
    stateSelection();
  }

  private void mtuAutoAdjust() {
    if (mtuSet) {
      return;
    }
    int min = 0;
    for (Port p : ports) {
      if (min == 0 || p.dev.mtu() < min) {
        min = p.dev.mtu();
      }
    }
    dev.setMtu(min == 0 ? 1500 : min);
  }

  // ------------------------------------------------------------------------------ fdb

  /** Learns that {@code mac} lies behind {@code p} ({@code br_fdb_update}). */
  public void learn(Port p, long mac, long now) {
    if (Mac.isMulticast(mac) || isLocal(mac)) {
      return;
    }
    fdb.put(mac, new FdbEntry(mac, p, now));
  }

  /** The port a unicast MAC was learned behind, if the entry has not aged out; else null. */
  public Port lookup(long mac, long now) {
    FdbEntry e = fdb.get(mac);
    if (e == null) {
      return null;
    }
    if (now - e.updated() >= AGEING_MS) {
      fdb.remove(mac);
      return null;
    }
    return e.port();
  }

  /** Local entries: the bridge's own MAC and its ports' ({@code BR_FDB_LOCAL}). */
  public boolean isLocal(long mac) {
    if (mac == dev.mac()) {
      return true;
    }
    for (Port p : ports) {
      if (p.dev.mac() == mac) {
        return true;
      }
    }
    return false;
  }

  /** The learned entries, for tests and traces. */
  public List<FdbEntry> learned() {
    return List.copyOf(fdb.values());
  }
}
