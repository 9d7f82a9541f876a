package netsim.cmd;

/** The composition root of the tools: every command of the scenario language, registered. */
public final class Commands {
  private Commands() {}

  /** A shell with every tool the simulator has. */
  public static Shell standard() {
    Shell s = new Shell();
    Builtins.register(s);
    netsim.cmd.userns.UserNsCommands.register(s);
    netsim.cmd.iptables.Iptables.register(s);
    s.register("ip", new netsim.cmd.ip.IpCommand());
    s.register("sysctl", new netsim.cmd.net.SysctlCommand());
    s.register("ping", new netsim.cmd.net.PingCommand());
    return s;
  }
}
