package netsim.model;

/**
 * A user namespace. The initial one owns everything a scenario starts with; a network namespace
 * is owned by the user namespace its creator was in, and changing it needs CAP_NET_ADMIN there.
 */
public final class UserNs {
  private final UserNs parent;
  private final int level;

  UserNs(UserNs parent) {
    this.parent = parent;
    this.level = parent == null ? 0 : parent.level + 1;
  }

  public static UserNs initial() {
    return new UserNs(null);
  }

  public UserNs parent() {
    return parent;
  }

  public int level() {
    return level;
  }

  public boolean isInitial() {
    return parent == null;
  }

  /** Whether this namespace is {@code other} or one of its descendants. */
  public boolean isWithin(UserNs other) {
    for (UserNs u = this; u != null; u = u.parent) {
      if (u == other) {
        return true;
      }
    }
    return false;
  }
}
