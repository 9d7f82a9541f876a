# 0.0.0.0/8 other than 0.0.0.0 is ordinary unicast since Linux 5.3 (ipv4_is_zeronet checks only
# 0.0.0.0): addresses in it get their prefix and broadcast routes, route lookups and pings work,
# and it is no martian source or destination; 0.0.0.0 itself still is.
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n a addr add 0.1.2.3/24 dev eth0
ip -n b addr add 0.1.2.4/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a route
ip -n a route show table local
ip -n a route get 0.1.2.4
ip -n b route get 0.1.2.4 from 0.1.2.3 iif eth0
! ip -n b route get 10.0.0.1 from 0.1.2.3 iif eth0
ip netns exec a ping -c1 -W4 0.1.2.4
ip netns exec a ping -c1 -W4 0.1.2.3
ip -n a addr add 0.0.0.0/8 dev eth0
ip -n a route get 0.0.0.0
! ip -n a route get 0.0.0.1
! ip -n b route get 0.0.0.0 from 0.1.2.3 iif eth0
