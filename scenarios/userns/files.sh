# Files created in the working folder (a 1777 tmpfs folder owned by root) belong to the kernel ids
# of their creator, whatever user namespace it was in; each namespace shows them through its maps.

setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r touch f1
stat -c '%u %g %U %G %a %A %F %n' f1
setpriv --reuid=1000 --regid=1000 --clear-groups stat -c '%u %g %U %G %n' f1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r stat -c '%u %g %U %G %n' f1 . /
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 --map-group=6 stat -c '%u:%g %U:%G %n' f1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-user=5 stat -c '%u:%g %U:%G %n' f1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U --map-current-user stat -c '%u:%g %U:%G %n' f1 .

# No mapping is needed to create a file: the tmpfs checks ids in the initial namespace.
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U touch f4
stat -c '%u %g %U %G %n' f4
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U stat -c '%u %g %U %G %n' f4

# Supplementary groups do not own files; the effective gid does.
setpriv --reuid=1000 --regid=1000 --groups 4,27 unshare -U -r touch gf
stat -c '%u %g %n' gf

# Touching a file that exists needs ownership, CAP_FOWNER over it (its ids mapped), or write
# permission. Root of a user namespace holds nothing over files of ids it does not map.
touch rootf
stat -c '%u %g %a %n' rootf
! setpriv --reuid=1000 --regid=1000 --clear-groups touch rootf
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r touch rootf
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r stat -c %U:%G:%u:%g rootf
setpriv --reuid=1000 --regid=1000 --clear-groups touch f1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r touch f1
touch f1
! unshare -U -r touch f1
! unshare -U touch f1
setpriv --reuid=1000 --regid=1000 --clear-groups touch -c nosuch rootf2 f1
! stat nosuch

# The folder grows by 20 bytes per entry on tmpfs.
stat -c '%s %h %a %A %F %U %G' .
touch a b c
stat -c '%s' .

# stat's formats and errors.
stat -c '[%n] [%N] [%5u|%-5u|%05u] [%10.3U|%-8G|] [%a %04a %f] [%s %b %B %h]' f1 rootf
stat -c '%Q' f1
stat -c '' f1
! stat -c %U nosuch f1
stat --printf '%U\n%G\t' f1 f1
stat --printf 'a\qb\x41\101\' f1
stat -c '%' f1
stat -c 'abc%' f1
! stat -c '%10%' f1
! stat -c
! stat

# cat of the folder's (empty) files, /proc/sys and /proc/self.
cat f1 rootf
! cat f1 nosuch
! cat /proc/sys/net/ipv4
cat /proc/sys/net/ipv4/ip_forward /proc/self/setgroups
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r cat -n /proc/self/uid_map /proc/self/setgroups
cat -A /proc/sys/net/ipv4/ping_group_range
! touch
! touch -x a
