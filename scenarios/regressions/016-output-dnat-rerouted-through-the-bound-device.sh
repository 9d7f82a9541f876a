# After a DNAT in OUTPUT, ip_route_me_harder looks the route up again with the socket's bound
# device as the flow's output interface; with an output interface and no route, the kernel
# takes the destination to be on that link. So a ping bound with -I gets through to a new
# destination that no route covers, when a neighbour on the link answers for it.
# Found by the differential fuzzer.
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n a addr add 10.0.1.2/24 dev eth0
ip -n b addr add 10.0.1.3/24 dev eth0
ip -n b addr add 10.0.9.9/32 dev lo
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec a iptables -t nat -A OUTPUT -d 10.0.1.99 -j DNAT --to-destination 10.0.9.9
ip netns exec a ping -c1 -W2 -I eth0 10.0.1.99
! ip netns exec a ping -c1 -W2 10.0.1.99
ip netns exec a iptables -t nat -L OUTPUT -v -n
