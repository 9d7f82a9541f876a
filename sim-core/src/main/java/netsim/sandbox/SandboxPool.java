package netsim.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;

/**
 * The kernel backend for many runs: keeps up to {@code size} sandboxes open and runs each script
 * in a fresh world of one of them (new network and mount namespaces, set up as a new sandbox is;
 * see {@link World}), instead of starting a sandbox per script. A script's results are the same
 * as {@link SandboxBackend} gives; starting a world costs a few milliseconds where a sandbox
 * costs most of a second. {@link #run} may be called from several threads at once: each call
 * takes a sandbox of its own, so up to {@code size} scripts run in parallel.
 *
 * <p>The cage is the same: the sandboxes are {@link SandboxSession}s, every line is checked as
 * {@link SandboxBackend} checks it, and a world lives inside its sandbox. A sandbox that fails
 * is closed and replaced by a new one on the next run. {@link #close} ends them all.
 */
public final class SandboxPool implements Backend, AutoCloseable {

  private final SandboxBackend lines = new SandboxBackend();
  private final int size;
  private final Deque<SandboxSession> idle = new ArrayDeque<>();
  private final List<SandboxSession> all = new ArrayList<>();
  private boolean closed;

  /** A pool of at most {@code size} sandboxes, opened as runs need them. */
  public SandboxPool(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a pool needs at least one sandbox: " + size);
    }
    this.size = size;
  }

  @Override
  public String name() {
    return "kernel";
  }

  /** How many sandboxes may be open, and so how many scripts may run at once. */
  public int size() {
    return size;
  }

  @Override
  public List<LineResult> run(Script script) throws BackendUnavailableException {
    Optional<String> why = SandboxBackend.unavailableReason();
    if (why.isPresent()) {
      throw new BackendUnavailableException(why.get());
    }
    SandboxSession sandbox = take();
    boolean healthy = false;
    try {
      sandbox.openWorld();
      List<LineResult> results = new ArrayList<>();
      for (ScriptLine line : script.lines()) {
        results.add(lines.run(sandbox, line));
      }
      sandbox.closeWorld();
      healthy = true;
      return results;
    } finally {
      give(sandbox, healthy);
    }
  }

  private SandboxSession take() throws BackendUnavailableException {
    synchronized (this) {
      while (true) {
        if (closed) {
          throw new BackendUnavailableException("the sandbox pool is closed");
        }
        if (!idle.isEmpty()) {
          return idle.pop();
        }
        if (all.size() < size) {
          break;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BackendUnavailableException("interrupted while waiting for a sandbox");
        }
      }
      all.add(null); // a place held while the sandbox starts, outside the lock
    }
    SandboxSession s = null;
    try {
      s = SandboxSession.open();
      return s;
    } finally {
      synchronized (this) {
        all.remove(null);
        if (s != null) {
          all.add(s);
        }
        notifyAll();
      }
    }
  }

  private void give(SandboxSession s, boolean healthy) {
    boolean keep;
    synchronized (this) {
      keep = healthy && !closed;
      if (keep) {
        idle.push(s);
      } else {
        all.remove(s);
      }
      notifyAll();
    }
    if (!keep) {
      s.close();
    }
  }

  /** Ends every sandbox; runs under way end with an error. */
  @Override
  public void close() {
    List<SandboxSession> open;
    synchronized (this) {
      closed = true;
      open = new ArrayList<>(all);
      all.clear();
      idle.clear();
      notifyAll();
    }
    for (SandboxSession s : open) {
      if (s != null) {
        s.close();
      }
    }
  }
}
