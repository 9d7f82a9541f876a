# Found by the differential fuzzer (seed 1, try 6; minimised by hand from 81 lines):
# `ping -I lo ADDR` where ADDR is this namespace's address on another device. Bound to lo, the
# lookup skips the local route (its device is eth0) and, finding nothing, assumes ADDR is on
# lo's link: a unicast route out of lo. The packet loops back with that route still attached,
# and a route that is not local has dst_discard for input: it is lost. The same goes for a
# plain route through lo (`ip route add 10.8.0.0/16 dev lo`).
ip netns add n1
ip -n n1 link set lo up
ip -n n1 link add eth0 type veth peer name eth1
ip -n n1 addr add 10.0.1.3/16 dev eth0
ip -n n1 link set eth0 up
! ip netns exec n1 ping -c1 -W1 -I lo 10.0.1.3
ip netns exec n1 ping -c1 -W1 -I lo 127.0.0.1
ip netns exec n1 ping -c1 -W1 -I eth0 10.0.1.3
ip netns exec n1 ping -c1 -W1 -I 10.0.1.3 10.0.1.3
ip -n n1 route add 10.8.0.0/16 dev lo
! ip netns exec n1 ping -c1 -W1 10.8.0.1
ip -n n1 route get 10.8.0.1
! ip netns exec n1 ping -c1 -W1 -I lo 10.8.0.1
