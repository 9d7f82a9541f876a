package netsim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network device ({@code struct net_device}) in one network namespace.
 *
 * <p>State is kept the way the kernel keeps it, so that its quirks come out by themselves: the
 * administrative state ({@code IFF_UP}), the carrier ({@code netif_carrier_ok}, which a veth sets
 * on both ends when both are open), and whether an operational state has ever been computed
 * (lo never gets a link event, so it reports {@code UNKNOWN}). Flags and operstate are derived
 * from these, as {@code dev_get_flags} and linkwatch's {@code default_operstate} derive them.
 */
public final class Device {

  /** Operational states, as iproute2 names them ({@code IF_OPER_*}). */
  public enum Operstate {
    UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP
  }

  public final DeviceKind kind;
  private NetNs ns;
  private int ifindex;
  private String name;
  private long mac;
  private int mtu;
  private int txqlen;
  private boolean up;
  private boolean qdiscAttached;
  private boolean carrier;
  private boolean operKnown;
  /** What linkwatch found for a device without carrier: its lower link is down too. */
  private boolean lowerDown;
  /** A link event (creation, or a carrier change) that linkwatch has not handled yet. */
  private boolean linkEventPending = true;
  private Device peer;
  private Device master;
  private final List<Device> ports = new ArrayList<>();
  private final List<IfAddr> addrs = new ArrayList<>();
  private DevConf conf;
  /** When the IPv6 link-local address was made, or -1 when there is none. */
  private long linkLocal6Since = -1;
  /** The order in which devices got IPv6 (the order of their fe80::/64 routes). */
  private long linkLocal6Seq;
  /** lo's ::1 was flushed by hand; it comes back with the next up. */
  private boolean v6Flushed;
  /** The MAC the link-local address was made from: it stays when the MAC changes later. */
  private long linkLocal6Mac;
  /** For a bridge: the bridge driver's state (made on first use, see {@link Bridge#of}). */
  private Bridge bridgeState;
  /** For a bridge port: its port state. */
  private Bridge.Port bridgePort;

  Device(DeviceKind kind, NetNs ns, int ifindex, String name, long mac, DevConf conf) {
    this.kind = kind;
    this.ns = ns;
    this.ifindex = ifindex;
    this.name = name;
    this.mac = mac;
    this.mtu = kind.defaultMtu;
    this.txqlen = 1000;
    this.conf = conf;
    this.carrier = kind != DeviceKind.VETH; // veth_newlink turns carrier off on both ends
    this.operKnown = kind == DeviceKind.VETH;
  }

  public NetNs ns() {
    return ns;
  }

  public int ifindex() {
    return ifindex;
  }

  public String name() {
    return name;
  }

  public long mac() {
    return mac;
  }

  public int mtu() {
    return mtu;
  }

  public int txqlen() {
    return txqlen;
  }

  public boolean isUp() {
    return up;
  }

  public Device peer() {
    return peer;
  }

  public Device master() {
    return master;
  }

  public List<Device> ports() {
    return Collections.unmodifiableList(ports);
  }

  public List<IfAddr> addrs() {
    return Collections.unmodifiableList(addrs);
  }

  public DevConf conf() {
    return conf;
  }

  public boolean isLoopback() {
    return kind == DeviceKind.LOOPBACK;
  }

  /** {@code netif_carrier_ok}: independent of the administrative state. */
  public boolean carrierOk() {
    return carrier;
  }

  /** Up with carrier: the device can send and receive ({@code IFF_LOWER_UP}). */
  public boolean isRunning() {
    return up && carrier;
  }

  /** {@code dev_get_iflink}: the peer's ifindex for a veth, else the device's own. */
  public int iflink() {
    return kind == DeviceKind.VETH && peer != null ? peer.ifindex : ifindex;
  }

  /** linkwatch's {@code default_operstate}, or UNKNOWN before any link event. */
  public Operstate operstate() {
    linkwatch();
    if (!up) {
      return Operstate.DOWN;
    }
    if (!carrier) {
      return lowerDown ? Operstate.LOWERLAYERDOWN : Operstate.DOWN;
    }
    return operKnown ? Operstate.UP : Operstate.UNKNOWN;
  }

