package netsim.cmd.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netsim.model.Ip4;
import netsim.netfilter.IpHeader;
import netsim.netfilter.Match;
import netsim.netfilter.Protocols;
import netsim.netfilter.Rule;
import netsim.netfilter.Target;

/**
 * Reads an iptables command line the way iptables 1.8.9 does ({@code do_parse} in xshared.c):
 * getopt_long over the words, commands and options checked as they come ({@code add_command},
 * {@code set_option}), {@code !} applying to the next option, extensions loaded by {@code -m},
 * {@code -j}, or implicitly by {@code -p} when an option nobody knows turns up; then the checks
 * iptables makes once every word is read. Text in, {@link Request} out, or the {@link IptError}
 * iptables would print. It does not look at the model.
 */
final class Parser {
  /** iptables' short options ({@code IPT_OPTSTRING}). */
  private static final String OPTSTRING = "-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:"
      + "R:S::W::46bfg:h::m:nvw::x";

  private static final List<Getopt.LongOpt> LONG = List.of(
      lo("append", Getopt.Arg.REQUIRED, 'A'), lo("delete", Getopt.Arg.REQUIRED, 'D'),
      lo("check", Getopt.Arg.REQUIRED, 'C'), lo("insert", Getopt.Arg.REQUIRED, 'I'),
      lo("replace", Getopt.Arg.REQUIRED, 'R'), lo("list", Getopt.Arg.OPTIONAL, 'L'),
      lo("list-rules", Getopt.Arg.OPTIONAL, 'S'), lo("flush", Getopt.Arg.OPTIONAL, 'F'),
      lo("zero", Getopt.Arg.OPTIONAL, 'Z'), lo("new-chain", Getopt.Arg.REQUIRED, 'N'),
      lo("delete-chain", Getopt.Arg.OPTIONAL, 'X'), lo("rename-chain", Getopt.Arg.REQUIRED, 'E'),
      lo("policy", Getopt.Arg.REQUIRED, 'P'), lo("source", Getopt.Arg.REQUIRED, 's'),
      lo("destination", Getopt.Arg.REQUIRED, 'd'), lo("src", Getopt.Arg.REQUIRED, 's'),
      lo("dst", Getopt.Arg.REQUIRED, 'd'), lo("protocol", Getopt.Arg.REQUIRED, 'p'),
      lo("in-interface", Getopt.Arg.REQUIRED, 'i'), lo("jump", Getopt.Arg.REQUIRED, 'j'),
      lo("table", Getopt.Arg.REQUIRED, 't'), lo("match", Getopt.Arg.REQUIRED, 'm'),
      lo("numeric", Getopt.Arg.NONE, 'n'), lo("out-interface", Getopt.Arg.REQUIRED, 'o'),
      lo("verbose", Getopt.Arg.NONE, 'v'), lo("wait", Getopt.Arg.OPTIONAL, 'w'),
      lo("wait-interval", Getopt.Arg.OPTIONAL, 'W'), lo("exact", Getopt.Arg.NONE, 'x'),
      lo("fragments", Getopt.Arg.NONE, 'f'), lo("version", Getopt.Arg.NONE, 'V'),
      lo("help", Getopt.Arg.OPTIONAL, 'h'), lo("line-numbers", Getopt.Arg.NONE, '0'),
      lo("modprobe", Getopt.Arg.REQUIRED, 'M'), lo("set-counters", Getopt.Arg.REQUIRED, 'c'),
      lo("goto", Getopt.Arg.REQUIRED, 'g'), lo("ipv4", Getopt.Arg.NONE, '4'),
      lo("ipv6", Getopt.Arg.NONE, '6'));

  /**
   * Which options each command allows ({@code commands_v_options}): a row per command bit, a
   * column per option bit ({@code nsdpjvxio0cf}); 'x' is illegal.
   */
  private static final String[] LEGAL = {
      "x     x  x  ", // INSERT
      "x     x  xx ", // DELETE
      "xxxxx xxxxxx", // DELETE_NUM
      "x     x  x  ", // REPLACE
      "x     x  x  ", // APPEND
      " xxxx  xx xx", // LIST
      "xxxxx xxxxxx", // FLUSH
      "xxxxx xxxxxx", // ZERO
      "xxxxx xxxxxx", // NEW_CHAIN
      "xxxxx xxxxxx", // DELETE_CHAIN
      "xxxxx xxxx x", // SET_POLICY
      "xxxxx xxxxxx", // RENAME_CHAIN
      "xxxxx xxxxxx", // LIST_RULES
      "xxxxx xxxxxx", // ZERO_NUM
      "x     x  xx ", // CHECK
  };

