# A network namespace is owned by the user namespace its creator was in; changing it needs
# CAP_NET_ADMIN there. Root of a child user namespace holds it only over namespaces it owns.
# The harness's first namespace plays the host, owned by the initial user namespace.

ip link add h0 type veth peer name h1
ip addr add 10.8.0.1/24 dev h0

# Root inside -r changes nothing of the host (RTNETLINK answers: Operation not permitted).
! unshare -U -r ip link set lo down
! unshare -U -r ip link add v0 type veth peer name v1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip link add v0 type veth peer name v1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip link set h0 up
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip addr add 10.8.0.2/24 dev h0
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip addr del 10.8.0.1/24 dev h0
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip route add 10.7.0.0/16 dev h0
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip link del h0
! setpriv --reuid=1000 --regid=1000 --clear-groups ip link set h0 up
! setpriv --reuid=1000 --regid=1000 --clear-groups ip addr add 10.8.0.2/24 dev h0

# Reading needs nothing.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip -br link
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip -4 -br addr
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U ip route
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter

# The host is as it was.
ip -br link
ip -4 -br addr

# Its own network namespace is another matter: made with -n, it belongs to the new user
# namespace, and root there may change it. It starts with lo down, and dies with the command.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n ip link add v0 type veth peer name v1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n ip link
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'ip link set lo up; ip -br addr'
# Without a map there is no root, so no capability, even over its own namespace.
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -n ip link set lo up
# A network namespace alone needs CAP_SYS_ADMIN where it is made.
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -n true
unshare -n ip -br link

# sysctl: the files open for writing for CAP_NET_ADMIN over the owner, or for kernel uid 0
# itself (mode 0644); the forwarding handlers then ask for CAP_NET_ADMIN again.
! setpriv --reuid=1000 --regid=1000 --clear-groups sysctl -w net.ipv4.ip_forward=1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r sysctl -w net.ipv4.conf.all.rp_filter=1
! unshare -U -r sysctl -w net.ipv4.ip_forward=1
unshare -U -r sysctl -w net.ipv4.conf.all.rp_filter=1
unshare -U sysctl -w net.ipv4.conf.all.rp_filter=2
sysctl net.ipv4.conf.all.rp_filter net.ipv4.ip_forward
sysctl -w net.ipv4.conf.all.rp_filter=0
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r bash -c 'echo 1 > /proc/sys/net/ipv4/conf/all/rp_filter'
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n sysctl -w net.ipv4.conf.all.rp_filter=1 net.ipv4.ip_forward=1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -n sysctl -w net.ipv4.conf.all.rp_filter=1 net.ipv4.ip_forward=1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -n bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'

# /run/netns is the host's: mounting a name there needs CAP_SYS_ADMIN in the initial namespace.
! setpriv --reuid=1000 --regid=1000 --clear-groups ip netns add foo
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n ip netns add foo
! unshare -U -r ip netns add foo
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n ip netns list
ip netns list
