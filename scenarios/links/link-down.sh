# Link down and up (B1, B4, A10): which routes go and which come back, what the peer sees;
# then name, mtu and address changes; dummy devices do not exist on this kernel.
ip link add v0 type veth peer name v1
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip route add 10.1.0.0/16 via 192.0.2.2
ip route add 10.2.0.0/16 dev v0 metric 50
ip route add 10.3.0.0/16 via 192.0.2.2 table 100
ip route add blackhole 10.4.0.0/16
ip route add 10.5.0.0/16 via 203.0.113.9 dev v0 onlink
ip route add 10.6.0.0/16 dev v0 src 198.51.100.1
# a gateway must be reached through a route of narrower scope than the new route's
! ip route add 10.7.0.0/16 via 192.0.2.2 dev v0 scope link
ip route add 10.7.0.0/16 via 192.0.2.2 dev v0 proto static
ip route
ip route show table 100

# The peer goes down: v0 loses carrier; its routes stay, marked linkdown, and are still used.
ip link set v1 down
ip link show v0
ip -br link show v1
ip route
ip -j route show 10.2.0.0/16
ip route get 10.1.2.3
ip route show table local dev v0
ip link set v1 up
ip route

# v0 goes down: every route through it goes, static ones too, in every table; local routes stay.
ip link set v0 down
ip link show v1
ip -4 route show table all
! ip route get 10.1.2.3
ip route get 192.0.2.1
! ip route add 10.8.0.0/16 dev v0
! ip route add 10.8.0.0/16 via 192.0.2.2
! ip route add 10.8.0.0/16 via 192.0.2.2 dev v0 onlink
# Up again: only the address routes come back.
ip link set v0 up
ip -4 route show table all
# table 100 is empty now, but it exists
ip route show table 100

# Renaming, even while up; the per-device sysctls follow, and so do the addresses' labels:
# the first takes the new name, the others the new name and ":N".
ip addr add 203.0.113.1/24 dev v0 label v0:web
ip link set v0 name w0
ip -4 addr show w0
ip route
sysctl net.ipv4.conf.w0.forwarding
! sysctl net.ipv4.conf.v0.forwarding
! ip link set w0 name v1
! ip link set w0 name abcdefghijklmnop
# MTU: its range, and the peer keeps its own.
ip link set w0 mtu 9000
ip link show w0
! ip link set w0 mtu 70000
! ip link set w0 mtu 60
ip link set w0 mtu 1500
# A MAC set by hand.
ip link set w0 address 02:00:00:00:00:aa
ip -br link show w0
! ip link set w0 address 01:00:5e:00:00:01
! ip link set w0 address ff:ff:ff:ff:ff:ff
! ip link set w0 address zz
! ip link set w0 address 02:00:00:00:aa
ip link set dev w0 down name v0 mtu 1400
ip link show v0

! ip link add d0 type dummy
ip link del v1
! ip link show v0
ip route
