package netsim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code net.*} sysctls of one network namespace, as /proc/sys/net shows them to a process
 * in it: the namespace-wide keys, the {@code conf.all} and {@code conf.default} groups, and each
 * device's groups under its current name.
 *
 * <p>Writes follow the kernel's handlers: {@code ip_forward} and {@code conf.all.forwarding} go
 * through {@code inet_forward_change} (default and every device take the value, and
 * {@code conf.all.accept_redirects} the opposite); {@code conf.default.KEY} reaches devices that
 * never had KEY set; integers are read as {@code proc_dointvec} reads them, with the few ranges
 * the kernel enforces.
 */
public final class Sysctls {

  /** Keys with a range check ({@code proc_dou8vec_minmax} and friends): min and max. */
  private static final Map<String, int[]> RANGES = Map.of(
      "net.ipv4.icmp_echo_ignore_all", new int[] {0, 1},
      "net.ipv4.icmp_echo_ignore_broadcasts", new int[] {0, 1},
      "net.ipv4.icmp_ignore_bogus_error_responses", new int[] {0, 1},
      "net.ipv4.icmp_echo_enable_probe", new int[] {0, 1},
      "net.ipv4.ip_default_ttl", new int[] {1, 255});

  /** Keys that exist but cannot be read (mode 0200): a read prints nothing. */
  private static final List<String> WRITE_ONLY = List.of("net.ipv4.route.flush");

  private final NetNs ns;
  private final DevConf all = DevConf.fromNetnsSnapshot("all");
  private final DevConf dflt = DevConf.fromNetnsSnapshot("default");
  private final Map<String, String> globals = new TreeMap<>();
  /** {@link #intValue} answers, until the next write of a namespace-wide key. */
  private final Map<String, Integer> intCache = new java.util.HashMap<>();
  private long[] pingGroups;

  Sysctls(NetNs ns) {
    this.ns = ns;
    SysctlDefaults.NETNS.forEach((k, v) -> {
      if (deviceGroupKey(k) == null) {
        globals.put(k, v);
      }
    });
    for (String k : WRITE_ONLY) {
      globals.put(k, null);
    }
  }

  public DevConf all() {
    return all;
  }

  public DevConf dflt() {
    return dflt;
  }

  /** A namespace-wide integer key, such as {@code net.ipv4.icmp_echo_ignore_all}. */
  public int intValue(String key) {
    if (key.equals("net.ipv4.ip_forward")) {
      return all.forwarding;
    }
    Integer cached = intCache.get(key);
    if (cached != null) {
      return cached;
    }
    String v = globals.get(key);
    int n;
    try {
      n = v == null ? 0 : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      n = 0;
    }
    intCache.put(key, n);
    return n;
  }

  /**
   * {@code ping_group_range} as kernel gids, low and high (low above high: nobody), kept parsed
   * for the ping path.
   */
  public long[] pingGroupRange() {
    if (pingGroups == null) {
      String[] r = globals.get(PING_GROUP_RANGE).split("\t");
      pingGroups = new long[] {Long.parseLong(r[0]), Long.parseLong(r[1])};
    }
    return pingGroups;
  }

  /** Sets a namespace-wide key, forgetting what was kept parsed. */
  private void putGlobal(String key, String value) {
    globals.put(key, value);
    intCache.clear();
    pingGroups = null;
  }

  void deviceAdded(Device d) {}

  void deviceRemoved(Device d) {}

  void deviceRenamed(String old, Device d) {}

  /** {@code group.conf-owner.leaf} split: which group, which owner name, which leaf; or null. */
  private record GroupKey(DevConf.Group group, String owner, String leaf) {}

  private static GroupKey deviceGroupKey(String key) {
    for (DevConf.Group g : DevConf.Group.values()) {
      if (key.startsWith(g.prefix)) {
        String rest = key.substring(g.prefix.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
          return null;
        }
        return new GroupKey(g, rest.substring(0, dot), rest.substring(dot + 1));
      }
    }
    return null;
  }

  private DevConf confOf(String owner) {
    switch (owner) {
      case "all":
        return all;
      case "default":
        return dflt;
      default:
        Device d = ns.device(owner);
        return d == null ? null : d.conf();
    }
  }

