package netsim.netfilter;

/**
 * The {@code icmp} match, {@code --icmp-type TYPE[/CODE]}: a type and a range of codes. Type 255
 * is iptables' "any", which matches every ICMP message ({@code icmp_type_code_match}).
 */
public record IcmpMatch(int type, int codeMin, int codeMax, boolean invert) implements Match {

  public static final int ANY = 0xFF;

  @Override
  public String name() {
    return "icmp";
  }

  @Override
  public boolean matches(NfPacket p, int states) {
    if (p.proto() != NfPacket.ICMP) {
      return false;
    }
    boolean m = type == ANY
        || (p.icmpType() == type && p.icmpCode() >= codeMin && p.icmpCode() <= codeMax);
    return m != invert;
  }
}
