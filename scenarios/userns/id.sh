# id (coreutils 9.1): ids as the process's user namespace shows them, names from /etc/passwd and
# /etc/group. Supplementary groups without a mapping show as 65534, once.

id
id -u
id -un
id -G
id -Gn
id -ur
id -gn
id --user --name
setpriv --reuid=1000 --regid=1000 --groups 4,27 unshare -U -r id
setpriv --reuid=1000 --regid=1000 --groups 27,4 unshare -U -r id -G
setpriv --reuid=1000 --regid=1000 --groups 27,4 unshare -U -r id -Gn
setpriv --reuid=1000 --regid=1000 --groups 4,27,1000 unshare -U --map-group=1000 id
setpriv --reuid=1000 --regid=1000 --groups 4,27 id -G
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=4294967294 id -u
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=4294967294 id -un
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=4294967294 id -nG
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=1234 --map-group=4321 id

# Other users, by name or number.
id root cloudsdk
id 1000
id -G postgres
id -Gn postgres
id -u nobody
! id nosuch
! id 4242
! id ''

# Option errors.
! id -u -g
! id -n
! id -r
! id -z
! id -x
! id --nosuch
! id -Z
