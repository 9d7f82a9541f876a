/**
 * The kernel backend: runs scenarios on this machine's real kernel, inside a private sandbox, as
 * the ground truth the simulator is compared against.
 *
 * <p>How a run goes. {@link netsim.sandbox.SandboxBackend} checks each line against the scenario
 * language and hands the accepted ones to a {@link netsim.sandbox.SandboxSession}, which started
 * {@link netsim.sandbox.SandboxAgent} under {@code unshare} in fresh mount, network and PID
 * namespaces. The agent, PID 1 there, sets the sandbox up (tmpfs on {@code /run}, {@code
 * /proc/sys} read-only but for {@code net}, {@code lo} up, an empty working folder of mode 1777),
 * checks each line again, runs it as an argument vector ({@link netsim.sandbox.AgentCommand}) and
 * answers with its status and output. One JSON object per line travels each way ({@link
 * netsim.sandbox.AgentProtocol}).
 *
 * <p>Why nothing outlives a run. The agent reads its requests on stdin and halts at end of input,
 * which comes when the JVM that started it closes the pipe or dies, even by SIGKILL. As PID 1 of
 * its PID namespace, its end makes the kernel kill every process left there; the network
 * namespaces, devices and mounts of the sandbox then have no user left and go too. {@code
 * --kill-child} covers {@code unshare} being killed.
 *
 * <p>Many runs, one sandbox. {@link netsim.sandbox.SandboxPool} keeps sandboxes open and runs each
 * script in a fresh <em>world</em> of one of them ({@link netsim.sandbox.World}): new network and
 * mount namespaces made by a holder process, a child of the agent, set up as the sandbox was; the
 * lines run in them through {@code nsenter} with a fixed prefix, and ending the world kills the
 * holder, which takes its namespaces with it. A world costs milliseconds where a sandbox costs
 * most of a second, which is what lets property tests run hundreds of scripts on the kernel.
 *
 * <p>{@link netsim.sandbox.KernelProbe} finds out what the kernel offers ({@link
 * netsim.model.KernelProfile}), so that the simulator can be set up the same way.
 */
package netsim.sandbox;
