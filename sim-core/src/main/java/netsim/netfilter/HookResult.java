package netsim.netfilter;

import java.util.List;

/**
 * What one hook did to a packet: the verdict, the packet as it leaves the hook (NAT may have
 * changed its addresses; it carries its conntrack entry on to the next hook), and the events that
 * explain it, in the order they happened.
 */
public record HookResult(Verdict verdict, NfPacket packet, List<NfEvent> events) {

  public HookResult {
    events = List.copyOf(events);
  }

  public boolean accepted() {
    return verdict.accepted();
  }
}
