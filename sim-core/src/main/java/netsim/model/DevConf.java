package netsim.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-device sysctls of one device (or of {@code all} / {@code default}): the
 * {@code net.ipv4.conf.X.*}, {@code net.ipv6.conf.X.*}, {@code net.ipv4.neigh.X.*} and
 * {@code net.ipv6.neigh.X.*} groups, keyed by the last part of the key. The keys the model acts
 * on are also kept as ints, so the packet path reads no text.
 */
public final class DevConf {

  /** The groups, in the order {@code sysctl -a} lists them. */
  public enum Group {
    IPV4_CONF("net.ipv4.conf."),
    IPV4_NEIGH("net.ipv4.neigh."),
    IPV6_CONF("net.ipv6.conf."),
    IPV6_NEIGH("net.ipv6.neigh.");

    public final String prefix;

    Group(String prefix) {
      this.prefix = prefix;
    }
  }

  private final Map<Group, Map<String, String>> values = new LinkedHashMap<>();
  /**
   * IPv4 conf keys this device's value no longer follows {@code conf.default} for
   * ({@code cnf.state}): those written explicitly, or all of them once an address was added.
   */
  private final java.util.Set<String> explicit = new java.util.HashSet<>();
  private boolean allExplicit;

  public int forwarding;
  public int rpFilter;
  public int proxyArp;
  public int arpIgnore;
  public int arpAnnounce;
  public int arpFilter;
  public int acceptLocal;
  public int routeLocalnet;
  public int ignoreRoutesWithLinkdown;
  public int promoteSecondaries;
  public int mcastSolicit = 3;
  private int sendRedirects = 1;
  public int retransTimeMs = 1000;
  public int proxyDelay = 80;

  private DevConf() {
    for (Group g : Group.values()) {
      values.put(g, new LinkedHashMap<>());
    }
  }

  /**
   * The conf of {@code name} in a fresh netns, from the kernel's snapshot ({@code all},
   * {@code default} and {@code lo}); groups absent there (neigh of all/default) stay empty.
   */
  public static DevConf fromNetnsSnapshot(String name) {
    DevConf c = new DevConf();
    for (Group g : Group.values()) {
      String p = g.prefix + name + ".";
      SysctlDefaults.NETNS.forEach((k, v) -> {
        if (k.startsWith(p) && k.indexOf('.', p.length()) < 0) {
          c.values.get(g).put(k.substring(p.length()), v);
        }
      });
    }
    c.refresh();
    return c;
  }

  /**
   * The conf of a new device: the IPv4 and IPv6 confs are copied from the namespace's
   * {@code default} as it is now (F4: once, at creation), the neigh parameters from the
   * kernel's device template; the IPv6 mtu is the device's.
   */
  public static DevConf forNewDevice(DevConf dflt, int mtu) {
    DevConf c = new DevConf();
    c.values.get(Group.IPV4_CONF).putAll(dflt.values.get(Group.IPV4_CONF));
    c.values.get(Group.IPV6_CONF).putAll(dflt.values.get(Group.IPV6_CONF));
    c.values.get(Group.IPV6_CONF).put("mtu", Integer.toString(mtu));
    for (Group g : new Group[] {Group.IPV4_NEIGH, Group.IPV6_NEIGH}) {
      String p = g.prefix + "{dev}.";
      SysctlDefaults.DEVICE.forEach((k, v) -> {
        if (k.startsWith(p)) {
          c.values.get(g).put(k.substring(p.length()), v);
        }
      });
    }
    c.refresh();
    return c;
  }

  public boolean sendRedirects() {
    return sendRedirects != 0;
  }

  public Map<String, String> group(Group g) {
    return values.get(g);
  }

  public String get(Group g, String key) {
    return values.get(g).get(key);
  }

  /** Stores a value already validated by the caller, and refreshes the int view. */
  public void set(Group g, String key, String value) {
    values.get(g).put(key, value);
    if (g == Group.IPV4_CONF) {
      explicit.add(key);
    }
    refresh();
  }

  /**
   * A write to {@code conf.default.KEY} reaches a device whose KEY was never set
   * ({@code devinet_copy_dflt_conf}).
   */
  void followDefault(String key, String value) {
    if (!allExplicit && !explicit.contains(key)) {
      values.get(Group.IPV4_CONF).put(key, value);
      refresh();
    }
  }

  /** {@code ipv4_devconf_setall}: after an address is added, defaults no longer flow in. */
  void setAllExplicit() {
    allExplicit = true;
  }

  /** Sets a value without marking it explicit (the kernel's own changes, like forwarding). */
  void setQuietly(Group g, String key, String value) {
    values.get(g).put(key, value);
    refresh();
  }

  private int intOf(Group g, String key, int dflt) {
    String v = values.get(g).get(key);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private void refresh() {
    forwarding = intOf(Group.IPV4_CONF, "forwarding", 0);
    rpFilter = intOf(Group.IPV4_CONF, "rp_filter", 0);
    proxyArp = intOf(Group.IPV4_CONF, "proxy_arp", 0);
    arpIgnore = intOf(Group.IPV4_CONF, "arp_ignore", 0);
    arpAnnounce = intOf(Group.IPV4_CONF, "arp_announce", 0);
    arpFilter = intOf(Group.IPV4_CONF, "arp_filter", 0);
    acceptLocal = intOf(Group.IPV4_CONF, "accept_local", 0);
    routeLocalnet = intOf(Group.IPV4_CONF, "route_localnet", 0);
    ignoreRoutesWithLinkdown = intOf(Group.IPV4_CONF, "ignore_routes_with_linkdown", 0);
    promoteSecondaries = intOf(Group.IPV4_CONF, "promote_secondaries", 0);
    mcastSolicit = intOf(Group.IPV4_NEIGH, "mcast_solicit", 3);
    sendRedirects = intOf(Group.IPV4_CONF, "send_redirects", 1);
    retransTimeMs = intOf(Group.IPV4_NEIGH, "retrans_time_ms", 1000);
    proxyDelay = intOf(Group.IPV4_NEIGH, "proxy_delay", 80);
  }
}