  /** {@code XT_EXTENSION_MAXNAMELEN}: names must be shorter. */
  static final int MAXNAMELEN = 29;

  private static Getopt.LongOpt lo(String n, Getopt.Arg a, char v) {
    return new Getopt.LongOpt(n, a, v);
  }

  final String prog = "iptables";
  private final List<String> argv;
  private final Getopt g;
  private int cmd;
  private int options;
  private boolean invert;
  private String table = "filter";
  private String chain;
  private String word2;
  private int rulenum;
  private int verbose;
  private int proto = -1;
  private boolean invProto;
  private String shost;
  private String dhost;
  private boolean invSrc;
  private boolean invDst;
  private String in;
  private String out;
  private boolean invIn;
  private boolean invOut;
  private boolean invFrag;
  private final List<Extensions.MatchExt> matches = new ArrayList<>();
  private Extensions.TargetExt target;
  private String jumpto;
  private boolean goTo;
  private boolean protoUsed;
  private long[] counters;
  private int nextBase = 1000;
  private String special;

  Parser(List<String> argv) {
    this.argv = argv;
    this.g = new Getopt(argv, OPTSTRING, LONG);
  }

  /** What {@code -V} or {@code -h} asked to print instead of running, or null. */
  String special() {
    return special;
  }

  int protocol() {
    return proto < 0 ? 0 : proto;
  }

  IptError param(String msg) {
    return IptError.param(prog, msg);
  }

  IptError notModelled(String what) {
    return IptError.other(prog, "netsim does not model " + what, 2);
  }

  /** The word after an option's argument, for options that take two ({@code --tcp-flags}). */
  String nextWordForOption() {
    if (g.optind >= argv.size()) {
      return null;
    }
    String w = argv.get(g.optind);
    if (w.startsWith("-") || w.startsWith("!")) {
      return null;
    }
    g.optind++;
    return w;
  }

  /** {@code xs_has_arg}: the next word exists and is neither an option nor {@code !}. */
  private boolean hasArg() {
    return g.optind < argv.size() && !argv.get(g.optind).startsWith("-")
        && !argv.get(g.optind).startsWith("!");
  }

  private String takeArg() {
    return argv.get(g.optind++);
  }

  Request parse() throws IptError {
    for (int c; (c = g.next()) != -1; ) {
      if (readOption(c)) {
        continue; // a "!" was read: it applies to the next option
      }
      if (special != null) {
        return null;
      }
      invert = false;
    }
    return finish();
  }