  /** Every key with its value, in the order {@code sysctl -a} lists them. */
  public TreeMap<String, String> snapshot() {
    TreeMap<String, String> m = new TreeMap<>(KEY_ORDER);
    globals.forEach((k, v) -> {
      if (v != null) {
        m.put(k, v);
      }
    });
    m.put("net.ipv4.ip_forward", Integer.toString(all.forwarding));
    List<String> owners = new ArrayList<>(List.of("all", "default"));
    for (Device d : ns.devices()) {
      owners.add(d.name());
    }
    for (String o : owners) {
      DevConf c = confOf(o);
      for (DevConf.Group g : DevConf.Group.values()) {
        c.group(g).forEach((leaf, v) -> m.put(g.prefix + o + "." + leaf, v));
      }
    }
    return m;
  }

  /** Orders keys directory by directory, as a sorted walk of /proc/sys does. */
  public static final Comparator<String> KEY_ORDER = (a, b) -> {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  };

  /** Whether the key exists (as a file; write-only keys exist too). */
  public boolean exists(String key) {
    if (key.equals("net.ipv4.ip_forward") || globals.containsKey(key)) {
      return true;
    }
    GroupKey gk = deviceGroupKey(key);
    if (gk == null) {
      return false;
    }
    DevConf c = confOf(gk.owner());
    return c != null && c.group(gk.group()).containsKey(gk.leaf());
  }

  /** The keys under a directory prefix ({@code net.ipv4.conf.all}), in listing order. */
  public List<String> keysUnder(String dir) {
    List<String> out = new ArrayList<>();
    for (String k : snapshot().keySet()) {
      if (k.startsWith(dir + ".")) {
        out.add(k);
      }
    }
    for (String k : WRITE_ONLY) {
      if (k.startsWith(dir + ".")) {
        // not listed: a walk skips what it cannot read
      }
    }
    return out;
  }

  /** The key that holds kernel gids, shown and written in the caller's user namespace. */
  static final String PING_GROUP_RANGE = "net.ipv4.ping_group_range";

  /**
   * The value as /proc shows it to a process in user namespace {@code reader}: the same as
   * {@link #read(String)} except for {@code ping_group_range}, whose two kernel gids each show
   * as the reader's namespace maps them (65534 when unmapped).
   */
  public String read(String key, UserNs reader) {
    String v = read(key);
    if (v == null || reader == null || !key.equals(PING_GROUP_RANGE)) {
      return v;
    }
    String[] k = v.split("\t");
    return reader.fromKgidMunged(Long.parseLong(k[0])) + "\t"
        + reader.fromKgidMunged(Long.parseLong(k[1]));
  }

  /**
   * A write by a process in user namespace {@code writer}: as {@link #write(String, String)},
   * except that {@code ping_group_range} takes gids of the writer's namespace ({@code
   * ipv4_ping_group_range}): both must map to kernel gids, else EINVAL; an empty range (high
   * below low) is stored as the kernel's "1 0".
   */
  public Errno write(String key, String value, UserNs writer) {
    if (writer == null || !key.equals(PING_GROUP_RANGE)) {
      return write(key, value);
    }
    // a copy of the current range, as the writer's namespace shows it, takes what is read
    ProcInts.Parsed pr = ProcInts.parse(value, 2, true, 0, 0xFFFFFFFEL);
    if (pr.failed()) {
      return Errno.EINVAL;
    }
    long low = pr.values().get(0);
    long high = pr.values().size() > 1 ? pr.values().get(1)
        : writer.fromKgidMunged(Long.parseLong(read(key).split("\\t")[1]));
    long klow = writer.makeKgid(low);
    long khigh = writer.makeKgid(high);
    if (klow == IdMap.INVALID || khigh == IdMap.INVALID) {
      return Errno.EINVAL;
    }
    if (high < low || khigh < klow) {
      klow = 1;
      khigh = 0;
    }
    putGlobal(key, klow + "\t" + khigh);
    return null;
  }

  /** The value as /proc shows it, or null when the key does not exist or cannot be read. */
  public String read(String key) {
    if (key.equals("net.ipv4.ip_forward")) {
      return Integer.toString(all.forwarding);
    }
    if (globals.containsKey(key)) {
      return globals.get(key);
    }
    GroupKey gk = deviceGroupKey(key);
    if (gk == null) {
      return null;
    }
    DevConf c = confOf(gk.owner());
    return c == null ? null : c.get(gk.group(), gk.leaf());
  }

