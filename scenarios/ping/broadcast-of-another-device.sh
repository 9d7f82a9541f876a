# A broadcast address of one device, reached out of another (here by a route of eth0 and
# ping -I eth0), still goes in a broadcast frame with no ARP: arp_constructor asks the local
# table what the address is, not which device it belongs to (NOARP entries are not listed).
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n a link add eth1 type veth peer name eth1 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n a addr add 10.1.0.1/24 dev eth1
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n a link set eth1 up
ip -n b link set eth0 up
ip -n b link set eth1 up
ip -n a route add 10.1.0.0/16 dev eth0
ip -n a route get 10.1.0.255 oif eth0
! ip netns exec a ping -b -c1 -W1 -I eth0 10.1.0.255
ip -n a neigh show
ip -n a route get 10.1.0.254 oif eth0
! ip netns exec a ping -c1 -W4 -I eth0 10.1.0.254
ip -n a neigh show