  /** One option; true when it was a {@code !}, which keeps {@link #invert} for the next one. */
  private boolean readOption(int c) throws IptError {
    String arg = g.optarg;
    switch (c) {
      case 'A' -> command(Request.Cmd.APPEND, 0, arg);
      case 'C' -> command(Request.Cmd.CHECK, 0, arg);
      case 'D' -> {
        command(Request.Cmd.DELETE, 0, arg);
        if (hasArg()) {
          rulenum = ruleNumber(takeArg());
          cmd = (cmd & ~Request.Cmd.DELETE) | Request.Cmd.DELETE_NUM;
        }
      }
      case 'R' -> {
        command(Request.Cmd.REPLACE, 0, arg);
        if (!hasArg()) {
          throw param("-R requires a rule number");
        }
        rulenum = ruleNumber(takeArg());
      }
      case 'I' -> {
        command(Request.Cmd.INSERT, 0, arg);
        rulenum = hasArg() ? ruleNumber(takeArg()) : 1;
      }
      case 'L', 'S' -> {
        command(c == 'L' ? Request.Cmd.LIST : Request.Cmd.LIST_RULES,
            Request.Cmd.ZERO | Request.Cmd.ZERO_NUM, optionalChain(arg));
        if (hasArg()) {
          rulenum = ruleNumber(takeArg());
        }
      }
      case 'F' -> command(Request.Cmd.FLUSH, 0, optionalChain(arg));
      case 'Z' -> {
        command(Request.Cmd.ZERO, Request.Cmd.LIST | Request.Cmd.LIST_RULES, optionalChain(arg));
        if (hasArg()) {
          rulenum = ruleNumber(takeArg());
          cmd = (cmd & ~Request.Cmd.ZERO) | Request.Cmd.ZERO_NUM;
        }
      }
      case 'N' -> {
        checkChainName(arg);
        command(Request.Cmd.NEW_CHAIN, 0, arg);
      }
      case 'X' -> command(Request.Cmd.DELETE_CHAIN, 0, optionalChain(arg));
      case 'E' -> {
        command(Request.Cmd.RENAME_CHAIN, 0, arg);
        if (!hasArg()) {
          throw param("-E requires old-chain-name and new-chain-name");
        }
        word2 = takeArg();
      }
      case 'P' -> {
        command(Request.Cmd.SET_POLICY, 0, arg);
        if (!hasArg()) {
          throw param("-P requires a chain and a policy");
        }
        word2 = takeArg();
      }
      case 'h' -> special = Help.TEXT;
      case 'V' -> special = prog + " " + Iptables.VERSION + "\n";
      case 'p' -> {
        setOption(Request.Opt.PROTOCOL);
        String lower = arg.toLowerCase(Locale.ROOT);
        proto = Protocols.parse(lower);
        if (proto < 0) {
          throw param("unknown protocol \"" + lower + "\" specified");
        }
        invProto = invert;
        if (proto == 0 && invert) {
          throw param("rule would never match protocol");
        }
      }
      case 's' -> {
        setOption(Request.Opt.SOURCE);
        shost = arg;
        invSrc = invert;
      }
      case 'd' -> {
        setOption(Request.Opt.DESTINATION);
        dhost = arg;
        invDst = invert;
      }
      case 'j', 'g' -> {
        setOption(Request.Opt.JUMP);
        jump(arg, c == 'g');
      }
      case 'i', 'o' -> {
        if (arg.isEmpty()) {
          throw param("Empty interface is likely to be undesired");
        }
        setOption(c == 'i' ? Request.Opt.VIANAMEIN : Request.Opt.VIANAMEOUT);
        if (arg.length() + 1 > 16) {
          throw param("interface name `" + arg + "' must be shorter than IFNAMSIZ (15)");
        }
        if (c == 'i') {
          in = arg;
          invIn = invert;
        } else {
          out = arg;
          invOut = invert;
        }
      }
      case 'f' -> {
        setOption(Request.Opt.FRAGMENT);
        invFrag = invert;
      }
      case 'v' -> {
        if (verbose == 0) {
          setOption(Request.Opt.VERBOSE);
        }
        verbose++;
      }
      case 'x' -> setOption(Request.Opt.EXPANDED);
      case 'n' -> setOption(Request.Opt.NUMERIC);
      case '0' -> setOption(Request.Opt.LINENUMBERS);
      case 'm' -> loadMatch(arg);
      case 't' -> {
        if (invert) {
          throw param("unexpected ! flag before --table");
        }
        table = arg;
      }
      case 'w', 'W' -> {
        String w = arg != null ? arg : hasArg() ? takeArg() : null;
        if (w != null && !w.matches("\\d+.*")) {
          throw param(c == 'w' ? "wait seconds not numeric" : "wait interval not numeric");
        }
      }
      case 'M', '4', 'b' -> { }
      case '6' -> throw IptError.raw(IptError.TRY_HELP + "\n", 2);
      case 'c' -> setCounters(arg);
      case 1 -> {
        if (arg.equals("!")) {
          if (invert) {
            throw param("multiple consecutive ! not allowed");
          }
          invert = true;
          return true;
        }
        throw IptError.bare("Bad argument `" + arg + "'");
      }
      default -> {
        return extensionOption(c);
      }
    }
    return false;
  }

  private String optionalChain(String optarg) {
    if (optarg != null) {
      return optarg;
    }
    return hasArg() ? takeArg() : null;
  }

  /** {@code add_command}. */
  private void command(int newCmd, int others, String ch) throws IptError {
    if (invert) {
      throw param("unexpected '!' flag");
    }
    if ((cmd & ~others) != 0) {
      throw param("Cannot use -" + Request.Cmd.letter(newCmd) + " with -"
          + Request.Cmd.letter(cmd & ~others));
    }
    cmd |= newCmd;
    if (ch != null) {
      chain = ch;
    }
  }

