package netsim.netfilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Protocol names as iptables reads and writes them: its own table first ({@code
 * xtables_chain_protos}: tcp, sctp, udp, udplite, icmp, icmpv6, esp, ah, mh, all), then
 * {@code /etc/protocols} (Debian 12's, shipped as a resource), names and aliases alike.
 */
public final class Protocols {
  private Protocols() {}

  private static final Map<String, Integer> CHAIN_PROTOS = new LinkedHashMap<>();
  private static final Map<String, Integer> BY_NAME = new HashMap<>();
  private static final Map<Integer, String> BY_NUMBER = new HashMap<>();

  static {
    CHAIN_PROTOS.put("tcp", 6);
    CHAIN_PROTOS.put("sctp", 132);
    CHAIN_PROTOS.put("udp", 17);
    CHAIN_PROTOS.put("udplite", 136);
    CHAIN_PROTOS.put("icmp", 1);
    CHAIN_PROTOS.put("icmpv6", 58);
    CHAIN_PROTOS.put("esp", 50);
    CHAIN_PROTOS.put("ah", 51);
    CHAIN_PROTOS.put("mh", 135);
    CHAIN_PROTOS.put("all", 0);
    load();
  }

  private static void load() {
    try (InputStream in = Protocols.class.getResourceAsStream("protocols.txt")) {
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] w = line.trim().split("\\s+");
        int num = Integer.parseInt(w[1]);
        BY_NUMBER.putIfAbsent(num, w[0]);
        BY_NAME.putIfAbsent(w[0], num);
        for (int i = 2; i < w.length; i++) {
          BY_NAME.putIfAbsent(w[i], num);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code xtables_parse_protocol} after iptables lowercased the word: a number 0-255, {@code
   * all}, a name from /etc/protocols, or one of iptables' own; -1 when none.
   */
  public static int parse(String s) {
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() <= 3) {
      int n = Integer.parseInt(s);
      return n <= 255 ? n : -1;
    }
    if (s.equals("all")) {
      return 0;
    }
    Integer n = BY_NAME.get(s);
    if (n == null) {
      n = CHAIN_PROTOS.get(s);
    }
    return n == null ? -1 : n;
  }

  /**
   * {@code proto_to_name}: iptables' own name first, then /etc/protocols; null when the number
   * has no name (it is then written as a number).
   */
  public static String name(int proto) {
    for (Map.Entry<String, Integer> e : CHAIN_PROTOS.entrySet()) {
      if (e.getValue() == proto) {
        return e.getKey();
      }
    }
    return BY_NUMBER.get(proto);
  }
}
