package netsim.cmd.userns;

import static netsim.cmd.userns.Lines.U;
import static org.junit.jupiter.api.Assertions.assertEquals;

import netsim.run.LineResult;
import org.junit.jupiter.api.Test;

/** {@code unshare}, with what util-linux 2.38.1 printed on kernel 6.18 for the same lines. */
class UnshareTest {
  private final Lines l = new Lines();
  private static final String ROOT_MAP = "         0       1000          1\n";

  @Test
  void mapRootUser() {
    l.ok(U + "unshare -U -r id", "uid=0(root) gid=0(root) groups=0(root)\n");
    l.ok(U + "unshare -U -r cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups",
        ROOT_MAP + ROOT_MAP + "deny\n");
    l.ok("unshare -U -r cat /proc/self/uid_map", "         0          0          1\n");
    l.ok("cat /proc/self/uid_map /proc/self/setgroups", "         0          0 4294967295\nallow\n");
  }

  @Test
  void noMapMeansOverflowIdsEmptyMapsAndSetgroupsAllowed() {
    l.ok(U + "unshare -U id", "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n");
    l.ok(U + "unshare -U cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups",
        "allow\n");
    l.ok("unshare -U id", "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n");
  }

  @Test
  void mappingOptionsLaterWins() {
    l.ok(U + "unshare -U --map-user=5 id", "uid=5(games) gid=65534(nogroup) groups=65534(nogroup)\n");
    l.ok(U + "unshare -U --map-group=7 id", "uid=65534(nobody) gid=7(lp) groups=7(lp)\n");
    l.ok(U + "unshare -U --map-user=games --map-group=disk id", "uid=5(games) gid=6(disk) groups=6(disk)\n");
    l.ok(U + "unshare -r --map-user=5 id", "uid=5(games) gid=0(root) groups=0(root)\n");
    l.ok(U + "unshare --map-user=5 -r id", "uid=0(root) gid=0(root) groups=0(root)\n");
    l.ok(U + "unshare -U --map-current-user id", "uid=1000(cloudsdk) gid=1000(cloudsdk) groups=1000(cloudsdk)\n");
    l.ok("unshare -U --map-current-user id", "uid=0(root) gid=0(root) groups=0(root)\n");
    l.ok("unshare -U --map-user=1000 --map-group=1000 cat /proc/self/uid_map /proc/self/gid_map",
        "      1000          0          1\n      1000          0          1\n");
  }

  @Test
  void idsAreReadAsStrtoulReadsThem() {
    l.ok(U + "unshare --map-user=-1 id", "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n");
    l.ok(U + "unshare --map-user=-2 id", "uid=4294967294 gid=65534(nogroup) groups=65534(nogroup)\n");
    l.ok(U + "unshare '--map-user= 5' id", "uid=5(games) gid=65534(nogroup) groups=65534(nogroup)\n");
    l.ok(U + "unshare --map-user=+5 id", "uid=5(games) gid=65534(nogroup) groups=65534(nogroup)\n");
    l.ok(U + "unshare --map-user=4294967296 id", "uid=0(root) gid=65534(nogroup) groups=65534(nogroup)\n");
    l.ok(U + "unshare --map-user=4294967294 cat /proc/self/uid_map", "4294967294       1000          1\n");
    l.fails(U + "unshare --map-user=nosuchuser id", 1, "unshare: failed to parse uid: 'nosuchuser'\n");
    l.fails(U + "unshare --map-user= id", 1, "unshare: failed to parse uid: ''\n");
    l.fails(U + "unshare --map-user=99999999999999999999999 id", 1,
        "unshare: failed to parse uid: '99999999999999999999999': Numerical result out of range\n");
    l.fails(U + "unshare --map-group=nosuch id", 1, "unshare: failed to parse gid: 'nosuch'\n");
  }

  @Test
  void setgroups() {
    l.fails(U + "unshare -U --setgroups bogus id", 1, "unshare: unsupported --setgroups argument 'bogus'\n");
    l.ok(U + "unshare -U --setgroups deny cat /proc/self/setgroups", "deny\n");
    l.ok(U + "unshare -U --map-user=0 --setgroups allow cat /proc/self/setgroups", "allow\n");
    l.fails(U + "unshare -U -r --setgroups allow id", 1,
        "unshare: options --setgroups=allow and --map-group are mutually exclusive\n");
    l.fails(U + "unshare -U --map-root-user --setgroups deny cat /proc/self/setgroups", 1,
        "unshare: write failed /proc/self/setgroups: Operation not permitted\n");
    l.fails("unshare --setgroups deny id", 1,
        "unshare: write failed /proc/self/setgroups: Operation not permitted\n");
    l.fails(U + "unshare --setgroups allow id", 1,
        "unshare: cannot open /proc/self/setgroups: Permission denied\n");
    l.ok("unshare --setgroups allow id", "uid=0(root) gid=0(root) groups=0(root)\n");
  }

