package netsim.netfilter;

import java.util.List;
import netsim.model.Ip4;

/** Short ways to write rules in tests. */
final class Rules {
  private Rules() {}

  static Rule rule(Target t, Match... ms) {
    return new Rule(IpHeader.ANY, List.of(ms), t);
  }

  static Rule rule(IpHeader ip, Target t, Match... ms) {
    return new Rule(ip, List.of(ms), t);
  }

  static IpHeader icmp() {
    return IpHeader.ANY.withProto(NfPacket.ICMP, false);
  }

  static IpHeader src(String prefix) {
    String[] p = prefix.split("/");
    return IpHeader.ANY.withSrc(Ip4.of(p[0]), Ip4.mask(Integer.parseInt(p[1])), false);
  }

  static StateMatch ctstate(CtState... ss) {
    int m = 0;
    for (CtState s : ss) {
      m |= s.bit();
    }
    return new StateMatch(true, m, false);
  }

  static NatRange to(String addr) {
    int a = Ip4.of(addr);
    return new NatRange(a, a, 0, 0, false, false);
  }

  static final Target ACCEPT = new Target.Accept();
  static final Target DROP = new Target.Drop();
  static final Target RETURN = new Target.Return();
}
