# Which socket ping gets: ping_group_range (kernel gids, shown and written in the caller's user
# namespace) allows an ICMP datagram socket without any capability; otherwise a raw socket needs
# CAP_NET_RAW over the network namespace's owner. An unmapped uid cannot even setuid() to itself.
ip link set lo up
! unshare -U ping -c1 -W1 127.0.0.1
! unshare -U -r ping -c1 -W1 127.0.0.1
! unshare -U -r -n ping -c1 -W1 127.0.0.1
unshare -U -r -n bash -c 'ip link set lo up; ping -c1 -W1 127.0.0.1'
! unshare -U -n bash -c 'ping -c1 -W1 127.0.0.1'
setpriv --reuid=1000 --regid=1000 --clear-groups ping -c1 -W1 127.0.0.1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U ping -c1 -W1 127.0.0.1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ping -c1 -W1 127.0.0.1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 ping -c1 -W1 127.0.0.1
cat /proc/sys/net/ipv4/ping_group_range
unshare -U -r cat /proc/sys/net/ipv4/ping_group_range
unshare -U cat /proc/sys/net/ipv4/ping_group_range
unshare -U -r -n cat /proc/sys/net/ipv4/ping_group_range
unshare -U -r -n sysctl net.ipv4.ping_group_range
unshare -U -r -n bash -c 'sysctl -w net.ipv4.ping_group_range="0 0"; sysctl net.ipv4.ping_group_range'
unshare -U -r -n bash -c 'sysctl -w net.ipv4.ping_group_range="0 5"; sysctl net.ipv4.ping_group_range'
unshare -U -r -n bash -c 'sysctl -w net.ipv4.ping_group_range="1 1"; sysctl net.ipv4.ping_group_range'
unshare -n bash -c 'sysctl -w net.ipv4.ping_group_range="100 200"; unshare -U -r cat /proc/sys/net/ipv4/ping_group_range'
unshare -n bash -c 'ip link set lo up; sysctl -w net.ipv4.ping_group_range="1000 1000"; setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=5 ping -c1 -W1 127.0.0.1'
! unshare -n bash -c 'ip link set lo up; sysctl -w net.ipv4.ping_group_range="1000 1000"; setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=5 ping -c1 -W1 -e 0 127.0.0.1'
unshare -n bash -c 'ip link set lo up; sysctl -w net.ipv4.ping_group_range="1000 1000"; setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=5 ping -c1 -W1 127.0.0.2'
unshare -n bash -c 'ip link set lo up; sysctl -w net.ipv4.ping_group_range="5 5"; setpriv --reuid=1000 --regid=1000 --groups=5 unshare -U --map-user=5 --map-group=5 ping -c1 -W1 127.0.0.1'
unshare -n bash -c 'ip link set lo up; sysctl -w net.ipv4.ping_group_range="5 5"; setpriv --reuid=1000 --regid=1000 --groups=5 unshare -U --map-user=5 --map-group=5 cat /proc/sys/net/ipv4/ping_group_range'
! unshare -n bash -c 'sysctl -w net.ipv4.ping_group_range="1000 1000"; setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=5 ping -c1 -W1 127.0.0.1'
! unshare -n bash -c 'ip link set lo up; ip link add v0 type veth peer name v1; ip addr add 10.0.0.1/24 dev v0; ip link set v0 up; ip link set v1 up; sysctl -w net.ipv4.ping_group_range="1000 1000"; setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=5 ping -c2 -i0.2 -W1 10.0.0.9'
ip link set lo up
! unshare -U ping -c1 -W1 127.0.0.1
! unshare -U ping
! unshare -U ping -c1 -Q 999 127.0.0.1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=5 ping -c1 -W1 127.0.0.1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=5 -n bash -c 'ip link set lo up; ping -c1 -W1 127.0.0.1'
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 --map-group=0 -n bash -c 'ip link set lo up; ping -c1 -W1 127.0.0.1'
unshare -n bash -c 'sysctl -w net.ipv4.ping_group_range="-1 5"; sysctl -w net.ipv4.ping_group_range="0 2147483647"; sysctl net.ipv4.ping_group_range; sysctl -w net.ipv4.ping_group_range="0 2147483648"; sysctl -w net.ipv4.ping_group_range="7"; sysctl net.ipv4.ping_group_range; sysctl -w net.ipv4.ping_group_range="9 3"; sysctl net.ipv4.ping_group_range'
