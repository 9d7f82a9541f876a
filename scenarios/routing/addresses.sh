# Addresses and the routes the kernel derives from them (B1, B3, B4, B5, A2).
ip link add v0 type veth peer name v1
ip addr add 192.0.2.1/24 dev v0
ip route
ip route show table local
ip link set v0 up
ip route
ip route show table local
ip link set v1 up
ip route
ip -j route
ip addr add 192.0.2.5/24 dev v0
! ip addr add 192.0.2.1/24 dev v0
ip addr add 192.0.2.1/25 dev v0
ip addr add 192.0.2.9 dev v0
ip -4 -br addr show v0
ip -4 addr show dev v0
ip -j -4 addr show dev v0
ip route show table local
! ip addr del 192.0.2.9/24 dev v0
ip addr del 192.0.2.9 dev v0
! ip addr add 10.0.0.1/24
! ip addr add 10.0.0.1/33 dev v0
! ip addr add 10.0.0.1/24 dev nosuch
ip addr del 192.0.2.1/24 dev v0
ip -4 addr show dev v0
ip route
ip route show table local
ip addr add 198.51.100.1/24 brd + dev v0
ip -4 addr show dev v0
ip route show table local

# Admin-down flushes every route through the device, static ones too; lo keeps 127.0.0.1.
ip route add 10.9.0.0/16 via 198.51.100.2 metric 50
ip route add 203.0.113.0/24 dev v0
ip route
ip link set v0 down
ip route
ip route show table local
ip link set v0 up
ip route
ip link set lo down
ip route show table local
ip -4 addr show dev lo
ip link set lo up
ip route show table local
