package netsim.cmd.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netsim.model.Capability;
import netsim.model.Cred;
import netsim.run.LineResult;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * iptables' own error texts and exit statuses, as iptables 1.8.9 printed them on the kernel
 * (E4 and our own sandbox runs); after each, the rule set is what it was.
 */
class ErrorsTest {
  private static final String P = "iptables v1.8.9 (nf_tables): ";
  private static final String TRY =
      "Try `iptables -h' or 'iptables --help' for more information.\n";

  /** A parameter problem: prefixed message, the hint, status 2. */
  private static Map.Entry<String, String> param(String cmd, String msg) {
    return Map.entry(cmd, "2|" + P + msg + "\n" + TRY);
  }

  private static Map.Entry<String, String> refused(String cmd, String msg) {
    return Map.entry(cmd, "1|iptables: " + msg + ".\n");
  }

  private static Map.Entry<String, String> kernel(String cmd, String msg) {
    return Map.entry(cmd, "4|" + P + " " + msg + "\n");
  }

  private static final List<Map.Entry<String, String>> CASES = List.of(
      param("iptables -A INPUT -j NOSUCH", "Chain 'NOSUCH' does not exist"),
      refused("iptables -A NOSUCH -j ACCEPT", "No chain/target/match by that name"),
      refused("iptables -A input -j ACCEPT", "No chain/target/match by that name"),
      refused("iptables -t nat -A FORWARD -j ACCEPT", "No chain/target/match by that name"),
      refused("iptables -D INPUT -j DROP",
          "Bad rule (does a matching rule exist in that chain?)"),
      refused("iptables -C INPUT -j DROP",
          "Bad rule (does a matching rule exist in that chain?)"),
      Map.entry("iptables -L NOSUCH", "1|" + P
          + "chain `NOSUCH' in table `filter' is incompatible, use 'nft' tool.\n"),
      kernel("iptables -X BUSY", "CHAIN_DEL failed (Device or resource busy): chain BUSY"),
      param("iptables -t nat -A PREROUTING -j DROP", "\nThe \"nat\" table is not intended for "
          + "filtering, the use of DROP is therefore inhibited.\n\n"),
      refused("iptables -D INPUT 5", "Index of deletion too big"),
      refused("iptables -I INPUT 3 -j ACCEPT", "Index of insertion too big"),
      refused("iptables -R INPUT 2 -j ACCEPT", "Index of replacement too big"),
      refused("iptables -N INPUT", "Chain already exists"),
      refused("iptables -P BUSY ACCEPT", "Bad built-in chain name"),
      refused("iptables -P INPUT REJECT", "Bad policy name. Run `dmesg' for more information"),
      refused("iptables -F NOSUCH", "No chain/target/match by that name"),
      refused("iptables -E NOSUCH FOO", "No chain/target/match by that name"),
      refused("iptables -E BUSY OUTPUT", "File exists"),
      param("iptables -A INPUT --dport 22 -j ACCEPT", "unknown option \"--dport\""),
      param("iptables -A INPUT -p tcp --dport 99999 -j ACCEPT",
          "invalid port/service `99999' specified"),
      param("iptables -A INPUT -s 300.1.1.1 -j ACCEPT", "host/network `300.1.1.1' not found"),
      param("iptables -A INPUT -s 1.2.3.4/33 -j ACCEPT", "invalid mask `33' specified"),
      param("iptables -A INPUT -p icmp --icmp-type bogus -j ACCEPT",
          "Unknown ICMP type `bogus'"),
      param("iptables -A INPUT -p icmp --icmp-type echo -j ACCEPT",
          "Ambiguous ICMP type `echo': `echo-reply' or `echo-request'?"),
      param("iptables -A INPUT -m conntrack --ctstate FOO -j ACCEPT", "Bad ctstate \"FOO\""),
      param("iptables -A INPUT -m state --state NEW,FOO -j ACCEPT", "Bad state \"FOO\""),
      param("iptables -A INPUT -j ACCEPT -j DROP", "multiple -j flags not allowed"),
      param("iptables -D INPUT 0", "Invalid rule number `0'"),
      param("iptables", "no command specified"),
      param("iptables -t nat -A PREROUTING -j DNAT",
          "DNAT: option \"--to-destination\" must be specified\n"),
      param("iptables -A INPUT -m nosuchmatch -j ACCEPT",
          "Couldn't load match `nosuchmatch':No such file or directory\n"),
      kernel("iptables -A INPUT -j MASQUERADE",
          "RULE_APPEND failed (Invalid argument): rule in chain INPUT"),
      kernel("iptables -I INPUT -j MASQUERADE",
          "RULE_INSERT failed (Invalid argument): rule in chain INPUT"),
      kernel("iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4",
          "RULE_APPEND failed (Invalid argument): rule in chain POSTROUTING"),
      kernel("iptables -A INPUT -p icmp -j REJECT --reject-with tcp-reset",
          "RULE_APPEND failed (Invalid argument): rule in chain INPUT"),
      kernel("iptables -A INPUT -m icmp --icmp-type 8 -j ACCEPT",
          "RULE_APPEND failed (Invalid argument): rule in chain INPUT"),
      Map.entry("iptables -t bogus -S", "3|" + P
          + "table 'bogus' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n"),
      Map.entry("iptables -A INPUT -s ! 1.2.3.4 -j ACCEPT", "2|Bad argument `1.2.3.4'\n" + TRY),
      Map.entry("iptables -L INPUT 1 2", "2|Bad argument `2'\n" + TRY),
      param("iptables -A INPUT ! -j ACCEPT", "cannot have ! before -j"),
      param("iptables -A INPUT ! ! -s 1.2.3.4 -j ACCEPT", "multiple consecutive ! not allowed"),
      param("iptables -A INPUT -s 1.2.3.4 -s 1.2.3.5 -j ACCEPT", "multiple -s flags not allowed"),
      param("iptables -A INPUT -i abcdefghijklmnopq -j ACCEPT",
          "interface name `abcdefghijklmnopq' must be shorter than IFNAMSIZ (15)"),
      param("iptables -A INPUT -p foo -j ACCEPT", "unknown protocol \"foo\" specified"),
      param("iptables -A INPUT -p tcp --dport 80:70 -j ACCEPT",
          "invalid portrange (min > max)"),
      param("iptables -A INPUT -p tcp --dport 80 --dport 81 -j ACCEPT",
          "Only one `--destination-port' allowed"),
      param("iptables -A INPUT -m tcp --dport 80 -j ACCEPT", "TCP match requires '-p tcp'"),
      param("iptables -A INPUT -m state -j ACCEPT",
          "state: option \"--state\" must be specified\n"),
      param("iptables -A INPUT -m conntrack -j ACCEPT",
          "conntrack: At least one option is required"),
      param("iptables -A INPUT -j REJECT --reject-with bogus", "unknown reject type \"bogus\""),
      param("iptables -A INPUT -j LOG --log-level warn", "log level \"warn\" unknown\n"),
      param("iptables -t nat -A POSTROUTING -j SNAT --to-source bogus",
          "Bad IP address \"bogus\""),
      param("iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 1000",
          "Need TCP, UDP, SCTP or DCCP with port specification"),
      param("iptables -t nat -A POSTROUTING -i lo -j MASQUERADE",
          "Can't use -i with POSTROUTING\n"),
      param("iptables -A INPUT -o lo -j ACCEPT", "Can't use -o with INPUT\n"),
      param("iptables -L -F", "Cannot use -F with -L"),
      param("iptables -A INPUT -A OUTPUT", "Cannot use -A with -A"),
      param("iptables -A INPUT -n -j ACCEPT", "Illegal option `-n' with this command"),
      param("iptables -A INPUT --line-numbers -j ACCEPT",
          "Illegal option `-0' with this command"),
      param("iptables -D INPUT 2 -j ACCEPT", "Illegal option `-j' with this command"),
      param("iptables -L -s 1.2.3.4", "Illegal option `-s' with this command"),
      param("iptables --foo", "unknown option \"--foo\""),
      param("iptables --lis", "unknown option \"--lis\""),
      param("iptables -A", "option \"-A\" requires an argument"),
      param("iptables -R INPUT", "-R requires a rule number"),
      param("iptables -E A", "-E requires old-chain-name and new-chain-name"),
      param("iptables -P INPUT", "-P requires a chain and a policy"),
      param("iptables -N ABCDEFGHIJKLMNOPQRSTUVWXYZABC",
          "chain name `ABCDEFGHIJKLMNOPQRSTUVWXYZABC' too long (must be under 29 chars)"),
      param("iptables -N -foo", "chain name not allowed to start with `-'"),
      param("iptables -N 'a b'", "Invalid chain name `a b'"),
      param("iptables -N ACCEPT", "chain name may not clash with target name"),
      param("iptables -A INPUT ! -p all -j ACCEPT", "rule would never match protocol"),
      param("iptables -A INPUT -i '' -j ACCEPT", "Empty interface is likely to be undesired"),
      param("iptables -A INPUT -j ACCEPT !", "nothing appropriate following !"),
      param("iptables -A INPUT ! -t nat -j ACCEPT", "unexpected ! flag before --table"),
      param("iptables -A INPUT -c 1 -j ACCEPT", "-c requires packet and byte counter"),
      param("iptables -A INPUT -- -j ACCEPT", "unknown arguments found on commandline"),
      param("iptables -A INPUT -p tcp --syn --tcp-flags SYN SYN -j ACCEPT",
          "Only one of `--syn' or `--tcp-flags'  allowed"),
      param("iptables -A INPUT -p tcp --tcp-flags FOO SYN -j ACCEPT", "Unknown TCP flag `FOO'"),
      param("iptables -A INPUT -s 1.2.3.4,5.6.7.8 ! -d 1.1.1.1 -j ACCEPT",
          "! not allowed with multiple source or destination IP addresses"));

