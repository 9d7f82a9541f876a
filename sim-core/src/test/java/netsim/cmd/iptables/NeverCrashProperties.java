package netsim.cmd.iptables;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import netsim.cmd.Io;
import netsim.sim.Simulator;

/**
 * Whatever words iptables gets, it answers with one of its own statuses (0 to 4) and never with
 * an exception: command lines made of its options, extension options and odd values.
 */
class NeverCrashProperties {
  private static final List<String> WORDS = List.of("-A", "-I", "-D", "-R", "-C", "-L", "-S",
      "-F", "-Z", "-N", "-X", "-E", "-P", "-t", "nat", "filter", "raw", "mangle", "bogus",
      "INPUT", "FORWARD", "OUTPUT", "PREROUTING", "POSTROUTING", "MY", "X", "1", "2", "0", "99",
      "-s", "-d", "10.0.0.1/24", "1.2.3.4", "0/0", "300.1.1.1", "1.2.3.4/255.0.255.0", "a,b",
      "-i", "-o", "lo", "veth+", "-p", "tcp", "udp", "icmp", "all", "47", "!", "-j", "-g",
      "ACCEPT", "DROP", "RETURN", "REJECT", "LOG", "MASQUERADE", "SNAT", "DNAT", "REDIRECT",
      "MARK", "-m", "state", "conntrack", "comment", "tcp", "limit", "nosuch", "--state",
      "--ctstate", "NEW,ESTABLISHED", "FOO", "--dport", "--sport", "22", "80:", ":90", "99999",
      "--icmp-type", "echo", "8/0", "any", "--syn", "--tcp-flags", "SYN,ACK", "SYN",
      "--reject-with", "tcp-reset", "icmp-host-prohibited", "--log-prefix", "--log-level",
      "info", "--to-source", "--to-destination", "--to-ports", "1.2.3.4-1.2.3.9:1000-2000",
      "1000-2000", "--random", "--persistent", "--comment", "-n", "-v", "-x", "--line-numbers",
      "-c", "5", "-f", "-w", "-V", "--", "--foo", "-nvL", "--list", "--lis", "");

  private static final List<List<String>> STARTS = List.of(List.of(), List.of("-A", "INPUT"),
      List.of("-t", "nat", "-A", "POSTROUTING"), List.of("-t", "nat", "-I", "PREROUTING"),
      List.of("-I", "FORWARD", "1"), List.of("-D", "INPUT"), List.of("-R", "INPUT", "1"),
      List.of("-C", "OUTPUT"), List.of("-A", "MY"), List.of("-L"), List.of("-S"));

  @Provide
  Arbitrary<List<String>> lines() {
    return Arbitraries.of(STARTS).flatMap(start -> Arbitraries.of(WORDS).list().ofMinSize(0)
        .ofMaxSize(10).map(rest -> {
          List<String> l = new java.util.ArrayList<>(start);
          l.addAll(rest);
          return l;
        }));
  }

  private static Simulator.Session session;

  @Property(tries = 3000)
  void iptablesAlwaysAnswersWithItsOwnStatus(@ForAll("lines") List<String> args) {
    if (session == null) {
      session = new Simulator().newSession();
      session.shell().exec(session.rootProc(), List.of("iptables", "-N", "MY"), new Io());
      session.shell().exec(session.rootProc(), List.of("iptables", "-A", "INPUT", "-j", "MY"),
          new Io());
    }
    for (String tool : List.of("iptables", "iptables-save")) {
      Io io = new Io();
      List<String> argv = new java.util.ArrayList<>(List.of(tool));
      argv.addAll(args);
      int st = session.shell().exec(session.rootProc(), argv, io);
      assertTrue(st >= 0 && st <= 4, argv + " -> " + st + " " + io.stderr());
    }
  }
}
