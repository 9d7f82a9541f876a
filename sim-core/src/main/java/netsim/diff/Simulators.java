package netsim.diff;

import java.lang.reflect.InvocationTargetException;
import netsim.model.KernelProfile;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;

/**
 * Makes the simulator backend for a comparison, set up with the kernel's profile.
 *
 * <p>Temporary: {@code netsim.sim.Simulator} is being written alongside this package, so it is
 * found by name until it exists; then this becomes {@code new Simulator(profile)}.
 */
public final class Simulators {

  private Simulators() {}

  public static Backend create(KernelProfile profile) throws BackendUnavailableException {
    try {
      return (Backend) Class.forName("netsim.sim.Simulator")
          .getConstructor(KernelProfile.class)
          .newInstance(profile);
    } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException
        | IllegalAccessException e) {
      throw new BackendUnavailableException("the simulator is not built yet: " + e);
    } catch (InvocationTargetException e) {
      throw new BackendUnavailableException("the simulator could not start: " + e.getCause());
    }
  }
}