  /**
   * linkwatch handles a pending link event: {@code default_operstate} works out, once, whether a
   * device without carrier is LOWERLAYERDOWN. That is when its iflink is another index and the
   * device with that index <em>in this namespace</em> lacks carrier too: a veth whose peer sits
   * in another namespace is judged by whatever device here has the peer's number (A10).
   */
  void linkwatch() {
    if (!linkEventPending) {
      return;
    }
    linkEventPending = false;
    int il = iflink();
    Device lower = il == ifindex || ns == null ? null : ns.device(il);
    lowerDown = lower != null && !lower.carrier;
  }

  /** {@code netif_oper_up}: UP or UNKNOWN, which is when {@code IFF_RUNNING} is reported. */
  public boolean operUp() {
    Operstate s = operstate();
    return s == Operstate.UP || s == Operstate.UNKNOWN;
  }

  public String qdisc() {
    return qdiscAttached ? "noqueue" : "noop";
  }

  /** The IPv6 link-local address exists (made when the device first got carrier while up). */
  public boolean hasLinkLocal6() {
    return linkLocal6Since >= 0;
  }

  public long linkLocal6Since() {
    return linkLocal6Since;
  }

  public long linkLocal6Seq() {
    return linkLocal6Seq;
  }

  /** The MAC the IPv6 link-local address was derived from (the MAC at the time it was made). */
  public long linkLocal6Mac() {
    return linkLocal6Mac;
  }

  /** The bridge state of a bridge device, or null before it was first needed. */
  public Bridge bridgeState() {
    return bridgeState;
  }

  /** The port state of a bridge port, or null when the device is no bridge's port. */
  public Bridge.Port bridgePort() {
    return bridgePort;
  }

  void setBridgeState(Bridge b) {
    bridgeState = b;
  }

  void setBridgePort(Bridge.Port p) {
    bridgePort = p;
  }

  /** lo shows ::1 while it is up, unless that address was flushed. */
  public boolean hasLoopback6() {
    return isLoopback() && up && !v6Flushed;
  }

  void setV6Flushed(boolean f) {
    v6Flushed = f;
  }

  // ------------------------------------------------------------------ mutation (by the model)

  /** Moves the device; {@code dev_shutdown} on the way puts its qdisc back to noop. */
  void setNs(NetNs ns, int ifindex) {
    this.ns = ns;
    this.ifindex = ifindex;
    this.qdiscAttached = false;
  }

  void setName(String name) {
    this.name = name;
  }

  void setMac(long mac) {
    this.mac = mac;
  }

  void setMtu(int mtu) {
    this.mtu = mtu;
  }

  void setTxqlen(int q) {
    this.txqlen = q;
  }

  void setConf(DevConf conf) {
    this.conf = conf;
  }

  void setUpFlag(boolean up) {
    this.up = up;
    if (up) {
      qdiscAttached = true;
    }
  }

  /** {@code netif_carrier_on/off}: a change is a link event, after which operstate is known. */
  void setCarrier(boolean on) {
    if (carrier != on) {
      carrier = on;
      operKnown = true;
      linkEventPending = true;
    }
  }

  void setPeer(Device p) {
    this.peer = p;
  }

  void setMaster(Device m) {
    this.master = m;
  }

  List<Device> mutablePorts() {
    return ports;
  }

  /** The address list, to change: the namespace's address index is rebuilt after. */
  List<IfAddr> mutableAddrs() {
    if (ns != null) {
      ns.addrsChanged();
    }
    return addrs;
  }

  void setLinkLocal6Since(long t) {
    this.linkLocal6Since = t;
    this.linkLocal6Mac = mac;
  }

  void setLinkLocal6Seq(long s) {
    this.linkLocal6Seq = s;
  }

  @Override
  public String toString() {
    return name + "@" + (ns == null ? "?" : ns.displayName());
  }

  /**
   * Whether this device has joined multicast group {@code group}: an up device has joined
   * all-hosts ({@code ip_mc_up}), and nothing else is joined here (no sockets join groups).
   */
  public boolean hasJoined(int group) {
    return group == Ip4.ALL_HOSTS && isUp();
  }
}
