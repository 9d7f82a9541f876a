# A DNAT in the sender's own OUTPUT chain: the kernel routes the packet again for its new
# address (ip_route_me_harder), to another interface or to itself; the source stays the one
# the first route chose, and the reply comes back from the address pinged.
ip netns add a
ip netns add b
ip netns add c
ip -n a link add v1 type veth peer name e netns b
ip -n a link add v2 type veth peer name e netns c
ip -n a addr add 10.0.1.1/24 dev v1
ip -n a addr add 10.0.2.1/24 dev v2
ip -n b addr add 10.0.1.2/24 dev e
ip -n c addr add 10.0.2.2/24 dev e
ip -n a link set v1 up
ip -n a link set v2 up
ip -n b link set e up
ip -n c link set e up
ip -n a link set lo up
ip -n c link set lo up
ip -n a route add default via 10.0.1.2
ip -n c route add default via 10.0.2.1
ip -n a route get 10.9.9.9
ip netns exec a iptables -t nat -A OUTPUT -d 10.9.9.9 -j DNAT --to-destination 10.0.2.2
ip netns exec a ping -c1 -W1 10.9.9.9
ip netns exec a iptables -t nat -L OUTPUT -v -n
ip -n a neigh show dev v2
ip -n a neigh show dev v1
ip netns exec a iptables -t nat -A OUTPUT -d 10.8.8.8 -j DNAT --to-destination 127.0.0.1
ip netns exec a ping -c1 -W1 10.8.8.8
ip netns exec a iptables -t nat -A OUTPUT -d 10.7.7.7 -j DNAT --to-destination 10.0.1.2
ip netns exec a ping -c1 -W1 10.7.7.7
