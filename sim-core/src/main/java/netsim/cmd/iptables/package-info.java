/**
 * {@code iptables} and {@code iptables-save} as iptables 1.8.9 (nf_tables) behaves: the words
 * are read by a getopt_long like iptables' own ({@code Getopt}, {@code Parser},
 * {@code Extensions}) into a {@code Request}; the request is then carried out on the
 * namespace's {@link netsim.netfilter.Netfilter} ({@code IptablesCommand}); listings are written
 * by {@code Listing} ({@code -L}) and {@code Dump} ({@code -S}, iptables-save). Every error is
 * iptables' own text with its own exit status, and leaves the rule set as it was.
 */
package netsim.cmd.iptables;
