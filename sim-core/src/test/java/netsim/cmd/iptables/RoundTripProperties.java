package netsim.cmd.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import netsim.model.Ip4;
import netsim.netfilter.CommentMatch;
import netsim.netfilter.IcmpMatch;
import netsim.netfilter.IpHeader;
import netsim.netfilter.Match;
import netsim.netfilter.NatRange;
import netsim.netfilter.PortMatch;
import netsim.netfilter.RejectWith;
import netsim.netfilter.Rule;
import netsim.netfilter.RuleText;
import netsim.netfilter.StateMatch;
import netsim.netfilter.Target;

/**
 * A rule as {@code iptables -S} prints it is a command line that makes the same rule: read back,
 * it is equal, and it prints the same. Checked over rules made of every part the model has.
 */
class RoundTripProperties {

  @Property(tries = 1000)
  void whatMinusSPrintsReadsBackAsTheSameRule(@ForAll("rules") Rule rule) throws IptError {
    String text = RuleText.save("X", rule);
    List<String> argv = words(text);
    Request r = new Parser(argv).parse();
    assertEquals(1, r.rules().size(), text);
    assertEquals(rule, r.rules().get(0), text);
    assertEquals(text, RuleText.save("X", r.rules().get(0)));
  }

  /** One machine for all tries: each starts by emptying chain X. */
  private static Ipt machine;

  @Property(tries = 500)
  void aRuleAddedWithWhatMinusSPrintedListsTheSame(@ForAll("filterRules") Rule rule) {
    if (machine == null) {
      machine = new Ipt();
      machine.out("iptables -N X");
      machine.out("iptables -N Y");
    }
    Ipt ipt = machine;
    ipt.out("iptables -F X");
    String text = RuleText.save("X", rule);
    ipt.out("iptables " + text);
    assertEquals("-N X\n" + text + "\n", ipt.out("iptables -S X"));
  }

  /** Splits -S output as a shell would: double quotes group, backslash escapes inside them. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = null;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < s.length()) {
          w.append(s.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        } else {
          w.append(c);
        }
      } else if (c == ' ') {
        if (w != null) {
          out.add(w.toString());
          w = null;
        }
      } else {
        if (w == null) {
          w = new StringBuilder();
        }
        if (c == '"') {
          quoted = true;
        } else {
          w.append(c);
        }
      }
    }
    if (w != null) {
      out.add(w.toString());
    }
    return out;
  }

  // ------------------------------------------------------------------------------ generators

  @Provide
  Arbitrary<Rule> rules() {
    return rule(true);
  }

  /** Rules the kernel takes in a filter user chain: the icmp and udp matches need -p (E4). */
  @Provide
  Arbitrary<Rule> filterRules() {
    return rule(false).filter(r -> !r.ip().invProto() || r.matches().stream()
        .noneMatch(m -> m instanceof IcmpMatch
            || (m instanceof PortMatch p && p.proto() == 17)));
  }

  private Arbitrary<Rule> rule(boolean anyTarget) {
    Arbitrary<Integer> proto = Arbitraries.oneOf(Arbitraries.of(0, 1, 6, 17, 47),
        Arbitraries.integers().between(2, 255));
    return proto.flatMap(p -> Combinators.combine(header(p), matches(p),
        anyTarget ? target(p) : filterTarget()).as(Rule::new));
  }

