# A built-in chain's policy counts packets only once the chain has counters in the kernel
# (iptables-nft makes chains without them): -P sends them, and so does -Z of the chain. iptables-nft
# makes a built-in chain only when a command names it (-A, -I, -P, -F CHAIN, -L -Z) or flushes
# verbosely; -Z touches only the chains the kernel has, and refuses a missing one.
ip netns add a
ip -n a link set lo up
ip netns exec a iptables -A INPUT -p icmp
ip netns exec a iptables -A OUTPUT -p icmp
ip netns exec a ping -c1 -q 127.0.0.1
ip netns exec a iptables -S -v

# zeroing one rule gives no counters to the chain
ip netns exec a iptables -Z INPUT 1
ip netns exec a ping -c1 -q 127.0.0.1
ip netns exec a iptables -S -v

# zeroing the chain does: INPUT's policy counts from now on, OUTPUT's not yet
ip netns exec a iptables -Z INPUT
ip netns exec a ping -c1 -q 127.0.0.1
ip netns exec a iptables -S -v

# -Z of the table: every chain the kernel has (FORWARD is not made)
ip netns exec a iptables -Z -v
ip netns exec a ping -c1 -q 127.0.0.1
ip netns exec a iptables -S -v
! ip netns exec a iptables -Z FORWARD
ip netns exec a iptables -Z INPUT 3
ip netns exec a iptables-save -c

# listing and zeroing makes the listed chains, with counters
ip netns exec a iptables -L FORWARD -Z -v -n
ip netns exec a iptables -Z -v
! ip netns exec a iptables -X OUTPUT
ip netns exec a iptables -D OUTPUT 1
ip netns exec a iptables -X OUTPUT
ip netns exec a iptables -Z -v
ip netns exec a ping -c1 -q 127.0.0.1
ip netns exec a iptables -L -v -n

# a table that does not exist has no chain to zero
ip netns exec a iptables -t mangle -Z -v
! ip netns exec a iptables -t mangle -Z INPUT
! ip netns exec a iptables -t mangle -Z INPUT 1
! ip netns exec a iptables -t mangle -L -Z -v -n
! ip netns exec a iptables -t mangle -S -Z POSTROUTING

# a table made by -N has only the user chain; -F -v makes the built-in ones, -F alone does not
ip netns exec a iptables -t nat -N x
! ip netns exec a iptables -t nat -Z PREROUTING 1
! ip netns exec a iptables -t nat -L -Z PREROUTING 1
ip netns exec a iptables -t nat -F
ip netns exec a iptables -t nat -Z -v
ip netns exec a iptables -t nat -F OUTPUT
ip netns exec a iptables -t nat -Z -v
ip netns exec a iptables -t nat -F -v
ip netns exec a iptables -t nat -Z -v
ip netns exec a iptables -t nat -S -v
