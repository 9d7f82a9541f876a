# An ICMP error carries the conntrack entry of the packet it quotes (icmp_glue_bits calls
# nf_ct_attach), confirmed or not. So when a packet DNAT changed is dropped before its flow is
# confirmed (no route to the new destination, TTL exceeded while forwarding), the error is
# still translated back, and the sender's ping recognises it as its own.
# Found by the differential fuzzer.
ip netns add a
ip netns add b
ip netns add c
ip -n a link set lo up
ip -n b link set lo up
ip -n c link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n b link add eth1 type veth peer name eth0 netns c
ip -n a addr add 10.0.1.1/24 dev eth0
ip -n b addr add 10.0.1.5/24 dev eth0
ip -n b addr add 10.0.2.1/24 dev eth1
ip -n c addr add 10.0.2.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n b link set eth1 up
ip -n c link set eth0 up
ip -n a route add default via 10.0.1.5
ip -n c route add default via 10.0.2.1
ip netns exec b sysctl -q -w net.ipv4.ip_forward=1
ip netns exec b iptables -t nat -A PREROUTING -d 10.0.1.5 -j DNAT --to-destination 10.0.9.9
! ip netns exec a ping -c1 -W2 10.0.1.5
ip netns exec b iptables -t nat -R PREROUTING 1 -d 10.0.1.5 -j DNAT --to-destination 10.0.2.2
ip netns exec a ping -c1 -W2 10.0.1.5
! ip netns exec a ping -c1 -W2 -t 1 10.0.1.5
ip netns exec b iptables -t nat -A PREROUTING -d 10.0.3.77 -j DNAT --to-destination 10.0.2.2
ip netns exec b iptables -A FORWARD -d 10.0.2.2 -j REJECT
! ip netns exec a ping -c1 -W2 10.0.3.77
ip netns exec b iptables -t nat -L PREROUTING -v -n
ip netns exec b iptables -L FORWARD -v -n
