# Found by the differential fuzzer (seed 2, try 23; minimised by hand from 101 lines): a ping
# bound to a device (`ping -I DEV`, SO_BINDTODEVICE) gets only what comes in on that device
# (inet_iif). A reply looped back through lo counts as coming in on the device of the local
# route that carried it (rt_iif), which is the first of the routes for that address: with
# 10.0.4.1 on both eth2 and eth3, a ping bound to eth3 never sees its reply. A reply that
# comes back over another link is lost the same way.
ip netns add n2
ip -n n2 link set lo up
ip -n n2 link add eth2 type veth peer name eth3
ip -n n2 addr add 10.0.4.1/31 dev eth2
ip -n n2 addr add 10.0.4.1/31 dev eth3
ip -n n2 link set eth2 up
ip -n n2 link set eth3 up
ip -n n2 route show table local
! ip netns exec n2 ping -c1 -W1 -I eth3 10.0.4.1
ip netns exec n2 ping -c1 -W1 -I eth2 10.0.4.1
ip netns exec n2 ping -c1 -W1 10.0.4.1
ip -n n2 addr add 10.0.5.1/24 dev eth3
ip netns exec n2 ping -c1 -W1 -I eth3 10.0.5.1
! ip netns exec n2 ping -c1 -W1 -I eth2 10.0.5.1
ip -n n2 route get 10.0.4.1 oif eth3

ip netns add n0
ip netns add n1
ip -n n0 link set lo up
ip -n n1 link set lo up
ip -n n0 link add eth0 type veth peer name e0 netns n1
ip -n n0 link add eth1 type veth peer name e1 netns n1
ip -n n0 addr add 10.0.1.1/24 dev eth0
ip -n n0 addr add 10.0.2.1/24 dev eth1
ip -n n1 addr add 10.0.1.2/24 dev e0
ip -n n1 addr add 10.0.2.2/24 dev e1
ip -n n0 link set eth0 up
ip -n n0 link set eth1 up
ip -n n1 link set e0 up
ip -n n1 link set e1 up
ip netns exec n0 ping -c1 -W1 -I eth1 10.0.2.2
ip -n n1 route add 10.0.2.1/32 via 10.0.1.1
! ip netns exec n0 ping -c1 -W1 -I eth1 10.0.2.2
ip netns exec n0 ping -c1 -W1 10.0.2.2
ip netns exec n0 ping -c1 -W1 -I 10.0.2.1 10.0.2.2
