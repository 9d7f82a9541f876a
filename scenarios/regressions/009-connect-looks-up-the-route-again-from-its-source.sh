# ping learns its source by connect()ing a UDP socket, and ip_route_connect looks the route up
# twice: once to pick the source, then again from that source. A rule "from SRC" that leads to
# a reject route refuses the second lookup, and ping stops before sending (status 2).
# Found by the differential fuzzer (a rule from 10.0.0.0/16 to a table whose default is
# prohibit).
ip link set lo up
ip link add eth0 type veth peer name eth1
ip addr add 10.0.1.4/25 dev eth0
ip link set eth0 up
ip link set eth1 up
ip rule add from 10.0.0.0/16 pref 100 table 100
ip route add prohibit default table 100
ip route get 10.0.1.3
! ip route get 10.0.1.3 from 10.0.1.4
! ping -c1 -W1 10.0.1.3
ip route replace unreachable default table 100
! ping -c1 -W1 10.0.1.3
ip route replace blackhole default table 100
! ping -c1 -W1 10.0.1.3
ip route replace throw default table 100
! ping -c1 -W4 10.0.1.3
ip rule add from 10.0.1.4 pref 50 unreachable
! ping -c1 -W1 10.0.1.3
ping -c1 -W1 10.0.1.4
ip rule del pref 50
ip rule add from 10.0.1.4 pref 50 prohibit
ping -c1 -W1 10.0.1.4
! ping -c1 -W1 -I eth0 10.0.1.3
