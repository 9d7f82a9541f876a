# LOWERLAYERDOWN or DOWN for an up device without carrier (A10): linkwatch decides when the
# carrier changes (and once when a veth pair is made), by looking for the device with the peer's
# index in the device's own namespace: LOWERLAYERDOWN only when that device lacks carrier too.
# Timing: a device that is admin-down when its carrier goes has that event handled up to 1 s
# late (linkwatch batches non-urgent events), so its verdict may see later changes; nothing here
# changes another device's carrier within a second of such an event.
ip netns add a
ip link add y0 type veth peer name y1
ip -n a link add q0 type veth peer name q1
ip -n a link add q2 type veth peer name q3
# host: lo 1, y1 2, y0 3, v0 4; a: lo 1, q1 2, q0 3, q3 4, q2 5, v1 6
ip link add v0 type veth peer name v1 netns a
# v1 looks for index 4 in a: q3, without carrier
ip -n a link set v1 up
ip -n a -br link show v1
# v0 looks for index 6 in the host: there is none
ip link set v0 up
ip -br link show v0
ip -n a link set v1 down
ip -br link show v0
# index 6 appears in the host, without carrier: v0 keeps what was judged before...
ip link add z0 type veth peer name z1
ip link add z2 type veth peer name z3
ip -br link show v0
# ...until its carrier changes again
ip -n a link set v1 up
ip -n a link set v1 down
ip -br link show v0
# a moved device keeps its state until its carrier changes again
ip link add name m1 type veth peer name s1
ip link set s1 netns a
ip -n a link set s1 up
ip -n a -br link show s1
ip link set m1 up
ip link set m1 down
ip -n a -br link show s1
