# unshare's mapping options (util-linux 2.38.1), run as uid 1000 as the harness does with setpriv.
# Each option writes a single line "INSIDE OUTSIDE 1"; a gid map is preceded by "deny" in
# setgroups, without which an unprivileged user may not write it.

# -r: root inside; --map-current-user: the same ids inside as outside.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-root-user cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-current-user cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -c id

# A uid map alone leaves gid_map empty and setgroups allowed; the gid shows as nogroup.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=games id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-group=disk id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=lp --map-group=lp id

# No map at all: overflow ids, empty maps, setgroups allowed.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --user cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups

# The later option wins.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -r --map-user=5 id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=5 -r id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -r --map-group=6 id

# Numbers are read by strtoul: a sign, leading blanks, wrapping at 32 bits; -1 means no map.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=-1 id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=-2 id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare '--map-user= 5' id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=4294967296 id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=4294967294 cat /proc/self/uid_map
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=1234 --map-group=4321 id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=nosuchuser id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user= id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-user=99999999999999999999999 id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-group=nosuch id

# --setgroups.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --setgroups deny cat /proc/self/setgroups
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=0 --setgroups allow cat /proc/self/setgroups
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --setgroups bogus id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r --setgroups allow id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-root-user --setgroups deny cat /proc/self/setgroups
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --setgroups allow id
! unshare --setgroups deny id
unshare --setgroups allow id

# As root: the outside id is 0.
unshare -U -r cat /proc/self/uid_map /proc/self/gid_map
unshare -U --map-user=1000 --map-group=1000 cat /proc/self/uid_map /proc/self/gid_map
unshare -U --map-current-user id
unshare -U id

# getopt_long's prefixes and messages.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-r --map-c --us id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-u=5 id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --u id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --setg=deny id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare --map-root-user=x id
