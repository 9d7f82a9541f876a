# ip route get (B10, B11): output and input lookups with from, iif, oif, mark, text and JSON.
ip link add v0 type veth peer name v1
ip link add w0 type veth peer name w1
ip addr add 192.0.2.1/24 dev v0
ip addr add 198.51.100.1/24 dev w0
ip addr add 203.0.113.1/32 dev lo
ip link set v0 up
ip link set v1 up
ip link set w0 up
ip link set w1 up
ip route add default via 192.0.2.254
ip route add 10.1.0.0/16 via 198.51.100.254 metric 10
ip route add 10.2.0.0/16 via 198.51.100.254 table 7
ip rule add fwmark 0x7 lookup 7 pref 70
ip rule add from 203.0.113.1 lookup 7 pref 71
ip rule add iif w0 lookup 7 pref 72

ip route get 10.9.9.9
ip route get to 10.9.9.9
ip -j route get 10.9.9.9
ip -j -p route get 10.9.9.9
ip route get 10.1.2.3
ip route get 10.1.2.3 from 192.0.2.1
ip -j route get 10.1.2.3 from 192.0.2.1
ip route get 10.1.2.3 oif v0
ip route get 10.1.2.3 dev v0
ip route get 10.1.2.3 from 198.51.100.1 oif v0
! ip route get 10.1.2.3 from 10.99.0.1
! ip route get 10.1.2.3 oif nosuch
ip route get 10.2.0.1
ip route get 10.2.0.1 mark 7
ip route get 10.2.0.1 mark 0x7
ip -j route get 10.2.0.1 mark 7
ip route get 10.2.0.1 from 203.0.113.1
ip -j route get 10.2.0.1 from 203.0.113.1

# Input lookups: iif needs a from (0.0.0.0 is a martian source); forwarding decides the rest.
! ip route get 10.2.0.1 iif w0
! ip route get 10.2.0.1 from 198.51.100.7 iif w0
sysctl -q -w net.ipv4.ip_forward=1
ip route get 10.2.0.1 from 198.51.100.7 iif w0
ip -j route get 10.2.0.1 from 198.51.100.7 iif w0
ip route get 10.1.2.3 from 192.0.2.7 iif v0
ip route get 10.1.2.3 from 198.51.100.7 iif w0
ip route get 198.51.100.9 from 198.51.100.7 iif w0
ip route get 192.0.2.1 from 192.0.2.7 iif v0
ip -j route get 192.0.2.1 from 192.0.2.7 iif v0
ip route get 203.0.113.1 from 198.51.100.7 iif w0
ip route get 192.0.2.255 from 192.0.2.7 iif v0
ip route get 10.1.2.3 from 192.0.2.7 iif v0 mark 7
! ip route get 10.1.2.3 from 192.0.2.1 iif v0
! ip route get 10.1.2.3 from 127.0.0.1 iif v0
! ip route get 127.0.0.1 from 192.0.2.7 iif v0
! ip route get 127.0.0.1 from 127.0.0.1 iif lo

# Local and broadcast answers, and the host's own addresses.
ip route get 192.0.2.1
ip route get 203.0.113.1
ip -j route get 203.0.113.1
ip route get 192.0.2.255
ip route get 255.255.255.255
ip route get 127.1.2.3
ip route get 0.0.0.0
ip route get 192.0.2.1 from 198.51.100.1
! ip route get 10.1.2.3 from 127.0.0.1
! ip route get 300.1.2.3
! ip route get
! ip route get 10.1.2.3 iif nosuch

# Broadcast and multicast never use the default route's gateway; a multicast route of /4 or
# longer does. (RTCF_MULTICAST shares its bit with the flag iproute2 calls rt_offload_failed.)
ip route get 224.0.0.5
ip -j route get 224.0.0.5
ip route get 239.1.2.3 from 192.0.2.1
ip route add 224.0.0.0/4 via 192.0.2.253
ip route get 239.1.2.3
ip route get 224.0.0.5 oif v0
