package netsim.netfilter;

import java.util.List;

/**
 * The iptables tables, in the order iptables-nft keeps them ({@code enum nft_table_type} in
 * iptables' nft.c), which is the order {@code iptables-save} prints them: mangle, security, raw,
 * filter, nat. Each has its built-in chains, one per hook it attaches to, listed in hook order.
 */
public enum TableKind {
  MANGLE("mangle", List.of(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT,
      Hook.POSTROUTING)),
  SECURITY("security", List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)),
  RAW("raw", List.of(Hook.PREROUTING, Hook.OUTPUT)),
  FILTER("filter", List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)),
  NAT("nat", List.of(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING));

  public final String text;
  /** The built-in chains: one per hook, named after it. */
  public final List<Hook> hooks;

  TableKind(String text, List<Hook> hooks) {
    this.text = text;
    this.hooks = hooks;
  }

  /** The table called {@code name} ({@code -t name}), or null. */
  public static TableKind byName(String name) {
    for (TableKind k : values()) {
      if (k.text.equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** The hook whose built-in chain is called {@code chain} in this table, or null. */
  public Hook builtin(String chain) {
    for (Hook h : hooks) {
      if (h.name().equals(chain)) {
        return h;
      }
    }
    return null;
  }

  /** The mask of the hooks this table attaches to. */
  public int hookMask() {
    int m = 0;
    for (Hook h : hooks) {
      m |= h.bit();
    }
    return m;
  }
}
