package netsim.netfilter;

/**
 * A packet's link to its conntrack entry ({@code skb->_nfct}): the flow, and how this packet
 * relates to it. Opaque to the engine, which only carries it from hook to hook.
 */
public final class CtRef {
  final Conntrack owner;
  final Conn conn;
  final CtInfo info;

  CtRef(Conntrack owner, Conn conn, CtInfo info) {
    this.owner = owner;
    this.conn = conn;
    this.info = info;
  }

  /**
   * {@code __nf_conntrack_attach}: the reference an ICMP error about this packet gets, RELATED
   * in the opposite direction.
   */
  CtRef relatedBack() {
    return new CtRef(owner, conn, info.reply ? CtInfo.RELATED : CtInfo.RELATED_REPLY);
  }

  /** How the packet relates to its flow (NEW, ESTABLISHED, RELATED, and the direction). */
  public CtInfo info() {
    return info;
  }

  /** The flow, as {@code conntrack -L} writes its two tuples. */
  public String flow() {
    return conn.toString();
  }

  @Override
  public String toString() {
    return info + " " + conn;
  }
}
