# ip -d link for a bridge and its ports. The gc_timer of an up bridge and the
# forward_delay_timer of a port enabled less than 15 s ago run in real time, so this scenario
# looks only at a bridge that is down and at ports that are disabled.
ip link add br0 type bridge
ip -d link show br0
ip -d -j link show br0
ip link add v1 address 02:00:00:00:00:21 type veth peer name p1 address 02:00:00:00:00:12
ip link add v2 address 02:00:00:00:00:22 type veth peer name p2 address 02:00:00:00:00:31
ip link set p1 master br0
ip link set p2 master br0
ip -d link show br0
ip -d link show p1
ip -d link show p2
ip -d -j link show p2
ip link set br0 up
ip link set p2 up
ip -d link show p2
ip link set p1 nomaster
ip -d link show p1
ip -d -j link show p1
ip link set br0 down
ip -d link show br0
ip link set p1 master br0
ip -d link show p1
ip link show type bridge
ip -br link show master br0
