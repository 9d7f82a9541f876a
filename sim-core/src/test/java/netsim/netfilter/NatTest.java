package netsim.netfilter;

import static netsim.netfilter.Rules.rule;
import static netsim.netfilter.Rules.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netsim.model.Device;
import netsim.model.Ip4;
import netsim.model.NetNs;
import org.junit.jupiter.api.Test;

/** NAT: decided on a flow's first packet, applied to the rest and undone on the replies. */
class NatTest {
  private final World w = new World();
  private final Table nat = w.table(TableKind.NAT);

  private static final NatRange NONE = new NatRange(0, 0, 0, 0, false, false);

  @Test
  void masqueradeTakesTheEgressAddressInTheNextHopsSubnet() {
    nat.append("POSTROUTING", rule(new Target.Masquerade(NONE)));
    HookResult r = World.last(w.forward(w.fromH1(World.H2, 5), w.r1, w.r2, World.H2));
    assertEquals(World.R2, r.packet().src());
    int other = Ip4.of("198.51.100.7");
    r = World.last(w.forward(w.fromH1(other, 5), w.r1, w.r2, other));
    assertEquals(World.R2B, r.packet().src(), "E8: 198.51.100.1 for a next hop in its subnet");
  }

  @Test
  void theFirstPacketNamesTheRuleAndTheRestFollowTheFlow() {
    nat.append("POSTROUTING", rule(new Target.Masquerade(NONE)));
    HookResult first = World.last(w.forward(w.fromH1(World.H2, 5), w.r1, w.r2, World.H2));
    NfEvent.Translated t = (NfEvent.Translated) first.events().stream()
        .filter(e -> e instanceof NfEvent.Translated).findFirst().orElseThrow();
    assertEquals("nat POSTROUTING rule 1 (-A POSTROUTING -j MASQUERADE): source 10.0.1.2 -> "
        + "10.0.2.1", t.describe());
    HookResult second = World.last(w.forward(w.fromH1(World.H2, 5), w.r1, w.r2, World.H2));
    assertEquals(World.R2, second.packet().src());
    assertNull(((NfEvent.Translated) second.events().stream()
        .filter(e -> e instanceof NfEvent.Translated).findFirst().orElseThrow()).cause());
    assertEquals(1, nat.chain("POSTROUTING").entries().get(0).counters().packets());
  }

  @Test
  void repliesAreTranslatedBackBeforeRouting() {
    nat.append("POSTROUTING", rule(new Target.Masquerade(NONE)));
    w.forward(w.fromH1(World.H2, 5), w.r1, w.r2, World.H2);
    HookResult pre = w.nf.hook(Hook.PREROUTING,
        NfPacket.echoReply(World.H2, World.R2, 5).withIn(w.r2), w.now());
    assertEquals(World.H1, pre.packet().dst());
    assertEquals(CtInfo.ESTABLISHED_REPLY, pre.packet().ct().info());
  }

  @Test
  void anIcmpErrorAboutAMasqueradedFlowGetsBothHeadersTranslated() {
    nat.append("POSTROUTING", rule(new Target.Masquerade(NONE)));
    HookResult out = World.last(w.forward(w.fromH1(World.H2, 5), w.r1, w.r2, World.H2));
    NfPacket err = NfPacket.icmpError(World.H2, World.R2, 3, 3, out.packet());
    HookResult[] back = w.forward(err, w.r2, w.r1, World.H1);
    NfPacket p = World.last(back).packet();
    assertEquals(World.H1, p.dst(), "addressed to the host behind the router");
    assertEquals(World.H2, p.src());
    assertEquals(World.H1, p.inner().src(), "the quoted request is h1's own again");
    assertEquals(World.H2, p.inner().dst());
    assertEquals(CtInfo.RELATED_REPLY, p.ct().info());
  }

  @Test
  void dnatAndTheErrorsFromInsideComeFromTheAddressAskedFor() {
    int outer = Ip4.of("203.0.113.1");
    nat.append("PREROUTING", rule(IpHeader.ANY.withDst(outer, -1, false),
        new Target.Dnat(to("10.0.2.2"))));
    HookResult[] in = w.forward(w.fromH1(outer, 9), w.r1, w.r2, World.H2);
    assertEquals(World.H2, World.last(in).packet().dst());
    assertEquals(World.H1, World.last(in).packet().src());
    // the answer leaves as if from the outer address
    HookResult[] reply = w.forward(NfPacket.echoReply(World.H2, World.H1, 9), w.r2, w.r1,
        World.H1);
    assertEquals(outer, World.last(reply).packet().src());
    // an error from inside about the flow: the source and the quoted destination become outer
    NfPacket err = NfPacket.icmpError(World.H2, World.H1, 3, 3, World.last(in).packet());
    NfPacket p = World.last(w.forward(err, w.r2, w.r1, World.H1)).packet();
    assertEquals(outer, p.src());
    assertEquals(outer, p.inner().dst());
  }

