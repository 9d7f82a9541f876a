package netsim.model;

/**
 * IPv4 addresses as {@code int}s (network order in the int's bits: 10.0.0.1 is 0x0A000001), with
 * iproute2's own text forms.
 */
public final class Ip4 {
  private Ip4() {}

  public static final int ANY = 0;
  public static final int BROADCAST = 0xFFFFFFFF;

  /**
   * Parses an address the way iproute2's {@code get_addr_ipv4} does: up to four parts, each
   * {@code strtoul(.., 0)} (so {@code 0x} hex and leading-zero octal) and at most 255; missing
   * trailing parts are zero ({@code 10} is 10.0.0.0). Returns -1 (as a long) when it is not one.
   */
  public static long parse(String s) {
    int addr = 0;
    int i = 0;
    int pos = 0;
    for (; i < 4; i++) {
      int end = pos;
      long n;
      int base = 10;
      if (end < s.length() && s.charAt(end) == '0' && end + 1 < s.length()
          && (s.charAt(end + 1) == 'x' || s.charAt(end + 1) == 'X')) {
        base = 16;
        end += 2;
      } else if (end < s.length() && s.charAt(end) == '0') {
        base = 8;
      }
      int digitsStart = end;
      n = 0;
      while (end < s.length() && Character.digit(s.charAt(end), base) >= 0) {
        n = n * base + Character.digit(s.charAt(end), base);
        if (n > 255) {
          return -1;
        }
        end++;
      }
      if (end == digitsStart && !(base == 8 && end > pos)) {
        if (base == 16) {
          // "0x" with no hex digits: strtoul reads the "0" alone and stops at 'x'
          return -1;
        }
        return -1;
      }
      addr |= (int) n << (24 - 8 * i);
      if (end == s.length()) {
        return addr & 0xFFFFFFFFL;
      }
      if (i == 3 || s.charAt(end) != '.') {
        return -1;
      }
      pos = end + 1;
    }
    return -1;
  }

  public static boolean isValid(String s) {
    return parse(s) >= 0;
  }

  /** Parses or throws {@link IllegalArgumentException}; for tests and trusted text. */
  public static int of(String s) {
    long v = parse(s);
    if (v < 0) {
      throw new IllegalArgumentException("not an IPv4 address: " + s);
    }
    return (int) v;
  }

  public static String format(int a) {
    return (a >>> 24) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
  }

  /** The netmask of a prefix length: 24 gives 0xFFFFFF00; 0 gives 0. */
  public static int mask(int len) {
    return len == 0 ? 0 : -1 << (32 - len);
  }

  /** Unsigned comparison, the order of addresses on the wire. */
  public static int compare(int a, int b) {
    return Integer.compareUnsigned(a, b);
  }

  public static boolean isLoopback(int a) {
    return (a >>> 24) == 127;
  }

  public static boolean isMulticast(int a) {
    return (a >>> 28) == 0xE;
  }

  /** 224.0.0.1, the all-hosts group. */
  public static final int ALL_HOSTS = 0xE000_0001;

  /** {@code ipv4_is_local_multicast}: 224.0.0.0/24, groups that never leave the link. */
  public static boolean isLocalMulticast(int a) {
    return (a >>> 8) == 0xE00000;
  }

  /**
   * {@code ipv4_is_zeronet}: only 0.0.0.0 since Linux 5.3, which made the rest of 0.0.0.0/8
   * ordinary unicast (addresses, prefix routes, pings) [routing/zeronet.sh].
   */
  public static boolean isZeronet(int a) {
    return a == 0;
  }

  /** 169.254.0.0/16. */
  public static boolean isLinkLocal(int a) {
    return (a >>> 16) == 0xA9FE;
  }

  /** 240.0.0.0/4, which the kernel treats as martian unless it is 255.255.255.255. */
  public static boolean isLbcast(int a) {
    return a == BROADCAST;
  }
}
