# Rootless networking: uid 1000 makes a user namespace and a network namespace together, and as
# root there configures the network namespace end to end. Everything happens in one bash -c,
# since the namespaces die with the command.

# A new network namespace: only lo, down; nothing answers, and ping fails to connect (status 2).
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'id; ip link; ping -c1 -W1 127.0.0.1'

# lo up: ping on its own lo.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'ip link set lo up; ip -br addr; ping -c1 -W1 127.0.0.1'

# A veth pair with addresses and routes.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'ip link set lo up; ip link add v0 type veth peer name v1; ip addr add 10.9.0.1/24 dev v0; ip addr add 10.9.0.2/24 dev v1; ip link set v0 up; ip link set v1 up; ip -4 -br addr; ip route add 10.10.0.0/16 via 10.9.0.2; ip route add default via 10.9.0.254 dev v0 metric 100; ip route; ping -c1 -W1 10.9.0.1; ping -c1 -W1 10.9.0.2'

# A bridge, a policy rule, a second table, and forwarding on.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'ip link add br0 type bridge; ip link add v0 type veth peer name v1; ip link set v0 up; ip link set v1 up; ip link set v1 master br0; ip link set br0 up; ip addr add 10.20.0.1/24 dev br0; ip rule add from 10.20.0.0/24 table 100; ip route add default dev br0 table 100; ip rule; ip route show table 100; sysctl -w net.ipv4.ip_forward=1; ip -4 route'

# What ping finds: without -n it is in the host's network namespace, where root of the user
# namespace cannot open a raw socket; uid 1000 outside uses ping's file capability.
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n ping -c1 -W1 127.0.0.1
! unshare -U -r ping -c1 -W1 127.0.0.1
setpriv --reuid=1000 --regid=1000 --clear-groups ping -c1 -W1 127.0.0.1
