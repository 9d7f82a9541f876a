package netsim.model;

/**
 * The Linux capabilities ({@code include/uapi/linux/capability.h}), by number. A capability is
 * always held <em>in a user namespace</em> and counts over that namespace and its descendants
 * ({@link Cred#capable}).
 *
 * <p>The kernel of this machine has 41 of them ({@code CAP_LAST_CAP} is 40), which is why a full
 * set reads {@code 000001ffffffffff} in {@code /proc/self/status}.
 */
public enum Capability {
  CHOWN, DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER, FSETID, KILL, SETGID, SETUID, SETPCAP,
  LINUX_IMMUTABLE, NET_BIND_SERVICE, NET_BROADCAST, NET_ADMIN, NET_RAW, IPC_LOCK, IPC_OWNER,
  SYS_MODULE, SYS_RAWIO, SYS_CHROOT, SYS_PTRACE, SYS_PACCT, SYS_ADMIN, SYS_BOOT, SYS_NICE,
  SYS_RESOURCE, SYS_TIME, SYS_TTY_CONFIG, MKNOD, LEASE, AUDIT_WRITE, AUDIT_CONTROL, SETFCAP,
  MAC_OVERRIDE, MAC_ADMIN, SYSLOG, WAKE_ALARM, BLOCK_SUSPEND, AUDIT_READ, PERFMON, BPF,
  CHECKPOINT_RESTORE;

  /** Every capability: {@code CAP_FULL_SET}, what root holds and what a new user namespace gives. */
  public static final long FULL_SET = (1L << values().length) - 1;

  /** No capability. */
  public static final long EMPTY_SET = 0;

  /** The capability's bit in a set. */
  public long bit() {
    return 1L << ordinal();
  }

  /** Whether {@code set} holds this capability. */
  public boolean in(long set) {
    return (set & bit()) != 0;
  }

  /** The kernel's name, as in messages: {@code CAP_NET_ADMIN}. */
  public String kernelName() {
    return "CAP_" + name();
  }
}
