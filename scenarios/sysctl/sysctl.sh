# sysctl: forms, errors, per-namespace defaults and the relations between keys (F1-F5, C1).
sysctl net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
sysctl -q -w net.ipv4.ip_forward=0
sysctl net.ipv4.ip_forward=1
sysctl -w net/ipv4/ip_forward=1
sysctl -n net.ipv4.ip_forward
sysctl -N net.ipv4.ip_forward
sysctl net.ipv4.ping_group_range
! sysctl net.ipv4.no_such_key
! sysctl -w net.ipv4.ip_forward=1 net.ipv4.nope=2 net.ipv4.conf.all.rp_filter=0
! sysctl -w net.ipv4.ip_forward=abc
! sysctl -w net.ipv4.ip_forward
! sysctl -w net.ipv4.icmp_echo_ignore_all=2
! sysctl -w net.ipv4.ip_default_ttl=0
sysctl -w net.ipv4.conf.all.rp_filter=5
sysctl -e net.ipv4.nope
! sysctl
sysctl net.ipv4.conf.all
sysctl net.ipv4.route
sysctl -w net.ipv4.route.flush=1
sysctl net.ipv4.route.flush
sysctl -w net.ipv4.ip_forward=" 7"
sysctl net.ipv4.conf.all.forwarding net.ipv4.conf.lo.forwarding net.ipv4.conf.all.accept_redirects
! sysctl net.ipv4.neigh.default.mcast_solicit
sysctl net.ipv4.neigh.lo.mcast_solicit net.ipv4.neigh.lo.retrans_time_ms
echo 0 > /proc/sys/net/ipv4/ip_forward
cat /proc/sys/net/ipv4/ip_forward
! echo abc > /proc/sys/net/ipv4/ip_forward
! echo 1 > /proc/sys/net/ipv4/nope
! sh -c 'echo 5 > /proc/sys/net/ipv4/icmp_echo_ignore_all'
! sh -c 'echo 1 > /proc/sys/net/ipv4/nope'
! cat /proc/sys/net/ipv4/nope

# conf.default: new devices copy it; devices that never set a key follow later writes,
# until an address is added (ipv4_devconf_setall); moved devices take the target's defaults.
ip netns add a
ip link add v0 type veth peer name v1
sysctl -w net.ipv4.conf.default.rp_filter=2
sysctl net.ipv4.conf.v0.rp_filter net.ipv4.conf.all.rp_filter
ip addr add 192.0.2.1/24 dev v1
sysctl -w net.ipv4.conf.default.arp_ignore=2
sysctl net.ipv4.conf.v0.arp_ignore net.ipv4.conf.v1.arp_ignore net.ipv4.conf.lo.arp_ignore
ip link add w0 type veth peer name w1
sysctl net.ipv4.conf.w0.rp_filter
ip link set v0 netns a
ip netns exec a sysctl net.ipv4.conf.v0.rp_filter net.ipv4.ip_forward
ip -n a link set v0 name v0b
ip netns exec a sysctl net.ipv4.conf.v0b.rp_filter
! ip netns exec a sysctl net.ipv4.conf.v0.rp_filter
