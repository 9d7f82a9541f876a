package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Capabilities over user namespaces ({@code cap_capable}), exec, and the id-changing calls. */
class CredTest {
  private final UserNs init = UserNs.initial();
  private final Cred root = Cred.root(init);
  private final Cred user = new Cred(1000, 1000, 1000, 1000, List.of(), init, 0);

  /** What {@code unshare -U -r} leaves the command it runs with. */
  private static Cred mapRoot(Cred c) {
    Cred u = c.unshareUser();
    UserNs ns = u.userns();
    MapWrite.writeMap(ns, MapWrite.Kind.UID, u, "0 " + c.nsEuid() + " 1", 0);
    MapWrite.writeSetgroups(ns, "deny", 0);
    MapWrite.writeMap(ns, MapWrite.Kind.GID, u, "0 " + c.nsEgid() + " 1", 0);
    return u.afterExec();
  }

  @Test
  void rootOfAChildNamespaceHoldsNothingOverItsParent() {
    Cred inside = mapRoot(user);
    assertTrue(inside.capable(Capability.NET_ADMIN, inside.userns()));
    assertFalse(inside.capable(Capability.NET_ADMIN, init));
    assertTrue(root.capable(Capability.NET_ADMIN, inside.userns()), "caps count below");
  }

  @Test
  void theCreatorHoldsEveryCapabilityOverItsChild() {
    Cred inside = mapRoot(user);
    assertTrue(user.capable(Capability.SYS_ADMIN, inside.userns()), "same euid, in the parent");
    Cred other = new Cred(1001, 1001, 1001, 1001, List.of(), init, 0);
    assertFalse(other.capable(Capability.SYS_ADMIN, inside.userns()));
    UserNs grandchild = inside.unshareUser().userns();
    assertTrue(user.capable(Capability.SYS_ADMIN, grandchild), "and over its descendants");
  }

  @Test
  void siblingsHoldNothingOverEachOther() {
    Cred a = mapRoot(user);
    Cred b = mapRoot(user);
    assertFalse(a.capable(Capability.NET_ADMIN, b.userns()));
  }

  @Test
  void execGivesCapabilitiesOnlyToRootOfTheNamespace() {
    assertEquals(0, user.unshareUser().afterExec().capEff(), "no map: nobody is root");
    assertEquals(Capability.FULL_SET, mapRoot(user).capEff());
    assertEquals(0, root.unshareUser().afterExec().capEff(), "even real root, unmapped");
    assertEquals(Capability.NET_RAW.bit(), user.afterExec(Capability.NET_RAW.bit()).capEff());
    Cred five = user.unshareUser();
    MapWrite.writeMap(five.userns(), MapWrite.Kind.UID, five, "5 1000 1", 0);
    assertEquals(0, five.afterExec().capEff(), "--map-user=5");
  }

  @Test
  void idsShowThroughTheNamespace() {
    Cred none = user.unshareUser().afterExec();
    assertEquals(65534, none.nsUid());
    assertEquals(65534, none.nsEgid());
    Cred r = mapRoot(new Cred(1000, 1000, 1000, 1000, List.of(4L, 27L), init, 0));
    assertEquals(0, r.nsUid());
    assertEquals(List.of(65534L, 65534L), r.nsGroups());
  }

  @Test
  void aNamespaceNeedsTheCreatorMapped() {
    Cred unmapped = user.unshareUser().afterExec();
    KernelException e = assertThrows(KernelException.class, unmapped::unshareUser);
    assertEquals(Errno.EPERM, e.errno);
  }

  @Test
  void setresuidChecksMappingThenCapability() {
    assertEquals(Errno.EPERM, errno(() -> user.setresuid(0, 0)));
    assertEquals(1000, user.setresuid(1000, 1000).euid(), "its own ids need nothing");
    Cred inside = mapRoot(user);
    assertEquals(Errno.EINVAL, errno(() -> inside.setresuid(5, 5)), "uid 5 is not mapped");
    assertEquals(1000, inside.setresuid(0, 0).uid());
    Cred fromRoot = root.setresuid(1000, 1000);
    assertEquals(1000, fromRoot.uid());
    assertEquals(Capability.FULL_SET, fromRoot.capEff(), "kept until exec (PR_SET_KEEPCAPS)");
    assertEquals(0, fromRoot.afterExec().capEff());
  }

  @Test
  void setgroupsNeedsCapabilityAndAGidMapThatAllowsIt() {
    assertEquals(Errno.EPERM, errno(() -> user.setgroups(List.of())));
    assertEquals(Errno.EPERM, errno(() -> mapRoot(user).setgroups(List.of())), "denied by -r");
    assertEquals(List.of(4L, 27L), root.setgroups(List.of(27L, 4L)).groups(), "kept sorted");
    Cred u = root.unshareUser();
    MapWrite.writeMap(u.userns(), MapWrite.Kind.UID, u, "0 0 1", 0);
    Cred noGidMap = u.afterExec();
    assertEquals(Errno.EPERM, errno(() -> noGidMap.setgroups(List.of())));
    assertEquals(Errno.EINVAL, errno(() -> noGidMap.setresgid(0, 0)));
  }

  @Test
  void aDenialSaysWhichCapabilityWhereAndWhy() {
    Cred inside = mapRoot(user);
    CapDenial d = inside.missing(Capability.NET_ADMIN, init, "owner of network namespace host")
        .orElseThrow();
    assertEquals("CAP_NET_ADMIN in the initial user namespace (owner of network namespace host)"
        + " is missing: the process (kernel uid 1000) holds its capabilities in user namespace #"
        + inside.userns().serial() + " (level 1, created by kernel uid 1000), and they count"
        + " only there and below", d.toString());
    assertTrue(root.missing(Capability.NET_ADMIN, init, null).isEmpty());
    assertTrue(user.missing(Capability.NET_ADMIN, init, null).orElseThrow().toString()
        .contains("holds no capabilities in the initial user namespace"));
  }

  private static Errno errno(Runnable r) {
    return assertThrows(KernelException.class, r::run).errno;
  }
}
