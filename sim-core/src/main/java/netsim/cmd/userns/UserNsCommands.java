package netsim.cmd.userns;

import netsim.cmd.ProcFs;
import netsim.cmd.Shell;

/**
 * The user-namespace tools of the scenario language: {@code unshare}, {@code setpriv}, {@code id},
 * {@code cat}, {@code touch}, {@code stat}, and the {@code /proc/self} files they look at.
 */
public final class UserNsCommands {
  private UserNsCommands() {}

  /** Registers the tools in {@code shell} and installs the {@code /proc/self} files. */
  public static void register(Shell shell) {
    ProcFs.setSelfFiles(new SelfFiles());
    shell.register("unshare", new Unshare());
    shell.register("setpriv", new Setpriv());
    shell.register("id", new Id());
    shell.register("cat", new Cat());
    shell.register("touch", new Touch());
    shell.register("stat", new Stat());
  }
}
