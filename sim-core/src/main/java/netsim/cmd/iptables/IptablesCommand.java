package netsim.cmd.iptables;

import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.netfilter.Chain;
import netsim.netfilter.Netfilter;
import netsim.netfilter.NfException;
import netsim.netfilter.Rule;
import netsim.netfilter.Table;
import netsim.netfilter.TableKind;
import netsim.netfilter.Target;

/**
 * {@code iptables}, as iptables 1.8.9 on nf_tables runs a command ({@code do_commandx} in
 * xtables.c): parse the words ({@link Parser}); check the table name (status 3) and the
 * permission to read the rule set (status 4, G9); check that a chain named by {@code -j} exists;
 * then do the command on the namespace's {@link Netfilter} and say what went wrong the way
 * iptables-nft does ({@code nft_strerror}). A command that fails changes nothing.
 */
final class IptablesCommand implements Command {
  private static final String PROG = "iptables";

  @Override
  public int run(Proc p, List<String> args, Io io) {
    try {
      Parser parser = new Parser(args);
      Request r = parser.parse();
      if (r == null) {
        io.out(parser.special());
        return 0;
      }
      TableKind kind = TableKind.byName(r.table());
      if (kind == null) {
        throw IptError.version(PROG, "table '" + r.table() + "' does not exist");
      }
      if (!p.canAdminNet()) {
        throw IptError.other(PROG, Iptables.NOT_ROOT, 4);
      }
      return execute(p.netns().netfilter(), kind, r, p.kernel().clock().now(), io);
    } catch (IptError e) {
      io.err(e.text());
      return e.status();
    }
  }

  private int execute(Netfilter nf, TableKind kind, Request r, long now, Io io)
      throws IptError {
    Table existing = nf.table(kind);
    if (r.jumpChain() != null) {
      Table t = existing != null ? existing : nf.tableOrNew(kind);
      Chain c = t.chain(r.jumpChain());
      if (c == null) {
        throw IptError.param(PROG, "Chain '" + r.jumpChain() + "' does not exist");
      }
    }
    boolean verbose = r.opt(Request.Opt.VERBOSE);
    try {
      if (r.has(Request.Cmd.LIST) || r.has(Request.Cmd.LIST_RULES)) {
        return list(nf, kind, r, io);
      }
      if (r.has(Request.Cmd.APPEND) || r.has(Request.Cmd.INSERT)) {
        Table t = nf.tableOrNew(kind);
        add(t, r, verbose, io);
        nf.install(t);
      } else if (r.has(Request.Cmd.REPLACE)) {
        Table t = require(existing, r.chain());
        Rule rule = r.rules().get(0);
        printing(rule, verbose, io, () -> t.replace(r.chain(), r.rulenum(), rule));
        presetCounters(t, r, r.rulenum());
      } else if (r.has(Request.Cmd.DELETE)) {
        if (existing == null) {
          throw new NfException(NfException.Reason.ENOENT, false, r.chain());
        }
        for (Rule rule : r.rules()) {
          existing.delete(r.chain(), rule);
          printRule(rule, verbose, io);
        }
      } else if (r.has(Request.Cmd.DELETE_NUM)) {
        require(existing, r.chain()).delete(r.chain(), r.rulenum());
      } else if (r.has(Request.Cmd.CHECK)) {
        if (existing == null) {
          throw new NfException(NfException.Reason.ENOENT, false, r.chain());
        }
        for (Rule rule : r.rules()) {
          if (!existing.contains(r.chain(), rule)) {
            throw new NfException(NfException.Reason.ENOENT, false, r.chain());
          }
          printRule(rule, verbose, io);
        }
      } else if (r.has(Request.Cmd.FLUSH)) {
        flush(nf, kind, existing, r, verbose, io);
      } else if (r.has(Request.Cmd.ZERO) || r.has(Request.Cmd.ZERO_NUM)) {
        zero(existing, r, verbose, io);
      } else if (r.has(Request.Cmd.NEW_CHAIN)) {
        Table t = nf.tableOrNew(kind);
        t.newChain(r.chain());
        nf.install(t);
      } else if (r.has(Request.Cmd.DELETE_CHAIN)) {
        deleteChain(existing, r, verbose, io);
      } else if (r.has(Request.Cmd.RENAME_CHAIN)) {
        require(existing, r.chain()).rename(r.chain(), r.word2());
      } else if (r.has(Request.Cmd.SET_POLICY)) {
        Table t = nf.tableOrNew(kind);
        Chain c = t.chain(r.chain());
        if (c == null || !c.builtin()) {
          throw new NfException(NfException.Reason.ENOENT, false, r.chain());
        }
        Target policy = switch (r.word2()) {
          case "ACCEPT" -> new Target.Accept();
          case "DROP" -> new Target.Drop();
          default -> throw new NfException(NfException.Reason.EINVAL, false, r.chain());
        };
        t.setPolicy(r.chain(), policy);
        nf.install(t);
      }
      return 0;
    } catch (NfException e) {
      throw failure(r, e);
    }
  }

