package netsim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The capability checks that failed, in order, kept for explanations: the kernel's audited
 * {@code ns_capable} as opposed to {@code ns_capable_noaudit}. A check that only decides between
 * two ways of succeeding (such as whether a sysctl file opens for CAP_NET_ADMIN or for uid 0)
 * is not recorded.
 *
 * <p>Whoever shows explanations takes the records after each command ({@link #drain}); the list
 * keeps at most {@link #LIMIT} of them, so a world nobody asks stays small.
 */
public final class CapAudit {
  /** How many denials are kept before the oldest go. */
  static final int LIMIT = 1000;

  private final List<CapDenial> denials = new ArrayList<>();

  /** Records a failed check. */
  public void denied(CapDenial d) {
    if (denials.size() == LIMIT) {
      denials.remove(0);
    }
    denials.add(d);
  }

  /** The denials recorded since the last call, oldest first; the record is then empty. */
  public List<CapDenial> drain() {
    List<CapDenial> out = List.copyOf(denials);
    denials.clear();
    return out;
  }
}
