package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Creating and touching files in the working folder, as found on kernel 6.18 in a 1777 tmpfs
 * folder owned by root ({@code touch} as root, as uid 1000, and inside {@code unshare -U -r}).
 */
class FilesTest {
  private final UserNs init = UserNs.initial();
  private final Cred root = Cred.root(init);
  private final Cred user = new Cred(1000, 1000, 1000, 1000, List.of(), init, 0);
  private final Files files = new Files();

  private static Cred mapRoot(Cred c) {
    Cred u = c.unshareUser();
    MapWrite.writeMap(u.userns(), MapWrite.Kind.UID, u, "0 " + c.nsEuid() + " 1", 0);
    MapWrite.writeSetgroups(u.userns(), "deny", 0);
    MapWrite.writeMap(u.userns(), MapWrite.Kind.GID, u, "0 " + c.nsEgid() + " 1", 0);
    return u.afterExec();
  }

  @Test
  void aFileBelongsToTheCreatorsKernelIdsWhateverItsNamespace() {
    assertNull(files.touch("f1", mapRoot(user), false));
    assertEquals(new Inode(1000, 1000, 0644, false), files.lookup("f1"));
    assertNull(files.touch("f4", user.unshareUser().afterExec(), false), "even with no map");
    assertEquals(1000, files.lookup("f4").uid());
    assertEquals(80, files.workSize(), "tmpfs: 20 per entry, two to start");
  }

  @Test
  void touchingAnotherUsersFileNeedsOwnershipOrCapabilityOverIt() {
    files.touch("rootf", root, false);
    assertEquals(Errno.EACCES, files.touch("rootf", user, false));
    assertEquals(Errno.EACCES, files.touch("rootf", mapRoot(user), false),
        "root inside, but uid 0 of the host is not mapped");
    files.touch("f1", user, false);
    assertNull(files.touch("f1", root, false), "CAP_FOWNER in the initial namespace");
    assertNull(files.touch("f1", mapRoot(user), false), "the owner");
    assertEquals(Errno.EACCES, files.touch("f1", mapRoot(root), false),
        "real root inside -r maps only uid 0, not the owner");
    assertEquals(Errno.EACCES, files.touch("f1", root.unshareUser().afterExec(), false));
  }

  @Test
  void noCreateCreatesNothing() {
    assertNull(files.touch("x", user, true));
    assertNull(files.lookup("x"));
  }

  @Test
  void theFolderAndTheRootAreRoots() {
    assertEquals("drwxrwxrwt", files.lookup(".").modeText());
    assertEquals("drwxr-xr-x", files.lookup("/").modeText());
    assertEquals("-rw-r--r--", new Inode(0, 0, 0644, false).modeText());
  }
}