  /** A table that must exist: iptables-nft finds no chain in a table it has not created. */
  private static Table require(Table t, String chain) {
    if (t == null) {
      throw new NfException(NfException.Reason.ENOENT, false, chain);
    }
    return t;
  }

  /** {@code -A} and {@code -I}: every rule the addresses make, all or none. */
  private static void add(Table t, Request r, boolean verbose, Io io) {
    Chain c = t.chain(r.chain());
    if (c == null) {
      throw new NfException(NfException.Reason.ENOENT, false, r.chain());
    }
    boolean append = r.has(Request.Cmd.APPEND);
    int pos = append ? c.size() + 1 : r.rulenum();
    int done = 0;
    try {
      for (Rule rule : r.rules()) {
        int at = pos + done;
        printing(rule, verbose, io, () -> {
          if (append) {
            t.append(r.chain(), rule);
          } else {
            t.insert(r.chain(), at, rule);
          }
        });
        presetCounters(t, r, at);
        done++;
      }
    } catch (NfException e) {
      for (int i = done - 1; i >= 0; i--) {
        t.delete(r.chain(), pos + i);
      }
      throw e;
    }
  }

  private static void presetCounters(Table t, Request r, int pos) {
    if (r.counters() != null) {
      t.setCounters(r.chain(), pos, r.counters()[0], r.counters()[1]);
    }
  }

  /**
   * With {@code -v}, iptables prints each rule as it puts it in the transaction: so after its
   * own checks (a refused position prints nothing) but before the kernel answers (a rule the
   * kernel refuses is printed all the same).
   */
  private static void printing(Rule rule, boolean verbose, Io io, Runnable op) {
    try {
      op.run();
    } catch (NfException e) {
      if (e.kernel()) {
        printRule(rule, verbose, io);
      }
      throw e;
    }
    printRule(rule, verbose, io);
  }

  private static void printRule(Rule rule, boolean verbose, Io io) {
    if (verbose) {
      io.out(Listing.ruleLine(rule));
    }
  }

  private static void flush(Netfilter nf, TableKind kind, Table existing, Request r,
      boolean verbose, Io io) {
    if (r.chain() == null) {
      // -v flushes chain by chain, by name, which makes a missing table as -F CHAIN does
      Table t = existing != null ? existing : verbose ? nf.tableOrNew(kind) : null;
      if (t != null) {
        if (verbose) {
          for (Chain c : t.chains()) {
            io.outln("Flushing chain `" + c.name() + "'");
          }
        }
        if (verbose) {
          t.makePresent(null);
        }
        t.flush(null);
        nf.install(t);
      }
      return;
    }
    Table t = existing != null ? existing : nf.tableOrNew(kind);
    if (verbose && t.chain(r.chain()) != null) {
      io.outln("Flushing chain `" + r.chain() + "'");
    }
    t.flush(r.chain());
    t.makePresent(r.chain());
    nf.install(t);
  }

  /** {@code -Z}: only chains the kernel has (see {@link Table#zero}); a missing table has none. */
  private static void zero(Table existing, Request r, boolean verbose, Io io) {
    boolean num = r.has(Request.Cmd.ZERO_NUM);
    if (existing == null) {
      if (r.chain() == null) {
        return;
      }
      throw new NfException(NfException.Reason.ENOENT, false, r.chain());
    }
    existing.zero(r.chain(), num ? r.rulenum() : 0);
    if (verbose && !num) {
      for (String name : r.chain() != null ? List.of(r.chain()) : existing.presentChains()) {
        io.outln("Zeroing chain `" + name + "'");
      }
    }
  }

  private static void deleteChain(Table existing, Request r, boolean verbose, Io io) {
    if (r.chain() == null) {
      if (existing != null) {
        existing.deleteUserChains();
        if (verbose) {
          for (Chain c : existing.chains()) {
            if (!c.builtin()) {
              io.outln("Deleting chain `" + c.name() + "'");
            }
          }
        }
      }
      return;
    }
    require(existing, r.chain()).deleteChain(r.chain());
    if (verbose) {
      io.outln("Deleting chain `" + r.chain() + "'");
    }
  }

