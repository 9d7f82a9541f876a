# What a namespace sends to an address that its local table calls a broadcast of the device
# goes out in a link-layer broadcast frame, with no ARP (arp_constructor makes the neighbour
# NOARP): here b answers a's ping, whose source 10.0.1.127 is b's subnet broadcast, and a gets
# the answer. Found by the differential fuzzer.
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n a addr add 10.0.1.127/24 dev eth0
ip -n b addr add 10.0.1.4/25 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec a ping -c1 -W2 10.0.1.4
ip -n b route get 10.0.1.127
! ip netns exec b ping -c1 -W2 10.0.1.127
ip netns exec b ping -b -c1 -W2 10.0.1.127
