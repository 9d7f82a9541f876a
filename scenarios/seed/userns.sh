# The seed's second part (shared/seed/000_745cf065ecbbf93e.txt): with `unshare -U -r` a user looks
# like root inside a user namespace, while the kernel still sees them as themselves outside, and
# /proc/PID/uid_map and gid_map hold the mapping rules. It is also what makes rootless networking
# possible: a network namespace made inside the user namespace is its own.
#
# The tutorial's user is uid 1000 with a few supplementary groups. The harness runs as root, so
# each line becomes that user with setpriv; adm (4) and sudo (27) play the tutorial's groups.

# Outside, an ordinary user; inside, root. Groups without a mapping show as nogroup, once.
setpriv --reuid=1000 --regid=1000 --groups 4,27 id
setpriv --reuid=1000 --regid=1000 --groups 4,27 unshare -U -r id

# A file created inside belongs to root inside, and to the user outside.
setpriv --reuid=1000 --regid=1000 --groups 4,27 unshare -U -r touch hoge
setpriv --reuid=1000 --regid=1000 --groups 4,27 unshare -U -r stat -c '%A %U %G %n' hoge
setpriv --reuid=1000 --regid=1000 --groups 4,27 stat -c '%A %U %G %n' hoge
stat -c '%u %g %U %G %n' hoge

# The mapping rules: first id inside, first id outside, how many. -r maps just the user to 0,
# and denies setgroups so that an unprivileged user may write gid_map.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups
# The initial namespace maps every id to itself.
cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups

# Other mappings: any single id inside; ids without a mapping show as 65534.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=6 stat -c '%u:%g %U:%G %n' hoge .
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-group=lp id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U id

# Nested: each namespace shows the maps relative to its parent.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r unshare -U --map-user=7 --map-group=8 bash -c 'cat /proc/self/uid_map /proc/self/gid_map; id; stat -c "%u %U" hoge'

# Maps are written once, and never from inside after exec: even root inside gets EPERM.
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r bash -c 'echo "0 0 1" > /proc/self/uid_map'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U bash -c 'echo "0 1000 1" > /proc/self/uid_map'
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U bash -c 'echo deny > /proc/self/setgroups'

# Root inside owns nothing of the host: its network namespace belongs to the initial user
# namespace. A network namespace made together with the user namespace is its own.
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip link add v0 type veth peer name v1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n ip link add v0 type veth peer name v1
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -n true

# Rootless networking, end to end, in a namespace of its own.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'ip link set lo up; ip link add v0 type veth peer name v1; ip addr add 10.9.0.1/24 dev v0; ip link set v0 up; ip link set v1 up; ip route add 10.10.0.0/16 via 10.9.0.2; ip -4 addr; ip route; ping -c1 -W1 127.0.0.1; ping -c1 -W1 10.9.0.1'
