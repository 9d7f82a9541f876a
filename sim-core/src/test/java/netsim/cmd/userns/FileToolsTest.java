package netsim.cmd.userns;

import static netsim.cmd.userns.Lines.U;
import static org.junit.jupiter.api.Assertions.assertEquals;

import netsim.cmd.ProcFs;
import netsim.model.Errno;
import org.junit.jupiter.api.Test;

/** {@code touch}, {@code stat} and {@code cat}, with what coreutils 9.1 printed on kernel 6.18. */
class FileToolsTest {
  private final Lines l = new Lines();

  @Test
  void ownersShowThroughTheReadersNamespace() {
    l.ok(U + "unshare -U -r touch f1", "");
    l.ok("stat -c '%u %g %U %G %n' f1", "1000 1000 cloudsdk cloudsdk f1\n");
    l.ok(U + "unshare -U -r stat -c '%u %g %U %G' f1 /", "0 0 root root\n65534 65534 nobody nogroup\n");
    l.ok(U + "unshare -U --map-user=5 --map-group=6 stat -c '%u:%g %U:%G %n' f1", "5:6 games:disk f1\n");
    l.ok(U + "unshare -U touch f4", "");
    l.ok("stat -c '%u %g %U %G %a %A %F %s %h %%' f4 .",
        "1000 1000 cloudsdk cloudsdk 644 -rw-r--r-- regular empty file 0 1 %\n"
            + "0 0 root root 1777 drwxrwxrwt directory 80 2 %\n");
  }

  @Test
  void touchingOthersFiles() {
    l.ok("touch rootf", "");
    l.fails(U + "touch rootf", 1, "touch: cannot touch 'rootf': Permission denied\n");
    l.fails(U + "unshare -U -r touch rootf", 1, "touch: cannot touch 'rootf': Permission denied\n");
    l.ok(U + "touch f1", "");
    l.fails("unshare -U -r touch f1", 1, "touch: cannot touch 'f1': Permission denied\n");
    l.fails("unshare -U touch f1", 1, "touch: cannot touch 'f1': Permission denied\n");
    l.ok(U + "unshare -U -r touch f1", "");
    l.ok("touch f1", "");
  }

  @Test
  void statFormats() {
    l.ok("touch f 'a b'", "");
    l.ok("stat -c '[%N] [%n] [%5u|%-5u|%05u] [%10.3U|%-8G|] [%a %04a %f]' f 'a b'",
        "['f'] [f] [    0|0    |00000] [       roo|root    |] [644 0644 81a4]\n"
            + "['a b'] [a b] [    0|0    |00000] [       roo|root    |] [644 0644 81a4]\n");
    l.ok("stat -c '%Q' f", "?\n");
    l.ok("stat -c '' f", "\n");
    l.expect("stat -c %U nosuch f", 1, "root\n",
        "stat: cannot statx 'nosuch': No such file or directory\n");
    l.expect("stat --printf '%U\\n%G\\t' f f", 0, "root\nroot\troot\nroot\t", "");
    l.expect("stat --printf 'a\\qb\\x41\\101\\' f", 0, "aqbAA\\",
        "stat: warning: unrecognized escape '\\q'\nstat: warning: backslash at end of format\n");
    l.ok("stat -c '%' f", "%\n");
    l.ok("stat -c 'abc%' f", "abc%\n");
    l.fails("stat -c '%10%' f", 1, "stat: '%10%': invalid directive\n");
    l.fails("stat -c", 1,
        "stat: option requires an argument -- 'c'\nTry 'stat --help' for more information.\n");
    l.fails("stat", 1, "stat: missing operand\nTry 'stat --help' for more information.\n");
  }

  @Test
  void touchAndCatErrors() {
    l.fails("touch", 1, "touch: missing file operand\nTry 'touch --help' for more information.\n");
    l.fails("touch -x a", 1, "touch: invalid option -- 'x'\nTry 'touch --help' for more information.\n");
    l.ok("touch f1", "");
    l.fails("cat f1 nosuch", 1, "cat: nosuch: No such file or directory\n");
    l.ok("cat", "");
    l.fails("cat /proc/sys/net/ipv4", 1, "cat: /proc/sys/net/ipv4: Is a directory\n");
    l.ok("cat /proc/sys/net/ipv4/ip_forward /proc/self/setgroups", "0\nallow\n");
  }

  @Test
  void statusShowsTheCredentials() {
    l.ok("setpriv --reuid=1000 --regid=1000 --groups 27,4 unshare -U -r cat /proc/self/status",
        "Name:\tcat\nUmask:\t0022\nState:\tR (running)\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n"
            + "Groups:\t65534 65534 \nCapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\n"
            + "CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n"
            + "NoNewPrivs:\t0\n");
  }

  @Test
  void statusIsNotWritable() {
    var root = new netsim.sim.Simulator().newSession().rootProc();
    ProcFs.Opened o = ProcFs.open(root, "/proc/self/status", true);
    assertEquals(Errno.EINVAL, o.file().write("1\n"), "root opens it, the write is refused");
    var user = root.withCred(new netsim.model.Cred(1000, 1000, 1000, 1000, java.util.List.of(),
        root.cred().userns(), 0));
    assertEquals(Errno.EACCES, ProcFs.open(user, "/proc/self/status", true).error());
  }
}