  /** {@code set_option}: once each; {@code !} only where iptables allows it. */
  private void setOption(int opt) throws IptError {
    if ((options & opt) != 0) {
      throw param("multiple -" + Request.Opt.letter(opt) + " flags not allowed");
    }
    options |= opt;
    int invertible = Request.Opt.SOURCE | Request.Opt.DESTINATION | Request.Opt.PROTOCOL
        | Request.Opt.VIANAMEIN | Request.Opt.VIANAMEOUT | Request.Opt.FRAGMENT;
    if (invert && (invertible & opt) == 0) {
      throw param("cannot have ! before -" + Request.Opt.letter(opt));
    }
  }

  /** {@code parse_rulenumber}: 1 up to INT_MAX. */
  private int ruleNumber(String s) throws IptError {
    long n = strtoul(s, Integer.MAX_VALUE);
    if (n < 1) {
      throw param("Invalid rule number `" + s + "'");
    }
    return (int) n;
  }

  /** {@code parse_chain}, for {@code -N}. */
  private void checkChainName(String name) throws IptError {
    if (name.length() >= MAXNAMELEN) {
      throw param("chain name `" + name + "' too long (must be under " + MAXNAMELEN + " chars)");
    }
    if (name.startsWith("-") || name.startsWith("!")) {
      throw param("chain name not allowed to start with `" + name.charAt(0) + "'");
    }
    if (Extensions.TARGET_NAMES.contains(name)) {
      throw param("chain name may not clash with target name");
    }
    for (char ch : name.toCharArray()) {
      if (Character.isWhitespace(ch)) {
        throw param("Invalid chain name `" + name + "'");
      }
    }
  }

  private void setCounters(String arg) throws IptError {
    setOption(Request.Opt.COUNTERS);
    String pc = arg;
    String bc = null;
    int comma = arg.indexOf(',');
    if (comma >= 0) {
      pc = arg.substring(0, comma);
      bc = arg.substring(comma + 1);
    }
    if (bc == null && hasArg()) {
      bc = takeArg();
    }
    if (bc == null) {
      throw param("-c requires packet and byte counter");
    }
    if (!pc.matches("\\d+")) {
      throw param("-c packet counter not numeric");
    }
    if (!bc.matches("\\d+")) {
      throw param("-c byte counter not numeric");
    }
    counters = new long[] {Long.parseUnsignedLong(pc), Long.parseUnsignedLong(bc)};
  }

  // ------------------------------------------------------------------------- extensions

  /** {@code command_jump}: a target extension with its options, or a chain name. */
  private void jump(String name, boolean isGoto) throws IptError {
    if (name.isEmpty()) {
      throw param("Invalid target name (too short)");
    }
    if (name.length() >= MAXNAMELEN) {
      throw param("Invalid target name `" + name + "' (" + (MAXNAMELEN - 1) + " chars max)");
    }
    for (char ch : name.toCharArray()) {
      if (Character.isWhitespace(ch)) {
        throw param("Invalid target name `" + name + "'");
      }
    }
    jumpto = name;
    goTo = isGoto;
    Extensions.TargetExt t = Extensions.target(name, nextBase);
    if (t != null) {
      nextBase += 100;
      target = t;
      g.addLongOpts(t.opts);
    } else if (Extensions.TARGET_NAMES.contains(name) && !isStandard(name)) {
      throw notModelled("the " + name + " target");
    }
  }

  private static boolean isStandard(String name) {
    return name.equals("ACCEPT") || name.equals("DROP") || name.equals("RETURN");
  }

  /** {@code command_match}: {@code -m NAME}. */
  private void loadMatch(String name) throws IptError {
    if (invert) {
      throw param("unexpected ! flag before --match");
    }
    for (Extensions.MatchExt m : matches) {
      if (m.name.equals(name)) {
        return; // iptables-nft merges a second instance into the first
      }
    }
    Extensions.MatchExt m = Extensions.match(name, nextBase);
    if (m == null) {
      if (Extensions.MATCH_NAMES.contains(name)) {
        throw notModelled("the " + name + " match");
      }
      throw param("Couldn't load match `" + name + "':No such file or directory\n");
    }
    nextBase += 100;
    matches.add(m);
    g.addLongOpts(m.opts);
  }

