# Writing /proc/self/uid_map, gid_map and setgroups (kernel/user_namespace.c). A process can only
# write its own namespace's files here, and after exec it never may: a namespace made without a
# map leaves no capability, and one made with -r has its maps written already (written once).

# The initial namespace's maps are fixed, for root too.
! bash -c 'echo "0 0 1" > /proc/self/uid_map'
! setpriv --reuid=1000 --regid=1000 --clear-groups bash -c 'echo "0 0 1" > /proc/self/gid_map'
! sh -c 'echo "0 0 1" > /proc/self/uid_map'

# No map: no capabilities, so EPERM (uid_map) and, at open, EACCES (setgroups).
! unshare -U bash -c 'echo "0 0 1" > /proc/self/uid_map'
! unshare -U bash -c 'echo "0 0 1" > /proc/self/gid_map'
! unshare -U bash -c 'echo "" > /proc/self/uid_map'
! unshare -U bash -c 'echo deny > /proc/self/setgroups'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U bash -c 'echo "0 1000 1" > /proc/self/uid_map'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U bash -c 'echo deny > /proc/self/setgroups'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U sh -c 'echo deny > /proc/self/setgroups'

# Mapped: the maps are written already, and setgroups is denied for good.
! unshare -U -r bash -c 'echo "1 1 1" > /proc/self/uid_map'
! unshare -U -r bash -c 'echo deny > /proc/self/setgroups'
! unshare -U -r bash -c 'echo allow > /proc/self/setgroups'
! unshare -U -r sh -c 'echo deny > /proc/self/setgroups'
! unshare -U -r sh -c 'echo "0 0 1" > /proc/self/uid_map'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r bash -c 'echo "0 0 1" > /proc/self/uid_map'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 bash -c 'echo "0 1000 1" > /proc/self/gid_map'

# A uid map alone leaves setgroups allowed and writable by root inside.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 bash -c 'echo deny > /proc/self/setgroups; cat /proc/self/setgroups'
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 bash -c 'echo allow > /proc/self/setgroups; cat /proc/self/setgroups'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 bash -c 'echo denyx > /proc/self/setgroups'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 bash -c 'echo allowxxx > /proc/self/setgroups'
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 bash -c 'echo "deny " > /proc/self/setgroups; echo rc=0'

# Root of the initial namespace may allow (it is allowed) but not deny (its gid map exists).
bash -c 'echo allow > /proc/self/setgroups'
! bash -c 'echo deny > /proc/self/setgroups'
! bash -c 'echo allowxxxxxx > /proc/self/setgroups'
! setpriv --reuid=1000 --regid=1000 --clear-groups bash -c 'echo deny > /proc/self/setgroups'
cat /proc/self/setgroups
