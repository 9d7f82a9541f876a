# Named network namespaces from a user namespace or as an ordinary user: setns needs CAP_SYS_ADMIN
# over the netns's owner, /run/netns cannot be remounted, and deleting fails on the mount.
ip netns add x
! setpriv --reuid=1000 --regid=1000 --clear-groups ip netns exec x ip link
! setpriv --reuid=1000 --regid=1000 --clear-groups ip -n x link
! unshare -U -r ip netns exec x ip link
! unshare -U -r ip -n x link
! unshare -U -r ip -n x link set lo up
! setpriv --reuid=1000 --regid=1000 --clear-groups ip netns add y
! unshare -U -r ip netns add y
setpriv --reuid=1000 --regid=1000 --clear-groups ip netns
unshare -U -r ip netns
! unshare -U -r ip netns del x
! unshare -U -r -n ip netns exec x ip link
! ip netns exec x unshare -U -r ip netns exec x ip link
! ip netns exec x unshare -U -r ip -n x link
! unshare -U -r ip netns del x
! unshare -U -r ip netns del nosuch
! setpriv --reuid=1000 --regid=1000 --clear-groups ip netns del x
! setpriv --reuid=1000 --regid=1000 --clear-groups ip netns del nosuch
! unshare -U --map-user=0 --map-group=0 setpriv --reuid=0 ip netns del x
ip netns
ip netns del x
