# A bridge and its ports (A16): states, the bridge's MAC, master in listings, nomaster, delete.
ip link add br0 type bridge
ip link show br0
ip -j link show br0
ip link set br0 up
ip link show br0
ip -br link show br0
ip link add v1 address 02:00:00:00:00:21 type veth peer name p1 address 02:00:00:00:00:12
ip link add v2 address 02:00:00:00:00:22 type veth peer name p2 address 02:00:00:00:00:11
ip link set p1 master br0
ip link show br0
ip link show p1
ip link set p2 master br0
ip -br link
ip link show master br0
ip -j link show master br0
ip -br link show type bridge
ip -br link show type bridge_slave
ip -br link show type veth
ip link set p1 up
ip -br link
ip link set v1 up
ip -br link
ip -4 addr show br0
ip link set p2 up
ip link set v2 up
ip -br link
ip link show p2
ip -j link show p2
! ip link set lo master br0
! ip link set p1 master nosuch
! ip link set p1 master v1
! ip link set br0 master br0
ip link set p2 nomaster
ip -br link show p2
ip link show br0
ip link set p2 master br0
ip link del br0
ip -br link
! ip link show master br0
ip link show p1
