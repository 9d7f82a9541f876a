package netsim.netfilter;

import java.util.LinkedHashMap;
import java.util.Map;

/** TCP flag names as libxt_tcp reads and writes them ({@code tcp_flag_names}). */
public final class TcpFlags {
  private TcpFlags() {}

  static final Map<String, Integer> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("FIN", 0x01);
    NAMES.put("SYN", 0x02);
    NAMES.put("RST", 0x04);
    NAMES.put("PSH", 0x08);
    NAMES.put("ACK", 0x10);
    NAMES.put("URG", 0x20);
    NAMES.put("ALL", 0x3F);
    NAMES.put("NONE", 0);
  }

  /** {@code print_tcpf}: the set flags by name, comma-separated; {@code NONE} for none. */
  public static String names(int flags) {
    if (flags == 0) {
      return "NONE";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
      int bit = e.getValue();
      if (Integer.bitCount(bit) == 1 && (flags & bit) != 0) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(e.getKey());
      }
    }
    return sb.toString();
  }

  /** {@code parse_tcp_flags}: comma-separated names, case-insensitive; -1 with an unknown one. */
  public static int parse(String s) {
    int flags = 0;
    for (String w : s.split(",", -1)) {
      Integer bit = null;
      for (Map.Entry<String, Integer> e : NAMES.entrySet()) {
        if (e.getKey().equalsIgnoreCase(w)) {
          bit = e.getValue();
        }
      }
      if (bit == null) {
        return -1;
      }
      flags |= bit;
    }
    return flags;
  }
}
