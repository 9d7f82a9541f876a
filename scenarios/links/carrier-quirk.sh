# LOWERLAYERDOWN needs the peer's index to differ from the device's own (A10).
ip netns add a
ip link add x0 type veth peer name x1
ip link set x0 up
ip link show x0
ip link add v0 type veth peer name v1 netns a
ip link show v0
ip -n a link show v1
ip link set v0 up
ip link show v0
