# A gateway that is one of our own addresses: the route keeps showing "via", but the kernel gives
# the nexthop scope host and never uses the gateway: packets go straight to their destination.
ip netns add a
ip netns add b
ip -n a link add v0 type veth peer name v1 netns b
ip -n a addr add 10.1.0.1/24 dev v0
ip -n b addr add 10.1.0.2/24 dev v1
ip -n b addr add 10.2.0.5/32 dev v1
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a link set lo up
ip -n a route add 10.2.0.0/24 via 10.1.0.1 dev v0
ip -n a route add 10.3.0.0/24 via 10.1.0.1
ip -n a route
ip -n a route get 10.2.0.5
ip -n a route get 10.3.0.7
ip netns exec a ping -c1 -W1 10.2.0.5
ip -n a neigh
! ip netns exec a ping -c1 -W1 10.3.0.7
ip -n a neigh
ip -n a route add 10.4.0.0/24 via 127.0.0.1
! ip -n a route add 10.4.0.0/24 via 127.0.0.1 dev lo
ip -n a route get 10.4.0.9
! ip netns exec a ping -c1 -W1 10.4.0.9
