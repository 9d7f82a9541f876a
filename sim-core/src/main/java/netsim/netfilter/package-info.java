/**
 * Netfilter as the kernel runs it in each network namespace: iptables' tables, connection
 * tracking, and NAT.
 *
 * <p><b>Rules.</b> A {@link netsim.netfilter.Table} ({@link netsim.netfilter.TableKind}) holds
 * built-in chains, one per {@link netsim.netfilter.Hook} it attaches to, and user chains; a
 * {@link netsim.netfilter.Rule} is an {@link netsim.netfilter.IpHeader} test, its
 * {@link netsim.netfilter.Match}es and a {@link netsim.netfilter.Target}. Edits are checked as
 * the kernel checks a transaction (targets allowed in the table and at the hooks that reach
 * them, jump depth below {@code NFT_JUMP_STACK_SIZE}) and either apply whole or throw
 * {@link netsim.netfilter.NfException}. {@link netsim.netfilter.RuleText} writes a rule the way
 * {@code iptables -S} does; that text names rules in explanations.
 *
 * <p><b>Packets.</b> The engine calls {@link netsim.netfilter.Netfilter#hook} at each hook with
 * an {@link netsim.netfilter.NfPacket} (through {@link netsim.netfilter.EngineHooks}, which speaks
 * the engine's types). A hook runs its stages in priority order ({@code Stage}): raw, conntrack
 * lookup, mangle, nat for destinations, filter, security, nat for sources, conntrack
 * confirmation. Each table runs from its compiled form ({@code CompiledTable}: one array per
 * table, policies as underflows, a jump stack), counting what matched. The answer is a
 * {@link netsim.netfilter.HookResult}: a {@link netsim.netfilter.Verdict}, the packet as it
 * leaves (translated, carrying its conntrack entry) and {@link netsim.netfilter.NfEvent}s.
 *
 * <p><b>Flows.</b> {@link netsim.netfilter.Conntrack} keeps each namespace's confirmed flows by
 * both tuples, with timeouts on the model clock; it runs only while a rule needs it. NAT
 * ({@code Nat}) decides a flow's mapping on its first packet at each nat hook, keeps the reply
 * tuple unique, rewrites the rest of the flow both ways, and translates ICMP errors about it,
 * quoted header included.
 *
 * <p>Everything here was checked against kernel 6.18 with iptables 1.8.9 (nf_tables); the
 * Javadoc names the kernel function each behaviour comes from, and scenarios/netfilter holds the
 * scenarios that compare it with the kernel line by line.
 */
package netsim.netfilter;
