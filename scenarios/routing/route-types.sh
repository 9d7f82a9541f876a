# Route types as the host sees them, and ip route get (B9, B10, B12, B14).
ip link add v1 type veth peer name v2
ip link set v1 up
ip link set v2 up
ip addr add 192.0.2.2/24 dev v1
ip route add prohibit 10.1.0.0/16
ip route add throw 10.2.0.0/16
ip route add blackhole 198.51.100.0/24
ip route add unreachable 203.0.113.0/24
ip route
ip -j route
! ping -c1 -W1 198.51.100.1
! ping -c1 -W1 203.0.113.1
! ping -c1 -W1 10.1.0.1
! ping -c1 -W1 10.2.0.1
! ip route get 198.51.100.1
! ip route get 203.0.113.1
! ip route get 10.1.0.1
! ip route get 10.2.0.1
ip route get 192.0.2.2
ip route get 192.0.2.255
ip route get 192.0.2.9
ip route get 192.0.2.9 from 192.0.2.2
ip route get 192.0.2.0/24
ip -j route get 192.0.2.9
ip route get 127.0.0.1
ip route get 10.3.0.1 oif v1
! ip route show table 100
! ip -j route show table 100
ip route add 10.3.0.0/16 dev v2 table 100
ip route show table 100
ip route del 10.3.0.0/16 dev v2 table 100
ip route show table 100
ip -4 route show table all

# Source selection for a route on a device without addresses (B12).
ip link add x0 type veth peer name x1
ip link set x0 up
ip link set x1 up
ip route add 10.10.0.0/16 dev x0
ip route get 10.10.0.1
ip addr add 10.99.0.1/32 dev lo
ip route get 10.10.0.1
ip addr add 10.20.0.1/24 dev x0
ip route get 10.10.0.1
