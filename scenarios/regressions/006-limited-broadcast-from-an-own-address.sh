# Found by the differential fuzzer in CI (seed 1, try 44; shrunk from 73 to the first 4 lines):
# an input lookup for the limited broadcast 255.255.255.255 validates its source like any
# broadcast's (brd_input calls fib_validate_source), so a source that is one of the
# namespace's own addresses is a martian: Invalid argument. A foreign source is accepted.
ip netns add n0
ip -n n0 link add eth0 index 100 type veth peer name eth1 index 101
ip -n n0 addr add 10.0.1.1/24 dev eth0
! ip -n n0 route get 255.255.255.255 from 10.0.1.1 iif eth0
! ip -n n0 route get 255.255.255.255 from 10.0.1.1 iif lo
ip -n n0 route get 255.255.255.255 from 10.0.1.9 iif eth0
ip -n n0 route get 255.255.255.255 from 0.0.0.0 iif eth0
ip -n n0 link set eth0 up
ip -n n0 link set eth1 up
ip netns exec n0 sysctl -w net.ipv4.conf.all.rp_filter=1
ip -n n0 route get 255.255.255.255 from 10.0.1.9 iif eth0
! ip -n n0 route get 255.255.255.255 from 10.0.1.9 iif eth1
! ip -n n0 route get 255.255.255.255 from 10.0.1.9 iif lo
