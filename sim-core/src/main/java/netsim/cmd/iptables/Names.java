package netsim.cmd.iptables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The name databases iptables consults through libc, as the kernel backend's machine has them:
 * services (Debian 12's /etc/services, shipped as a resource) for port names, and the few
 * /etc/hosts and /etc/networks entries that name addresses in a sandbox with no DNS.
 */
final class Names {
  private Names() {}

  private static final Map<String, String> PORT_NAME = new HashMap<>();
  private static final Map<String, Integer> NAME_PORT = new HashMap<>();

  static {
    try (InputStream in = Names.class.getResourceAsStream("services.txt")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] w = line.trim().split("\\s+");
        String[] pp = w[1].split("/");
        int port = Integer.parseInt(pp[0]);
        PORT_NAME.putIfAbsent(port + "/" + pp[1], w[0]);
        for (int i = 0; i < w.length; i++) {
          if (i != 1) {
            NAME_PORT.putIfAbsent(w[i] + "/" + pp[1], port);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code getservbyport}: the first name of a port for "tcp" or "udp", or null. */
  static String service(int port, String proto) {
    return PORT_NAME.get(port + "/" + proto);
  }

  /** {@code getservbyname}: a service name or alias for "tcp" or "udp", or -1. */
  static int port(String name, String proto) {
    Integer p = NAME_PORT.get(name + "/" + proto);
    return p == null ? -1 : p;
  }

  /** /etc/hosts: the one entry a sandbox resolves without DNS. */
  private static final Map<String, Integer> HOSTS = Map.of("localhost", 0x7F000001);

  /** /etc/networks of Debian 12. */
  private static final List<Map.Entry<String, Integer>> NETWORKS = List.of(
      Map.entry("default", 0), Map.entry("loopback", 0x7F000000),
      Map.entry("link-local", 0xA9FE0000));

  /** {@code gethostbyname} of a name, or -1 (as a long). */
  static long host(String name) {
    Integer a = HOSTS.get(name);
    return a == null ? -1 : a & 0xFFFFFFFFL;
  }

  /** {@code getnetbyname}, or -1 (as a long). */
  static long network(String name) {
    for (Map.Entry<String, Integer> e : NETWORKS) {
      if (e.getKey().equals(name)) {
        return e.getValue() & 0xFFFFFFFFL;
      }
    }
    return -1;
  }

  /**
   * {@code xtables_ipaddr_to_anyname}: the host name of an address (/etc/hosts; DNS fails in a
   * sandbox), else its network name (/etc/networks), else null.
   */
  static String addrName(int addr) {
    for (Map.Entry<String, Integer> e : HOSTS.entrySet()) {
      if (e.getValue() == addr) {
        return e.getKey();
      }
    }
    for (Map.Entry<String, Integer> e : NETWORKS) {
      if (e.getValue() == addr) {
        return e.getKey();
      }
    }
    return null;
  }
}
