# A router between two subnets, each a bridge in the router with two hosts: bridged traffic
# stays inside a LAN (TTL 64), routed traffic crosses (TTL 63), and the router's FORWARD chain
# tells them apart by -i/-o.
ip netns add r
ip netns add a1
ip netns add a2
ip netns add b1
ip netns add b2
ip -n r link add br1 type bridge
ip -n r link add br2 type bridge
ip -n r link add pa1 address 02:00:00:00:0a:01 type veth peer name eth0 netns a1
ip -n r link add pa2 address 02:00:00:00:0a:02 type veth peer name eth0 netns a2
ip -n r link add pb1 address 02:00:00:00:0b:01 type veth peer name eth0 netns b1
ip -n r link add pb2 address 02:00:00:00:0b:02 type veth peer name eth0 netns b2
ip -n r link set pa1 master br1
ip -n r link set pa2 master br1
ip -n r link set pb1 master br2
ip -n r link set pb2 master br2
ip -n r addr add 10.0.1.1/24 dev br1
ip -n r addr add 10.0.2.1/24 dev br2
ip -n r link set br1 up
ip -n r link set br2 up
ip -n r link set pa1 up
ip -n r link set pa2 up
ip -n r link set pb1 up
ip -n r link set pb2 up
ip -n r link set lo up
ip -n a1 addr add 10.0.1.11/24 dev eth0
ip -n a2 addr add 10.0.1.12/24 dev eth0
ip -n b1 addr add 10.0.2.11/24 dev eth0
ip -n b2 addr add 10.0.2.12/24 dev eth0
ip -n a1 link set eth0 up
ip -n a2 link set eth0 up
ip -n b1 link set eth0 up
ip -n b2 link set eth0 up
ip -n a1 route add default via 10.0.1.1
ip -n a2 route add default via 10.0.1.1
ip -n b1 route add default via 10.0.2.1
ip -n b2 route add default via 10.0.2.1
ip -n r -br link
ip -n r route

# Within a LAN without forwarding; across LANs only with it.
ip netns exec a1 ping -c1 -W1 10.0.1.12
ip netns exec a1 ping -c1 -W1 10.0.2.1
! ip netns exec a1 ping -c1 -W1 10.0.2.11
! ip -n r route get 10.0.2.11 from 10.0.1.11 iif br1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec a1 ping -c1 -W1 10.0.2.11
ip netns exec b2 ping -c1 -W1 10.0.1.12
ip -n r route get 10.0.2.11 from 10.0.1.11 iif br1
ip -n r neigh show 10.0.2.11
ip -n a1 neigh show 10.0.1.1

# FORWARD sees routed traffic as -i br1 -o br2, bridged traffic as -i br1 -o br1.
ip netns exec r iptables -A FORWARD -i br1 -o br2 -j DROP
! ip netns exec a1 ping -c1 -W1 10.0.2.11
ip netns exec a1 ping -c1 -W1 10.0.1.12
! ip netns exec b1 ping -c1 -W1 10.0.1.11
ip netns exec r iptables -A FORWARD -i br1 -o br1 -j DROP
! ip netns exec a2 ping -c1 -W1 10.0.1.11
ip netns exec a2 ping -c1 -W1 10.0.1.1
ip netns exec r iptables -L FORWARD -v -n
ip netns exec r iptables -F FORWARD

# A LAN port going down cuts off its host only; the bridge keeps its carrier through the other.
ip -n r link set pa2 down
! ip netns exec b1 ping -c1 -W1 10.0.1.12
ip netns exec b1 ping -c1 -W1 10.0.1.11
ip -n r -br link show br1
ip -n r route show dev br1
