# ip neigh: manual entries and what a ping leaves behind (B15).
ip link add v0 type veth peer name v1
ip addr add 192.0.2.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0
ip neigh
ip -j neigh
! ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev v0
ip neigh replace 192.0.2.9 lladdr 02:00:00:00:00:0a dev v0 nud reachable
ip neigh show dev v0
ip neigh del 192.0.2.9 dev v0
! ip neigh del 192.0.2.9 dev v0
ip neigh
! ping -c1 -W4 192.0.2.99
ip neigh show 192.0.2.99
ip -j neigh show dev v0
