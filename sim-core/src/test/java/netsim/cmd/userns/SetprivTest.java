package netsim.cmd.userns;

import static netsim.cmd.userns.Lines.U;

import org.junit.jupiter.api.Test;

/** {@code setpriv}, with what util-linux 2.38.1 printed on kernel 6.18 for the same lines. */
class SetprivTest {
  private final Lines l = new Lines();

  @Test
  void becomesTheUser() {
    l.ok(U + "id", "uid=1000(cloudsdk) gid=1000(cloudsdk) groups=1000(cloudsdk)\n");
    l.ok("setpriv --reuid=1000 --regid=1000 --groups 27,4 id",
        "uid=1000(cloudsdk) gid=1000(cloudsdk) groups=1000(cloudsdk),4(adm),27(sudo)\n");
    l.ok("setpriv --reuid=1000 --regid=1000 --init-groups id",
        "uid=1000(cloudsdk) gid=1000(cloudsdk) groups=1000(cloudsdk)\n");
    l.ok("setpriv --reuid=postgres --regid=104 --init-groups id",
        "uid=101(postgres) gid=104(postgres) groups=104(postgres),103(ssl-cert)\n");
    l.ok("setpriv --reuid=1234 --regid=1234 --clear-groups id", "uid=1234 gid=1234 groups=1234\n");
    l.ok("setpriv --reuid=1234 id", "uid=1234 gid=0(root) groups=0(root)\n");
    l.ok("setpriv id", "uid=0(root) gid=0(root) groups=0(root)\n");
  }

  @Test
  void optionErrors() {
    l.fails("setpriv --reuid=1234 --regid=1000 --init-groups id", 1, "setpriv: uid 1234 not found,"
        + " --init-groups requires an user that can be found on the system\n");
    l.fails("setpriv --regid=1234 id", 1, "setpriv: --[re]gid requires --keep-groups,"
        + " --clear-groups, --init-groups, or --groups\n");
    l.fails("setpriv --reuid=nosuch id", 1, "setpriv: failed to parse reuid: 'nosuch'\n");
    l.fails("setpriv --clear-groups --init-groups id", 1, "setpriv: mutually exclusive arguments:"
        + " --clear-groups --keep-groups --init-groups --groups\n");
    l.fails("setpriv --reuid=1000 --reuid=1000 id", 1, "setpriv: duplicate ruid or euid\n");
    l.fails("setpriv --clear-groups --clear-groups id", 1,
        "setpriv: duplicate --clear-groups option\n");
  }

  @Test
  void withoutCapabilitiesTheCallsFail() {
    l.fails(U + "setpriv --reuid=0 id", 127, "setpriv: setresuid failed: Operation not permitted\n");
    l.fails(U + "setpriv --reuid=1000 --regid=1000 --clear-groups id", 127,
        "setpriv: setgroups failed: Operation not permitted\n");
    l.ok(U + "setpriv --reuid=1000 id", "uid=1000(cloudsdk) gid=1000(cloudsdk) groups=1000(cloudsdk)\n");
  }

  @Test
  void insideAUserNamespace() {
    l.fails(U + "unshare -U -r setpriv --reuid=0 --regid=0 --clear-groups id", 127,
        "setpriv: setgroups failed: Operation not permitted\n");
    l.fails(U + "unshare -U -r setpriv --reuid=0 --regid=0 --init-groups id", 127,
        "setpriv: initgroups failed: Operation not permitted\n");
    l.fails(U + "unshare -U -r setpriv --reuid=5 id", 127,
        "setpriv: setresuid failed: Invalid argument\n");
    l.ok(U + "unshare -U -r setpriv --reuid=0 id", "uid=0(root) gid=0(root) groups=0(root)\n");
    l.fails(U + "unshare -U -r setpriv --regid=0 --groups 0 id", 127,
        "setpriv: setgroups failed: Operation not permitted\n");
    l.fails("unshare -U --map-user=0 --setgroups allow setpriv --regid=0 --clear-groups id", 127,
        "setpriv: setresgid failed: Invalid argument\n");
  }
}
