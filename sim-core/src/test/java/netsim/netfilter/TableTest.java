package netsim.netfilter;

import static netsim.netfilter.Rules.ACCEPT;
import static netsim.netfilter.Rules.DROP;
import static netsim.netfilter.Rules.rule;
import static netsim.netfilter.Rules.to;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Editing a table: what the kernel and iptables-nft refuse, and that a refusal changes nothing. */
class TableTest {
  private final Netfilter nf = new Netfilter();

  private Table table(TableKind k) {
    Table t = nf.tableOrNew(k);
    nf.install(t);
    return t;
  }

  /** The table as -S would list it, to compare before and after. */
  private static List<String> dump(Table t) {
    List<String> out = new ArrayList<>();
    for (Chain c : t.chains()) {
      out.add(c.name() + " " + (c.policy() == null ? "-" : c.policy().name()));
      for (Chain.Entry e : c.entries()) {
        out.add(RuleText.save(c.name(), e.rule()));
      }
    }
    return out;
  }

  private static NfException refused(Table t, NfException.Reason reason, boolean kernel,
      Executable op) {
    List<String> before = dump(t);
    NfException e = assertThrows(NfException.class, op);
    assertEquals(reason, e.reason());
    assertEquals(kernel, e.kernel());
    assertEquals(before, dump(t), "a refused operation changes nothing");
    return e;
  }

  @Test
  void aNewTableHasItsBuiltInChainsInHookOrder() {
    assertNull(nf.table(TableKind.NAT));
    Table t = nf.tableOrNew(TableKind.NAT);
    assertNull(nf.table(TableKind.NAT), "not part of the namespace until installed");
    assertEquals(List.of("PREROUTING ACCEPT", "INPUT ACCEPT", "OUTPUT ACCEPT",
        "POSTROUTING ACCEPT"), dump(t));
  }

  @Test
  void userChainsListAfterTheBuiltInOnesByName() {
    Table t = table(TableKind.FILTER);
    t.newChain("ZED");
    t.newChain("BEE");
    assertEquals(List.of("INPUT", "FORWARD", "OUTPUT", "BEE", "ZED"),
        t.chains().stream().map(Chain::name).toList());
  }

  @Test
  void positionsOutOfRangeAreE2big() {
    Table t = table(TableKind.FILTER);
    refused(t, NfException.Reason.E2BIG, false, () -> t.insert("INPUT", 2, rule(ACCEPT)));
    t.insert("INPUT", 1, rule(ACCEPT));
    refused(t, NfException.Reason.E2BIG, false, () -> t.replace("INPUT", 2, rule(DROP)));
    refused(t, NfException.Reason.E2BIG, false, () -> t.delete("INPUT", 2));
    t.insert("INPUT", 2, rule(DROP));
    assertEquals(List.of("-A INPUT -j ACCEPT", "-A INPUT -j DROP"), dump(t).subList(1, 3));
  }

  @Test
  void deleteBySpecTakesTheFirstEqualRule() {
    Table t = table(TableKind.FILTER);
    t.append("INPUT", rule(Rules.src("10.1.2.3/8"), DROP));
    t.append("INPUT", rule(ACCEPT));
    assertTrue(t.contains("INPUT", rule(Rules.src("10.9.9.9/8"), DROP)),
        "host bits are cleared as the kernel stores the rule");
    t.delete("INPUT", rule(Rules.src("10.0.0.0/8"), DROP));
    refused(t, NfException.Reason.ENOENT, false,
        () -> t.delete("INPUT", rule(Rules.src("10.0.0.0/8"), DROP)));
  }

  @Test
  void chainsThatExistCannotBeMadeAgain() {
    Table t = table(TableKind.FILTER);
    refused(t, NfException.Reason.EEXIST, false, () -> t.newChain("INPUT"));
    t.newChain("MY");
    refused(t, NfException.Reason.EEXIST, false, () -> t.newChain("MY"));
    refused(t, NfException.Reason.ENOENT, false, () -> t.append("NOSUCH", rule(ACCEPT)));
  }

  @Test
  void aChainInUseOrWithRulesCannotBeDeleted() {
    Table t = table(TableKind.FILTER);
    t.newChain("A");
    t.newChain("MY");
    t.append("FORWARD", rule(new Target.Jump("MY", false)));
    assertEquals(1, t.references("MY"));
    NfException e = refused(t, NfException.Reason.EBUSY, true, () -> t.deleteChain("MY"));
    assertEquals("MY", e.chain());
    refused(t, NfException.Reason.EBUSY, true, t::deleteUserChains);
    t.flush(null);
    t.append("A", rule(DROP));
    refused(t, NfException.Reason.EBUSY, true, () -> t.deleteChain("A"));
    t.flush("A");
    t.deleteUserChains();
    assertEquals(List.of("INPUT", "FORWARD", "OUTPUT"),
        t.chains().stream().map(Chain::name).toList());
  }

  @Test
  void renameMovesTheJumps() {
    Table t = table(TableKind.FILTER);
    t.newChain("MY");
    t.append("FORWARD", rule(new Target.Jump("MY", true)));
    refused(t, NfException.Reason.EEXIST, false, () -> t.rename("NOSUCH", "INPUT"));
    refused(t, NfException.Reason.ENOENT, false, () -> t.rename("NOSUCH", "X"));
    t.rename("MY", "YOURS");
    assertEquals("-A FORWARD -g YOURS", dump(t).get(2));
    assertNull(t.chain("MY"));
  }

