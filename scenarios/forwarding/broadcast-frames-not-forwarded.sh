# A router drops a packet that came in a link-layer broadcast frame and is not for it
# (ip_forward: the frame's pkt_type is not PACKET_HOST), and sends no ICMP error about it,
# not even when it has no route (icmp_send answers only PACKET_HOST frames). a's 10.0.0.255 is
# its subnet broadcast, so a sends it in a broadcast frame; for r (a /25) the address is
# neither its own nor a broadcast, and r routes it on towards b. The same packets in unicast
# frames (10.0.0.200, sent to r's MAC) are forwarded, or answered with an error.
ip netns add a
ip netns add r
ip netns add b
ip -n a link set lo up
ip -n r link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name ra address 02:00:00:00:00:02 netns r
ip -n b link add eth0 type veth peer name rb netns r
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n r addr add 10.0.0.2/25 dev ra
ip -n r addr add 10.9.0.1/24 dev rb
ip -n b addr add 10.9.0.2/24 dev eth0
ip -n b addr add 10.0.0.200/32 dev eth0
ip -n a link set eth0 up
ip -n r link set ra up
ip -n r link set rb up
ip -n b link set eth0 up
ip -n b route add default via 10.9.0.1
ip -n r route add 10.0.0.128/25 via 10.9.0.2
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r iptables -A FORWARD -p icmp
ip netns exec r iptables -A OUTPUT -p icmp
ip netns exec b iptables -A INPUT -p icmp
ip -n a neigh add 10.0.0.200 lladdr 02:00:00:00:00:02 dev eth0
ip -n r route get 10.0.0.255 from 10.0.0.1 iif ra
! ip netns exec a ping -b -c1 -W2 10.0.0.255
ip netns exec a ping -c1 -W2 10.0.0.200
ip netns exec r iptables -S -v
ip netns exec b iptables -S INPUT -v
ip -n r route del 10.0.0.128/25
! ip -n r route get 10.0.0.255 from 10.0.0.1 iif ra
! ip netns exec a ping -b -c1 -W2 10.0.0.255
! ip netns exec a ping -c1 -W2 10.0.0.200
ip netns exec r iptables -S -v
