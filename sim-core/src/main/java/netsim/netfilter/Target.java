package netsim.netfilter;

/**
 * What a rule does when it matches ({@code -j}, {@code -g}). A rule may have none: it then only
 * counts. Each target knows the tables it may be used in and the hooks its chain must be
 * reachable from only ({@code xt_target.table} and {@code .hooks}, checked by
 * {@code xt_check_target}).
 */
public sealed interface Target {

  /** The name {@code -j} takes and {@code -L} shows. */
  String name();

  /** The only table it may be used in, or null for any. */
  default TableKind table() {
    return null;
  }

  /** The hooks it may run at, as a mask; all of them by default. */
  default int hooks() {
    return 0x1F;
  }

  /** Whether it turns conntrack on in the namespace (NAT targets call {@code nf_ct_netns_get}). */
  default boolean needsConntrack() {
    return false;
  }

  /** ACCEPT: the packet leaves this table's chains and goes on. */
  record Accept() implements Target {
    @Override
    public String name() {
      return "ACCEPT";
    }
  }

  /** DROP: the packet is gone. */
  record Drop() implements Target {
    @Override
    public String name() {
      return "DROP";
    }
  }

  /** RETURN: back to the calling chain, or the policy in a built-in chain. */
  record Return() implements Target {
    @Override
    public String name() {
      return "RETURN";
    }
  }

  /** {@code -j CHAIN} (a call that returns), or {@code -g CHAIN} (a goto). */
  record Jump(String chain, boolean goTo) implements Target {
    @Override
    public String name() {
      return chain;
    }
  }

  /** REJECT: drops and answers with an ICMP error or a TCP reset. */
  record Reject(RejectWith with) implements Target {
    @Override
    public String name() {
      return "REJECT";
    }

    @Override
    public TableKind table() {
      return TableKind.FILTER;
    }

    @Override
    public int hooks() {
      return Hook.INPUT.bit() | Hook.FORWARD.bit() | Hook.OUTPUT.bit();
    }
  }

  /**
   * LOG: writes a kernel log line and goes on to the next rule. In a namespace other than the
   * initial one it writes nothing ({@code nf_log_all_netns} is 0), but it still counts (E10).
   *
   * @param level syslog level, 0-7; 4 (warning) by default
   * @param prefix at most 29 characters, or empty
   */
  record Log(int level, String prefix) implements Target {
    @Override
    public String name() {
      return "LOG";
    }
  }

  /** MASQUERADE: SNAT to the address the egress device would pick for the next hop. */
  record Masquerade(NatRange range) implements Target {
    @Override
    public String name() {
      return "MASQUERADE";
    }

    @Override
    public TableKind table() {
      return TableKind.NAT;
    }

    @Override
    public int hooks() {
      return Hook.POSTROUTING.bit();
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** SNAT {@code --to-source}. */
  record Snat(NatRange range) implements Target {
    @Override
    public String name() {
      return "SNAT";
    }

    @Override
    public TableKind table() {
      return TableKind.NAT;
    }

    @Override
    public int hooks() {
      return Hook.POSTROUTING.bit() | Hook.INPUT.bit();
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** DNAT {@code --to-destination}. */
  record Dnat(NatRange range) implements Target {
    @Override
    public String name() {
      return "DNAT";
    }

    @Override
    public TableKind table() {
      return TableKind.NAT;
    }

    @Override
    public int hooks() {
      return Hook.PREROUTING.bit() | Hook.OUTPUT.bit();
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }

  /** REDIRECT: DNAT to the incoming device's first address, or 127.0.0.1 for local traffic. */
  record Redirect(NatRange range) implements Target {
    @Override
    public String name() {
      return "REDIRECT";
    }

    @Override
    public TableKind table() {
      return TableKind.NAT;
    }

    @Override
    public int hooks() {
      return Hook.PREROUTING.bit() | Hook.OUTPUT.bit();
    }

    @Override
    public boolean needsConntrack() {
      return true;
    }
  }
}
