# A Docker-style network: a bridge in the host holds the gateway address 172.17.0.1/16, three
# containers hang off it by veth pairs, and the host masquerades their traffic to the outside
# (an "isp" namespace with no route back to 172.17.0.0/16).
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip -br link show docker0
ip netns add c1
ip netns add c2
ip netns add c3
ip link add veth1 address 02:00:00:00:01:01 type veth peer name eth0 netns c1 address 02:42:ac:11:00:02
ip link add veth2 address 02:00:00:00:01:02 type veth peer name eth0 netns c2 address 02:42:ac:11:00:03
ip link add veth3 address 02:00:00:00:01:03 type veth peer name eth0 netns c3 address 02:42:ac:11:00:04
ip link set veth1 master docker0
ip link set veth2 master docker0
ip link set veth3 master docker0
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c2 addr add 172.17.0.3/16 dev eth0
ip -n c3 addr add 172.17.0.4/16 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
ip -n c3 link set eth0 up
ip -n c1 link set lo up
ip -n c2 link set lo up
ip -n c3 link set lo up
ip -n c1 route add default via 172.17.0.1
ip -n c2 route add default via 172.17.0.1
ip -n c3 route add default via 172.17.0.1
ip link show master docker0
ip -br link show docker0
ip -4 addr show docker0
ip route
ip -n c1 route

# Containers reach each other across the bridge, and the gateway; forwarding is not needed.
ip netns exec c1 ping -c1 -W1 172.17.0.3
ip netns exec c2 ping -c1 -W1 172.17.0.4
ip netns exec c3 ping -c1 -W1 172.17.0.2
ip netns exec c1 ping -c1 -W1 172.17.0.1
ping -c1 -W1 172.17.0.4
ip -n c1 neigh show 172.17.0.3
ip -n c3 neigh show 172.17.0.1
ip neigh show 172.17.0.4

# The outside: an uplink to an "isp" namespace that has 198.51.100.1 and no route to 172.17/16.
ip netns add isp
ip link add eth0 type veth peer name up0 netns isp
ip addr add 203.0.113.2/24 dev eth0
ip link set eth0 up
ip -n isp addr add 203.0.113.1/24 dev up0
ip -n isp addr add 198.51.100.1/32 dev lo
ip -n isp link set up0 up
ip -n isp link set lo up
ip route add default via 203.0.113.1
ping -c1 -W1 198.51.100.1
! ip netns exec c1 ping -c1 -W1 198.51.100.1
sysctl -w net.ipv4.ip_forward=1
! ip netns exec c1 ping -c1 -W1 198.51.100.1
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
ip netns exec c1 ping -c1 -W1 198.51.100.1
ip netns exec c2 ping -c1 -W1 198.51.100.1
ip netns exec c3 ping -c1 -W1 203.0.113.1
ip netns exec c2 ping -c1 -W1 172.17.0.3
ip netns exec c2 ping -c1 -W1 203.0.113.2
ip route get 198.51.100.1 from 172.17.0.2 iif docker0
ip netns exec c1 ip route get 198.51.100.1
iptables -t nat -S POSTROUTING

# br_netfilter: bridged traffic between containers passes the host's FORWARD chain (E11).
iptables -P FORWARD DROP
! ip netns exec c1 ping -c1 -W1 172.17.0.3
! ip netns exec c1 ping -c1 -W1 198.51.100.1
ip netns exec c1 ping -c1 -W1 172.17.0.1
iptables -A FORWARD -i docker0 -o docker0 -j ACCEPT
ip netns exec c1 ping -c1 -W1 172.17.0.3
! ip netns exec c1 ping -c1 -W1 198.51.100.1
iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
ip netns exec c1 ping -c1 -W1 198.51.100.1
iptables -L FORWARD -v -n

# A container whose port leaves the bridge is cut off; back on the bridge, it answers again.
ip link set veth3 nomaster
! ip netns exec c1 ping -c1 -W1 172.17.0.4
ip link set veth3 master docker0
ip netns exec c1 ping -c1 -W1 172.17.0.4
ip link show master docker0
