package netsim.netfilter;

/**
 * One network namespace's netfilter state: iptables tables and connection tracking. (The tables,
 * the hooks and conntrack are filled in by the netfilter part of the model.)
 */
public final class Netfilter {}
