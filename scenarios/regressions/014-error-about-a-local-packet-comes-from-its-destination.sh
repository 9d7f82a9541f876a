# An ICMP error about a packet that was being delivered here (a REJECT in INPUT) comes from the
# address the packet was sent to (icmp_send takes iph->daddr when the route is RTCF_LOCAL), not
# from the source the route back would pick. Found by the differential fuzzer.
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n a addr add 10.0.1.4/24 dev eth0
ip -n b addr add 10.0.1.5/24 dev eth0
ip -n b addr add 10.0.1.7/32 dev eth0
ip -n b addr add 10.0.9.9/32 dev lo
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a route add 10.0.9.9 via 10.0.1.5
ip netns exec b iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT
! ip netns exec a ping -c1 -W2 10.0.1.7
! ip netns exec a ping -c1 -W2 10.0.1.5
! ip netns exec a ping -c1 -W2 10.0.9.9
ip netns exec b iptables -R INPUT 1 -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-host-prohibited
! ip netns exec a ping -c1 -W2 10.0.9.9
