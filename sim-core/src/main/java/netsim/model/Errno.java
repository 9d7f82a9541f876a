package netsim.model;

/** The kernel's error numbers the model returns, with glibc's {@code strerror} text. */
public enum Errno {
  EPERM(1, "Operation not permitted"),
  ENOENT(2, "No such file or directory"),
  ESRCH(3, "No such process"),
  EIO(5, "Input/output error"),
  ENXIO(6, "No such device or address"),
  EACCES(13, "Permission denied"),
  EBUSY(16, "Device or resource busy"),
  EEXIST(17, "File exists"),
  ENODEV(19, "No such device"),
  EISDIR(21, "Is a directory"),
  EINVAL(22, "Invalid argument"),
  ERANGE(34, "Numerical result out of range"),
  ELOOP(40, "Too many levels of symbolic links"),
  EOPNOTSUPP(95, "Operation not supported"),
  EAFNOSUPPORT(97, "Address family not supported by protocol"),
  EADDRINUSE(98, "Address already in use"),
  EADDRNOTAVAIL(99, "Cannot assign requested address"),
  ENETDOWN(100, "Network is down"),
  ENETUNREACH(101, "Network is unreachable"),
  ENOBUFS(105, "No buffer space available"),
  EHOSTUNREACH(113, "No route to host"),
  /** Not a real error: a {@code throw} route makes the rule engine go on to the next rule. */
  EAGAIN_MARKER(11, "Resource temporarily unavailable");

  public final int number;
  public final String text;

  Errno(int number, String text) {
    this.number = number;
    this.text = text;
  }
}
