# setpriv (util-linux 2.38.1) changes ids with setresuid, setresgid and setgroups, in that order;
# a failed call ends it with status 127. It keeps its capabilities across the uid change, so
# root can still set the groups of uid 1000; the command it runs has none unless it is root.

setpriv --reuid=1000 --regid=1000 --clear-groups id
setpriv --reuid=cloudsdk --regid=cloudsdk --clear-groups id
setpriv --reuid=1000 --regid=1000 --groups 27,4 id
setpriv --reuid=1000 --regid=1000 --groups sudo,adm id -G
setpriv --reuid=1000 --regid=1000 --init-groups id
setpriv --reuid=postgres --regid=104 --init-groups id
setpriv --reuid=1234 --regid=1234 --clear-groups id
setpriv --reuid=1234 id
setpriv id

# Errors in the options.
! setpriv --reuid=1234 --regid=1000 --init-groups id
! setpriv --regid=1234 id
! setpriv --reuid=nosuch id
! setpriv --reuid=1000 --regid=1000 --groups 4,,27 id
! setpriv --clear-groups --init-groups id
! setpriv --reuid=1000 --reuid=1000 id
! setpriv --clear-groups --clear-groups id
! setpriv --in id

# As uid 1000, without capabilities: only its own ids.
! setpriv --reuid=1000 --regid=1000 --clear-groups setpriv --reuid=0 id
! setpriv --reuid=1000 --regid=1000 --clear-groups setpriv --reuid=1000 --regid=1000 --clear-groups id
setpriv --reuid=1000 --regid=1000 --clear-groups setpriv --reuid=1000 id

# Root inside a user namespace: ids must be mapped there (EINVAL), and setgroups needs a gid map
# that allows it (EPERM after -r, which denies it).
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r setpriv --reuid=5 id
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r setpriv --reuid=0 id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r setpriv --reuid=0 --regid=0 --clear-groups id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r setpriv --reuid=0 --regid=0 --init-groups id
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r setpriv --regid=0 --groups 0 id
! unshare -U -r setpriv --regid=0 --clear-groups id
! unshare -U --map-user=0 --setgroups allow setpriv --regid=0 --clear-groups id
! unshare -U --map-user=0 --setgroups allow setpriv --clear-groups id