  @Test
  void twoFlowsThatWouldClashGetDifferentIds() {
    nat.append("POSTROUTING", rule(new Target.Snat(to("10.0.2.1"))));
    int h1b = Ip4.of("10.0.1.3");
    NfPacket a = World.last(w.forward(w.fromH1(World.H2, 5), w.r1, w.r2, World.H2)).packet();
    NfPacket b = World.last(w.forward(NfPacket.echoRequest(h1b, World.H2, 5), w.r1, w.r2,
        World.H2)).packet();
    assertEquals(a.src(), b.src());
    assertEquals(5, a.icmpId());
    assertNotEquals(5, b.icmpId(), "the same source, destination and id would be one flow");
    NfPacket backB = w.nf.hook(Hook.PREROUTING,
        NfPacket.echoReply(World.H2, World.R2, b.icmpId()).withIn(w.r2), w.now()).packet();
    assertEquals(h1b, backB.dst());
    assertEquals(5, backB.icmpId(), "and each answer gets its own id back");
  }

  @Test
  void masqueradeWithNoAddressAnywhereDropsAndSaysWhy() {
    NetNs x = w.kernel.addNamed("x", w.kernel.initUserNs());
    Device x0 = w.kernel.createVeth(x, "x0", -1, w.h1, "y0", -1)[0];
    Netfilter nf = x.netfilter();
    Table t = nf.tableOrNew(TableKind.NAT);
    nf.install(t);
    t.append("POSTROUTING", rule(new Target.Masquerade(NONE)));
    HookResult out = nf.hook(Hook.OUTPUT, NfPacket.echoRequest(0, World.H2, 1).withOut(x0),
        w.now());
    HookResult post = nf.hook(Hook.POSTROUTING, out.packet().withNexthop(World.H2), w.now());
    assertEquals(Verdict.DROP, post.verdict());
    assertEquals("nat POSTROUTING rule 1 (-A POSTROUTING -j MASQUERADE): dropped "
        + "(x0 ate my IP address)", post.events().get(post.events().size() - 1).describe());
  }

  @Test
  void redirectSendsToTheIncomingDevicesFirstAddress() {
    nat.append("PREROUTING", rule(new Target.Redirect(NONE)));
    HookResult r = w.nf.hook(Hook.PREROUTING, w.fromH1(World.H2, 1), w.now());
    assertEquals(World.R1, r.packet().dst());
  }

  /**
   * {@code find_best_ips_proto} spreads flows over an SNAT range by a hash of their addresses.
   * Expected values observed on kernel 6.18 (conntrack -L after pings through
   * {@code -j SNAT --to-source 10.0.2.100-10.0.2.200}, and 10.0.1.100-200 --persistent).
   */
  @Test
  void rangesPickTheAddressTheKernelPicks() {
    NatRange r = new NatRange(Ip4.of("10.0.2.100"), Ip4.of("10.0.2.200"), 0, 0, false, false);
    assertEquals("10.0.2.107", pick("10.0.1.2", "10.0.2.2", r));
    assertEquals("10.0.2.155", pick("10.0.1.3", "10.0.2.2", r));
    assertEquals("10.0.2.108", pick("10.0.1.2", "10.0.2.3", r));
    assertEquals("10.0.2.108", pick("10.0.1.2", "10.0.2.77", r));
    NatRange p = new NatRange(Ip4.of("10.0.1.100"), Ip4.of("10.0.1.200"), 0, 0, false, true);
    assertEquals("10.0.1.177", pick("10.0.2.2", "10.0.1.2", p));
    assertEquals("10.0.1.177", pick("10.0.2.2", "10.0.1.3", p));
  }

  private static String pick(String src, String dst, NatRange r) {
    return Ip4.format(Nat.pickAddr(new Tuple(Ip4.of(src), Ip4.of(dst), 1, 0, 0, 8, 0), r));
  }
}