  /**
   * {@code command_default}: an option of a loaded extension; or, once, the match of the
   * {@code -p} protocol, loaded then and the option read again (true: a pending {@code !}
   * still applies to it); or unknown.
   */
  private boolean extensionOption(int c) throws IptError {
    if (target != null && target.owns(c)) {
      target.parse(this, target.id(c), g.optarg, invert);
      return false;
    }
    for (Extensions.MatchExt m : matches) {
      if (m.owns(c)) {
        m.parse(this, m.id(c), g.optarg, invert);
        return false;
      }
    }
    if (c == '?' && proto > 0 && !protoUsed) {
      String pname = Protocols.name(proto);
      Extensions.MatchExt m = pname == null ? null : Extensions.match(pname, nextBase);
      if (m != null && matches.stream().noneMatch(e -> e.name.equals(pname))) {
        protoUsed = true;
        nextBase += 100;
        matches.add(m);
        g.addLongOpts(m.opts);
        g.optind--;
        return true; // read the option again, with its "!" still pending
      }
    }
    if (c == ':') {
      throw param("option \"" + g.lastWord + "\" requires an argument");
    }
    throw param("unknown option \"" + g.lastWord + "\"");
  }

  // ------------------------------------------------------------------------- after the words

  private Request finish() throws IptError {
    if (table.equals("nat") && ("DROP".equals(word2) && has(Request.Cmd.SET_POLICY)
        || "DROP".equals(jumpto))) {
      throw param("\nThe \"nat\" table is not intended for filtering, the use of DROP is "
          + "therefore inhibited.\n\n");
    }
    for (Extensions.MatchExt m : matches) {
      m.finish(this);
    }
    if (target != null) {
      target.finish(this);
    }
    if (g.optind < argv.size()) {
      throw param("unknown arguments found on commandline");
    }
    if (cmd == 0) {
      throw param("no command specified");
    }
    if (invert) {
      throw param("nothing appropriate following !");
    }
    int ruleCmds = Request.Cmd.REPLACE | Request.Cmd.INSERT | Request.Cmd.DELETE
        | Request.Cmd.APPEND | Request.Cmd.CHECK;
    List<int[]> srcs = List.of();
    List<int[]> dsts = List.of();
    if (has(ruleCmds)) {
      srcs = addresses(shost == null ? "0.0.0.0/0" : shost);
      dsts = addresses(dhost == null ? "0.0.0.0/0" : dhost);
      if ((srcs.size() > 1 || dsts.size() > 1) && (invSrc || invDst)) {
        throw param("! not allowed with multiple source or destination IP addresses");
      }
    } else {
      if (shost != null) {
        addresses(shost);
      }
      if (dhost != null) {
        addresses(dhost);
      }
    }
    checkOptionsLegal();
    if (chain != null && chain.length() >= MAXNAMELEN) {
      throw param("chain name `" + chain + "' too long (must be under " + MAXNAMELEN + " chars)");
    }
    if (has(Request.Cmd.APPEND | Request.Cmd.DELETE | Request.Cmd.CHECK | Request.Cmd.INSERT
        | Request.Cmd.REPLACE)) {
      if ((chain.equals("PREROUTING") || chain.equals("INPUT")) && out != null) {
        throw param("Can't use -o with " + chain + "\n");
      }
      if ((chain.equals("POSTROUTING") || chain.equals("OUTPUT")) && in != null) {
        throw param("Can't use -i with " + chain + "\n");
      }
    }
    List<Rule> rules = new ArrayList<>();
    String jumpChain = null;
    if (has(ruleCmds)) {
      Target t = buildTarget();
      if (t instanceof Target.Jump j) {
        jumpChain = j.chain();
      }
      List<Match> ms = new ArrayList<>();
      for (Extensions.MatchExt m : matches) {
        ms.add(m.build());
      }
      for (int[] s : srcs) {
        for (int[] d : dsts) {
          IpHeader ip = IpHeader.ANY.withSrc(s[0], s[1], invSrc).withDst(d[0], d[1], invDst)
              .withIn(in, invIn).withOut(out, invOut).withProto(protocol(), invProto);
          if ((options & Request.Opt.FRAGMENT) != 0) {
            ip = ip.withFragment(invFrag);
          }
          rules.add(new Rule(ip, ms, t));
        }
      }
    }
    return new Request(cmd, table, chain, rulenum, word2, rules, jumpChain, counters, options,
        verbose);
  }

