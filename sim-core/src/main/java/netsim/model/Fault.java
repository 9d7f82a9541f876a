package netsim.model;

/**
 * Deliberate faults a simulator can be given, to prove that the differential harness notices a
 * model that is wrong: each one breaks one behaviour the kernel has.
 */
public enum Fault {
  /** A router never forwards, whatever its forwarding sysctls say. */
  FORWARDING_IGNORED
}
