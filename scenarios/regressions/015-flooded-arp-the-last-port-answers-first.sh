# A bridge floods out of its ports in the order of br->port_list, where each new port goes to
# the head: the port enslaved last gets the ARP request first, so when two namespaces behind
# the bridge answer for the same address, the one behind the newest port wins (a later answer
# does not override a fresh entry). Found by the differential fuzzer.
ip netns add s
ip netns add x1
ip netns add x2
ip -n s link set lo up
ip -n x1 link set lo up
ip -n x2 link set lo up
ip -n s link add p1 address 02:00:00:00:01:01 type veth peer name eth0 address 02:00:00:00:01:02 netns x1
ip -n s link add p2 address 02:00:00:00:02:01 type veth peer name eth0 address 02:00:00:00:02:02 netns x2
ip -n s link add br0 type bridge
ip -n s addr add 10.0.0.1/24 dev br0
ip -n x1 addr add 10.0.0.9/24 dev eth0
ip -n x2 addr add 10.0.0.9/24 dev eth0
ip -n s link set p1 master br0
ip -n s link set p2 master br0
ip -n s link set br0 up
ip -n s link set p1 up
ip -n s link set p2 up
ip -n x1 link set eth0 up
ip -n x2 link set eth0 up
ip netns exec s ping -c1 -W2 10.0.0.9
ip -n s neigh show dev br0
ip -n x1 neigh show dev eth0
ip -n x2 neigh show dev eth0
