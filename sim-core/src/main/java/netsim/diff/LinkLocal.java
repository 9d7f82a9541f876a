package netsim.diff;

/**
 * IPv6 link-local addresses made from a MAC by EUI-64 ({@code addrgenmode eui64}, the default):
 * {@code fe80::} then the MAC with bit 0x02 of its first octet flipped and {@code ff:fe} in the
 * middle, so {@code 22:b7:b0:cf:69:44} gives {@code fe80::20b7:b0ff:fecf:6944}.
 */
final class LinkLocal {

  private LinkLocal() {}

  /**
   * The MAC an address was derived from, or -1 when the text is not an address in {@code
   * fe80::/64} with an EUI-64 interface identifier.
   */
  static long eui64Mac(String text) {
    int[] groups = parse(text);
    if (groups == null || groups[0] != 0xfe80 || groups[1] != 0 || groups[2] != 0
        || groups[3] != 0) {
      return -1;
    }
    if ((groups[5] & 0xff) != 0xff || (groups[6] >>> 8) != 0xfe) {
      return -1;
    }
    long b0 = (groups[4] >>> 8) ^ 0x02;
    long b1 = groups[4] & 0xff;
    long b2 = groups[5] >>> 8;
    long b3 = groups[6] & 0xff;
    long b4 = groups[7] >>> 8;
    long b5 = groups[7] & 0xff;
    return (b0 << 40) | (b1 << 32) | (b2 << 24) | (b3 << 16) | (b4 << 8) | b5;
  }

  /** The eight 16-bit groups of an IPv6 address in hex-and-colons form, or null. */
  static int[] parse(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String[] head = gap < 0 ? text.split(":", -1) : split(text.substring(0, gap));
    String[] tail = gap < 0 ? new String[0] : split(text.substring(gap + 2));
    int count = head.length + tail.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    int[] groups = new int[8];
    for (int i = 0; i < head.length; i++) {
      groups[i] = group(head[i]);
    }
    for (int i = 0; i < tail.length; i++) {
      groups[8 - tail.length + i] = group(tail[i]);
    }
    for (int g : groups) {
      if (g < 0) {
        return null;
      }
    }
    return groups;
  }

  private static String[] split(String s) {
    return s.isEmpty() ? new String[0] : s.split(":", -1);
  }

  private static int group(String s) {
    if (s.isEmpty() || s.length() > 4) {
      return -1;
    }
    try {
      return Integer.parseInt(s, 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
