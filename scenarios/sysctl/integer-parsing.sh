# How integer sysctls read a write (proc_dointvec): C's base 0, no '+', blanks between values,
# extra values ignored, missing ones kept; and the handlers with their own checks:
# ip_local_port_range and ping_group_range (unsigned, gids).
ip netns add t
! ip netns exec t sysctl -w net.ipv4.ip_default_ttl="+5"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
ip netns exec t sysctl -w net.ipv4.ip_default_ttl="5 6"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
! ip netns exec t sysctl -w net.ipv4.ip_default_ttl="-0"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
ip netns exec t sysctl -w net.ipv4.ip_default_ttl=" 7 "
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
ip netns exec t sysctl -w net.ipv4.ip_default_ttl="0x10"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
ip netns exec t sysctl -w net.ipv4.ip_default_ttl="010"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
! ip netns exec t sysctl -w net.ipv4.ip_default_ttl="08"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
! ip netns exec t sysctl -w net.ipv4.ip_default_ttl="1e1"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
! ip netns exec t sysctl -w net.ipv4.ip_default_ttl="5,6"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
ip netns exec t sysctl -w net.ipv4.ip_default_ttl="5	6"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
! ip netns exec t sysctl -w net.ipv4.ip_default_ttl="0x"
ip netns exec t cat /proc/sys/net/ipv4/ip_default_ttl
ip netns del t
ip netns add t
! ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="+1"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="1 2"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="-1"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
! ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="2147483648"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="-2147483648"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
! ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="-2147483649"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
! ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="- 1"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
! ip netns exec t sysctl -w net.ipv4.conf.all.rp_filter="--1"
ip netns exec t cat /proc/sys/net/ipv4/conf/all/rp_filter
ip netns del t
ip netns add t
! ip netns exec t sysctl -w net.ipv4.ip_local_port_range="+1 +2"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
! ip netns exec t sysctl -w net.ipv4.ip_local_port_range="1 2 3"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
! ip netns exec t sysctl -w net.ipv4.ip_local_port_range="08 9"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
! ip netns exec t sysctl -w net.ipv4.ip_local_port_range="-0 5"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
! ip netns exec t sysctl -w net.ipv4.ip_local_port_range="1000 2000"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
ip netns exec t sysctl -w net.ipv4.ip_local_port_range="3000"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
! ip netns exec t sysctl -w net.ipv4.ip_local_port_range="2000 1000"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
ip netns exec t sysctl -w net.ipv4.ip_local_port_range="0x400 0x800"
ip netns exec t cat /proc/sys/net/ipv4/ip_local_port_range
ip netns del t
ip netns add t
ip netns exec t sysctl -w net.ipv4.ping_group_range="0 4294967294"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
! ip netns exec t sysctl -w net.ipv4.ping_group_range="0 4294967295"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
! ip netns exec t sysctl -w net.ipv4.ping_group_range="0 4294967296"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
! ip netns exec t sysctl -w net.ipv4.ping_group_range="+3 +4"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns exec t sysctl -w net.ipv4.ping_group_range=" 5	6 "
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns exec t sysctl -w net.ipv4.ping_group_range="5 6 7"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
! ip netns exec t sysctl -w net.ipv4.ping_group_range="a"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
! ip netns exec t sysctl -w net.ipv4.ping_group_range=""
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
! ip netns exec t sysctl -w net.ipv4.ping_group_range="3 -0"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
! ip netns exec t sysctl -w net.ipv4.ping_group_range="-1 5"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns exec t sysctl -w net.ipv4.ping_group_range="0 2147483648"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns exec t sysctl -w net.ipv4.ping_group_range="7"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns exec t sysctl -w net.ipv4.ping_group_range="9 3"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns exec t sysctl -w net.ipv4.ping_group_range="0x10 0x20"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns exec t sysctl -w net.ipv4.ping_group_range="010 011"
ip netns exec t cat /proc/sys/net/ipv4/ping_group_range
ip netns del t
