package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may write a child namespace's maps, as found on kernel 6.18: uid 1000 made a namespace
 * ({@code setpriv --reuid=1000 ... unshare -U sleep}), and its /proc/PID/uid_map, gid_map and
 * setgroups were written from the parent namespace by that user or by root, or from inside.
 */
class MapWriteTest {
  private final UserNs init = UserNs.initial();
  private final Cred root = Cred.root(init);
  private final Cred user = user(1000);
  private final UserNs child = user.unshareUser().userns();

  private Cred user(long id) {
    return new Cred(id, id, id, id, List.of(), init, Capability.EMPTY_SET);
  }

  private Errno uid(Cred writer, String text) {
    return MapWrite.writeMap(child, MapWrite.Kind.UID, writer, text, 0);
  }

  private Errno gid(Cred writer, String text) {
    return MapWrite.writeMap(child, MapWrite.Kind.GID, writer, text, 0);
  }

  @Test
  void theCreatorMayMapItsOwnUidWithOneLine() {
    assertNull(uid(user, "5 1000 1\n"));
    assertEquals("         5       1000          1\n", child.showUidMap(init));
    assertEquals(0, child.makeKuid(5) - 1000);
  }

  @Test
  void theCreatorMayNotMapMoreOrOthers() {
    assertEquals(Errno.EPERM, uid(user, "0 1000 2"));
    assertEquals(Errno.EPERM, uid(user, "0 1001 1"));
    assertEquals(Errno.EPERM, uid(user, "0 1000 1\n1 1001 1\n"), "two lines in one write");
    assertEquals(Errno.EINVAL, uid(user, "0 1000 1\n\n"), "parsing comes first");
    assertTrue(child.uidMap().isEmpty());
  }

  @Test
  void anUnprivilegedGidMapNeedsSetgroupsDenied() {
    assertEquals(Errno.EPERM, gid(user, "0 1000 1"));
    assertNull(MapWrite.openSetgroupsForWrite(child, user), "the creator holds CAP_SYS_ADMIN there");
    assertNull(MapWrite.writeSetgroups(child, "deny", 0));
    assertEquals(Errno.EPERM, gid(user, "0 1001 1"));
    assertNull(gid(user, "0 1000 1"));
    assertEquals("deny\n", child.showSetgroups());
  }

  @Test
  void rootMayMapAnythingThatDoesNotOverlap() {
    assertNull(uid(root, "0 1000 1\n1 100000 65536\n"));
    assertNull(gid(root, "0 0 4294967295"), "root needs no setgroups deny");
    assertEquals("         0       1000          1\n         1     100000      65536\n",
        child.showUidMap(init));
  }

  @Test
  void aMapIsWrittenOnce() {
    assertNull(uid(root, "0 1000 1"));
    assertEquals(Errno.EPERM, uid(root, "1 1001 1"));
    assertEquals(Errno.EINVAL, MapWrite.writeMap(child, MapWrite.Kind.GID, root, "0 0 1", 9),
        "a second chunk (offset 9)");
    assertEquals(Errno.EINVAL, gid(root, "1".repeat(4096)), "a page or more");
  }

  @Test
  void anotherUserCannotWriteAndTheInitialMapsAreFixed() {
    assertEquals(Errno.EPERM, uid(user(1001), "0 1001 1"));
    assertEquals(Errno.EPERM,
        MapWrite.writeMap(init, MapWrite.Kind.UID, root, "0 0 1", 0));
  }

  @Test
  void fromInsideAfterExecThereIsNoCapability() {
    Cred inside = user.unshareUser().afterExec();
    assertEquals(Errno.EPERM, MapWrite.writeMap(inside.userns(), MapWrite.Kind.UID, inside,
        "0 1000 1", 0));
    assertEquals(Errno.EACCES, MapWrite.openSetgroupsForWrite(inside.userns(), inside));
  }

  @Test
  void beforeExecTheUnsharerWritesItsOwnMaps() {
    Cred unshared = user.unshareUser();
    UserNs ns = unshared.userns();
    assertNull(MapWrite.writeMap(ns, MapWrite.Kind.UID, unshared, "0 1000 1", 0));
    assertNull(MapWrite.writeSetgroups(ns, "deny", 0));
    assertNull(MapWrite.writeMap(ns, MapWrite.Kind.GID, unshared, "0 1000 1", 0));
    assertEquals("         0       1000          1\n", ns.showUidMap(ns));
    assertEquals(1000, ns.makeKuid(0));
  }

  @Test
  void mappingTheParentsRootNeedsCapSetfcap() {
    Cred unshared = root.unshareUser();
    assertNull(MapWrite.writeMap(unshared.userns(), MapWrite.Kind.UID, unshared, "0 0 1", 0));
    Cred noFcap = new Cred(0, 0, 0, 0, List.of(), init,
        Capability.FULL_SET & ~Capability.SETFCAP.bit()).unshareUser();
    assertEquals(Errno.EPERM,
        MapWrite.writeMap(noFcap.userns(), MapWrite.Kind.UID, noFcap, "0 0 1", 0));
  }

  @Test
  void lowerIdsMustBeMappedInTheParent() {
    Cred unshared = user.unshareUser();
    UserNs ns = unshared.userns();
    MapWrite.writeMap(ns, MapWrite.Kind.UID, unshared, "0 1000 1", 0);
    MapWrite.writeSetgroups(ns, "deny", 0);
    MapWrite.writeMap(ns, MapWrite.Kind.GID, unshared, "0 1000 1", 0);
    Cred inside = unshared.afterExec();
    UserNs grandchild = inside.unshareUser().userns();
    assertEquals(Errno.EPERM, MapWrite.writeMap(grandchild, MapWrite.Kind.UID, inside,
        "0 5 1", 0), "uid 5 has no kernel id in the parent");
    assertNull(MapWrite.writeMap(grandchild, MapWrite.Kind.UID, inside, "7 0 1", 0));
    assertEquals(1000, grandchild.makeKuid(7));
    assertEquals("         7          0          1\n", grandchild.showUidMap(grandchild));
    assertEquals("         7       1000          1\n", grandchild.showUidMap(init));
  }

  @Test
  void setgroupsTakesAllowOrDenyOnce() {
    assertEquals(Errno.EINVAL, MapWrite.writeSetgroups(child, "denyx", 0));
    assertEquals(Errno.EINVAL, MapWrite.writeSetgroups(child, "Deny", 0));
    assertEquals(Errno.EINVAL, MapWrite.writeSetgroups(child, "allowxxx", 0), "8 bytes");
    assertNull(MapWrite.writeSetgroups(child, "allow", 0));
    assertNull(MapWrite.writeSetgroups(child, "deny  \n", 0));
    assertEquals(Errno.EPERM, MapWrite.writeSetgroups(child, "allow", 0), "denied for good");
    assertNull(MapWrite.writeSetgroups(child, "deny", 0));
    MapWrite.writeMap(child, MapWrite.Kind.GID, root, "0 0 1", 0);
    assertEquals(Errno.EPERM, MapWrite.writeSetgroups(child, "deny", 0),
        "not once a gid map exists");
    assertEquals(Errno.EPERM, MapWrite.writeSetgroups(init, "deny", 0));
    assertNull(MapWrite.writeSetgroups(init, "allow", 0));
  }
}