  @TestFactory
  Stream<DynamicTest> eachErrorIsIptablesOwnAndChangesNothing() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
      Ipt ipt = new Ipt();
      ipt.out("iptables -N BUSY");
      ipt.out("iptables -A BUSY -j ACCEPT");
      ipt.out("iptables -A INPUT -j ACCEPT");
      ipt.out("iptables -t nat -N NATX");
      String before = ipt.save();
      LineResult r = ipt.run(c.getKey());
      String[] want = c.getValue().split("\\|", 2);
      assertEquals(want[1], r.stderr());
      assertEquals(Integer.parseInt(want[0]), r.status());
      assertEquals("", r.stdout());
      assertEquals(before, ipt.save());
    }));
  }

  @Test
  void withoutCapNetAdminIptablesCannotReadTheRuleSet() {
    Ipt ipt = new Ipt();
    var s = ipt.session;
    var user = s.rootProc().withCred(new Cred(1000, 1000, 1000, 1000, List.of(1000L),
        s.kernel().initUserNs(), Capability.EMPTY_SET));
    var line = ScriptParser.parseInline("t", "iptables -L").get(0);
    netsim.cmd.Io io = new netsim.cmd.Io();
    assertEquals(4, s.shell().exec(user, line.argv(), io));
    assertEquals("iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: "
        + "Permission denied (you must be root)\n", io.stderr());
    io = new netsim.cmd.Io();
    assertEquals(4, s.shell().exec(user, List.of("iptables-save"), io));
    assertEquals("iptables-save v1.8.9 (nf_tables): Could not fetch rule set generation id: "
        + "Permission denied (you must be root)\n", io.stderr());
    io = new netsim.cmd.Io();
    assertEquals(2, s.shell().exec(user, List.of("iptables", "--foo"), io),
        "the words are read before the rule set is asked for");
    io = new netsim.cmd.Io();
    assertEquals(0, s.shell().exec(user, List.of("iptables", "-V"), io));
    assertEquals("iptables v1.8.9 (nf_tables)\n", io.stdout());
  }

  @Test
  void iptablesSaveHasGetoptsMessages() {
    Ipt ipt = new Ipt();
    LineResult r = ipt.run("iptables-save --foo");
    assertEquals(1, r.status());
    assertEquals("iptables-save: unrecognized option '--foo'\n"
        + "Look at manual page `iptables-save.8' for more information.\n", r.stderr());
    r = ipt.run("iptables-save -x");
    assertEquals("iptables-save: invalid option -- 'x'\n"
        + "Look at manual page `iptables-save.8' for more information.\n", r.stderr());
    r = ipt.run("iptables-save -t bogus");
    assertEquals("Table `bogus' does not exist\n", r.stderr());
    r = ipt.run("iptables-save extra");
    assertEquals("Unknown arguments found on commandline\n", r.stderr());
  }
}
