# A route out of a bridge port: the ARP request leaves the port, but the answer comes back in
# on the port, which hands it to the bridge; the port's own neighbour entry never completes.
# (Found by the differential fuzzer: a port keeps its address and its prefix route.)
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 address 02:00:00:00:00:01 type veth peer name eth0 address 02:00:00:00:00:02 netns b
ip -n a addr add 10.0.3.1/30 dev eth0
ip -n b addr add 10.0.3.2/30 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n b link add br0 type bridge
ip -n b link set br0 up
ip -n b link set eth0 master br0
ip -n b route get 10.0.3.1
# b's request to a goes out of eth0 itself; a's answer goes to br0
! ip netns exec b ping -c1 -W4 10.0.3.1
ip -n b neigh show dev eth0
# a can still reach b: b answers a's ARP for 10.0.3.2 on br0, and the echo reply goes to
# 10.0.3.1 ... out of eth0, whose entry is now FAILED
! ip netns exec a ping -c1 -W4 10.0.3.2
ip -n b neigh show dev eth0
