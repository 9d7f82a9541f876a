package netsim.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * What runs at a hook, with the priority it registers at ({@code enum nf_ip_hook_priorities} in
 * {@code uapi/linux/netfilter_ipv4.h}); at each hook the kernel calls them lowest first.
 * Conntrack looks a packet up at -200 on the way in (PREROUTING, OUTPUT) and confirms its entry
 * last on the way out (INPUT, POSTROUTING); nat changes destinations at -100 and sources at +100.
 */
enum Stage {
  RAW(-300, TableKind.RAW),
  CONNTRACK(-200, null),
  MANGLE(-150, TableKind.MANGLE),
  NAT_DST(-100, TableKind.NAT),
  FILTER(0, TableKind.FILTER),
  SECURITY(50, TableKind.SECURITY),
  NAT_SRC(100, TableKind.NAT),
  /** {@code NF_IP_PRI_CONNTRACK_CONFIRM} is INT_MAX: nothing runs after it. */
  CONFIRM(Integer.MAX_VALUE, null);

  final int priority;
  /** The table whose chain runs at this stage, or null for conntrack's own stages. */
  final TableKind table;

  Stage(int priority, TableKind table) {
    this.priority = priority;
    this.table = table;
  }

  /** Whether this stage runs at {@code hook}. */
  boolean runsAt(Hook hook) {
    return switch (this) {
      case CONNTRACK -> hook.tracksHere();
      case CONFIRM -> hook.confirmsHere();
      case NAT_DST -> hook.manip() == Hook.Manip.DST;
      case NAT_SRC -> hook.manip() == Hook.Manip.SRC;
      default -> table.hooks.contains(hook);
    };
  }

  /** The stages of a hook in the order the kernel runs them (enum order is priority order). */
  static List<Stage> at(Hook hook) {
    List<Stage> out = new ArrayList<>();
    for (Stage s : values()) {
      if (s.runsAt(hook)) {
        out.add(s);
      }
    }
    return out;
  }
}
