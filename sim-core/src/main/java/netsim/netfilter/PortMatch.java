package netsim.netfilter;

/**
 * The {@code tcp} and {@code udp} matches: source and destination port ranges, and for TCP the
 * flags ({@code --tcp-flags MASK COMP}, of which {@code --syn} is one case). A range of 0:65535
 * tests nothing; a mask of 0 tests no flags.
 */
public record PortMatch(
    int proto, int sportMin, int sportMax, boolean invSport,
    int dportMin, int dportMax, boolean invDport,
    int flagMask, int flagComp, boolean invFlags) implements Match {

  public static PortMatch any(int proto) {
    return new PortMatch(proto, 0, 65535, false, 0, 65535, false, 0, 0, false);
  }

  public PortMatch withSport(int min, int max, boolean inv) {
    return new PortMatch(proto, min, max, inv, dportMin, dportMax, invDport, flagMask, flagComp,
        invFlags);
  }

  public PortMatch withDport(int min, int max, boolean inv) {
    return new PortMatch(proto, sportMin, sportMax, invSport, min, max, inv, flagMask, flagComp,
        invFlags);
  }

  public PortMatch withFlags(int mask, int comp, boolean inv) {
    return new PortMatch(proto, sportMin, sportMax, invSport, dportMin, dportMax, invDport, mask,
        comp, inv);
  }

  @Override
  public String name() {
    return proto == NfPacket.TCP ? "tcp" : "udp";
  }

  public boolean hasSport() {
    return sportMin != 0 || sportMax != 65535 || invSport;
  }

  public boolean hasDport() {
    return dportMin != 0 || dportMax != 65535 || invDport;
  }

  @Override
  public boolean matches(NfPacket p, int states) {
    if (p.proto() != proto) {
      return false;
    }
    boolean s = p.sport() >= sportMin && p.sport() <= sportMax;
    boolean d = p.dport() >= dportMin && p.dport() <= dportMax;
    boolean f = (p.tcpFlags() & flagMask) == flagComp;
    return s != invSport && d != invDport && f != invFlags;
  }
}
