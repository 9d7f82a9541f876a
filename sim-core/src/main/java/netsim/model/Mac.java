package netsim.model;

import java.util.Random;

/** Ethernet addresses as 48-bit {@code long}s. */
public final class Mac {
  private Mac() {}

  public static final long ZERO = 0L;
  public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

  public static String format(long mac) {
    StringBuilder sb = new StringBuilder(17);
    for (int i = 5; i >= 0; i--) {
      int b = (int) (mac >>> (8 * i)) & 0xFF;
      sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
      if (i > 0) {
        sb.append(':');
      }
    }
    return sb.toString();
  }

  /**
   * Parses {@code aa:bb:cc:dd:ee:ff} (one or two hex digits a part, as iproute2's
   * {@code ll_addr_a2n} reads them); -1 when it is not one.
   */
  public static long parse(String s) {
    String[] parts = s.split(":", -1);
    if (parts.length != 6) {
      return -1;
    }
    long mac = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 2) {
        return -1;
      }
      int v = 0;
      for (char c : p.toCharArray()) {
        int d = Character.digit(c, 16);
        if (d < 0) {
          return -1;
        }
        v = v * 16 + d;
      }
      mac = (mac << 8) | v;
    }
    return mac;
  }

  /** A random locally administered unicast address, as {@code eth_random_addr} makes them. */
  public static long random(Random rng) {
    long mac = rng.nextLong() & BROADCAST;
    long first = (mac >>> 40) & 0xFF;
    first = (first & 0xFE) | 0x02;
    return (mac & 0x00FF_FFFF_FFFFL) | (first << 40);
  }

  /** {@code ip_eth_mc_map}: 01:00:5e and the group's low 23 bits. */
  public static long ofGroup(int group) {
    return 0x0100_5E00_0000L | (group & 0x7F_FFFF);
  }

  public static boolean isMulticast(long mac) {
    return ((mac >>> 40) & 1) != 0;
  }

  /** The EUI-64 interface identifier's text, as it appears in an fe80:: address. */
  public static String linkLocal6(long mac) {
    int b0 = (int) (mac >>> 40) & 0xFF ^ 0x02;
    int b1 = (int) (mac >>> 32) & 0xFF;
    int b2 = (int) (mac >>> 24) & 0xFF;
    int b3 = (int) (mac >>> 16) & 0xFF;
    int b4 = (int) (mac >>> 8) & 0xFF;
    int b5 = (int) mac & 0xFF;
    int[] groups = {(b0 << 8) | b1, (b2 << 8) | 0xFF, (0xFE << 8) | b3, (b4 << 8) | b5};
    StringBuilder sb = new StringBuilder("fe80:");
    // fe80:0:0:0:g0:g1:g2:g3 with the zeros compressed; g0 can itself be 0.
    if (groups[0] == 0) {
      sb.append(":");
      sb.append(Integer.toHexString(groups[1]));
    } else {
      sb.append(":").append(Integer.toHexString(groups[0]));
      sb.append(":").append(Integer.toHexString(groups[1]));
    }
    sb.append(":").append(Integer.toHexString(groups[2]));
    sb.append(":").append(Integer.toHexString(groups[3]));
    return sb.toString();
  }
}