  private boolean has(int c) {
    return (cmd & c) != 0;
  }

  private Target buildTarget() throws IptError {
    if (target != null) {
      return target.build(this);
    }
    if (jumpto == null) {
      return null;
    }
    return switch (jumpto) {
      case "ACCEPT" -> new Target.Accept();
      case "DROP" -> new Target.Drop();
      case "RETURN" -> new Target.Return();
      default -> new Target.Jump(jumpto, goTo);
    };
  }

  /** {@code generic_opt_check}: an option is legal if any of the commands given allows it. */
  private void checkOptionsLegal() throws IptError {
    for (int i = 0; i < Request.Opt.LETTERS.length(); i++) {
      if ((options & (1 << i)) == 0) {
        continue;
      }
      int legal = 0;
      for (int j = 0; j < LEGAL.length; j++) {
        if ((cmd & (1 << j)) == 0) {
          continue;
        }
        if (LEGAL[j].charAt(i) != 'x') {
          legal = 1;
        } else if (legal == 0) {
          legal = -1;
        }
      }
      if (legal == -1) {
        throw param("Illegal option `-" + Request.Opt.LETTERS.charAt(i) + "' with this command");
      }
    }
  }

  /**
   * {@code xtables_ipparse_multiple}: comma-separated {@code ADDR[/MASK]}, where ADDR is dotted
   * (missing parts are 0), a network name or a host name, and MASK a length or a dotted mask.
   * Each as {address with host bits cleared, mask}.
   */
  private List<int[]> addresses(String spec) throws IptError {
    List<int[]> out = new ArrayList<>();
    for (String one : spec.split(",", -1)) {
      String a = one;
      int mask = -1;
      int slash = one.lastIndexOf('/');
      if (slash >= 0) {
        a = one.substring(0, slash);
        String m = one.substring(slash + 1);
        long mv;
        if (m.contains(".")) {
          mv = dottedMask(m);
        } else {
          long bits = strtoul(m, 32);
          mv = bits < 0 ? -1 : Ip4.mask((int) bits) & 0xFFFFFFFFL;
        }
        if (mv < 0) {
          throw param("invalid mask `" + m + "' specified");
        }
        mask = (int) mv;
      }
      long addr = dotted(a);
      if (addr < 0) {
        addr = Names.network(a);
      }
      if (addr < 0) {
        addr = Names.host(a);
      }
      if (addr < 0) {
        throw param("host/network `" + a + "' not found");
      }
      out.add(new int[] {(int) addr & mask, mask});
    }
    return out;
  }

  /**
   * {@code __numeric_to_ipaddr}: up to four dot-separated numbers ({@code strtoul} base 0, each
   * at most 255); with fewer, the rest are 0. -1 when it is not one.
   */
  static long dotted(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length > 4) {
      return -1;
    }
    long a = 0;
    for (int i = 0; i < 4; i++) {
      long b = 0;
      if (i < parts.length) {
        b = strtoul(parts[i], 255);
        if (b < 0) {
          return -1;
        }
      }
      a = (a << 8) | b;
    }
    return a;
  }

  private static long dottedMask(String s) {
    return s.split("\\.", -1).length == 4 ? dotted(s) : -1;
  }

  /**
   * {@code xtables_strtoui} with base 0: the whole word a number ({@code 0x} hex, leading-zero
   * octal) no greater than {@code max}; -1 otherwise.
   */
  static long strtoul(String s, long max) {
    String t = s.strip();
    if (t.startsWith("+")) {
      t = t.substring(1);
    }
    int base = 10;
    if (t.length() > 1 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')) {
      base = 16;
      t = t.substring(2);
    } else if (t.length() > 1 && t.charAt(0) == '0') {
      base = 8;
      t = t.substring(1);
    }
    if (t.isEmpty() || t.length() > 20) {
      return -1;
    }
    long v = 0;
    for (char ch : t.toCharArray()) {
      int d = Character.digit(ch, base);
      if (d < 0) {
        return -1;
      }
      v = v * base + d;
      if (v > max) {
        return -1;
      }
    }
    return v;
  }
}
