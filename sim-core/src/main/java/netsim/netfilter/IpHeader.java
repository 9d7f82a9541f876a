package netsim.netfilter;

/**
 * The part of a rule that tests the IP header and the devices ({@code struct ipt_ip}): source and
 * destination with their masks, input and output interface (a trailing {@code +} matches any name
 * with that prefix), protocol (0 is any) and the fragment flag, each of which {@code !} may
 * invert. Addresses are stored with their host bits cleared, as the kernel keeps them, so
 * {@code -s 10.1.2.3/8} and {@code -s 10.0.0.0/8} are the same rule.
 */
public record IpHeader(
    int src, int srcMask, boolean invSrc,
    int dst, int dstMask, boolean invDst,
    String in, boolean invIn,
    String out, boolean invOut,
    int proto, boolean invProto,
    boolean fragment, boolean invFragment) {

  /** Matches every packet. */
  public static final IpHeader ANY =
      new IpHeader(0, 0, false, 0, 0, false, "", false, "", false, 0, false, false, false);

  public IpHeader {
    src &= srcMask;
    dst &= dstMask;
    in = in == null ? "" : in;
    out = out == null ? "" : out;
  }

  public IpHeader withSrc(int addr, int mask, boolean inv) {
    return new IpHeader(addr, mask, inv, dst, dstMask, invDst, in, invIn, out, invOut, proto,
        invProto, fragment, invFragment);
  }

  public IpHeader withDst(int addr, int mask, boolean inv) {
    return new IpHeader(src, srcMask, invSrc, addr, mask, inv, in, invIn, out, invOut, proto,
        invProto, fragment, invFragment);
  }

  public IpHeader withIn(String name, boolean inv) {
    return new IpHeader(src, srcMask, invSrc, dst, dstMask, invDst, name, inv, out, invOut, proto,
        invProto, fragment, invFragment);
  }

  public IpHeader withOut(String name, boolean inv) {
    return new IpHeader(src, srcMask, invSrc, dst, dstMask, invDst, in, invIn, name, inv, proto,
        invProto, fragment, invFragment);
  }

  public IpHeader withProto(int p, boolean inv) {
    return new IpHeader(src, srcMask, invSrc, dst, dstMask, invDst, in, invIn, out, invOut, p,
        inv, fragment, invFragment);
  }

  public IpHeader withFragment(boolean inv) {
    return new IpHeader(src, srcMask, invSrc, dst, dstMask, invDst, in, invIn, out, invOut, proto,
        invProto, true, inv);
  }

  /** {@code ip_packet_match}: every test, each XOR its inversion. */
  boolean matches(NfPacket p) {
    if ((((p.src() & srcMask) == src)) == invSrc) {
      return false;
    }
    if ((((p.dst() & dstMask) == dst)) == invDst) {
      return false;
    }
    if (!in.isEmpty() && ifaceMatches(in, p.in() == null ? null : p.in().name()) == invIn) {
      return false;
    }
    if (!out.isEmpty() && ifaceMatches(out, p.out() == null ? null : p.out().name()) == invOut) {
      return false;
    }
    if (proto != 0 && (p.proto() == proto) == invProto) {
      return false;
    }
    // the model has no fragments: -f never matches, ! -f always does
    return !fragment || invFragment;
  }

  /** {@code ifname_compare}: exact, or a prefix when the rule's name ends in {@code +}. */
  static boolean ifaceMatches(String pattern, String dev) {
    if (dev == null) {
      return false;
    }
    if (pattern.endsWith("+")) {
      return dev.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return dev.equals(pattern);
  }
}