  private static Arbitrary<int[]> addr() {
    Arbitrary<Integer> a = Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE);
    Arbitrary<Integer> mask = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 32).map(Ip4::mask),
        Arbitraries.integers().between(Integer.MIN_VALUE, Integer.MAX_VALUE));
    return Combinators.combine(a, mask).as((x, m) -> new int[] {x & m, m});
  }

  private static Arbitrary<String> iface() {
    return Arbitraries.oneOf(Arbitraries.just(""),
        Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(14)
            .map(s -> Character.isDigit(s.charAt(0)) ? "v" + s : s),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(13)
            .map(s -> s + "+"));
  }

  private static Arbitrary<IpHeader> header(int proto) {
    Arbitrary<Boolean> b = Arbitraries.of(true, false);
    return Combinators.combine(addr(), b, addr(), b, iface(), b, iface(), b)
        .as((s, is, d, id, in, ii, out, io) -> IpHeader.ANY
            .withSrc(s[0], s[1], is).withDst(d[0], d[1], id)
            .withIn(in, ii && !in.isEmpty()).withOut(out, io && !out.isEmpty()))
        .flatMap(h -> Combinators.combine(b, b, b).as((ip, frag, ifr) -> {
          IpHeader x = h.withProto(proto, ip && proto != 0);
          return frag ? x.withFragment(ifr) : x;
        }));
  }

  private static Arbitrary<String> text() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ':', '-', '_', '.')
        .ofMinLength(1).ofMaxLength(29).filter(s -> !s.startsWith(" ") && !s.endsWith(" ")
            && !s.contains("  "));
  }

  private static Arbitrary<List<Match>> matches(int proto) {
    List<Arbitrary<? extends Match>> kinds = new ArrayList<>();
    if (proto == 6 || proto == 17) {
      kinds.add(ports(proto));
    }
    if (proto == 1) {
      kinds.add(icmp());
    }
    kinds.add(state(true));
    kinds.add(state(false));
    kinds.add(text().map(CommentMatch::new));
    Arbitrary<List<Match>> picked = Arbitraries.subsetOf(kinds.toArray(new Arbitrary[0]))
        .flatMap(set -> {
          List<Arbitrary<Match>> as = new ArrayList<>();
          for (Object o : set) {
            @SuppressWarnings("unchecked")
            Arbitrary<Match> a = (Arbitrary<Match>) o;
            as.add(a);
          }
          return Combinators.combine(as).as(l -> l);
        });
    return picked.flatMap(l -> Arbitraries.shuffle(l));
  }

  private static Arbitrary<int[]> portRange() {
    Arbitrary<Integer> p = Arbitraries.integers().between(0, 65535);
    return Combinators.combine(p, p, Arbitraries.of(true, false))
        .as((a, c, single) -> single ? new int[] {a, a}
            : new int[] {Math.min(a, c), Math.max(a, c)});
  }

  private static Arbitrary<Match> ports(int proto) {
    Arbitrary<Boolean> b = Arbitraries.of(true, false);
    Arbitrary<Integer> flags = Arbitraries.integers().between(0, 0x3F);
    return Combinators.combine(portRange(), b, portRange(), b, flags, flags, b)
        .as((s, is, d, id, mask, comp, iflag) -> {
          PortMatch m = PortMatch.any(proto).withSport(s[0], s[1], is).withDport(d[0], d[1], id);
          return proto == 6 ? m.withFlags(mask, comp & mask, iflag) : m;
        });
  }

  private static Arbitrary<Match> icmp() {
    return Combinators.combine(Arbitraries.integers().between(0, 254),
        Arbitraries.integers().between(0, 255), Arbitraries.of(true, false),
        Arbitraries.of(true, false))
        .as((t, c, any, inv) -> any ? new IcmpMatch(t, 0, 255, inv) : new IcmpMatch(t, c, c, inv));
  }

  private static Arbitrary<Match> state(boolean conntrack) {
    int all = conntrack ? 0x7F : 0x1F;
    return Combinators.combine(Arbitraries.integers().between(1, all),
        Arbitraries.of(true, false)).as((m, inv) -> new StateMatch(conntrack, m, inv));
  }

  private static Arbitrary<Target> filterTarget() {
    return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(new Target.Accept(),
        new Target.Drop(), new Target.Return(), new Target.Jump("Y", false),
        new Target.Jump("Y", true)),
        Arbitraries.of(RejectWith.values()).filter(w -> w != RejectWith.TCP_RESET)
            .map(Target.Reject::new),
        Combinators.combine(Arbitraries.integers().between(0, 7),
            Arbitraries.oneOf(Arbitraries.just(""), text())).as(Target.Log::new));
  }

  private static Arbitrary<Target> target(int proto) {
    boolean ports = proto == 6 || proto == 17;
    Arbitrary<Boolean> b = Arbitraries.of(true, false);
    Arbitrary<int[]> pr = ports ? Arbitraries.oneOf(Arbitraries.just(new int[] {0, 0}),
        portRange().filter(r -> r[0] > 0)) : Arbitraries.just(new int[] {0, 0});
    Arbitrary<int[]> ar = Combinators.combine(addr(), Arbitraries.of(true, false)).as((a, one) -> {
      long x = a[0] & 0xFFFFFFFFL;
      long y = one ? x : Math.min(0xFFFFFFFFL, x + (a[1] & 0xFF));
      return new int[] {(int) x, (int) y};
    }).filter(a -> a[0] != 0);
    Arbitrary<Target> snat = Combinators.combine(ar, pr, b, b)
        .as((a, p, r, per) -> new Target.Snat(new NatRange(a[0], a[1], p[0], p[1], r, per)));
    Arbitrary<Target> dnat = Combinators.combine(ar, pr, b, b)
        .as((a, p, r, per) -> new Target.Dnat(new NatRange(a[0], a[1], p[0], p[1], r, per)));
    Arbitrary<Target> masq = Combinators.combine(pr, b)
        .as((p, r) -> new Target.Masquerade(new NatRange(0, 0, p[0], p[1], r, false)));
    Arbitrary<Target> redir = Combinators.combine(pr, b)
        .as((p, r) -> new Target.Redirect(new NatRange(0, 0, p[0], p[1], r, false)));
    return Arbitraries.oneOf(filterTarget(), snat, dnat, masq, redir);
  }
}