  @Test
  void policiesAreAcceptOrDropOnBuiltInChains() {
    Table t = table(TableKind.FILTER);
    t.newChain("MY");
    refused(t, NfException.Reason.ENOENT, false, () -> t.setPolicy("MY", ACCEPT));
    refused(t, NfException.Reason.EINVAL, false,
        () -> t.setPolicy("INPUT", new Target.Reject(RejectWith.ICMP_PORT_UNREACHABLE)));
    t.setPolicy("INPUT", DROP);
    assertEquals("INPUT DROP", dump(t).get(0));
  }

  @Test
  void targetsBelongToTheirTablesAndHooks() {
    Table f = table(TableKind.FILTER);
    NatRange none = new NatRange(0, 0, 0, 0, false, false);
    refused(f, NfException.Reason.EINVAL, true,
        () -> f.append("INPUT", rule(new Target.Masquerade(none))));
    f.newChain("MY");
    refused(f, NfException.Reason.EINVAL, true,
        () -> f.append("MY", rule(new Target.Masquerade(none))));
    Table nat = table(TableKind.NAT);
    refused(nat, NfException.Reason.EINVAL, true,
        () -> nat.append("POSTROUTING", rule(new Target.Dnat(to("1.2.3.4")))));
    nat.newChain("N");
    nat.append("N", rule(new Target.Dnat(to("1.2.3.4"))));
    refused(nat, NfException.Reason.EINVAL, true,
        () -> nat.append("POSTROUTING", rule(new Target.Jump("N", false))));
    nat.append("PREROUTING", rule(new Target.Jump("N", false)));
    Table mangle = table(TableKind.MANGLE);
    refused(mangle, NfException.Reason.EINVAL, true, () -> mangle.append("INPUT",
        rule(new Target.Reject(RejectWith.ICMP_PORT_UNREACHABLE))));
  }

  @Test
  void protocolMatchesNeedTheirProtocol() {
    Table f = table(TableKind.FILTER);
    refused(f, NfException.Reason.EINVAL, true,
        () -> f.append("INPUT", rule(ACCEPT, new IcmpMatch(8, 0, 255, false))));
    refused(f, NfException.Reason.EINVAL, true, () -> f.append("INPUT",
        rule(IpHeader.ANY.withProto(1, true), ACCEPT, new IcmpMatch(8, 0, 255, false))));
    refused(f, NfException.Reason.EINVAL, true, () -> f.append("INPUT",
        rule(new Target.Reject(RejectWith.TCP_RESET))));
    f.append("INPUT", rule(IpHeader.ANY.withProto(6, false),
        new Target.Reject(RejectWith.TCP_RESET)));
  }

  @Test
  void jumpsMayGoFifteenChainsDeepAndNoLoop() {
    Table t = table(TableKind.FILTER);
    for (int i = 1; i <= 17; i++) {
      t.newChain("D" + i);
    }
    for (int i = 1; i < 17; i++) {
      t.append("D" + i, rule(new Target.Jump("D" + (i + 1), false)));
    }
    refused(t, NfException.Reason.EMLINK, true,
        () -> t.append("FORWARD", rule(new Target.Jump("D1", false))));
    refused(t, NfException.Reason.EMLINK, true,
        () -> t.append("FORWARD", rule(new Target.Jump("D2", false))));
    t.append("FORWARD", rule(new Target.Jump("D3", false)));
    t.newChain("L1");
    t.newChain("L2");
    t.append("L1", rule(new Target.Jump("L2", false)));
    t.append("L2", rule(new Target.Jump("L1", false)));
    refused(t, NfException.Reason.EMLINK, true,
        () -> t.insert("INPUT", 1, rule(new Target.Jump("L1", false))));
    assertEquals(16, Table.NFT_JUMP_STACK_SIZE);
  }

  @Test
  void aBuiltInChainGoesOnlyWhenEmptyWithPolicyAccept() {
    Table t = table(TableKind.FILTER);
    t.setPolicy("INPUT", DROP);
    t.append("INPUT", rule(ACCEPT));
    refused(t, NfException.Reason.EBUSY, true, () -> t.deleteChain("INPUT"));
    t.flush("INPUT");
    refused(t, NfException.Reason.EBUSY, false, () -> t.deleteChain("INPUT"));
    t.setPolicy("INPUT", ACCEPT);
    assertTrue(t.chain("INPUT").countsPolicy());
    t.deleteChain("INPUT");
    assertEquals("INPUT ACCEPT", dump(t).get(0));
    assertFalse(t.chain("INPUT").countsPolicy(), "shown again as a fresh built-in chain");
  }

  @Test
  void conntrackIsNeededWhileSomeRuleNeedsIt() {
    Table f = table(TableKind.FILTER);
    assertFalse(nf.tracking());
    f.append("INPUT", rule(ACCEPT, Rules.ctstate(CtState.NEW)));
    assertTrue(nf.tracking());
    f.flush(null);
    assertFalse(nf.tracking());
    table(TableKind.NAT).append("POSTROUTING",
        rule(new Target.Masquerade(new NatRange(0, 0, 0, 0, false, false))));
    assertTrue(nf.tracking());
  }
}
