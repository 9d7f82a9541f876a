# A namespace with no address to send from (only lo's 127.0.0.1, which is host scope) pings
# from 0.0.0.0; when ARP for the gateway fails, the error goes to 0.0.0.0, which routes to the
# loopback from and to 127.0.0.1, so ping hears "From 127.0.0.1 ... Destination Host
# Unreachable" (with lo down, nothing). Found by the differential fuzzer (seed 20261201, try
# 2415) once its pings waited 4 s, longer than the ARP failure.
ip netns add n0
ip netns add n5
ip -n n0 link set lo up
ip -n n5 link add eth0 type veth peer name eth0 netns n0
ip -n n0 link set eth0 up
ip -n n5 link set eth0 up
ip -n n0 route add default via 10.0.3.3 dev eth0 onlink metric 100
ip -n n0 route get 10.0.4.0
! ip netns exec n0 ping -c1 -W4 10.0.4.0
ip -n n0 neigh show
ip -n n0 neigh flush dev eth0
ip -n n0 link set lo down
! ip netns exec n0 ping -c1 -W4 10.0.4.0
