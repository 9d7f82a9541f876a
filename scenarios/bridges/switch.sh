# A bridge as a plain switch: it lives in its own namespace with no address, and joins the
# links of its ports. What a port's state, the bridge's state and br_netfilter do to frames.
ip netns add sw
ip netns add a
ip netns add b
ip netns add c
ip -n sw link add br0 type bridge
ip -n sw link add pa address 02:00:00:00:00:0a type veth peer name eth0 netns a
ip -n sw link add pb address 02:00:00:00:00:0b type veth peer name eth0 netns b
ip -n sw link add pc address 02:00:00:00:00:0c type veth peer name eth0 netns c
ip -n sw link set pa master br0
ip -n sw link set pb master br0
ip -n sw link set pc master br0
ip -n sw link set pa up
ip -n sw link set pb up
ip -n sw link set pc up
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n c addr add 10.0.0.3/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n c link set eth0 up

# The bridge is still down: its ports drop everything, ARP too.
ip -n sw -br link show type bridge_slave
! ip netns exec a ping -c1 -W4 10.0.0.2
ip -n a neigh show 10.0.0.2
ip -n sw link set br0 up
ip -n sw -br link show br0
ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec c ping -c1 -W1 10.0.0.1
ip -n a neigh show 10.0.0.2
ip -n sw neigh

# A port that goes down cuts off its host, and only that one.
ip -n sw link set pb down
ip -n sw -br link show pb
! ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec a ping -c1 -W1 10.0.0.3
ip -n sw link set pb up
ip netns exec a ping -c1 -W1 10.0.0.2

# The host end going down takes the port's carrier; the bridge stays up through the others.
ip -n c link set eth0 down
ip -n sw -br link show pc
ip -n sw -br link show br0
ip netns exec a ping -c1 -W1 10.0.0.2
ip -n c link set eth0 up
ip netns exec c ping -c1 -W1 10.0.0.2

# br_netfilter: the switch's FORWARD chain sees the bridged pings as -i br0 -o br0.
ip netns exec sw iptables -P FORWARD DROP
! ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec sw iptables -A FORWARD -i br0 -o br0 -s 10.0.0.3 -j ACCEPT
ip netns exec sw iptables -A FORWARD -i br0 -o br0 -d 10.0.0.3 -j ACCEPT
ip netns exec c ping -c2 -i0.2 -W1 10.0.0.1
! ip netns exec a ping -c1 -W1 10.0.0.2
ip netns exec sw iptables -L FORWARD -v -n -x
ip netns exec sw sysctl net.bridge.bridge-nf-call-iptables
ip netns exec sw iptables -P FORWARD ACCEPT

# Stopping the bridge disables every port; starting it enables them again.
ip -n sw link set br0 down
ip -n sw -br link
! ip netns exec a ping -c1 -W1 10.0.0.2
ip -n sw link set br0 up
ip netns exec a ping -c1 -W1 10.0.0.2
