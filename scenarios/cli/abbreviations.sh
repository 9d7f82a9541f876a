# iproute2's keyword abbreviations and output forms (H1, H3, H4, H6, H7).
ip link add v0 type veth peer name v1
ip a add 192.0.2.1/24 dev v0
ip l s dev v0 up
ip l s v1 up
ip a
ip addr sh
ip li sh v0
ip r
ip ro
ip ru
ip n
ip -o -4 a
ip -o link
ip -br a
ip -br -4 a
ip -j -br link
ip -j -br addr
ip -p -j link show lo
ip -p -j -4 addr show v0
ip -4 -o addr show dev v0
ip -V
! ip link help
! ip route foo
! ip rule foo
! ip neigh foo
! ip addr foo
! ip -s -s -foo link
! ip link add v2 type veth peer name v3 bogus
! ip route add 10.0.0.0/8 dev v0 table foo
! ip rule add table foo
! ip rule add foo bar
ip -d route
ip route show dev v0
ip route show proto kernel
ip route show scope link
ip -j route show dev v0
ip route show 192.0.2.0/24
ip route show root 192.0.0.0/8
ip route show match 192.0.2.77
ip route show default
