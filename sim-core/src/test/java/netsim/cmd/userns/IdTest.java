package netsim.cmd.userns;

import static netsim.cmd.userns.Lines.U;

import org.junit.jupiter.api.Test;

/** {@code id}, with what coreutils 9.1 printed on this machine for the same lines. */
class IdTest {
  private final Lines l = new Lines();

  @Test
  void unmappedGroupsShowOnce() {
    l.ok("setpriv --reuid=1000 --regid=1000 --groups 4,27 unshare -U -r id",
        "uid=0(root) gid=0(root) groups=0(root),65534(nogroup)\n");
    l.ok("setpriv --reuid=1000 --regid=1000 --groups 27,4 id -G", "1000 4 27\n");
    l.ok("setpriv --reuid=1000 --regid=1000 --groups 27,4 unshare -U -r id -G", "0 65534\n");
    l.ok("setpriv --reuid=1000 --regid=1000 --groups 27,4 unshare -U -r id -Gn", "root nogroup\n");
  }

  @Test
  void namesAndNumbers() {
    l.ok(U + "unshare -U --map-user=4294967294 id -u", "4294967294\n");
    l.expect(U + "unshare -U --map-user=4294967294 id -un", 1, "4294967294\n",
        "id: cannot find name for user ID 4294967294\n");
    l.ok(U + "unshare -U --map-user=4294967294 id -nG", "nogroup\n");
    l.ok(U + "unshare -U --map-user=1234 --map-group=4321 id", "uid=1234 gid=4321 groups=4321\n");
    l.ok("id -ur", "0\n");
    l.ok("id -gn", "root\n");
    l.ok("id --user", "0\n");
  }

  @Test
  void users() {
    l.ok("id root cloudsdk", "uid=0(root) gid=0(root) groups=0(root)\n"
        + "uid=1000(cloudsdk) gid=1000(cloudsdk) groups=1000(cloudsdk)\n");
    l.ok("id 1000", "uid=1000(cloudsdk) gid=1000(cloudsdk) groups=1000(cloudsdk)\n");
    l.ok("id -G postgres", "104 103\n");
    l.fails("id nosuch", 1, "id: 'nosuch': no such user\n");
    l.fails("id 4242", 1, "id: '4242': no such user\n");
    l.fails("id ''", 1, "id: '': no such user: No such file or directory\n");
  }

  @Test
  void optionErrors() {
    l.fails("id -u -g", 1, "id: cannot print \"only\" of more than one choice\n");
    l.fails("id -n", 1, "id: cannot print only names or real IDs in default format\n");
    l.fails("id -r", 1, "id: cannot print only names or real IDs in default format\n");
    l.fails("id -x", 1, "id: invalid option -- 'x'\nTry 'id --help' for more information.\n");
    l.fails("id --nosuch", 1,
        "id: unrecognized option '--nosuch'\nTry 'id --help' for more information.\n");
    l.fails("id -Z", 1, "id: --context (-Z) works only on an SELinux-enabled kernel\n");
  }
}
