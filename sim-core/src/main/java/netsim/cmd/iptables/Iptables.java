package netsim.cmd.iptables;

import netsim.cmd.Shell;
import netsim.engine.Engines;
import netsim.netfilter.EngineHooks;

/** The iptables tools of the scenario language, and what they share. */
public final class Iptables {
  private Iptables() {}

  /** How iptables 1.8.9 built on nf_tables names its version. */
  static final String VERSION = "v1.8.9 (nf_tables)";

  /** What a process without CAP_NET_ADMIN over its namespace gets (G9), status 4. */
  static final String NOT_ROOT =
      "Could not fetch rule set generation id: Permission denied (you must be root)";

  /**
   * Registers {@code iptables} and {@code iptables-save}, and gives the packet engine its
   * netfilter hooks.
   */
  public static void register(Shell shell) {
    Engines.setHooksFactory(k -> new EngineHooks());
    shell.register("iptables", new IptablesCommand());
    shell.register("iptables-save", new IptablesSaveCommand());
  }
}
