# Nested user namespaces: each map is shown relative to the parent of the namespace it belongs
# to, and the ids inside are the parent's ids, not the kernel's.

setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U -r bash -c 'cat /proc/self/uid_map /proc/self/gid_map; id'
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U --map-user=7 --map-group=8 bash -c 'cat /proc/self/uid_map /proc/self/gid_map; id'
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=6 unshare -U -r cat /proc/self/uid_map /proc/self/gid_map
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=6 unshare -U --map-user=9 id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U -r unshare -U -r unshare -U -r id
unshare -U -r unshare -U --map-user=3 --map-group=3 bash -c 'cat /proc/self/uid_map; id'

# A file's owner, through two levels of maps.
setpriv --reuid=1000 --regid=1000 --clear-groups touch nf
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U --map-user=7 --map-group=8 stat -c '%u %g %U %G' nf
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U stat -c '%u %g %U %G' nf

# The creator must be mapped where it stands: without a map, or with only a uid map, no child.
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U unshare -U -r id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 unshare -U -r cat /proc/self/uid_map
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 unshare -U -r id
! unshare -U unshare -U id

# Root inside may make a network namespace of its own, at any depth.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -n true
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U -r -n ip link set lo up
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U -n ip link set lo up
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=6 unshare -n true
