# A ping bound to a device (-I DEV) gets echo replies that loop back as if they came in on the
# local route's device (rt_iif), but ICMP errors reach raw sockets through raw_icmp_error, which
# matches the device they really came in on: a locally made error (here: ARP for the next hop
# failed) comes in on lo, so a ping bound to eth0 never sees it. Found by the differential
# fuzzer.
ip link set lo up
ip link add eth0 type veth peer name eth1
ip addr add 10.0.1.2/16 dev eth0
ip link set eth0 up
ip link set eth1 up
ip route add default dev eth0
! ping -c1 -W4 10.0.3.1
! ping -c1 -W4 -I eth0 10.0.3.1
! ping -c1 -W4 -I 10.0.1.2 10.0.3.1
ping -c1 -W1 -I eth0 10.0.1.2
! ping -c1 -W1 -I lo 10.0.1.2