  // ------------------------------------------------------------------------------ listing

  private static int list(Netfilter nf, TableKind kind, Request r, Io io) throws IptError {
    Table existing = nf.table(kind);
    Table t = existing != null ? existing : nf.tableOrNew(kind);
    if (r.chain() != null && t.chain(r.chain()) == null) {
      throw IptError.other(PROG, "chain `" + r.chain() + "' in table `" + kind.text
          + "' is incompatible, use 'nft' tool.", 1);
    }
    if (r.has(Request.Cmd.LIST_RULES)) {
      io.out(Dump.listRules(t, r.chain(), r.rulenum(), r.opt(Request.Opt.VERBOSE)));
    } else {
      int format = Listing.format(r.opt(Request.Opt.NUMERIC), r.opt(Request.Opt.VERBOSE),
          r.opt(Request.Opt.EXPANDED), r.opt(Request.Opt.LINENUMBERS));
      Listing l = new Listing(format);
      if (r.chain() != null && r.rulenum() > 0) {
        Chain c = t.chain(r.chain());
        if (r.rulenum() <= c.size()) {
          Chain.Entry e = c.entries().get(r.rulenum() - 1);
          l.rule(r.rulenum(), e.rule(), e.counters());
        }
      } else {
        boolean first = true;
        for (Chain c : t.chains()) {
          if (r.chain() != null && !r.chain().equals(c.name())) {
            continue;
          }
          if (!first) {
            io.out("\n");
          }
          first = false;
          Listing one = new Listing(format);
          one.chain(t, c);
          io.out(one.text());
        }
      }
      io.out(l.text());
    }
    if (r.has(Request.Cmd.ZERO) || r.has(Request.Cmd.ZERO_NUM)) {
      if (r.opt(Request.Opt.VERBOSE) && !r.has(Request.Cmd.ZERO_NUM)) {
        for (Chain c : t.chains()) {
          if (r.chain() == null || r.chain().equals(c.name())) {
            io.outln("Zeroing chain `" + c.name() + "'");
          }
        }
      }
      if (r.has(Request.Cmd.ZERO_NUM)) {
        zero(existing, r, false, io);
      } else if (existing != null) {
        existing.zeroListed(r.chain());
      } else {
        // the listed chains are in iptables-nft's cache, but the kernel has no table for them
        String first = r.chain() != null ? r.chain() : t.chains().get(0).name();
        throw new NfException(NfException.Reason.ENOENT, true, first);
      }
    }
    return 0;
  }

  // ------------------------------------------------------------------------------ errors

  /**
   * The message for a refusal: the kernel's, as {@code OP failed (errno text): what}, status 4;
   * or iptables-nft's own ({@code nft_strerror}), status 1.
   */
  private static IptError failure(Request r, NfException e) {
    String chain = e.chain();
    if (e.kernel()) {
      String op;
      String what = "rule in chain " + r.chain();
      if (r.has(Request.Cmd.APPEND)) {
        op = "RULE_APPEND";
      } else if (r.has(Request.Cmd.INSERT)) {
        op = "RULE_INSERT";
      } else if (r.has(Request.Cmd.REPLACE)) {
        op = "RULE_REPLACE";
      } else if (r.has(Request.Cmd.ZERO)) {
        op = "CHAIN_ZERO";
        what = "chain " + chain;
      } else {
        op = "CHAIN_DEL";
        what = "chain " + chain;
      }
      return IptError.raw(PROG + " " + Iptables.VERSION + ":  " + op + " failed ("
          + e.reason().text + "): " + what + "\n", 4);
    }
    String msg = switch (e.reason()) {
      case E2BIG -> r.has(Request.Cmd.INSERT) ? "Index of insertion too big"
          : r.has(Request.Cmd.REPLACE) ? "Index of replacement too big"
          : "Index of deletion too big";
      case EEXIST -> r.has(Request.Cmd.NEW_CHAIN) ? "Chain already exists" : "File exists";
      case EBUSY -> "Directory not empty";
      case EINVAL -> "Bad policy name. Run `dmesg' for more information";
      case ENOENT -> {
        if (r.has(Request.Cmd.DELETE) || r.has(Request.Cmd.CHECK)
            || r.has(Request.Cmd.ZERO_NUM)) {
          yield "Bad rule (does a matching rule exist in that chain?)";
        }
        yield r.has(Request.Cmd.SET_POLICY) ? "Bad built-in chain name"
            : "No chain/target/match by that name";
      }
      default -> e.reason().text;
    };
    return IptError.refused(PROG, msg);
  }
}
