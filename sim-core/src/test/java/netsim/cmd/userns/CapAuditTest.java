package netsim.cmd.userns;

import static netsim.cmd.userns.Lines.U;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netsim.model.CapDenial;
import org.junit.jupiter.api.Test;

/** A command refused for lack of a capability leaves a record of which one, and where. */
class CapAuditTest {
  private final Lines l = new Lines();

  private List<String> denials(String line) {
    l.run(line);
    return l.kernel().capAudit().drain().stream().map(CapDenial::toString).toList();
  }

  @Test
  void netAdminOverTheHostFromAChildNamespace() {
    List<String> d = denials(U + "unshare -U -r ip link add v0 type veth peer name v1");
    assertEquals(1, d.size(), d.toString());
    assertTrue(d.get(0).startsWith("CAP_NET_ADMIN in the initial user namespace (owner of"
        + " network namespace host) is missing: the process (kernel uid 1000) holds its"
        + " capabilities in user namespace #"), d.get(0));
  }

  @Test
  void aNetworkNamespaceNeedsCapSysAdmin() {
    assertEquals(List.of("CAP_SYS_ADMIN in the initial user namespace (making a network"
        + " namespace) is missing: the process (kernel uid 1000) holds no capabilities in the"
        + " initial user namespace"), denials(U + "unshare -n true"));
  }

  @Test
  void setprivSaysWhichCall() {
    List<String> d = denials(U + "setpriv --reuid=0 id");
    assertEquals(1, d.size());
    assertTrue(d.get(0).startsWith("CAP_SETUID in the initial user namespace (setresuid)"));
  }

  @Test
  void mapWritesAndSetgroups() {
    assertTrue(denials("unshare -U bash -c 'echo \"0 0 1\" > /proc/self/uid_map'").get(0)
        .startsWith("CAP_SYS_ADMIN in user namespace #"));
    assertTrue(denials(U + "bash -c 'echo deny > /proc/self/setgroups'").get(0)
        .startsWith("CAP_SYS_ADMIN in the initial user namespace (opening /proc/self/setgroups"));
  }

  @Test
  void whatSucceedsLeavesNothing() {
    assertEquals(List.of(), denials(U + "unshare -U -r -n ip link add v0 type veth peer name v1"));
    assertEquals(List.of(), denials("unshare -U -r sysctl -w net.ipv4.conf.all.rp_filter=1"),
        "uid 0 opens the file without CAP_NET_ADMIN, which is not a refusal");
    assertEquals(List.of(), denials(U + "unshare -U -r id"));
  }
}
