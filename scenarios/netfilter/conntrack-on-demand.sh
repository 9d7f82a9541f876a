# Conntrack runs in a namespace only while some rule needs it (E6, S1): a NAT target,
# -m conntrack or -m state. Until then the nat chains see nothing at all; once it runs, they see
# the first packet of each flow, while raw, mangle and filter see every packet.
# h1 (10.0.1.2) -- r -- h2 (10.0.2.2); r counts with rules that have no target.

ip netns add h1
ip netns add r
ip netns add h2
ip -n r link add r1 type veth peer name h1e netns h1
ip -n r link add r2 type veth peer name h2e netns h2
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h1 addr add 10.0.1.2/24 dev h1e
ip -n h2 addr add 10.0.2.2/24 dev h2e
ip -n r link set r1 up
ip -n r link set r2 up
ip -n h1 link set h1e up
ip -n h2 link set h2e up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec r iptables -t raw -A PREROUTING
ip netns exec r iptables -t mangle -A FORWARD
ip netns exec r iptables -t nat -A PREROUTING
ip netns exec r iptables -t nat -A POSTROUTING
ip netns exec r iptables -A FORWARD

# no conntrack: the nat chains count nothing
ip netns exec h1 ping -c3 -i0.2 -W1 10.0.2.2
ip netns exec r iptables-save -c

# a conntrack match anywhere turns it on: nat sees the flow's first packet
ip netns exec r iptables -A INPUT -m conntrack --ctstate INVALID -j DROP
ip netns exec h1 ping -c3 -i0.2 -W1 10.0.2.2
ip netns exec r iptables-save -c
ip netns exec r iptables -t nat -L -v -n

# and when the last such rule goes, it stops again
ip netns exec r iptables -D INPUT 1
ip netns exec h1 ping -c3 -i0.2 -W1 10.0.2.2
ip netns exec r iptables -t nat -L -v -n
ip netns exec r iptables -t raw -L PREROUTING -v -n -x
