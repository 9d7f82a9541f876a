package netsim.netfilter;

import static netsim.netfilter.Rules.ACCEPT;
import static netsim.netfilter.Rules.DROP;
import static netsim.netfilter.Rules.RETURN;
import static netsim.netfilter.Rules.icmp;
import static netsim.netfilter.Rules.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter path: verdicts, REJECT's answers, policies, jumps, counters, and the events. */
class FilterTest {
  private final World w = new World();

  @Test
  void noTableMeansEverythingPasses() {
    HookResult r = World.last(w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2));
    assertTrue(r.accepted());
    assertTrue(r.events().isEmpty());
  }

  @Test
  void dropNamesTheRuleAsIptablesPrintsIt() {
    Table f = w.table(TableKind.FILTER);
    f.append("FORWARD", rule(icmp(), ACCEPT, new IcmpMatch(0, 0, 255, false)));
    f.append("FORWARD", rule(icmp(), DROP, new IcmpMatch(8, 0, 255, false)));
    HookResult[] rs = w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2);
    assertEquals(2, rs.length, "dropped at FORWARD");
    HookResult fwd = rs[1];
    assertEquals(Verdict.DROP, fwd.verdict());
    NfEvent.RuleMatched m = (NfEvent.RuleMatched) fwd.events().get(0);
    assertEquals(TableKind.FILTER, m.table());
    assertEquals("FORWARD", m.chain());
    assertEquals(2, m.ruleNum());
    assertEquals("-A FORWARD -p icmp -m icmp --icmp-type 8 -j DROP", m.rule());
    assertEquals(NfEvent.Action.DROPPED, m.action());
    assertEquals("filter FORWARD rule 2 (-A FORWARD -p icmp -m icmp --icmp-type 8 -j DROP): "
        + "dropped", m.describe());
  }

  @Test
  void rejectSaysWhatToAnswerPortUnreachableByDefault() {
    Table f = w.table(TableKind.FILTER);
    f.append("FORWARD", rule(new Target.Reject(RejectWith.ICMP_PORT_UNREACHABLE)));
    HookResult r = World.last(w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2));
    assertEquals(Verdict.Kind.REJECT, r.verdict().kind());
    assertEquals(3, r.verdict().icmpType());
    assertEquals(3, r.verdict().icmpCode());
    f.replace("FORWARD", 1, rule(new Target.Reject(RejectWith.ICMP_ADMIN_PROHIBITED)));
    r = World.last(w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2));
    assertEquals(13, r.verdict().icmpCode());
  }

  @Test
  void policyDecidesWhenNoRuleDoesAndCountsOnlyAfterMinusP() {
    Table f = w.table(TableKind.FILTER);
    f.append("FORWARD", rule(icmp(), ACCEPT, new IcmpMatch(0, 0, 255, false)));
    w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2);
    assertEquals(0, f.chain("FORWARD").policyCounters().packets(),
        "a built-in chain made without -P has no policy counters");
    f.setPolicy("FORWARD", DROP);
    HookResult[] rs = w.forward(w.fromH1(World.H2, 2), w.r1, w.r2, World.H2);
    assertEquals(Verdict.DROP, World.last(rs).verdict());
    assertEquals(new NfEvent.PolicyApplied(Hook.FORWARD, TableKind.FILTER, "FORWARD", "DROP"),
        World.last(rs).events().get(0));
    assertEquals(1, f.chain("FORWARD").policyCounters().packets());
    assertEquals(84, f.chain("FORWARD").policyCounters().bytes());
  }

  @Test
  void countersCountEveryRuleThatMatchedOnTheWay() {
    Table f = w.table(TableKind.FILTER);
    f.append("FORWARD", rule(null));
    f.append("FORWARD", rule(new Target.Log(4, "")));
    f.append("FORWARD", rule(Rules.src("10.9.0.0/16"), DROP));
    f.append("FORWARD", rule(ACCEPT));
    w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2);
    w.forward(w.fromH1(World.H2, 1).withLength(1000), w.r1, w.r2, World.H2);
    List<Chain.Entry> es = f.chain("FORWARD").entries();
    assertEquals(2, es.get(0).counters().packets());
    assertEquals(1084, es.get(0).counters().bytes());
    assertEquals(2, es.get(1).counters().packets(), "LOG counts and goes on");
    assertEquals(0, es.get(2).counters().packets());
    assertEquals(2, es.get(3).counters().packets());
  }

  @Test
  void aUserChainReturnsToTheRuleAfterTheJump() {
    Table f = w.table(TableKind.FILTER);
    f.newChain("MY");
    f.append("MY", rule(Rules.src("10.9.0.0/16"), DROP));
    f.append("FORWARD", rule(new Target.Jump("MY", false)));
    f.append("FORWARD", rule(DROP));
    HookResult r = World.last(w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2));
    assertEquals(Verdict.DROP, r.verdict());
    NfEvent.RuleMatched last = (NfEvent.RuleMatched) r.events().get(r.events().size() - 1);
    assertEquals("FORWARD", last.chain());
    assertEquals(2, last.ruleNum());
  }

  @Test
  void returnInABuiltInChainMeansThePolicy() {
    Table f = w.table(TableKind.FILTER);
    f.setPolicy("FORWARD", DROP);
    f.append("FORWARD", rule(RETURN));
    f.append("FORWARD", rule(ACCEPT));
    assertEquals(Verdict.DROP,
        World.last(w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2)).verdict());
  }

  @Test
  void aGotoDoesNotComeBackToItsChainButToTheCaller() {
    Table f = w.table(TableKind.FILTER);
    f.newChain("A");
    f.newChain("B");
    f.append("FORWARD", rule(new Target.Jump("A", false)));
    f.append("FORWARD", rule(DROP));
    f.append("A", rule(new Target.Jump("B", true)));
    f.append("A", rule(ACCEPT)); // skipped: B was reached by goto
    HookResult r = World.last(w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2));
    assertEquals(Verdict.DROP, r.verdict());
    assertEquals(0, f.chain("A").entries().get(1).counters().packets());
  }

  @Test
  void matchesTestEveryField() {
    Table f = w.table(TableKind.FILTER);
    IpHeader ip = IpHeader.ANY.withIn("r+", false).withOut("r2", false)
        .withProto(NfPacket.ICMP, false);
    f.append("FORWARD", rule(ip.withSrc(World.H1, -1, true), ACCEPT));
    f.append("FORWARD", rule(ip, DROP));
    HookResult r = World.last(w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2));
    assertEquals(Verdict.DROP, r.verdict(), "! -s 10.0.1.2 does not match h1's packet");
    assertFalse(IpHeader.ifaceMatches("r2", "r23"));
    assertTrue(IpHeader.ifaceMatches("r+", "r23"));
  }

  @Test
  void inputAndOutputSeeTheirOwnPackets() {
    Table f = w.table(TableKind.FILTER);
    f.append("INPUT", rule(icmp(), DROP));
    HookResult in = w.nf.hook(Hook.INPUT, w.fromH1(World.R1, 1), w.now());
    assertEquals(Verdict.DROP, in.verdict());
    HookResult out = w.nf.hook(Hook.OUTPUT,
        NfPacket.echoReply(World.R1, World.H1, 1).withOut(w.r1), w.now());
    assertTrue(out.accepted());
  }
}
