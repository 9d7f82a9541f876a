package netsim.netfilter;

import static netsim.netfilter.Rules.ACCEPT;
import static netsim.netfilter.Rules.DROP;
import static netsim.netfilter.Rules.ctstate;
import static netsim.netfilter.Rules.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection tracking: when it runs, the states it gives, what it keeps and for how long. */
class ConntrackTest {
  private final World w = new World();

  /** A filter FORWARD chain that counts each state in its own rule, then accepts. */
  private Table stateCounter() {
    Table f = w.table(TableKind.FILTER);
    for (CtState s : List.of(CtState.NEW, CtState.ESTABLISHED, CtState.RELATED,
        CtState.INVALID)) {
      f.append("FORWARD", rule(null, ctstate(s)));
    }
    return f;
  }

  private long count(Table f, int rule) {
    return f.chain("FORWARD").entries().get(rule - 1).counters().packets();
  }

  @Test
  void trackingRunsOnlyWhileARuleNeedsIt() {
    Table nat = w.table(TableKind.NAT);
    nat.append("PREROUTING", rule(null));
    w.forward(w.fromH1(World.H2, 1), w.r1, w.r2, World.H2);
    assertEquals(0, nat.chain("PREROUTING").entries().get(0).counters().packets(),
        "without conntrack the nat chains see nothing (E6)");
    Table f = w.table(TableKind.FILTER);
    f.append("INPUT", rule(DROP, ctstate(CtState.INVALID)));
    assertTrue(w.nf.tracking());
    w.forward(w.fromH1(World.H2, 2), w.r1, w.r2, World.H2);
    w.forward(w.fromH1(World.H2, 2), w.r1, w.r2, World.H2);
    assertEquals(1, nat.chain("PREROUTING").entries().get(0).counters().packets(),
        "only the first packet of a flow passes the nat chains");
    f.delete("INPUT", 1);
    assertTrue(!w.nf.tracking());
  }

  @Test
  void newThenEstablishedBothWays() {
    Table f = stateCounter();
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    assertEquals(2, count(f, 1), "unanswered, a flow stays NEW");
    w.forward(NfPacket.echoReply(World.H2, World.H1, 7), w.r2, w.r1, World.H1);
    assertEquals(1, count(f, 2));
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    assertEquals(2, count(f, 2), "answered, it is ESTABLISHED both ways");
    assertEquals(List.of("src=10.0.1.2 dst=10.0.2.2 type=8 code=0 id=7 src=10.0.2.2 "
        + "dst=10.0.1.2 type=0 code=0 id=7"), w.nf.conntrack().flows(w.now()));
  }

  @Test
  void anAnswerWithoutAFlowIsInvalid() {
    Table f = stateCounter();
    w.forward(NfPacket.echoReply(World.H2, World.H1, 7), w.r2, w.r1, World.H1);
    assertEquals(1, count(f, 4));
    assertTrue(w.nf.conntrack().flows(w.now()).isEmpty());
  }

  @Test
  void anIcmpErrorQuotingAFlowIsRelatedAndOtherwiseInvalid() {
    Table f = stateCounter();
    NfPacket req = w.fromH1(World.H2, 7);
    w.forward(req, w.r1, w.r2, World.H2);
    NfPacket err = NfPacket.icmpError(World.H2, World.H1, 3, 3, req);
    w.forward(err, w.r2, w.r1, World.H1);
    assertEquals(1, count(f, 3));
    NfPacket stray = NfPacket.icmpError(World.H2, World.H1, 3, 3, w.fromH1(World.H2, 99));
    w.forward(stray, w.r2, w.r1, World.H1);
    assertEquals(1, count(f, 4));
    assertEquals(112, err.length(), "icmp_send quotes the whole 84-byte ping: 28 + 84");
  }

  @Test
  void aPacketDroppedBeforeConfirmationLeavesNoFlow() {
    Table f = w.table(TableKind.FILTER);
    f.append("FORWARD", rule(DROP, ctstate(CtState.NEW)));
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    assertTrue(w.nf.conntrack().flows(w.now()).isEmpty());
    f.replace("FORWARD", 1, rule(ACCEPT, ctstate(CtState.NEW)));
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    assertEquals(1, w.nf.conntrack().flows(w.now()).size());
  }

  @Test
  void icmpFlowsDieThirtySecondsAfterTheirLastPacket() {
    stateCounter();
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    w.kernel.clock().advance(29_999);
    assertEquals(1, w.nf.conntrack().flows(w.now()).size());
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    w.kernel.clock().advance(29_999);
    assertEquals(1, w.nf.conntrack().flows(w.now()).size(), "each packet refreshes it");
    w.kernel.clock().advance(1);
    assertTrue(w.nf.conntrack().flows(w.now()).isEmpty());
  }

  @Test
  void anEntryOfAnotherNamespaceMeansNothingHere() {
    stateCounter();
    w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    w.forward(NfPacket.echoReply(World.H2, World.H1, 7), w.r2, w.r1, World.H1);
    HookResult[] again = w.forward(w.fromH1(World.H2, 7), w.r1, w.r2, World.H2);
    NfPacket leaving = World.last(again).packet();
    assertEquals(CtInfo.ESTABLISHED, leaving.ct().info(), "in r the flow is established");
    Netfilter other = w.h2.netfilter();
    Table f2 = other.tableOrNew(TableKind.FILTER);
    other.install(f2);
    f2.append("INPUT", rule(null, ctstate(CtState.NEW)));
    HookResult pre = other.hook(Hook.PREROUTING, leaving, w.now());
    other.hook(Hook.INPUT, pre.packet(), w.now());
    assertEquals(1, f2.chain("INPUT").entries().get(0).counters().packets(),
        "h2 tracks the packet afresh (skb_scrub_packet): NEW there");
  }

  @Test
  void aLoopedBackPacketKeepsItsEntryAndTheNatChainsSeeItOnce() {
    Table nat = w.table(TableKind.NAT);
    for (String c : List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING")) {
      nat.append(c, rule(null));
    }
    w.table(TableKind.FILTER).append("INPUT", rule(null, ctstate(CtState.NEW)));
    NfPacket p = NfPacket.echoRequest(World.R1, World.R1, 3).withOut(w.r.lo());
    HookResult out = w.nf.hook(Hook.OUTPUT, p, w.now());
    HookResult post = w.nf.hook(Hook.POSTROUTING, out.packet(), w.now());
    HookResult pre = w.nf.hook(Hook.PREROUTING, post.packet().withDevices(w.r.lo(), null),
        w.now());
    w.nf.hook(Hook.INPUT, pre.packet(), w.now());
    assertEquals(List.of(0L, 0L, 1L, 1L), List.of("PREROUTING", "INPUT", "OUTPUT",
        "POSTROUTING").stream().map(c -> nat.chain(c).entries().get(0).counters().packets())
        .toList(), "E5: a namespace's own packets pass nat OUTPUT and POSTROUTING only");
  }
}
