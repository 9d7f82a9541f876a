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
    String v = globals.get(key);
    try {
      return v == null ? 0 : Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
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
    String current = read(key);
    String template = current != null ? current
        : SysctlDefaults.NETNS.getOrDefault(key, "0");
    String parsed = parseLike(template, value);
    if (parsed == null) {
      return Errno.EINVAL;
    }
    int[] range = RANGES.get(key);
    if (range != null) {
      int v = Integer.parseInt(parsed);
      if (v < range[0] || v > range[1]) {
        return Errno.EINVAL;
      }
    }
    if (key.equals("net.ipv4.ip_forward") || key.equals("net.ipv4.conf.all.forwarding")) {
      if (Integer.parseInt(parsed) != all.forwarding) {
        forwardChange(parsed);
      }
      return null;
    }
    if (WRITE_ONLY.contains(key)) {
      return null;
    }
    if (globals.containsKey(key)) {
      globals.put(key, parsed);
      return null;
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
      return null;
    }
    c.set(gk.group(), gk.leaf(), parsed);
    if (c == dflt && gk.group() == DevConf.Group.IPV4_CONF && !gk.leaf().equals("forwarding")) {
      for (Device d : ns.devices()) {
        d.conf().followDefault(gk.leaf(), parsed);
      }
    }
    return null;
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

  /**
   * Reads {@code value} as the key's handler would: as many integers as the current value has
   * ({@code proc_dointvec}: optional blanks and sign, decimal digits, nothing else; each must
   * fit an int), or any text for text keys. Null when the handler would say EINVAL.
   */
  static String parseLike(String template, String value) {
    String[] want = template.trim().isEmpty() ? new String[0] : template.trim().split("\\s+");
    boolean numeric = want.length > 0
        && Arrays.stream(want).allMatch(w -> w.matches("-?\\d+"));
    if (!numeric) {
      return value.strip();
    }
    String[] got = value.trim().isEmpty() ? new String[0] : value.trim().split("\\s+");
    if (got.length == 0 || got.length > Math.max(1, want.length)) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String g : got) {
      if (!g.matches("[+-]?\\d+")) {
        return null;
      }
      long n;
      try {
        n = Long.parseLong(g.startsWith("+") ? g.substring(1) : g);
      } catch (NumberFormatException e) {
        return null;
      }
      if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
        return null;
      }
      if (sb.length() > 0) {
        sb.append('\t');
      }
      sb.append(n);
    }
    return sb.toString();
  }
}