  /**
   * Writes a key, as a write of {@code value} to its /proc/sys file would. Returns null on
   * success, else the errno (ENOENT: no such key; EINVAL: a value the handler rejects).
   */
  public Errno write(String key, String value) {
    if (!exists(key)) {
      return Errno.ENOENT;
    }
    if (key.equals(PING_GROUP_RANGE)) {
      UserNs init = ns.owner();
      while (init.parent() != null) {
        init = init.parent();
      }
      return write(key, value, init);
    }
    String current = read(key);
    String template = current != null ? current
        : SysctlDefaults.NETNS.getOrDefault(key, "0");
    String[] cur = template.trim().isEmpty() ? new String[0] : template.trim().split("\\s+");
    boolean numeric = cur.length > 0 && Arrays.stream(cur).allMatch(w -> w.matches("-?\\d+"));
    if (!numeric) {
      store(key, value.strip());
      return null;
    }
    if (key.equals(LOCAL_PORT_RANGE)) {
      return writePortRange(value, cur);
    }
    int[] range = RANGES.get(key);
    ProcInts.Parsed pr = ProcInts.parse(value, cur.length, false,
        range != null ? range[0] : Integer.MIN_VALUE, range != null ? range[1] : Integer.MAX_VALUE);
    if (pr.nothing()) {
      return Errno.EINVAL;
    }
    if (key.equals(UNPRIVILEGED_PORT_START)
        && pr.values().get(0) > Long.parseLong(read(LOCAL_PORT_RANGE).split("\t")[0])) {
      // ipv4_privileged_ports: the range of local ports must stay unprivileged
      return Errno.EINVAL;
    }
    // values read go in one by one; those not given keep theirs
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cur.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      sb.append(i < pr.values().size() ? Long.toString(pr.values().get(i)) : cur[i]);
    }
    store(key, sb.toString());
    return pr.failed() ? Errno.EINVAL : null;
  }

  private static final String LOCAL_PORT_RANGE = "net.ipv4.ip_local_port_range";
  private static final String UNPRIVILEGED_PORT_START = "net.ipv4.ip_unprivileged_port_start";

  /**
   * {@code ipv4_local_port_range}: two ports (1 to 65535) read into a copy, stored only when
   * the low one is not above the high one and not below {@code ip_unprivileged_port_start}.
   */
  private Errno writePortRange(String value, String[] cur) {
    ProcInts.Parsed pr = ProcInts.parse(value, 2, false, 1, 65535);
    if (pr.failed()) {
      return Errno.EINVAL;
    }
    long low = pr.values().get(0);
    long high = pr.values().size() > 1 ? pr.values().get(1) : Long.parseLong(cur[1]);
    long prot = Long.parseLong(read(UNPRIVILEGED_PORT_START));
    if (high < low || low < prot) {
      return Errno.EINVAL;
    }
    putGlobal(LOCAL_PORT_RANGE, low + "\t" + high);
    return null;
  }

  /** Stores a value already read the handler's way. */
  private void store(String key, String parsed) {
    if (key.equals("net.ipv4.ip_forward") || key.equals("net.ipv4.conf.all.forwarding")) {
      if (Integer.parseInt(parsed) != all.forwarding) {
        forwardChange(parsed);
      }
      return;
    }
    if (WRITE_ONLY.contains(key)) {
      return;
    }
    if (globals.containsKey(key)) {
      putGlobal(key, parsed);
      return;
    }
    GroupKey gk = deviceGroupKey(key);
    DevConf c = confOf(gk.owner());
    if (gk.group() == DevConf.Group.IPV6_CONF && gk.owner().equals("all")
        && gk.leaf().equals("forwarding")) {
      c.set(gk.group(), gk.leaf(), parsed);
      dflt.setQuietly(gk.group(), "forwarding", parsed);
      for (Device d : ns.devices()) {
        d.conf().setQuietly(gk.group(), "forwarding", parsed);
      }
      return;
    }
    c.set(gk.group(), gk.leaf(), parsed);
    if (c == dflt && gk.group() == DevConf.Group.IPV4_CONF && !gk.leaf().equals("forwarding")) {
      for (Device d : ns.devices()) {
        d.conf().followDefault(gk.leaf(), parsed);
      }
    }
  }

  /** {@code inet_forward_change}. */
  private void forwardChange(String v) {
    DevConf.Group g = DevConf.Group.IPV4_CONF;
    all.setQuietly(g, "forwarding", v);
    all.setQuietly(g, "accept_redirects", Integer.parseInt(v) != 0 ? "0" : "1");
    dflt.setQuietly(g, "forwarding", v);
    for (Device d : ns.devices()) {
      d.conf().setQuietly(g, "forwarding", v);
    }
  }
}