  @Test
  void aNetworkNamespaceNeedsCapSysAdminWhereItIsMade() {
    l.fails(U + "unshare -n true", 1, "unshare: unshare failed: Operation not permitted\n");
    l.ok(U + "unshare -U -r unshare -n true", "");
    l.fails(U + "unshare -U unshare -U -r id", 1, "unshare: unshare failed: Operation not permitted\n");
    l.fails(U + "unshare -U --map-user=0 unshare -U -r id", 1,
        "unshare: unshare failed: Operation not permitted\n");
  }

  @Test
  void theNetworkNamespaceDiesWithTheCommand() {
    int before = l.kernel().namespaces().size();
    l.ok(U + "unshare -U -r -n true", "");
    assertEquals(before, l.kernel().namespaces().size());
  }

  @Test
  void nested() {
    l.ok(U + "unshare -U -r unshare -U -r bash -c 'cat /proc/self/uid_map; id'",
        "         0          0          1\nuid=0(root) gid=0(root) groups=0(root)\n");
    l.ok(U + "unshare -U -r unshare -U --map-user=7 --map-group=8 bash -c"
        + " 'cat /proc/self/uid_map /proc/self/gid_map; id'",
        "         7          0          1\n         8          0          1\n"
            + "uid=7(lp) gid=8(mail) groups=8(mail)\n");
    l.ok(U + "unshare -U --map-user=5 --map-group=6 unshare -U -r cat /proc/self/uid_map"
        + " /proc/self/gid_map", "         0          5          1\n         0          6          1\n");
    l.ok(U + "unshare -U --map-user=5 --map-group=6 unshare -U --map-user=9 id",
        "uid=9(news) gid=65534(nogroup) groups=65534(nogroup)\n");
  }

  @Test
  void mapsCannotBeWrittenFromInside() {
    l.expect("unshare -U bash -c 'echo \"0 0 1\" > /proc/self/uid_map'", 1, "",
        "bash: line 1: echo: write error: Operation not permitted\n");
    l.expect("unshare -U bash -c 'echo deny > /proc/self/setgroups'", 1, "",
        "bash: line 1: /proc/self/setgroups: Permission denied\n");
    l.expect("unshare -U -r bash -c 'echo deny > /proc/self/setgroups'", 1, "",
        "bash: line 1: echo: write error: Operation not permitted\n");
    l.expect("unshare -U -r sh -c 'echo deny > /proc/self/setgroups'", 1, "",
        "sh: 1: echo: echo: I/O error\n");
    l.expect("bash -c 'echo allow > /proc/self/setgroups'", 0, "", "");
    l.expect("bash -c 'echo allowxxxxxx > /proc/self/setgroups'", 1, "",
        "bash: line 1: echo: write error: Invalid argument\n");
    l.expect(U + "bash -c 'echo \"0 0 1\" > /proc/self/gid_map'", 1, "",
        "bash: line 1: echo: write error: Operation not permitted\n");
  }

  @Test
  void optionErrorsAreGetopts() {
    l.fails(U + "unshare --map-u=5 id", 1, "unshare: option '--map-u=5' is ambiguous;"
        + " possibilities: '--map-user' '--map-users'\nTry 'unshare --help' for more information.\n");
    l.fails(U + "unshare --u id", 1, "unshare: option '--u' is ambiguous; possibilities:"
        + " '--uts' '--user'\nTry 'unshare --help' for more information.\n");
    l.fails(U + "unshare --map-root-user=x id", 1, "unshare: option '--map-root-user' doesn't"
        + " allow an argument\nTry 'unshare --help' for more information.\n");
    LineResult r = l.direct("unshare", "--map-user");
    assertEquals("unshare: option '--map-user' requires an argument\n"
        + "Try 'unshare --help' for more information.\n", r.stderr());
    assertEquals(1, r.status());
  }
}
