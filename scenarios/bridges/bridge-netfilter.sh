# br_netfilter (E11): bridged IPv4 passes PREROUTING, FORWARD and POSTROUTING in the bridge's
# namespace, so a MASQUERADE rule that forgets "! -o docker0" rewrites traffic between two
# containers on the same bridge, and the replies then need the host to forward them.
# (Counting rules say -p icmp: the containers' own IGMP reports cross the bridge too.)
ip link add docker0 type bridge
ip addr add 172.17.0.1/16 dev docker0
ip link set docker0 up
ip netns add c1
ip netns add c2
ip link add veth1 address 02:00:00:00:01:01 type veth peer name eth0 netns c1 address 02:00:00:00:00:02
ip link add veth2 address 02:00:00:00:01:02 type veth peer name eth0 netns c2 address 02:00:00:00:00:03
ip link set veth1 master docker0
ip link set veth2 master docker0
ip link set veth1 up
ip link set veth2 up
ip -n c1 addr add 172.17.0.2/16 dev eth0
ip -n c2 addr add 172.17.0.3/16 dev eth0
ip -n c1 link set eth0 up
ip -n c2 link set eth0 up
iptables -t raw -A PREROUTING -p icmp -j ACCEPT
iptables -t mangle -A POSTROUTING -p icmp -j ACCEPT
iptables -A FORWARD -p icmp -j ACCEPT
ip netns exec c1 ping -c2 -i0.2 -W1 172.17.0.3
iptables -t raw -L PREROUTING -v -n
iptables -t mangle -L POSTROUTING -v -n
iptables -L FORWARD -v -n
iptables -Z

# The careless MASQUERADE: c2 sees the ping come from 172.17.0.1 and answers the host, which
# does not forward, so c1 gets nothing...
iptables -t nat -A POSTROUTING -s 172.17.0.0/16 -j MASQUERADE
! ip netns exec c1 ping -c1 -W1 172.17.0.3
ip -n c2 neigh show 172.17.0.1
ip -n c2 neigh show 172.17.0.2
# ...until it does: the de-masqueraded reply is routed back out of docker0.
sysctl -q -w net.ipv4.ip_forward=1
ip netns exec c1 ping -c1 -W1 172.17.0.3
iptables -L FORWARD -v -n
iptables -t nat -F POSTROUTING
iptables -F FORWARD

# With bridge-nf-call-iptables=0 the bridge keeps its frames from iptables.
iptables -P FORWARD DROP
! ip netns exec c1 ping -c1 -W1 172.17.0.3
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec c1 ping -c1 -W1 172.17.0.3
ip netns exec c1 ping -c1 -W1 172.17.0.1
sysctl -w net.bridge.bridge-nf-call-iptables=1
! ip netns exec c1 ping -c1 -W1 172.17.0.3
iptables -L FORWARD -v -n

# DNAT of the bridge's own address to a container. With forwarding off the input route fails
# and the frame is dropped. With it on, the new destination is out of docker0 again, so the
# frame stays bridged (TTL 64); c2's reply to c1 is bridged too, and conntrack turns its source
# back into 172.17.0.1.
iptables -P FORWARD ACCEPT
sysctl -q -w net.ipv4.ip_forward=0
iptables -t nat -A PREROUTING -d 172.17.0.1 -p icmp -j DNAT --to-destination 172.17.0.3
! ip netns exec c1 ping -c1 -W1 172.17.0.1
sysctl -q -w net.ipv4.ip_forward=1
# (c2 forgets its neighbours first: how long an entry stays REACHABLE is random, 15-45 s)
ip -n c2 neigh flush dev eth0
ip netns exec c1 ping -c1 -W1 172.17.0.1
ip -n c2 neigh show 172.17.0.2
iptables -t nat -F PREROUTING
