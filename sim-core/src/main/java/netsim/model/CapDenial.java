package netsim.model;

/**
 * Why a capability check failed: which capability was needed, over which user namespace, for
 * what, and who asked. {@link #toString} is the sentence an explanation shows, e.g. {@code
 * CAP_NET_ADMIN in the initial user namespace (owner of network namespace host) is missing: the
 * process (kernel uid 1000) holds its capabilities in user namespace #1 (level 1, created by
 * kernel uid 1000), and they count only there and below}.
 *
 * @param object what the namespace was needed for, e.g. {@code owner of network namespace host};
 *     may be null
 */
public record CapDenial(Capability cap, UserNs target, String object, Cred cred) {

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(cap.kernelName()).append(" in ").append(target.describe());
    if (object != null) {
      sb.append(" (").append(object).append(')');
    }
    sb.append(" is missing: the process (kernel uid ").append(cred.euid()).append(") ");
    UserNs own = cred.userns();
    if (!cred.caps()) {
      sb.append("holds no capabilities in ").append(own.describe());
    } else if (!cap.in(cred.capEff())) {
      sb.append("does not hold ").append(cap.kernelName()).append(" in ").append(own.describe());
    } else {
      sb.append("holds its capabilities in ").append(own.describe())
          .append(", and they count only there and below");
    }
    return sb.toString();
  }
}
