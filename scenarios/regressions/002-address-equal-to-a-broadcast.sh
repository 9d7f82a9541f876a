# Found by the differential fuzzer (seed 1, try 19; minimised by hand from 34 lines): an
# address equal to another subnet's broadcast address (10.0.1.255/8 next to 10.0.1.129/25)
# gets its local route, but no prefix route and no broadcast route. Those routes have the new
# address as their source, and fib_create_info checks the source against table local, where the
# first route for 10.0.1.255 is the /25's broadcast route, not a local one: the insertions fail,
# and fib_add_ifaddr says nothing.
ip netns add n0
ip -n n0 link set lo up
ip -n n0 link add eth0 type veth peer name eth1
ip -n n0 addr add 10.0.1.129/25 dev eth1
ip -n n0 link set eth0 up
ip -n n0 link set eth1 up
ip -n n0 addr add 10.0.1.255/8 dev eth1
ip -n n0 -4 route show table all
! ip -n n0 route get 10.0.2.129
ip -n n0 addr add 10.0.1.127/8 dev eth0
ip -n n0 -4 route show table all
