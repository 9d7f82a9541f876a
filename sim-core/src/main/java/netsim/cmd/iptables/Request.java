package netsim.cmd.iptables;

import java.util.List;
import netsim.netfilter.Rule;

/**
 * What one {@code iptables} command line asks for, once parsed: the command (a bit set, since
 * {@code -L} and {@code -Z} go together), the table and chain, the rules it names (one per
 * source and destination address given), and how to list.
 *
 * @param cmd {@link Cmd} bits
 * @param rulenum a rule position, from 1; 0 when none was given
 * @param word2 the new name of {@code -E}, or the policy of {@code -P}
 * @param jumpChain the chain {@code -j}/{@code -g} names when it is not a target extension (it
 *     must exist in the table), else null
 * @param counters {@code -c PKTS BYTES}, or null
 */
record Request(int cmd, String table, String chain, int rulenum, String word2,
    List<Rule> rules, String jumpChain, long[] counters, int options, int verbose) {

  /** Command bits, in iptables' order ({@code CMD_*} in xshared.h). */
  static final class Cmd {
    private Cmd() {}

    static final int INSERT = 1;
    static final int DELETE = 1 << 1;
    static final int DELETE_NUM = 1 << 2;
    static final int REPLACE = 1 << 3;
    static final int APPEND = 1 << 4;
    static final int LIST = 1 << 5;
    static final int FLUSH = 1 << 6;
    static final int ZERO = 1 << 7;
    static final int NEW_CHAIN = 1 << 8;
    static final int DELETE_CHAIN = 1 << 9;
    static final int SET_POLICY = 1 << 10;
    static final int RENAME_CHAIN = 1 << 11;
    static final int LIST_RULES = 1 << 12;
    static final int ZERO_NUM = 1 << 13;
    static final int CHECK = 1 << 14;
    /** The letters of the bits above ({@code cmdflags}). */
    static final String LETTERS = "IDDRALFZNXPESZC";

    /** {@code cmd2char}: the letter of the highest bit set. */
    static char letter(int cmd) {
      int i = 0;
      for (int c = cmd; c > 1; c >>>= 1) {
        i++;
      }
      return LETTERS.charAt(i);
    }
  }

  /** Option bits ({@code OPT_*}), in the order of their letters {@code nsdpjvxio0cf}. */
  static final class Opt {
    private Opt() {}

    static final int NUMERIC = 1;
    static final int SOURCE = 1 << 1;
    static final int DESTINATION = 1 << 2;
    static final int PROTOCOL = 1 << 3;
    static final int JUMP = 1 << 4;
    static final int VERBOSE = 1 << 5;
    static final int EXPANDED = 1 << 6;
    static final int VIANAMEIN = 1 << 7;
    static final int VIANAMEOUT = 1 << 8;
    static final int LINENUMBERS = 1 << 9;
    static final int COUNTERS = 1 << 10;
    static final int FRAGMENT = 1 << 11;
    static final String LETTERS = "nsdpjvxio0cf";

    static char letter(int opt) {
      return LETTERS.charAt(Integer.numberOfTrailingZeros(opt));
    }
  }

  boolean has(int c) {
    return (cmd & c) != 0;
  }

  boolean opt(int o) {
    return (options & o) != 0;
  }
}
